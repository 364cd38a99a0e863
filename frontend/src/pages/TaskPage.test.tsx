import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { checkpoints, depths, reached, report, taskDetail } from "../test/fixtures";
import { mockApi, renderAt } from "../test/helpers";
import { installMockWebSocket, MockWebSocket } from "../test/mockWebSocket";
import type { TaskDetail } from "../api/types";
import { TaskPage } from "./TaskPage";

let serverTask: TaskDetail;

function setup() {
  return mockApi({
    "GET /api/v1/research/checkpoints": checkpoints,
    "POST /api/v1/research/ws-ticket": () => ({ status: 201, body: { ticket: "tk-1", expires_in: 30 } }),
    "GET /api/v1/research/tasks/t1": () => ({ body: serverTask }),
    "GET /api/v1/research/tasks/t1/report": report,
    "POST /api/v1/research/tasks/t1/abort": () => {
      serverTask = { ...serverTask, status: "aborted", refunded: true, error: "Aborted by the user." };
      return { body: serverTask };
    },
  });
}

function renderTask() {
  renderAt("/tasks/t1", <TaskPage />, "/tasks/:taskId");
}

beforeEach(() => {
  installMockWebSocket();
  serverTask = taskDetail();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

test("shows checkpoints in 7 categories, the agents as three lanes, and the progress bar from websocket events", async () => {
  setup();
  renderTask();
  const bar = await screen.findByRole("progressbar");
  expect(bar).toHaveAttribute("aria-valuenow", "2");
  expect(bar).toHaveAttribute("aria-valuemax", "17");
  // The socket opens with a single-use ticket from the API, never a key in its URL.
  await waitFor(() => expect(MockWebSocket.latest()?.url).toBe("ws://localhost:3000/ws/research/t1/?ticket=tk-1"));

  act(() => {
    MockWebSocket.latest().open();
    MockWebSocket.latest().receive({ type: "state", task: serverTask });
    for (const checkpoint of reached(3, 7, 11, 4)) {
      MockWebSocket.latest().receive({ type: "checkpoint", checkpoint, progress: 0.3, status: "processing" });
    }
  });
  expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "6");
  expect(screen.getByText("6 of 17 steps · 35%")).toBeInTheDocument();
  expect(screen.getByText("Live")).toBeInTheDocument();
  const lanes = within(screen.getByTestId("agent-lanes")).getAllByRole("region");
  expect(lanes.map((lane) => lane.getAttribute("aria-label"))).toEqual(["Market analysis", "Competitor analysis", "Customer insights"]);
  expect(within(lanes[0]).getByText("2/4")).toBeInTheDocument();
  for (const name of ["Initialization", "Query generation", "Report generation", "Completion"]) {
    expect(screen.getByRole("region", { name })).toBeInTheDocument();
  }
});

test("falls back to polling every 2 s when the socket closes, and stops when the task finishes", async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  const api = setup();
  renderTask();
  await screen.findByRole("progressbar");
  act(() => MockWebSocket.latest().open());
  const fetchesBefore = api.callsTo("GET", "/api/v1/research/tasks/t1").length;

  act(() => MockWebSocket.latest().serverClose());
  expect(await screen.findByText(/checking every 2 seconds/)).toBeInTheDocument();
  serverTask = { ...serverTask, checkpoints: reached(1, 2, 3), checkpoints_completed: 3 };
  await act(async () => {
    await vi.advanceTimersByTimeAsync(2000);
  });
  expect(api.callsTo("GET", "/api/v1/research/tasks/t1").length).toBe(fetchesBefore + 1);
  expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "3");

  serverTask = { ...serverTask, status: "failed", error: "The search provider is down.", refunded: true };
  await act(async () => {
    await vi.advanceTimersByTimeAsync(2000);
  });
  expect(await screen.findByText("This research failed")).toBeInTheDocument();
  expect(screen.getByText("Reason: The search provider is down.")).toBeInTheDocument();
  expect(screen.getByTestId("refund-note")).toHaveTextContent("12 credits refunded.");
  const fetchesAtEnd = api.callsTo("GET", "/api/v1/research/tasks/t1").length;
  await act(async () => {
    await vi.advanceTimersByTimeAsync(10000);
  });
  expect(api.callsTo("GET", "/api/v1/research/tasks/t1").length).toBe(fetchesAtEnd);
});

