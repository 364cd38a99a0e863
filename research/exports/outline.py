"""A report as a flat list of printable blocks, shared by the Word and PDF renderers.

Built from the stored report dict, not the pydantic model, so reports stored before a schema change
(no ``outcome``, no typed figures, no ``sources``) still export: absent fields are simply left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from typing import Any, Literal

Tone = Literal["body", "notice", "warning", "muted"]
Data = Mapping[str, Any]
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

INSUFFICIENT_EVIDENCE = "insufficient_evidence"
DEMO_NOTICE = (
    "Demo report: built from the fictional sample corpus shipped with the app. Its companies, figures "
    "and sources are invented to show how a report looks; do not use them for decisions."
)
INSUFFICIENT_NOTICE = (
    "Not enough evidence: no retrieved source was about this idea, so no product-market fit score was "
    "given and the credits were refunded in full."
)
CHECKS_LEGEND = (
    "Checks on each finding: \u201cquote found\u201d means its quote appears word for word in the stored "
    "source text; \u201cnumbers match\u201d means every number and year of the finding appears in that "
    "quote. A check says the source says it, not that it is true."
)
SEARCH_NAMES = {"local": "the local document corpus", "tavily": "web search (Tavily)"}
ANALYSIS_NAMES = {"extractive": "sentences extracted from the sources (no AI model)"}
KIND_NAMES = {
    "market_size": "market size", "growth_rate": "growth rate", "company_revenue": "company revenue",
    "customer_spend": "customer spend",
}  # fmt: skip
SOURCE_TYPE_NAMES = {
    "analyst_report": "analyst report", "vendor": "vendor / marketing", "review_forum": "review / forum",
}  # fmt: skip


@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 1 title, 2 section, 3 sub-section


@dataclass(frozen=True)
class Paragraph:
    text: str
    tone: Tone = "body"


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Citation:
    number: str  # "S1"
    title: str
    url: str
    detail: str


Block = Heading | Paragraph | Bullets | Table | Citation


def is_insufficient(report: Data) -> bool:
    """True when the research ended without enough evidence to score."""
    return report.get("outcome") == INSUFFICIENT_EVIDENCE or not report.get("pmf_score")


def is_sample(report: Data) -> bool:
    """True when any source came from the shipped sample corpus."""
    entries = [*(report.get("citations") or []), *(report.get("sources") or [])]
    method = report.get("methodology") or {}
    return bool(method.get("sample_corpus")) or any(bool(entry.get("sample")) for entry in entries)


def _words(value: str, names: Mapping[str, str]) -> str:
    return names.get(value, value.replace("_", " "))


def checks(claim: Data) -> str:
    """The verification state of a claim in plain words."""
    quote_found = claim.get("quote_found", claim.get("verified"))
    values_match = claim.get("values_match")
    parts = []
    if quote_found is not None:
        parts.append("quote found" if quote_found else "quote not found in source")
    if values_match is not None:
        parts.append("numbers match" if values_match else "numbers do not match the quote")
    return ", ".join(parts)


def flags(claim: Data) -> list[str]:
    """Marks a reader must see: vendor claims, dated figures, forecasts, the kind of figure."""
    marks = []
    if claim.get("kind") and claim.get("kind") not in ("other", "market_size", "growth_rate"):
        marks.append(_words(str(claim["kind"]), KIND_NAMES))
    if claim.get("timeframe") == "forecast":
        marks.append("forecast")
    if claim.get("vendor_claim"):
        marks.append("vendor claim")
    if claim.get("dated"):
        marks.append("dated figure")
    if claim.get("geography"):
        marks.append(str(claim["geography"]))
    return marks


def claim_text(claim: Data) -> str:
    """One finding: value, statement, citation numbers, then checks and flags in brackets."""
    value = f"{claim['value']} \u2014 " if claim.get("value") else ""
    refs = "".join(f" [{source_id}]" for source_id in claim.get("source_ids") or [])
    notes = [*flags(claim), checks(claim)]
    extra = "; ".join(note for note in notes if note)
    return f"{value}{claim.get('text', '')}{refs}" + (f" ({extra})" if extra else "")


def claims(title: str, items: Iterable[Data] | None, *, optional: bool = False) -> list[Block]:
    """A sub-section of findings; says so when the sources had nothing (optional ones are left out)."""
    lines = tuple(claim_text(claim) for claim in items or [])
    if optional and not lines:
        return []
    body: Block = Bullets(lines) if lines else Paragraph("Not found in the sources.", "muted")
    return [Heading(title, 3), body]


def not_found(section: Data) -> list[Block]:
    """What the sources did not answer, in the analyst's words."""
    items = tuple(str(item) for item in section.get("not_found") or [])
    return [Paragraph("Not found in the sources: " + "; ".join(items) + ".", "muted")] if items else []


