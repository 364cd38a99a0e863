"""Offline market analysis: typed figures by pattern, trends and opportunities by ranking."""

from __future__ import annotations

import re

from agents.analysts.amounts import MONEY, amount, currency_code
from agents.analysts.figure_definitions import SIZED, definitions, disowned, names_no_market
from agents.analysts.figures import MARKET, OWN_REVENUE, SPEND, one_subject
from agents.analysts.figures import figures as typed_figures
from agents.analysts.sentences import (
    GAP_HEADING,
    OPPORTUNITY_HEADING,
    TABLE_RULE,
    TREND_HEADING,
    Sentence,
    all_sentences,
    keyword_hits,
    rank,
    stem,
    under,
    unique,
    words,
)
from agents.analysts.spend import disagreeing
from agents.analysts.vetting import Evidence, is_statement
from agents.state import Claim, Figure, MarketFindings, Source

TREND_WORDS = (
    "trend",
    "adopt",
    "shift",
    "increasing",
    "rising",
    "growing",
    "demand",
    "expect",
    "standard",
    "more",
    "moving",
    "switch",
    "regulat",
    "mandate",
    "require",
)
OPPORTUNITY_WORDS = (
    "opportunit",
    "attractive",
    "underserved",
    "gap",
    "untapped",
    "whitespace",
    "white space",
    "potential",
    "unmet",
    "room",
    "fastest",
    "opening",
)
# a trends section as sources title it ("What moves the market", "What drives demand"), beside the
# shared TREND_HEADING words; a section about size that also gives the outlook is no trends section
MOVES = re.compile(
    r"\bwhat(?:'s| is)? (?:moves|moving|drives|driving|shapes|shaping)\b|\bmarket forces\b", re.I
)
SIZE_SECTION = re.compile(r"\b(?:size|sizing|sized|forecasts?|market definition)\b", re.I)
# a paragraph's run-in label: "What moves the market. From January, …", "**Drivers:** …"
RUN_IN = re.compile(r"^\s*(?:[-*]\s+)?(?:\*\*|__)?(?P<label>[A-Z][^.:!?*_]{2,40}?)[.:](?:\*\*|__)?\s+\S")
OTHER_KINDS = ("company_revenue", "funding", "population", "cost", "customer_spend", "share")
LIMIT = 5
TREND_LIMIT = 8  # trends are varied (workforce, regulation, technology, buyers): room for each


def claim(sentence: Sentence) -> Claim:
    """A claim stated by one source sentence, quoting it verbatim."""
    return Claim(text=sentence.text, source_ids=[sentence.source_id], quote=sentence.text)


def on_topic(figure: Figure, focus: set[str], defined: dict[int, str] | None = None) -> int:
    """How many of the idea's terms the figure's sentence and definition mention (word families match),
    the sentence its source defines it in included (``defined``: see :func:`definitions`)."""
    wanted = {stem(term) for term in focus}
    context = (defined or {}).get(id(figure), "")
    return len(wanted & {stem(word) for word in words(f"{figure.text} {figure.scope} {context}")})


def about_idea(figure: Figure, focus: set[str], defined: dict[int, str] | None = None) -> bool:
    """A figure naming the idea's terms, or "the market" of its (relevant) source without naming another.

    A figure whose definition names something else ("court case management software") sizes an
    adjacent market, not this one.
    """
    return on_topic(figure, focus, defined) > 0 or names_no_market(figure)


def sizes_its_market(figure: Figure) -> bool:
    """Whether the figure is "the market" of its source, named by no words of its own ("On that definition
    the market was worth €11m"): the market its source defined before, not an amount someone paid."""
    return names_no_market(figure) and bool(MARKET.search(figure.quote))


NAME = re.compile(r"(?<!^)(?<![.!?] )\b[A-Z][a-z]")


def market_wide(figure: Figure) -> bool:
    """A growth rate a relevant source gives for a market or its spending, whatever it calls it.

    A parent or neighbouring market's growth ("the wider practice software market, 6.8% a year")
    is context an analyst reports, labelled with its own definition; so is the growth of a group's sales
    ("dealer sales grew 9%"); a company's growth is not.
    """
    before = figure.quote.split(figure.value)[0][-80:]
    if MARKET.search(figure.quote) or SPEND.search(figure.quote):
        return not one_subject(before)
    # "Dealer sales grew 9% on 2023": the sales of a group named by no one firm (no name but the first word)
    return bool(OWN_REVENUE.search(before)) and not one_subject(before) and not NAME.search(before)


