"""Segments (groups of customers) and personas (one illustrative person), kept apart.

A segment is named where a source groups its customers: items listed under a heading about groups
("Segments we heard", "Who buys", "Groups that stood out"), a "Segment 1: …" heading, a survey
breakdown ("Among owners of X (29% of the panel)", "X make up 44% of respondents") or a comparison
between groups ("Solo practitioners were the most price-sensitive"). A persona is a named individual
("*Dana, the solo attorney*", "Persona: Wanjiru, the courier"): never a segment, and a segment whose
evidence tells of a persona is not used.
"""

from __future__ import annotations

import re

from agents.analysts.amounts import MONEY
from agents.analysts.customer_signals import CUSTOMER_VOICE, PEOPLE, is_agent_noun
from agents.analysts.customer_text import Unit, plain
from agents.analysts.sentences import PERCENT, singular, words
from agents.state import Claim, Segment

LIMIT = 8
MAX_NAME_WORDS = 9
GROUP_TOPIC = re.compile(
    r"\bsegment\w*|\bgroups?\b|\bcohorts?\b|\bwho (?:buys|pays|uses|buy|pay|use)\b|\bniches\b"
    r"|\baudiences?\b|\b(?:customer|buyer|user|client) (?:types?|groups?|profiles?)\b"
    r"|\b(?:types|kinds) of (?:customers|buyers|users|clients)\b"
    r"|\btarget (?:customers|markets?|users|groups?)\b|^(?:the )?(?:buyers|customers)\b",
    re.IGNORECASE,
)
NOT_GROUP_TOPIC = re.compile(
    r"\b(?:gaps?|pains?|problems?|complaints?|pric(?:e|es|ing)|features?|competitors?|caveats?)\b", re.I
)
PERSONA_TOPIC = re.compile(
    r"\bpersonas?\b|\bcomposite\b|\barchetypes?\b|\billustrat\w+|\bfictional (?:person|character|customer)"
    r"|^meet [A-Z]",
    re.IGNORECASE,
)
METHOD_TOPIC = re.compile(r"\b(?:respondents?|sample|who answered|profile|demographics?|caveats?)\b", re.I)
HEADING = re.compile(
    r"(?P<kind>segment|persona|cohort)\s*\d*\s*[:.\-\u2013\u2014]\s*(?P<name>[^(]+?)\s*(?:\((?P<share>[^)]*)\))?$",
    re.IGNORECASE,
)
# "*Priya, the first-time puppy owner*", "Dana, the solo attorney", "Joy, a 26-year-old nurse"
PERSON = re.compile(
    r"(?:(?<=[*_])|(?<=^)|(?<=: )|(?<=\. )|(?<=^Meet ))(?P<person>[A-Z][a-z]+(?: [A-Z][a-z]+)?,"
    r" (?:the|a|an|our) [^*_.;]{3,80}?)(?=[*_]|[.;]|,? who\b|$)"
)
SHARE_OF = re.compile(
    r"^(?P<name>(?:[A-Z][\w-]*|[a-z-]+)(?: [\w&'-]+){0,6}?) (?:make up|account for|represent|are|form)"
    r" (?P<share>\d+(?:\.\d+)?\s?%) of (?:the )?(?:respondents|customers|users|buyers|market|demand|sample"
    r"|panel)"
)
ENUMERATION = re.compile(
    r"\b(?:kinds|types|groups|segments|sorts|categories) of (?:customers?|buyers?|users?|clients?|\w+)\b"
    r"|\b(?:segments|groups|buyer groups|customer groups)\b",
    re.IGNORECASE,
)
# between enumerated groups: commas, semicolons, or "and" before a new group ("… shop and night bakers who …")
ITEM_SPLIT = re.compile(
    r",\s*(?:and |or )?|;\s*"
    r"|\s+and\s+(?=[a-z-]+\b(?:\s[a-z-]+){0,3}\s(?:who|that|with|[a-z]+ing|in|on|under)\b)"
)
OFFER = re.compile(
    r"\b(?:kinds|types|sorts|categories) of (?:vendors?|providers?|suppliers?|sellers?|competitors?|products?"
    r"|tools?|services?|solutions?|platforms?|apps?|offers?|offerings?|compan(?:y|ies))\b",
    re.IGNORECASE,
)
AMONG = re.compile(
    r"\bAmong (?:the )?(?P<name>[a-z][\w-]*(?: [\w&'-]+){0,7}?)(?: \((?P<share>\d+(?:\.\d+)?\s?%)[^)]*\))?,"
)
COMPARISON = re.compile(
    r"^(?P<name>[A-Z][a-z-]+(?: [a-z&-]+){0,6}?) (?:were|are|was|is|stated|reported|said) (?:\w+ ){0,2}?"
    r"(?:the most|the least|more|less|twice|three times|higher|lower|a higher|a lower)\b"
)
NOT_GROUP_START = re.compile(
    r"^(?:after|before|during|when|while|if|in|on|at|for|from|with|without|by|as|since|until|because|although"
    r"|the|this|that|these|those|it|there|some|most|many|all)\b",
    re.IGNORECASE,
)
VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|does|do|did|can|will|would|could|should)\b", re.I)
HEAD_CUT = re.compile(
    r" (?:in|with|for|from|of|at|on|across|outside|inside|far|near|who|that|under|over) "
    r"|(?<=s) [a-z]{2,}ing "  # "instructors running their own school": the head is the plural before it
)
CUT = re.compile(r",| \(| who | whose | that | which | where | when |: | [-\u2013\u2014] |; ")


