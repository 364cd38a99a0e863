import { useState } from "react";
import { errorMessage } from "../../api/client";
import { useBulkDeleteResearch } from "../../hooks/mutations";
import { plural } from "../../lib/format";
import { Button } from "../ui/Button";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { useToast } from "../ui/Toasts";

type Props = { selected: string[]; onClear: () => void; onDeleted: (deleted: string[]) => void };

/** The selection count and the delete button with its confirmation. */
export function BulkDeleteBar({ selected, onClear, onDeleted }: Props) {
  const [open, setOpen] = useState(false);
  const bulkDelete = useBulkDeleteResearch();
  const busy = bulkDelete.isPending;
  const { notify } = useToast();
  const count = selected.length;

  const remove = async () => {
    try {
      const result = await bulkDelete.mutateAsync(selected);
      const skipped = result.skipped.length
        ? ` ${plural(result.skipped.length, "research", "researches")} skipped: ${[...new Set(result.skipped.map((item) => item.reason))].join("; ")}.`
        : "";
      notify({ title: `Deleted ${plural(result.deleted.length, "research", "researches")}`, description: skipped || undefined, tone: result.skipped.length ? "info" : "success" });
      onDeleted(result.deleted);
    } catch (error) {
      notify({ title: "Could not delete", description: errorMessage(error), tone: "error" });
    } finally {
      setOpen(false);
    }
  };

  return (
    <div className={`flex min-h-12 flex-wrap items-center gap-3 rounded-lg px-3 py-2 ${count ? "bg-brand-50" : "bg-transparent"}`} aria-live="polite">
      <span className="text-sm font-medium">{count ? `${count} selected` : "Select researches to delete them"}</span>
      {count > 0 && (
        <>
          <Button variant="danger" onClick={() => setOpen(true)}>
            Delete selected
          </Button>
          <Button variant="ghost" onClick={onClear}>
            Clear selection
          </Button>
        </>
      )}
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Delete ${plural(count, "research", "researches")}?`}
        description={<p>Their reports are deleted for good. Credits already spent are not returned.</p>}
        confirmLabel={busy ? "Deleting…" : "Delete"}
        busy={busy}
        onConfirm={remove}
      />
    </div>
  );
}