# a source saying what its own figures leave out: "X is outside the scope of this note", "this report does
# not cover X"
OUT_OF_SCOPE = re.compile(
    r"\boutside (?:the )?scope of (?:this|the|our) (?:note|report|study|brief|analysis|survey|estimate"
    r"|review)\b|\boutside (?:our|its) scope\b"
    r"|\bnot covered (?:by|in) (?:this|the|our) (?:note|report|study|brief|analysis)\b"
    r"|\b(?:this|the|our) (?:note|report|study|brief|analysis) (?:does not|doesn't) (?:cover|include)\b",
    re.I,
)


def sizes_another_kind(figure: Figure, said: list[Sentence], focus: set[str]) -> bool:
    """Whether its source says the idea's own kind of what the figure sizes is outside its scope: a word
    of the idea in the figure's definition ("spoken-language interpreting") that a sentence of the source
    puts out of scope with one of the idea's words the definition lacks ("sign language interpreting is
    outside the scope of this note"). Every market figure of such a source sizes another market."""
    scope = {stem(word) for word in words(figure.scope)}
    if figure.kind not in SIZED or len(scope) < 2:
        return False
    wanted = {stem(term) for term in focus}
    for sentence in said:
        stated = {stem(word) for word in words(sentence.text)}
        if OUT_OF_SCOPE.search(sentence.text) and scope & wanted & stated and (wanted - scope) & stated:
            return True
    return False


def other_kind_sources(found: list[Figure], sources: list[Source], focus: set[str]) -> set[str]:
    """The sources whose figures size another kind of the idea's product (see :func:`sizes_another_kind`)."""
    said = {
        source.id: [s for s in all_sentences([source]) if OUT_OF_SCOPE.search(s.text)] for source in sources
    }
    return {f.source_ids[0] for f in found if sizes_another_kind(f, said.get(f.source_ids[0], []), focus)}


def verifiable(figure: Figure) -> bool:
    """Whether the figure's quote writes its year (or it states none): a table cell dated by its column's
    header ("| All weddings | €640m |" under "2025") does not."""
    stated = set(re.findall(r"(?:19|20)\d{2}", figure.year))
    return stated <= set(re.findall(r"(?:19|20)\d{2}", figure.quote))


PERCENT_VALUE = re.compile(r"(\d+(?:\.\d+)?)\s?%")


def stated_value(figure: Figure) -> object:
    """What a figure states, comparable across its wordings: an amount with its currency ("€7.8m" and
    "€7.8 million"), a rate's percentage ("CAGR of 9.8%", "CAGR 2025-2030 | 9.8%"); else the figure."""
    if MONEY.search(figure.value):
        return (currency_code(figure.value), amount(figure.value))
    rate = PERCENT_VALUE.search(figure.value)
    return float(rate.group(1)) if figure.kind == "growth_rate" and rate else id(figure)


def one_per_amount(
    found: list[Figure], focus: set[str], defined: dict[int, str] | None = None
) -> list[tuple[Figure, int]]:
    """One figure per amount a source states, with how on topic the best of its statements is: a table
    cell and a sentence of one report giving "€7.8m" and "€7.8 million in 2025" state one figure, kept as
    the statement whose quote shows its year; rates and counts are each their own."""
    groups: dict[object, list[Figure]] = {}
    for figure in {(f.quote, f.value): f for f in found}.values():
        key = (figure.source_ids[0], stated_value(figure), figure.timeframe)
        groups.setdefault(key, []).append(figure)
    return [
        (max(group, key=verifiable), max(on_topic(figure, focus, defined) for figure in group))
        for group in groups.values()
    ]


