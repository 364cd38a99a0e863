"""Offline customer analysis: findings placed by what a sentence means, not by which word it contains.

* a pain point is a problem customers have: complaint wording, never a caveat, a price or a market size;
* willingness to pay is what customers say they would pay ("would pay", "willing to pay $X"), never a
  product's list price, a market size or a price trend;
* segments are groups of customers; personas (a named, illustrative person) are kept apart.
"""

from __future__ import annotations

import re

from agents.analysts.amounts import MONEY, PRICE
from agents.analysts.extractive_market import claim
from agents.analysts.sentences import PERCENT, Sentence, all_sentences, keyword_hits, rank, split_sentences
from agents.analysts.vetting import Evidence, is_statement
from agents.state import Claim, CustomerFindings, Level, PainPoint, Segment, Source

PAIN_WORDS = (
    "pain",
    "frustrat",
    "struggl",
    "stress",
    "difficult",
    "hard",
    "waste",
    "annoy",
    "complain",
    "hate",
    "time-consuming",
    "too long",
    "useless",
    "problem",
    "issue",
    "abandon",
    "cancel",
    "give up",
    "wrong",
    "expensive",
    "confus",
    "overwhelm",
    "tired",
    "worry",
    "lose",
    "lost",
    "miss",
    "forget",
    "delay",
    "spoil",
    "fail",
    "error",
    "manual",
    "tedious",
    "slow",
    "unreliable",
    "risk",
    "fear",
    "burden",
    "chase",
)
INTENSE_WORDS = ("most", "biggest", "top", "main", "very", "major", "useless", "give up", "hate", "every")
SATISFACTION_WORDS = (
    "satisf",
    "love",
    "value",
    "prefer",
    "retention",
    "loyal",
    "recommend",
    "favourite",
    "favorite",
    "trust",
)
# what customers say they would pay: a stated intention, not a list price
WILLING = re.compile(
    r"\b(?:would|willing to|prepared to|ready to|happy to|could|will(?:ing)?|expect to) (?:gladly )?"
    r"(?:pay|spend|subscribe|buy)\b|\bwillingness to pay\b|\bwtp\b|\bmaximum (?:price|they would pay)\b"
    r"|\bacceptable price\b|\bprice (?:they|customers|respondents) (?:would|consider)\b"
    r"|\bwould not pay\b|\bwon't pay\b|\bnot (?:willing|prepared) to pay\b|\btoo expensive above\b",
    re.IGNORECASE,
)
ADVICE_WORDS = ("should", "wish", "ask for", "asked for", "would like", "would win", "want", "need")
PERSONA_NAME = re.compile(
    r"^(?:persona\b[^:]*:\s*)?(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:,| \(| is a| the )", re.IGNORECASE
)
SEGMENT_HEADING = re.compile(
    r"(?P<kind>segment|persona|profile|cohort)\s*\d*\s*[:.\-\u2013\u2014]\s*(?P<name>[^(]+?)\s*"
    r"(?:\((?P<share>[^)]*)\))?$",
    re.IGNORECASE,
)
SEGMENT_SENTENCE = re.compile(
    r"^(?P<name>(?:[A-Z][\w-]*|[a-z-]+)(?: [\w-]+){0,5}?) (?:make up|account for|represent|are|form)"
    r" (?P<share>\d+(?:\.\d+)?\s?%) of (?:the )?"
    r"(?:respondents|customers|users|buyers|market|demand|the sample)",
)
SEGMENT_SECTION = re.compile(
    r"\b(?:segments?|who buys|buyers?|buyer groups?|customer groups?|audiences?|who (?:uses|pays)|target "
    r"(?:customers|market|users)|customer types?|user groups?)\b",
    re.IGNORECASE,
)
LIST_ITEM = re.compile(r"^\s*(?:[-*+\u2022]|\d+[.)])\s+(?P<item>.+)$")
ITEM_NAME = re.compile(
    r"^\*\*(?P<bold>[^*]{2,80}?)[.:]?\*\*|^(?P<lead>[^:\u2014\u2013(]{3,60}?)\s*[:\u2014\u2013(]"
)
LIMIT = 5


def frequency(text: str) -> Level:
    """How often a pain occurs, from the largest survey share stated (no share: medium)."""
    shares = [float(re.sub(r"[^\d.]", "", match)) for match in PERCENT.findall(text)]
    if not shares:
        return "medium"
    return "high" if max(shares) >= 50 else "medium" if max(shares) >= 25 else "low"


def pain_point(sentence: Sentence) -> PainPoint:
    """A pain point quoting its sentence, rated by survey share and wording intensity."""
    impact: Level = "high" if keyword_hits(sentence.text, INTENSE_WORDS) else "medium"
    return PainPoint(
        text=sentence.text,
        source_ids=[sentence.source_id],
        quote=sentence.text,
        frequency=frequency(sentence.text),
        impact=impact,
    )


