// One component per report tab; every string is rendered as text.
import type { Citation, Competitor, Figure, Report } from "../../api/report";
import { humanize } from "../../lib/format";
import { ScoreChart, formatScore } from "./ScoreChart";
import { ClaimItem, ClaimList, LevelBadge, Paragraphs, SourceLinks, VerifiedBadge } from "./Sources";

function SectionHeading({ children }: { children: string }) {
  return <h2 className="text-xl font-semibold">{children}</h2>;
}

export function SummarySection({ report }: { report: Report }) {
  return (
    <div>
      <SectionHeading>Executive summary</SectionHeading>
      <div className="mt-3">
        <Paragraphs text={report.executive_summary} />
      </div>
      <h3 className="mt-6 text-base font-semibold">Product idea</h3>
      <p className="mt-1 whitespace-pre-line text-slate-700">{report.product_idea}</p>
    </div>
  );
}

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
        <SourceLinks ids={[...new Set(competitor.evidence.flatMap((claim) => claim.source_ids))]} />
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
      <p className="mt-3 text-sm">
        <LevelBadge label="Saturation" level={landscape.saturation} />
        {landscape.saturation_rationale && <span className="ml-2 text-slate-700">{landscape.saturation_rationale}</span>}
      </p>
      <h3 className="mt-6 text-base font-semibold">Competitors</h3>
      {landscape.competitors.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">No competitors identified.</p>
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
                    <SourceLinks ids={[...new Set(competitor.evidence.flatMap((claim) => claim.source_ids))]} />
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
    </div>
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
          <p className="mt-1 text-sm text-slate-600">No pain points found.</p>
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
                  <SourceLinks ids={pain.source_ids} />
                  <VerifiedBadge verified={pain.verified} />
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="mt-6">
        <h3 className="text-base font-semibold">Segments</h3>
        {customers.segments.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">No segments identified.</p>
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
    </div>
  );
}

export function ScoreSection({ report }: { report: Report }) {
  const score = report.pmf_score;
  return (
    <div>
      <SectionHeading>Product-market fit score</SectionHeading>
      <p className="mt-3 flex flex-wrap items-baseline gap-3">
        <span className="text-4xl font-bold tabular-nums">{score.total}</span>
        <span className="text-slate-600">out of 100</span>
        <span className="rounded-full bg-brand-50 px-3 py-1 text-sm font-semibold text-brand-800">{score.verdict}</span>
      </p>
      <div className="mt-6">
        <ScoreChart subScores={score.sub_scores} />
      </div>
      <h3 className="mt-8 text-base font-semibold">How each criterion was scored</h3>
      <ul className="mt-2 space-y-4">
        {score.sub_scores.map((subScore) => (
          <li key={subScore.name} className="print-break-avoid rounded-md border border-slate-200 p-3">
            <p className="flex flex-wrap justify-between gap-2 font-semibold">
              <span>{subScore.name}</span>
              <span className="tabular-nums">
                {formatScore(subScore.score)} / {subScore.weight}
              </span>
            </p>
            <p className="mt-1 text-sm text-slate-700">
              {subScore.rationale}
              <SourceLinks ids={subScore.source_ids} />
            </p>
            {subScore.evidence.length > 0 && (
              <ul className="mt-1 divide-y divide-slate-100 text-sm">
                {subScore.evidence.map((claim, index) => (
                  <ClaimItem key={index} claim={claim} />
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function RecommendationsSection({ report }: { report: Report }) {
  return (
    <div>
      <SectionHeading>Strategic recommendations</SectionHeading>
      {report.strategic_recommendations.length === 0 ? (
        <p className="mt-3 text-slate-600">No recommendations.</p>
      ) : (
        <ol className="mt-3 space-y-3">
          {report.strategic_recommendations.map((recommendation, index) => (
            <li key={index} className="print-break-avoid rounded-md border border-slate-200 p-3">
              <p className="flex flex-wrap items-center gap-2 font-semibold">
                <span>
                  {index + 1}. {recommendation.title}
                </span>
                <LevelBadge label="Priority" level={recommendation.priority} />
              </p>
              <p className="mt-1 whitespace-pre-line text-sm text-slate-700">
                {recommendation.detail}
                <SourceLinks ids={recommendation.source_ids} />
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function CitationBadge({ citation }: { citation: Citation }) {
  if (citation.verified > 0) {
    return (
      <span className="rounded-full bg-green-50 px-2 py-0.5 text-xs font-medium text-green-800 ring-1 ring-inset ring-green-300">
        Verified ({citation.verified}/{citation.claims} claims)
      </span>
    );
  }
  return <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-inset ring-amber-300">Unverified</span>;
}

export function CitationsSection({ report }: { report: Report }) {
  return (
    <div>
      <SectionHeading>Citations</SectionHeading>
      {report.citations.length === 0 ? (
        <p className="mt-3 text-slate-600">No citations.</p>
      ) : (
        <ol className="mt-3 divide-y divide-slate-100">
          {report.citations.map((citation) => (
            <li key={citation.id} id={`citation-${citation.id}`} className="print-break-avoid flex flex-col gap-1 py-2 sm:flex-row sm:items-start sm:gap-3">
              <span className="w-10 shrink-0 font-mono text-sm text-slate-600">{citation.id}</span>
              <div className="min-w-0 flex-1">
                <a href={citation.url} target="_blank" rel="noopener noreferrer" className="break-words font-medium text-brand-700 underline-offset-2 hover:underline">
                  {citation.title || citation.url}
                  <span className="sr-only"> (opens in a new tab)</span>
                </a>
                <p className="break-all text-xs text-slate-600">{citation.url}</p>
              </div>
              <div className="flex shrink-0 flex-wrap gap-1">
                <CitationBadge citation={citation} />
                {citation.sample && (
                  <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-inset ring-slate-300">Sample corpus</span>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-1 py-2 sm:grid-cols-3">
      <dt className="font-medium text-slate-700">{label}</dt>
      <dd className="break-words sm:col-span-2">{children}</dd>
    </div>
  );
}

export function MethodologySection({ report }: { report: Report }) {
  const method = report.methodology;
  const { grounding, cost } = method;
  const tokens = Object.values(cost.tokens).reduce((sum, value) => sum + value, 0);
  const seconds = Object.values(cost.seconds).reduce((sum, value) => sum + value, 0);
  return (
    <div>
      <SectionHeading>Methodology</SectionHeading>
      <dl className="mt-3 divide-y divide-slate-100 text-sm">
        <Row label="Depth">{humanize(method.depth)}</Row>
        <Row label="Providers">
          Search: {method.providers.search} · Analysis: {method.providers.llm}
        </Row>
        <Row label="Queries">
          <ul className="space-y-1">
            {(["market", "competitor", "customer"] as const).map((agent) => (
              <li key={agent}>
                <span className="font-medium">{humanize(agent)}:</span> {method.queries[agent]}
              </li>
            ))}
          </ul>
        </Row>
        <Row label="Sources read">{method.sources_count}</Row>
        <Row label="Grounding">
          {grounding.claims} claims · {grounding.cited} cited · {grounding.verified} verified · {grounding.dropped} unsupported citations dropped
        </Row>
        <Row label="Cost">
          {cost.tavily_credits} search credits · {tokens.toLocaleString()} tokens · {seconds.toFixed(1)} s of agent time
        </Row>
        <Row label="Generated">{new Date(report.generated_at).toLocaleString()}</Row>
      </dl>
    </div>
  );
}