def ranked(
    found: list[Figure],
    focus: set[str],
    vendor: set[str],
    prefer_current: bool = True,
    years: dict[str, int] | None = None,
    defined: dict[int, str] | None = None,
) -> list[Figure]:
    """Figures best first: not a vendor's, on topic, current (sizes), recent; one per sentence and value,
    and one per amount a source states (see :func:`one_per_amount`).

    A figure stating no year is as recent as its source (``years``: each source's year), so a whole
    market "worth SEK 1.9bn" in this year's report is not ranked below every figure that names a year.
    """
    years = years or {}
    order = sorted(
        one_per_amount(found, focus, defined),
        key=lambda pair: (
            pair[0].source_ids[0] not in vendor,
            # the idea's words, or "the market" of a relevant source naming no other one (a report that
            # defines its market, then sizes it "on that definition")
            pair[1] > 0 or sizes_its_market(pair[0]) or id(pair[0]) in (defined or {}),
            pair[0].timeframe == "current" or not prefer_current,
            pair[0].year[:4] or str(years.get(pair[0].source_ids[0], "")),
            pair[1],
        ),
        reverse=True,
    )
    return [figure for figure, _ in order[:LIMIT]]


# how many of the customers own or can reach something ("74% own a smartphone", "61% of farms have access
# to mobile money"): the adoption a product can build on, a trend whatever its words
ADOPTION = re.compile(
    r"\b\d+(?:\.\d+)?\s?(?:%|per ?cent\b|percent\b)\s(?:of\s(?:[\w-]+\s){1,4})?(?:now\s|already\s)?"
    r"(?:own|owned|have access to|had access to|(?:have|had) an? [\w-]+ (?:connection|account|subscription))"
    # a home or the respondent's own things are a profile, not an adoption ("62% own their home")
    r"\s(?!(?:an?\s)?(?:their|his|her|its|our|home|homes|house|houses)\b)(?:an?\s)?[\w-]+",
    re.I,
)
# public money offered to buyers: "a $6 million grant programme to help towns pay for training", "a
# subsidy covering half the cost of a heat pump", "vouchers towards the first year's licence"
PUBLIC_MONEY = re.compile(
    r"\b(?:grants?|subsid(?:y|ies|ised|ized|ising|izing)|rebates?|vouchers?|tax credits?|co-?fund\w*"
    r"|(?:funding|support) (?:programmes?|programs?|schemes?))\b",
    re.I,
)
PAYS_FOR = re.compile(
    r"\b(?:pay(?:ing)? for|to pay|covers?|covering|towards?|afford|(?:to )?buy|purchas\w+|adopt\w*"
    r"|invest in|(?:half|part|most|\d+%) of the (?:cost|price))\b",
    re.I,
)


def funds_buyers(text: str, focus: set[str]) -> bool:
    """Whether a sentence states public money that helps buyers pay for what the idea sells: a grant,
    subsidy, rebate or voucher scheme, what it pays for, and one of the idea's terms."""
    wanted = {stem(term) for term in focus}
    return bool(
        PUBLIC_MONEY.search(text) and PAYS_FOR.search(text) and wanted & {stem(word) for word in words(text)}
    )


def trend_section(heading: str) -> bool:
    """Whether a section heading (or a paragraph's run-in label) announces trends."""
    return bool((TREND_HEADING.search(heading) or MOVES.search(heading)) and not SIZE_SECTION.search(heading))


def run_in_trends(sources: list[Source], sentences: list[Sentence]) -> list[Sentence]:
    """Sentences of paragraphs whose run-in label announces trends ("What moves the market. From …")."""
    lines = {
        line.strip()
        for source in sources
        for line in source.content.splitlines()
        if (label := RUN_IN.match(line)) and trend_section(label.group("label"))
    }
    return [s for s in sentences if any(s.text in line for line in lines)]


# what may come before a paragraph's or list item's first sentence on its line: a list marker, emphasis,
# a quote mark, a run-in label ("- **Staff shortage.** Room attendants …")
LINE_START = re.compile(r"^\s*(?:[-*+\u2022>]|\d+[.)])?\s*(?:(?:\*\*|__)[^*_]{1,80}(?:\*\*|__)[.:]?\s*)?$")


def opens_item(sentence: Sentence, sources: list[Source]) -> bool:
    """Whether the sentence is the first of its paragraph or list item in its source."""
    content = next((source.content for source in sources if source.id == sentence.source_id), "")
    at = content.find(sentence.text[:60])
    if at < 0:
        return True  # not found verbatim (joined lines, table rows): no reason to put it last
    line_start = content.rfind("\n", 0, at) + 1
    return bool(LINE_START.match(content[line_start:at]))


