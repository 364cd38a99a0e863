// Report sections: every string from the report is rendered as React text, never as HTML or Markdown.
import { createContext, useContext, useState } from "react";
import type { Citation, Claim, Conflict, Figure, Level } from "../../api/report";
import { claimChecks, conflictSentence, figureFlags } from "../../lib/evidence";
import { humanize } from "../../lib/format";
import { SourcePassageDialog } from "./SourcePassageDialog";

export type ReportContextValue = { taskId: string; citations: Map<string, Citation> };
export const ReportContext = createContext<ReportContextValue>({ taskId: "", citations: new Map() });

/** Buttons for the sources behind a finding (S1, S2…): each opens the passage the finding quotes. */
export function SourceLinks({ ids, quote = "" }: { ids: string[]; quote?: string }) {
  const { citations } = useContext(ReportContext);
  const [open, setOpen] = useState<string | null>(null);
  if (ids.length === 0) return null;
  return (
    <span className="ml-1 inline-flex flex-wrap gap-1 align-baseline">
      {ids.map((id) => {
        const citation = citations.get(id);
        return citation ? (
          <button
            key={id}
            type="button"
            onClick={() => setOpen(id)}
            title={`Show the passage in ${citation.title}`}
            className="min-h-6 rounded bg-slate-100 px-1.5 text-xs font-medium text-brand-700 underline-offset-2 hover:bg-brand-50 hover:underline"
          >
            {id}
            <span className="sr-only"> (show the passage in {citation.title})</span>
          </button>
        ) : (
          <span key={id} className="rounded bg-slate-100 px-1.5 text-xs text-slate-600">
            {id}
          </span>
        );
      })}
      {open && <SourcePassageDialog sourceId={open} quote={quote} onClose={() => setOpen(null)} />}
    </span>
  );
}

const PILL = "ml-1 inline-block rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset";
const PASSED = "bg-green-50 text-green-800 ring-green-300";
const FAILED = "bg-amber-50 text-amber-900 ring-amber-300";
const INFO = "bg-sky-50 text-sky-900 ring-sky-300";

/** "Quote found" / "Numbers match" pills (see the checks legend above the report). */
export function ChecksBadges({ claim }: { claim: Claim }) {
  return (
    <>
      {claimChecks(claim).map((check) => (
        <span key={check.label} className={`${PILL} ${check.passed ? PASSED : FAILED}`}>
          {check.passed ? "✓ " : "! "}
          {check.label}
        </span>
      ))}
    </>
  );
}

/** Vendor claim, dated figure, forecast and the figure's kind. */
export function FlagBadges({ figure }: { figure: Claim & Partial<Figure> }) {
  return (
    <>
      {figureFlags(figure).map((flag) => (
        <span key={flag.label} title={flag.title} className={`${PILL} ${flag.tone === "warning" ? FAILED : INFO}`}>
          {flag.label}
        </span>
      ))}
    </>
  );
}

/** Sources that disagree on a quantity, one sentence each. */
export function ConflictList({ conflicts }: { conflicts: Conflict[] | undefined }) {
  if (!conflicts || conflicts.length === 0) return null;
  return (
    <section className="mt-6 rounded-md border border-amber-300 bg-amber-50 p-3" aria-label="Sources disagree">
      <h3 className="text-base font-semibold text-amber-950">Sources disagree</h3>
      <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-amber-950">
        {conflicts.map((conflict, index) => (
          <li key={index}>
            {conflictSentence(conflict)}
            <SourceLinks ids={[...new Set((conflict.sides ?? []).flatMap((side) => side.source_ids ?? []))]} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function LevelBadge({ label, level }: { label: string; level: Level }) {
  const tone = level === "high" ? "bg-red-50 text-red-800 ring-red-300" : level === "medium" ? "bg-amber-50 text-amber-900 ring-amber-300" : "bg-slate-100 text-slate-700 ring-slate-300";
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`}>
      {label}: {humanize(level)}
    </span>
  );
}

function sameText(a: string, b: string): boolean {
  const normal = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  return normal(a) === normal(b) || normal(b).includes(normal(a));
}

/** A finding as text, with its quote, sources, checks and flags. */
export function ClaimItem({ claim }: { claim: Claim & Partial<Figure> }) {
  return (
    <li className="print-break-avoid py-2">
      <p>
        {claim.text}
        <SourceLinks ids={claim.source_ids} quote={claim.quote} />
        <ChecksBadges claim={claim} />
        <FlagBadges figure={claim} />
      </p>
      {claim.quote && !sameText(claim.quote, claim.text) && <blockquote className="mt-1 border-l-4 border-slate-200 pl-3 text-sm italic text-slate-600">“{claim.quote}”</blockquote>}
    </li>
  );
}

export function ClaimList({ title, claims, empty = "Not found in the sources." }: { title: string; claims: Claim[]; empty?: string }) {
  return (
    <section className="mt-6">
      <h3 className="text-base font-semibold">{title}</h3>
      {claims.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="mt-1 divide-y divide-slate-100">
          {claims.map((claim, index) => (
            <ClaimItem key={index} claim={claim} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** Plain text with its paragraphs kept (never parsed as Markdown or HTML). */
export function Paragraphs({ text }: { text: string }) {
  const paragraphs = text.split(/\n\s*\n/).map((paragraph) => paragraph.trim()).filter(Boolean);
  if (paragraphs.length === 0) return <p className="text-slate-600">—</p>;
  return (
    <div className="space-y-3">
      {paragraphs.map((paragraph, index) => (
        <p key={index} className="whitespace-pre-line">
          {paragraph}
        </p>
      ))}
    </div>
  );
}

/** What the sources did not answer (the analyst's plain list). */
export function NotFoundNote({ items }: { items: string[] | undefined }) {
  if (!items || items.length === 0) return null;
  return <p className="mt-6 text-sm text-slate-700">Not found in the sources: {items.join("; ")}.</p>;
}
