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
from agents.analysts.group_names import (
    AGED_PERSON,
    BUYER_NOUNS,
    HEADING,
    NOT_GROUP_TOPIC,
    PERSONA_TOPIC,
    described_by_what,
    group_topic,
    heading_persona,
    is_group,
    is_people,
    lead_subject,
    name_of,
    personas_in,
    plural,
    subject_of,
)
from agents.analysts.sentences import PERCENT, singular, words
from agents.state import Claim, Segment

LIMIT = 8
METHOD_TOPIC = re.compile(r"\b(?:respondents?|sample|who answered|profile|demographics?|caveats?)\b", re.I)
SHARE_OF = re.compile(
    r"^(?P<name>(?:[A-Z][\w-]*|[a-z-]+)(?: [\w&'\u2013-]+){0,6}?) (?:make up|made up|account for"
    r"|accounted for|represent|represented|are|were|form|formed) (?P<share>\d+(?:\.\d+)?\s?%) of"
    r" (?:the |all )?"
    r"(?:[\w-]+ ){0,2}?"
    r"(?:respondents|customers|users|buyers|market|demand|sample|panel|spending|spend|sales|revenue"
    r"|subscribers|clients|orders|bookings|sign-?ups|purchases|transactions)\b"
)
# "Independent garages run 61% of the workshops that service e-bikes": a group holding a share of
# where the demand is (its sites, fleets, accounts) is a part of the customers
SHARE_HELD = re.compile(
    r"^(?P<name>(?:[A-Z][\w-]*|[a-z-]+)(?: [\w&'\u2013-]+){0,6}?)"
    r" (?:now |today |already |still |currently |together |jointly )?(?:run|ran|operate|operated|own|owned"
    r"|hold|held|manage|managed) (?:about |around |roughly |some |nearly |over |almost )?"
    r"(?P<share>\d+(?:\.\d+)?\s?%) of (?:the |all )?(?:[\w-]+ ){0,3}?[a-z-]+s\b"
)
# "47% of respondents at mid-sized clinics say ...": the survey singles out those at (in, from) a group
RESPONDENTS_AT = re.compile(
    r"^(?:about |around |roughly |some |nearly |over |almost )?(?P<share>\d+(?:\.\d+)?\s?%) of (?:the )?"
    r"(?:respondents|participants|interviewees|those (?:asked|surveyed)|people (?:asked|surveyed))"
    r" (?:at|in|from|among|working (?:at|in|for)|employed (?:at|by)) (?P<name>[\w&'\u2013-]+"
    r"(?: [\w&'\u2013-]+){0,6}?)"
    r" (?:say|said|report|reported|rely|relied|use|used|want|wanted|have|had|are|were|do|did|would|prefer"
    r"|preferred|pay|paid|run|ran|buy|bought|plan|planned|expect|expected)\b"
)
ASIDE = re.compile(r"\s*\([^()]*\)")


def without_asides(text: str) -> str:
    """The text without its parenthetical asides: "Tier 2 firms (turnover £10m to £250m) run 57% of ..."
    describes the firms in the aside; the sentence says what they run."""
    return ASIDE.sub("", text)


