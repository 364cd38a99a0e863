import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, useLocation } from "react-router";
import type { Report } from "../../api/report";
import { mockApi } from "../../test/helpers";
import { report } from "../../test/fixtures";
import { ReportSummaryCards } from "./ReportSummaryCards";
import { ReportTabs } from "./ReportTabs";
import { ReportView } from "./ReportView";

function Location() {
  return <output data-testid="location">{useLocation().search}</output>;
}

const quoted: Report = {
  ...report,
  market_analysis: {
    ...report.market_analysis,
    market_size: [{ ...report.market_analysis.market_size[0], quote: "As quoted: the market was worth $4.2 billion." }],
  },
};

function renderTabs(value: Report = report, path = "/tasks/t1") {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <ReportTabs report={value} taskId="t1" />
      <Location />
    </MemoryRouter>,
  );
}

const typed: Report = {
  ...report,
  market_analysis: {
    ...report.market_analysis,
    market_size: [
      { ...report.market_analysis.market_size[0], value: "$9 billion", vendor_claim: true, timeframe: "forecast", kind: "market_size" },
      { ...report.market_analysis.market_size[0], value: "$3 billion", quote_found: true, values_match: false, dated: true },
    ],
    conflicts: [{ quantity: "market size", statement: "Sources disagree: $86M (rental, 2024, S1) vs $210M (all farm cold rooms, 2023, S2)", sides: [{ source_ids: ["S1"] }, { source_ids: ["S2"] }] }],
  },
  pmf_score: { ...report.pmf_score!, sub_scores: report.pmf_score!.sub_scores.map((sub, index) => ({ ...sub, confidence: index === 0 ? "high" : "low" })) },
  sources: [
    { id: "S1", url: "https://example.com/market", title: "Market report", source_type: "analyst_report", published: "2025-03-01", cited: true, sample: true },
    { id: "S2", url: "https://example.com/apps", title: "App review", source_type: "review_forum", cited: true },
    { id: "S3", url: "https://example.com/forum", title: "Parents forum", cited: true },
    { id: "S4", url: "https://example.com/unused", title: "Unused page", source_type: "news", cited: false },
  ],
};

test("summary cards: score, headline market size, competitors, cited of read sources", () => {
  render(<ReportSummaryCards report={report} />);
  expect(screen.getByText("72 / 100")).toBeInTheDocument();
  expect(screen.getByText("$4.2 billion")).toBeInTheDocument();
  expect(screen.getByText("Competitors").nextElementSibling).toHaveTextContent("2");
  expect(screen.getByText("Sources cited").nextElementSibling).toHaveTextContent("3");
  expect(screen.getByText("of 15 retrieved")).toBeInTheDocument();
});

test("no competitor found: the card and the section say so, with no count and no saturation", async () => {
  const none: Report = { ...typed, competitive_landscape: { ...typed.competitive_landscape, competitors: [], saturation: "low" } };
  render(<ReportSummaryCards report={none} />);
  expect(screen.getByText("Competitors").nextElementSibling).toHaveTextContent("Not found");
  expect(screen.queryByText(/Saturation/)).toBeNull();
  cleanup();
  renderTabs(none);
  await userEvent.click(screen.getByRole("tab", { name: "Competitors" }));
  const panel = screen.getByRole("tabpanel", { name: "Competitors" });
  expect(panel).toHaveTextContent("Not found in the sources.");
  expect(within(panel).queryByText(/Saturation/)).toBeNull();
});

test("the headline market size skips vendor claims and forecasts", () => {
  render(<ReportSummaryCards report={typed} />);
  expect(screen.getByText("$3 billion")).toBeInTheDocument();
  expect(screen.queryByText("$9 billion")).toBeNull();
});

test("each section is a tab; arrow keys move between them and the open tab is kept in the URL", async () => {
  renderTabs();
  const tabs = screen.getAllByRole("tab");
  expect(tabs.map((tab) => tab.textContent)).toEqual(["Summary", "Market", "Competitors", "Customers", "PMF score", "Recommendations", "Citations", "Methodology"]);
  expect(screen.getByRole("tabpanel", { name: "Summary" })).toHaveTextContent("Strong demand among parents.");
  await userEvent.click(tabs[0]);
  await userEvent.keyboard("{ArrowRight}");
  await waitFor(() => expect(screen.getByRole("tab", { name: "Market" })).toHaveAttribute("aria-selected", "true"));
  expect(screen.getByRole("tabpanel", { name: "Market" })).toHaveTextContent("12.5% CAGR");
  await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("?tab=market"));
});

test("a tab named in the URL opens first", () => {
  renderTabs(report, "/tasks/t1?tab=citations");
  expect(screen.getByRole("tab", { name: "Citations" })).toHaveAttribute("aria-selected", "true");
});

test("untrusted text is rendered as text, never as HTML", () => {
  const { container } = renderTabs();
  expect(container.querySelector("script")).toBeNull();
  expect(screen.getByText(/<script>alert\(1\)<\/script>/)).toBeInTheDocument();
});

test("checks, flags, conflicts and sub-score confidence are shown; every retrieved source is listed", async () => {
  renderTabs(typed);
  expect(screen.getAllByRole("region", { name: "Sources disagree" })[0]).toHaveTextContent("$86M (rental, 2024, S1) vs $210M");
  await userEvent.click(screen.getByRole("tab", { name: "Market" }));
  const market = screen.getByRole("tabpanel", { name: "Market" });
  for (const label of ["Vendor claim", "Forecast", "Dated figure", "✓ Quote found", "! Numbers differ"]) {
    expect(within(market).getAllByText(label).length).toBeGreaterThan(0);
  }
  await userEvent.click(screen.getByRole("tab", { name: "PMF score" }));
  expect(screen.getByText("High confidence")).toBeInTheDocument();
  expect(screen.getByText("Low confidence")).toBeInTheDocument();
  await userEvent.click(screen.getByRole("tab", { name: "Citations" }));
  const citations = screen.getByRole("tabpanel", { name: "Citations" });
  expect(within(citations).getByText("3 of 4 retrieved sources cited.")).toBeInTheDocument();
  expect(within(citations).getByText("Not cited")).toBeInTheDocument();
  expect(within(citations).getByText("Analyst report")).toBeInTheDocument();
  expect(within(citations).getByText("Fictional sample")).toBeInTheDocument();
});

