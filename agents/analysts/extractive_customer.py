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
from dataclasses import dataclass, replace

from agents.analysts.customer_signals import driver_score, pain_score
from agents.analysts.customer_text import Unit, on_topic, plain, read_units
from agents.analysts.extractive_market import claim
from agents.analysts.group_names import describes_who
from agents.analysts.interviewees import counted_groups, interviewee_groups
from agents.analysts.segments import LIMIT as SEGMENT_LIMIT
from agents.analysts.segments import segments_and_personas
from agents.analysts.sentences import PERCENT, Sentence, rank, words
from agents.analysts.vetting import Evidence, is_finding, is_statement
from agents.analysts.willingness import is_willing, willing_score
from agents.state import Claim, CustomerFindings, Level, PainPoint, Segment, Source, SourceType

# severity wording; "most common" and "every" say how often, which the survey share already rates
SEVERE = re.compile(
    r"\b(?:most (?!common|frequent|often|popular|used|cited|likely|of\b)\w+|biggest|top|main|very|major|worst"
    r"|severe|serious|critical|useless|give up|gave up|hate|furious|brutal|sick of|can['\u2019]t stand)\b",
    re.IGNORECASE,
)
# what customers wish for, said now: "want " and "need " (a word prefix), never "the landlord wanted …"
ADVICE_WORDS = (
    "should", "wish", "ask for", "asked for", "would like", "would win", "want ", "wants ", "need ", "needs ",
)  # fmt: skip
LIMIT = 5
PAIN_LIMIT = 10
WTP_LIMIT = 10  # a survey's answer bands are one row each
HEADING_WORDS = 6
SAME_POINT = 0.6  # share of meaning words two sentences share when they make the same point


TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80}
TENS |= {"ninety": 90, "ten": 10}
UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
SPELLED_PERCENT = re.compile(rf"\b({'|'.join(TENS)})(?:-({'|'.join(UNITS)}))? percent\b", re.IGNORECASE)
FRACTIONS = {"half": 50.0, "a third": 33.0, "a quarter": 25.0, "two thirds": 67.0, "three quarters": 75.0}
ONE_IN = re.compile(r"\b(one|two|three|[1-9]) in (two|three|four|five|ten|[2-9]|10)\b", re.IGNORECASE)
COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10} | {str(n): n for n in range(1, 11)}


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
    text = claim_text(unit)
    impact: Level = "high" if SEVERE.search(text) else "medium"
    return PainPoint(
        text=text,
        source_ids=[unit.sentence.source_id],
        quote=unit.text,
        frequency=frequency(text),
        impact=impact,
    )


def clean_claim(unit: Unit) -> Claim:
    """A claim stating the unit's sentence (Markdown emphasis removed), quoting it verbatim; a table row
    reads "first cell: other cells" ("$20 to $40 a month: 31%")."""
    return Claim(text=claim_text(unit), source_ids=[unit.sentence.source_id], quote=unit.text)


def claim_text(unit: Unit) -> str:
    """The unit as a reader reads it: the sentence without emphasis, a row as "first cell: the rest"."""
    if not unit.row:
        return plain(unit.text)
    first, *rest = plain(unit.text).split(" | ")
    return f"{first}: {', '.join(cell for cell in rest if cell)}" if rest else first


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


def readable_units(sources: list[Source], types: dict[str, SourceType]) -> tuple[list[Unit], list[Unit]]:
    """The units of the customer-side sources that state a finding (no caveat, demographic, question), and
    those that describe a study's sample without being a caveat or a demographic ("By size, 45% of
    responding clinics have one vet, ...")."""
    units = [unit for source in sources for unit in read_units(source, types.get(source.id, "unknown"))]
    found = [
        unit for unit in units if is_finding(unit.sentence, f"{unit.heading} | {heading_like(unit.minor)}")
    ]
    kept = {id(unit) for unit in found}
    # read on its own (its "Who answered" heading aside), the sentence is still no caveat or demographic
    return found, [
        unit for unit in units if id(unit) not in kept and is_statement(replace(unit.sentence, heading=""))
    ]


