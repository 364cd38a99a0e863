import { ApiError, apiFetch } from "./client";
import { mockApi } from "../test/helpers";

describe("apiFetch", () => {
  afterEach(() => {
    document.cookie = "csrftoken=; expires=Thu, 01 Jan 1970 00:00:00 GMT";
  });

  test("maps the server's error shape to an ApiError with code, message and fields", async () => {
    mockApi({
      "POST /api/v1/research/submit": () => ({
        status: 400,
        body: { error: { code: "invalid", message: "Some fields are invalid.", fields: { product_idea: ["Too short."] } } },
      }),
    });
    const error = await apiFetch("/research/submit", { method: "POST", body: {} }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: "invalid", message: "Some fields are invalid.", fields: { product_idea: ["Too short."] } });
  });

  test("keeps the extra fields of a 402 (balance, cost, depth)", async () => {
    mockApi({
      "POST /api/v1/research/submit": () => ({
        status: 402,
        body: { error: { code: "insufficient_credits", message: "Not enough credits.", balance: 4, cost: 12, depth: "standard" } },
      }),
    });
    const error = (await apiFetch("/research/submit", { method: "POST", body: {} }).catch((reason: unknown) => reason)) as ApiError;
    expect(error.code).toBe("insufficient_credits");
    expect(error.details).toEqual({ balance: 4, cost: 12, depth: "standard" });
  });

  test("a non-JSON 5xx becomes a server_error", async () => {
    globalThis.fetch = vi.fn().mockResolvedValue(new Response("<h1>Bad gateway</h1>", { status: 502 })) as unknown as typeof fetch;
    const error = (await apiFetch("/me").catch((reason: unknown) => reason)) as ApiError;
    expect(error).toMatchObject({ status: 502, code: "server_error" });
  });

  test("a network failure becomes a network_error", async () => {
    globalThis.fetch = vi.fn().mockRejectedValue(new TypeError("Failed to fetch")) as unknown as typeof fetch;
    const error = (await apiFetch("/me").catch((reason: unknown) => reason)) as ApiError;
    expect(error).toMatchObject({ status: 0, code: "network_error" });
  });

  test("sends the CSRF cookie as X-CSRFToken on unsafe requests only", async () => {
    document.cookie = "csrftoken=abc123";
    const { calls } = mockApi({ "GET /api/v1/me": {}, "DELETE /api/v1/keys/k1": () => ({ status: 204 }) });
    await apiFetch("/me");
    await apiFetch("/keys/k1", { method: "DELETE" });
    expect(calls[0].headers["X-CSRFToken"]).toBeUndefined();
    expect(calls[1].headers["X-CSRFToken"]).toBe("abc123");
  });

  test.each([
    [401, "not_authenticated"],
    [403, "not_authenticated"],
  ])("a %i %s sends the browser to the sign-in page with the current path as next", async (status, code) => {
    const assign = vi.fn();
    const original = window.location;
    Object.defineProperty(window, "location", { configurable: true, value: { ...original, pathname: "/tasks", search: "?q=meal", assign } });
    mockApi({ "GET /api/v1/me": () => ({ status, body: { error: { code, message: "Sign in." } } }) });
    const error = (await apiFetch("/me").catch((reason: unknown) => reason)) as ApiError;
    Object.defineProperty(window, "location", { configurable: true, value: original });
    expect(assign).toHaveBeenCalledWith("/accounts/login/?next=%2Ftasks%3Fq%3Dmeal");
    expect(error.code).toBe("not_authenticated");
  });
});
