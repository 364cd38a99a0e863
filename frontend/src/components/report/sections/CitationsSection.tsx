import type { Report } from "../../../api/report";
import { listedSources, sourceTypeLabel } from "../../../lib/evidence";
import { formatDate, languageName } from "../../../lib/format";
import { SourceLinks } from "../Sources";
import { SectionHeading } from "./SectionHeading";

const PILL = "rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset";
const SAFE_URL = /^https?:\/\//i;

export function CitationsSection({ report }: { report: Report }) {
  const sources = listedSources(report);
  const cited = sources.filter((source) => source.cited).length;
  return (
    <div>
      <SectionHeading>Citations</SectionHeading>
      <p className="mt-1 text-sm text-slate-700">
        {sources.length === cited ? `${cited} ${cited === 1 ? "source" : "sources"} cited.` : `${cited} of ${sources.length} retrieved sources cited.`}
      </p>
      {sources.length === 0 ? (
        <p className="mt-3 text-slate-600">No source was cited.</p>
      ) : (
        <ol className="mt-3 divide-y divide-slate-100">
          {sources.map((source) => (
            <li key={source.id} id={`citation-${source.id}`} className={`print-break-avoid flex flex-col gap-1 py-2 sm:flex-row sm:items-start sm:gap-3 ${source.cited ? "" : "opacity-80"}`}>
              <span className="w-10 shrink-0 font-mono text-sm text-slate-600">{source.id}</span>
              <div className="min-w-0 flex-1">
                {SAFE_URL.test(source.url) && !source.sample ? (
                  <a href={source.url} target="_blank" rel="noopener noreferrer" className="break-words font-medium text-brand-700 underline-offset-2 hover:underline">
                    {source.title || source.url}
                    <span className="sr-only"> (opens in a new tab)</span>
                  </a>
                ) : (
                  <span className="break-words font-medium">{source.title || source.url}</span>
                )}
                <p className="break-all text-xs text-slate-600">{source.url}</p>
                <p className="mt-0.5 flex flex-wrap gap-x-3 text-xs text-slate-700">
                  {sourceTypeLabel(source.source_type) && <span>{sourceTypeLabel(source.source_type)}</span>}
                  {source.published && <span>Published {formatDate(source.published)}</span>}
                  {source.language && source.language !== "en" && <span>In {languageName(source.language)}</span>}
                  {source.cited && source.claims !== undefined && (
                    <span>
                      Quote found for {source.verified} of {source.claims} {source.claims === 1 ? "finding" : "findings"}
                    </span>
                  )}
                </p>
              </div>
              <div className="flex shrink-0 flex-wrap items-center gap-1">
                {source.sample && <span className={`${PILL} bg-amber-50 text-amber-900 ring-amber-300`}>Fictional sample</span>}
                {!source.cited && <span className={`${PILL} bg-slate-100 text-slate-700 ring-slate-300`}>Not cited</span>}
                {source.cited && <SourceLinks ids={[source.id]} />}
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
