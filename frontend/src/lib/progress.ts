// Progress from checkpoint events: grouping by category and the completed/total math.
import type { CheckpointDefinition, CheckpointEvent, SocketMessage, TaskDetail, TaskStatus } from "../api/types";

export type CheckpointState = CheckpointDefinition & { at: string | null };

export type CheckpointGroup = {
  category: string;
  checkpoints: CheckpointState[];
  completed: number;
};

// The research agents that run at the same time; shown side by side as lanes.
export const PARALLEL_CATEGORIES = ["market_analysis", "competitor_analysis", "customer_insights"];

export const TERMINAL_STATUSES: TaskStatus[] = ["completed", "insufficient_evidence", "failed", "aborted"];

export function isTerminal(status: TaskStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** The checkpoint definitions grouped by category (in the API's order), marked with when each was reached. */
export function groupCheckpoints(definitions: CheckpointDefinition[], events: CheckpointEvent[]): CheckpointGroup[] {
  const reached = new Map(events.map((event) => [event.number, event.at]));
  const groups: CheckpointGroup[] = [];
  for (const definition of [...definitions].sort((a, b) => a.number - b.number)) {
    let group = groups.find((candidate) => candidate.category === definition.category);
    if (!group) {
      group = { category: definition.category, checkpoints: [], completed: 0 };
      groups.push(group);
    }
    const at = reached.get(definition.number) ?? null;
    group.checkpoints.push({ ...definition, at });
    if (at !== null) group.completed += 1;
  }
  return groups;
}

/** Completed checkpoints (distinct numbers) out of the total, and the percentage (0–100, whole). */
export function progressOf(definitions: CheckpointDefinition[], events: CheckpointEvent[]) {
  const known = new Set(definitions.map((definition) => definition.number));
  const completed = new Set(events.map((event) => event.number).filter((number) => known.has(number))).size;
  const total = definitions.length;
  const percent = total === 0 ? 0 : Math.round((completed / total) * 100);
  return { completed, total, percent };
}

function mergeCheckpoint(events: CheckpointEvent[], event: CheckpointEvent): CheckpointEvent[] {
  if (events.some((existing) => existing.number === event.number)) return events;
  return [...events, event].sort((a, b) => a.number - b.number);
}

/** The task after one websocket message. */
export function applySocketMessage(task: TaskDetail | undefined, message: SocketMessage): TaskDetail | undefined {
  if (message.type === "state") return message.task;
  if (!task) return task;
  if (message.type === "checkpoint") {
    const checkpoints = mergeCheckpoint(task.checkpoints, message.checkpoint);
    // A late event never moves a finished task back to processing.
    const status = isTerminal(task.status) ? task.status : message.status;
    return { ...task, checkpoints, checkpoints_completed: checkpoints.length, progress: message.progress, status };
  }
  if (message.type === "status") {
    return { ...task, status: message.status, error: message.error, refunded: message.refunded };
  }
  return task;
}