APPROX = r"(?:(?:roughly|about|around|some|nearly|almost|just over|just under|over|under) )?"
# "By buyer size, mid-sized firms accounted for 41% of spending, large enterprises for 47% and ..."
BREAKDOWN = re.compile(r"^By (?:\w+[ -]){0,2}?(?:\w+), (?P<rest>.+)$")
BREAKDOWN_ITEM = re.compile(
    r"^(?:and )?(?P<name>[\w&' -]+?)(?: \([^)]*\))? (?:(?:accounted|account|accounting) for|made up|make up"
    r"|represented|represent|were|are|for|at|with) (?P<share>\d+(?:\.\d+)?\s?%)"
)
# "Florists, bakeries and pharmacies make up most buyers"
MOST_OF = re.compile(
    r"^(?P<names>[A-Z][^.;:]{2,120}?) (?:make up|made up|account for|accounted for|are|were|represent)"
    r" (?:most|the bulk|the majority|the largest share|two thirds|half) (?:of )?(?:the |our |all )?"
    r"(?:\w+ )?(?:buyers|customers|users|clients|demand|sales|respondents|subscribers|members|sign-?ups)\b"
)
# "Interest was highest among X and among Y", "popular especially among X"
INTEREST_AMONG = re.compile(
    r"\b(?:highest|strongest|greatest|keenest|most common|most popular|most interested|most likely"
    r"|most often|especially|particularly|mainly|mostly|above all) among (?P<names>[^.;]+)",
    re.IGNORECASE,
)
# "Demand per child is highest in northern Norway", "uptake was strongest in rural districts": where the
# demand is greatest is a segment of buyers by place
DEMAND_WHERE = re.compile(
    r"\b(?i:demand|interest|uptake|adoption|spending|spend|usage|take-up)\b[^.;:]{0,40}?"
    r"\b(?:is|was|are|were|runs?|ran) (?:highest|strongest|greatest|keenest|largest|most intense)"
    r" in (?!(?:the )?(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Q[1-4])\b)"
    r"(?P<place>(?:the )?(?:[a-z]+ )?"
    r"[A-Z][\w\u00c0-\u024f-]+(?: [A-Z][\w\u00c0-\u024f-]+)*"
    r"|(?:[a-z]+ )?(?:areas|towns|cities|regions|districts|provinces|states|counties|villages|suburbs))\b"
)
AMONG_SPLIT = re.compile(r",? and (?:also )?among |,? among |,? as well as among ")
# "Smallholder growers were the second group", "Couriers are the largest segment"
ORDINAL_GROUP = re.compile(
    r"^(?P<name>[A-Z][\w-]*(?: [\w&'-]+){0,7}?) (?:were|are|was|is|formed|form|made up|make up) the"
    r" (?:first|second|third|fourth|next|largest|biggest|smallest|main|other|fastest-growing|most \w+)"
    r" (?:\w+ )?(?:group|segment|cohort|buyers?|customers?)\b"
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
    r"(?:^|[,;] )[Aa]mong (?:the )?(?P<name>[a-z][\w-]*(?: [\w&'\u2013-]+){0,7}?)"
    r"(?: \((?P<share>\d+(?:\.\d+)?\s?%)[^)]*\))?,"
)
COMPARISON = re.compile(
    r"^(?P<name>[A-Z][a-z-]+(?: [a-z&-]+){0,6}?) (?:were|are|was|is|stated|reported|said) (?:\w+ ){0,2}?"
    r"(?:the most|the least|more|less|twice|three times|higher|lower|a higher|a lower"
    r"|the (?:highest|lowest|largest|smallest|biggest|fewest|greatest))\b"
)
# between the clauses of a sentence comparing several groups: "Solo clinics reported the highest rates;
# clinics in small towns were the most likely to ..."
CLAUSES = re.compile(r";\s+|,\s+(?:while|whereas)\s+")


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
        # "X generated $0.9 billion": a market segment, not a customer group (an amount in an aside only
        # describes the group: "Regional chains (revenue $5m to $50m) make up 40% of buyers")
        if MONEY.search(without_asides(unit.text)):
            continue
        item = listed_group(unit) or lead_group(unit, customers) or counted_part(unit, customers)
        if item:
            listed.append((item, unit))
        elif not unit.row:
            listed += [(segment, unit) for segment in topical_groups(unit, customers)]
            prose += [(segment, unit) for segment in described_groups(unit, customers)]
    return headed + listed + prose


GROUP_COLUMN = re.compile(
    r"^(?:(?:customer|buyer|client|user|member)s?(?: (?:type|group|segment|profile)s?)?|segments?|groups?"
    r"|cohorts?|who(?: buys| pays| uses)?|type of (?:customer|buyer|client|user)|(?:customer|buyer) type"
    # a breakdown by kind of buyer: "By type of event", "By customer type", "By kind of venue"
    r"|by (?:(?:type|kind|category) of )?(?:customer|buyer|client|user|end[- ]user|event|venue|business"
    r"|organisation|organization|institution|facility|operator)s?(?: (?:type|group|segment)s?)?"
    r"|by (?:segment|customer segment))$",
    re.IGNORECASE,
)
NAMED_GROUP = re.compile(
    r"\b[A-Z]\w+ (?:[A-Z]\w+ )*[Gg]roup\b"
)  # "Cedar Vets group": a company, not customers
EMPHASIS = re.compile(r"(?:\*\*|__)(?P<name>[^*_]{3,90}?)(?:\*\*|__)")


