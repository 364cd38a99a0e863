import * as Tabs from "@radix-ui/react-tabs";
import { useMemo, useState, type ComponentType } from "react";
import type { Report } from "../../api/report";
import { CitationsContext } from "./Sources";
import { CitationsSection } from "./sections/CitationsSection";
import { CompetitorSection } from "./sections/CompetitorSection";
import { CustomerSection } from "./sections/CustomerSection";
import { MarketSection } from "./sections/MarketSection";
import { MethodologySection } from "./sections/MethodologySection";
import { RecommendationsSection } from "./sections/RecommendationsSection";
import { ScoreSection } from "./sections/ScoreSection";
import { SummarySection } from "./sections/SummarySection";

const TABS: { value: string; label: string; Section: ComponentType<{ report: Report }> }[] = [
  { value: "summary", label: "Summary", Section: SummarySection },
  { value: "market", label: "Market", Section: MarketSection },
  { value: "competitors", label: "Competitors", Section: CompetitorSection },
  { value: "customers", label: "Customers", Section: CustomerSection },
  { value: "score", label: "PMF score", Section: ScoreSection },
  { value: "recommendations", label: "Recommendations", Section: RecommendationsSection },
  { value: "citations", label: "Citations", Section: CitationsSection },
  { value: "methodology", label: "Methodology", Section: MethodologySection },
];

/** The report's sections as tabs (arrow keys move between them); all sections print. */
export function ReportTabs({ report }: { report: Report }) {
  const [tab, setTab] = useState("summary");
  const citations = useMemo(() => new Map(report.citations.map((citation) => [citation.id, citation])), [report.citations]);
  return (
    <CitationsContext.Provider value={citations}>
      <Tabs.Root value={tab} onValueChange={setTab}>
        <Tabs.List aria-label="Report sections" className="-mx-3 flex overflow-x-auto border-b border-slate-200 px-3 print:hidden sm:mx-0 sm:px-0">
          {TABS.map(({ value, label }) => (
            <Tabs.Trigger
              key={value}
              value={value}
              className="min-h-11 shrink-0 border-b-2 border-transparent px-3 text-sm font-medium text-slate-700 hover:text-slate-900 data-[state=active]:border-brand-600 data-[state=active]:text-brand-700"
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
    </CitationsContext.Provider>
  );
}
