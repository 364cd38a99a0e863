"""Offline competitor analysis: names that are the subject of pricing or positioning sentences."""

from __future__ import annotations

import re
from collections import Counter
from typing import cast

from agents.analysts.extractive_market import claim
from agents.analysts.sentences import (
    GAP_HEADING,
    PRICE,
    TREND_HEADING,
    Sentence,
    all_sentences,
    keyword_hits,
    rank,
    split_sentences,
    under,
    unique,
)
from agents.analysts.sourcing import self_published
from agents.analysts.vetting import Evidence, is_statement
from agents.state import Claim, Competitor, CompetitorFindings, Level, Source

NAME = r"[A-Z][\w'&.+-]*[a-z0-9][\w'&.+-]*(?: (?:[A-Z][\w'&+-]*|\d+))*"
SUBJECT = re.compile(
    rf"^(?P<name>{NAME})(?:'s)? (?:costs|charges|is priced|is free|starts at|offers|positions itself|"
    r"holds|is the (?:\w+ )?leader|is a |is an |prices|sells|leads|launched|has an? |supports|targets)"
)
NOT_NAMES = {
    "The",
    "This",
    "That",
    "These",
    "Those",
    "Our",
    "Its",
    "It",
    "We",
    "Each",
    "Every",
    "Paid",
    "Annual",
    "Most",
    "More",
    "Only",
    "No",
    "Free",
    "Users",
    "Parents",
    "Families",
    "Customers",
    "Pricing",
    "Price",
    "Family",
    "Premium",
    "Basic",
    "Standard",
    "Pro",
    "Plus",
    "Monthly",
    "Yearly",
    "A",
    "An",
    "One",
    "Both",
    "Per",
    "What",
    "How",
    "Why",
    "When",
    "Where",
    "Who",
    "Which",
}
STRENGTH_WORDS = ("best", "strength", "fastest", "leader", "leads", "handles", "loved", "praised", "easiest")
WEAKNESS_WORDS = ("weakness", "lacks", "only works", "cannot", "complain", "expensive", "too long", "limited")
GAP_WORDS = (
    "gap",
    "no app",
    "no single",
    "none of",
    "no leading",
    "underserved",
    "unmet",
    "whitespace",
    "missing",
    "nobody",
    "no one",
    "lack",
)
# a qualifier just before "saturated" / "crowded" sets the level ("moderately saturated" is medium)
QUALIFIER_LEVELS: tuple[tuple[str, Level], ...] = (
    (
        r"not(?:\s+(?:yet|very|highly|heavily|fully|overly))?|far\s+from|under|un|lightly|slightly|barely",
        "low",
    ),
    (r"moderately|somewhat|partially|partly|fairly", "medium"),
    (r"highly|heavily|very|extremely|fully|over|super", "high"),
)
QUALIFIER = re.compile(
    r"\b(?:" + "|".join(f"(?P<{level}>{words})" for words, level in QUALIFIER_LEVELS) + r")[\s-]*$",
    re.IGNORECASE,
)
SATURATION: tuple[tuple[str, Level, bool], ...] = (  # pattern, level, whether qualifiers apply
    (r"saturated\b", "high", True),
    (r"crowded\b", "high", True),
    (r"fragmented", "medium", False),
    (r"consolidat", "medium", False),
)
MAX_COMPETITORS = 8
GAP_LIMIT = 6
ITEM_SENTENCES = 3
FEE = re.compile(r"\b(?:fees?|charges?|charging|commission|priced|costs?)\b", re.I)
FREE_CELL = re.compile(r"free\b", re.I)  # "Free", "Free with an insurance policy"
PRONOUN_LEAD = re.compile(
    r"^(?:It|It's|Its|Their|They|They're)\b"
)  # a bold-led item's lead and the two sentences after it
HEADING_NAME = re.compile(
    r"^(?:\d+[.)]\s*)?(?P<name>[A-Z0-9][\w'&.+-]*(?: [A-Z0-9][\w'&.+-]*){0,3})\s*(?:[\u2014\u2013:|(-]|$)"
)
BOLD_LEAD = re.compile(r"^\*\*(?P<name>[^*]{2,40}?)[.:]?\*\*")
HEADING_WORDS = {
    "verdict",
    "overview",
    "pricing",
    "methodology",
    "summary",
    "key findings",
    "conclusion",
    "introduction",
    "background",
    "the bottom line",
    "bottom line",
    "faq",
    "features",
    "plans",
    "about",
    "sources",
    "notes",
    "what we tested",
    "how we tested",
    "who it is for",
    "market",
    "competitors",
    "gaps",
    "trends",
}


