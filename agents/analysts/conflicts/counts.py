"""Counts of one thing across sources.

"More than 6,000 engineering organisations already pay for X" (a vendor) vs "we count about 2,300
organisations that paid for X" (an analyst): one count, two values.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from agents.analysts.amounts import MONEY
from agents.analysts.conflicts.core import (
    CHANGE,
    MIN_SHARED,
    PLURAL,
    SCALE_WORDS,
    WORD,
    clause_span,
    conflict,
    differ,
    year_of,
    years_apart,
)
from agents.analysts.figures import FIRM_USERS, PLACES, places_in
from agents.analysts.idea import GENERIC, STOPWORDS
from agents.analysts.sentences import YEAR, Sentence, stem
from agents.state import Conflict

COUNT_OF = re.compile(
    # thousands grouped by commas, the Indian way ("1,00,000": lakhs) or by spaces ("410 000")
    r"(?<![\w$€£.,])(?P<number>\d{1,2}(?:,\d{2})+,\d{3}(?![\d.])|\d{1,3}(?:,\d{3})+(?!\.\d)"
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])|\d+(?:\.\d+)?\s?(?:million|billion|thousand)"
    # a plain number under a thousand only when approximated ("about 310 firms") or claimed as a running
    # total ("already 310 firms"): "46 farms" is a sample
    r"|(?:"
    + "|".join(
        f"(?<={word} )"
        for word in ("about", "around", "roughly", "nearly", "almost", "some", "than", "already", "Already")
    )
    # a running total a product claims: "trusted by 640 councils", "used by 300 clinics"
    + "|(?<=ed by )"
    # how many there are: "there were 142 tuners on the register"
    + "|(?<=[Tt]here are )|(?<=[Tt]here were )"
    + r")\d{2,3})"
    # "9,000+ clinicians": a count written as a floor
    r"\+?\s+(?:(?!(?:in|of|on|for|to|from|at|by|per|a|an|the)\s)[A-Za-z-]+\s){0,3}?"
    r"(?P<noun>" + PLURAL + r")\b"
)
# the count is the unit of a rate, not a number of things: "EUR 9 per 1,000 words", "for every 100 beds"
PER = re.compile(r"\b(?:per|every|each)\s$", re.IGNORECASE)
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
USER_NOUNS: frozenset[str] = frozenset(
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
        # a consumer product's users are often counted as the homes that use it
        "families",
        "households",
    )
)
# other nouns for one group of people: "5 million homeschooled children" and "3.1 million students were
# homeschooled" count one group when the word that qualifies one count is in the other's sentence
PEOPLE_NOUNS = (
    frozenset(stem(word) for word in ("children", "kids", "students", "pupils", "learners")),
    frozenset(stem(word) for word in ("people", "persons", "individuals")),
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
    qualifier: frozenset[str] = frozenset()  # the words between number and noun ("homeschooled")
    places: frozenset[str] = frozenset()
    phrase: frozenset[str] = frozenset()  # the words from the count to the next comma or stop
    claimed: bool = False  # stated as someone's claim ("Acme says it is trusted by 640 councils")
    census: bool = False  # stated as how many there are ("there were 142 tuners", "we count about 95 tuners")
    found: bool = False  # stated as the source's own finding ("we found about 210 councils")
    naming: str = ""  # the earlier sentence naming the firm this one calls "the company"
    users: bool = False  # one firm's customers ("3,100 repair shops bought through it"), not all there are


def _counts(
    sentence: Sentence, owner: str = "", known: frozenset[str] = frozenset(), referent: Sentence | None = None
) -> list[Count]:
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
        around = _own_clause(sentence.text, match.start(), match.end())
        if _changed(around, number) or AHEAD.search(around) or BEHIND.search(sentence.text):
            continue
        if SAMPLE.search(sentence.text[: match.start("number")]) or stem(match.group("noun")) in SAMPLE_NOUN:
            continue
        if SAMPLED.search(_phrase(sentence.text, match.start("number"))):
            continue  # "there were 46 farms in the sample"
        if PER.search(sentence.text[: match.start("number")]):
            continue
        grouped = re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))", "", number)  # "410 000" is one number
        digits = float(re.sub(r"[^\d.]", "", grouped.split()[0]) or 0)
        scale = next(
            (v for k, v in (("billion", 1e9), ("million", 1e6), ("thousand", 1e3)) if k in number), 1.0
        )
        noun = match.group("noun")
        # a sentence calling a firm "the company" names the firm the sentence before it names
        names = (_names(sentence.text, known) | ({owner} if owner else set())) or (
            _names(referent.text, known) if referent else frozenset()
        )
        places = frozenset(places_in(sentence.text))
        # a place is one word however it is written: "Polish pharmacies" and "pharmacies in Poland"
        words = (_content(sentence.text) | {stem(place.lower()) for place in places}) - {stem(noun)}
        written = match.group(0) if match.re is COUNT_OF else number
        qualifier = _content(written) - {stem(noun)} - names if match.re is COUNT_OF else frozenset()
        phrase = _phrase(sentence.text, match.start("number"))
        count = Count(digits * scale, written, stem(noun), noun, names, words, sentence)
        naming = referent.text if referent and names else ""
        lead = around[: max(0, around.find(number))]
        claim = bool(CLAIM.search(lead))
        own = bool(OWN_FINDING.search(_introduced(sentence.text, around) + lead))
        found.append(
            replace(
                count,
                qualifier=qualifier,
                places=places,
                phrase=_content(phrase),
                claimed=claim,
                found=own,
                census=bool(CENSUS.search(lead)),
                naming=naming,
                users=bool(FIRM_USERS.match(sentence.text, match.end())),
            )
        )
    return found


def _phrase(text: str, start: int) -> str:
    """The words from a count to the next comma, colon or stop ("142 tuners on the register")."""
    return re.split(r"[,;:.()]\s", text[start:] + " ", maxsplit=1)[0]


# a count stated as how many of a kind there are, by someone who counted them all
CENSUS = re.compile(
    r"\b(?:there (?:are|were)|we (?:count|counted)|(?:are|were) counted)\s"
    r"(?:about |around |roughly |some |nearly |almost |an estimated )?$",
    re.IGNORECASE,
)
# a count of the units a study looked at: "46 farms in the sample", "120 clinics surveyed"
SAMPLED = re.compile(r"\b(?:sample[ds]?|surveyed|polled|interviewed|panel|respondents)\b", re.IGNORECASE)


# two sentences the splitter left joined ("… since its Series A. But registers show …")
SENTENCE_END = re.compile(r"\.\s+(?=[A-Z][a-z])")
OTHER_NUMBER = re.compile(r"\d[\d,.]*\s?%?")


# a count over a stated span shorter than a year: "over five months", "in the first six weeks"
SPAN = re.compile(
    r"\b(?:over|in|during|within|across)\s+(?:the\s+)?(?:first\s+|past\s+|last\s+)?"
    r"(?P<length>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|a few|several)\s+"
    r"(?P<unit>days?|weeks?|months?)\b",
    re.I,
)


def _span(text: str) -> str:
    """The span of time shorter than a year a count is stated over ("over five months" -> "five month");
    "" when none is stated (or twelve months, a year)."""
    match = SPAN.search(text)
    if not match or match.group("length").lower() in {"12", "twelve"}:
        return ""
    return f"{match.group('length').lower()} {match.group('unit').lower().rstrip('s')}"


def _introduced(text: str, clause: str) -> str:
    """What introduces a clause after a colon ("Data from a tracker suggest a smaller base: about 6,500
    sellers"): the words before the colon say whose count the clause states; "" for other clauses."""
    head = text[: text.find(clause)].rstrip()
    return head if head.endswith(":") else ""


def _own_clause(text: str, start: int, end: int) -> str:
    """The clause around a count (``clause_of``), cut also where a new sentence begins inside it."""
    left, right = clause_span(text, start, end)
    left = max([left, *(m.end() for m in SENTENCE_END.finditer(text, left, start))])
    right = next((m.start() for m in SENTENCE_END.finditer(text, end, right)), right)
    return text[left:right]


def _changed(around: str, number: str) -> bool:
    """A count stated as a change over time: a word of change and a second value in its clause ("rose from
    1,200 to 1,500 firms", "3,000 users, up 20%"). A company that "has grown quickly" while a count of its
    users is stated once does not make that count a change."""
    if not CHANGE.search(around):
        return False
    others = [m.group(0) for m in OTHER_NUMBER.finditer(around) if not YEAR.fullmatch(m.group(0).strip())]
    return len(others) > 1 or not any(number.startswith(other.strip()) for other in others)


def _opening_name(text: str, known: frozenset[str]) -> set[str]:
    """The firm a sentence opens with, when it is one whose own site was retrieved ("Acme markets itself
    ..." on a page that is not Acme's): a sentence's first word is capitalised anyway, so only a known
    firm's name counts as a name there."""
    first = re.match(r"\W*([A-Za-z][\w-]*)", text)
    word = first.group(1).lower() if first else ""
    return {word} if word and word in known else set()


def _content(text: str) -> frozenset[str]:
    return frozenset(
        stem(w)
        for w in WORD.findall(text.lower())
        for w in {w, *w.split("-")}
        if len(w) > 2 and w not in STOPWORDS and w not in GENERIC and w not in SCALE_WORDS
    )


def owner(url: str) -> str:
    """The name a site goes by, from its host ("https://www.acme.example/pricing" -> "acme")."""
    host = re.sub(r"^[a-z]+://", "", url.lower()).split("/", 1)[0]
    labels = [label for label in host.split(".") if label not in {"www", "app", "shop", "get", "try"}]
    return labels[0] if labels else ""


def _place(name: str) -> bool:
    return name in PLACES or bool(places_in(name))


def count_conflicts(
    sentences: list[Sentence],
    owners: dict[str, str],
    usable: frozenset[str],
    idea_nouns: frozenset[str] = frozenset(),
    vendor: frozenset[str] = frozenset(),
    reference: frozenset[str] = frozenset(),
    published: Mapping[str, int] | None = None,
) -> list[Conflict]:
    """Two sources counting one thing differently: the same noun, a named product or firm in common
    (or three more shared words), a quarter or more apart. ``owners`` names whose page a source is (a
    vendor's own site, by its host: "acme.example/pricing" is Acme's), so "trusted by 1,200 employers"
    there and "310 employers offering Acme" elsewhere count one thing. Counts come from ``usable`` (relevant)
    sources, and from any retrieved source when they count the idea's own customers or units
    (``idea_nouns``): a statistics page not about the product still counts its customers. Samples
    ("we surveyed 1,200 firms"), changes and forecasts are not counts of the thing today. A ``reference``
    source (official statistics not about the idea) counts against a relevant source's count, or against
    a claim it reports itself ("the Federation's estimate … is higher than ours"). ``published`` (source
    id -> publication year) dates a count that states no year: counts of years far apart are a series."""
    # "about **740 tienditas**": Markdown emphasis is no part of a count
    sentences = [replace(sentence, text=EMPHASIS.sub("", sentence.text)) for sentence in sentences]
    known = frozenset(owners.values())
    referents = _referents(sentences, known)
    pool = [
        count
        for sentence in sentences
        for count in _counts(sentence, owners.get(sentence.source_id, ""), known, referents.get(sentence))
        if sentence.source_id in usable | reference or count.noun in _kin(idea_nouns)
    ]
    pool = _latest(pool)
    scored: list[tuple[tuple[bool, int, int], Conflict]] = []
    seen: set[frozenset[float]] = set()
    for index, left in enumerate(pool):
        for right in pool[index + 1 :]:
            if left.sentence.source_id == right.sentence.source_id:
                if _disputed(left, right) and frozenset({left.value, right.value}) not in seen:
                    seen.add(frozenset({left.value, right.value}))
                    claim, own = (left, right) if left.claimed else (right, left)
                    scored.append(((True, 1, 0), _count_conflict(claim, own, frozenset(), vendor, REPORTED)))
                continue
            ids = {left.sentence.source_id, right.sentence.source_id}
            if ids & reference and not ids & usable:
                continue  # a reference page's count is checked against a relevant source's only
            claimed = [count.sentence.source_id in vendor for count in (left, right)]
            if all(claimed) or not differ(left.value, right.value):
                continue
            named = left.names & right.names
            if left.users != right.users and not named:
                continue  # one firm's customers against how many there are: two different counts
            qualified = _qualified(left, right)
            if left.noun != right.noun and not (
                _users_of_one(left, right, named, claimed) or (qualified and _people_of_one(left, right))
            ):
                continue
            shared = len(left.words & right.words)
            census = _census(left, right)
            alike = named or qualified or census or shared >= MIN_SHARED
            if not alike and not _exceeds_total(left, right, claimed):
                continue
            years = {year_of(left.sentence), year_of(right.sentence)} - {""}
            if len(years) > 1 and not any(claimed) and not (census and _adjacent(years)):
                continue  # two years of one count is a series
            if years_apart(left.sentence, right.sentence, published or {}) and not any(claimed):
                continue  # a 2016 article's count and a 2026 page's are a series, not a disagreement
            if _span(left.sentence.text) != _span(right.sentence.text):
                continue  # "90 complaints over five months" and a year's 29,000 count two periods
            key = frozenset({left.value, right.value})  # one pair of values, however each is written
            if key in seen:
                continue
            seen.add(key)
            rank = (not any(claimed), len(named), shared)
            scored.append((rank, _count_conflict(left, right, named, vendor)))
    scored.sort(key=lambda item: item[0], reverse=True)
    return [conflict for _, conflict in scored[:COUNT_LIMIT]]


EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\w)|(?<=\w)\*(?![\w*])")
# a firm a sentence refers to without naming it: "people familiar with the company", "the start-up's users"
ANAPHOR = re.compile(
    r"\b(?:the|this)\s(?:company|firm|start-?up|business|provider|vendor|platform|operator)(?:'s|\u2019s)?\b",
    re.IGNORECASE,
)


