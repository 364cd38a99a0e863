"""What customers pay on average, and when two sources state that average differently.

"The average family spent ₩11.6 million per funeral" (an analyst) and "the average total cost of the
funeral they arranged was ₩14.3 million" (a survey) are one measure with two values. One customer's bill
("one hall spent ₩380 million on advertising") is no average and is never compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from agents.analysts.amounts import amount
from agents.analysts.idea import GENERIC, STOPWORDS
from agents.analysts.sentences import stem
from agents.state import Figure

# an average paid per purchase is measured, not estimated like a market: a fifth apart is a disagreement
SPEND_DISAGREE = 1.2
# an amount averaged over the customers who paid it ("the average family spent", "median bill")
TYPICAL = re.compile(r"\b(?:average|averaged|median|mean|typical|typically|on average)\b", re.I)
# "cost", "spend", "price" and "paid" name one measure when said of what customers pay
PAID_WORDS = {
    stem(word): "paid"
    for word in ("cost", "costs", "spend", "spent", "spending", "paid", "pay", "pays", "price", "prices")
}
WOULD = re.compile(r"\b(?:would|willing|acceptable|prepared to|ready to)\b", re.I)
PER_WHAT = re.compile(r"\b(?:per|each|every|a|an)\s+([a-z-]+)", re.I)
PERIODS = frozenset({"day", "week", "month", "year", "quarter", "annum"})
WORD = re.compile(r"[a-z][a-z-]+")
MIN_SHARED = 3


def _words(text: str) -> set[str]:
    return {
        PAID_WORDS.get(stem(word), stem(word))
        for word in WORD.findall(text.lower())
        if word not in STOPWORDS and word not in GENERIC
    }


def same_spend(left: Figure, right: Figure) -> bool:
    """Two customer-spend figures that measure one thing: both an average over customers (never one
    customer's bill), per the same period when both name one, and sentences sharing three words (the
    period they both name counts as one), with "cost", "spend", "price" and "paid" read as one."""
    quotes = [figure.quote or figure.text for figure in (left, right)]
    if not all(TYPICAL.search(quote) and "paid" in _words(quote) for quote in quotes):
        return False  # an average saving or income is no spend
    if bool(WOULD.search(quotes[0])) != bool(WOULD.search(quotes[1])):
        return False  # what customers say they would pay is not what they pay
    periods = [{word.lower() for word in PER_WHAT.findall(quote)} & PERIODS for quote in quotes]
    if periods[0] and periods[1] and not periods[0] & periods[1]:
        return False  # "a month" and "a year" are two amounts
    same_period = len(periods[0] & periods[1])  # "S$380 a month" and "S$610 a month": one period named
    return len(_words(quotes[0]) & _words(quotes[1])) + same_period >= MIN_SHARED


def disagree(left: Figure, right: Figure) -> bool:
    """Two averages of one spend, from different sources, a fifth or more apart."""
    if set(left.source_ids) & set(right.source_ids) or not same_spend(left, right):
        return False
    high, low = sorted((amount(left.value), amount(right.value)), reverse=True)
    return low > 0 and high / low >= SPEND_DISAGREE


def disagreeing(chosen: Iterable[Figure], candidates: Iterable[Figure]) -> list[Figure]:
    """The candidates that state a chosen average spend differently (one for each chosen figure), so a
    report that keeps a few figures still shows both sides of a disagreement; when none of the chosen is
    disputed, both sides of the first disagreement among the candidates."""
    pool = [f for f in candidates if f.kind == "customer_spend"]
    kept = list(chosen)
    found: list[Figure] = []
    for figure in kept:
        if figure.kind != "customer_spend":
            continue
        others = [f for f in pool if disagree(figure, f) and f not in kept and f not in found]
        # an independent source before a vendor's claim, then the one naming the measure most alike
        others.sort(key=lambda f: (f.vendor_claim, -len(_words(f.quote) & _words(figure.quote))))
        found.extend(others[:1])
    if found:
        return found
    # no kept figure is disputed: the first disagreement among the rest, both its sides
    for index, left in enumerate(pool):
        for right in pool[index + 1 :]:
            if left not in kept and right not in kept and disagree(left, right):
                return [left, right]
    return []