def name_of(text: str) -> str:
    """The group an item names: its bold lead, or its words up to the first clause or aside."""
    bold = re.match(r"^\s*(?:\*\*|__)(?P<name>[^*_]{2,80}?)[.:]?(?:\*\*|__)", text)
    clean = plain(bold.group("name") if bold else text).rstrip(".")
    name = CUT.split(clean, maxsplit=1)[0].strip()
    if len(name.split()) > MAX_NAME_WORDS:
        name = re.split(r" with | in | for ", name, maxsplit=1)[0]
    return name.strip(" .")


DEMOGRAPHIC_NAME = re.compile(
    r"^(?:(?:the )?(?:women|men|females?|males?|respondents|people|adults)"
    r"(?: (?:aged|over|under|between) [\d\s\u2013-]+(?:and \d+)?)?"
    r"|(?:those |people )?(?:aged|over|under) \d+.*"
    r"|\d+[\u2013-]\d+(?:[- ]year[- ]olds)?)$",
    re.IGNORECASE,
)


def is_group(name: str) -> bool:
    """A noun phrase naming people or organisations ("Regional carriers in the hail belt", "Solo
    practitioners"): its head noun is plural or a people noun; not a clause, not one person."""
    if not name or len(name.split()) > MAX_NAME_WORDS or PERSON.search(name) or DEMOGRAPHIC_NAME.match(name):
        return False  # "Women", "Respondents aged 25-34": who answered, not whom to sell to
    if NOT_GROUP_START.search(name) or VERB.search(name):
        return False
    head_words = re.findall(r"[a-z0-9]+", HEAD_CUT.split(f" {name} ", maxsplit=1)[0].lower())
    if not head_words:
        return False
    head = head_words[-1]
    return singular(head) in PEOPLE or (head.endswith("s") and not head.endswith(("ss", "ness", "us", "is")))


def is_people(name: str, customers: set[str]) -> bool:
    """A group named by people: its head noun is a people noun, the idea's customer, or an agent noun
    ("owners", "practitioners"); "reviews that mentioned X" is not a group of customers."""
    head_words = re.findall(r"[a-z]+", HEAD_CUT.split(f" {name} ", maxsplit=1)[0].lower())
    if not head_words:
        return False
    head = head_words[-1]
    return (
        singular(head) in PEOPLE
        or singular(head) in {singular(word) for word in customers}
        or is_agent_noun(head)
    )


def group_topic(topic: str) -> bool:
    """Whether a heading introduces groups of customers (and not their gaps, pains or prices)."""
    return bool(GROUP_TOPIC.search(topic)) and not NOT_GROUP_TOPIC.search(topic)


def personas_in(unit: Unit) -> list[str]:
    """Named illustrative persons in a sentence about personas ("*Priya, the first-time owner*")."""
    if not (PERSONA_TOPIC.search(unit.text) or PERSONA_TOPIC.search(unit.topic)):
        return []
    return [re.sub(r"^Meet ", "", match.group("person").strip()) for match in PERSON.finditer(unit.text)]


def heading_persona(heading: str) -> str:
    """The person a "Persona: …" heading names, or ""."""
    match = HEADING.search(heading)
    return match.group("name").strip() if match and match.group("kind").lower() == "persona" else ""


def evidence(unit: Unit) -> list[Claim]:
    """The unit as the claim a segment rests on."""
    return [Claim(text=plain(unit.text), source_ids=[unit.sentence.source_id], quote=unit.text)]


def candidates(units: list[Unit], customers: set[str]) -> list[tuple[Segment, Unit]]:
    """Every group a source names, best-structured first: headings, listed groups, breakdowns, comparisons."""
    headed: list[tuple[Segment, Unit]] = []
    listed: list[tuple[Segment, Unit]] = []
    prose: list[tuple[Segment, Unit]] = []
    for unit in units:
        if METHOD_TOPIC.search(unit.heading) and not group_topic(unit.heading):
            continue
        named = headed_group(unit)
        if named:
            headed.append((named, unit))
        if MONEY.search(unit.text):  # "X generated $0.9 billion": a market segment, not a customer group
            continue
        item = listed_group(unit)
        if item:
            listed.append((item, unit))
        elif not unit.row:
            prose += [(segment, unit) for segment in described_groups(unit, customers)]
    return headed + listed + prose


