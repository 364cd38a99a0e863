import { useState } from "react";
import { errorMessage } from "../../api/client";
import type { TaskDetail } from "../../api/types";
import { useAbortResearch } from "../../hooks/mutations";
import { plural } from "../../lib/format";
import { Button } from "../ui/Button";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { useToast } from "../ui/Toasts";

/** Stops a running research after confirmation; the server refunds its credits. */
export function AbortResearchButton({ task, onAborted }: { task: TaskDetail; onAborted: (task: TaskDetail) => void }) {
  const [open, setOpen] = useState(false);
  const abortResearch = useAbortResearch();
  const busy = abortResearch.isPending;
  const { notify } = useToast();

  const abort = async () => {
    try {
      const aborted = await abortResearch.mutateAsync(task.id);
      onAborted(aborted);
      notify({ title: "Research aborted", description: aborted.refunded ? `${plural(aborted.credits_charged, "credit")} refunded.` : undefined, tone: "info" });
      setOpen(false);
    } catch (error) {
      notify({ title: "Could not abort", description: errorMessage(error), tone: "error" });
      setOpen(false);
    }
  };

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Abort research
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title="Abort this research?"
        description={
          <p>
            The agents stop now and no report is produced. The {plural(task.credits_charged, "credit")} reserved for it are refunded.
          </p>
        }
        confirmLabel={busy ? "Aborting…" : "Abort research"}
        cancelLabel="Keep running"
        busy={busy}
        onConfirm={abort}
      />
    </>
  );
}
