"""Sources that state the same measure differently: "6 days" in one, "11 days" in another.

Two sentences from different sources measure the same thing when they carry one number in the same
unit (a percentage, a duration, a count of the same kind of thing, a competitor's price) and share
most of their content words ("average time from first notice of loss to a completed inspection").
When their values differ by a quarter or more, the report says so with both values and sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agents.analysts.amounts import MONEY, PRICE, amount
from agents.analysts.figures import money_kind
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
TERSE_WORDS = 4
# a product's limit is no measurement: "advances of up to 80% of an invoice", "as much as 40% off"
LIMIT_WORDS = re.compile(r"\b(?:up to|as much as|at most|a maximum of|maximum of)\s$", re.IGNORECASE)
# generic for an idea, yet what a share measures: "26% use a CGM" and "14% used a CGM" are one measure
USE = {"use": "use", "used": "use", "uses": "use", "using": "use"}
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
    found = [
        match
        for match in MEASURE.finditer(sentence.text)
        if _value(match) is not None and not LIMIT_WORDS.search(sentence.text[: match.start()])
    ]
    # a stated figure before a ratio that rounds it: "fewer than one in five (18%)" is 18%
    found.sort(key=lambda match: (match.group("number") is None, match.start()))
    units = [_unit(match.group("unit") or "%") for match in found]
    content = frozenset(
        USE.get(part, stem(part))
        for word in WORD.findall(sentence.text.lower())
        for part in {word, *word.split("-")}  # "first-attempt" also counts as "first" and "attempt"
        if len(part) > 1 and part not in STOPWORDS and (part not in GENERIC or part in USE)
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


def _conflict(
    what: str, left: Measure | Count, right: Measure | Count, vendor: frozenset[str] = frozenset()
) -> Conflict:
    """Both values as written, with their years and sources; a vendor's own side is labelled."""
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
            # a terse line ("**CGM use.** 26% currently use a CGM.") names its measure in few words: two
            # shared are enough when they are most of them
            terse = min(len(left.words), len(right.words)) <= TERSE_WORDS
            if len(shared) < (2 if terse else MIN_SHARED) or overlap < MIN_OVERLAP or key in seen:
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


