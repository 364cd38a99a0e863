"""A competitor priced differently by two sources: "EUR 49 a month" on one page, "EUR 59" on another."""

from __future__ import annotations

import re

from agents.analysts.amounts import PRICE, amount, currency_code
from agents.analysts.conflicts.core import differ, year_of
from agents.analysts.sentences import Sentence
from agents.state import Conflict, ConflictSide

PRICE_DISAGREE = 1.05  # a list price is exact, not an estimate: 5% apart is a different price
# two prices of one product more than ten times apart are not one price read two ways: one of them is
# an amount of something else ("a seed round of US$ 560,000" beside "CLP 350 per unit")
PRICE_APART_MAX = 10.0


def price_conflicts(name: str, sentences: list[Sentence]) -> list[Conflict]:
    """A competitor priced differently by different sources (each source's first price in one unit).

    Two prices are one only in one unit (or one unit naming the other's more fully: "per repair visit" and
    "per visit"): "KES 30 per crate per day" and "KES 200" for a ride are two."""
    firsts: dict[tuple[str, frozenset[str]], tuple[str, Sentence]] = {}
    stated: list[tuple[str, frozenset[str], float]] = []  # every source's prices: (source, unit, amount)
    for sentence in sentences:
        match = PRICE.search(sentence.text)
        if match:
            firsts.setdefault((sentence.source_id, unit_of(match.group(0))), (match.group(0), sentence))
            stated.append((sentence.source_id, unit_of(match.group(0)), amount(match.group(0))))

    def also_states(source: str, unit: frozenset[str], value: float) -> bool:
        """The source states this price too (in a unit naming the same thing): it agrees, and its other
        price is of another plan or product ("plans start at $55 a month"; "the add-on is $29")."""
        return any(
            where == source and _one_unit(own, unit) and not differ(price, value, PRICE_DISAGREE)
            for where, own, price in stated
        )

    items = list(firsts.items())
    for index, ((source, unit), (left, left_sentence)) in enumerate(items):
        for (other, other_unit), (right, right_sentence) in items[index + 1 :]:
            if other == source or not _one_unit(unit, other_unit):
                continue
            if also_states(source, other_unit, amount(right)) or also_states(other, unit, amount(left)):
                continue
            if not _one_price(left, right):
                continue
            if differ(amount(left), amount(right), PRICE_DISAGREE):
                sides = [
                    ConflictSide(value=value, year=year_of(s), source_ids=[s.source_id])
                    for value, s in ((left, left_sentence), (right, right_sentence))
                ]
                statement = (
                    f"Sources disagree on {name}'s price: {left} ({left_sentence.source_id}) vs {right} "
                    f"({right_sentence.source_id})."
                )
                return [Conflict(quantity=f"{name}'s price", sides=sides, statement=statement)]
    return []


def _one_price(left: str, right: str) -> bool:
    """Whether two amounts can be one product's price read by two sources: in the same currency (an
    exchange rate would make its own difference) and within PRICE_APART_MAX of each other."""
    if currency_code(left) != currency_code(right):
        return False
    low, high = sorted((amount(left), amount(right)))
    return low > 0 and high / low <= PRICE_APART_MAX


def _one_unit(left: frozenset[str], right: frozenset[str]) -> bool:
    """Both bare amounts, or one unit naming the other's words and maybe more."""
    return left == right or bool(left and right and (left <= right or right <= left))


def unit_of(price: str) -> frozenset[str]:
    """What a price is per, as words ("$29 per developer per month" -> {developer, month}; "EUR 49 a
    month" -> {month}; "KES 900 per repair visit" -> {repair, visit}); empty for a bare amount."""
    tail = re.split(r"\d(?=\D*$)", price, maxsplit=1)[-1]
    words = [word for word in re.findall(r"[A-Za-z]+", tail) if not word.isupper()]  # not "EUR" in "9 EUR"
    return frozenset(word.lower().rstrip("s") for word in words if word not in {"per", "a", "an", "each"})
