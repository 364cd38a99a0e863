// A small typed client for /api/v1: JSON in and out, the CSRF header on unsafe requests,
// the server's one error shape mapped to ApiError, and 401 sent to the sign-in page.
import type { ErrorBody } from "./types";

export const API_BASE = "/api/v1";

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string[]>;
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, fields: Record<string, string[]> = {}, details: Record<string, unknown> = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.details = details;
  }
}

export function readCookie(name: string): string {
  for (const part of document.cookie.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return "";
}

export function csrfToken(): string {
  return readCookie("csrftoken");
}

export function signInUrl(): string {
  const next = window.location.pathname + window.location.search;
  return `/accounts/login/?next=${encodeURIComponent(next)}`;
}

function redirectToSignIn(): void {
  window.location.assign(signInUrl());
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export type RequestOptions = {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

async function errorFrom(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const error = (body as ErrorBody | null)?.error;
  if (error && typeof error.code === "string") {
    const { code, message, fields, ...details } = error;
    return new ApiError(response.status, code, message || response.statusText, fields ?? {}, details);
  }
  const message = response.status >= 500 ? "The server had a problem. Please try again." : response.statusText || "Request failed.";
  return new ApiError(response.status, response.status >= 500 ? "server_error" : "http_error", message);
}

/** Call the API; resolves with the parsed JSON (undefined for 204), rejects with ApiError. */
export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = (options.method ?? "GET").toUpperCase();
  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (UNSAFE.has(method)) headers["X-CSRFToken"] = csrfToken();
  let response: Response;
  try {
    response = await fetch(path.startsWith("/") && !path.startsWith(API_BASE) ? API_BASE + path : path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "network_error", "Could not reach the server. Check your connection and try again.");
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    // DRF answers 403 instead of 401 when the first authenticator sends no WWW-Authenticate header.
    if (response.status === 401 || error.code === "not_authenticated") redirectToSignIn();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => apiFetch<T>(path, { signal }),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
    apiFetch<T>(path, { method: "POST", body: body ?? {}, headers }),
  delete: <T = void>(path: string) => apiFetch<T>(path, { method: "DELETE" }),
};

/** The message a user should read for an error of any kind. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}