def is_name(name: str) -> bool:
    """A product or company name: capitalised, short, not a common heading or sentence opener."""
    first = name.split()[0] if name.split() else ""
    return (
        bool(re.match(r"[A-Z0-9]", first))
        and first not in NOT_NAMES
        and first.split("-")[0] not in NOT_NAMES  # "Per-inspection prices …" opens a sentence
        and len(name.split()) <= 4
        and name.lower() not in HEADING_WORDS
        and not re.fullmatch(r"[\d\W]+", name)
    )


def bold_name(sentence: Sentence) -> str:
    """The name a bold lead gives ("**Acme (Berlin, online).**" -> "Acme"), or ""."""
    bold = BOLD_LEAD.match(sentence.text)
    if not bold:
        return ""
    name = re.sub(r"\s*\(.*$", "", bold.group("name")).strip().rstrip(".:")
    return name if is_name(name) else ""


def phrase_like(name: str) -> bool:
    """A plain word then lower-case words ("E-signature bundling"): a point's title or a product's
    ("Acme app"); only a price or a fee in its item shows it is a product."""
    words = name.split()
    return (
        len(words) > 1
        and bool(re.fullmatch(r"[A-Z][a-z-]*", words[0]))
        and all(w[:1].islower() for w in words[1:])
    )


def bold_items(sentences: list[Sentence]) -> dict[str, list[Sentence]]:
    """Each bold-led item's sentences: its lead and the next few of the same source and heading.

    A listing often names the product in bold and prices it in the next sentence ("**Acme** is
    not a drone company. It sells scores at $0.80 per property.").
    """
    items: dict[str, list[Sentence]] = {}
    current: list[Sentence] | None = None
    for sentence in sentences:
        name = bold_name(sentence)
        if name:
            current = items.setdefault(name, [])
            current.append(sentence)
        elif current and _continues(current[-1], sentence) and len(current) < ITEM_SENTENCES:
            current.append(sentence)
        else:
            current = None
    return items


def _continues(previous: Sentence, sentence: Sentence) -> bool:
    return (
        sentence.source_id == previous.source_id
        and sentence.heading == previous.heading
        and sentence.position == previous.position + 1
        and not sentence.text.startswith("**")
    )


def structural_names(sentences: list[Sentence], voices: frozenset[str] = frozenset()) -> Counter[str]:
    """Names heading a product's own section ("## Acme — …") or leading a bold item ("**Acme** — $9")."""
    found: Counter[str] = Counter()
    by_heading: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        by_heading.setdefault(sentence.heading, []).append(sentence)
    for name, item in bold_items(sentences).items():
        if phrase_like(name) and item[0].source_id in voices:
            continue  # interview and survey notes title their points ("**Night-time panic.**"), not products
        priced = any(PRICE.search(s.text) or FEE.search(s.text) for s in item)
        if priced or (not phrase_like(name) and any(_sells(s.text) for s in item)):
            found[name] += 1
    for heading, section in by_heading.items():
        match = HEADING_NAME.match(heading)
        if not match or not is_name(match.group("name")):
            continue
        name = match.group("name")
        if about(name, section) and any(_sells(s.text) for s in section):
            found[name] += 1
    return found


def _sells(text: str) -> bool:
    return bool(PRICE.search(text)) or bool(
        keyword_hits(text, ("free", "positions", "pric", "plan", "leader", "sells", "subscription"))
    )


