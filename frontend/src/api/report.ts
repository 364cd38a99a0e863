import type { components } from "./schema";

// The report JSON, mirroring agents/state.py::Report. Fields added with typed evidence (contract 1)
// are optional: reports stored before it lack them and still render.

export type Level = "low" | "medium" | "high";
export type AgentName = "market" | "competitor" | "customer";

export type Claim = {
  text: string;
  source_ids: string[];
  quote: string;
  verified: boolean | null;
  quote_found?: boolean | null;
  values_match?: boolean | null;
};

export type FigureKind =
  | "market_size" | "growth_rate" | "share" | "price" | "company_revenue" | "funding"
  | "customer_spend" | "population" | "cost" | "other";

export type Figure = Claim & {
  value: string;
  year: string | number | null;
  kind?: FigureKind;
  timeframe?: "current" | "historical" | "forecast";
  geography?: string | null;
  scope?: string | null;
  vendor_claim?: boolean;
  dated?: boolean;
};

export type ConflictSide = {
  value?: string;
  year?: string | number | null;
  scope?: string | null;
  definition?: string | null;
  source_ids?: string[];
};

export type Conflict = {
  quantity?: string;
  sides?: ConflictSide[];
  statement?: string;
  definitions_differ?: boolean;
};

export type SourceType =
  | "analyst_report" | "vendor" | "news" | "survey" | "interviews" | "review_forum" | "government" | "unknown";

export type ReportSource = {
  id: string;
  url: string;
  title: string;
  source_type?: SourceType | string;
  published?: string | null;
  relevance?: number | string | null;
  cited?: boolean;
  relevant?: boolean;
  sample?: boolean;
  /** ISO 639-1 code of the language the source is written in ("en", "fr"); absent when unknown. */
  language?: string;
};

export type MarketFindings = {
  summary: string;
  market_size: Figure[];
  growth: Figure[];
  trends: Claim[];
  opportunities: Claim[];
  conflicts?: Conflict[];
  headline?: Figure | null;
  other_figures?: Figure[];
  not_found?: string[];
};

export type Competitor = {
  name: string;
  pricing: string;
  positioning: string;
  strengths: string[];
  weaknesses: string[];
  evidence: Claim[];
};

export type CompetitorFindings = {
  summary: string;
  competitors: Competitor[];
  gaps: Claim[];
  saturation: Level;
  saturation_rationale: string;
  conflicts?: Conflict[];
  not_found?: string[];
};

export type PainPoint = Claim & { frequency: Level; impact: Level };

export type Segment = { name: string; description: string; evidence: Claim[] };

export type CustomerFindings = {
  summary: string;
  pain_points: PainPoint[];
  segments: Segment[];
  satisfaction_drivers: Claim[];
  willingness_to_pay: Claim[];
  recommendations: Claim[];
  conflicts?: Conflict[];
  personas?: Segment[];
  figures?: Figure[];
  not_found?: string[];
};

export type SubScore = {
  name: string;
  weight: number;
  score: number;
  rationale: string;
  evidence: Claim[];
  source_ids: string[];
  confidence?: Level;
};

export type PMFScore = { total: number; verdict: string; sub_scores: SubScore[] };

export type Recommendation = { title: string; detail: string; priority: Level; source_ids: string[] };

export type Citation = {
  id: string;
  url: string;
  title: string;
  claims: number;
  verified: number;
  sample: boolean;
};

export type Grounding = {
  claims: number;
  cited: number;
  verified: number;
  dropped: number;
  quote_not_found?: number;
  values_mismatch?: number;
};

export type Cost = {
  tavily_credits: number;
  tokens: Record<string, number>;
  seconds: Record<string, number>;
};

export type AgentQueries = { market: string; competitor: string; customer: string };

export type Methodology = {
  depth: string;
  providers: { search: string; llm: string };
  queries: AgentQueries;
  sources_count: number;
  grounding: Grounding;
  cost: Cost;
  relevant_sources?: number;
  sample_corpus?: boolean;
  /** Sources in languages the analyst does not read (the offline analyst reads English only). */
  unread_sources?: number;
  unread_languages?: string[];
};

export type Report = {
  title: string;
  product_idea: string;
  generated_at: string;
  executive_summary: string;
  market_analysis: MarketFindings;
  competitive_landscape: CompetitorFindings;
  customer_insights: CustomerFindings;
  pmf_score: PMFScore | null;
  strategic_recommendations: Recommendation[];
  citations: Citation[];
  methodology: Methodology;
  outcome?: "report" | "insufficient_evidence";
  outcome_reason?: string;
  sources?: ReportSource[];
  conflicts?: Conflict[];
};

export type SourcePassage = components["schemas"]["SourcePassage"];
