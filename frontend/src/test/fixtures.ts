import type { Report } from "../api/report";
import type { Balance, CheckpointDefinition, Depth, TaskDetail } from "../api/types";

export const depths: Depth[] = [
  { name: "essential", label: "Essential", credits: 6, target_seconds: 60, search_depth: "basic", extract_depth: "basic", urls_per_agent: 5, max_results: 20 },
  { name: "standard", label: "Standard", credits: 12, target_seconds: 120, search_depth: "advanced", extract_depth: "advanced", urls_per_agent: 5, max_results: 20 },
  { name: "deep", label: "Deep", credits: 18, target_seconds: 180, search_depth: "advanced", extract_depth: "advanced", urls_per_agent: 10, max_results: 20 },
];

export function balanceOf(amount: number): Balance {
  return {
    balance: amount,
    monthly_limit: 1000,
    used_this_month: 1000 - amount,
    researches_this_month: 3,
    month: "2026-11",
    depths: depths.map((depth) => ({
      depth: depth.name,
      label: depth.label,
      credits: depth.credits,
      searches_remaining: Math.floor(amount / depth.credits),
      affordable: amount >= depth.credits,
    })),
  };
}

const CATEGORY_KEYS: [string, string[]][] = [
  ["initialization", ["research_plan_created"]],
  ["query_generation", ["queries_generated"]],
  ["market_analysis", ["market_search_started", "market_search_completed", "market_extraction_completed", "market_analysis_completed"]],
  ["competitor_analysis", ["competitor_search_started", "competitor_search_completed", "competitor_extraction_completed", "competitor_analysis_completed"]],
  ["customer_insights", ["customer_search_started", "customer_search_completed", "customer_extraction_completed", "customer_analysis_completed"]],
  ["report_generation", ["report_generation_started", "report_generation_completed"]],
  ["completion", ["final_report_delivered"]],
];

export const checkpoints: CheckpointDefinition[] = CATEGORY_KEYS.flatMap(([category, keys]) => keys.map((key) => ({ category, key }))).map(
  ({ category, key }, index) => ({ number: index + 1, key, category, label: key.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase()) }),
);

export function reached(...numbers: number[]) {
  return numbers.map((number) => ({ ...checkpoints[number - 1], at: `2026-11-25T18:00:${String(number).padStart(2, "0")}+00:00` }));
}

export function taskDetail(overrides: Partial<TaskDetail> = {}): TaskDetail {
  return {
    id: "t1",
    request_id: "r1",
    title: "Meal planner for parents",
    product_idea: "A meal-planning app for busy parents.",
    depth: "standard",
    status: "processing",
    progress: 2 / 17,
    checkpoints_completed: 2,
    created_at: "2026-11-25T18:00:00+00:00",
    updated_at: "2026-11-25T18:00:02+00:00",
    started_at: "2026-11-25T18:00:00+00:00",
    completed_at: null,
    credits_charged: 12,
    refunded: false,
    pmf_score: null,
    error: null,
    rerun_of: null,
    checkpoints: reached(1, 2),
    cost: null,
    sources_count: 0,
    ...overrides,
  };
}

const claim = (text: string, ids: string[], verified: boolean | null = true) => ({ text, source_ids: ids, quote: "", verified });

export const report: Report = {
  title: "Meal planner for parents",
  product_idea: "A meal-planning app for busy parents.",
  generated_at: "2026-11-25T18:02:00+00:00",
  executive_summary: "Strong demand among parents.\n\nCompetition is fragmented. <script>alert(1)</script>",
  market_analysis: {
    summary: "The meal-kit market is large.",
    market_size: [{ ...claim("The market was worth $4.2 billion.", ["S1"]), value: "$4.2 billion", year: "2025" }],
    growth: [{ ...claim("Growing 12.5% a year.", ["S1"], false), value: "12.5% CAGR", year: "2025-2030" }],
    trends: [claim("Parents plan meals on phones.", ["S2"])],
    opportunities: [],
  },
  competitive_landscape: {
    summary: "Several apps compete.",
    competitors: [
      { name: "Mealime", pricing: "Free / $5.99 per month", positioning: "Quick recipes", strengths: ["Simple"], weaknesses: ["No fridge scan"], evidence: [claim("Mealime is popular.", ["S2"])] },
      { name: "Paprika", pricing: "$4.99 once", positioning: "Recipe manager", strengths: [], weaknesses: [], evidence: [] },
    ],
    gaps: [claim("Nobody plans from fridge contents.", ["S3"])],
    saturation: "medium",
    saturation_rationale: "Many apps, few with inventory.",
  },
  customer_insights: {
    summary: "Parents lack time.",
    pain_points: [{ ...claim("No time to plan meals.", ["S3"]), frequency: "high", impact: "medium" }],
    segments: [{ name: "Working parents", description: "Two jobs, two kids.", evidence: [] }],
    satisfaction_drivers: [],
    willingness_to_pay: [claim("Would pay $5 a month.", ["S3"], null)],
    recommendations: [],
  },
  pmf_score: {
    total: 72,
    verdict: "Promising",
    sub_scores: [
      { name: "Market demand", weight: 30, score: 24, rationale: "Large and growing.", evidence: [], source_ids: ["S1"] },
      { name: "Competition", weight: 20, score: 10, rationale: "Crowded.", evidence: [], source_ids: ["S2"] },
    ],
  },
  strategic_recommendations: [{ title: "Start with fridge scanning", detail: "It is the gap.", priority: "high", source_ids: ["S3"] }],
  citations: [
    { id: "S1", url: "https://example.com/market", title: "Market report", claims: 2, verified: 1, sample: true },
    { id: "S2", url: "https://example.com/apps", title: "App review", claims: 2, verified: 2, sample: false },
    { id: "S3", url: "https://example.com/forum", title: "Parents forum", claims: 3, verified: 0, sample: false },
  ],
  methodology: {
    depth: "standard",
    providers: { search: "local-corpus", llm: "extractive" },
    queries: { market: "meal planning market size", competitor: "meal planning apps", customer: "parents meal planning pain" },
    sources_count: 15,
    grounding: { claims: 9, cited: 9, verified: 6, dropped: 1 },
    cost: { tavily_credits: 0, tokens: { market: 100 }, seconds: { market: 1.5 } },
  },
};
