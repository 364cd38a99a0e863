import type { Citation, Report } from "../../../api/report";
import { SectionHeading } from "./SectionHeading";

function CitationBadge({ citation }: { citation: Citation }) {
  if (citation.verified > 0) {
    return (
      <span className="rounded-full bg-green-50 px-2 py-0.5 text-xs font-medium text-green-800 ring-1 ring-inset ring-green-300">
        Verified ({citation.verified}/{citation.claims} claims)
      </span>
    );
  }
  return <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-inset ring-amber-300">Unverified</span>;
}

export function CitationsSection({ report }: { report: Report }) {
  return (
    <div>
      <SectionHeading>Citations</SectionHeading>
      {report.citations.length === 0 ? (
        <p className="mt-3 text-slate-600">No citations.</p>
      ) : (
        <ol className="mt-3 divide-y divide-slate-100">
          {report.citations.map((citation) => (
            <li key={citation.id} id={`citation-${citation.id}`} className="print-break-avoid flex flex-col gap-1 py-2 sm:flex-row sm:items-start sm:gap-3">
              <span className="w-10 shrink-0 font-mono text-sm text-slate-600">{citation.id}</span>
              <div className="min-w-0 flex-1">
                <a href={citation.url} target="_blank" rel="noopener noreferrer" className="break-words font-medium text-brand-700 underline-offset-2 hover:underline">
                  {citation.title || citation.url}
                  <span className="sr-only"> (opens in a new tab)</span>
                </a>
                <p className="break-all text-xs text-slate-600">{citation.url}</p>
              </div>
              <div className="flex shrink-0 flex-wrap gap-1">
                <CitationBadge citation={citation} />
                {citation.sample && (
                  <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-inset ring-slate-300">Sample corpus</span>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
