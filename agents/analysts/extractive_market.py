"""Offline market analysis: size and growth figures by pattern, trends and opportunities by ranking."""

from __future__ import annotations

from agents.analysts.sentences import GROWTH, MONEY, Sentence, all_sentences, first_year, keyword_hits, rank
from agents.scoring import money
from agents.state import Claim, Figure, MarketFindings, Source

SIZE_WORDS = ("market", "revenue", "worth", "valued", "spend", "size", "reach", "sales", "generated")
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
)
OPPORTUNITY_WORDS = (
    "opportunit", "attractive", "underserved", "gap", "untapped", "whitespace", "white space",
    "potential", "unmet", "room", "fastest",
)  # fmt: skip
LIMIT = 5


def claim(sentence: Sentence) -> Claim:
    """A claim stated by one source sentence, quoting it verbatim."""
    return Claim(text=sentence.text, source_ids=[sentence.source_id], quote=sentence.text)


def figure(sentence: Sentence, value: str) -> Figure:
    """A figure stated by one source sentence."""
    return Figure(
        text=sentence.text,
        source_ids=[sentence.source_id],
        quote=sentence.text,
        value=value,
        year=first_year(sentence.text),
    )


def size_figures(sentences: list[Sentence], focus: set[str]) -> list[Figure]:
    """Sentences stating a money amount about the market's size."""
    candidates = [s for s in sentences if MONEY.search(s.text) and keyword_hits(s.text, SIZE_WORDS)]
    ranked = rank(candidates, SIZE_WORDS, focus, LIMIT)
    figures = [figure(s, MONEY.search(s.text).group(0)) for s in ranked]  # type: ignore[union-attr]
    # headline first: whole-market statements, then the largest amount
    return sorted(figures, key=lambda f: ("market" in f.text.lower(), money(f.value)), reverse=True)


def growth_figures(sentences: list[Sentence], focus: set[str]) -> list[Figure]:
    """Sentences stating a growth rate (CAGR or percent growth)."""
    candidates = [s for s in sentences if GROWTH.search(s.text)]
    ranked = rank(candidates, ("cagr", "grow", "grew", "increase", "rise", "rose"), focus, LIMIT)
    return [figure(s, GROWTH.search(s.text).group(0)) for s in ranked]  # type: ignore[union-attr]


def analyse_market(sources: list[Source], focus: set[str]) -> MarketFindings:
    """Market findings built only from the sources' own sentences."""
    sentences = all_sentences(sources)
    sizes = size_figures(sentences, focus)
    growth = growth_figures(sentences, focus)
    used = {f.quote for f in [*sizes, *growth]}
    remaining = [s for s in sentences if s.text not in used]
    trends = [claim(s) for s in rank(remaining, TREND_WORDS, focus, LIMIT)]
    used |= {c.quote for c in trends}
    opportunities = [
        claim(s) for s in rank([s for s in remaining if s.text not in used], OPPORTUNITY_WORDS, focus, LIMIT)
    ]
    summary = (
        f"{len(sizes)} market size figures, {len(growth)} growth figures, {len(trends)} trends and "
        f"{len(opportunities)} opportunities found in {len(sources)} sources."
    )
    if sizes:
        summary += f" Headline size: {sizes[0].value}" + (f" ({sizes[0].year})." if sizes[0].year else ".")
    if growth:
        summary += f" Headline growth: {growth[0].value}."
    return MarketFindings(
        summary=summary, market_size=sizes, growth=growth, trends=trends, opportunities=opportunities
    )