# a month or a weekday is capitalised but names no firm ("At 31 December 2024 there were 142 tuners")
CALENDAR = frozenset(name.lower() for name in [*calendar.month_name, *calendar.day_name] if name)


def _names(text: str, known: frozenset[str]) -> frozenset[str]:
    """The firms and products a sentence names (no places, months or weekdays)."""
    found = {
        name.lower()
        for name in NAME.findall(text)
        if name.lower() not in STOPWORDS and name.lower() not in CALENDAR and not _place(name)
    }
    return frozenset(found | _opening_name(text, known))


def _referents(sentences: list[Sentence], known: frozenset[str]) -> dict[Sentence, Sentence]:
    """For each sentence that names no firm but speaks of "the company" (or "the start-up", "the firm"),
    the nearest earlier sentence of its source that names one, at most ``NEAR_SENTENCES`` before: a news
    story names the firm once and then counts "the company's" customers."""
    referents: dict[Sentence, Sentence] = {}
    last: dict[str, Sentence] = {}
    for sentence in sentences:
        named = _names(sentence.text, known)
        before = last.get(sentence.source_id)
        if named:
            last[sentence.source_id] = sentence
        elif (
            before and ANAPHOR.search(sentence.text) and sentence.position - before.position <= NEAR_SENTENCES
        ):
            referents[sentence] = before
    return referents