def headed_group(unit: Unit) -> Segment | None:
    """A group a heading names: "Segment 2: Rural owners (18%)", or a sub-heading under "Segments"."""
    match = HEADING.search(unit.heading)
    if match and match.group("kind").lower() != "persona":
        name, share = match.group("name").strip(), match.group("share") or ""
        return Segment(name=name, description=share, evidence=evidence(unit))
    if unit.parent and group_topic(unit.parent) and group_name_heading(unit.heading):
        share = PERCENT.search(unit.heading)
        description = f"{share.group(0)}: {plain(unit.text)}" if share else plain(unit.text)
        return Segment(name=name_of(unit.heading), description=description, evidence=evidence(unit))
    return None


def group_name_heading(heading: str) -> bool:
    """A sub-heading that can name a group (not "Persona: …", "Prices", "Caveats")."""
    return not (
        PERSONA_TOPIC.search(heading) or NOT_GROUP_TOPIC.search(heading) or METHOD_TOPIC.search(heading)
    )


def listed_group(unit: Unit) -> Segment | None:
    """A group named by a list item, a table row's first cell or a paragraph's bold lead under a heading
    about groups ("Segments we heard", "Who buys")."""
    if PERSONA_TOPIC.search(unit.topic) or not group_topic(
        unit.topic if unit.listed or unit.row else unit.heading
    ):
        return None
    if unit.listed:
        name = name_of(unit.text)
    elif unit.row:
        name = unit.text.split(" | ")[0]
    elif unit.lead:
        name = name_of(unit.lead)
    else:
        return None
    return Segment(name=name, description=described(unit, name), evidence=evidence(unit))


def enumerated_groups(unit: Unit, customers: set[str]) -> list[Segment]:
    """Groups of people enumerated after a colon: "Three kinds of buyer emerged: A, B and C." (not
    "three kinds of vendor: …", which names the offer)."""
    text = plain(unit.text)
    head, colon, rest = text.partition(": ")
    if not colon or not ENUMERATION.search(head) or NOT_GROUP_TOPIC.search(head) or OFFER.search(head):
        return []
    names = [(name_of(item), item) for item in ITEM_SPLIT.split(rest.rstrip(".")) if item.strip()]
    if not all(is_people(name, customers) for name, _ in names):
        return []  # a list of things, or of sellers, is no list of customer groups
    return [Segment(name=name, description=plain(item), evidence=evidence(unit)) for name, item in names]


def described_groups(unit: Unit, customers: set[str]) -> list[Segment]:
    """Groups a sentence singles out: "X make up 44% of respondents", "Among X (29% of the panel), ...",
    "X were the most price-sensitive" (comparisons only in customers' own sources)."""
    found_groups = enumerated_groups(unit, customers)
    for pattern in (SHARE_OF, AMONG, COMPARISON):
        found = pattern.search(plain(unit.text))
        voiced = pattern is not COMPARISON or unit.source_type in CUSTOMER_VOICE
        if found and voiced and is_people(found.group("name"), customers):
            share = found.groupdict().get("share") or ""
            found_groups.append(Segment(name=found.group("name"), description=share, evidence=evidence(unit)))
    return found_groups


def described(unit: Unit, name: str) -> str:
    """What the item says of its group beyond the name, with its share first when stated."""
    rest = plain(unit.text)[len(name) :].strip(" ,.:;-\u2013\u2014")
    share = PERCENT.search(unit.text)
    return f"{share.group(0)}: {rest}" if share and share.group(0) not in rest[:12] else rest


def segments_and_personas(
    units: list[Unit], customers: set[str] | None = None
) -> tuple[list[Segment], list[Segment]]:
    """(segments, personas) found in the units, each once, personas never among segments."""
    people: dict[str, Segment] = {}
    for unit in units:
        names = personas_in(unit) + [name for name in [heading_persona(unit.heading)] if name]
        for name in names:
            people.setdefault(name.casefold(), Segment(name=name, description="", evidence=evidence(unit)))
    first_names = {name.split(",")[0].split()[0].casefold() for name in (p.name for p in people.values())}
    groups: dict[str, Segment] = {}
    for segment, unit in candidates(units, customers or set()):
        quoted = {word for word in words(unit.text)}
        if not is_group(segment.name) or quoted & first_names or heading_persona(unit.heading):
            continue
        groups.setdefault(segment.name.casefold(), segment)
    return list(groups.values())[:LIMIT], list(people.values())[:LIMIT]
