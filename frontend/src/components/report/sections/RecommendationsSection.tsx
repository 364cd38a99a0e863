import type { Report } from "../../../api/report";
import { LevelBadge, SourceLinks } from "../Sources";
import { SectionHeading } from "./SectionHeading";

export function RecommendationsSection({ report }: { report: Report }) {
  return (
    <div>
      <SectionHeading>Strategic recommendations</SectionHeading>
      {report.strategic_recommendations.length === 0 ? (
        <p className="mt-3 text-slate-600">No recommendations.</p>
      ) : (
        <ol className="mt-3 space-y-3">
          {report.strategic_recommendations.map((recommendation, index) => (
            <li key={index} className="print-break-avoid rounded-md border border-slate-200 p-3">
              <p className="flex flex-wrap items-center gap-2 font-semibold">
                <span>
                  {index + 1}. {recommendation.title}
                </span>
                <LevelBadge label="Priority" level={recommendation.priority} />
              </p>
              <p className="mt-1 whitespace-pre-line text-sm text-slate-700">
                {recommendation.detail}
                <SourceLinks ids={recommendation.source_ids} />
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