# a count across every product of a kind: "breweries that use any monitoring", "across all vendors", "use a
# dedicated booking tool" (a kind of product, named by no brand)
ACROSS = re.compile(
    r"\b(?:use|using|used|with|have|has|buy|buying)\s+any\b"
    r"|\b(?:uses?|using|used|buys?|buying|bought|run|runs|running)\s+an?\s"
    r"|\bacross\s+all\s+(?:vendors|providers|suppliers|brands|products|platforms)\b",
    re.IGNORECASE,
)


def _exceeds_total(left: Count, right: Count, claimed: list[bool]) -> bool:
    """A vendor's count of its own customers above an independent count of the same customers, in the
    same place, that use any product of the kind ("650 Dutch bakeries use Acme" vs "about 200 bakeries in
    the Netherlands use any ordering software, across all vendors"): the whole bounds each vendor's part.
    A vendor's count that names no place is read as a claim about the place the total counts; the total
    names no product of its own (then it counts that product's users, not the kind's)."""
    if left.noun != right.noun or claimed.count(True) != 1:
        return False
    own, total = (left, right) if claimed[0] else (right, left)
    across = ACROSS.search(total.sentence.text)
    return (
        across is not None
        and own.value > total.value
        and (not own.places or own.places == total.places)
        and not (total.names - own.names - _acronyms(total.sentence.text))
        and not MAKER.search(total.sentence.text, across.end())  # "use a CAT tool from SDL": SDL's users
    )


