import type { Competitor, Report } from "../../../api/report";
import { ClaimList, ConflictList, LevelBadge, NotFoundNote, Paragraphs, SourceLinks } from "../Sources";
import { SectionHeading } from "./SectionHeading";

function TextList({ items }: { items: string[] }) {
  if (items.length === 0) return <span className="text-slate-500">—</span>;
  return (
    <ul className="list-disc space-y-1 pl-4">
      {items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}

function CompetitorCard({ competitor }: { competitor: Competitor }) {
  return (
    <li className="rounded-md border border-slate-200 p-3 text-sm">
      <p className="text-base font-semibold">
        {competitor.name}
        <SourceLinks ids={[...new Set(competitor.evidence.flatMap((claim) => claim.source_ids))]} quote={competitor.evidence[0]?.quote} />
      </p>
      <dl className="mt-2 space-y-2">
        <div>
          <dt className="font-medium text-slate-600">Pricing</dt>
          <dd>{competitor.pricing || "—"}</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-600">Positioning</dt>
          <dd>{competitor.positioning || "—"}</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-600">Strengths</dt>
          <dd><TextList items={competitor.strengths} /></dd>
        </div>
        <div>
          <dt className="font-medium text-slate-600">Weaknesses</dt>
          <dd><TextList items={competitor.weaknesses} /></dd>
        </div>
      </dl>
    </li>
  );
}

export function CompetitorSection({ report }: { report: Report }) {
  const landscape = report.competitive_landscape;
  return (
    <div>
      <SectionHeading>Competitive landscape</SectionHeading>
      <div className="mt-3">
        <Paragraphs text={landscape.summary} />
      </div>
      {landscape.competitors.length > 0 && (
        <p className="mt-3 text-sm">
          <LevelBadge label="Saturation" level={landscape.saturation} />
          {landscape.saturation_rationale && <span className="ml-2 text-slate-700">{landscape.saturation_rationale}</span>}
        </p>
      )}
      <h3 className="mt-6 text-base font-semibold">Competitors</h3>
      {landscape.competitors.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">Not found in the sources.</p>
      ) : (
        <>
        <ul className="mt-2 space-y-3 md:hidden print:hidden">
          {landscape.competitors.map((competitor, index) => (
            <CompetitorCard key={index} competitor={competitor} />
          ))}
        </ul>
        <div className="mt-2 hidden overflow-x-auto rounded-md border border-slate-200 md:block print:block">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="p-2 font-semibold">Competitor</th>
                <th scope="col" className="p-2 font-semibold">Pricing</th>
                <th scope="col" className="p-2 font-semibold">Positioning</th>
                <th scope="col" className="p-2 font-semibold">Strengths</th>
                <th scope="col" className="p-2 font-semibold">Weaknesses</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {landscape.competitors.map((competitor, index) => (
                <tr key={index} className="print-break-avoid">
                  <th scope="row" className="p-2 font-medium">
                    {competitor.name}
                    <SourceLinks ids={[...new Set(competitor.evidence.flatMap((claim) => claim.source_ids))]} quote={competitor.evidence[0]?.quote} />
                  </th>
                  <td className="p-2">{competitor.pricing || "—"}</td>
                  <td className="p-2">{competitor.positioning || "—"}</td>
                  <td className="p-2"><TextList items={competitor.strengths} /></td>
                  <td className="p-2"><TextList items={competitor.weaknesses} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        </>
      )}
      <ClaimList title="Gaps in the market" claims={landscape.gaps} />
      <ConflictList conflicts={landscape.conflicts} />
      <NotFoundNote items={landscape.not_found} />
    </div>
  );
}
