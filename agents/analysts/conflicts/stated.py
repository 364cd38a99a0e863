"""Disagreements a single source states itself, with both values.

"Estimates vary: the bureau counted 1.9 million, the association says 4.5 million"; "vendors advertise
'from 2%', but our review found 4.5% to 7%"; "the figure most often quoted is four in ten … our own
weighing found 24%". The source states both sides; a careful reader reports them as a disagreement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agents.analysts.amounts import MONEY, amount
from agents.analysts.conflicts.core import (
    CHANGE,
    NUMBER_WORDS,
    PLURAL,
    SCALE_WORDS,
    WORD,
    clause_of,
    differ,
    label,
    number_word,
    share_base,
)
from agents.analysts.figures import money_kind
from agents.analysts.idea import GENERIC, STOPWORDS
from agents.analysts.sentences import YEAR, Sentence, stem
from agents.state import Conflict, ConflictSide

DISPUTE = re.compile(
    r"\b(?:var(?:y|ies|ied)|differ(?:s|ed)?|disagree\w*|disputed?|contradict\w*|conflicting|inconsistent"
    r"|(?:most |more |often |commonly |widely |frequently )(?:quoted|cited|repeated)|oft-(?:quoted|cited)"
    r"|(?:higher|lower|larger|smaller|official|headline|marketing|true|real) (?:figure|number|estimate|count)"
    r"|overstat\w*|understat\w*|inflated|exaggerat\w*|advertis\w*|claims? (?:that|to)|claimed"
    r"|in practice|in reality|our own (?:count|estimate|figure|data|assessment|measure|survey|review)"
    r"|effective (?:cost|rate|price|fee|interest|charge)"
    # one figure set against another: "that is almost twice the 13% forecast by …", "half the figure …"
    r"|(?:twice|double|triple|three times|half|a third of) the)\b",
    re.IGNORECASE,
)
# a plain contrast ("…, but the association says 4.5 million") is a cue only between two attributed views
CONTRAST = re.compile(r"\b(?:but|however|whereas|by contrast)\b", re.IGNORECASE)
# who says so: each side of a stated disagreement is attributed (counted, says, found, advertises…)
ATTRIBUTED = re.compile(
    r"\b(?:count(?:s|ed)?|says?|said|estimates?d?|found|finds|reports?|reported|puts?|according to"
    r"|claims? (?:that|to)|claimed|advertis\w*|quoted|cited|measured|surveyed|tally|tallied|registered"
    r"|weighed|calculated?|calculates|review|assessments?|census|records?"
    r"|(?:forecast(?:s|ed)?|projected|expected|predicted) by)\b",
    re.IGNORECASE,
)
REPORTED = re.compile(
    r"\b(?:count(?:s|ed)?|says?|said|estimates?d?|found|finds|reports?|reported|puts?|according to)\b", re.I
)
STATED = re.compile(
    # a percentage or a range of them ("4.5% to 7%", "4.5-7%"), a share as a ratio ("four in ten"),
    # a scaled count or sum ("1.9 million", "USD 14 million"), or a count with thousands ("120,000 farmers")
    r"(?P<share>(?:\d{1,3}(?:\.\d+)?\s?%?\s?(?:to|-|\u2013)\s?)?\d+(?:\.\d+)?\s?(?:%|percent\b|per cent\b))"
    r"|(?P<ratio>\b(?:one|two|three|four|five|six|seven|eight|nine|\d)\s(?:in|out of)\s"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\b)"
    r"|(?P<money>" + MONEY.pattern + r")"
    r"|(?P<count>(?<![\w$€£.,])\d+(?:\.\d+)?\s?(?:million|billion)\b|(?<![\w$€£.,])\d{1,3}(?:,\d{3})+(?!\.\d))",
    re.IGNORECASE,
)
STATED_LIMIT = 3
WINDOW = 3  # the cue's sentence and its neighbours: a stated disagreement spans a short paragraph


@dataclass(frozen=True)
class Stated:
    """One side of a disagreement a source states: the value as written, its number, unit and clause."""

    value: float
    written: str
    unit: str
    clause: str
    sentence: Sentence


def _stated(sentence: Sentence) -> list[Stated]:
    found = []
    for match in STATED.finditer(sentence.text):
        kind = next(name for name in ("share", "ratio", "money", "count") if match.group(name))
        written = match.group(0).strip()
        around = clause_of(sentence.text, match.start(), match.end())
        if kind == "share":
            numbers = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", written)]
            value, unit = numbers[0], "%"
        elif kind == "ratio":
            parts = written.lower().replace("out of", "in").split(" in ")
            part, whole = number_word(parts[0]), number_word(parts[1])
            if not 0 < part <= whole:
                continue
            value, unit = round(100 * part / whole, 1), "%"
        elif kind == "money":
            value, unit = amount(written), "money"
        else:
            if YEAR.fullmatch(written):
                continue
            number = float(re.sub(r"[^\d.]", "", written.split()[0]) or 0)
            scale = 1e9 if "billion" in written.lower() else 1e6 if "million" in written.lower() else 1.0
            value, unit = number * scale, "count"
        if value > 0:
            found.append(Stated(value, written, unit, around, sentence))
    return found


def _year_near(side: Stated) -> str:
    match = YEAR.search(side.clause)
    return match.group(0) if match else ""


def _apart(left: Stated, right: Stated) -> bool:
    """Values a quarter or more apart (a range counts by its end nearer the other value)."""

    def ends(side: Stated) -> list[float]:
        if side.unit != "%":
            return [side.value]
        return [float(n) for n in re.findall(r"\d+(?:\.\d+)?", side.written)] or [side.value]

    pairs = [(a, b) for a in ends(left) for b in ends(right)]
    return all(differ(a, b) for a, b in pairs)


def stated_disagreements(sentences: list[Sentence]) -> list[Conflict]:
    """Disagreements a single source states itself, with both values (see ``DISPUTE``).

    A cue of disagreement ("vary", "most often quoted", "advertise … but", "our own count") within a
    short run of sentences, and two values of one unit, each in its own clause attributed to someone
    ("counted", "says", "found"), a quarter or more apart. Changes over time ("rose from"), values of
    two different years, and shares of different things ("of women" vs "of men") are not disagreements.
    """
    by_source: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        by_source.setdefault(sentence.source_id, []).append(sentence)
    found: list[Conflict] = []
    seen: set[frozenset[str]] = set()
    for source_id, items in by_source.items():
        items = sorted(items, key=lambda s: s.position)
        for index, cue in enumerate(items):
            if not (DISPUTE.search(cue.text) or CONTRAST.search(cue.text)):
                continue
            strong = bool(DISPUTE.search(cue.text))
            window = [
                s
                for s in items[max(0, index - 1) : index + WINDOW]
                if abs(s.position - cue.position) < WINDOW
            ]
            sides = [side for s in window for side in _stated(s)]
            if not strong:  # a plain contrast: both sides in the cue's sentence, each said by someone
                sides = [side for side in sides if side.sentence is cue and REPORTED.search(side.clause)]
            pair = _disputed_pair(sides)
            if pair is None:
                continue
            left, right = pair
            key = frozenset({left.written, right.written})
            if key in seen:
                continue
            seen.add(key)
            found.append(_stated_conflict(source_id, left, right, cue))
    return found[:STATED_LIMIT]


def _disputed_pair(sides: list[Stated]) -> tuple[Stated, Stated] | None:
    for index, left in enumerate(sides):
        for right in sides[index + 1 :]:
            if left.unit != right.unit or left.clause == right.clause:
                continue
            if not (ATTRIBUTED.search(left.clause) and ATTRIBUTED.search(right.clause)):
                continue
            if CHANGE.search(left.clause) or CHANGE.search(right.clause):
                continue
            years = {_year_near(left), _year_near(right)}
            if len(years - {""}) > 1:
                continue  # two years: a series, not two views of one figure
            if not _apart(left, right):
                continue
            if left.unit == "%" and not _same_share(left, right):
                continue
            if not _same_thing(left, right):
                continue
            return left, right
    return None


COUNTED = re.compile(r"^\s+(?:(?:[a-z-]+\s){0,2}?)(" + PLURAL + r")\b")


def _same_thing(left: Stated, right: Stated) -> bool:
    """Two sums of one kind (not revenue against a market), two counts of one noun when both name it."""
    if left.unit == "money":
        kinds = [
            money_kind(side.clause, side.clause[: side.clause.find(side.written)]) for side in (left, right)
        ]
        return kinds[0] == kinds[1]
    if left.unit == "count":
        nouns = []
        for side in (left, right):
            after = COUNTED.match(
                side.sentence.text[side.sentence.text.find(side.written) + len(side.written) :]
            )
            nouns.append(stem(after.group(1)) if after else "")
        return not (nouns[0] and nouns[1]) or nouns[0] == nouns[1]
    return True


def _same_share(left: Stated, right: Stated) -> bool:
    bases = [
        share_base(side.clause[side.clause.find(side.written) + len(side.written) :])
        for side in (left, right)
    ]
    return not (bases[0] and bases[1]) or bool(bases[0] & bases[1])


NAMED_MEASURE = re.compile(
    r"\b(?:estimates?|figures?|counts?|numbers?|measures?) (?:of|for) (?:the |a |an )?([\w' -]{3,50}?)"
    r"\s(?:var(?:y|ies)|differ|disagree)",
    re.IGNORECASE,
)


def _named(cue: Sentence, left: Stated, right: Stated) -> str:
    """The measure as the source names it ("Estimates of the freelancer population vary" -> …)."""
    for sentence in (cue, left.sentence, right.sentence):
        match = NAMED_MEASURE.search(sentence.text)
        if match:
            return match.group(1).strip()
    return ""


def _before(side: Stated) -> str:
    """The word naming a value just before it in its clause ("advertise a fee 'from 3%'" -> "fee")."""
    head = side.clause[: side.clause.find(side.written)]
    content = [
        w
        for w in WORD.findall(head.lower())
        if w not in STOPWORDS
        and w not in SCALE_WORDS
        and not ATTRIBUTED.fullmatch(w)
        and not DISPUTE.fullmatch(w)
    ]
    return content[-1] if content else ""


def _noun(side: Stated) -> str:
    """What a count counts, as written after it ("42,000 beekeepers" -> "beekeepers"); "" otherwise."""
    if side.unit != "count":
        return ""
    text = side.sentence.text
    after = COUNTED.match(text[text.find(side.written) + len(side.written) :])
    return after.group(1) if after else ""


def _stated_conflict(source_id: str, left: Stated, right: Stated, cue: Sentence) -> Conflict:
    def content(text: str) -> frozenset[str]:
        return frozenset(
            stem(w)
            for w in WORD.findall(text.lower())
            if w not in STOPWORDS
            and w not in GENERIC
            and w not in SCALE_WORDS
            and w not in NUMBER_WORDS
            and not ATTRIBUTED.fullmatch(w)
        )

    shared = content(left.clause) & content(right.clause)
    what = (
        _named(cue, left, right)
        or _noun(left)
        or _noun(right)
        or (label(left.clause, shared) if shared else "")
        or _before(left)
        or "one figure"
    )
    sides = [
        ConflictSide(value=side.written, year=_year_near(side), source_ids=[source_id])
        for side in (left, right)
    ]
    labels = [f"{s.value} ({s.year})" if s.year else s.value for s in sides]
    statement = (
        f"Figures disagree on {what}, as {source_id} itself reports: {labels[0]} vs {labels[1]} "
        f"({source_id})."
    )
    return Conflict(quantity=what, sides=sides, statement=statement)