# a product's maker named after the kind it is of: "a booking tool from Dockly", "an app by TMS"
MAKER = re.compile(r"\b(?:from|by|made by|sold by)\s+[A-Z]")


def _acronyms(text: str) -> frozenset[str]:
    """Upper-case abbreviations ("QA", "CRM"): the names of kinds of product, not of firms."""
    return frozenset(word.lower() for word in re.findall(r"\b[A-Z]{2,5}s?\b", text))


def _qualified(left: Count, right: Count) -> bool:
    """One count's qualifying words ("5 million homeschooled children") qualify the other count too, in
    its phrase up to the next comma ("3.1 million students aged 5 to 17 were homeschooled in 2022"), and
    neither names a place the other does not."""
    places = left.places == right.places or not (left.places and right.places)
    return places and any(
        one.qualifier and one.qualifier <= other.phrase for one, other in ((left, right), (right, left))
    )


def _latest(pool: list[Count]) -> list[Count]:
    """Counts without those a source states of an earlier year than another of its counts of the same
    thing: the same noun, the earlier count's own words ("1.7 million students were homeschooled in
    2016") all in the later one's sentence ("3.1 million students ... were homeschooled in 2022-23")."""

    def history(count: Count) -> bool:
        year = year_of(count.sentence)[:4]
        return bool(year and count.phrase) and any(
            later.sentence.source_id == count.sentence.source_id
            and later.noun == count.noun
            and year_of(later.sentence)[:4] > year
            and count.phrase <= later.words | later.phrase
            for later in pool
        )

    return [count for count in pool if not history(count)]


