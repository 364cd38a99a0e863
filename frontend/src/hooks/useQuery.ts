// Fetch one API resource for a component; `invalidate(prefix)` refreshes every mounted query
// whose path starts with the prefix (e.g. the balance after a submit).
import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "../api/client";

type Listener = (path: string) => void;
const listeners = new Set<Listener>();

export function invalidate(prefix: string): void {
  for (const listener of [...listeners]) listener(prefix);
}

export type Query<T> = {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
};

/** GET `path` (null = don't fetch); keeps the last data while reloading so nothing jumps. */
export function useQuery<T>(path: string | null): Query<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(path !== null);
  const [version, setVersion] = useState(0);
  const pathRef = useRef(path);
  pathRef.current = path;

  const reload = useCallback(() => setVersion((value) => value + 1), []);

  useEffect(() => {
    const listener: Listener = (prefix) => {
      if (pathRef.current !== null && pathRef.current.startsWith(prefix)) reload();
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [reload]);

  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    api
      .get<T>(path, controller.signal)
      .then((value) => {
        setData(value);
        setError(null);
      })
      .catch((reason: unknown) => {
        if (controller.signal.aborted) return;
        setError(reason);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [path, version]);

  return { data, error, loading, reload };
}
