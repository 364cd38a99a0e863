"""Counts of one thing across sources.

"More than 6,000 engineering organisations already pay for X" (a vendor) vs "we count about 2,300
organisations that paid for X" (an analyst): one count, two values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agents.analysts.amounts import MONEY
from agents.analysts.conflicts.core import (
    CHANGE,
    MIN_SHARED,
    SCALE_WORDS,
    WORD,
    clause_of,
    conflict,
    differ,
    year_of,
)
from agents.analysts.idea import GENERIC, STOPWORDS
from agents.analysts.sentences import Sentence, stem
from agents.state import Conflict

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
            if all(claimed) or not differ(left.value, right.value):
                continue
            named = left.names & right.names
            if left.noun != right.noun and not _users_of_one(left, right, named, claimed):
                continue
            shared = len(left.words & right.words)
            if not named and shared < MIN_SHARED and not _exceeds_total(left, right, claimed):
                continue
            years = {year_of(left.sentence), year_of(right.sentence)} - {""}
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
    return conflict(what, left, right, vendor)
