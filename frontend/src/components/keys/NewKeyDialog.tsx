import * as Dialog from "@radix-ui/react-dialog";
import { useState } from "react";
import type { CreatedApiKey } from "../../api/types";
import { Button, buttonClass } from "../ui/Button";

/** The raw key, shown once, with a copy button and a warning. */
export function NewKeyDialog({ created, onClose }: { created: CreatedApiKey | null; onClose: () => void }) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <Dialog.Root
      open={created !== null}
      onOpenChange={(open) => {
        if (!open) {
          setCopied("idle");
          onClose();
        }
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
          <Dialog.Title className="text-lg font-semibold">API key “{created?.name}” created</Dialog.Title>
          <Dialog.Description className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
            Copy it now: this is the only time the full key is shown. Store it like a password; anyone with it can spend your credits.
          </Dialog.Description>
          <label className="mt-4 block text-sm font-medium" htmlFor="new-api-key">
            Your new key
          </label>
          <div className="mt-1 flex flex-col gap-2 sm:flex-row">
            <input
              id="new-api-key"
              readOnly
              value={created?.key ?? ""}
              onFocus={(event) => event.currentTarget.select()}
              className="min-h-11 w-full min-w-0 rounded-md border border-slate-300 bg-slate-50 px-3 font-mono text-sm"
            />
            <Button onClick={copy}>{copied === "copied" ? "Copied" : "Copy"}</Button>
          </div>
          <p className="mt-2 min-h-5 text-sm" aria-live="polite">
            {copied === "copied" ? "Copied to the clipboard." : copied === "failed" ? "Could not copy; select the key and copy it by hand." : ""}
          </p>
          <div className="mt-4 flex justify-end">
            <Dialog.Close className={buttonClass("secondary")}>I have saved it</Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