def conflicts(section: Data) -> list[Block]:
    """Disagreements between sources, each as one plain sentence."""
    sentences = tuple(_conflict_sentence(conflict) for conflict in section.get("conflicts") or [])
    return [Heading("Sources disagree", 3), Bullets(sentences)] if sentences else []


def _conflict_sentence(conflict: Data) -> str:
    for key in ("statement", "sentence", "summary", "text"):
        if conflict.get(key):
            return str(conflict[key])
    return str(conflict.get("quantity", "Sources disagree on a figure."))


def header(report: Data) -> list[Block]:
    """Title, notices (demo, insufficient evidence), the idea and the executive summary."""
    blocks: list[Block] = [Heading(str(report.get("title", "PMF report")), 1)]
    if is_sample(report):
        blocks.append(Paragraph(DEMO_NOTICE, "warning"))
    if is_insufficient(report):
        blocks.append(Paragraph(INSUFFICIENT_NOTICE, "notice"))
        if report.get("outcome_reason"):
            blocks.append(Paragraph(str(report["outcome_reason"])))
    blocks += [Paragraph(f"Product idea: {report.get('product_idea', '')}", "muted")]
    blocks += [Heading("Executive Summary", 2), Paragraph(str(report.get("executive_summary", "")))]
    return blocks + conflicts(report)


def market(report: Data) -> list[Block]:
    """Market Analysis."""
    section = report.get("market_analysis") or {}
    blocks: list[Block] = [Heading("Market Analysis", 2), Paragraph(str(section.get("summary", "")))]
    if section.get("headline"):
        blocks.append(Paragraph("Headline market size: " + claim_text(section["headline"]), "notice"))
    blocks += claims("Market size", section.get("market_size"))
    blocks += claims("Growth", section.get("growth"))
    blocks += claims("Trends", section.get("trends"))
    blocks += claims("Opportunities", section.get("opportunities"))
    blocks += claims("Other figures (not market sizes)", section.get("other_figures"), optional=True)
    return blocks + conflicts(section) + not_found(section)


def competitors(report: Data) -> list[Block]:
    """Competitive Landscape: a table of competitors, then gaps and saturation."""
    section = report.get("competitive_landscape") or {}
    blocks: list[Block] = [Heading("Competitive Landscape", 2), Paragraph(str(section.get("summary", "")))]
    rows = tuple(
        (
            str(item.get("name", "")),
            str(item.get("pricing", "")) or "\u2014",
            str(item.get("positioning", "")) or "\u2014",
            " ".join(f"[{i}]" for claim in item.get("evidence") or [] for i in claim.get("source_ids") or []),
        )
        for item in section.get("competitors") or []
    )
    blocks.append(Heading("Competitors", 3))
    blocks.append(
        Table(("Competitor", "Pricing", "Positioning", "Sources"), rows)
        if rows
        else Paragraph("Not found in the sources.", "muted")
    )
    blocks += claims("Gaps", section.get("gaps"))
    if section.get("saturation"):
        rationale = section.get("saturation_rationale", "")
        blocks.append(Paragraph(f"Saturation: {section['saturation']} \u2014 {rationale}"))
    return blocks + conflicts(section) + not_found(section)


def customers(report: Data) -> list[Block]:
    """Customer Insights."""
    section = report.get("customer_insights") or {}
    blocks: list[Block] = [Heading("Customer Insights", 2), Paragraph(str(section.get("summary", "")))]
    blocks += claims("Pain points", section.get("pain_points"))
    blocks += groups("Segments", section.get("segments"))
    if section.get("personas"):
        blocks += groups("Personas (illustrative people, not segments)", section.get("personas"))
    blocks += claims("Satisfaction drivers", section.get("satisfaction_drivers"))
    blocks += claims("Willingness to pay", section.get("willingness_to_pay"))
    blocks += claims("What customers ask for", section.get("recommendations"))
    blocks += claims("Survey and customer figures", section.get("figures"), optional=True)
    return blocks + conflicts(section) + not_found(section)


def groups(title: str, items: Iterable[Data] | None) -> list[Block]:
    """Segments or personas: a name, its description and the sources behind it."""
    lines = tuple(
        f"{item.get('name', '')}"
        + (f" ({item['description']})" if item.get("description") else "")
        + "".join(f" [{i}]" for claim in item.get("evidence") or [] for i in claim.get("source_ids") or [])
        for item in items or []
    )
    return [Heading(title, 3), Bullets(lines) if lines else Paragraph("Not found in the sources.", "muted")]


