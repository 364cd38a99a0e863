// Toast notifications (Radix Toast): `useToast().notify(...)` from anywhere under <ToastProvider>.
import * as Toast from "@radix-ui/react-toast";
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";

type Tone = "error" | "success" | "info";
type ToastItem = { id: number; title: string; description?: string; tone: Tone };
type Notify = (toast: { title: string; description?: string; tone?: Tone }) => void;

const ToastContext = createContext<{ notify: Notify }>({ notify: () => undefined });

const TONES: Record<Tone, string> = {
  error: "border-red-300 bg-red-50 text-red-950",
  success: "border-green-300 bg-green-50 text-green-950",
  info: "border-slate-300 bg-white text-slate-900",
};

let nextId = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const notify = useCallback<Notify>(({ title, description, tone = "info" }) => {
    setToasts((current) => [...current.slice(-3), { id: nextId++, title, description, tone }]);
  }, []);
  const value = useMemo(() => ({ notify }), [notify]);
  const remove = (id: number) => setToasts((current) => current.filter((toast) => toast.id !== id));

  return (
    <ToastContext.Provider value={value}>
      <Toast.Provider swipeDirection="right" duration={6000}>
        {children}
        {toasts.map((toast) => (
          <Toast.Root
            key={toast.id}
            type={toast.tone === "error" ? "foreground" : "background"}
            onOpenChange={(open) => !open && remove(toast.id)}
            className={`flex items-start gap-3 rounded-lg border p-3 shadow-lg ${TONES[toast.tone]}`}
          >
            <div className="min-w-0 flex-1">
              <Toast.Title className="text-sm font-semibold">{toast.title}</Toast.Title>
              {toast.description && <Toast.Description className="mt-1 break-words text-sm">{toast.description}</Toast.Description>}
            </div>
            <Toast.Close aria-label="Dismiss" className="rounded px-2 text-lg leading-none hover:bg-black/5">
              ×
            </Toast.Close>
          </Toast.Root>
        ))}
        <Toast.Viewport className="fixed bottom-0 right-0 z-[60] m-0 flex w-full max-w-sm list-none flex-col gap-2 p-4 outline-none print:hidden" />
      </Toast.Provider>
    </ToastContext.Provider>
  );
}

export function useToast() {
  return useContext(ToastContext);
}