def topical_groups(unit: Unit, customers: set[str]) -> list[Segment]:
    """Groups a paragraph under a heading or lead about groups ("Who is most interested", "**Segments we
    heard.**") names: its emphasised phrases ("interest was highest among **women traders**"), else the
    subject of each of its sentences ("Mid-sized product companies with a small platform team felt ...")."""
    topics = [
        topic for topic in (unit.lead, unit.topic) if group_topic(topic) and not NAMED_GROUP.search(topic)
    ]
    if unit.listed or unit.headline or PERSONA_TOPIC.search(unit.topic) or not topics:
        return []
    found = []
    for match in EMPHASIS.finditer(unit.text):
        name = match.group("name").strip(" .,:;")
        before = plain(unit.text[: match.start()])
        among = re.search(r"\bamong (?:the )?((?:[a-z-]+ ){0,2})$", before)
        if among and not is_group(name):
            name = f"{among.group(1)}{name}"  # "among adults **diagnosed this year**", "among those **…**"
        if among or is_group(name) or is_people(name, customers):
            found.append(Segment(name=name, description=plain(unit.text), evidence=evidence(unit)))
    if found or EMPHASIS.search(unit.text):
        return found
    if enumerated_groups(unit, customers):
        return []  # "Respondents fall into three groups: A, B and C" names A, B and C, not its subject
    subject = subject_of(plain(unit.text))
    if subject and is_people(subject, customers):
        return [Segment(name=subject, description=plain(unit.text), evidence=evidence(unit))]
    return []


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
    column = unit.header.split(" | ")[0] if unit.row else ""  # "Customer type | Share": rows name groups
    band = banded_group(unit) if unit.row else ""
    if band:
        return Segment(
            name=band, description=described(unit, unit.text.split(" | ")[0]), evidence=evidence(unit)
        )
    if PERSONA_TOPIC.search(unit.topic) or not (
        group_topic(unit.topic if unit.listed or unit.row else unit.heading) or GROUP_COLUMN.search(column)
    ):
        return None
    if unit.listed:
        # "**Lower-income buyers** buy most often ...": the bold phrase the item opens with names its group
        name = unit.label if unit.label and is_group(unit.label) else name_of(unit.text)
    elif unit.row:
        name = unit.text.split(" | ")[0]
    elif unit.lead and is_group(name_of(unit.lead)):
        name = name_of(unit.lead)
    else:
        return None
    return Segment(name=name, description=described(unit, name), evidence=evidence(unit))


# a table of buyers broken down by a measure of their size or kind: "Clinics by number of vets (share of
# clinics)", "Firms by headcount": each row is a band of those buyers
BY_MEASURE = re.compile(
    r"^(?:\d+[.)]\s*)?(?P<who>[A-Za-z][\w-]*(?: [a-z][\w-]*)?) (?:\([^)]*\) )?by (?!region\b|state\b"
    r"|province\b|country\b|year\b|month\b|quarter\b)[\w -]{2,40}?(?:\s*\(|$)"
)
BAND = re.compile(
    r"^(?:fewer than|less than|more than|under|over|at least|up to|between|below|above|\d)", re.IGNORECASE
)


def banded_group(unit: Unit) -> str:
    """The band of buyers a row of a breakdown by size names ("Clinics with 2 to 5 vets" from the row
    "2 to 5 vets | 31%" under "Clinics by number of vets"), or ""."""
    by = BY_MEASURE.match(unit.header.split(" | ")[0])
    label = unit.text.split(" | ")[0].strip()
    if not by or len(unit.header.split(" | ")) > 1 or not BAND.match(label) or len(label.split()) > 6:
        return ""
    who = by.group("who")
    head = who.split()[-1].lower()
    if not (singular(head) in PEOPLE | BUYER_NOUNS or is_agent_noun(head)) or not head.endswith("s"):
        return ""
    return f"{who[0].upper()}{who[1:]} with {label}"