def table_prices(sources: list[Source]) -> dict[str, Claim]:
    """Competitors listed in Markdown tables: a name cell and a price cell on one row."""
    found: dict[str, Claim] = {}
    for source in sources:
        for line in source.content.splitlines():
            cells = [cell.strip().strip("*") for cell in line.strip().strip("|").split("|")]
            if len(cells) < 2 or not line.lstrip().startswith("|") or set(line.strip()) <= set("|-: "):
                continue
            name, price = cells[0], next((c for c in cells[1:] if PRICE.search(c) or FREE_CELL.match(c)), "")
            if price and is_name(name) and name not in found:
                text = f"{name}: " + "; ".join(cell for cell in cells[1:] if cell)
                found[name] = Claim(text=text, source_ids=[source.id], quote=line.strip())
    return found


def own_products(sources: list[Source]) -> dict[str, Claim]:
    """A company's own pricing page prices its product: the name its title shares with its domain.

    "LockRx — Pricing" at lockrx.example stating "Our plans start at CAD 299 per month" makes
    LockRx a competitor at that price, though no sentence names it as a subject.
    """
    found: dict[str, Claim] = {}
    for source in sources:
        if not self_published(source):
            continue
        host = re.sub(r"[^a-z0-9]", "", re.sub(r"^https?://(?:www\.)?", "", source.url.lower()).split(".")[0])
        name = next((w for w in re.findall(r"[\w'&.+-]+", source.title) if w.lower() == host), "")
        priced = next((s for s in split_sentences(source) if PRICE.search(s.text)), None)
        if name and priced and is_name(name) and name not in found:
            found[name] = Claim(text=f"{name}: {priced.text}", source_ids=[source.id], quote=priced.text)
    return found


def competitor_names(
    sentences: list[Sentence], tables: dict[str, Claim] | None = None, voices: frozenset[str] = frozenset()
) -> list[str]:
    """Names that are the subject of a pricing or positioning sentence, most mentioned first."""
    subjects: Counter[str] = Counter()
    for sentence in sentences:
        match = SUBJECT.match(sentence.text)
        if not match or match.group("name").split()[0] in NOT_NAMES:
            continue
        if PRICE.search(sentence.text) or keyword_hits(
            sentence.text, ("free", "positions", "leader", "share")
        ):
            subjects[match.group("name")] += 1
    subjects.update(structural_names(sentences, voices))
    subjects.update({name: 1 for name in tables or {}})
    # product tiers ("Acme Plus") belong to the competitor whose name they extend
    names = [name for name in subjects if not any(name.startswith(f"{other} ") for other in subjects)]
    mentions = Counter({name: sum(name in s.text for s in sentences) for name in names})
    return [name for name, _ in mentions.most_common(MAX_COMPETITORS)]


def about(name: str, sentences: list[Sentence]) -> list[Sentence]:
    """Sentences that mention ``name`` as a whole word."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    return [sentence for sentence in sentences if pattern.search(sentence.text)]


def mentions(name: str, sentences: list[Sentence]) -> list[Sentence]:
    """Sentences about ``name``: naming it, under its heading, or in its bold-led item."""
    items = bold_items(sentences).get(name, [])
    naming = about(name, sentences)
    return list(
        dict.fromkeys([*naming, *own_section(name, sentences), *items, *referring(naming, sentences)])
    )


def referring(naming: list[Sentence], sentences: list[Sentence]) -> list[Sentence]:
    """The sentence right after one naming a product when it refers back to it ("It's $79 a month")."""
    after = {(s.source_id, s.position + 1) for s in naming}
    return [s for s in sentences if (s.source_id, s.position) in after and PRONOUN_LEAD.match(s.text)]


def own_section(name: str, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences under a heading that names ``name`` ("## Acme — the budget option")."""
    result = []
    for sentence in sentences:
        match = HEADING_NAME.match(sentence.heading)
        if match and match.group("name") == name:
            result.append(sentence)
    return result


