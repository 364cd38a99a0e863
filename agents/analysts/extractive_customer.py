"""Offline customer analysis: pain points from complaint wording and survey shares, segments from headings."""

from __future__ import annotations

import re

from agents.analysts.extractive_market import claim
from agents.analysts.sentences import PERCENT, Sentence, all_sentences, keyword_hits, rank, split_sentences
from agents.state import CustomerFindings, Level, PainPoint, Segment, Source

PAIN_WORDS = (
    "pain", "frustrat", "struggl", "stress", "difficult", "hard", "waste", "annoy", "complain", "hate",
    "time-consuming", "too long", "useless", "problem", "issue", "abandon", "cancel", "give up", "wrong",
    "expensive", "confus", "overwhelm", "tired", "worry",
)  # fmt: skip
INTENSE_WORDS = ("most", "biggest", "top", "main", "very", "major", "useless", "give up", "hate")
SATISFACTION_WORDS = (
    "satisf",
    "love",
    "value",
    "prefer",
    "retention",
    "loyal",
    "recommend",
    "favourite",
    "favorite",
    "want",
)
PAY_WORDS = ("pay", "willing", "price", "subscription", "per month", "per year", "afford")
ADVICE_WORDS = (
    "should",
    "recommend",
    "want",
    "wish",
    "ask for",
    "would like",
    "would win",
    "would pay",
    "need",
)
SEGMENT_HEADING = re.compile(
    r"(?:segment|persona)\s*\d*\s*[:.\-\u2013\u2014]\s*(?P<name>[^(]+?)\s*(?:\((?P<share>[^)]*)\))?$", re.I
)
LIMIT = 5


def frequency(text: str) -> Level:
    """How often a pain occurs, from the largest survey share stated (no share: medium)."""
    shares = [float(re.sub(r"[^\d.]", "", match)) for match in PERCENT.findall(text)]
    if not shares:
        return "medium"
    return "high" if max(shares) >= 50 else "medium" if max(shares) >= 25 else "low"


def pain_point(sentence: Sentence) -> PainPoint:
    """A pain point quoting its sentence, rated by survey share and wording intensity."""
    impact: Level = "high" if keyword_hits(sentence.text, INTENSE_WORDS) else "medium"
    return PainPoint(
        text=sentence.text,
        source_ids=[sentence.source_id],
        quote=sentence.text,
        frequency=frequency(sentence.text),
        impact=impact,
    )


def segments(sources: list[Source]) -> list[Segment]:
    """Segments named by "Segment N: Name (share)" headings, each with its first sentence as evidence."""
    found: dict[str, Segment] = {}
    for source in sources:
        for sentence in split_sentences(source):
            match = SEGMENT_HEADING.search(sentence.heading)
            if not match or match.group("name").strip() in found:
                continue
            name = match.group("name").strip()
            share = match.group("share") or ""
            found[name] = Segment(name=name, description=share, evidence=[claim(sentence)])
    return list(found.values())[:LIMIT]


def pain_words_for(focus: set[str]) -> list[str]:
    """Pain words, less those the idea itself uses (for a food-waste product, "waste" names the domain)."""
    return [word for word in PAIN_WORDS if not any(term.startswith(word) for term in focus)]


def analyse_customers(sources: list[Source], focus: set[str]) -> CustomerFindings:
    """Customer findings built only from the sources' own sentences."""
    sentences = all_sentences(sources)
    pains = [pain_point(s) for s in rank(sentences, pain_words_for(focus), focus, LIMIT + 1)]
    used = {p.quote for p in pains}
    rest = [s for s in sentences if s.text not in used]
    paying = [claim(s) for s in rank(rest, PAY_WORDS, focus, LIMIT)]
    used |= {c.quote for c in paying}
    rest = [s for s in rest if s.text not in used]
    drivers = [claim(s) for s in rank(rest, SATISFACTION_WORDS, focus, LIMIT)]
    used |= {c.quote for c in drivers}
    advice = [claim(s) for s in rank([s for s in rest if s.text not in used], ADVICE_WORDS, focus, LIMIT)]
    found_segments = segments(sources)
    return CustomerFindings(
        summary=(
            f"{len(pains)} pain points, {len(found_segments)} segments and {len(paying)} willingness-to-pay "
            f"signals found in {len(sources)} sources."
        ),
        pain_points=pains,
        segments=found_segments,
        satisfaction_drivers=drivers,
        willingness_to_pay=paying,
        recommendations=advice,
    )
