import type { Report } from "../../api/report";
import { isInsufficient, isSampleReport } from "../../lib/evidence";

/** The banner on everything built from the fictional sample corpus. */
export function DemoBanner() {
  return (
    <div role="note" aria-label="Demo data" className="rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950" data-testid="demo-banner">
      <p>
        <strong>Demo report — fictional data.</strong> Built from the sample documents shipped with the app: the companies, figures and sources are invented to show how a
        report looks. Do not use them for decisions.
      </p>
    </div>
  );
}

/** How to read the checks shown on each finding. */
export function ChecksLegend() {
  return (
    <details className="rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm print:block" data-testid="checks-legend">
      <summary className="cursor-pointer font-medium text-slate-800">How to read the checks on each finding</summary>
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-slate-700 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-green-800">✓ Quote found</dt>
        <dd>The finding's quote appears word for word in the stored text of its source. It says the source says it, not that it is true.</dd>
        <dt className="font-medium text-green-800">✓ Numbers match</dt>
        <dd>Every number and year in the finding also appears in that quote.</dd>
        <dt className="font-medium text-amber-900">Vendor claim · Dated figure · Forecast</dt>
        <dd>A company's claim about its own market, a figure more than five years old, or a projection: read with care; they never raise the score.</dd>
        <dt className="font-medium text-slate-800">S1, S2…</dt>
        <dd>Open the passage of the source the finding comes from.</dd>
      </dl>
    </details>
  );
}

/** Notices above a report: demo data, and the outcome when the sources were not about the idea. */
export function ReportNotices({ report }: { report: Report }) {
  return (
    <>
      {isSampleReport(report) && <DemoBanner />}
      {isInsufficient(report) && (
        <div role="note" aria-label="What was searched" className="rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-800">
          <strong>What was searched.</strong> {report.outcome_reason || "The Methodology tab lists the searches that were run."}
        </div>
      )}
    </>
  );
}