test("abort asks for confirmation, then shows the aborted state with the refund", async () => {
  const api = setup();
  renderTask();
  await userEvent.click(await screen.findByRole("button", { name: "Abort research" }));
  const dialog = screen.getByRole("alertdialog");
  expect(dialog).toHaveTextContent("The 12 credits reserved for it are refunded.");
  await userEvent.click(within(dialog).getByRole("button", { name: "Keep running" }));
  expect(api.callsTo("POST", "/api/v1/research/tasks/t1/abort")).toHaveLength(0);

  await userEvent.click(screen.getByRole("button", { name: "Abort research" }));
  await userEvent.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Abort research" }));
  expect(await screen.findByText("This research was aborted")).toBeInTheDocument();
  expect(screen.getByTestId("refund-note")).toHaveTextContent("12 credits refunded.");
  expect(api.callsTo("POST", "/api/v1/research/tasks/t1/abort")).toHaveLength(1);
});

test("a completed task shows its report with export links", async () => {
  serverTask = taskDetail({ status: "completed", checkpoints: reached(...checkpoints.map((checkpoint) => checkpoint.number)), pmf_score: 72 });
  setup();
  renderTask();
  expect(await screen.findByText("72 / 100")).toBeInTheDocument();
  expect(screen.getByRole("link", { name: "Export Markdown" })).toHaveAttribute("href", "/api/v1/research/tasks/t1/export?format=md");
  expect(screen.getByRole("link", { name: "Export JSON" })).toHaveAttribute("href", "/api/v1/research/tasks/t1/export?format=json");
});

test("a finished task links to a prefilled form to run it again", async () => {
  serverTask = taskDetail({ status: "failed", error: "Provider down.", refunded: true });
  mockApi({
    "GET /api/v1/research/checkpoints": checkpoints,
    "GET /api/v1/research/tasks/t1": () => ({ body: serverTask }),
  });
  renderTask();
  expect(await screen.findByRole("link", { name: "Run again…" })).toHaveAttribute("href", "/?rerun=t1");
});

test("an insufficient-evidence task shows its own state, the refund, the report without a score and the exports", async () => {
  serverTask = taskDetail({ status: "insufficient_evidence", refunded: true, credits_charged: 12, pmf_score: null, progress: 1 });
  mockApi({
    "GET /api/v1/research/checkpoints": checkpoints,
    "GET /api/v1/research/tasks/t1": () => ({ body: serverTask }),
    "GET /api/v1/research/tasks/t1/report": { ...report, outcome: "insufficient_evidence", pmf_score: null },
  });
  renderTask();
  expect(await screen.findByRole("heading", { name: "Not enough evidence to score this idea" })).toBeInTheDocument();
  expect(screen.getByTestId("refund-note")).toHaveTextContent("12 credits refunded.");
  expect(screen.getAllByText("Not enough evidence").length).toBeGreaterThan(0);
  expect(await screen.findByText("No score")).toBeInTheDocument();
  expect(screen.getByRole("link", { name: "Export PDF" })).toHaveAttribute("href", "/api/v1/research/tasks/t1/export?format=pdf");
  expect(screen.getByRole("link", { name: "Export Word" })).toHaveAttribute("href", "/api/v1/research/tasks/t1/export?format=docx");
  await waitFor(() => expect(document.title).toBe("Not enough evidence · " + serverTask.title + " · PMF Research Assistant"));
});

test("a running task shows its progress in the browser tab's title", async () => {
  setup();
  renderTask();
  await screen.findByRole("progressbar");
  await waitFor(() => expect(document.title).toMatch(/^\d+% · /));
});

test("past the depth's typical time a queued research says it is taking longer, and why when no worker runs", async () => {
  serverTask = taskDetail({ status: "queued", started_at: null, checkpoints: reached(1), progress: 1 / 17, created_at: new Date(Date.now() - 10 * 60_000).toISOString() });
  mockApi({
    "GET /api/v1/research/checkpoints": checkpoints,
    "GET /api/v1/research/tasks/t1": () => ({ body: serverTask }),
    "GET /api/v1/research/depths": depths,
    "GET /api/v1/research/availability": { workers_available: false, message: "No research worker answered." },
  });
  renderTask();
  const note = await screen.findByTestId("slow-note");
  expect(note).toHaveTextContent("Taking longer than usual (a standard research typically takes ~2 min).");
  await waitFor(() => expect(note).toHaveTextContent("No research worker is running, so it has not started yet"));
});
