"""Offline customer analysis: findings placed by what a sentence means, not by which word it contains.

* a pain point is a problem customers have: never a caveat, a demographic, a price or a market size;
* willingness to pay is what customers say they would pay, or pay today per unit; never a product's
  list price, a market size or a price trend;
* segments are groups of customers; personas (a named, illustrative person) are kept apart;
* satisfaction drivers are what makes customers choose, stay or switch.

Each sentence is read with the heading, lead and list it sits in (``customer_text``); what it says is
decided by ``customer_signals``; segments and personas by ``segments``.
"""

from __future__ import annotations

import re

from agents.analysts.customer_signals import driver_score, is_willing, pain_score, willing_score
from agents.analysts.customer_text import Unit, plain, read_units
from agents.analysts.extractive_market import claim
from agents.analysts.segments import segments_and_personas
from agents.analysts.sentences import PERCENT, rank, words
from agents.analysts.vetting import Evidence, is_finding
from agents.state import Claim, CustomerFindings, Level, PainPoint, Source, SourceType

# severity wording; "most common" and "every" say how often, which the survey share already rates
SEVERE = re.compile(
    r"\b(?:most (?!common|frequent|often|popular|used|cited|likely|of\b)\w+|biggest|top|main|very|major|worst"
    r"|severe|serious|critical|useless|give up|gave up|hate|furious|brutal|sick of|can['\u2019]t stand)\b",
    re.IGNORECASE,
)
ADVICE_WORDS = ("should", "wish", "ask for", "asked for", "would like", "would win", "want", "need")
LIMIT = 5
PAIN_LIMIT = 8
WTP_LIMIT = 8
SAME_POINT = 0.6  # share of meaning words two sentences share when they make the same point


TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80}
TENS |= {"ninety": 90, "ten": 10}
UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
SPELLED_PERCENT = re.compile(rf"\b({'|'.join(TENS)})(?:-({'|'.join(UNITS)}))? percent\b", re.IGNORECASE)
FRACTIONS = {"half": 50.0, "a third": 33.0, "a quarter": 25.0, "two thirds": 67.0, "three quarters": 75.0}
ONE_IN = re.compile(r"\b(one|two|three) in (two|three|four|five|ten)\b", re.IGNORECASE)
COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10}


def shares_in(text: str) -> list[float]:
    """Every share of people ``text`` states, as a percentage ("61%", "Sixty-one percent", "one in four",
    "half of them")."""
    shares = [float(re.sub(r"[^\d.]", "", match)) for match in PERCENT.findall(text)]
    shares += [TENS[t.lower()] + UNITS.get(u.lower(), 0) for t, u in SPELLED_PERCENT.findall(text)]
    shares += [COUNTS[a.lower()] / COUNTS[b.lower()] * 100 for a, b in ONE_IN.findall(text)]
    lowered = text.lower()
    shares += [value for words_, value in FRACTIONS.items() if re.search(rf"\b{words_} of\b", lowered)]
    return shares


def frequency(text: str) -> Level:
    """How often a pain occurs, from the largest share of people stated (no share: medium)."""
    shares = shares_in(text)
    if not shares:
        return "medium"
    return "high" if max(shares) >= 50 else "medium" if max(shares) >= 25 else "low"


def pain_point(unit: Unit) -> PainPoint:
    """A pain point quoting its sentence, rated by survey share and wording intensity."""
    text = plain(unit.text)
    impact: Level = "high" if SEVERE.search(text) else "medium"
    return PainPoint(
        text=text,
        source_ids=[unit.sentence.source_id],
        quote=unit.text,
        frequency=frequency(text),
        impact=impact,
    )


def clean_claim(unit: Unit) -> Claim:
    """A claim stating the unit's sentence (Markdown emphasis removed), quoting it verbatim."""
    return Claim(text=plain(unit.text), source_ids=[unit.sentence.source_id], quote=unit.text)


