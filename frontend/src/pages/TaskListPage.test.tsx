import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { TaskSummary } from "../api/types";
import { buildTaskQuery, filtersFromParams } from "../lib/taskQuery";
import { depths, taskDetail } from "../test/fixtures";
import { mockApi, renderAt } from "../test/helpers";
import { TaskListPage } from "./TaskListPage";

const summary = (id: string, title: string, status: TaskSummary["status"] = "completed"): TaskSummary => {
  const { checkpoints: _checkpoints, cost: _cost, sources_count: _sources, ...rest } = taskDetail({ id, title, status });
  return rest;
};

function setup(results: TaskSummary[] = [summary("t1", "Meal planner"), summary("t2", "Dog walking"), summary("t3", "Running one", "processing")]) {
  return mockApi({
    "GET /api/v1/research/depths": depths,
    "GET /api/v1/research/tasks": ({ url }) => ({ body: { count: url.searchParams.get("q") === "zzz" ? 0 : results.length, page: 1, page_size: 20, results: url.searchParams.get("q") === "zzz" ? [] : results } }),
    "GET /api/v1/research/tasks/suggest": ({ url }) => ({ body: { suggestions: url.searchParams.get("q") === "mea" ? [{ id: "t1", title: "Meal planner", status: "completed" }] : [] } }),
    "POST /api/v1/research/tasks/bulk-delete": ({ body }) => ({ body: { deleted: (body as { ids: string[] }).ids, skipped: [] } }),
  });
}

test("builds the API query string from the filters", () => {
  expect(buildTaskQuery(filtersFromParams(new URLSearchParams()))).toBe("");
  const filters = filtersFromParams(new URLSearchParams("q=meal&status=failed&depth=deep&created_after=2026-11-01&created_before=2026-11-30&sort=status&page=3"));
  expect(buildTaskQuery(filters)).toBe("q=meal&status=failed&depth=deep&created_after=2026-11-01&created_before=2026-12-01&sort=status&page=3");
});

test("search is debounced: one request for what was typed, with suggestions", async () => {
  const api = setup();
  renderAt("/tasks", <TaskListPage />);
  expect(await screen.findByText("Meal planner")).toBeInTheDocument();
  await userEvent.type(screen.getByRole("combobox", { name: "Search research" }), "mea");
  expect(await screen.findByRole("option", { name: /Meal planner/ }, { timeout: 4000 })).toBeInTheDocument();
  await waitFor(() => expect(api.calls.some((call) => call.url.pathname === "/api/v1/research/tasks" && call.url.search === "?q=mea")).toBe(true));
  const searches = api.callsTo("GET", "/api/v1/research/tasks").map((call) => call.url.search);
  expect(searches).toEqual(["", "?q=mea"]);
  const suggestions = api.callsTo("GET", "/api/v1/research/tasks/suggest").map((call) => call.url.search);
  expect(suggestions).toEqual(["?q=mea"]);
}, 20_000); // typing plus a 250 ms debounce: slow on a loaded machine

test("filters and sort build the right query", async () => {
  const api = setup();
  renderAt("/tasks", <TaskListPage />);
  await screen.findByText("Meal planner");
  await userEvent.selectOptions(screen.getByLabelText("Status"), "failed");
  await userEvent.selectOptions(await screen.findByLabelText("Depth"), "deep");
  await userEvent.selectOptions(screen.getByLabelText("Sort"), "-completed_at");
  await waitFor(() => expect(api.callsTo("GET", "/api/v1/research/tasks").at(-1)?.url.search).toBe("?status=failed&depth=deep&sort=-completed_at"));
});

test("empty state invites a first research", async () => {
  setup([]);
  renderAt("/tasks", <TaskListPage />);
  expect(await screen.findByText("No research yet — start one.")).toBeInTheDocument();
});

test("bulk delete asks for confirmation and only then deletes the selected tasks", async () => {
  const api = setup();
  renderAt("/tasks", <TaskListPage />);
  await screen.findByText("Meal planner");
  expect(screen.getByRole("checkbox", { name: /Running one is running/ })).toBeDisabled();
  await userEvent.click(screen.getByRole("checkbox", { name: "Select Meal planner" }));
  await userEvent.click(screen.getByRole("checkbox", { name: "Select Dog walking" }));
  expect(screen.getByText("2 selected")).toBeInTheDocument();

  await userEvent.click(screen.getByRole("button", { name: "Delete selected" }));
  await userEvent.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Cancel" }));
  expect(api.callsTo("POST", "/api/v1/research/tasks/bulk-delete")).toHaveLength(0);

  await userEvent.click(screen.getByRole("button", { name: "Delete selected" }));
  expect(screen.getByRole("alertdialog")).toHaveTextContent("Delete 2 researches?");
  await userEvent.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Delete" }));
  await waitFor(() => expect(api.callsTo("POST", "/api/v1/research/tasks/bulk-delete")).toHaveLength(1));
  expect(api.callsTo("POST", "/api/v1/research/tasks/bulk-delete")[0].body).toEqual({ ids: ["t1", "t2"] });
  expect(await screen.findByText("Deleted 2 researches")).toBeInTheDocument();
});

test("a failed load offers a retry", async () => {
  let fail = true;
  mockApi({
    "GET /api/v1/research/depths": depths,
    "GET /api/v1/research/tasks": () => (fail ? { status: 500, body: { error: { code: "server_error", message: "Database unavailable." } } } : { body: { count: 0, page: 1, page_size: 20, results: [] } }),
  });
  renderAt("/tasks", <TaskListPage />);
  expect(await screen.findByText("Database unavailable.")).toBeInTheDocument();
  fail = false;
  await userEvent.click(screen.getByRole("button", { name: "Try again" }));
  expect(await screen.findByText("No research yet — start one.")).toBeInTheDocument();
});

test("a pause after a space does not eat the space", async () => {
  setup();
  renderAt("/tasks", <TaskListPage />);
  await screen.findByText("Meal planner");
  const search = screen.getByRole("combobox", { name: "Search research" });
  await userEvent.type(search, "meal ");
  await new Promise((resolve) => setTimeout(resolve, 400));
  await userEvent.type(search, "planner");
  expect(search).toHaveValue("meal planner");
});
