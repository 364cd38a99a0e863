// A task kept up to date: the websocket while it is open, GET …/tasks/{id} every 2 s while it is not.
import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "../api/client";
import type { SocketMessage, TaskDetail } from "../api/types";
import { applySocketMessage, isTerminal } from "../lib/progress";
import { invalidate, setCached } from "./useQuery";

export type Connection = "connecting" | "live" | "polling" | "idle";

export const POLL_INTERVAL_MS = 2000;
const RECONNECT_MAX_MS = 30000;

export function socketUrl(taskId: string, ticket: string, location: Location = window.location): string {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}/ws/research/${encodeURIComponent(taskId)}/?ticket=${encodeURIComponent(ticket)}`;
}

// A single-use, short-lived ticket: no credential ever goes into the socket's URL.
async function socketTicket(): Promise<string> {
  const { ticket } = await api.post<{ ticket: string }>("/research/ws-ticket");
  return ticket;
}

function parse(data: unknown): SocketMessage | null {
  if (typeof data !== "string") return null;
  try {
    const message = JSON.parse(data) as SocketMessage;
    return message && typeof message.type === "string" ? message : null;
  } catch {
    return null;
  }
}

export type TaskLive = {
  task: TaskDetail | undefined;
  error: unknown;
  connection: Connection;
  replaceTask: (task: TaskDetail) => void;
  reload: () => void;
};

export function useTaskLive(taskId: string): TaskLive {
  const [task, setTask] = useState<TaskDetail | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [connection, setConnection] = useState<Connection>("connecting");
  const terminalRef = useRef(false);

  const fetchTask = useCallback(async () => {
    try {
      const fresh = await api.get<TaskDetail>(`/research/tasks/${encodeURIComponent(taskId)}`);
      setTask(fresh);
      setError(null);
    } catch (reason) {
      setError(reason);
    }
  }, [taskId]);

  useEffect(() => {
    terminalRef.current = task ? isTerminal(task.status) : false;
    // Every update (websocket or poll) goes into the query cache, so other readers see it too.
    if (task) setCached(`/research/tasks/${encodeURIComponent(task.id)}`, task);
  }, [task]);

  // Initial load, then the websocket with reconnection; polling covers the gaps.
  useEffect(() => {
    let disposed = false;
    let socket: WebSocket | null = null;
    let reconnectTimer: number | undefined;
    let attempts = 0;

    setTask(undefined);
    setConnection("connecting");
    void fetchTask();

    const open = async () => {
      if (disposed || terminalRef.current) return;
      try {
        const ticket = await socketTicket();
        if (disposed) return;
        socket = new WebSocket(socketUrl(taskId, ticket));
      } catch {
        setConnection("polling");
        scheduleReconnect();
        return;
      }
      socket.onopen = () => {
        attempts = 0;
        setConnection("live");
      };
      socket.onmessage = (event: MessageEvent) => {
        const message = parse(event.data);
        if (!message) return;
        setTask((current) => applySocketMessage(current, message));
        const status = message.type === "state" ? message.task.status : message.type === "status" ? message.status : null;
        if (status !== null && isTerminal(status)) {
          terminalRef.current = true;
          if (message.type === "status") {
            // The terminal task carries fields the message does not (completed_at, pmf_score).
            void fetchTask();
            invalidate("/credits");
            invalidate("/research/tasks?");
          }
          socket?.close();
        }
      };
      socket.onclose = (event: CloseEvent) => {
        socket = null;
        if (disposed) return;
        // 4401/4404: not signed in or no such task; REST reports the error, reconnecting cannot help.
        if (terminalRef.current || event.code === 4401 || event.code === 4404) {
          setConnection("idle");
          return;
        }
        setConnection("polling");
        scheduleReconnect();
      };
    };

    const scheduleReconnect = () => {
      attempts += 1;
      const delay = Math.min(RECONNECT_MAX_MS, 1000 * 2 ** attempts);
      reconnectTimer = window.setTimeout(() => void open(), delay);
    };

    void open();
    return () => {
      disposed = true;
      window.clearTimeout(reconnectTimer);
      if (socket) {
        socket.onclose = null;
        socket.close();
      }
    };
  }, [taskId, fetchTask]);

  // Polling while the socket is not open and the task is still running.
  const running = task !== undefined && !isTerminal(task.status);
  useEffect(() => {
    if (connection !== "polling" || !running) return;
    const timer = window.setInterval(() => void fetchTask(), POLL_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [connection, running, fetchTask]);

  const replaceTask = useCallback((next: TaskDetail) => {
    terminalRef.current = isTerminal(next.status);
    setTask(next);
  }, []);

  return { task, error, connection, replaceTask, reload: () => void fetchTask() };
}
