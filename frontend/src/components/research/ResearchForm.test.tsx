import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { NewResearchPage } from "../../pages/NewResearchPage";
import { balanceOf, depths } from "../../test/fixtures";
import { mockApi, renderAt, type RouteTable } from "../../test/helpers";

const me = (siteKey = "") => ({ username: "alice", is_staff: false, hcaptcha_site_key: siteKey, idea_min_length: 10, idea_max_length: 2000, default_depth: "standard", sample_corpus: false });

function setup(routes: RouteTable = {}, amount = 100, siteKey = "", path = "/") {
  const api = mockApi({
    "GET /api/v1/research/depths": depths,
    "GET /api/v1/credits/balance": balanceOf(amount),
    "GET /api/v1/me": me(siteKey),
    "GET /api/v1/research/availability": { workers_available: true, message: "worker answered" },
    ...routes,
  });
  renderAt(path, <NewResearchPage />);
  return api;
}

beforeEach(() => window.localStorage.clear());

const idea = () => screen.getByLabelText("Your product idea");
const start = () => screen.getByRole("button", { name: /start research/i });

afterEach(() => {
  document.head.querySelectorAll("script[src*='hcaptcha']").forEach((script) => script.remove());
});

test("depth cards show credits, typical time, sources and search/extract depth from the API", async () => {
  setup();
  const deep = await screen.findByRole("radio", { name: /deep/i });
  const card = deep.closest("label") as HTMLElement;
  expect(within(card).getByText("18 credits")).toBeInTheDocument();
  expect(within(card).getByText("~3 min")).toBeInTheDocument();
  expect(within(card).getByText("up to 30")).toBeInTheDocument(); // 10 URLs per agent × 3 agents
  expect(within(card).getByText("Full pages")).toBeInTheDocument();
  expect(within(card).getByText("5 researches left")).toBeInTheDocument();
});

test("live character count and validation messages", async () => {
  setup();
  await screen.findByRole("radio", { name: /standard/i });
  await userEvent.type(idea(), "Too short");
  expect(screen.getByText("9 / 2000")).toBeInTheDocument();
  await userEvent.click(start());
  expect(screen.getByText(/at least 10 characters \(1 more\)/)).toBeInTheDocument();
  expect(idea()).toHaveAttribute("aria-invalid", "true");
  await userEvent.type(idea(), "!");
  expect(screen.queryByText(/at least 10 characters/)).not.toBeInTheDocument();
});

test("the cost preview follows the chosen depth", async () => {
  setup({}, 100);
  await screen.findByRole("radio", { name: /standard/i });
  const preview = screen.getByTestId("cost-preview");
  expect(preview).toHaveTextContent("12 credits");
  expect(preview).toHaveTextContent("88");
  expect(preview).toHaveTextContent("Researches left at this depth8");
  await userEvent.click(screen.getByRole("radio", { name: /essential/i }));
  expect(preview).toHaveTextContent("6 credits");
  expect(preview).toHaveTextContent("94");
  expect(preview).toHaveTextContent("Researches left at this depth16");
});

test("starts on a depth the balance can pay for", async () => {
  setup({}, 10);
  await waitFor(() => expect(screen.getByRole("radio", { name: /essential/i })).toBeChecked());
  expect(start()).toBeEnabled();
});

test("disabled with an explanation when credits are short", async () => {
  setup({}, 10);
  await waitFor(() => expect(screen.getByRole("radio", { name: /essential/i })).toBeChecked());
  await userEvent.click(screen.getByRole("radio", { name: /standard/i }));
  expect(await screen.findByText(/Standard research costs 12 credits and you have 10/)).toBeInTheDocument();
  expect(start()).toBeDisabled();
  await userEvent.click(screen.getByRole("radio", { name: /essential/i }));
  expect(start()).toBeEnabled();
});

test("submits with an idempotency key and opens the task", async () => {
  const api = setup({
    "POST /api/v1/research/submit": () => ({
      status: 202,
      body: { request_id: "r1", task_id: "t9", status: "queued", message: "Queued", credits_charged: 12, balance: 88 },
    }),
  });
  await screen.findByRole("radio", { name: /standard/i });
  await userEvent.type(idea(), "A meal planner for busy parents");
  await userEvent.click(start());
  expect(await screen.findByText("Task page")).toBeInTheDocument();
  const [call] = api.callsTo("POST", "/api/v1/research/submit");
  expect(call.body).toEqual({ product_idea: "A meal planner for busy parents", research_depth: "standard" });
  expect(call.headers["Idempotency-Key"]).toBeTruthy();
});

test("shows the server's field messages and the 402 explanation", async () => {
  let attempt = 0;
  setup({
    "POST /api/v1/research/submit": () => {
      attempt += 1;
      return attempt === 1
        ? { status: 400, body: { error: { code: "invalid", message: "Some fields are invalid.", fields: { product_idea: ["Describe a product, not a sentence of filler."] } } } }
        : { status: 402, body: { error: { code: "insufficient_credits", message: "Not enough credits.", balance: 4, cost: 12, depth: "standard" } } };
    },
  });
  await screen.findByRole("radio", { name: /standard/i });
  await userEvent.type(idea(), "aaaaaaaaaaaaaaa");
  await userEvent.click(start());
  expect(await screen.findByText("Describe a product, not a sentence of filler.")).toBeInTheDocument();
  await userEvent.click(start());
  expect(await screen.findByRole("alert")).toHaveTextContent("this research costs 12 credits and you have 4");
});

test("loads the hCaptcha script only when the server gives a site key", async () => {
  setup();
  await screen.findByRole("radio", { name: /standard/i });
  expect(document.head.querySelector("script[src*='js.hcaptcha.com']")).toBeNull();
});

