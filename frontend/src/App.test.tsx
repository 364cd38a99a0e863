import { render, screen } from "@testing-library/react";
import { App } from "./App";

test("shows the signed-in user and each service's status", async () => {
  globalThis.fetch = vi.fn().mockResolvedValue({
    json: () => Promise.resolve({ status: "ok", checks: { postgres: { status: "ok", message: "" } } }),
  }) as unknown as typeof fetch;
  render(<App username="alice" />);
  expect(screen.getByText("Signed in as alice.")).toBeInTheDocument();
  expect(await screen.findByText("postgres: ok")).toBeInTheDocument();
});
