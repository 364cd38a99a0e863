import * as Tabs from "@radix-ui/react-tabs";
import { useEffect, useMemo, useState, type ComponentType } from "react";
import { useSearchParams } from "react-router";
import type { Report } from "../../api/report";
import { ReportContext } from "./Sources";
import { CitationsSection } from "./sections/CitationsSection";
import { CompetitorSection } from "./sections/CompetitorSection";
import { CustomerSection } from "./sections/CustomerSection";
import { MarketSection } from "./sections/MarketSection";
import { MethodologySection } from "./sections/MethodologySection";
import { RecommendationsSection } from "./sections/RecommendationsSection";
import { ScoreSection } from "./sections/ScoreSection";
import { SummarySection } from "./sections/SummarySection";

export const TABS: { value: string; label: string; Section: ComponentType<{ report: Report }> }[] = [
  { value: "summary", label: "Summary", Section: SummarySection },
  { value: "market", label: "Market", Section: MarketSection },
  { value: "competitors", label: "Competitors", Section: CompetitorSection },
  { value: "customers", label: "Customers", Section: CustomerSection },
  { value: "score", label: "PMF score", Section: ScoreSection },
  { value: "recommendations", label: "Recommendations", Section: RecommendationsSection },
  { value: "citations", label: "Citations", Section: CitationsSection },
  { value: "methodology", label: "Methodology", Section: MethodologySection },
];

/** The report's sections as tabs (wrapping on a phone; the open tab is in the URL as ?tab=); all sections print. */
export function ReportTabs({ report, taskId }: { report: Report; taskId: string }) {
  const [params, setParams] = useSearchParams();
  const requested = params.get("tab") ?? "summary";
  const fromUrl = TABS.some(({ value }) => value === requested) ? requested : "summary";
  // The tab switches at once; the URL follows (a router navigation may render a moment later).
  const [tab, setTab] = useState(fromUrl);
  useEffect(() => setTab(fromUrl), [fromUrl]);
  const select = (value: string) => {
    setTab(value);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === "summary") next.delete("tab");
        else next.set("tab", value);
        return next;
      },
      { replace: true },
    );
  };
  const context = useMemo(() => ({ taskId, citations: new Map(report.citations.map((citation) => [citation.id, citation])) }), [taskId, report.citations]);
  return (
    <ReportContext.Provider value={context}>
      <Tabs.Root value={tab} onValueChange={select}>
        <Tabs.List aria-label="Report sections" className="flex flex-wrap gap-x-1 border-b border-slate-200 print:hidden">
          {TABS.map(({ value, label }) => (
            <Tabs.Trigger
              key={value}
              value={value}
              className="min-h-10 shrink-0 border-b-2 border-transparent px-2.5 text-sm font-medium text-slate-700 hover:text-slate-900 data-[state=active]:border-brand-600 data-[state=active]:text-brand-700 sm:min-h-11 sm:px-3"
            >
              {label}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        {TABS.map(({ value, Section }) => (
          <Tabs.Content
            key={value}
            value={value}
            forceMount
            className="mt-4 rounded-lg border border-slate-200 bg-white p-4 data-[state=inactive]:hidden sm:p-6 print:mt-6 print:!block print:border-0 print:p-0"
          >
            <Section report={report} />
          </Tabs.Content>
        ))}
      </Tabs.Root>
    </ReportContext.Provider>
  );
}
