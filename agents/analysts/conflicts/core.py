"""What every kind of conflict shares: how far apart two values must be, how a measure is named, how a
conflict is written, and the small grammar (number words, clauses, changes over time) the kinds read."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Protocol

from agents.analysts.idea import STOPWORDS
from agents.analysts.sentences import YEAR, Sentence, stem
from agents.state import DATED_AFTER_YEARS, Conflict, ConflictSide

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
MIN_SHARED = 3
# a plural noun: regular, or one of the common irregular plurals of people ("children", "people")
PLURAL = r"[a-z-]+s|people|children|women|men"
SCALE_WORDS = {"million", "billion", "thousand", "percent", "cent"}
# a change over time or a breakdown is no disagreement: "rose from 2% to 4%", "up from 1.2 million"
CHANGE = re.compile(
    r"\b(?:rose|rise[sn]?|rising|fell|falls?|fallen|grew|grow(?:s|n|ing)?|increased?|decreased?|dropped"
    r"|drops?|climbed|doubled|halved|up from|down from|since|compared with|versus last|year on year)\b",
    re.IGNORECASE,
)


class Side(Protocol):
    """One side of a conflict between sources: a value as written, in a sentence of one source."""

    @property
    def written(self) -> str: ...

    @property
    def sentence(self) -> Sentence: ...


def number_word(word: str) -> float:
    """ "three" -> 3.0, "12" -> 12.0; 0.0 for a word that is no small number."""
    return float(NUMBER_WORDS.get(word.lower(), 0)) if not word.isdigit() else float(word)


def year_of(sentence: Sentence) -> str:
    match = YEAR.search(sentence.text)
    return match.group(0) if match else ""


def years_apart(left: Sentence, right: Sentence, years: Mapping[str, int]) -> bool:
    """Whether two sentences state values of years more than five apart (each the year it states, else
    its source's publication year): "82.7% in 2015" and a 2025 table's 94.1%, or a 2016 article's "about
    150 shops" and a 2026 page's 210, are a change over time, not a disagreement."""
    stated = [year_of(s)[:4] or str(years.get(s.source_id, "")) for s in (left, right)]
    return all(stated) and abs(int(stated[0]) - int(stated[1])) > DATED_AFTER_YEARS


def differ(left: float, right: float, ratio: float = DISAGREE) -> bool:
    high, low = max(left, right), min(left, right)
    return low > 0 and high / low >= ratio


def label(text: str, shared: frozenset[str], key: Callable[[str], str] = stem) -> str:
    """The measure's name in the reader's words: the shared words as the first sentence writes them,
    in its order (never the stems the matching uses; ``key`` is how it made them)."""
    words = [
        word
        for word in WORD.findall(text.lower())
        if key(word) in shared and not MEASURE.fullmatch(f"1 {word}")  # the unit is in the values
    ]
    return " ".join(dict.fromkeys(words).keys()) or "the same measure"


def conflict(
    what: str, left: Side, right: Side, vendor: frozenset[str] = frozenset(), note: str = ""
) -> Conflict:
    """Both values as written, with their years and sources; a vendor's own side is labelled, and a
    ``note`` says anything else a reader must know about the sides."""
    sides = [
        ConflictSide(value=m.written, year=year_of(m.sentence), source_ids=[m.sentence.source_id])
        for m in (left, right)
    ]
    labels = [f"{s.value} ({', '.join(p for p in (s.year, *s.source_ids) if p)})" for s in sides]
    claimed = (
        "; one side is a vendor's own claim"
        if {*vendor} & {left.sentence.source_id, right.sentence.source_id}
        else ""
    )
    noted = f"; {note}" if note else ""
    statement = f"Sources disagree on {what}: {labels[0]} vs {labels[1]}{claimed}{noted}."
    return Conflict(quantity=what, sides=sides, statement=statement)


def share_base(after: str) -> frozenset[str]:
    """What a share is a share of, from the text just after it (" of intake spending" -> {intak, spend});
    empty when unstated."""
    match = SHARE_BASE.match(after)
    if not match:
        return frozenset()
    return frozenset(stem(word) for word in WORD.findall(match.group(1).lower()) if word not in STOPWORDS)


# a concession opens a clause of its own too: "14% use one, though 38% have tried one"
CLAUSE_CUT = re.compile(r"[;:]|,\s(?:but|whereas|while|yet|though|although)\s|\s(?:but|whereas)\s")


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause around ``start:end`` begins and ends (cut at ";", ":", and ", but", ", whereas",
    ", while", ", though")."""
    left = max((m.end() for m in CLAUSE_CUT.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in CLAUSE_CUT.finditer(text, end)), len(text))
    return left, right


def clause_of(text: str, start: int, end: int) -> str:
    """The clause around ``start:end`` (see ``clause_span``)."""
    left, right = clause_span(text, start, end)
    return text[left:right]