# a statistics line counting a qualified part of the customers: "Vineyards under 20 hectares: 1,230, or 61%
# of vineyards", "Owner-run dental practices: 1,480 (62%)"
COUNTED_PART = re.compile(
    r"^(?P<label>[A-Z][^:|]{3,70}?)\s*:\s*(?:about\s+|around\s+)?\d[\d,.\u202f ]*"
    r"(?:\s*\((?P<share>\d+(?:\.\d+)?\s?%)[^)]*\)|,\s*or\s+(?P<share2>\d+(?:\.\d+)?\s?%)\s+of\s+\w+|\s*$)"
)


def counted_part(unit: Unit, customers: set[str]) -> Segment | None:
    """A counted part of the idea's customers, named with what sets it apart ("Vineyards under 20
    hectares: 1,230, or 61% of vineyards"): a segment with its size. The whole population ("Producing
    vineyards: 2,010"), a count of things ("Wind machines installed: 1,150") or of people not the idea's
    customers is none."""
    counted = COUNTED_PART.match(plain(unit.text))
    if not counted or not customers:
        return None
    label = counted.group("label").strip()
    words = re.findall(r"[a-z][\w-]*", label.lower())
    wanted = {singular(word) for word in customers}
    heads = [index for index, word in enumerate(words) if singular(word) in wanted and word.endswith("s")]
    # its own qualifier: words beyond the customer's noun that are not the customer's other words
    qualifier = [word for word in words if singular(word) not in wanted and word not in STOP_QUALIFIERS]
    # the customers are what the line counts: their noun heads the label ("Grooming tables sold to
    # groomers" counts tables)
    if not heads or heads[0] > LABEL_HEAD_REACH or len(qualifier) < 2:
        return None
    return Segment(name=label, description=plain(unit.text), evidence=evidence(unit))


LABEL_HEAD_REACH = 2  # the customers' noun among a label's first three words
STOP_QUALIFIERS = frozenset(
    {"the", "a", "an", "of", "in", "and", "all", "total", "number", "producing", "registered"}
)


def lead_group(unit: Unit, customers: set[str]) -> Segment | None:
    """In customers' own notes, a paragraph whose bold lead opens with a group of buyers ("**Hotel groups
    sell in bulk.**", "**Dark kitchens and seasonal businesses.**"): that group, told by the paragraph."""
    if unit.source_type not in CUSTOMER_VOICE or not unit.lead or unit.opener or unit.headline:
        return None
    name = lead_subject(plain(unit.lead), customers)
    return Segment(name=name, description=plain(unit.text), evidence=evidence(unit)) if name else None


RELATIVE = re.compile(r"^(?:which|who|whose|where|when)\b", re.IGNORECASE)
THOUSANDS = "\u2063"  # stands for a thousands separator while the items are split


GROUP_OF = re.compile(
    r"^(?:and |or )?(?:(?:an?|the) (?:\w+ )?(?:group|segment|cohort|share) of |and |or )", re.IGNORECASE
)


def enumerated_items(text: str) -> list[str]:
    """The items of an enumeration, a relative clause kept with the item it describes ("... tenders, which
    must prove ..."); a number's thousands separator ("under 20,000 people") stands as ``THOUSANDS``."""
    items: list[str] = []
    protected = re.sub(r"(?<=\d),(?=\d{3}\b)", THOUSANDS, text)
    # items separated by semicolons keep their commas ("NRI children in the US, the UK or the Gulf; …")
    parts = re.split(r";\s*", protected) if ";" in protected else ITEM_SPLIT.split(protected)
    for item in parts:
        item = GROUP_OF.sub("", item.strip())  # "and a smaller group of elderly couples" -> "elderly couples"
        if not item.strip():
            continue
        if items and RELATIVE.match(item.strip()):
            items[-1] = f"{items[-1]}, {item.strip()}"
        else:
            items.append(item.strip())
    return items