test("old reports: 'verified' reads as quote found; sample sources are not links", async () => {
  renderTabs();
  await userEvent.click(screen.getByRole("tab", { name: "Citations" }));
  const citations = screen.getByRole("tabpanel", { name: "Citations" });
  expect(within(citations).queryByRole("link", { name: /Market report/ })).toBeNull();
  const link = within(citations).getByRole("link", { name: /App review/ });
  expect(link).toHaveAttribute("href", "https://example.com/apps");
  expect(link).toHaveAttribute("rel", "noopener noreferrer");
  expect(within(citations).getByText("Quote found for 2 of 2 findings")).toBeInTheDocument();
  await userEvent.click(screen.getByRole("tab", { name: "Market" }));
  expect(within(screen.getByRole("tabpanel", { name: "Market" })).getByText("! Quote not found")).toBeInTheDocument();
});

test("a source button shows the passage with the quote highlighted, the type and the date", async () => {
  const api = mockApi({
    "GET /api/v1/research/tasks/t1/sources/S1": {
      id: "S1", url: "https://example.com/market", title: "Market report", sample: true, source_type: "analyst_report", published: "2025-03-01",
      passage: { before: "In short, ", quote: "The market was worth $4.2 billion.", after: " It grows.", found: true },
    },
  });
  renderTabs(quoted);
  await userEvent.click(screen.getByRole("tab", { name: "Market" }));
  await userEvent.click(within(screen.getByRole("tabpanel", { name: "Market" })).getAllByRole("button", { name: /S1/ })[0]);
  const dialog = await screen.findByRole("dialog");
  expect(await within(dialog).findByText("The market was worth $4.2 billion.")).toHaveProperty("tagName", "MARK");
  expect(within(dialog).getByTestId("source-passage")).toHaveTextContent("In short, The market was worth $4.2 billion. It grows.");
  expect(within(dialog).getByText("Analyst report")).toBeInTheDocument();
  expect(within(dialog).getByText("Fictional sample document")).toBeInTheDocument();
  expect(api.calls[0].url.searchParams.get("quote")).toBe("As quoted: the market was worth $4.2 billion.");
});

test("an insufficient-evidence report shows no score and says why", async () => {
  const insufficient: Report = { ...report, outcome: "insufficient_evidence", pmf_score: null, citations: [] };
  mockApi({ "GET /api/v1/research/tasks/t1/report": insufficient });
  render(
    <MemoryRouter>
      <ReportView taskId="t1" />
    </MemoryRouter>,
  );
  expect(await screen.findByText("What was searched.")).toBeInTheDocument();
  expect(screen.getByText("No score")).toBeInTheDocument();
  expect(screen.queryByTestId("demo-banner")).toBeNull();
  await userEvent.click(screen.getByRole("tab", { name: "PMF score" }));
  expect(screen.getByRole("tabpanel", { name: "PMF score" })).toHaveTextContent("No score: none of the retrieved sources was about this idea");
});

test("a sample-corpus report carries the demo banner", async () => {
  mockApi({ "GET /api/v1/research/tasks/t1/report": report });
  render(
    <MemoryRouter>
      <ReportView taskId="t1" />
    </MemoryRouter>,
  );
  expect(await screen.findByTestId("demo-banner")).toHaveTextContent("Demo report — fictional data.");
});

test("competitor table, pain points and score bars", async () => {
  renderTabs();
  await userEvent.click(screen.getByRole("tab", { name: "Competitors" }));
  const table = screen.getByRole("table");
  expect(within(table).getByRole("rowheader", { name: /Mealime/ })).toBeInTheDocument();
  expect(within(table).getByText("$4.99 once")).toBeInTheDocument();
  await userEvent.click(screen.getByRole("tab", { name: "Customers" }));
  const customers = screen.getByRole("tabpanel", { name: "Customers" });
  expect(within(customers).getByText("Frequency: High")).toBeInTheDocument();
  await userEvent.click(screen.getByRole("tab", { name: "PMF score" }));
  expect(screen.getByRole("img", { name: "Market demand: 24 of 30" })).toBeInTheDocument();
  expect(screen.getAllByTestId("score-bar").map((bar) => bar.style.width)).toEqual(["80%", "50%"]);
});

test("sources in a language the offline analyst does not read are named, in the list and the methodology", async () => {
  const foreign: Report = {
    ...typed,
    sources: [...typed.sources!.slice(0, 3), { ...typed.sources![3], language: "fr" }],
    methodology: { ...typed.methodology, unread_sources: 1, unread_languages: ["French"] },
  };
  renderTabs(foreign);
  await userEvent.click(screen.getByRole("tab", { name: "Citations" }));
  expect(within(screen.getByRole("tabpanel", { name: "Citations" })).getByText("In French")).toBeInTheDocument();
  await userEvent.click(screen.getByRole("tab", { name: "Methodology" }));
  const method = screen.getByRole("tabpanel", { name: "Methodology" });
  expect(within(method).getByText("Not read")).toBeInTheDocument();
  expect(method).toHaveTextContent("1 source is in French, which the offline analyst does not read");
});