def score(report: Data) -> list[Block]:
    """Product-Market Fit Score: total, the breakdown table with confidence, each criterion's evidence."""
    blocks: list[Block] = [Heading("Product-Market Fit Score", 2)]
    pmf = report.get("pmf_score")
    if is_insufficient(report) or not pmf:
        return [*blocks, Paragraph("No score: the sources did not contain enough evidence about this idea.")]
    blocks.append(Paragraph(f"{pmf.get('total')} / 100 \u2014 {pmf.get('verdict', '')}"))
    subs = pmf.get("sub_scores") or []
    rows = tuple(
        (str(sub.get("name", "")), f"{float(sub.get('score', 0)):g} / {sub.get('weight', '')}",
         str(sub.get("confidence", "")) or "\u2014")
        for sub in subs
    )  # fmt: skip
    blocks.append(Table(("Criterion", "Score", "Confidence"), rows))
    for sub in subs:
        blocks += [Heading(str(sub.get("name", "")), 3), Paragraph(str(sub.get("rationale", "")))]
        evidence = tuple(claim_text(claim) for claim in sub.get("evidence") or [])
        blocks += [Bullets(evidence)] if evidence else []
    return blocks


def recommendations(report: Data) -> list[Block]:
    """Strategic Recommendations, numbered."""
    items = tuple(
        f"{item.get('title', '')} ({item.get('priority', 'medium')} priority) \u2014 {item.get('detail', '')}"
        + "".join(f" [{i}]" for i in item.get("source_ids") or [])
        for item in report.get("strategic_recommendations") or []
    )
    body: Block = Bullets(items, numbered=True) if items else Paragraph("None.", "muted")
    return [Heading("Strategic Recommendations", 2), body]


def citations(report: Data) -> list[Block]:
    """Citations, numbered as in the text, with the checks legend."""
    blocks: list[Block] = [Heading("Citations", 2), Paragraph(CHECKS_LEGEND, "muted")]
    by_id = {str(source.get("id")): source for source in report.get("sources") or []}
    for citation in report.get("citations") or []:
        source = by_id.get(str(citation.get("id")), {})
        details = [_words(str(source["source_type"]), SOURCE_TYPE_NAMES)] if source.get("source_type") else []
        details += [str(source["published"])] if source.get("published") else []
        found, made = citation.get("verified", 0), citation.get("claims", 0)
        details.append(f"{found} of {made} findings with quote found")
        details += ["fictional sample"] if citation.get("sample") else []
        number, title = str(citation.get("id", "")), str(citation.get("title", ""))
        blocks.append(Citation(number, title, str(citation.get("url", "")), " \u00b7 ".join(details)))
    if not report.get("citations"):
        blocks.append(Paragraph("No source was cited.", "muted"))
    return blocks


def methodology(report: Data) -> list[Block]:
    """Methodology in plain words: depth, what was searched, how findings were checked."""
    method = report.get("methodology") or {}
    providers = method.get("providers") or {}
    queries = method.get("queries") or {}
    grounding = method.get("grounding") or {}
    items = [
        f"Depth: {method.get('depth', '')}",
        f"Searched: {_words(str(providers.get('search', '')), SEARCH_NAMES)}",
        f"Findings from: {_words(str(providers.get('llm', '')), ANALYSIS_NAMES)}",
        *(f"Query ({area}): {query}" for area, query in queries.items()),
        f"Sources retrieved: {method.get('sources_count', 0)}",
        f"Findings: {grounding.get('claims', 0)}, of which {grounding.get('verified', 0)} with their quote "
        f"found in the source",
    ]
    if unread := method.get("unread_sources"):
        languages = " and ".join(str(name) for name in method.get("unread_languages") or [])
        items.append(f"Not read: {unread} sources in {languages}, which the offline analyst does not read")
    return [Heading("Methodology", 2), Bullets(tuple(items))]


def _clean(value: Any) -> Any:
    """Text without the control characters XML (Word, PDF markup) rejects; sources may carry them."""
    if isinstance(value, str):
        return CONTROL_CHARACTERS.sub("", value)
    if isinstance(value, tuple):
        return tuple(_clean(item) for item in value)
    return value


def _cleaned(block: Block) -> Block:
    return replace(block, **{field.name: _clean(getattr(block, field.name)) for field in fields(block)})


def outline(report: Data) -> list[Block]:
    """Every block of the report in the spec's section order."""
    blocks: list[Block] = []
    for section in (header, market, competitors, customers, score, recommendations, citations, methodology):
        blocks += section(report)
    return [_cleaned(block) for block in blocks]