def enumerated_groups(unit: Unit, customers: set[str]) -> list[Segment]:
    """Groups of people enumerated after a colon: "Three kinds of buyer emerged: A, B and C." (not
    "three kinds of vendor: …", which names the offer)."""
    text = plain(unit.text)
    head, colon, rest = text.partition(": ")
    if not colon or not ENUMERATION.search(head) or NOT_GROUP_TOPIC.search(head) or OFFER.search(head):
        return []
    names = [
        (name_of(item).replace(THOUSANDS, ","), item.replace(THOUSANDS, ","))
        for item in enumerated_items(rest.rstrip("."))
    ]
    if not names or not all(is_people(name, customers) for name, _ in names):
        return []  # a list of things, or of sellers, is no list of customer groups
    return [Segment(name=name, description=plain(item), evidence=evidence(unit)) for name, item in names]


def described_groups(unit: Unit, customers: set[str]) -> list[Segment]:
    """Groups a sentence singles out: "X make up 44% of respondents", "Among X (29% of the panel), ...",
    "X were the most price-sensitive" (comparisons only in customers' own sources)."""
    found_groups = enumerated_groups(unit, customers) + breakdown_groups(unit, customers)
    found_groups += contrasted_groups(unit, customers) + quantified_groups(unit, customers)
    if where := DEMAND_WHERE.search(plain(unit.text)):
        name = f"Buyers in {where.group('place')}"
        found_groups.append(Segment(name=name, description=plain(unit.text), evidence=evidence(unit)))
    found_groups += compared_groups(unit, customers) + sized_groups(unit, customers)
    for pattern in (SHARE_OF, SHARE_HELD, RESPONDENTS_AT, AMONG, ORDINAL_GROUP):
        text = (
            plain(unit.text) if pattern is AMONG else without_asides(plain(unit.text))
        )  # AMONG reads its aside
        found = pattern.search(text)
        # "X were the second group" says itself that X is a group; elsewhere X must name people
        named = found and (
            is_group(found.group("name"))
            if pattern is ORDINAL_GROUP
            else is_people(found.group("name"), customers)
        )
        if found and named:
            share = found.groupdict().get("share") or ""
            found_groups.append(Segment(name=found.group("name"), description=share, evidence=evidence(unit)))
    return found_groups


def compared_groups(unit: Unit, customers: set[str]) -> list[Segment]:
    """Groups customers' own sources compare, one a clause: "Solo clinics reported the highest no-show rates;
    clinics in small towns were the most likely to keep a paper list"."""
    if unit.source_type not in CUSTOMER_VOICE:
        return []
    found = []
    for clause in CLAUSES.split(without_asides(plain(unit.text))):
        match = COMPARISON.search(f"{clause[:1].upper()}{clause[1:]}")
        name = match.group("name") if match else ""
        if name and is_people(name, customers):
            found.append(Segment(name=name, description=plain(unit.text), evidence=evidence(unit)))
    return found


# "By size, 45% of responding clinics have one or two vets, 40% have three to five and 15% six or more": the
# buyers split by a measure, each share first and its band after
SIZED_VERBS = r"have|has|had|run|runs|ran|employ|employs|are|were|is|was"
SHARE_FIRST = re.compile(
    rf"^{APPROX}(?P<share>\d+(?:\.\d+)?\s?%) of (?:the |all )?(?:responding |surveyed |participating )?"
    rf"(?P<who>[a-z][\w-]*(?: [a-z][\w-]*)?) (?P<verb>{SIZED_VERBS}) (?P<band>.+)$"
)
SHARE_NEXT = re.compile(
    rf"^(?:and )?{APPROX}(?P<share>\d+(?:\.\d+)?\s?%)(?: (?:{SIZED_VERBS}))? (?P<band>.+)$"
)
PLACE_WORD = re.compile(r"^(?:in|at|on|from|outside|near|across)\b")
BAND_WORDS = 6


