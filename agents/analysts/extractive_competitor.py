"""Offline competitor analysis: names that are the subject of pricing or positioning sentences."""

from __future__ import annotations

import re
from collections import Counter
from typing import cast

from agents.analysts.extractive_market import claim
from agents.analysts.sentences import PRICE, Sentence, all_sentences, keyword_hits, rank
from agents.analysts.vetting import Evidence, is_statement
from agents.state import Competitor, CompetitorFindings, Level

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


def competitor_names(sentences: list[Sentence]) -> list[str]:
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
    # product tiers ("Acme Plus") belong to the competitor whose name they extend
    names = [name for name in subjects if not any(name.startswith(f"{other} ") for other in subjects)]
    mentions = Counter({name: sum(name in s.text for s in sentences) for name in names})
    return [name for name, _ in mentions.most_common(MAX_COMPETITORS)]


def about(name: str, sentences: list[Sentence]) -> list[Sentence]:
    """Sentences that mention ``name`` as a whole word."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    return [sentence for sentence in sentences if pattern.search(sentence.text)]


def describe(name: str, sentences: list[Sentence]) -> Competitor:
    """A competitor's pricing, positioning, strengths and weaknesses from its own sentences."""
    mine = about(name, sentences)
    subject_first = sorted(mine, key=lambda s: not s.text.startswith(name))
    pricing = next((s for s in subject_first if PRICE.search(s.text) or " free" in s.text), None)
    positioning = next(
        (s for s in mine if keyword_hits(s.text, ("positions", "leader", "best", "built for"))), None
    )
    strengths = rank(mine, STRENGTH_WORDS, set(), 2)
    weaknesses = rank(mine, WEAKNESS_WORDS, set(), 2)
    evidence = [s for s in (pricing, positioning) if s is not None]
    return Competitor(
        name=name,
        pricing=_price_text(pricing),
        positioning=positioning.text if positioning else "",
        strengths=[s.text for s in strengths],
        weaknesses=[s.text for s in weaknesses],
        evidence=[claim(s) for s in dict.fromkeys(evidence)],
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


def analyse_competitors(evidence: Evidence, focus: set[str]) -> CompetitorFindings:
    """Competitor findings built only from the relevant sources' own sentences."""
    sentences = [s for s in all_sentences(evidence.sources) if is_statement(s)]
    competitors = [describe(name, sentences) for name in competitor_names(sentences)]
    independent = [s for s in sentences if s.source_id not in evidence.vendor]  # a vendor's "gap" is an ad
    gaps = [claim(s) for s in rank(independent, GAP_WORDS, focus, 5)]
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
