import { renderHook } from "@testing-library/react";
import { useCompletionNotice } from "./useCompletionNotice";

type Shown = { title: string; options?: NotificationOptions };

function installNotification(permission: NotificationPermission) {
  const shown: Shown[] = [];
  class FakeNotification {
    static permission = permission;
    static requestPermission = vi.fn(async () => permission);
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, options });
    }
  }
  vi.stubGlobal("Notification", FakeNotification);
  return shown;
}

function setHidden(hidden: boolean) {
  Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
}

afterEach(() => {
  vi.unstubAllGlobals();
  setHidden(false);
});

test("notifies once when a running research finishes while the tab is hidden", () => {
  const shown = installNotification("granted");
  setHidden(true);
  const { rerender } = renderHook(({ status }) => useCompletionNotice("Meal planner", status), { initialProps: { status: "processing" as const } as { status: "processing" | "completed" } });
  rerender({ status: "completed" });
  rerender({ status: "completed" });
  expect(shown).toEqual([{ title: "Meal planner", options: { body: "Your report is ready.", tag: "pmf-Meal planner" } }]);
});

test("stays quiet when the tab is visible, permission is missing, or the task was already finished", () => {
  const shown = installNotification("granted");
  const visible = renderHook(({ status }) => useCompletionNotice("A", status), { initialProps: { status: "processing" } as { status: "processing" | "completed" } });
  visible.rerender({ status: "completed" });
  setHidden(true);
  const finished = renderHook(({ status }) => useCompletionNotice("B", status), { initialProps: { status: "completed" } as { status: "completed" } });
  finished.rerender({ status: "completed" });
  installNotification("default");
  const denied = renderHook(({ status }) => useCompletionNotice("C", status), { initialProps: { status: "queued" } as { status: "queued" | "failed" } });
  denied.rerender({ status: "failed" });
  expect(shown).toEqual([]);
});