def sized_groups(unit: Unit, customers: set[str]) -> list[Segment]:
    """Bands of a breakdown of the buyers by a measure, share first: "By size, 45% of responding clinics
    have one or two vets, 40% have three to five" names "Clinics with one or two vets", "Clinics with three
    to five"."""
    by = BREAKDOWN.match(plain(unit.text).rstrip("."))
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+(?=(?:about |around )?\d)", by.group("rest")) if by else []
    first = SHARE_FIRST.match(parts[0]) if parts else None
    if not first or not is_people(first.group("who"), customers):
        return []
    bands = [(first.group("share"), first.group("band"))]
    bands += [(item.group("share"), item.group("band")) for item in map(SHARE_NEXT.match, parts[1:]) if item]
    if len(bands) < 2 or len(bands) < len(parts) or any(len(band.split()) > BAND_WORDS for _, band in bands):
        return []  # one share is no breakdown; a part that is no band means a sentence of another shape
    who = first.group("who")
    who = f"{who[0].upper()}{who[1:]}"
    return [
        Segment(
            name=f"{who} {band}" if PLACE_WORD.match(band) else f"{who} with {band}",
            description=share,
            evidence=evidence(unit),
        )
        for share, band in bands
    ]


def study_groups(units: list[Unit], customers: set[str]) -> list[tuple[Segment, Unit]]:
    """Groups a study's own account of who answered still singles out: its breakdown of the responding
    buyers by size or place, and its comparisons between groups (never who answered: their age, sex or
    role)."""
    return [
        (segment, unit)
        for unit in units
        for segment in [*sized_groups(unit, customers), *compared_groups(unit, customers)]
    ]


# "Every first-time owner we spoke to ...", "Most rural clinics we visited ...": a quantifier, then the group
QUANTIFIER = re.compile(
    r"^(?:every|each|all|most|many|both|several)(?: of the)? (?P<rest>.+)$",
    re.IGNORECASE,
)


# what marks a quantified group as a part of those asked: "... we spoke to", "... who had closed"
SUBGROUP = re.compile(
    r"\s+(?:we (?:spoke|talked) (?:to|with)|we (?:interviewed|met|visited|asked|surveyed)"
    r"|(?:interviewed|surveyed)\b|in (?:our|the|this) (?:sample|study|survey|panel)|who\b|that\b)",
    re.IGNORECASE,
)


def quantified_groups(unit: Unit, customers: set[str]) -> list[Segment]:
    """A qualified group customers' own notes single out among those asked: "Every first-time owner we
    spoke to bought used" names first-time owners (a bare "Most owners ..." names no segment)."""
    quantified = QUANTIFIER.match(plain(unit.text))
    if unit.source_type not in CUSTOMER_VOICE or not quantified:
        return []
    rest = quantified.group("rest")
    name = lead_subject(rest, customers)
    if not name or not SUBGROUP.match(rest[len(name) :]):
        return []  # "Every ward manager described ...": everyone asked, no group singled out
    return [Segment(name=plural(name), description=plain(unit.text), evidence=evidence(unit))]


PREFERENCE = re.compile(
    r" (?:wanted|want|preferred|prefer|needed|need|asked for|ask for|chose|choose|valued|value|favoured"
    r"|favored|were (?:more|less|most|least) (?:likely|interested|willing))\b"
)


def contrasted_groups(unit: Unit, customers: set[str]) -> list[Segment]:
    """Groups that customers' own sources set against each other by what they want: "Single-site shops
    wanted one bike; the two multi-site chains wanted a fleet contract" (each clause's qualified subject)."""
    if unit.source_type not in CUSTOMER_VOICE:
        return []
    clauses = [
        clause for clause in re.split(r";\s+|,\s+(?:while|whereas|but)\s+", plain(unit.text)) if clause
    ]
    if len(clauses) < 2:  # a contrast names two groups at least
        return []
    found = []
    for clause in clauses:
        verb = PREFERENCE.search(clause)
        if not verb:
            continue
        subject = subject_of(clause)
        # the preference verb follows the subject directly: the clause's own subject wants it
        direct = bool(subject) and clause.find(subject) + len(subject) >= verb.start() - 1
        if direct and is_people(subject, customers):
            found.append(Segment(name=subject, description=plain(unit.text), evidence=evidence(unit)))
    return found if len(found) >= 2 else []