# --- one source reporting a disagreement itself ---------------------------------------------------
# "Estimates vary: the bureau counted 1.9 million, the association says 4.5 million"; "vendors advertise
# 'from 2%', but our review found 4.5% to 7%"; "the figure most often quoted is four in ten … our own
# weighing found 24%". The source states both sides; a careful reader reports them as a disagreement.
DISPUTE = re.compile(
    r"\b(?:var(?:y|ies|ied)|differ(?:s|ed)?|disagree\w*|disputed?|contradict\w*|conflicting|inconsistent"
    r"|(?:most |more |often |commonly |widely |frequently )(?:quoted|cited|repeated)|oft-(?:quoted|cited)"
    r"|(?:higher|lower|larger|smaller|official|headline|marketing|true|real) (?:figure|number|estimate|count)"
    r"|overstat\w*|understat\w*|inflated|exaggerat\w*|advertis\w*|claims? (?:that|to)|claimed"
    r"|in practice|in reality|our own (?:count|estimate|figure|data|assessment|measure|survey|review)"
    r"|effective (?:cost|rate|price|fee|interest|charge))\b",
    re.IGNORECASE,
)
# a plain contrast ("…, but the association says 4.5 million") is a cue only between two attributed views
CONTRAST = re.compile(r"\b(?:but|however|whereas|by contrast)\b", re.IGNORECASE)
# who says so: each side of a stated disagreement is attributed (counted, says, found, advertises…)
ATTRIBUTED = re.compile(
    r"\b(?:count(?:s|ed)?|says?|said|estimates?d?|found|finds|reports?|reported|puts?|according to"
    r"|claims? (?:that|to)|claimed|advertis\w*|quoted|cited|measured|surveyed|tally|tallied|registered"
    r"|weighed|calculated?|calculates|review|assessments?|census|records?)\b",
    re.IGNORECASE,
)
REPORTED = re.compile(
    r"\b(?:count(?:s|ed)?|says?|said|estimates?d?|found|finds|reports?|reported|puts?|according to)\b", re.I
)
# a change over time or a breakdown is no disagreement: "rose from 2% to 4%", "up from 1.2 million"
CHANGE = re.compile(
    r"\b(?:rose|rise[sn]?|rising|fell|falls?|fallen|grew|grow(?:s|n|ing)?|increased?|decreased?|dropped"
    r"|drops?|climbed|doubled|halved|up from|down from|since|compared with|versus last|year on year)\b",
    re.IGNORECASE,
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
            part, whole = _count(parts[0]), _count(parts[1])
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


def clause_of(text: str, start: int, end: int) -> str:
    """The clause around ``start:end`` (cut at ";", ":", and ", but", ", whereas", ", while")."""
    cut = re.compile(r"[;:]|,\s(?:but|whereas|while|yet)\s|\s(?:but|whereas)\s")
    left = max((m.end() for m in cut.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in cut.finditer(text, end)), len(text))
    return text[left:right]


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
    return all(_differ(a, b) for a, b in pairs)


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


COUNTED = re.compile(r"^\s+(?:(?:[a-z-]+\s){0,2}?)([a-z-]+s|people)\b")


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
    bases = []
    for side in (left, right):
        start = side.clause.find(side.written) + len(side.written)
        after = SHARE_BASE.match(side.clause[start:])
        bases.append(
            frozenset(stem(w) for w in WORD.findall(after.group(1).lower()) if w not in STOPWORDS)
            if after
            else frozenset()
        )
    return not (bases[0] and bases[1]) or bool(bases[0] & bases[1])


SCALE_WORDS = {"million", "billion", "thousand", "percent", "cent"}
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
        or (_label(left.clause, shared) if shared else "")
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


# --- counts of one thing across sources ----------------------------------------------------------
# "More than 6,000 engineering organisations already pay for X" (a vendor) vs "we count about 2,300
# organisations that paid for X" (an analyst): one count, two values.
COUNT_OF = re.compile(
    r"(?<![\w$€£.,])(?P<number>\d{1,3}(?:,\d{3})+(?!\.\d)|\d+(?:\.\d+)?\s?(?:million|billion|thousand)"
    # a plain number under a thousand only when approximated ("about 310 firms") or claimed as a running
    # total ("already 310 firms"): "46 farms" is a sample
    r"|(?:"
    + "|".join(
        f"(?<={word} )"
        for word in ("about", "around", "roughly", "nearly", "almost", "some", "than", "already", "Already")
    )
    + r")\d{2,3})"
    r"\s+(?:(?!(?:in|of|on|for|to|from|at|by|per|a|an|the)\s)[A-Za-z-]+\s){0,3}?(?P<noun>[a-z-]+s|people)\b"
)
# the count is a sample ("we surveyed 1,200 firms", "a panel of 2,000 adults", "1,500 respondents")
SAMPLE = re.compile(
    r"\b(?:surveyed|interviewed|polled|asked|questioned|(?:sample|panel|survey|poll) of)"
    r"\s(?:about\s|some\s)?$",
    re.IGNORECASE,
)
SAMPLE_NOUN = {"respondent", "participant", "interviewe", "interviewee", "responde"}
# a statistics table's row: "Commercial electric cargo bikes: 28,000 were in business use"
LABELLED = re.compile(
    r"(?P<noun>[a-z-]+s)\b(?:\s(?:in|on|at|under)\s[a-z-]+)?\s?(?::|\.{3,})\s*"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?!\.\d)|\d+(?:\.\d+)?\s?(?:million|billion))(?!\s?%)",
    re.IGNORECASE,
)
AHEAD = re.compile(r"\b(?:will|by (?:19|20)\d{2}|forecast\w*|expect\w*|projected|could|target\w*)\b", re.I)
NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:[A-Z][a-z]+)*\b|\b[A-Z][a-z]*[A-Z]\w*\b")
# a count stated of an earlier time, not of today ("at the time fewer than 40 firms used it")
BEHIND = re.compile(r"\b(?:at (?:the|that) time|back then|in those days|until then)\b", re.I)
COUNT_LIMIT = 2
# nouns for the parties a product or marketplace serves: one firm's users counted under two of these
# ("25,000 businesses use Acme" on Acme's page vs "Acme had 8,000 active buyers" elsewhere) count one thing
USER_NOUNS = frozenset(
    stem(word)
    for word in (
        "users",
        "customers",
        "clients",
        "members",
        "subscribers",
        "buyers",
        "sellers",
        "businesses",
        "companies",
        "firms",
        "merchants",
        "accounts",
        "organisations",
        "organizations",
        "vendors",
    )
)


