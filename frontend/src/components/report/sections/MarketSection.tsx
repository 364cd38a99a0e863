import type { Figure, Report } from "../../../api/report";
import { ClaimList, Paragraphs, SourceLinks, VerifiedBadge } from "../Sources";
import { SectionHeading } from "./SectionHeading";

function FigureList({ title, figures }: { title: string; figures: Figure[] }) {
  return (
    <section className="mt-6">
      <h3 className="text-base font-semibold">{title}</h3>
      {figures.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">No figures found in the sources.</p>
      ) : (
        <ul className="mt-2 grid gap-3 sm:grid-cols-2">
          {figures.map((figure, index) => (
            <li key={index} className="print-break-avoid rounded-md border border-slate-200 p-3">
              <p className="text-lg font-semibold">
                {figure.value || "—"}
                {figure.year && <span className="ml-2 text-sm font-normal text-slate-600">{figure.year}</span>}
              </p>
              <p className="mt-1 text-sm">
                {figure.text}
                <SourceLinks ids={figure.source_ids} />
                <VerifiedBadge verified={figure.verified} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function MarketSection({ report }: { report: Report }) {
  const market = report.market_analysis;
  return (
    <div>
      <SectionHeading>Market analysis</SectionHeading>
      <div className="mt-3">
        <Paragraphs text={market.summary} />
      </div>
      <FigureList title="Market size" figures={market.market_size} />
      <FigureList title="Growth" figures={market.growth} />
      <ClaimList title="Trends" claims={market.trends} />
      <ClaimList title="Opportunities" claims={market.opportunities} />
    </div>
  );
}
