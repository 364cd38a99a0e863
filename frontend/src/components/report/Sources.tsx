// Report sections: every string from the report is rendered as React text, never as HTML or Markdown.
import { createContext, useContext } from "react";
import type { Citation, Claim, Level } from "../../api/report";
import { humanize } from "../../lib/format";

export const CitationsContext = createContext<Map<string, Citation>>(new Map());

/** Links to the sources behind a finding, by their report ids (S1, S2…). */
export function SourceLinks({ ids }: { ids: string[] }) {
  const citations = useContext(CitationsContext);
  if (ids.length === 0) return null;
  return (
    <span className="ml-1 inline-flex flex-wrap gap-1 align-baseline">
      {ids.map((id) => {
        const citation = citations.get(id);
        return citation ? (
          <a
            key={id}
            href={citation.url}
            target="_blank"
            rel="noopener noreferrer"
            title={citation.title}
            className="rounded bg-slate-100 px-1.5 text-xs font-medium text-brand-700 underline-offset-2 hover:underline"
          >
            {id}
            <span className="sr-only"> (source: {citation.title}, opens in a new tab)</span>
          </a>
        ) : (
          <span key={id} className="rounded bg-slate-100 px-1.5 text-xs text-slate-600">
            {id}
          </span>
        );
      })}
    </span>
  );
}

export function VerifiedBadge({ verified }: { verified: boolean | null }) {
  if (verified === null) return null;
  return verified ? (
    <span className="ml-1 rounded-full bg-green-50 px-2 py-0.5 text-xs font-medium text-green-800 ring-1 ring-inset ring-green-300">Verified</span>
  ) : (
    <span className="ml-1 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-inset ring-amber-300">Unverified</span>
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

/** A finding as text, with its quote, sources and verification status. */
export function ClaimItem({ claim }: { claim: Claim }) {
  return (
    <li className="print-break-avoid py-2">
      <p>
        {claim.text}
        <SourceLinks ids={claim.source_ids} />
        <VerifiedBadge verified={claim.verified} />
      </p>
      {claim.quote && !sameText(claim.quote, claim.text) && <blockquote className="mt-1 border-l-4 border-slate-200 pl-3 text-sm italic text-slate-600">“{claim.quote}”</blockquote>}
    </li>
  );
}

export function ClaimList({ title, claims, empty = "Nothing found." }: { title: string; claims: Claim[]; empty?: string }) {
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
