import { Link } from "react-router";
import type { TaskDetail } from "../../api/types";
import { plural } from "../../lib/format";
import { buttonClass } from "../ui/Button";

/** A failed or aborted research: why, and whether its credits came back. */
export function ResearchEndedNotice({ task }: { task: TaskDetail }) {
  const failed = task.status === "failed";
  return (
    <div role="status" className={`rounded-lg border p-4 sm:p-6 ${failed ? "border-red-200 bg-red-50 text-red-950" : "border-amber-200 bg-amber-50 text-amber-950"}`}>
      <h2 className="text-lg font-semibold">{failed ? "This research failed" : "This research was aborted"}</h2>
      <p className="mt-1 text-sm">{task.error ? `Reason: ${task.error}` : failed ? "The server did not give a reason." : "It was stopped before the report was ready."}</p>
      <p className="mt-1 text-sm font-medium" data-testid="refund-note">
        {task.refunded ? `${plural(task.credits_charged, "credit")} refunded.` : "Credits not refunded yet; they are returned in full once the stop is recorded."}
      </p>
      <Link to="/" className={buttonClass("secondary", "mt-4")}>
        Start a new research
      </Link>
    </div>
  );
}

/** A research whose sources were not about the idea: no score, and its credits came back. */
export function InsufficientEvidenceNotice({ task }: { task: TaskDetail }) {
  return (
    <div role="status" className="rounded-lg border border-sky-300 bg-sky-50 p-4 text-sky-950 sm:p-5">
      <h2 className="text-lg font-semibold">Not enough evidence to score this idea</h2>
      <p className="mt-1 text-sm">
        None of the sources found was about this idea, so there is no product-market fit score. Try describing the idea with the words its customers would use, or a
        different depth.
      </p>
      <p className="mt-1 text-sm font-medium" data-testid="refund-note">
        {task.refunded ? `${plural(task.credits_charged, "credit")} refunded.` : "Credits are being refunded."}
      </p>
    </div>
  );
}