def heading_like(minor: str) -> str:
    """A minor heading as a heading ("Who answered"); a list's introducing sentence ("Respondents picked
    the features that would matter most") is no heading about the sample, whatever its first word."""
    return minor if len(minor.split()) <= HEADING_WORDS else ""


def with_interviewees(
    groups: list[Segment], sources: list[Source], types: dict[str, SourceType]
) -> list[Segment]:
    """The segments the sources state, then (in the room left) the kinds of customer interviewed, each
    once: "MSK clinics" adds nothing to "Sports & MSK clinics"."""
    kept = list(groups)
    for source in sources:
        kind = types.get(source.id, "unknown")
        for group in [*interviewee_groups(source, kind), *counted_groups(source, kind)]:
            if not any(words(group.name) <= words(other.name) for other in kept):
                kept.append(group)
    return kept[: max(SEGMENT_LIMIT, len(groups))]


@dataclass
class Placed:
    """The customer-side sentences placed in their sections, each sentence in one section at most."""

    paying: list[Unit]
    pains: list[Unit]
    drivers: list[Unit]
    advice: list[Sentence]


def place(units: list[Unit], customers: set[str], focus: set[str]) -> Placed:
    """Willingness to pay first (a stated price is never a pain), then pains, drivers and advice."""
    willing = [unit for unit in units if is_willing(unit, customers)]
    paying = best(willing, {id(u): willing_score(u) for u in willing}, WTP_LIMIT)
    used = {unit.text for unit in paying}
    # a persona or a group's description says who the customers are, not a problem they have
    open_units = [unit for unit in units if unit.text not in used and not describes_who(unit)]
    pains = best(open_units, {id(u): pain_score(u, customers, focus) for u in open_units}, PAIN_LIMIT)
    used |= {unit.text for unit in pains}
    open_units = [unit for unit in units if unit.text not in used]
    drivers = best(open_units, {id(u): driver_score(u, customers) for u in open_units}, LIMIT)
    used |= {unit.text for unit in drivers}
    advice = rank([u.sentence for u in units if u.text not in used], ADVICE_WORDS, focus, LIMIT)
    return Placed(paying, pains, drivers, advice)


def analyse_customers(
    evidence: Evidence, focus: set[str], customers: set[str] | None = None
) -> CustomerFindings:
    """Customer findings from the customers' side of the relevant sources (vendor pages excluded)."""
    customers = customers or set()
    # a forum's off-topic aside speaks for nobody's customers
    every_source = [*evidence.sources, *evidence.voices]
    types = {note.source_id: note.source_type for note in evidence.assessments}
    about = evidence.idea_stems()
    customer_side = [
        on_topic(source, about, forum=types.get(source.id) == "review_forum")
        for source in every_source
        if source.id not in evidence.vendor
    ]
    every_unit, study = readable_units(customer_side, types)
    # a table row states a finding only under a heading, intro or header that says what it answers
    placed = place(every_unit, customers, focus)
    groups, people = segments_and_personas(every_unit, customers, study)
    groups = with_interviewees(groups, customer_side, types)
    findings = CustomerFindings(
        pain_points=[pain_point(unit) for unit in placed.pains],
        segments=groups,
        personas=people,
        satisfaction_drivers=[clean_claim(unit) for unit in placed.drivers],
        willingness_to_pay=[clean_claim(unit) for unit in placed.paying],
        recommendations=[claim(sentence) for sentence in placed.advice],
        sources=evidence.assessments,
    )
    findings.not_found = [
        name
        for name, items in (
            ("pain points", findings.pain_points),
            ("segments", groups),
            ("willingness to pay", findings.willingness_to_pay),
            ("satisfaction drivers", findings.satisfaction_drivers),
        )
        if not items
    ]
    findings.summary = (
        f"{len(findings.pain_points)} pain points, {len(groups)} segments, {len(people)} personas and "
        f"{len(findings.willingness_to_pay)} willingness-to-pay signals found in {len(customer_side)} "
        "relevant sources."
        if customer_side
        else "None of the retrieved sources speaks for this idea's customers: not found in the sources."
    )
    return findings