# a party's own claim reported by a source: "Acme says it is trusted by 640 councils", "which advertises …"
CLAIM = re.compile(
    r"\b(?:says?|said|claims?|claimed|advertis(?:es|ed|ing)|boasts?|markets? itself|calls? itself)\b"
    # another party's own number: "the Federation's annual estimate (450,000 hives)", "Acme's figure of 640"
    r"|['\u2019]s?\s(?:own\s|annual\s|latest\s|official\s)?(?:estimate|figure|count|tally)s?\b",
    re.I,
)
# a source comparing a count with its own: "is higher than ours", "below our estimate"
THAN_OURS = re.compile(
    r"\b(?:higher|lower|more|fewer|larger|smaller|greater|above|below)\s(?:than\s)?"
    r"(?:ours|our\s(?:own\s)?(?:estimate|figure|count|number)s?)\b",
    re.I,
)
NEAR_SENTENCES = 2
# what a reader must know of a disagreement one source states: which side is whose
REPORTED = "the first is a claim the source reports, the second the count it sets against it"
# the source's own finding, set against the claim: first person, records or data that show it, or a
# contrast ("we found contracts with about 210 councils", "but registers show about 520 sites", "a tracker
# counts about 480 sites", papers "seen by this newspaper"); a count the claimant itself reports ("the
# company placed 2,100 nurses and says ...") is no such finding
OWN_FINDING = re.compile(
    r"\b(?:we|our|found|finds|show|shows|showed|shown|counts|counted|records|registers|data|but|however|only"
    # documents the writer saw itself: "route sheets seen by this newspaper tell a more modest story"
    r"|(?:seen|obtained|reviewed)\sby\s(?:this|the|our)\s\w+|more\smodest)\b",
    re.IGNORECASE,
)


