"""False conflicts: a report "conflict" pairing two values that are not one quantity.

A conflict is surfaced to warn that sources disagree on the same thing. One that sets a share
against a count, a market total against a price, or days against a percentage is noise that a
reader would have to see through, so the grader counts it as a trap hit (id ``false-conflict``).
A conflict is false when neither of its sides is a side of a contradiction the corpus lists and its
two values are different kinds of measure (read from the values alone, so the same rule grades any
analyst). Sides whose kind cannot be read are never judged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eval.expectations import Contradiction
from eval.matching import matches, normalise

FALSE_CONFLICT = "false-conflict"
NUMBER_WORD = r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)"
SHARE = re.compile(rf"\d\s?%|\b{NUMBER_WORD}\s(?:out of|in)\s{NUMBER_WORD}\b")
DURATION = re.compile(r"\d\s?(?:minutes?|hours?|days?|weeks?|months?|years?)\b")
MONEY = re.compile(r"[$€£¥₹₦₱₩₪₺₫₴฿]\s?\d")
CODE = re.compile(
    r"\b[A-Z]{3}\s?\d|(?:\d|thousand|million|billion)\s?[A-Z]{3}\b"
)  # "KES 900", "3.5 billion USD" (read before lower-casing)
SCALED = re.compile(r"\d\s?(?:thousand|million|billion|trillion)\b")
COUNT = re.compile(r"\d[\d.]*\s(?:thousand\s|million\s|billion\s)?(?:[a-z-]+\s){0,2}?[a-z-]+s\b")


def measure_kind(value: str) -> str:
    """What a value measures, from its form: share, duration, money total, price, count, or ""."""
    text = normalise(value)
    if SHARE.search(text):
        return "share"
    if DURATION.search(text):
        return "duration"
    if MONEY.search(text) or CODE.search(value):
        return "money total" if SCALED.search(text) else "price"
    if COUNT.search(text):
        return "count"
    return ""


def _listed(value: str, contradictions: list[Contradiction]) -> bool:
    return any(matches(value, side) for item in contradictions for side in item.sides)


def _entries(node: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every conflict entry anywhere in the report, with its JSON path."""

    def walk(value: Any, path: str) -> Iterator[tuple[str, dict[str, Any]]]:
        if isinstance(value, dict):
            for key, inner in value.items():
                if key == "conflicts" and isinstance(inner, list):
                    for index, entry in enumerate(inner):
                        if isinstance(entry, dict):
                            yield f"{path}{key}[{index}]", entry
                else:
                    yield from walk(inner, f"{path}{key}.")
        elif isinstance(value, list):
            for index, inner in enumerate(value):
                yield from walk(inner, f"{path}[{index}].")

    yield from walk(node, "")


def false_conflicts(report: dict[str, Any], contradictions: list[Contradiction]) -> list[dict[str, Any]]:
    """Trap hits for conflicts whose two sides are different kinds of measure (each conflict once)."""
    hits: list[dict[str, Any]] = []
    seen: set[tuple[str, ...]] = set()
    for path, entry in _entries(report):
        sides = entry.get("sides")
        if not isinstance(sides, list) or len(sides) != 2:
            continue
        values = [str(side.get("value", "")) if isinstance(side, dict) else str(side) for side in sides]
        key = tuple(values)
        if key in seen:  # Report.conflicts repeats the findings' conflicts
            continue
        seen.add(key)
        kinds = [measure_kind(value) for value in values]
        if not all(kinds) or kinds[0] == kinds[1]:
            continue
        if any(_listed(value, contradictions) for value in values):
            continue
        hits.append(
            {
                "id": FALSE_CONFLICT,
                "where": path,
                "why": f"{values[0]} ({kinds[0]}) vs {values[1]} ({kinds[1]}) are not one quantity",
            }
        )
    return hits
