import type { Figure, Report } from "../../../api/report";
import { ChecksBadges, ClaimList, ConflictList, FlagBadges, NotFoundNote, Paragraphs, SourceLinks } from "../Sources";
import { SectionHeading } from "./SectionHeading";

export function FigureList({ title, figures }: { title: string; figures: Figure[] }) {
  return (
    <section className="mt-6">
      <h3 className="text-base font-semibold">{title}</h3>
      {figures.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">Not found in the sources.</p>
      ) : (
        <ul className="mt-2 grid gap-3 sm:grid-cols-2">
          {figures.map((figure, index) => (
            <li key={index} className={`print-break-avoid rounded-md border p-3 ${figure.vendor_claim || figure.dated ? "border-amber-300 bg-amber-50/40" : "border-slate-200"}`}>
              <p className="text-lg font-semibold">
                {figure.value || "—"}
                {figure.year && <span className="ml-2 text-sm font-normal text-slate-600">{figure.year}</span>}
                {figure.geography && <span className="ml-2 text-sm font-normal text-slate-600">{figure.geography}</span>}
              </p>
              {figure.scope && <p className="text-xs text-slate-600">Scope: {figure.scope}</p>}
              <p className="mt-1 text-sm">
                {figure.text}
                <SourceLinks ids={figure.source_ids} quote={figure.quote} />
                <ChecksBadges claim={figure} />
                <FlagBadges figure={figure} />
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
      {(market.other_figures ?? []).length > 0 && <FigureList title="Other figures (not market sizes)" figures={market.other_figures ?? []} />}
      <ConflictList conflicts={market.conflicts} />
      <NotFoundNote items={market.not_found} />
    </div>
  );
}
