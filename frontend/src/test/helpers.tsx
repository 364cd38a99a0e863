// Test helpers: a fake network (fetch answered from a route table) and rendering inside the app's providers.
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { MemoryRouter, Route, Routes } from "react-router";
import { ToastProvider } from "../components/ui/Toasts";

export type Handler = (request: { url: URL; method: string; body: unknown; headers: Record<string, string> }) => {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
};
export type RouteTable = Record<string, Handler | object | string | number | boolean | null>;

export type FetchCall = { method: string; url: URL; body: unknown; headers: Record<string, string> };

/** Replace fetch: "GET /api/v1/me" → JSON body, or a handler returning {status, body}. Unknown routes answer 404. */
export function mockApi(routes: RouteTable) {
  const calls: FetchCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), "http://localhost");
    const method = (init.method ?? "GET").toUpperCase();
    const body = typeof init.body === "string" ? JSON.parse(init.body) : undefined;
    const headers = (init.headers ?? {}) as Record<string, string>;
    calls.push({ method, url, body, headers });
    const key = Object.keys(routes).find((route) => {
      const [routeMethod, routePath] = route.split(" ");
      const [path, query] = routePath.split("?");
      if (routeMethod !== method || path !== url.pathname) return false;
      return query === undefined || query === url.search.slice(1);
    });
    let status = 200;
    let payload: unknown;
    let extraHeaders: Record<string, string> = {};
    if (key === undefined) {
      status = 404;
      payload = { error: { code: "not_found", message: `No mock for ${method} ${url.pathname}${url.search}` } };
    } else {
      const route = routes[key];
      if (typeof route === "function") {
        const result = (route as Handler)({ url, method, body, headers });
        status = result.status ?? 200;
        payload = result.body;
        extraHeaders = result.headers ?? {};
      } else {
        payload = route;
      }
    }
    const text = payload === undefined ? "" : JSON.stringify(payload);
    return new Response(status === 204 ? null : text, { status, headers: { "Content-Type": "application/json", ...extraHeaders } });
  });
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  return { calls, fetchMock, callsTo: (method: string, path: string) => calls.filter((call) => call.method === method && call.url.pathname === path) };
}

export function renderAt(path: string, element: ReactElement, routePath = "*") {
  return render(
    <ToastProvider>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path={routePath} element={element} />
          <Route path="/tasks/:taskId" element={<p>Task page</p>} />
        </Routes>
      </MemoryRouter>
    </ToastProvider>,
  );
}
