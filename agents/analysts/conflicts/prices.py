"""A competitor priced differently by two sources: "EUR 49 a month" on one page, "EUR 59" on another."""

from __future__ import annotations

from agents.analysts.amounts import PRICE, amount
from agents.analysts.conflicts.core import differ, year_of
from agents.analysts.sentences import Sentence
from agents.state import Conflict, ConflictSide

PRICE_DISAGREE = 1.05  # a list price is exact, not an estimate: 5% apart is a different price


def price_conflicts(name: str, sentences: list[Sentence]) -> list[Conflict]:
    """A competitor priced differently by different sources (its first price in each)."""
    firsts: dict[str, tuple[str, Sentence]] = {}
    for sentence in sentences:
        match = PRICE.search(sentence.text)
        if match and sentence.source_id not in firsts:
            firsts[sentence.source_id] = (match.group(0), sentence)
    items = list(firsts.values())
    for index, (left, left_sentence) in enumerate(items):
        for right, right_sentence in items[index + 1 :]:
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
