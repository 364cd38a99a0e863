import type { Report } from "../../api/report";
import { headlineFigure, listedSources } from "../../lib/evidence";
import { scoreTone } from "../../lib/score";

function SummaryCard({ label, value, detail, tone = "" }: { label: string; value: string; detail?: string; tone?: string }) {
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4">
      <dt className="text-xs text-slate-600 sm:text-sm">{label}</dt>
      <dd className={`mt-0.5 truncate text-lg font-bold tracking-tight sm:mt-1 sm:text-2xl ${tone}`}>{value}</dd>
      {detail && <dd className="mt-0.5 line-clamp-1 text-xs text-slate-600 sm:line-clamp-2">{detail}</dd>}
    </div>
  );
}

/** Key figures: PMF score, headline market size, competitors and sources (compact two-by-two on a phone). */
export function ReportSummaryCards({ report }: { report: Report }) {
  const size = headlineFigure(report.market_analysis.market_size, report.market_analysis.headline);
  const sources = listedSources(report);
  const cited = sources.filter((source) => source.cited).length;
  const competitors = report.competitive_landscape.competitors.length; // none found: no count, no saturation
  const sizeDetail = size ? [size.timeframe === "forecast" ? "forecast" : "", size.year, size.vendor_claim ? "vendor claim" : ""].filter(Boolean).join(" · ") : undefined;
  return (
    <dl className="grid grid-cols-2 gap-2 sm:gap-3 lg:grid-cols-4">
      {report.pmf_score ? (
        <SummaryCard label="PMF score" value={`${report.pmf_score.total} / 100`} detail={report.pmf_score.verdict} tone={scoreTone(report.pmf_score.total)} />
      ) : (
        <SummaryCard label="PMF score" value="No score" detail="Not enough evidence" />
      )}
      <SummaryCard label="Market size" value={size?.value || "Not found"} detail={sizeDetail} />
      {competitors ? (
        <SummaryCard label="Competitors" value={String(competitors)} detail={`Saturation: ${report.competitive_landscape.saturation}`} />
      ) : (
        <SummaryCard label="Competitors" value="Not found" detail="in the sources" />
      )}
      <SummaryCard label="Sources cited" value={String(cited)} detail={`of ${Math.max(report.methodology.sources_count, sources.length)} retrieved`} />
    </dl>
  );
}