SHARE = r"(?P<share>\d+(?:\.\d+)?\s?%)"
# "Recruitment agencies pay for roughly 55% of training, hospitals directly for 25%, and nurses themselves
# for about 20%": who pays which share is a split of the customers
PAYER_FIRST = re.compile(
    rf"^(?P<name>[A-Z][\w&' -]+?) (?:pay|pays|paid|fund|funds|funded|cover|covers|covered|bear|bears|bore)"
    rf"(?: for)? {APPROX}{SHARE} of [^,;]+(?P<rest>[,;].*)?$"
)
PAYER_NEXT = re.compile(
    rf"(?:^|[,;]\s*|\s+and\s+)(?:and )?(?P<name>[\w&' -]+?)"
    rf"(?: (?:directly|themselves|itself|alone|mostly|mainly|together))? for {APPROX}{SHARE}"
)


def payer_split(text: str) -> list[tuple[str, str]]:
    """The payers of a split and their shares: [("Recruitment agencies", "55%"), ("hospitals", "25%"), …]."""
    first = PAYER_FIRST.match(text)
    if not first:
        return []
    items = [(first.group("name"), first.group("share"))]
    for item in PAYER_NEXT.finditer(first.group("rest") or ""):
        items.append((item.group("name").strip(), item.group("share")))
    return items if len(items) >= 2 else []  # one payer's share is no split


def breakdown_groups(unit: Unit, customers: set[str]) -> list[Segment]:
    """Groups of a breakdown: "By buyer size, mid-sized firms accounted for 41% of spending, large
    enterprises for 47% and small teams for 12%"; "X, Y and Z make up most buyers"; "Interest was highest
    among X, and among Y"."""
    text = plain(unit.text)
    items: list[tuple[str, str]] = []
    if by := BREAKDOWN.match(text):
        for part in re.split(r",\s*(?:and\s+)?|\s+and\s+(?=[\w&' -]+? (?:for|at|with) \d)", by.group("rest")):
            if item := BREAKDOWN_ITEM.match(part.strip()):
                items.append((item.group("name").strip(), item.group("share")))
    if most := MOST_OF.match(text):
        parts = re.split(r",\s*(?:and |or )?|\s+(?:and|or)\s+", most.group("names"))
        items += [(name_of(part), "") for part in parts if part.strip()]
    payers = payer_split(text)  # the sentence says they pay: any group of them is a customer group
    items += payers
    if interest := INTEREST_AMONG.search(text):
        items += [(name_of(part), "") for part in AMONG_SPLIT.split(interest.group("names"))]
    found = []
    for name, share in items:
        paying = (name, share) in payers and is_group(name)
        if paying or is_people(name, customers) or described_by_what(name):
            found.append(Segment(name=name, description=share or plain(unit.text), evidence=evidence(unit)))
    return found


def described(unit: Unit, name: str) -> str:
    """What the item says of its group beyond the name, with its share first when stated."""
    if unit.row:  # "Hotel chains | 31% | resorts" -> "31%, resorts"
        rest = ", ".join(cell for cell in plain(unit.text).split(" | ")[1:] if cell)
    else:
        rest = plain(unit.text)[len(name) :].strip(" ,.:;-\u2013\u2014")
    share = PERCENT.search(unit.text)
    return f"{share.group(0)}: {rest}" if share and share.group(0) not in rest[:12] else rest


def segments_and_personas(
    units: list[Unit], customers: set[str] | None = None, study: list[Unit] | None = None
) -> tuple[list[Segment], list[Segment]]:
    """(segments, personas) found in the units (and in ``study``, the sentences describing a study's
    sample), each once, personas never among segments."""
    people: dict[str, Segment] = {}
    for unit in units:
        names = personas_in(unit) + [name for name in [heading_persona(unit.heading)] if name]
        for name in names:
            people.setdefault(name.casefold(), Segment(name=name, description="", evidence=evidence(unit)))
    first_names = {name.split(",")[0].split()[0].casefold() for name in (p.name for p in people.values())}
    first_names |= {
        match.group("first").casefold() for unit in units for match in AGED_PERSON.finditer(unit.text)
    }
    groups: dict[str, Segment] = {}
    customers = customers or set()
    for segment, unit in [*candidates(units, customers), *study_groups(study or [], customers)]:
        quoted = {word for word in words(unit.text)}
        if not is_group(segment.name) or quoted & first_names or heading_persona(unit.heading):
            continue
        groups.setdefault(segment.name.casefold(), segment)
    return list(groups.values())[:LIMIT], list(people.values())[:LIMIT]
