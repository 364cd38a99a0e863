"""Sources that state the same measure differently: "6 days" in one, "11 days" in another.

Two sentences from different sources measure the same thing when they carry one number in the same
unit (a percentage, a duration, a count of the same kind of thing, a competitor's price) and share
most of their content words ("average time from first notice of loss to a completed inspection").
When their values differ by a quarter or more, the report says so with both values and sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agents.analysts.amounts import PRICE, amount
from agents.analysts.idea import GENERIC, STOPWORDS
from agents.analysts.sentences import YEAR, Sentence, stem
from agents.state import Conflict, ConflictSide

MEASURE = re.compile(
    r"(?P<number>\d+(?:\.\d+)?)\s?"
    r"(?P<unit>%|percent\b|per cent\b|(?:days?|hours?|weeks?|minutes?|months?)\b)"
    # "9 out of 10", "three in four": a share written as a ratio
    r"|(?P<part>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s(?:out of|in)\s"
    r"(?P<whole>\d+|two|three|four|five|six|seven|eight|nine|ten)\b",
    re.IGNORECASE,
)
NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    )
}
WORD = re.compile(r"[a-z][a-z0-9-]+")  # "b2", "covid-19": codes name measures too
DISAGREE = 1.25
SHARE_BASE = re.compile(
    r"\s+of\s+(?:the\s+|all\s+|their\s+|our\s+)?((?:[a-z][a-z-]*\s?){1,3})", re.IGNORECASE
)
PRICE_DISAGREE = 1.05  # a list price is exact, not an estimate: 5% apart is a different price
MIN_SHARED = 3
MIN_OVERLAP = 0.5
LIMIT = 3


@dataclass(frozen=True)
class Measure:
    """One number of a sentence, its unit and the content words around it."""

    value: float
    written: str
    unit: str
    words: frozenset[str]
    sentence: Sentence


def _unit(text: str) -> str:
    unit = text.lower()
    return "%" if unit in {"%", "percent", "per cent"} else unit.rstrip("s")


def measures(sentence: Sentence) -> list[Measure]:
    """The sentence's first measure of each unit, with its content words."""
    found = [match for match in MEASURE.finditer(sentence.text) if _value(match) is not None]
    # a stated figure before a ratio that rounds it: "fewer than one in five (18%)" is 18%
    found.sort(key=lambda match: (match.group("number") is None, match.start()))
    units = [_unit(match.group("unit") or "%") for match in found]
    content = frozenset(
        stem(part)
        for word in WORD.findall(sentence.text.lower())
        for part in {word, *word.split("-")}  # "first-attempt" also counts as "first" and "attempt"
        if len(part) > 1 and part not in STOPWORDS and part not in GENERIC
    )
    return [
        Measure(_value(match) or 0.0, match.group(0), unit, content, sentence)
        for index, (match, unit) in enumerate(zip(found, units, strict=True))
        if unit not in units[:index]
    ]


def _count(word: str) -> float:
    return float(NUMBER_WORDS.get(word.lower(), 0)) if not word.isdigit() else float(word)


def _value(match: re.Match[str]) -> float | None:
    """The measure's number; a ratio as a percentage ("9 out of 10" -> 90); None for "2 in 2024"."""
    if match.group("number"):
        return float(match.group("number"))
    part, whole = _count(match.group("part")), _count(match.group("whole"))
    if not 0 < part <= whole or whole > 100:
        return None
    return round(100 * part / whole, 1)


def _year(sentence: Sentence) -> str:
    match = YEAR.search(sentence.text)
    return match.group(0) if match else ""


def _differ(left: float, right: float, ratio: float = DISAGREE) -> bool:
    high, low = max(left, right), min(left, right)
    return low > 0 and high / low >= ratio


def _label(text: str, shared: frozenset[str]) -> str:
    """The measure's name in the reader's words: the shared words as the first sentence writes them,
    in its order (never the stems the matching uses)."""
    words = [
        word
        for word in WORD.findall(text.lower())
        if stem(word) in shared and not MEASURE.fullmatch(f"1 {word}")  # the unit is in the values
    ]
    return " ".join(dict.fromkeys(words).keys()) or "the same measure"


def _conflict(what: str, left: Measure, right: Measure, vendor: frozenset[str] = frozenset()) -> Conflict:
    sides = [
        ConflictSide(value=m.written, year=_year(m.sentence), source_ids=[m.sentence.source_id])
        for m in (left, right)
    ]
    labels = [f"{s.value} ({', '.join(p for p in (s.year, *s.source_ids) if p)})" for s in sides]
    claimed = (
        "; one side is a vendor's own claim"
        if {*vendor} & {left.sentence.source_id, right.sentence.source_id}
        else ""
    )
    statement = f"Sources disagree on {what}: {labels[0]} vs {labels[1]}{claimed}."
    return Conflict(quantity=what, sides=sides, statement=statement)


def base_of(measure: Measure) -> frozenset[str]:
    """What a share is a share of: "38% of intake spending" -> {intak, spend}; empty when unstated."""
    if measure.unit != "%":
        return frozenset()
    text = measure.sentence.text
    start = text.find(measure.written) + len(measure.written)
    after = SHARE_BASE.match(text[start:])
    if not after:
        return frozenset()
    return frozenset(stem(word) for word in WORD.findall(after.group(1).lower()) if word not in STOPWORDS)


def _same_base(left: Measure, right: Measure) -> bool:
    """Two shares can be one quantity unless both say what they are shares of and those differ
    ("38% of intake spending" is not "23% of firms")."""
    left_base, right_base = base_of(left), base_of(right)
    return not (left_base and right_base) or bool(left_base & right_base)


def measure_conflicts(sentences: list[Sentence], vendor: frozenset[str] = frozenset()) -> list[Conflict]:
    """Pairs of sentences from different sources measuring the same thing with different values.

    A vendor's own figure ("9 out of 10 of our students pass") may be one side, labelled as its
    claim and listed after independent pairs; two vendors' claims are never set against each other.
    """
    pool = [measure for sentence in sentences for measure in measures(sentence)]
    scored: list[tuple[tuple[bool, float], Conflict]] = []
    seen: set[frozenset[str]] = set()
    for index, left in enumerate(pool):
        for right in pool[index + 1 :]:
            if left.unit != right.unit or left.sentence.source_id == right.sentence.source_id:
                continue
            shared = left.words & right.words
            overlap = len(shared) / max(1, min(len(left.words), len(right.words)))
            key = frozenset({left.sentence.text, right.sentence.text})
            if len(shared) < MIN_SHARED or overlap < MIN_OVERLAP or key in seen:
                continue
            claimed = [m.sentence.source_id in vendor for m in (left, right)]
            if all(claimed):
                continue
            if not _differ(left.value, right.value) or not _same_base(left, right):
                continue
            seen.add(key)
            conflict = _conflict(_label(left.sentence.text, shared), left, right, vendor)
            scored.append(((not any(claimed), overlap), conflict))
    scored.sort(key=lambda item: item[0], reverse=True)
    return [conflict for _, conflict in scored[:LIMIT]]


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
            if _differ(amount(left), amount(right), PRICE_DISAGREE):
                sides = [
                    ConflictSide(value=value, year=_year(s), source_ids=[s.source_id])
                    for value, s in ((left, left_sentence), (right, right_sentence))
                ]
                statement = (
                    f"Sources disagree on {name}'s price: {left} ({left_sentence.source_id}) vs {right} "
                    f"({right_sentence.source_id})."
                )
                return [Conflict(quantity=f"{name}'s price", sides=sides, statement=statement)]
    return []
