import type { ReactNode } from "react";
import type { Report } from "../../../api/report";
import { humanize } from "../../../lib/format";
import { SectionHeading } from "./SectionHeading";

const SEARCHED: Record<string, string> = { local: "Documents stored with the app (no web search)", tavily: "The web (Tavily search)" };
const ANALYSED: Record<string, string> = { extractive: "Sentences taken word for word from the sources (no AI model)" };

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-1 py-2 sm:grid-cols-3">
      <dt className="font-medium text-slate-700">{label}</dt>
      <dd className="break-words sm:col-span-2">{children}</dd>
    </div>
  );
}

export function MethodologySection({ report }: { report: Report }) {
  const method = report.methodology;
  const { grounding, cost } = method;
  const seconds = Object.values(cost.seconds).reduce((sum, value) => sum + value, 0);
  const analysed = ANALYSED[method.providers.llm] ?? `An AI model (${method.providers.llm})`;
  return (
    <div>
      <SectionHeading>Methodology</SectionHeading>
      <dl className="mt-3 divide-y divide-slate-100 text-sm">
        <Row label="Depth">{humanize(method.depth)}</Row>
        <Row label="Searched">{SEARCHED[method.providers.search] ?? method.providers.search}</Row>
        <Row label="Findings written by">{analysed}</Row>
        <Row label="Searches run">
          <ul className="space-y-1">
            {(["market", "competitor", "customer"] as const).map((agent) => (
              <li key={agent}>
                <span className="font-medium">{humanize(agent)}:</span> {method.queries[agent]}
              </li>
            ))}
          </ul>
        </Row>
        <Row label="Sources read">{method.sources_count}</Row>
        {(method.unread_sources ?? 0) > 0 && (
          <Row label="Not read">
            {method.unread_sources} {method.unread_sources === 1 ? "source is" : "sources are"} in{" "}
            {(method.unread_languages ?? []).join(" and ")}, which the offline analyst does not read (it reads English);
            a research with an AI model reads them
          </Row>
        )}
        <Row label="Checks">
          {grounding.verified} of {grounding.claims} findings have their quote found in the source
          {grounding.dropped > 0 && `; ${grounding.dropped} unsupported ${grounding.dropped === 1 ? "citation was" : "citations were"} removed`}
        </Row>
        <Row label="Time spent">{seconds.toFixed(1)} s</Row>
        <Row label="Generated">{new Date(report.generated_at).toLocaleString()}</Row>
      </dl>
    </div>
  );
}
