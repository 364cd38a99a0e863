import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { balanceOf } from "../test/fixtures";
import { mockApi, renderAt } from "../test/helpers";
import { CreditsPage } from "./CreditsPage";

const row = (id: number, kind: string, amount: number) => ({
  id: `x${id}`, transaction_id: `tx${id}`, kind, amount, balance_after: 100, timestamp: "2026-11-25T10:00:00+00:00",
  research_request_id: amount < 0 ? `req${id}` : null, research_depth: amount < 0 ? "standard" : null, reason: kind === "staff_grant" ? "Beta tester" : null,
});

test("balance, researches left per depth and a paginated transaction history", async () => {
  const api = mockApi({
    "GET /api/v1/credits/balance": balanceOf(40),
    "GET /api/v1/credits/transactions": ({ url }) =>
      url.searchParams.get("page") === "2"
        ? { body: { count: 21, next: null, previous: "/api/v1/credits/transactions?page=1", results: [row(21, "monthly_grant", 1000)] } }
        : { body: { count: 21, next: "/api/v1/credits/transactions?page=2", previous: null, results: [row(1, "research_charge", -12), row(2, "staff_grant", 50)] } },
  });
  renderAt("/credits", <CreditsPage />);
  expect(await screen.findByText("40")).toBeInTheDocument();
  const remaining = screen.getByText("Researches left this month").closest("section") as HTMLElement;
  expect(within(remaining).getByText("Deep").closest("li")).toHaveTextContent("2");
  // (rows render twice in jsdom: a list for phones and a table for wider screens; CSS shows one)
  const table = await screen.findByRole("table");
  expect(within(table).getByText("Research charge")).toBeInTheDocument();
  expect(within(table).getByText("-12")).toBeInTheDocument();
  expect(within(table).getByText("Beta tester")).toBeInTheDocument();
  // and the charge links to the research it paid for
  expect(within(table).getByRole("link", { name: "Open the research" })).toHaveAttribute("href", "/tasks/req1");
  expect(screen.getByText(/renews on/)).toHaveTextContent("credits left of 1000 this month; renews on");
  await userEvent.click(screen.getByRole("button", { name: "Next" }));
  expect(await within(screen.getByRole("table")).findByText("Monthly grant")).toBeInTheDocument();
  expect(api.callsTo("GET", "/api/v1/credits/transactions").map((call) => call.url.search)).toEqual(["?page=1", "?page=2"]);
});
