import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { report } from "../../test/fixtures";
import { ReportSummaryCards } from "./ReportSummaryCards";
import { ReportTabs } from "./ReportTabs";

test("summary cards show PMF score, market size, competitors and sources", () => {
  render(<ReportSummaryCards report={report} />);
  expect(screen.getByText("72 / 100")).toBeInTheDocument();
  expect(screen.getByText("$4.2 billion")).toBeInTheDocument();
  expect(screen.getByText("Competitors").nextElementSibling).toHaveTextContent("2");
  expect(screen.getByText("Sources").nextElementSibling).toHaveTextContent("15");
});

test("each section is a tab; arrow keys move between them", async () => {
  render(<ReportTabs report={report} />);
  const tabs = screen.getAllByRole("tab");
  expect(tabs.map((tab) => tab.textContent)).toEqual(["Summary", "Market", "Competitors", "Customers", "PMF score", "Recommendations", "Citations", "Methodology"]);
  expect(screen.getByRole("tabpanel", { name: "Summary" })).toHaveTextContent("Strong demand among parents.");
  await userEvent.click(tabs[0]);
  await userEvent.keyboard("{ArrowRight}");
  expect(screen.getByRole("tab", { name: "Market" })).toHaveAttribute("aria-selected", "true");
  expect(screen.getByRole("tabpanel", { name: "Market" })).toHaveTextContent("12.5% CAGR");
  expect(screen.getByRole("tabpanel", { name: "Market" })).toHaveAttribute("data-state", "active");
});

test("untrusted text is rendered as text, never as HTML", () => {
  const { container } = render(<ReportTabs report={report} />);
  expect(container.querySelector("script")).toBeNull();
  expect(screen.getByText(/<script>alert\(1\)<\/script>/)).toBeInTheDocument();
});

test("competitor table, pain points, score bars and citations", async () => {
  render(<ReportTabs report={report} />);
  await userEvent.click(screen.getByRole("tab", { name: "Competitors" }));
  const table = screen.getByRole("table");
  expect(within(table).getByRole("rowheader", { name: /Mealime/ })).toBeInTheDocument();
  expect(within(table).getByText("$4.99 once")).toBeInTheDocument();

  await userEvent.click(screen.getByRole("tab", { name: "Customers" }));
  const customers = screen.getByRole("tabpanel", { name: "Customers" });
  expect(within(customers).getByText("Frequency: High")).toBeInTheDocument();
  expect(within(customers).getByText("Impact: Medium")).toBeInTheDocument();

  await userEvent.click(screen.getByRole("tab", { name: "PMF score" }));
  expect(screen.getByRole("img", { name: "Market demand: 24 of 30" })).toBeInTheDocument();
  const bars = screen.getAllByTestId("score-bar");
  expect(bars.map((bar) => bar.style.width)).toEqual(["80%", "50%"]);

  await userEvent.click(screen.getByRole("tab", { name: "Citations" }));
  const citations = screen.getByRole("tabpanel", { name: "Citations" });
  const link = within(citations).getByRole("link", { name: /Market report/ });
  expect(link).toHaveAttribute("href", "https://example.com/market");
  expect(link).toHaveAttribute("target", "_blank");
  expect(link).toHaveAttribute("rel", "noopener noreferrer");
  expect(within(citations).getByText("Verified (2/2 claims)")).toBeInTheDocument();
  expect(within(citations).getByText("Unverified")).toBeInTheDocument();
  expect(within(citations).getByText("Sample corpus")).toBeInTheDocument();
});