@dataclass(frozen=True)
class Count:
    """A count of things a sentence states ("2,300 organisations"), with what identifies it."""

    value: float
    written: str
    noun: str
    plural: str  # the noun as written ("organisations")
    names: frozenset[str]
    words: frozenset[str]
    sentence: Sentence


def _counts(sentence: Sentence, owner: str = "") -> list[Count]:
    found = []
    for match in [*COUNT_OF.finditer(sentence.text), *LABELLED.finditer(sentence.text)]:
        number = match.group("number")
        if any(m.start() <= match.start("number") < m.end() for m in MONEY.finditer(sentence.text)):
            continue  # "USD 1.2 billion in payments" is a sum, not a count
        if re.search(
            r"\d\s?(?:to|-|\u2013)\s?$",
            sentence.text[max(0, match.start("number") - 8) : match.start("number")],
        ):
            continue  # "firms of 500 to 5,000 employees" describes firms' sizes
        around = clause_of(sentence.text, match.start(), match.end())
        if CHANGE.search(around) or AHEAD.search(around) or BEHIND.search(sentence.text):
            continue
        if SAMPLE.search(sentence.text[: match.start("number")]) or stem(match.group("noun")) in SAMPLE_NOUN:
            continue
        digits = float(re.sub(r"[^\d.]", "", number.split()[0]) or 0)
        scale = next(
            (v for k, v in (("billion", 1e9), ("million", 1e6), ("thousand", 1e3)) if k in number), 1.0
        )
        noun = match.group("noun")
        names = frozenset(
            name.lower()
            for name in NAME.findall(sentence.text)
            if name.lower() not in STOPWORDS and not _place(name)
        ) | ({owner} if owner else set())
        words = frozenset(
            stem(w)
            for w in WORD.findall(sentence.text.lower())
            for w in {w, *w.split("-")}
            if len(w) > 2 and w not in STOPWORDS and w not in GENERIC and w not in SCALE_WORDS
        ) - {stem(noun)}
        written = match.group(0) if match.re is COUNT_OF else number
        found.append(Count(digits * scale, written, stem(noun), noun, names, words, sentence))
    return found


def owner(url: str) -> str:
    """The name a site goes by, from its host ("https://www.acme.example/pricing" -> "acme")."""
    host = re.sub(r"^[a-z]+://", "", url.lower()).split("/", 1)[0]
    labels = [label for label in host.split(".") if label not in {"www", "app", "shop", "get", "try"}]
    return labels[0] if labels else ""


def _place(name: str) -> bool:
    from agents.analysts.figures import PLACES, places_in

    return name in PLACES or bool(places_in(name))


