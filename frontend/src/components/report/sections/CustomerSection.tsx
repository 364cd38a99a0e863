import type { Report, Segment } from "../../../api/report";
import { ClaimItem, ClaimList, LevelBadge, Paragraphs, SourceLinks, ChecksBadges, ConflictList, NotFoundNote } from "../Sources";
import { FigureList } from "./MarketSection";
import { SectionHeading } from "./SectionHeading";

function SegmentList({ title, segments }: { title: string; segments: Segment[] }) {
  return (
    <section className="mt-6">
      <h3 className="text-base font-semibold">{title}</h3>
      {segments.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">Not found in the sources.</p>
      ) : (
        <ul className="mt-2 grid gap-3 sm:grid-cols-2">
          {segments.map((segment, index) => (
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
  );
}

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
      <SegmentList title="Segments" segments={customers.segments} />
      {(customers.personas ?? []).length > 0 && <SegmentList title="Personas (illustrative people, not segments)" segments={customers.personas ?? []} />}
      <ClaimList title="Satisfaction drivers" claims={customers.satisfaction_drivers} />
      <ClaimList title="Willingness to pay" claims={customers.willingness_to_pay} />
      <ClaimList title="What customers recommend" claims={customers.recommendations} />
      {(customers.figures ?? []).length > 0 && <FigureList title="Survey and customer figures" figures={customers.figures ?? []} />}
      <ConflictList conflicts={customers.conflicts} />
      <NotFoundNote items={customers.not_found} />
    </div>
  );
}
