import type { SubScore } from "../../api/report";

/** The rubric's sub-scores as horizontal bars: score out of each criterion's weight. */
export function ScoreChart({ subScores }: { subScores: SubScore[] }) {
  return (
    <figure>
      <figcaption className="sr-only">PMF sub-scores, each out of its weight</figcaption>
      <ul className="space-y-3">
        {subScores.map((subScore) => {
          const percent = subScore.weight > 0 ? Math.min(100, Math.max(0, (subScore.score / subScore.weight) * 100)) : 0;
          return (
            <li key={subScore.name} className="print-break-avoid">
              <div className="flex justify-between gap-2 text-sm">
                <span className="font-medium">{subScore.name}</span>
                <span className="shrink-0 tabular-nums text-slate-700">
                  {formatScore(subScore.score)} / {subScore.weight}
                </span>
              </div>
              <div
                className="mt-1 h-3 w-full overflow-hidden rounded-full bg-slate-200 print:border print:border-slate-400"
                role="img"
                aria-label={`${subScore.name}: ${formatScore(subScore.score)} of ${subScore.weight}`}
              >
                <div className="h-full rounded-full bg-brand-600 print:bg-slate-700" style={{ width: `${percent}%` }} data-testid="score-bar" />
              </div>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}

export function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}