test("with a site key the captcha is required before submitting", async () => {
  setup({}, 100, "site-key-1");
  await screen.findByRole("radio", { name: /standard/i });
  await waitFor(() => expect(document.head.querySelector("script[src^='https://js.hcaptcha.com/1/api.js']")).not.toBeNull());
  expect(screen.getByText("Complete the captcha to start.")).toBeInTheDocument();
  expect(start()).toBeDisabled();
});

test("the idea box has focus and Ctrl+Enter (or Cmd+Enter) submits", async () => {
  const api = setup({
    "POST /api/v1/research/submit": () => ({ status: 202, body: { request_id: "r1", task_id: "t9", status: "queued", message: "Queued", credits_charged: 12, balance: 88 } }),
  });
  await screen.findByRole("radio", { name: /standard/i });
  expect(idea()).toHaveFocus();
  await userEvent.type(idea(), "A meal planner for busy parents");
  await userEvent.keyboard("{Control>}{Enter}{/Control}");
  expect(await screen.findByText("Task page")).toBeInTheDocument();
  expect(api.callsTo("POST", "/api/v1/research/submit")).toHaveLength(1);
});

test("limits and the default depth come from the API; a chosen depth is remembered after a reload", async () => {
  mockApi({
    "GET /api/v1/research/depths": depths,
    "GET /api/v1/credits/balance": balanceOf(100),
    "GET /api/v1/me": { ...me(), idea_min_length: 25, idea_max_length: 300, default_depth: "essential" },
  });
  const first = renderAt("/", <NewResearchPage />);
  await waitFor(() => expect(screen.getByRole("radio", { name: /essential/i })).toBeChecked());
  expect(screen.getByText("0 / 300")).toBeInTheDocument();
  await userEvent.type(idea(), "Twelve chars");
  await userEvent.click(start());
  expect(screen.getByText(/at least 25 characters \(13 more\)/)).toBeInTheDocument();
  await userEvent.click(screen.getByRole("radio", { name: /deep/i }));
  first.unmount();
  renderAt("/", <NewResearchPage />);
  await waitFor(() => expect(screen.getByRole("radio", { name: /deep/i })).toBeChecked());
});

test("at zero credits one message says so, with the renewal date, and no smaller depth is suggested", async () => {
  setup({}, 0);
  await screen.findByRole("radio", { name: /standard/i });
  const message = await screen.findByText(/not enough for any research/);
  expect(message).toHaveTextContent("You have 0 credits, not enough for any research. Your credits renew on");
  expect(screen.queryByText(/smaller depth|fits your balance/)).toBeNull();
  expect(screen.queryByRole("alert")).toBeNull();
  expect(start()).toBeDisabled();
});

test("when no worker answers, the form says so before anything is charged", async () => {
  const api = setup({ "GET /api/v1/research/availability": { workers_available: false, message: "No research worker answered." } });
  expect(await screen.findByTestId("no-worker-warning")).toHaveTextContent("No research worker is running right now.");
  expect(screen.getByRole("button", { name: "Start anyway" })).toBeInTheDocument();
  expect(api.callsTo("POST", "/api/v1/research/submit")).toHaveLength(0);
});

test("run again: the form is prefilled, links to the original, and an unchanged idea uses the rerun endpoint", async () => {
  const api = setup(
    {
      "GET /api/v1/research/tasks/t1": { id: "t1", title: "Meal planner", product_idea: "A meal planner for busy parents", depth: "deep" },
      "POST /api/v1/research/tasks/t1/rerun": () => ({ status: 202, body: { request_id: "r2", task_id: "t2", status: "queued", message: "Queued", credits_charged: 18, balance: 82 } }),
    },
    100,
    "",
    "/?rerun=t1",
  );
  expect(await screen.findByRole("link", { name: "Meal planner" })).toHaveAttribute("href", "/tasks/t1");
  expect(idea()).toHaveValue("A meal planner for busy parents");
  expect(screen.getByRole("radio", { name: /deep/i })).toBeChecked();
  await userEvent.click(start());
  expect(await screen.findByText("Task page")).toBeInTheDocument();
  expect(api.callsTo("POST", "/api/v1/research/tasks/t1/rerun")).toHaveLength(1);
  expect(api.callsTo("POST", "/api/v1/research/submit")).toHaveLength(0);
});

test("run again with an edited idea and depth still goes through the rerun endpoint, linked to the original", async () => {
  const api = setup(
    {
      "GET /api/v1/research/tasks/t1": { id: "t1", title: "Meal planner", product_idea: "A meal planner for busy parents", depth: "deep" },
      "POST /api/v1/research/tasks/t1/rerun": () => ({ status: 202, body: { request_id: "r2", task_id: "t2", status: "queued", message: "Queued", credits_charged: 6, balance: 94 } }),
    },
    100,
    "",
    "/?rerun=t1",
  );
  expect(await screen.findByRole("link", { name: "Meal planner" })).toHaveAttribute("href", "/tasks/t1");
  await userEvent.clear(idea());
  await userEvent.type(idea(), "A meal planner for parents of children with food allergies");
  await userEvent.click(screen.getByRole("radio", { name: /essential/i }));
  await userEvent.click(start());
  expect(await screen.findByText("Task page")).toBeInTheDocument();
  const [call] = api.callsTo("POST", "/api/v1/research/tasks/t1/rerun");
  expect(call.body).toMatchObject({ product_idea: "A meal planner for parents of children with food allergies", research_depth: "essential" });
  expect(api.callsTo("POST", "/api/v1/research/submit")).toHaveLength(0);
});

test("in demo mode the page says research runs on the fictional sample documents", async () => {
  setup({ "GET /api/v1/me": { ...me(), sample_corpus: true } });
  expect(await screen.findByTestId("demo-mode")).toHaveTextContent("Demo mode. No web search is configured");
});
