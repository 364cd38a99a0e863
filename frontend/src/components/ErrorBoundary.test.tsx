import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { ErrorBoundary } from "./ErrorBoundary";

function Fragile() {
  const [broken, setBroken] = useState(false);
  if (broken) throw new Error("boom");
  return (
    <button type="button" onClick={() => setBroken(true)}>
      Break
    </button>
  );
}

test("shows a recoverable error instead of a blank page", async () => {
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  render(
    <ErrorBoundary>
      <Fragile />
    </ErrorBoundary>,
  );
  await userEvent.click(screen.getByRole("button", { name: "Break" }));
  expect(screen.getByRole("alert")).toHaveTextContent("Something went wrong on this page");
  await userEvent.click(screen.getByRole("button", { name: "Try again" }));
  expect(screen.getByRole("button", { name: "Break" })).toBeInTheDocument();
});
