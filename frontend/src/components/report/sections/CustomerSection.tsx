import type { Report } from "../../../api/report";
import { ClaimItem, ClaimList, LevelBadge, Paragraphs, SourceLinks, ChecksBadges, ConflictList } from "../Sources";
import { SectionHeading } from "./SectionHeading";

export function CustomerSection({ report }: { report: Report }) {
  const customers = report.customer_insights;
  return (
    <div>
      <SectionHeading>Customer insights</SectionHeading>
      <div className="mt-3">
        <Paragraphs text={customers.summary} />
      </div>
      <section className="mt-6">
        <h3 className="text-base font-semibold">Pain points</h3>
        {customers.pain_points.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">Not found in the sources.</p>
        ) : (
          <ul className="mt-1 divide-y divide-slate-100">
            {customers.pain_points.map((pain, index) => (
              <li key={index} className="print-break-avoid py-2">
                <div className="flex flex-wrap gap-2">
                  <LevelBadge label="Frequency" level={pain.frequency} />
                  <LevelBadge label="Impact" level={pain.impact} />
                </div>
                <p className="mt-1">
                  {pain.text}
                  <SourceLinks ids={pain.source_ids} quote={pain.quote} />
                  <ChecksBadges claim={pain} />
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="mt-6">
        <h3 className="text-base font-semibold">Segments</h3>
        {customers.segments.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">Not found in the sources.</p>
        ) : (
          <ul className="mt-2 grid gap-3 sm:grid-cols-2">
            {customers.segments.map((segment, index) => (
              <li key={index} className="print-break-avoid rounded-md border border-slate-200 p-3">
                <p className="font-semibold">{segment.name}</p>
                {segment.description && <p className="mt-1 text-sm text-slate-700">{segment.description}</p>}
                {segment.evidence.length > 0 && (
                  <ul className="mt-1 text-sm">
                    {segment.evidence.map((claim, claimIndex) => (
                      <ClaimItem key={claimIndex} claim={claim} />
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <ClaimList title="Satisfaction drivers" claims={customers.satisfaction_drivers} />
      <ClaimList title="Willingness to pay" claims={customers.willingness_to_pay} />
      <ClaimList title="What customers recommend" claims={customers.recommendations} />
      <ConflictList conflicts={customers.conflicts} />
    </div>
  );
}
