"""Parent markets: a market size that contains another one, so that the headline is the idea's own market.

A source often sizes a broad market and the part of it the idea sells into ("households spent $9
billion on pet care; telehealth consultations, about 4% of it, were worth $360 million"). Both are
current whole-market figures, but only the narrower one is the idea's market: the broader one is
context, never the headline. A figure contains another when

* the other states itself as a share of it and the numbers agree ("$360 million, or 4% of the
  category" beside a $9 billion figure), or
* its definition is the other's less some words ("pet care" and "pet care telehealth"),

and a chain of such parts contains its last part too. A part is within its parent's definition, so it
replaces the parent as the headline when its own words add one of the idea's terms ("telehealth" for a
vet-video idea); a narrower market in words the idea never uses ("consultations about cats, 30% of pet
telehealth", for a telehealth service for all pet owners) leaves the parent the idea's market.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from agents.analysts.amounts import amount, currency_code, usd
from agents.analysts.idea import terms
from agents.analysts.sentences import stem
from agents.state import Figure

APPROXIMATELY = r"(?:about|around|roughly|some|nearly|almost|approximately|an estimated|just over|over)\s+"
# "…, or about 13% of the category": a share of a broader whole stated right after the amount
SHARE_AFTER = re.compile(
    rf"\**\s*,?\s*(?:or\s+)?(?:{APPROXIMATELY})?(?P<share>\d+(?:\.\d+)?)\s?(?:%|per ?cent\b|percent\b)\s+of\s"
)
# "make up 31% of second-hand toys by value, around $59 million": a share stated right before the amount
SHARE_BEFORE = re.compile(
    rf"(?P<share>\d+(?:\.\d+)?)\s?(?:%|per ?cent\b|percent\b)\s+of\s+[^.;%]{{0,80}}?,?\s+(?:or\s+)?"
    rf"(?:{APPROXIMATELY})?\**$"
)
SHARE_PHRASE = re.compile(r"\d+(?:\.\d+)?\s?(?:%|per ?cent\b|percent\b)\s+of\s+[^,.;]*")
AGREE = 1.25  # a part and share-of-the-whole further apart than this ratio are not one part


def stated_share(figure: Figure) -> float:
    """The share of a broader whole a market size says it is ("…, or about 13% of the category" -> 0.13);
    0 when it states none."""
    quote = figure.quote or figure.text
    at = quote.find(figure.value) if figure.value else -1
    if at < 0:
        return 0.0
    found = SHARE_AFTER.match(quote, at + len(figure.value)) or SHARE_BEFORE.search(
        quote[max(0, at - 120) : at]
    )
    share = float(found.group("share")) / 100 if found else 0.0
    return share if 0 < share < 1 else 0.0


def share_of(part: Figure, whole: Figure) -> bool:
    """Whether ``part`` states itself as a share of ``whole``: its share of ``whole``'s amount is its own
    amount, in the same currency ("$360 million, or 4% of" a $9 billion market)."""
    share = stated_share(part)
    if not share or currency_code(part.value) != currency_code(whole.value):
        return False
    expected, stated = amount(whole.value) * share, amount(part.value)
    return expected > 0 and stated > 0 and max(expected, stated) / min(expected, stated) <= AGREE


def stated_year(figure: Figure, pool: Iterable[Figure]) -> str:
    """A figure's year, or when it states none, the year of the whole it says it is a share of ("Math is
    34% of that spending, about $440 million" after "$1.3 billion in 2025" is a 2025 figure)."""
    if figure.year:
        return figure.year
    return next((whole.year for whole in pool if whole.year and share_of(figure, whole)), "")


def definition(figure: Figure) -> set[str]:
    """The stems of a figure's definition (its scope), as the idea's terms are kept."""
    return {stem(term) for term in terms(figure.scope)}


def own_terms(figure: Figure, idea: frozenset[str]) -> frozenset[str]:
    """The ``idea``'s terms a figure's sentence names, leaving out the broader whole it says it is a share
    of ("31% of second-hand toys" names the whole's words, not the part's)."""
    text = SHARE_PHRASE.sub(" ", figure.quote or figure.text)
    return idea & {stem(term) for term in terms(text)}


def contains(whole: Figure, part: Figure, idea: frozenset[str]) -> bool:
    """Whether ``whole`` is the broader market containing ``part`` (a stated share that adds up, or a
    definition that is the part's less some words, one of them the idea's)."""
    if whole is part or usd(whole.value) <= usd(part.value):
        return False
    if share_of(part, whole):
        return True
    broad, narrow = definition(whole), definition(part)
    return bool(broad) and broad < narrow and bool((narrow - broad) & idea)


def parents(figures: Iterable[Figure], idea: frozenset[str]) -> list[Figure]:
    """The figures that contain another one (directly or through a chain of parts) whose own words add one
    of the ``idea``'s terms: broader markets, context for the idea's own and never its headline."""
    pool = list(figures)
    within = {id(whole): [part for part in pool if contains(whole, part, idea)] for whole in pool}
    changed = True
    while changed:  # a part of a part is a part
        changed = False
        for whole in pool:
            for part in list(within[id(whole)]):
                for deeper in within[id(part)]:
                    if deeper not in within[id(whole)] and deeper is not whole:
                        within[id(whole)].append(deeper)
                        changed = True
    return [
        whole
        for whole in pool
        if any(own_terms(part, idea) - own_terms(whole, idea) for part in within[id(whole)])
    ]
