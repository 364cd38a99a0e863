"""Report node: merge and renumber sources, score PMF, draft the narrative, aggregate citations and cost."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from langgraph.runtime import Runtime
from pydantic import BaseModel

from agents import citations as cite
from agents.analysts.competitors import mentions
from agents.analysts.conflicts import (
    count_conflicts,
    measure_conflicts,
    owner,
    price_conflicts,
    stated_disagreements,
)
from agents.analysts.coverage import (
    another_customer,
    another_offer,
    another_place,
    another_product,
    another_trade,
    unmentioned_customer_words,
)
from agents.analysts.figures import places_in
from agents.analysts.gazetteer import metropolises_in
from agents.analysts.idea import restatement, terms
from agents.analysts.language import language_name
from agents.analysts.sentences import all_sentences, stem
from agents.context import RunContext
from agents.evidence import (
    Findings,
    assess_sources,
    find_conflicts,
    flag_figures,
    headline,
    lexical_terms,
    set_aside_adjacent_markets,
    set_aside_vendor_claims,
)
from agents.report import plain
from agents.scoring import score_pmf
from agents.state import (
    AGENTS,
    CompetitorFindings,
    Conflict,
    Cost,
    CustomerFindings,
    Grounding,
    MarketFindings,
    Methodology,
    ModelChecks,
    NodeUsage,
    ProvidersUsed,
    Recommendation,
    Report,
    ReportSource,
    ResearchState,
    Source,
)

TITLE_CHARS = 90


def ordered_sources(sources: list[Source]) -> list[Source]:
    """Sources in a stable order (agent, then the agent's own numbering), whatever order agents finished."""
    return sorted(
        sources, key=lambda s: (AGENTS.index(s.agent), int("".join(filter(str.isdigit, s.id)) or 0))
    )


def total_cost(usage: list[NodeUsage]) -> Cost:
    """Credits, tokens per node and seconds per node summed over the node executions."""
    cost = Cost()
    for item in usage:
        cost.tavily_credits += item.tavily_credits
        cost.tokens[item.node] = cost.tokens.get(item.node, 0) + item.tokens
        cost.seconds[item.node] = round(cost.seconds.get(item.node, 0.0) + item.seconds, 3)
    return cost


def model_checks(usage: list[NodeUsage]) -> list[ModelChecks]:
    """Per node (agents in order, then the report writer), what the checks kept and removed."""
    order = [f"{agent}_agent" for agent in AGENTS] + ["report_writer"]
    checks = {node: ModelChecks(node=node) for node in order if any(u.node == node for u in usage)}
    for item in usage:
        if item.node in checks:
            entry = checks[item.node]
            entry.claims += item.model_claims
            entry.kept += item.model_claims - item.model_claims_dropped
            entry.other_removed += item.dropped_claims - item.model_claims_dropped
    return list(checks.values())


def title_for(product_idea: str) -> str:
    """A short report title from the idea's first line."""
    first = product_idea.strip().splitlines()[0] if product_idea.strip() else "Untitled idea"
    return first if len(first) <= TITLE_CHARS else first[: TITLE_CHARS - 1].rstrip() + "\u2026"


def findings_of(state: ResearchState) -> tuple[MarketFindings, CompetitorFindings, CustomerFindings]:
    """Copies of the three agents' findings (the report rewrites their source ids)."""
    return (
        state["market"].model_copy(deep=True),
        state["competitor"].model_copy(deep=True),
        state["customer"].model_copy(deep=True),
    )


def methodology(
    state: ResearchState, context: RunContext, sources: int, grounding: Grounding, usage: list[NodeUsage]
) -> Methodology:
    """How the research was done and what it cost."""
    return Methodology(
        depth=context.budget.depth,
        providers=ProvidersUsed(search=context.search.name, llm=context.llm_name),
        queries=state["context"].queries,
        sources_count=sources,
        grounding=grounding,
        cost=total_cost(usage),
    )


# each neighbour the sources may be about instead of the idea: its check, how the words it found are
# joined, and the reason it gives ("{named}": those words, quoted)
NEIGHBOURS: tuple[tuple[Callable[[str, list[Source]], list[str]], str, str], ...] = (
    (another_customer, " or ", "about another customer (none mentions {named})"),
    (another_product, ", ", "about another product for the same customer (none is about two of {named})"),
    (another_offer, ", ", "about the same customer but not what this idea offers (none mentions {named})"),
    (another_trade, ", ", "about the same customer served by another trade (none mentions {named})"),
)


def elsewhere(read: str, sources: list[Source]) -> str:
    """Why the sources on topic are no evidence for this idea, when they are about another customer,
    product, offer, trade or place ("" when they are about this one): the reason the research gives."""
    if not sources:  # nothing on topic: no customer or place to compare
        return ""
    for check, joiner, reason in NEIGHBOURS:
        if found := check(read, sources):
            named = joiner.join(f"\u201c{word}\u201d" for word in found)
            return "whose closest matches are " + reason.format(named=named)
    places, countries = another_place(read, sources)
    if places:
        named = " or ".join(f"\u201c{place}\u201d" for place in places)
        where = " and ".join(countries)
        return f"whose closest matches are about another place ({where}; none mentions {named})"
    return ""


def unread_sources(sources: list[ReportSource], analyst: object) -> list[ReportSource]:
    """The retrieved sources written in a language the analyst does not read (none for a model, which
    reads every language; the offline analyst's patterns are English)."""
    readable = getattr(analyst, "reads_languages", None)
    if readable is None:
        return []
    return [source for source in sources if source.language and source.language not in readable]


def unread_note(count: int, languages: list[str]) -> str:
    """The summary's sentence on sources it could not read ("3 retrieved sources are in French …")."""
    are = "source is" if count == 1 else "sources are"
    return (
        f"{count} retrieved {are} in {' and '.join(languages)}, which the offline analyst does not read: "
        "what they say is not in this report (a research with an AI model reads them)."
    )


def insufficient_reason(state: ResearchState, sources: list[ReportSource], why: str) -> str:
    """A plain explanation of what was searched and why nothing could be used."""
    queries = state["context"].queries
    searched = f'"{queries.market}", "{queries.competitor}" and "{queries.customer}"'
    why = why or "none of which is about this idea"
    return (
        f"Insufficient evidence: no retrieved source was relevant. The research searched for {searched} "
        f"and retrieved {len(sources)} sources, {why}, so no finding and no "
        "product-market fit score could be given. Your credits were refunded."
    )


def place_conflicts(
    findings: Findings, sources: list[Source], report_sources: list[ReportSource], product_idea: str
) -> list[Conflict]:
    """Conflicts between sources, each put into the section it belongs to.

    Typed figures that disagree (market sizes, growth, counts) go to the market; the same measure
    stated differently across sources ("6 days" vs "11 days") to customers; a competitor priced
    differently by two sources to competitors.
    """
    market, competitor, customer = findings
    relevant = {source.id for source in report_sources if source.relevant}
    # the idea's countries and its big cities ("a stall on the edge of Lagos"): a figure stating no place
    # is compared with one stated for where the idea sells
    home = {*places_in(product_idea), *metropolises_in(product_idea), "global"}
    # what customers pay is compared among the customer findings, wherever its figure was filed
    spends = [f for f in market.other_figures if f.kind == "customer_spend"]
    market_figures = [*market.market_size, *market.growth, *market.other_figures]
    found = find_conflicts([f for f in market_figures if f.kind != "customer_spend"], relevant, home)
    vendor = frozenset(s.id for s in report_sources if s.source_type == "vendor")
    priced = all_sentences(source for source in sources if source.id in relevant)
    # an official statistics page is about a population, never about a product, so it is seldom judged
    # relevant; its counts and shares are the reference a relevant source's are checked against
    reference = frozenset(s.id for s in report_sources if s.source_type == "government") - relevant
    years = {s.id: s.published.year for s in report_sources if s.published}
    counted = count_conflicts(
        all_sentences(sources),
        {s.id: owner(s.url) for s in report_sources if s.source_type == "vendor"},
        frozenset(relevant),
        frozenset(stem(term) for term in terms(product_idea)),
        vendor,
        reference,
        years,
    )
    market.conflicts = [*market.conflicts, *found, *stated_disagreements(priced)]
    known = [{side.value for side in conflict.sides} for conflict in market.conflicts]
    market.conflicts += [c for c in counted if {side.value for side in c.sides} not in known]
    measured = all_sentences(source for source in sources if source.id in relevant | reference)
    customer.conflicts = [
        *customer.conflicts,
        *find_conflicts([*customer.figures, *spends], relevant, home),
        *measure_conflicts(measured, vendor, reference, years),
    ]
    for rival in competitor.competitors:
        competitor.conflicts += price_conflicts(rival.name, mentions(rival.name, priced))
    return [*market.conflicts, *competitor.conflicts, *customer.conflicts]


def renumbered_findings(state: ResearchState, mapping: dict[str, str]) -> Findings:
    """The three agents' findings with their source ids rewritten to the report's."""
    raw = findings_of(state)
    cite.renumber(raw, [], mapping)
    for part in raw:
        for note in part.sources:
            note.source_id = mapping.get(note.source_id, note.source_id)
    return raw


def pooled_findings(state: ResearchState, context: RunContext, sources: list[Source]) -> Findings | None:
    """Findings re-read from every retrieved source at once, when the analyst is cheap enough to do so.

    Each agent reads only the pages its own query retrieved, so a competitor's price found by the
    market query would be missed at a shallow depth and found at a deeper one. An analyst that costs
    nothing to re-run (the extractive one) reads the pooled sources again, so the report judges the
    same evidence whichever agent happened to retrieve it. None for analysts that do not.
    """
    analyst = context.analyst
    if not getattr(analyst, "pools_sources", False) or not sources:
        return None
    plan = state["context"]
    pooled = (
        analyst.analyse_market(plan, sources).value.model_copy(deep=True),
        analyst.analyse_competitors(plan, sources).value.model_copy(deep=True),
        analyst.analyse_customers(plan, sources).value.model_copy(deep=True),
    )
    for part in pooled:
        cite.verify_findings(part, sources)
    return pooled


def analysed(state: ResearchState, sources: list[Source]) -> tuple[Findings, list[ReportSource]]:
    """The findings renumbered to report ids, typed sources, flagged figures and the headline."""
    findings = findings_of(state)
    merged_ids = {source.id for source in sources}
    for part in findings:
        part.sources = [note for note in part.sources if note.source_id in merged_ids]
    report_sources = assess_sources(sources, state["context"], findings)
    flag_figures(findings, report_sources, datetime.now(UTC).year)
    set_aside_vendor_claims(findings[0])
    idea = lexical_terms(state["context"]).spelled_out(sources)
    titles = {source.id: source.title for source in sources}
    set_aside_adjacent_markets(findings[0], idea, state["context"].product_idea, titles)
    relevant = {source.id for source in report_sources if source.relevant}
    findings[0].headline = headline(findings[0], relevant, idea.all)
    for part in findings:
        plain_texts(part)
    return findings, report_sources


# what a finding says in words (shown as is by the web page and the exports); quotes stay verbatim, as
# the source passage they must be found in
TEXT_FIELDS = frozenset({"text", "name", "pricing", "positioning", "strengths", "weaknesses", "description"})


def plain_texts(model: BaseModel) -> None:
    """The findings' words as plain sentences: Markdown emphasis and links, entities and line breaks a
    source page carried ("There were **3,570** towns") are taken out; quotes are left verbatim."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        if name in TEXT_FIELDS and isinstance(value, str):
            setattr(model, name, plain(value))
        elif name in TEXT_FIELDS and isinstance(value, list) and all(isinstance(v, str) for v in value):
            setattr(model, name, [plain(item) for item in value])
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, BaseModel):
                plain_texts(item)


def without_findings(findings: Findings) -> Findings:
    """The same sections with no claims, keeping what each agent retrieved and how it judged it."""
    market, competitor, customer = findings
    return (
        MarketFindings(sources=market.sources),
        CompetitorFindings(sources=competitor.sources),
        CustomerFindings(sources=customer.sources),
    )


def write_report(state: ResearchState, context: RunContext) -> dict[str, Any]:
    """Build the report from the three agents' verified findings."""
    started = time.monotonic()
    context.checkpoints.emit("report_generation_started")
    sources, mapping = cite.merge_sources(ordered_sources(state.get("sources", [])))
    raw = pooled_findings(state, context, sources) or renumbered_findings(state, mapping)
    state = {**state, "market": raw[0], "competitor": raw[1], "customer": raw[2]}
    findings, report_sources = analysed(state, sources)
    relevant = {source.id for source in report_sources if source.relevant}
    read = state["context"].product_idea  # the idea as read (without markup)
    foreign = elsewhere(read, [source for source in sources if source.id in relevant])
    if foreign:  # the sources on topic are about another customer or place: none is evidence for this one
        report_sources = [source.model_copy(update={"relevant": False}) for source in report_sources]
        relevant = set()
    conflicts = place_conflicts(findings, sources, report_sources, read)
    # no retrieved source about the idea: nothing to judge, so no score (the credits are refunded), and
    # no findings either: a survey of another market's customers says nothing about this idea's
    score = score_pmf(*findings, report_sources) if relevant else None
    if score is None:
        findings, conflicts = without_findings(findings), []
        report_sources = [source.model_copy(update={"cited": False}) for source in report_sources]
    unread = unread_sources(report_sources, context.analyst)
    languages = sorted({language_name(source.language) for source in unread})
    recommendations: list[Recommendation] = []
    tokens = dropped_claims = 0
    if score is not None:
        # the summary restates the idea as the founder wrote it (the context holds it as read, without markup)
        written = state["context"].model_copy(update={"product_idea": state["product_idea"]})
        draft = context.analyst.synthesise(written, findings, score)
        tokens = draft.tokens
        dropped_claims = draft.dropped
        summary = draft.value.executive_summary
        on_topic = [source for source in sources if source.id in relevant]
        unmentioned = unmentioned_customer_words(read, on_topic)
        if unmentioned:  # the evidence is about a neighbouring customer: say so before anything else
            named = ", ".join(f"\u201c{word}\u201d" for word in unmentioned)
            summary = (
                f"{summary} No source used here mentions {named}: what the report says about that part of "
                "the customer is not found in the sources."
            )
        recommendations = [item.model_copy(deep=True) for item in draft.value.strategic_recommendations]
        cite.renumber([], recommendations, mapping)
    else:
        reason = insufficient_reason(state, report_sources, foreign)
        summary = f"{restatement(state['product_idea'])} {reason}"
    if unread:
        summary = f"{summary} {unread_note(len(unread), languages)}"
    dropped = sum(u.dropped_citations for u in state.get("usage", []))
    dropped += cite.resolve_recommendations(recommendations, sources)
    own = NodeUsage(node="report_writer", tokens=tokens, seconds=round(time.monotonic() - started, 3),
                    dropped_claims=dropped_claims)  # fmt: skip
    method = methodology(
        state, context, len(sources), cite.grounding(findings, dropped), [*state.get("usage", []), own]
    )
    method.relevant_sources = len(relevant)
    method.unread_sources = len(unread)
    method.unread_languages = languages
    usage = [*state.get("usage", []), own]
    method.grounding.model_dropped = sum(u.dropped_claims for u in usage)
    if getattr(context.analyst, "checks_answers", False):
        method.grounding.model_checks = model_checks(usage)
    method.queries_replaced = sum(u.queries_replaced for u in usage)
    method.structured_output = ", ".join(getattr(context.analyst, "structured_output_modes", []))
    method.sample_corpus = any(source.sample for source in sources)
    cited_ids = [i for item in recommendations for i in item.source_ids]
    report = Report(
        title=title_for(state["product_idea"]),
        product_idea=state["product_idea"],
        generated_at=datetime.now(UTC),
        executive_summary=summary,
        market_analysis=findings[0],
        competitive_landscape=findings[1],
        customer_insights=findings[2],
        pmf_score=score,
        strategic_recommendations=recommendations,
        citations=cite.citations(findings, cited_ids, sources),
        methodology=method,
        outcome="report" if score is not None else "insufficient_evidence",
        outcome_reason="" if score is not None else insufficient_reason(state, report_sources, foreign),
        sources=report_sources,
        conflicts=conflicts,
    )
    detail = f"PMF score {score.total}/100" if score is not None else "insufficient evidence"
    context.checkpoints.emit("report_generation_completed", detail=detail)
    return {"report": report, "usage": [own]}


def report_writer(state: ResearchState, runtime: Runtime[RunContext]) -> dict[str, Any]:
    """Synthesise the final report."""
    return write_report(state, runtime.context)