def content_words(text: str) -> set[str]:
    """The words that carry a sentence's meaning (short function words left out), and its numbers."""
    return {word for word in words(text) if len(word) > 3} | numbers(text)


def numbers(text: str) -> set[str]:
    """The numbers a sentence states."""
    return set(re.findall(r"\d+(?:[.,]\d+)?", text))


def overlaps(text: str, chosen: list[set[str]]) -> bool:
    """Whether one chosen sentence already makes this point: most of its meaning words, and no number
    of its own (two sources giving different figures for the same thing are both kept)."""
    mine = content_words(text)
    return any(
        len(mine & other) / max(1, min(len(mine), len(other))) >= SAME_POINT and not numbers(text) - other
        for other in chosen
    )


def best(units: list[Unit], score: dict[int, float], limit: int) -> list[Unit]:
    """The ``limit`` highest-scoring units (score > 0), each point once (near-repeats dropped)."""
    chosen: list[Unit] = []
    said: list[set[str]] = []
    for unit in sorted((u for u in units if score[id(u)] > 0), key=lambda u: -score[id(u)]):
        if not overlaps(unit.text, said):
            said.append(content_words(unit.text))
            chosen.append(unit)
    return chosen[:limit]


def readable_units(sources: list[Source], types: dict[str, SourceType]) -> list[Unit]:
    """Every unit of the customer-side sources that states a finding (no caveat, demographic, question)."""
    units = [unit for source in sources for unit in read_units(source, types.get(source.id, "unknown"))]
    return [unit for unit in units if is_finding(unit.sentence, f"{unit.heading} | {unit.minor}")]


def analyse_customers(
    evidence: Evidence, focus: set[str], customers: set[str] | None = None
) -> CustomerFindings:
    """Customer findings from the customers' side of the relevant sources (vendor pages excluded)."""
    customers = customers or set()
    customer_side = [s for s in [*evidence.sources, *evidence.voices] if s.id not in evidence.vendor]
    types = {note.source_id: note.source_type for note in evidence.assessments}
    every_unit = readable_units(customer_side, types)
    units = [unit for unit in every_unit if not unit.row]  # table rows name things; they state no finding
    willing = [unit for unit in units if is_willing(unit, customers)]
    paying_units = best(willing, {id(u): willing_score(u) for u in willing}, WTP_LIMIT)
    paying = [clean_claim(unit) for unit in paying_units]
    intentions = {unit.text for unit in paying_units}
    pains_scored = {id(u): pain_score(u, customers, focus) for u in units if u.text not in intentions}
    pain_units = best([u for u in units if id(u) in pains_scored], pains_scored, PAIN_LIMIT)
    pains = [pain_point(unit) for unit in pain_units]
    used = intentions | {unit.text for unit in pain_units}
    rest = [unit for unit in units if unit.text not in used]
    drivers_units = best(rest, {id(u): driver_score(u, customers) for u in rest}, LIMIT)
    drivers = [clean_claim(unit) for unit in drivers_units]
    used |= {unit.text for unit in drivers_units}
    advice = [
        claim(s) for s in rank([u.sentence for u in rest if u.text not in used], ADVICE_WORDS, focus, LIMIT)
    ]
    groups, people = segments_and_personas(every_unit, customers)
    not_found = [
        name
        for name, items in (
            ("pain points", pains),
            ("segments", groups),
            ("willingness to pay", paying),
            ("satisfaction drivers", drivers),
        )
        if not items
    ]
    summary = (
        f"{len(pains)} pain points, {len(groups)} segments, {len(people)} personas and {len(paying)} "
        f"willingness-to-pay signals found in {len(customer_side)} relevant sources."
        if customer_side
        else "None of the retrieved sources speaks for this idea's customers: not found in the sources."
    )
    return CustomerFindings(
        summary=summary,
        pain_points=pains,
        segments=groups,
        personas=people,
        satisfaction_drivers=drivers,
        willingness_to_pay=paying,
        recommendations=advice,
        not_found=not_found,
        sources=evidence.assessments,
    )
