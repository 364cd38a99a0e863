import { checkpoints, reached, taskDetail } from "../test/fixtures";
import { applySocketMessage, groupCheckpoints, progressOf } from "./progress";

test("groups the 17 checkpoints into their 7 categories in order", () => {
  const groups = groupCheckpoints(checkpoints, reached(1, 2, 3, 7, 11, 4));
  expect(groups.map((group) => group.category)).toEqual([
    "initialization",
    "query_generation",
    "market_analysis",
    "competitor_analysis",
    "customer_insights",
    "report_generation",
    "completion",
  ]);
  expect(groups.map((group) => group.checkpoints.length)).toEqual([1, 1, 4, 4, 4, 2, 1]);
  expect(groups.map((group) => group.completed)).toEqual([1, 1, 2, 1, 1, 0, 0]);
  expect(groups[2].checkpoints[1].at).toBe("2026-11-25T18:00:04+00:00");
  expect(groups[2].checkpoints[2].at).toBeNull();
});

test("progress is distinct completed checkpoints over 17", () => {
  expect(progressOf(checkpoints, [])).toEqual({ completed: 0, total: 17, percent: 0 });
  expect(progressOf(checkpoints, [...reached(1, 2, 3), ...reached(3)])).toEqual({ completed: 3, total: 17, percent: 18 });
  expect(progressOf(checkpoints, reached(...checkpoints.map((checkpoint) => checkpoint.number)))).toEqual({ completed: 17, total: 17, percent: 100 });
});

test("websocket messages update the task; a late checkpoint never revives a finished task", () => {
  let task = applySocketMessage(undefined, { type: "state", task: taskDetail() });
  task = applySocketMessage(task, { type: "checkpoint", checkpoint: reached(7)[0], progress: 3 / 17, status: "processing" });
  expect(task?.checkpoints.map((checkpoint) => checkpoint.number)).toEqual([1, 2, 7]);
  expect(task?.checkpoints_completed).toBe(3);
  task = applySocketMessage(task, { type: "checkpoint", checkpoint: reached(7)[0], progress: 3 / 17, status: "processing" });
  expect(task?.checkpoints).toHaveLength(3);
  task = applySocketMessage(task, { type: "status", status: "aborted", error: "Aborted by the user.", refunded: true });
  expect(task).toMatchObject({ status: "aborted", error: "Aborted by the user.", refunded: true });
  task = applySocketMessage(task, { type: "checkpoint", checkpoint: reached(8)[0], progress: 4 / 17, status: "processing" });
  expect(task?.status).toBe("aborted");
});