def describe(name: str, sentences: list[Sentence], row: Claim | None = None) -> Competitor:
    """A competitor's pricing, positioning, strengths and weaknesses from its sentences (and table row)."""
    section = own_section(name, sentences) + bold_items(sentences).get(name, [])
    mine = list(dict.fromkeys([*about(name, sentences), *section]))
    subject_first = sorted(mine, key=lambda s: (not s.text.lstrip("*").startswith(name), s not in section))
    pricing = next((s for s in subject_first if PRICE.search(s.text) or " free" in s.text), None)
    positioning = next(
        (s for s in mine if keyword_hits(s.text, ("positions", "leader", "best", "built for", "focus"))),
        section[0] if section else None,
    )
    strengths = rank(mine, STRENGTH_WORDS, set(), 2)
    weaknesses = rank(mine, WEAKNESS_WORDS, set(), 2)
    evidence = [claim(s) for s in dict.fromkeys(s for s in (pricing, positioning) if s is not None)]
    price = _price_text(pricing)
    if not price and row is not None:
        price = ", ".join(m.group(0) for m in PRICE.finditer(row.text)) or "Free"
        evidence.append(row)
    return Competitor(
        name=name,
        pricing=price,
        positioning=positioning.text if positioning else "",
        strengths=[s.text for s in strengths],
        weaknesses=[s.text for s in weaknesses],
        evidence=evidence,
    )


def _price_text(sentence: Sentence | None) -> str:
    if sentence is None:
        return ""
    prices = [match.group(0) for match in PRICE.finditer(sentence.text)]
    if prices:
        return ", ".join(prices)
    return "Free" if " free" in sentence.text else ""


def saturation(sentences: list[Sentence], competitors: int) -> tuple[Level, str, list[Sentence]]:
    """Saturation level with its rationale, from explicit wording or else the number of competitors."""
    for word, level, qualifiable in SATURATION:
        for sentence in sentences:
            if match := re.search(word, sentence.text, re.IGNORECASE):
                if qualifiable:
                    level = _qualified(sentence.text[: match.start()], level)
                return level, sentence.text, [sentence]
    counted: Level = "high" if competitors >= 6 else "medium" if competitors >= 3 else "low"
    return counted, f"{competitors} competitors identified in the retrieved sources.", []


def _qualified(before: str, level: Level) -> Level:
    """``level``, or the level of the qualifier just before the word ("lightly", "over-", "not yet")."""
    qualifier = QUALIFIER.search(before)
    if qualifier is None:
        return level
    return cast(Level, qualifier.lastgroup)  # the one named group that matched: low, medium or high


def voices(evidence: Evidence) -> frozenset[str]:
    """Sources that report what people said (interviews, surveys): their bold leads title points."""
    return frozenset(a.source_id for a in evidence.assessments if a.source_type in ("interviews", "survey"))


def analyse_competitors(evidence: Evidence, focus: set[str]) -> CompetitorFindings:
    """Competitor findings built only from the relevant sources' own sentences and tables."""
    sentences = [s for s in all_sentences(evidence.sources) if is_statement(s)]
    tables = {**own_products(evidence.sources), **table_prices(evidence.sources)}
    competitors = [
        describe(name, sentences, tables.get(name))
        for name in competitor_names(sentences, tables, voices(evidence))
    ]
    independent = [s for s in sentences if s.source_id not in evidence.vendor]  # a vendor's "gap" is an ad
    # a section that names what is missing ("Where the gaps are", "What nobody offers well") first;
    # a sentence under a "Drivers" or "Trends" heading is a trend, not a gap
    candidates = [s for s in independent if not TREND_HEADING.search(s.heading)]
    headed = under(candidates, GAP_HEADING)
    gaps = [claim(s) for s in unique([*headed, *rank(candidates, GAP_WORDS, focus, 5)])[:GAP_LIMIT]]
    level, rationale, _ = saturation(independent, len(competitors))
    names = ", ".join(c.name for c in competitors)
    not_found = [name for name, items in (("competitors", competitors), ("gaps", gaps)) if not items]
    if competitors:
        summary = (
            f"{len(competitors)} competitors identified ({names}); saturation {level}; {len(gaps)} gaps."
        )
    else:
        summary = "Competitors: not found in the sources."
        if not _explicit(rationale):
            rationale = "Not found in the sources: no competitor of this idea is named in them."
    return CompetitorFindings(
        summary=summary,
        competitors=competitors,
        gaps=gaps,
        saturation=level,
        saturation_rationale=rationale,
        not_found=not_found,
        sources=evidence.assessments,
    )


def _explicit(rationale: str) -> bool:
    """Whether the saturation rationale quotes a source (rather than counting competitors)."""
    return not rationale.endswith("competitors identified in the retrieved sources.")
