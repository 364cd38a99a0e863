// API types. Those the server's OpenAPI schema describes exactly are taken from it (schema.d.ts is
// generated in the build from frontend/openapi.json, which a server test holds equal to the live
// schema), task statuses included.
import type { components } from "./schema";

type Schemas = components["schemas"];

/** A task's status: the server's TaskStatus enum, generated from the OpenAPI schema. */
export type TaskStatus = Schemas["TaskStatus"];
/** Every status, in display order; the record makes the build fail if the server adds or drops one. */
const STATUS_ORDER: Record<TaskStatus, number> = {
  queued: 0, processing: 1, completed: 2, insufficient_evidence: 3, failed: 4, aborted: 5,
};
export const TASK_STATUSES = (Object.keys(STATUS_ORDER) as TaskStatus[]).sort(
  (a, b) => STATUS_ORDER[a] - STATUS_ORDER[b],
);
/** Finished with a report (an insufficient-evidence report has no score). */
export const REPORTED_STATUSES: TaskStatus[] = ["completed", "insufficient_evidence"];
export const ACTIVE_STATUSES: TaskStatus[] = ["queued", "processing"];

export type ErrorBody = {
  error: {
    code: string;
    message: string;
    fields?: Record<string, string[]>;
    balance?: number;
    cost?: number;
    depth?: string;
  };
};

export type Me = Schemas["Me"];

export type Availability = Schemas["Availability"];

export type Depth = Schemas["Depth"];

export type CheckpointDefinition = { number: number; key: string; category: string; label: string };
export type CheckpointEvent = CheckpointDefinition & { at: string };

export type SubmitRequest = {
  product_idea: string;
  research_depth: string;
  hcaptcha_token?: string;
};

export type SubmitResponse = {
  request_id: string;
  task_id: string;
  status: TaskStatus;
  message: string;
  credits_charged: number;
  balance: number;
};

export type TaskSummary = {
  id: string;
  request_id: string;
  title: string;
  product_idea: string;
  depth: string;
  status: TaskStatus;
  progress: number;
  checkpoints_completed: number;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  completed_at: string | null;
  credits_charged: number;
  refunded: boolean;
  pmf_score: number | null;
  error: string | null;
  rerun_of: string | null;
};

export type TaskCost = {
  tavily_credits?: number;
  tokens?: Record<string, number>;
  seconds?: Record<string, number>;
};

export type TaskDetail = TaskSummary & {
  checkpoints: CheckpointEvent[];
  cost: TaskCost | null;
  sources_count: number;
};

export type Page<T> = { count: number; page: number; page_size: number; results: T[] };

export type Suggestion = { id: string; title: string; status: TaskStatus };

export type BulkDeleteResponse = { deleted: string[]; skipped: { id: string; reason: string }[] };

export type SocketMessage =
  | { type: "state"; task: TaskDetail }
  | { type: "checkpoint"; checkpoint: CheckpointEvent; progress: number; status: TaskStatus }
  | { type: "status"; status: TaskStatus; error: string | null; refunded: boolean };

export type DepthAllowance = {
  depth: string;
  label: string;
  credits: number;
  searches_remaining: number;
  affordable: boolean;
};

export type Balance = {
  balance: number;
  monthly_limit: number;
  used_this_month: number;
  researches_this_month: number;
  month: string;
  depths: DepthAllowance[];
};

export type TransactionKind = "monthly_grant" | "research_charge" | "refund" | "staff_grant" | "staff_correction";

export type Transaction = {
  id: string;
  transaction_id: string;
  kind: TransactionKind | string;
  amount: number;
  balance_after: number;
  timestamp: string;
  research_request_id: string | null;
  research_depth: string | null;
  reason: string | null;
};

export type TransactionPage = {
  count: number;
  next: string | null;
  previous: string | null;
  results: Transaction[];
};

export type ApiKey = {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
};

export type CreatedApiKey = ApiKey & { key: string };
