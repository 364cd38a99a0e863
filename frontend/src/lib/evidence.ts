// Plain-language facts about a report's evidence, shared by the report's sections and cards.
import type { Claim, Conflict, Figure, Report, ReportSource } from "../api/report";

export const INSUFFICIENT_EVIDENCE = "insufficient_evidence";

/** True when the research ended without enough evidence to score (no PMF score). */
export function isInsufficient(report: Report): boolean {
  return report.outcome === INSUFFICIENT_EVIDENCE || !report.pmf_score;
}

/** True when any source came from the fictional sample corpus shipped with the app. */
export function isSampleReport(report: Report): boolean {
  if (report.methodology.sample_corpus) return true;
  return report.citations.some((citation) => citation.sample) || (report.sources ?? []).some((source) => source.sample);
}

export type CheckState = { label: string; passed: boolean };

/** The two checks of a claim (quote found, numbers match); old reports only know "verified". */
export function claimChecks(claim: Claim): CheckState[] {
  const checks: CheckState[] = [];
  const quoteFound = claim.quote_found ?? claim.verified;
  if (quoteFound !== null && quoteFound !== undefined) {
    checks.push({ label: quoteFound ? "Quote found" : "Quote not found", passed: quoteFound });
  }
  if (claim.values_match !== null && claim.values_match !== undefined) {
    checks.push({ label: claim.values_match ? "Numbers match" : "Numbers differ", passed: claim.values_match });
  }
  return checks;
}

export type Flag = { label: string; tone: "warning" | "info"; title: string };

const KIND_LABELS: Record<string, string> = {
  share: "Share",
  price: "Price",
  company_revenue: "Company revenue",
  funding: "Funding",
  customer_spend: "Customer spend",
  population: "Population",
  cost: "Cost",
};

/** Marks a reader must see on a figure: vendor claims, dated figures, forecasts, what kind of number it is. */
export function figureFlags(figure: Claim & Partial<Figure>): Flag[] {
  const flags: Flag[] = [];
  if (figure.vendor_claim) flags.push({ label: "Vendor claim", tone: "warning", title: "Stated by a company about its own market; never used for the score" });
  if (figure.dated) flags.push({ label: "Dated figure", tone: "warning", title: "More than five years old" });
  if (figure.timeframe === "forecast") flags.push({ label: "Forecast", tone: "info", title: "A projection, not today's size" });
  if (figure.kind && KIND_LABELS[figure.kind]) flags.push({ label: KIND_LABELS[figure.kind], tone: "info", title: "What this number measures" });
  return flags;
}

/** The headline market size: the first current figure not claimed by a vendor (the analyst orders them). */
export function headlineFigure(figures: Figure[], headline?: Figure | null): Figure | undefined {
  if (headline) return headline;
  const independent = figures.filter((figure) => !figure.vendor_claim);
  const current = independent.filter((figure) => figure.timeframe !== "forecast");
  return current.find((figure) => !figure.dated) ?? current[0] ?? independent[0] ?? figures[0];
}

/** A conflict as one readable sentence. */
export function conflictSentence(conflict: Conflict): string {
  if (conflict.statement) return conflict.statement;
  const sides = (conflict.sides ?? []).map((side) =>
    [side.value, side.scope || side.definition, side.year, (side.source_ids ?? []).join(", ")].filter(Boolean).join(", "),
  );
  return `Sources disagree${conflict.quantity ? ` on ${conflict.quantity}` : ""}: ${sides.join(" vs ")}`;
}

/** Every conflict the report surfaces (the report's own list, else the sections'). */
export function allConflicts(report: Report): Conflict[] {
  if (report.conflicts && report.conflicts.length > 0) return report.conflicts;
  return [
    ...(report.conflicts ?? []),
    ...(report.market_analysis.conflicts ?? []),
    ...(report.competitive_landscape.conflicts ?? []),
    ...(report.customer_insights.conflicts ?? []),
  ];
}

const SOURCE_TYPE_LABELS: Record<string, string> = {
  analyst_report: "Analyst report",
  vendor: "Vendor / marketing",
  news: "News",
  survey: "Survey",
  interviews: "Interviews",
  review_forum: "Review / forum",
  government: "Government",
  unknown: "Unknown type",
};

export function sourceTypeLabel(type: string | null | undefined): string | null {
  if (!type) return null;
  return SOURCE_TYPE_LABELS[type] ?? type.replace(/_/g, " ");
}

/** The sources the Citations tab lists: every retrieved one when the report has them, else the cited ones. */
export function listedSources(report: Report): (ReportSource & { claims?: number; verified?: number })[] {
  const byId = new Map(report.citations.map((citation) => [citation.id, citation]));
  if (report.sources && report.sources.length > 0) {
    return report.sources.map((source) => {
      const citation = byId.get(source.id);
      return { ...source, cited: source.cited ?? Boolean(citation), claims: citation?.claims, verified: citation?.verified };
    });
  }
  return report.citations.map((citation) => ({ ...citation, cited: true }));
}
