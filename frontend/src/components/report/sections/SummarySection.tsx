import type { Report } from "../../../api/report";
import { allConflicts } from "../../../lib/evidence";
import { ConflictList, Paragraphs } from "../Sources";
import { SectionHeading } from "./SectionHeading";

export function SummarySection({ report }: { report: Report }) {
  return (
    <div>
      <SectionHeading>Executive summary</SectionHeading>
      <div className="mt-3">
        <Paragraphs text={report.executive_summary} />
      </div>
      <ConflictList conflicts={allConflicts(report)} />
      <h3 className="mt-6 text-base font-semibold">Product idea</h3>
      <p className="mt-1 whitespace-pre-line text-slate-700">{report.product_idea}</p>
    </div>
  );
}
