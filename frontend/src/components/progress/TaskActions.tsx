import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { errorMessage } from "../../api/client";
import type { TaskDetail } from "../../api/types";
import { useDeleteResearch } from "../../hooks/mutations";
import { Button, buttonClass } from "../ui/Button";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { useToast } from "../ui/Toasts";

/** For a finished research: run it again (the form, prefilled and editable) or delete it after confirmation. */
export function TaskActions({ task }: { task: TaskDetail }) {
  const navigate = useNavigate();
  const { notify } = useToast();
  const [dialog, setDialog] = useState<"delete" | null>(null);
  const deleteResearch = useDeleteResearch();
  const busy = deleteResearch.isPending;

  const remove = async () => {
    try {
      await deleteResearch.mutateAsync(task.id);
      notify({ title: "Research deleted", tone: "success" });
      navigate("/tasks");
    } catch (error) {
      notify({ title: "Could not delete", description: errorMessage(error), tone: "error" });
      setDialog(null);
    }
  };

  return (
    <div className="flex flex-wrap gap-2 print:hidden">
      <Link to={`/?rerun=${encodeURIComponent(task.id)}`} className={buttonClass("secondary")}>
        Run again…
      </Link>
      <Button variant="quietDanger" onClick={() => setDialog("delete")}>
        Delete
      </Button>
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
