// Tell a user in another tab that their research finished: a browser notification when permitted.
import { useCallback, useEffect, useRef, useState } from "react";
import type { TaskStatus } from "../api/types";

const ACTIVE: TaskStatus[] = ["queued", "processing"];
const MESSAGES: Partial<Record<TaskStatus, string>> = {
  completed: "Your report is ready.",
  insufficient_evidence: "Finished: not enough evidence to score it (credits refunded).",
  failed: "The research failed; its credits were refunded.",
  aborted: "The research was aborted.",
};

function permission(): NotificationPermission | "unsupported" {
  return typeof Notification === "undefined" ? "unsupported" : Notification.permission;
}

/** Shows a notification when `status` leaves queued/processing while the page is hidden (and permission is granted). */
export function useCompletionNotice(title: string, status: TaskStatus | undefined) {
  const previous = useRef<TaskStatus | undefined>(status);
  const [state, setState] = useState(permission);

  useEffect(() => {
    const before = previous.current;
    previous.current = status;
    if (!before || !status || !ACTIVE.includes(before) || ACTIVE.includes(status)) return;
    if (permission() !== "granted" || !document.hidden) return;
    new Notification(title || "Research finished", { body: MESSAGES[status] ?? "The research finished.", tag: `pmf-${title}` });
  }, [status, title]);

  const ask = useCallback(async () => {
    if (typeof Notification === "undefined") return;
    setState(await Notification.requestPermission());
  }, []);

  return { permission: state, ask };
}
