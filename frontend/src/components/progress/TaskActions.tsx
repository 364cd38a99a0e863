import { useState } from "react";
import { useNavigate } from "react-router";
import { api, errorMessage } from "../../api/client";
import type { SubmitResponse, TaskDetail } from "../../api/types";
import { useDepths, useMe } from "../../hooks/resources";
import { invalidate } from "../../hooks/useQuery";
import { plural } from "../../lib/format";
import { Button } from "../ui/Button";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { useToast } from "../ui/Toasts";

/** For a finished research: run it again (charged again) or delete it, each after confirmation. */
export function TaskActions({ task }: { task: TaskDetail }) {
  const navigate = useNavigate();
  const { notify } = useToast();
  const { data: me } = useMe();
  const { data: depths } = useDepths();
  const cost = depths?.find((depth) => depth.name === task.depth)?.credits;
  const [dialog, setDialog] = useState<"rerun" | "delete" | null>(null);
  const [busy, setBusy] = useState(false);
  // With a captcha configured, a rerun needs a token: send the user through the form instead.
  const captchaRequired = (me?.hcaptcha_site_key ?? "") !== "";

  const rerun = async () => {
    setBusy(true);
    try {
      const response = await api.post<SubmitResponse>(`/research/tasks/${encodeURIComponent(task.id)}/rerun`);
      invalidate("/credits");
      invalidate("/research/tasks?");
      notify({ title: "Research started again", description: `${plural(response.credits_charged, "credit")} reserved.`, tone: "success" });
      navigate(`/tasks/${encodeURIComponent(response.task_id)}`);
    } catch (error) {
      notify({ title: "Could not run it again", description: errorMessage(error), tone: "error" });
    } finally {
      setBusy(false);
      setDialog(null);
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      await api.delete(`/research/tasks/${encodeURIComponent(task.id)}`);
      invalidate("/research/tasks?");
      notify({ title: "Research deleted", tone: "success" });
      navigate("/tasks");
    } catch (error) {
      notify({ title: "Could not delete", description: errorMessage(error), tone: "error" });
      setBusy(false);
      setDialog(null);
    }
  };

  return (
    <div className="flex flex-wrap gap-2 print:hidden">
      <Button variant="secondary" onClick={() => (captchaRequired ? navigate("/") : setDialog("rerun"))}>
        Run again
      </Button>
      <Button variant="quietDanger" onClick={() => setDialog("delete")}>
        Delete
      </Button>
      <ConfirmDialog
        open={dialog === "rerun"}
        onOpenChange={(open) => !open && setDialog(null)}
        title="Run this research again?"
        description={
          <p>
            A new research with the same idea and depth starts now and {cost === undefined ? "is charged again" : `costs ${plural(cost, "credit")} again`}.
          </p>
        }
        confirmLabel={busy ? "Starting…" : "Run again"}
        busy={busy}
        onConfirm={rerun}
      />
      <ConfirmDialog
        open={dialog === "delete"}
        onOpenChange={(open) => !open && setDialog(null)}
        title="Delete this research?"
        description={<p>Its report is deleted for good. Credits already spent are not returned.</p>}
        confirmLabel={busy ? "Deleting…" : "Delete"}
        busy={busy}
        onConfirm={remove}
      />
    </div>
  );
}