def _disputed(left: Count, right: Count) -> bool:
    """One source setting a party's claimed count against its own count of the same thing, close by:
    "Acme says it is trusted by 640 councils. Procurement records show contracts with about 210
    councils." Exactly one of the two counts is stated as someone's claim (a reporting verb or another
    party's "estimate" in its clause before it), the other is the source's own; both count the same noun.
    A claim the source says is "higher than ours" is set against the source's own count however far
    apart they stand and however close their values (the source states that they differ)."""
    claimed = [count for count in (left, right) if count.claimed]
    own = [count for count in (left, right) if not count.claimed]
    if left.noun != right.noun or len(claimed) != 1 or left.value == right.value:
        return False
    # a claim the source itself calls "higher than ours" is set against its own count wherever it stands,
    # however close: the source states the disagreement
    if THAN_OURS.search(claimed[0].sentence.text):
        return True
    near = abs(left.sentence.position - right.sentence.position) <= NEAR_SENTENCES
    return near and own[0].found and differ(left.value, right.value)


def _census(left: Count, right: Count) -> bool:
    """Two sources each stating how many of one kind there are ("there were 142 tuners on the register",
    "we count about 95 working tuners"): one population counted twice, in the same place (or one names
    none), naming no two different firms."""
    places = left.places == right.places or not (left.places and right.places)
    firms = not (left.names and right.names) or bool(left.names & right.names)
    return left.census and right.census and left.noun == right.noun and places and firms


def _adjacent(years: set[str]) -> bool:
    """Two years in a row ("2024", "2025"): a population counted at the end of one year and during the next
    is one population, not a series."""
    numbers = sorted(int(year[:4]) for year in years)
    return len(numbers) == 2 and numbers[1] - numbers[0] <= 1


def _kin(nouns: frozenset[str]) -> frozenset[str]:
    """The nouns and the other nouns for the groups of people among them ("children" -> "students")."""
    return nouns.union(*(group for group in PEOPLE_NOUNS if group & nouns))


def _people_of_one(left: Count, right: Count) -> bool:
    """Two nouns for one group of people ("children", "students")."""
    return any(left.noun in group and right.noun in group for group in PEOPLE_NOUNS)


def _users_of_one(left: Count, right: Count, named: frozenset[str], claimed: list[bool]) -> bool:
    """Two nouns for one count: a vendor's own count of its users and an independent count of the
    same named firm's users, each under a noun for the parties a product serves ("25,000 businesses
    use Acme" on Acme's page vs "Acme had about 8,000 active buyers and sellers")."""
    return any(claimed) and bool(named) and left.noun in USER_NOUNS and right.noun in USER_NOUNS


def _count_conflict(
    left: Count, right: Count, named: frozenset[str], vendor: frozenset[str], note: str = ""
) -> Conflict:
    noun = left.plural.lower() if left.noun == right.noun or _people_of_one(left, right) else "users"
    name = next(
        (n for n in NAME.findall(left.sentence.text + " " + right.sentence.text) if n.lower() in named), ""
    ) or next(  # named only in the sentence before one side ("Tunewell, the start-up, …"), maybe first
        (
            m.group(0)
            for n in sorted(named)
            if (m := re.search(rf"\b{re.escape(n)}\b", left.naming + right.naming, re.I))
        ),
        "",
    )
    what = f"the number of {noun}" + (f" ({name})" if name else "")
    return conflict(what, left, right, vendor, note)
