"""Sources that state the same measure differently: "6 days" in one, "11 days" in another.

Two sentences from different sources measure the same thing when they carry one number in the same
unit (a percentage, a duration) and share most of their content words ("average time from first notice
of loss to a completed inspection"). When their values differ by a quarter or more, the report says so
with both values and sources.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from agents.analysts.amounts import MONEY
from agents.analysts.conflicts.core import (
    MEASURE,
    MIN_SHARED,
    WORD,
    clause_span,
    conflict,
    differ,
    label,
    number_word,
    share_base,
    years_apart,
)
from agents.analysts.customer_signals import VALUED_LIST
from agents.analysts.idea import GENERIC, STOPWORDS
from agents.analysts.sentences import YEAR, Sentence, stem
from agents.analysts.vetting import describes_study
from agents.state import Conflict

MIN_OVERLAP = 0.5
TERSE_WORDS = 4
# a product's limit or floor is no measurement: "advances of up to 80% of an invoice", "as much as 40% off",
# a fee "from 2%", "starting at 3%"
LIMIT_WORDS = re.compile(
    r"\b(?:up to|as much as|at most|a maximum of|maximum of|from|starting at|as low as|as little as)"
    r"\s[\"“]?$",
    re.IGNORECASE,
)
# a value that refers back to one just stated ("the 1% recorded were booked by hospitals"): what it measures
# is named by the sentence that stated it, not by its own ("the other 31% rely on spot checks" and "a further
# 4% were cancelled late" name their own measure in their clause)
BACK_REFERENCE = re.compile(r"\bthe\s(?:\*\*|__)?$", re.IGNORECASE)
# the other end of a range around a value: "10 to 15 minutes", "4.5% to 7%", "4.5-7%"
RANGE_START = re.compile(r"(?P<low>\d+(?:\.\d+)?)\s?(?:%|percent)?\s?(?:to|-|\u2013)\s?$", re.IGNORECASE)
RANGE_END = re.compile(r"\s?(?:to|-|\u2013)\s?(?P<high>\d+(?:\.\d+)?)\b")
# what a product charges (nouns only: "rent" and "bill" are verbs too): a share of one of these is a term
# of its price ("20% of fees at risk"), not a share of the people or firms a survey counts
CHARGES = frozenset(
    stem(word)
    for word in ("fee", "fees", "price", "prices", "invoice", "invoices", "commission", "premium", "premiums")
)
# generic for an idea, yet what a share measures: "26% use a CGM" and "14% used a CGM" are one measure;
# "14% of transactions made online" and "6% of sales were made online" are one, "digital" another
USE = {
    "use": "use", "used": "use", "uses": "use", "using": "use", "online": "online", "digital": "digital",
    "service": "service", "services": "service", "serviced": "service", "servicing": "service",
    # a typical value is named by any of its statistics: "the median wait" and "the average time" are one
    "median": "typical", "average": "typical", "averaged": "typical", "averages": "typical",
    "averaging": "typical", "mean": "typical", "typical": "typical", "typically": "typical",
}  # fmt: skip
# a duration is named as the time something takes by any of these: "wait", "time", "delay", "turnaround"
WAIT = {
    word: "wait"
    for word in ("wait", "waits", "waiting", "waited", "time", "times", "delay", "delays", "turnaround")
}
DURATIONS = frozenset({"minute", "hour", "day", "week", "month"})
LIMIT = 3


@dataclass(frozen=True)
class Measure:
    """One number of a sentence, its unit and the content words around it."""

    value: float
    written: str
    unit: str
    words: frozenset[str]
    sentence: Sentence
    near: frozenset[str] = frozenset()  # the content words of the measure's own clause
    values: frozenset[float] = frozenset()  # every value of its unit the sentence states
    low: float = 0.0  # the range the value is an end of ("10 to 15 minutes": 10 to 15), else the value
    high: float = 0.0

    def contains(self, value: float) -> bool:
        """Whether a value lies within the range this measure states (never, for a single value)."""
        return self.low < self.high and self.low <= value <= self.high


# the frame reporting a finding ("A poll the company commissioned in August found that 61% …"): its words
# say who measured, not what, so the measure is named by the words after it
REPORTED = re.compile(
    r"\b(?:found|finds|find|show(?:s|ed)?|suggest(?:s|ed)?|report(?:s|ed)?|says?|said|conclud(?:es|ed))"
    r"\s+that\s",
    re.IGNORECASE,
)
UNIT_WORDS = frozenset({"percent", "cent"})


# a share that a part makes up of a whole ("boots make up 31% of sales by value") is a breakdown, not the
# share of people who did something ("44% bought a used coat"): the two are never one measure
COMPOSITION = re.compile(
    r"\b(?:(?:make|makes|made|making) up|account(?:s|ed|ing)? for|represent(?:s|ed|ing)?"
    r"|compris(?:e|es|ed|ing))\s+(?:about\s|around\s|roughly\s|some\s|nearly\s|almost\s|only\s|just\s)?$",
    re.IGNORECASE,
)
# the next part of the same breakdown, its verb left out: "Subscriptions made up 62% of it and payment
# commissions 38%"
COMPOSITION_GOES_ON = re.compile(
    r"\b(?:(?:make|makes|made|making) up|account(?:s|ed|ing)? for|represent(?:s|ed|ing)?|compris(?:e|es|ed))"
    r"\s[^.;]*?\d+(?:\.\d+)?\s?%[^.;%]*?(?:,|\band)\s+[a-z][\w\s-]{0,40}$",
    re.IGNORECASE,
)
# a percentage per period is a rate ("grows about 4% a year"), not a share of anything
PER_PERIOD = re.compile(r"\s(?:(?:a|per|each|every)\s(?:year|month|week|annum)|annually|yearly)\b", re.I)


# a table column that says what its shares are shares of: "Share of spend", "% of respondents"
SHARE_COLUMN = re.compile(r"\b(?:share|percent(?:age)?|proportion|%)\s+(?P<of>of\s.+)", re.IGNORECASE)
# what money is counted as: a share of one of these is a part of an amount ("catering is 38% of spend"),
# never a share of the people or firms a survey counts ("sales" also counts transactions: not here)
MONEY_BASES = frozenset(
    stem(word)
    for word in (
        "spend", "spending", "spent", "revenue", "revenues", "cost", "costs", "budget", "budgets",
        "turnover", "income", "expenditure", "value", "bill",
    )
)  # fmt: skip


# a share in brackets restating an amount just given as a part of a total: "accounted for S$11 million of
# 2025 spending (29%)"
AMOUNT_THEN_SHARE = re.compile(rf"{MONEY.pattern}[^.;()]{{0,50}}\(\s*$")


def composition(measure: Measure) -> bool:
    """Whether a share is a part's share of a whole ("make up 31% of …", "accounted for 21% of …"), or a
    breakdown table's share beside the part's own amount ("Spare parts | 590 | 31%") or under a column
    of shares of an amount ("Share of spend")."""
    text = measure.sentence.text
    at = text.find(measure.written)
    if not measure.unit.startswith("%") or at < 0:
        return False
    return (
        (at > 0 and bool(COMPOSITION.search(text[max(0, at - 40) : at])))
        or bool(COMPOSITION_GOES_ON.search(text[:at]))
        or _breakdown_row(text, at)
        or _money_column(measure.sentence, at)
        or bool(AMOUNT_THEN_SHARE.search(text[max(0, at - 80) : at]))
    )


BARE_SHARE = re.compile(r"^\s*(?:share|%|percent(?:age)?|share \(%\))\s*$", re.IGNORECASE)


def _money_column(sentence: Sentence, at: int) -> bool:
    """A share in a table column of shares of an amount ("Coffin and shroud | 14%" under "Share of
    spend"), or in a bare "Share" column of a table whose label names an amount ("Spending by type,
    2025 | Share"): the row's part of the total, a breakdown."""
    own = sentence.column_at(at)
    column = SHARE_COLUMN.search(own)
    if column:
        return bool(share_base(" " + column.group("of")) & MONEY_BASES)
    if not BARE_SHARE.match(own):
        return False
    labels = {stem(word) for header in sentence.columns for word in WORD.findall(header.lower())}
    return bool(labels & MONEY_BASES)


def _breakdown_row(text: str, at: int) -> bool:
    """A table row whose cells after its label hold an amount besides the share ("Outerwear | 590 | 31%"):
    the share is the part's share of the table's total. A year is no amount ("Used one | 2023 | 14%")."""
    cells = text.split("|")
    if len(cells) < 3:
        return False
    own = len(text[:at].split("|")) - 1  # the share's own cell
    return any(
        re.search(r"\d", cell) and not re.fullmatch(r"\s*(?:19|20)\d{2}\s*", cell)
        for index, cell in enumerate(cells)
        if index not in (0, own)
    )


def _key(word: str) -> str:
    return USE.get(word) or WAIT.get(word) or stem(word)


def _content(text: str, duration: bool = False) -> frozenset[str]:
    """The words naming a measure; for a ``duration``, "time" and "delay" name it as a wait does. A
    compound counts as many words as it has parts: "first-attempt" as "first" and "attempt";
    "second-hand" as "hand" and itself ("second" alone names nothing)."""
    named = {**USE, **WAIT} if duration else USE

    def kept(part: str) -> bool:
        return (
            len(part) > 1
            and part not in STOPWORDS
            and part not in UNIT_WORDS
            and (part not in GENERIC or part in named)
        )

    found: set[str] = set()
    for word in WORD.findall(text.lower()):
        parts = word.split("-") if "-" in word.strip("-") else [word]
        meaningful = [part for part in parts if kept(part)]
        found.update(named.get(part) or stem(part) for part in meaningful)
        if len(meaningful) < len(parts) and len(parts) > 1 and kept(word):
            found.add(stem(word))
    return frozenset(found)


REASON = re.compile(r",?\s(?:mostly |partly |largely |mainly |often |usually )?because\b", re.IGNORECASE)


def _unit(text: str) -> str:
    unit = text.lower()
    return "%" if unit in {"%", "percent", "per cent"} else unit.rstrip("s")


def measures(sentence: Sentence) -> list[Measure]:
    """The sentence's first measure of each unit, with its content words."""
    found = [
        match
        for match in MEASURE.finditer(sentence.text)
        if _value(match) is not None
        and not LIMIT_WORDS.search(sentence.text[: match.start()])
        and not BACK_REFERENCE.search(sentence.text[: match.start()])
    ]
    # a stated figure before a ratio that rounds it: "fewer than one in five (18%)" is 18%
    found.sort(key=lambda match: (match.group("number") is None, match.start()))
    units = [_per(sentence.text, match, _unit(match.group("unit") or "%")) for match in found]
    every = list(MEASURE.finditer(sentence.text))
    stated = [(_per(sentence.text, m, _unit(m.group("unit") or "%")), _value(m)) for m in every]
    result = []
    for index, (match, unit) in enumerate(zip(found, units, strict=True)):
        if unit in units[:index]:
            continue
        left, right = clause_span(sentence.text, match.start(), match.end())
        frame = max((m.end() for m in REPORTED.finditer(sentence.text, left, match.start())), default=0)
        duration = unit in DURATIONS
        # a reason given after the measure ("…, mostly because families already handle them") explains
        # it; its words do not name what was measured
        reason = REASON.search(sentence.text, match.end())
        if reason:
            right = min(right, reason.start())
        near = _content(sentence.text[max(left, frame) : right], duration)
        content = _content(sentence.text[frame : reason.start() if reason else None], duration)
        # another figure in another clause ("a fee 'from 2%', but our review found 4.5%"): the sentence's
        # other words describe that figure, so the clause alone names this measure
        crowded = any(not left <= other.start() < right for other in every)
        values = frozenset(value for kind, value in stated if kind == unit and value is not None)
        words = near if crowded else content
        value = _value(match) or 0.0
        low, high = _range(sentence.text, match, value)
        result.append(Measure(value, match.group(0), unit, words, sentence, near, values, low, high))
    return result


def _range(text: str, match: re.Match[str], value: float) -> tuple[float, float]:
    """The range a value ends ("10 to 15 minutes" -> (10, 15); "4.5% to 7%" -> (4.5, 7)), else (value,
    value). A year after it ("5% to 2030") ends no range."""
    if not match.group("number"):
        return value, value
    before = RANGE_START.search(text[max(0, match.start() - 16) : match.start()])
    if before and float(before.group("low")) < value:
        return float(before.group("low")), value
    after = RANGE_END.match(text, match.end())
    if after and float(after.group("high")) > value and not YEAR.fullmatch(after.group("high")):
        return value, float(after.group("high"))
    return value, value


# a percentage named as a rate of growth before it: "a compound annual rate of 8.4%", "to grow by 6%"
RATE_BEFORE = re.compile(r"\b(?:rate|cagr|grow|grows|growing|grew|growth)\b(?:\s+[a-z]+){0,2}\s+$", re.I)
# a percentage that states a change, not a share: "up 12% on 2023", "fell by about 5%", "9% more than in 2022"
CHANGE_BEFORE = re.compile(
    r"\b(?:up|down|rose|fell|increased|decreased|dropped|climbed|jumped)\s+(?:by\s+)?"
    r"(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+)?$",
    re.I,
)
CHANGE_AFTER = re.compile(r"\s+(?:on|over|from|since|than in|compared with)\s+(?:19|20)\d{2}\b", re.I)
# "prices rose 9.8% in 2023 and a further 6.1% in 2024": a second change, after a verb of change
FURTHER_BEFORE = re.compile(r"\b(?:a\s+)?further\s+(?:about\s+|around\s+|roughly\s+)?$", re.I)
CHANGED = re.compile(r"\b(?:rose|fell|grew|increased|decreased|dropped|climbed|jumped|declined)\b", re.I)
# a percentage someone makes, keeps or charges on a sale ("on a bottle I make about 11%", "a margin of 9%",
# "the platform takes 15%"): a rate on money, never a share of the people or firms a survey counts
MONEY_RATE_BEFORE = re.compile(
    r"\b(?:make|makes|made|earn|earns|earned|keep|keeps|kept|take|takes|took|charge|charges|charged"
    r"|margins?(?:\s+of)?|mark-?ups?(?:\s+of)?|commissions?(?:\s+of)?)"
    r"\s+(?:about\s+|around\s+|roughly\s+|only\s+|just\s+|up to\s+)?$",
    re.I,
)


# a percentage naming a term of a deal, not a share of people: "a 10% weighting in its tenders", "a 5%
# discount", "a 2% surcharge"
TERM_AFTER = re.compile(
    r"\s(?:weighting|weight|discount|margin|mark-?up|commission|stake|interest|tax|vat|gst|surcharge"
    r"|deposit|royalty|rebate|levy)\b",
    re.IGNORECASE,
)


def _per(text: str, match: re.Match[str], unit: str) -> str:
    """The unit, read as a rate when a period follows a percentage ("4% a year" -> "%/period"), a
    rate of growth names it ("a compound annual rate of 8.4%") or it states a change ("up 12% on 2023")."""
    if unit != "%":
        return unit
    before = text[max(0, match.start() - 40) : match.start()]
    rate = PER_PERIOD.match(text, match.end()) or RATE_BEFORE.search(before)
    change = CHANGE_BEFORE.search(before) or CHANGE_AFTER.match(text, match.end())
    further = FURTHER_BEFORE.search(before) and CHANGED.search(text[: match.start()])
    if MONEY_RATE_BEFORE.search(before) or TERM_AFTER.match(text, match.end()):
        return "%/money"
    return "%/period" if rate or change or further else unit


def _value(match: re.Match[str]) -> float | None:
    """The measure's number; a ratio as a percentage ("9 out of 10" -> 90); None for "2 in 2024"."""
    if match.group("number"):
        return float(match.group("number"))
    part, whole = number_word(match.group("part")), number_word(match.group("whole"))
    if not 0 < part <= whole or whole > 100:
        return None
    return round(100 * part / whole, 1)


# a count given before its share in brackets: "25 facilities (6%)", "312 of the clinics ("
COUNTED_BEFORE = re.compile(r"\b\d[\d,]*\s+(?:of\s+(?:the\s+)?)?(?P<noun>[A-Za-z-]+s)\s?\(\s*$")


def base_of(measure: Measure) -> frozenset[str]:
    """What a share is a share of: "38% of intake spending" -> {intak, spend}, or a table cell's column
    header ("Share of spend" -> {spend}); empty when unstated."""
    if measure.unit != "%":
        return frozenset()
    text = measure.sentence.text
    at = text.find(measure.written)
    stated = share_base(text[at + len(measure.written) :])
    counted = COUNTED_BEFORE.search(text[max(0, at - 40) : at]) if at > 0 else None
    if not stated and counted:  # "25 facilities (6%)": a share of facilities
        stated = frozenset({stem(counted["noun"].lower())})
    column = SHARE_COLUMN.search(measure.sentence.column_at(at)) if at >= 0 else None
    return stated or (share_base(" " + column.group("of")) if column else frozenset())


# a sentence naming a share of a charge as what it measures: "what fraction of the retail price reaches the
# grower", "the share of the fare a driver keeps"
SHARE_OF = re.compile(
    r"\b(?:share|fraction|proportion|percentage)\s+of\s+(?:(?:the|a|an|their|its|his|her)\s+)?"
    r"(?P<charge>(?:[\w'\u2019-]+\s+){0,3}[a-z]+)\b",
    re.IGNORECASE,
)


def _share_of_charge(measure: Measure) -> frozenset[str]:
    """The charges a measure's sentence names a share of ("what fraction of a shop's price …" -> {pric})."""
    return (
        frozenset(
            stem(word)
            for match in SHARE_OF.finditer(measure.sentence.text)
            for word in WORD.findall(match.group("charge").lower())
        )
        & CHARGES
    )


# the words a survey calls its sample by, and the verbs that follow it ("of respondents said")
SAMPLE = frozenset(
    stem(word) for word in ("respondents", "participants", "surveyed", "polled", "interviewees", "asked")
)
SAID = frozenset(stem(word) for word in ("said", "say", "says", "reported", "answered", "told"))


SHARE_POINTS_APART = 10.0  # two shares of one group this many points apart disagree (72% vs 58%)


def _apart(left: Measure, right: Measure) -> bool:
    """Whether two values of one measure disagree: a quarter apart, or for shares (percent of a group)
    ten points apart, which a reader takes as a real difference whatever the ratio."""
    if left.contains(right.value) or right.contains(left.value):
        return False  # "10 to 15 minutes" agrees with "12 minutes"
    if left.unit == "%" and abs(left.value - right.value) >= SHARE_POINTS_APART:
        return True
    return differ(left.value, right.value)


def _same_base(left: Measure, right: Measure) -> bool:
    """Two shares can be one quantity unless both say what they are shares of and those differ
    ("38% of intake spending" is not "23% of firms"), or one is a share of a charge and the other is not
    ("20% of fees at risk" is a price's term; "67% want part of the fee at risk" counts buyers). A share
    whose sentence asks for a share of that same charge ("what fraction of the final price reaches the
    grower … averaged 42%") is a share of the charge too."""
    left_base, right_base = base_of(left), base_of(right)
    if left_base and right_base and bool(left_base & MONEY_BASES) != bool(right_base & MONEY_BASES):
        return False  # a part of an amount ("Coffin and shroud | 14%" of spend) is no share of people
    # "38% of respondents": a survey's sample stands for the people it surveyed, whoever they are
    if (left_base & SAMPLE) or (right_base & SAMPLE):
        left_base, right_base = left_base - SAMPLE - SAID, right_base - SAMPLE - SAID
        return not (left_base & CHARGES or right_base & CHARGES)
    if bool(left_base & CHARGES) != bool(right_base & CHARGES):
        charged, other = (left, right) if left_base & CHARGES else (right, left)
        return not base_of(other) and bool(base_of(charged) & _share_of_charge(other))
    return not (left_base and right_base) or bool(left_base & right_base)


def _named_alike(
    left: frozenset[str], right: frozenset[str], terse_too: bool = True
) -> tuple[frozenset[str], float] | None:
    """The shared words and their share of the shorter side, when they name one measure: three shared
    words and half the shorter side, or two when one sentence is terse ("**CGM use.** 26% currently use
    a CGM." names its measure in few words; a clause that short names too little to be sure)."""
    shared = left & right
    overlap = len(shared) / max(1, min(len(left), len(right)))
    terse = terse_too and min(len(left), len(right)) <= TERSE_WORDS
    if len(shared) < (2 if terse else MIN_SHARED) or overlap < MIN_OVERLAP:
        return None
    return shared, overlap


def _shares_of_one_charge(left: Measure, right: Measure) -> tuple[frozenset[str], float] | None:
    """Two shares of one charge ("30% of the price the shop paid", "what fraction of the shop's price …
    averaged 42%"), named alike by more words than the charge: a long sentence about a share of a price
    names its measure in many words, so half of them need not be shared. Shares of one charge named
    by few words ("a commission of 15% of the price" vs "30% of the price") are two measures."""
    charges = [(base_of(m) | _share_of_charge(m)) & CHARGES for m in (left, right)]
    shared = (left.words & right.words) - charges[0] - charges[1]
    if not (charges[0] & charges[1]) or len(shared) <= MIN_SHARED or not _same_base(left, right):
        return None
    return left.words & right.words, len(shared) / max(1, min(len(left.words), len(right.words)))


ONE_BASE_OVERLAP = 1 / 3


def _shares_of_one_base(left: Measure, right: Measure) -> tuple[frozenset[str], float] | None:
    """Two shares of one group named in two or more words ("12.6% of booked appointments were missed",
    "7.4% of booked appointments ended in a no-show"): the group names most of the measure, so two
    more shared words and a third of the shorter side name one measure."""
    group = base_of(left) & base_of(right)
    shared = left.words & right.words
    overlap = len(shared) / max(1, min(len(left.words), len(right.words)))
    if len(group) < 2 or len(shared - group) < 2 or overlap < ONE_BASE_OVERLAP:
        return None
    return shared, overlap


AT_LENGTH = 4


def _named_at_length(left: Measure, right: Measure) -> bool:
    """Two shares of groups named differently ("6% of facilities", "1 in 5 care homes") that name what
    they measure alike in four words or more besides those groups ("had a contract with an outside
    hearing-aid maintenance service", "already use an outside hearing-aid maintenance service"): one
    measure of one population, counted by two names."""
    shared = (left.near & right.near) - base_of(left) - base_of(right)
    return len(shared) >= AT_LENGTH and len(shared) * 2 >= min(len(left.near), len(right.near))


def _comparable_to_reference(left: Measure, right: Measure, reference: frozenset[str]) -> bool:
    """Whether a pair may use a reference source (official statistics not about the idea): never on
    both sides, and only when both shares say what they are shares of and it is the same group ("13% of
    persons aged 60 and over" vs "29% of people aged 60 and over"); a table of a population's many
    shares has some that share words with any survey ("38% of rural households own a dog")."""
    sides = {left.sentence.source_id, right.sentence.source_id} & reference
    if not sides:
        return True
    return len(sides) == 1 and bool(base_of(left) & base_of(right))


def _valued(measure: Measure) -> bool:
    """A share under a heading naming what customers value ("What matters most when choosing a
    service"): the share of respondents who picked that item, not a measure of the market."""
    return bool(VALUED_LIST.search(measure.sentence.heading))


def measure_conflicts(
    sentences: list[Sentence],
    vendor: frozenset[str] = frozenset(),
    reference: frozenset[str] = frozenset(),
    years: Mapping[str, int] | None = None,
) -> list[Conflict]:
    """Pairs of sentences from different sources measuring the same thing with different values.

    A vendor's own figure ("9 out of 10 of our students pass") may be one side, labelled as its
    claim and listed after independent pairs; two vendors' claims are never set against each other.
    A ``reference`` source (official statistics not about the idea itself) is only ever the other side
    of a relevant source's measure, never both sides. ``years`` (source id -> publication year) dates a
    sentence that states no year of its own.
    """
    # how a study was run ("interviewed through an online panel (78%) and by telephone (22%)") or who
    # answered it measures nothing about the market (a caveat beside a finding leaves it a finding)
    pool = [
        measure for sentence in sentences if not describes_study(sentence) for measure in measures(sentence)
    ]
    scored: list[tuple[tuple[bool, float], Conflict]] = []
    seen: set[frozenset[str]] = set()
    for index, left in enumerate(pool):
        for right in pool[index + 1 :]:
            if left.unit != right.unit or left.sentence.source_id == right.sentence.source_id:
                continue
            if not _comparable_to_reference(left, right, reference):
                continue
            key = frozenset({left.sentence.text, right.sentence.text})
            # the measure named by its sentence, or by its own clause when the sentence goes on to explain
            # ("…: 21% of families pay for live math instruction, most of them only from age twelve")
            # or by its own clause on one side and its whole sentence on the other (a heading before a colon,
            # "Outerwear is a smaller share: 44% bought a used rain set", names what the clause counts)
            matched = (
                _named_alike(left.words, right.words)
                or _named_alike(left.near, right.near, terse_too=False)
                or _named_alike(left.near, right.words, terse_too=False)
                or _named_alike(left.words, right.near, terse_too=False)
            )
            charged = None if matched else _shares_of_one_charge(left, right)
            matched = matched or charged or _shares_of_one_base(left, right)
            if matched is None or key in seen:
                continue
            shared, overlap = matched
            if right.value in left.values or left.value in right.values:
                continue  # both state one value ("a fee of 10%"): the other value measures something else
            claimed = [m.sentence.source_id in vendor for m in (left, right)]
            if all(claimed):
                continue
            if not _apart(left, right) or not (_same_base(left, right) or _named_at_length(left, right)):
                continue
            if composition(left) != composition(right):
                continue
            if years_apart(left.sentence, right.sentence, years or {}):
                continue
            if _valued(left) != _valued(right):
                continue  # a share choosing what matters most is a preference, never a share of owners
            seen.add(key)
            what = label(left.sentence.text, shared, _key)
            if charged:  # "the share of the price (paid growers market)"
                words = WORD.findall(left.sentence.text.lower())
                charge = next((word for word in words if _key(word) in CHARGES), "charge")
                what = f"the share of the {charge} ({label(left.sentence.text, shared - CHARGES, _key)})"
            found = conflict(what, left, right, vendor)
            scored.append(((not any(claimed), overlap), found))
    scored.sort(key=lambda item: item[0], reverse=True)
    return [found for _, found in scored[:LIMIT]]
