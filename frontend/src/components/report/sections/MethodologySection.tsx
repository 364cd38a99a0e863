import type { ReactNode } from "react";
import type { Report } from "../../../api/report";
import { humanize } from "../../../lib/format";
import { SectionHeading } from "./SectionHeading";

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
  const tokens = Object.values(cost.tokens).reduce((sum, value) => sum + value, 0);
  const seconds = Object.values(cost.seconds).reduce((sum, value) => sum + value, 0);
  return (
    <div>
      <SectionHeading>Methodology</SectionHeading>
      <dl className="mt-3 divide-y divide-slate-100 text-sm">
        <Row label="Depth">{humanize(method.depth)}</Row>
        <Row label="Providers">
          Search: {method.providers.search} · Analysis: {method.providers.llm}
        </Row>
        <Row label="Queries">
          <ul className="space-y-1">
            {(["market", "competitor", "customer"] as const).map((agent) => (
              <li key={agent}>
                <span className="font-medium">{humanize(agent)}:</span> {method.queries[agent]}
              </li>
            ))}
          </ul>
        </Row>
        <Row label="Sources read">{method.sources_count}</Row>
        <Row label="Grounding">
          {grounding.claims} claims · {grounding.cited} cited · {grounding.verified} verified · {grounding.dropped} unsupported citations dropped
        </Row>
        <Row label="Cost">
          {cost.tavily_credits} search credits · {tokens.toLocaleString()} tokens · {seconds.toFixed(1)} s of agent time
        </Row>
        <Row label="Generated">{new Date(report.generated_at).toLocaleString()}</Row>
      </dl>
    </div>
  );
}