def openers_first(sentences: list[Sentence], sources: list[Source]) -> list[Sentence]:
    """The sentences with every paragraph's and list item's first one before the rest, each group in
    order: a section of five trends, one per item, says five things in its first sentences, and the
    second sentences of its first items would crowd the others out of the list."""
    # a line ending in a colon introduces the items ("Drivers we see in 2026:"): it states none itself
    stated = [sentence for sentence in sentences if not sentence.text.rstrip("*_ ").endswith(":")]
    opening = [sentence for sentence in stated if opens_item(sentence, sources)]
    return [*opening, *[sentence for sentence in stated if sentence not in opening]]


# a quantity stated at two dates: "rose from 1,140 in 2022 to 1,610 in 2024", "8,960, up from 8,310 in 2023"
CHANGE_BETWEEN = re.compile(
    r"\bfrom\s[\d,.]+%?\s(?:[\w-]+\s){0,3}?in\s(?:19|20)\d{2}\s(?:to|and)\s[\d,.]+"
    r"|\b(?:up|down)\sfrom\s[\d,.]+%?\s(?:[\w-]+\s){0,3}?in\s(?:19|20)\d{2}\b",
    re.I,
)


def dated_change(text: str, focus: set[str]) -> bool:
    """Whether a sentence states how a quantity about the idea changed between two dates: the change a
    table over years would show, a trend whatever its words."""
    return bool(CHANGE_BETWEEN.search(text)) and on_topic_text(text, focus)


def on_topic_text(text: str, focus: set[str]) -> bool:
    """Whether ``text`` names one of the idea's terms (word families match)."""
    return bool({stem(term) for term in focus} & {stem(word) for word in words(text)})


YEAR_CELL = re.compile(r"(?:19|20)\d{2}")


def cells_of(line: str) -> list[str]:
    """The cells of a table row ("| a | b |" -> ["a", "b"])."""
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def year_rows(source: Source) -> list[Claim]:
    """The change a table with year columns states, one claim a row: "| Indicator | 2021 | 2024 |" over
    "| Cold rooms in use | 150 | 430 |" says "Cold rooms in use: 150 in 2021, 430 in 2024" (the header
    and the row are its quote, so each number and year is verifiable)."""
    lines = [line.strip() for line in source.content.splitlines()]
    found: list[Claim] = []
    for index, line in enumerate(lines[:-1]):
        if not (line.startswith("|") and TABLE_RULE.match(lines[index + 1])):
            continue
        header = cells_of(line)
        years = [column for column, cell in enumerate(header) if YEAR_CELL.fullmatch(cell)]
        if len(years) < 2:
            continue
        for row in lines[index + 2 :]:
            if not row.startswith("|"):
                break
            cells = cells_of(row)
            values = [(header[c], cells[c]) for c in years if c < len(cells) and re.search(r"\d", cells[c])]
            if len(values) < 2 or not re.search(r"[A-Za-z]", cells[0]):
                continue
            text = f"{cells[0]}: " + ", ".join(f"{value} in {year}" for year, value in values)
            quote = f"{line} {lines[index + 1]} {row}"
            found.append(Claim(text=text, source_ids=[source.id], quote=quote))
    return found


