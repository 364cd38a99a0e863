import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { balanceOf } from "../../test/fixtures";
import { mockApi } from "../../test/helpers";
import { ToastProvider } from "../ui/Toasts";
import { AppShell } from "./AppShell";

function Broken(): never {
  throw new Error("boom");
}

function renderShell(path: string) {
  return render(
    <ToastProvider>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route element={<AppShell username="alice" />}>
            <Route path="/" element={<h1>Home</h1>} />
            <Route path="/broken" element={<Broken />} />
          </Route>
        </Routes>
      </MemoryRouter>
    </ToastProvider>,
  );
}

test("the header always shows the balance and researches left, and the main navigation", async () => {
  mockApi({ "GET /api/v1/credits/balance": balanceOf(100) });
  renderShell("/");
  expect(await screen.findByText("100 credits")).toBeInTheDocument();
  expect(screen.getByText("16 essential researches left")).toBeInTheDocument();
  const nav = screen.getByRole("navigation", { name: "Main" });
  for (const name of ["New research", "Research history", "Credits", "API keys"]) {
    expect(nav).toContainElement(screen.getByRole("link", { name }));
  }
});

test("sign-out posts to Django's logout view with the CSRF token", async () => {
  document.cookie = "csrftoken=tok123";
  mockApi({ "GET /api/v1/credits/balance": balanceOf(100) });
  const submit = vi.spyOn(HTMLFormElement.prototype, "submit").mockImplementation(() => undefined);
  const { container } = renderShell("/");
  await userEvent.click(screen.getByRole("button", { name: /account menu/i }));
  await userEvent.click(await screen.findByRole("menuitem", { name: "Sign out" }));
  const form = container.querySelector("form[action='/accounts/logout/']") as HTMLFormElement;
  expect(form.method).toBe("post");
  expect((form.elements.namedItem("csrfmiddlewaretoken") as HTMLInputElement).value).toBe("tok123");
  expect(submit).toHaveBeenCalled();
});

test("a page that crashes is contained by the error boundary; the shell stays", async () => {
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  mockApi({ "GET /api/v1/credits/balance": balanceOf(100) });
  renderShell("/broken");
  expect(screen.getByRole("alert")).toHaveTextContent("Something went wrong on this page");
  expect(screen.getByRole("navigation", { name: "Main" })).toBeInTheDocument();
  expect(await screen.findByText("100 credits")).toBeInTheDocument();
});
