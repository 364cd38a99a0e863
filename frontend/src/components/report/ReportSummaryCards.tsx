import type { Report } from "../../api/report";

function SummaryCard({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 break-words text-2xl font-bold tracking-tight">{value}</dd>
      {detail && <dd className="mt-1 line-clamp-2 text-xs text-slate-600">{detail}</dd>}
    </div>
  );
}

/** Key figures: PMF score, market size, competitors and sources. */
export function ReportSummaryCards({ report }: { report: Report }) {
  const size = report.market_analysis.market_size[0];
  return (
    <dl className="grid grid-cols-1 gap-3 min-[420px]:grid-cols-2 lg:grid-cols-4">
      <SummaryCard label="PMF score" value={`${report.pmf_score.total} / 100`} detail={report.pmf_score.verdict} />
      <SummaryCard label="Market size" value={size?.value || "Not found"} detail={size ? [size.year, size.text].filter(Boolean).join(" · ") : undefined} />
      <SummaryCard label="Competitors" value={String(report.competitive_landscape.competitors.length)} detail={`Saturation: ${report.competitive_landscape.saturation}`} />
      <SummaryCard label="Sources" value={String(report.methodology.sources_count || report.citations.length)} detail={`${report.citations.length} cited`} />
    </dl>
  );
}