def analyse_market(evidence: Evidence, focus: set[str]) -> MarketFindings:
    """Market findings built only from the relevant sources' own sentences."""
    sentences = [s for s in all_sentences(evidence.sources) if is_statement(s)]
    places = frozenset(term.lower() for term in focus)  # a name the idea uses is where it sells
    found = [
        figure
        for sentence in sentences
        for figure in typed_figures(
            sentence,
            evidence.reference_year(sentence.source_id),
            evidence.research_year,
            evidence.titles.get(sentence.source_id, ""),
            places,
        )
    ]
    for figure in found:
        figure.vendor_claim = figure.vendor_claim or figure.source_ids[0] in evidence.vendor
    elsewhere_sized = other_kind_sources(found, evidence.sources, focus)
    apart = [f for f in found if f.kind in SIZED and f.source_ids[0] in elsewhere_sized]
    found = [f for f in found if not any(f is other for other in apart)]
    disowned(found, sentences)
    defined = definitions(found, sentences)
    sizes = ranked(
        [f for f in found if f.kind == "market_size" and about_idea(f, focus, defined)],
        focus,
        evidence.vendor,
        years=evidence.years,
        defined=defined,
    )
    # growth is usually stated as a forecast CAGR: no preference for current rates
    # a source that sizes this idea's market may also give its parent market's growth, as context
    sizing = {f.source_ids[0] for f in found if f.kind in SIZED and about_idea(f, focus, defined)}
    rates = [
        f
        for f in found
        if f.kind == "growth_rate"
        and (about_idea(f, focus, defined) or (market_wide(f) and f.source_ids[0] in sizing))
    ]
    growth = ranked(rates, focus, evidence.vendor, prefer_current=False, defined=defined)
    others = ranked([f for f in found if f.kind in OTHER_KINDS], focus, evidence.vendor)
    others += disagreeing(others, found)  # both sides of a disagreement on what customers pay
    used = {f.quote for f in [*sizes, *growth, *others, *apart]}
    sized = {f.quote for f in [*sizes, *growth, *apart]}
    remaining = [s for s in sentences if s.text not in used and s.source_id not in evidence.vendor]
    # a sentence stating another kind of number (visitors, a firm's revenue) under a source's own
    # "Trends" heading is still the trend that source names; only market figures keep it to themselves
    counted = [
        s for s in sentences if s.text in used and s.text not in sized and s.source_id not in evidence.vendor
    ]
    # a source's own "Drivers" or "Trends" section first, then sentences worded as trends; the first
    # sentence of each of its paragraphs and list items before the sentences that follow them
    headed = openers_first(
        unique(
            [
                *[s for s in [*remaining, *counted] if trend_section(s.heading)],
                *run_in_trends(evidence.sources, [*remaining, *counted]),
            ]
        ),
        evidence.sources,
    )
    # a sentence under an "Opportunities" or "Gaps" heading belongs there, whatever its words
    elsewhere = {s.text for s in [*under(remaining, OPPORTUNITY_HEADING), *under(remaining, GAP_HEADING)]}
    worded = rank([s for s in remaining if s.text not in elsewhere], TREND_WORDS, focus, LIMIT)
    # a table over years states its own trend, whatever its words
    dated_rows = [
        row for source in evidence.sources if source.id not in evidence.vendor for row in year_rows(source)
    ]
    adopted = [s for s in remaining if s.text not in elsewhere and ADOPTION.search(s.text)]
    changed = [s for s in remaining if s.text not in elsewhere and dated_change(s.text, focus)]
    trends = [*dated_rows, *[claim(s) for s in unique([*headed, *changed, *adopted, *worded])]][:TREND_LIMIT]
    used |= {c.quote for c in trends}
    left = [s for s in remaining if s.text not in used and not trend_section(s.heading)]
    headed = under(left, OPPORTUNITY_HEADING)
    # public money that helps the idea's customers buy (a grant, subsidy or voucher scheme), even when
    # its amount is listed among the other figures
    trended = {c.quote for c in trends}
    # a sentence whose number is another kind's ("… (500 to 5,000 employees) are underserved") may still
    # name an opening; only market sizes, growth rates and trends keep their sentences to themselves
    spare = [s for s in counted if s.text not in trended and not trend_section(s.heading)]
    funded = [s for s in [*left, *spare] if funds_buyers(s.text, focus)]
    worded_openings = rank([*left, *spare], OPPORTUNITY_WORDS, focus, LIMIT)
    opportunities = [claim(s) for s in unique([*headed, *funded, *worded_openings])[:LIMIT]]
    not_found = [
        name
        for name, items in (("market size", sizes), ("growth rate", growth), ("trends", trends))
        if not items
    ]
    summary = (
        f"{len(sizes)} market size figures, {len(growth)} growth figures, {len(trends)} trends and "
        f"{len(opportunities)} opportunities found in {len(evidence.sources)} relevant sources."
        if evidence.sources
        else "None of the retrieved sources is about this idea's market: not found in the sources."
    )
    return MarketFindings(
        summary=summary,
        market_size=sizes,
        growth=growth,
        other_figures=others,
        trends=trends,
        opportunities=opportunities,
        not_found=not_found,
        sources=evidence.assessments,
    )


__all__ = ["analyse_market", "claim", "keyword_hits"]
