// The report JSON, mirroring agents/state.py::Report.

export type Level = "low" | "medium" | "high";
export type AgentName = "market" | "competitor" | "customer";

export type Claim = {
  text: string;
  source_ids: string[];
  quote: string;
  verified: boolean | null;
};

export type Figure = Claim & { value: string; year: string };

export type MarketFindings = {
  summary: string;
  market_size: Figure[];
  growth: Figure[];
  trends: Claim[];
  opportunities: Claim[];
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
};

export type SubScore = {
  name: string;
  weight: number;
  score: number;
  rationale: string;
  evidence: Claim[];
  source_ids: string[];
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

export type Grounding = { claims: number; cited: number; verified: number; dropped: number };

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
};

export type Report = {
  title: string;
  product_idea: string;
  generated_at: string;
  executive_summary: string;
  market_analysis: MarketFindings;
  competitive_landscape: CompetitorFindings;
  customer_insights: CustomerFindings;
  pmf_score: PMFScore;
  strategic_recommendations: Recommendation[];
  citations: Citation[];
  methodology: Methodology;
};