def count_conflicts(
    sentences: list[Sentence],
    owners: dict[str, str],
    usable: frozenset[str],
    idea_nouns: frozenset[str] = frozenset(),
    vendor: frozenset[str] = frozenset(),
) -> list[Conflict]:
    """Two sources counting one thing differently: the same noun, a named product or firm in common
    (or three more shared words), a quarter or more apart. ``owners`` names whose page a source is (a
    vendor's own site, by its host: "acme.example/pricing" is Acme's), so "trusted by 1,200 employers"
    there and "310 employers offering Acme" elsewhere count one thing. Counts come from ``usable`` (relevant)
    sources, and from any retrieved source when they count the idea's own customers or units
    (``idea_nouns``): a statistics page not about the product still counts its customers. Samples
    ("we surveyed 1,200 firms"), changes and forecasts are not counts of the thing today."""
    pool = [
        count
        for sentence in sentences
        for count in _counts(sentence, owners.get(sentence.source_id, ""))
        if sentence.source_id in usable or count.noun in idea_nouns
    ]
    scored: list[tuple[tuple[bool, int, int], Conflict]] = []
    seen: set[frozenset[str]] = set()
    for index, left in enumerate(pool):
        for right in pool[index + 1 :]:
            if left.sentence.source_id == right.sentence.source_id:
                continue
            claimed = [count.sentence.source_id in vendor for count in (left, right)]
            if all(claimed) or not _differ(left.value, right.value):
                continue
            named = left.names & right.names
            if left.noun != right.noun and not _users_of_one(left, right, named, claimed):
                continue
            shared = len(left.words & right.words)
            if not named and shared < MIN_SHARED and not _exceeds_total(left, right, claimed):
                continue
            years = {_year(left.sentence), _year(right.sentence)} - {""}
            if len(years) > 1 and not any(claimed):
                continue  # two years of one count is a series
            key = frozenset({left.written, right.written})
            if key in seen:
                continue
            seen.add(key)
            rank = (not any(claimed), len(named), shared)
            scored.append((rank, _count_conflict(left, right, named, vendor)))
    scored.sort(key=lambda item: item[0], reverse=True)
    return [conflict for _, conflict in scored[:COUNT_LIMIT]]


# a count across every product of a kind: "breweries that use any monitoring", "across all vendors"
ACROSS = re.compile(
    r"\b(?:use|using|used|with|have|has|buy|buying)\s+any\b"
    r"|\bacross\s+all\s+(?:vendors|providers|suppliers|brands|products|platforms)\b",
    re.IGNORECASE,
)


def _exceeds_total(left: Count, right: Count, claimed: list[bool]) -> bool:
    """A vendor's count of its own customers above an independent count of the same customers, in the
    same place, that use any product of the kind ("650 Dutch bakeries use Acme" vs "about 200 bakeries in
    the Netherlands use any ordering software, across all vendors"): the whole bounds each vendor's part."""
    from agents.analysts.figures import places_in

    if left.noun != right.noun or claimed.count(True) != 1:
        return False
    own, total = (left, right) if claimed[0] else (right, left)
    return (
        bool(ACROSS.search(total.sentence.text))
        and own.value > total.value
        and places_in(own.sentence.text) == places_in(total.sentence.text)
    )


def _users_of_one(left: Count, right: Count, named: frozenset[str], claimed: list[bool]) -> bool:
    """Two nouns for one count: a vendor's own count of its users and an independent count of the
    same named firm's users, each under a noun for the parties a product serves ("25,000 businesses
    use Acme" on Acme's page vs "Acme had about 8,000 active buyers and sellers")."""
    return any(claimed) and bool(named) and left.noun in USER_NOUNS and right.noun in USER_NOUNS


def _count_conflict(left: Count, right: Count, named: frozenset[str], vendor: frozenset[str]) -> Conflict:
    noun = left.plural.lower() if left.noun == right.noun else "users"
    name = next(
        (n for n in NAME.findall(left.sentence.text + " " + right.sentence.text) if n.lower() in named), ""
    )
    what = f"the number of {noun}" + (f" ({name})" if name else "")
    return _conflict(what, left, right, vendor)
