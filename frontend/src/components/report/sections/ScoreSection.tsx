import type { Level, Report } from "../../../api/report";
import { humanize } from "../../../lib/format";
import { ScoreChart, formatScore } from "../ScoreChart";
import { ClaimItem, SourceLinks } from "../Sources";
import { SectionHeading } from "./SectionHeading";

const CONFIDENCE_TONES: Record<Level, string> = {
  high: "bg-green-50 text-green-800 ring-green-300",
  medium: "bg-sky-50 text-sky-900 ring-sky-300",
  low: "bg-amber-50 text-amber-900 ring-amber-300",
};

function ConfidenceBadge({ level }: { level: Level | undefined }) {
  if (!level) return null;
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${CONFIDENCE_TONES[level]}`}>{humanize(level)} confidence</span>;
}

export function ScoreSection({ report }: { report: Report }) {
  const score = report.pmf_score;
  if (!score) {
    return (
      <div>
        <SectionHeading>Product-market fit score</SectionHeading>
        <p className="mt-3 text-slate-700">
          No score: none of the retrieved sources was about this idea, so there was no evidence to judge it by. The credits were refunded.
        </p>
      </div>
    );
  }
  return (
    <div>
      <SectionHeading>Product-market fit score</SectionHeading>
      <p className="mt-3 flex flex-wrap items-baseline gap-3">
        <span className="text-4xl font-bold tabular-nums">{score.total}</span>
        <span className="text-slate-600">out of 100</span>
        <span className="rounded-full bg-brand-50 px-3 py-1 text-sm font-semibold text-brand-800">{score.verdict}</span>
      </p>
      <div className="mt-6">
        <ScoreChart subScores={score.sub_scores} />
      </div>
      <h3 className="mt-8 text-base font-semibold">How each criterion was scored</h3>
      <ul className="mt-2 space-y-4">
        {score.sub_scores.map((subScore) => (
          <li key={subScore.name} className="print-break-avoid rounded-md border border-slate-200 p-3">
            <p className="flex flex-wrap items-center justify-between gap-2 font-semibold">
              <span>{subScore.name}</span>
              <span className="flex items-center gap-2">
                <ConfidenceBadge level={subScore.confidence} />
                <span className="tabular-nums">
                  {formatScore(subScore.score)} / {subScore.weight}
                </span>
              </span>
            </p>
            <p className="mt-1 text-sm text-slate-700">
              {subScore.rationale}
              <SourceLinks ids={subScore.source_ids} quote={subScore.evidence[0]?.quote} />
            </p>
            {subScore.evidence.length > 0 && (
              <ul className="mt-1 divide-y divide-slate-100 text-sm">
                {subScore.evidence.map((claim, index) => (
                  <ClaimItem key={index} claim={claim} />
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