def is_person(name: str) -> bool:
    """Whether a segment heading names one illustrative person ("Daniel, the long-haul driver")."""
    return bool(re.match(r"^[A-Z][a-z]+(?:,| \(\d| the | is )", name)) or bool(re.search(r"\b\d{2}\b", name))


def segments(sources: list[Source]) -> tuple[list[Segment], list[Segment]]:
    """(segments, personas) from "Segment N: …"/"Persona: …" headings and "X make up N% of …" sentences."""
    found: dict[str, tuple[bool, Segment]] = {}
    for source in sources:
        for sentence in split_sentences(source):
            match = SEGMENT_HEADING.search(sentence.heading)
            if match and match.group("name").strip() not in found:
                name = match.group("name").strip()
                person = match.group("kind").lower() == "persona" or is_person(name)
                found[name] = (
                    person,
                    Segment(name=name, description=match.group("share") or "", evidence=[claim(sentence)]),
                )
            share = SEGMENT_SENTENCE.match(sentence.text)
            if share and share.group("name") not in found and is_statement(sentence):
                found[share.group("name")] = (
                    False,
                    Segment(
                        name=share.group("name"), description=share.group("share"), evidence=[claim(sentence)]
                    ),
                )
    listed = [segment for segment in listed_segments(sources) if segment.name not in found]
    groups = [*(segment for person, segment in found.values() if not person), *listed][:LIMIT]
    people = [segment for person, segment in found.values() if person][:LIMIT]
    return groups, people


def listed_segments(sources: list[Source]) -> list[Segment]:
    """Segments listed as items under a "Segments" / "Who buys" heading, each quoting its item."""
    found: list[Segment] = []
    for source in sources:
        heading = ""
        for line in source.content.splitlines():
            if line.lstrip().startswith("#"):
                heading = line.strip("# ").strip()
                continue
            item = LIST_ITEM.match(line)
            if not item or not SEGMENT_SECTION.search(heading):
                continue
            text = item.group("item").strip()
            named = ITEM_NAME.match(text)
            if not named:
                continue
            name = (named.group("bold") or named.group("lead")).strip()
            if len(name.split()) > 8 or is_person(name):
                continue
            quote = re.sub(r"\*\*", "", text)
            share = PERCENT.search(quote)
            found.append(
                Segment(
                    name=name,
                    description=share.group(0) if share else "",
                    evidence=[Claim(text=quote, source_ids=[source.id], quote=quote)],
                )
            )
    return found


def pain_words_for(focus: set[str]) -> list[str]:
    """Pain words, less those the idea itself uses (for a food-waste product, "waste" names the domain)."""
    return [word for word in PAIN_WORDS if not any(term.startswith(word) for term in focus)]


def is_willing(sentence: Sentence) -> bool:
    """Customers stating what they would pay: an intention to pay, with a price or a share of them."""
    text = sentence.text
    if not WILLING.search(text) or MONEY.search(text):  # a market size is not a customer's price
        return False
    return bool(PRICE.search(text) or PERCENT.search(text)) or not re.search(
        r"willingness to pay", text, re.I
    )


def is_pain(sentence: Sentence) -> bool:
    """A problem statement: not a stated price, a market size or an intention to pay."""
    return not (WILLING.search(sentence.text) or MONEY.search(sentence.text))


def analyse_customers(evidence: Evidence, focus: set[str]) -> CustomerFindings:
    """Customer findings from the customers' side of the relevant sources (vendor pages excluded)."""
    customer_side = [s for s in evidence.sources if s.id not in evidence.vendor]
    sentences = [s for s in all_sentences(customer_side) if is_statement(s)]
    paying = [
        claim(s)
        for s in rank(
            [s for s in sentences if is_willing(s)],
            ["pay", "spend", "subscribe", "price", "willing"],
            focus,
            LIMIT,
        )
    ]
    used = {c.quote for c in paying}
    candidates = [s for s in sentences if s.text not in used and is_pain(s)]
    pains = [pain_point(s) for s in rank(candidates, pain_words_for(focus), focus, LIMIT + 1)]
    used |= {p.quote for p in pains}
    rest = [s for s in sentences if s.text not in used]
    drivers = [claim(s) for s in rank(rest, SATISFACTION_WORDS, focus, LIMIT)]
    used |= {c.quote for c in drivers}
    advice = [claim(s) for s in rank([s for s in rest if s.text not in used], ADVICE_WORDS, focus, LIMIT)]
    groups, people = segments(customer_side)
    not_found = [
        name
        for name, items in (("pain points", pains), ("segments", groups), ("willingness to pay", paying))
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
