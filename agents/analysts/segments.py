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

# people and organisations that buy, beyond the shared people nouns: a segment is as often a kind of
# business as a kind of person
BUYER_NOUNS = frozenset(
    singular(word)
    for word in (
        *("enterprises", "startups", "smes", "shops", "stores", "chains", "restaurants", "cafes", "clinics"),
        *("hospitals", "schools", "universities", "farms", "institutions", "hotels", "banks", "fintechs"),
        *("labs", "studios", "brands", "merchants", "cooperatives", "co-operatives", "pharmacies"),
        *("bakeries", "salons", "gyms", "dealerships", "charities", "seniors", "retirees", "tenants"),
        *(
            "landlords",
            "clinicians",
            "surgeons",
            "nurses",
            "vets",
            "chefs",
            "cooks",
            "pilots",
            "smallholders",
        ),
    )
)
LIMIT = 8
MAX_NAME_WORDS = 9
GROUP_TOPIC = re.compile(
    r"\bsegment\w*|\bgroups?\b|\bcohorts?\b|\bwho (?:buys|pays|uses|buy|pay|use)\b|\bniches\b"
    r"|\baudiences?\b|\b(?:customer|buyer|user|client) (?:types?|groups?|profiles?)\b"
    r"|\b(?:types|kinds) of (?:customers|buyers|users|clients)\b"
    r"|\btarget (?:customers|markets?|users|groups?)\b|^(?:the )?(?:buyers|customers)\b"
    r"|\bwho (?:is|are|was|were) (?:most |more )?(?:interested|keen|likely)\b|\bmost interested\b"
    r"|\binterest by\b|\bearly adopters?\b|\bideal (?:customers?|buyers?|users?|clients?)\b"
    r"|\bbest (?:prospects|fit)\b|\bwho (?:would|will|wants?|needs?) (?:\w+ )?(?:buy|pay|use|sign)"
    r"|\bby (?:customer|buyer|client|company|firm|business|user|organi[sz]ation) (?:type|size|group)\b",
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
    r" (?:(?:the|a|an|our) [^*_.;]{3,80}?|\d{2}, [^*_.;]{3,80}?))(?=[*_]|[.;]|,? who\b|$)"
)
# a named individual with an age: "Daniel, 52, drives ..." (an interviewee: never a segment)
AGED_PERSON = re.compile(r"\b(?P<first>[A-Z][a-z]+)(?: [A-Z][a-z]+)?, (?:\d{2}|aged \d{2}),")
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
    r"^(?P<name>(?:[A-Z][\w-]*|[a-z-]+)(?: [\w&'\u2013-]+){0,6}?) (?:run|ran|operate|operated|own|owned"
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
    r"(?:the most|the least|more|less|twice|three times|higher|lower|a higher|a lower)\b"
)
NOT_GROUP_START = re.compile(
    r"^(?:after|before|during|when|while|if|in|on|at|for|from|with|without|by|as|since|until|because|although"
    r"|the|this|that|these|those|it|there|some|most|many|all|several|few|both|each|every|other|others"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|half|none|no|we|they|our|their"
    r"|what|which|who|whom|whose|why|how|where)\b",  # "What groomers would accept": a question, no group
    re.IGNORECASE,
)
VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|does|do|did|can|will|would|could|should)\b", re.I)
HEAD_CUT = re.compile(
    r" (?:in|with|for|from|of|at|on|across|outside|inside|far|near|who|that|under|over|than) "
    # "instructors running their own school", "children living abroad": the head is the plural before it
    r"|(?:(?<=s)|(?<=children)|(?<=people)|(?<=men)) [a-z]{2,}ing "
    # "adults diagnosed in ...": the head is the plural before the participle
    r"|(?<=s) (?:newly |recently |already |first )?[a-z]{3,}ed "
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


def described_by_what(name: str) -> bool:
    """A group named by what its members do or have: "those newly prescribed a new drug", "those
    managing without insulin" (not "those who are ...": a clause)."""
    return bool(
        re.match(r"those (?!who\b|that\b|with\b|in\b)\w+ \w+", name, re.IGNORECASE)
    ) and not VERB.search(name)


def is_group(name: str) -> bool:
    """A noun phrase naming people or organisations ("Regional carriers in the hail belt", "Solo
    practitioners"): its head noun is plural or a people noun; not a clause, not one person."""
    if described_by_what(name) and len(name.split()) <= MAX_NAME_WORDS:
        return True
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
        singular(head) in PEOPLE | BUYER_NOUNS
        or singular(head) in {singular(word) for word in customers}
        or is_agent_noun(head)
    )


def group_topic(topic: str) -> bool:
    """Whether a heading introduces groups of customers (and not their gaps, pains or prices)."""
    return bool(GROUP_TOPIC.search(topic)) and not NOT_GROUP_TOPIC.search(topic)


# "Daniel, 52, drives long-haul"; a persona's name is often quoted: "\"Dona Ines\", 58, who has run ..."
AGED_PROFILE = re.compile(
    r"^[\"\u201c]?(?P<name>[A-Z][^\W\d_]+(?: [A-Z][^\W\d_]+)?)[\"\u201d]?"
    r"(?P<rest>, (?:aged )?\d{2}, [^.;:]{3,80}(?!\w))"
)


def personas_in(unit: Unit) -> list[str]:
    """Named persons: one a sentence about personas names ("*Priya, the first-time owner*"), or one a
    sentence opens by name and age ("Daniel, 52, drives long-haul"): one person, never a group."""
    profile = AGED_PROFILE.match(plain(unit.text))
    if profile:
        return [f"{profile.group('name')}{profile.group('rest')}".strip()]
    if not (PERSONA_TOPIC.search(unit.text) or PERSONA_TOPIC.search(unit.topic)):
        return []
    return [re.sub(r"^Meet ", "", match.group("person").strip()) for match in PERSON.finditer(unit.text)]


def describes_who(unit: Unit) -> bool:
    """Whether the unit describes who the customers are rather than what they suffer: a persona (named
    by the sentence, or the persona label or heading it sits under) or an item under a heading about
    groups ("Groups", "Segments we heard")."""
    # a paragraph's run-in persona lead covers that paragraph, not the list that follows it
    earlier_lead = unit.listed and bool(unit.minor) and unit.minor == unit.lead
    persona_label = bool(PERSONA_TOPIC.search(unit.topic)) and not earlier_lead
    if personas_in(unit) or persona_label or heading_persona(unit.heading):
        return True
    return unit.listed and group_topic(unit.topic)


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
        # "X generated $0.9 billion": a market segment, not a customer group (an amount in an aside only
        # describes the group: "Regional chains (revenue $5m to $50m) make up 40% of buyers")
        if MONEY.search(without_asides(unit.text)):
            continue
        item = listed_group(unit) or lead_group(unit, customers)
        if item:
            listed.append((item, unit))
        elif not unit.row:
            listed += [(segment, unit) for segment in topical_groups(unit, customers)]
            prose += [(segment, unit) for segment in described_groups(unit, customers)]
    return headed + listed + prose


GROUP_COLUMN = re.compile(
    r"^(?:(?:customer|buyer|client|user|member)s?(?: (?:type|group|segment|profile)s?)?|segments?|groups?"
    r"|cohorts?|who(?: buys| pays| uses)?|type of (?:customer|buyer|client|user)|(?:customer|buyer) type)$",
    re.IGNORECASE,
)
NAMED_GROUP = re.compile(
    r"\b[A-Z]\w+ (?:[A-Z]\w+ )*[Gg]roup\b"
)  # "Cedar Vets group": a company, not customers
EMPHASIS = re.compile(r"(?:\*\*|__)(?P<name>[^*_]{3,90}?)(?:\*\*|__)")
FIRST_VERB = re.compile(
    r" (?:is|are|was|were|has|have|had|do|does|did|can|could|will|would|should|may|might|must|felt|feel|feels"
    r"|said|say|says|told|tell|ran|run|runs|paid|pay|pays|spent|spend|spends|chose|choose|found|find|took"
    r"|take|gave|give|saw|see|got|get|kept|keep|lost|lose|want|wants|need|needs|use|uses|buy|buys|bought"
    r"|made|make|makes|[a-z]{3,}ed) "
)
AFTER_PREPOSITION = re.compile(r"\b(?:from|with|in|on|at|of|for|by|a|an|the|their|its|our)$", re.IGNORECASE)
LEADING = re.compile(r"^(?:the|these|those|our|their)(?: (?:two|three|four|five|six|\d+))? ", re.IGNORECASE)


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


def subject_of(text: str) -> str:
    """The noun phrase a sentence opens with, up to its verb ("The two fintech companies needed ..." ->
    "fintech companies"); "" when it opens otherwise."""
    verb = next(
        (v for v in FIRST_VERB.finditer(text) if not AFTER_PREPOSITION.search(text[: v.start()])), None
    )  # "Caterers working from rented kitchens were ...": "rented" describes the kitchens
    if not verb:
        return ""
    subject = LEADING.sub("", text[: verb.start()].strip())
    subject = CUT.split(f"{subject} ", maxsplit=1)[0].strip()
    if (
        not 2 <= len(subject.split()) <= MAX_NAME_WORDS
        or NOT_GROUP_START.search(subject)
        or VERB.search(subject)
    ):
        return ""
    return subject


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


LEAD_WORDS = 6
# "Every spring we ask people ...": a pronoun opens a clause, no group's name goes on through it
PRONOUN = re.compile(r"(?:we|i|you|they|he|she|it|us|them)", re.IGNORECASE)
COORDINATION = frozenset({"and", "or", "&"})


def lead_group(unit: Unit, customers: set[str]) -> Segment | None:
    """In customers' own notes, a paragraph whose bold lead opens with a group of buyers ("**Hotel groups
    sell in bulk.**", "**Dark kitchens and seasonal businesses.**"): that group, told by the paragraph."""
    if unit.source_type not in CUSTOMER_VOICE or not unit.lead or unit.opener or unit.headline:
        return None
    name = lead_subject(plain(unit.lead), customers)
    return Segment(name=name, description=plain(unit.text), evidence=evidence(unit)) if name else None


def lead_subject(lead: str, customers: set[str]) -> str:
    """The qualified group a lead opens with ("Hotel groups" of "Hotel groups sell in bulk"; "Dark kitchens
    and seasonal businesses"), or "": up to a people noun (or a run of them), joined only by "and"/"or",
    before any verb."""
    tokens = lead.rstrip(".:!?").split()[:LEAD_WORDS]
    if not tokens or NOT_GROUP_START.match(tokens[0]) or PERSONA_TOPIC.search(lead):
        return ""
    end = 0
    for index, token in enumerate(tokens):
        word = token.rstrip(",")
        if (
            VERB.fullmatch(word)
            or AFTER_PREPOSITION.fullmatch(word)
            or PRONOUN.fullmatch(word)
            or not re.fullmatch(r"[\w&'-]+", word)
        ):
            break  # a verb, a preposition, a pronoun or a clause's punctuation ends the noun phrase
        if is_people(word, customers):
            end = index + 1
            if word != token:
                break  # "Clinic owners, rural vets": the first group
            following = tokens[index + 1] if index + 1 < len(tokens) else ""
            # "Hotel groups", "clinic owners and hospital buyers": the group goes on; else it ends here
            if following.lower() not in COORDINATION and not (following and is_people(following, customers)):
                break
    name = " ".join(tokens[:end]).rstrip(",")
    conjuncts = re.split(r"\s+(?:and|or|&)\s+", name)
    qualified = any(len(conjunct.split()) >= 2 for conjunct in conjuncts)
    return name if qualified else ""  # "Owners", "Owners and managers": every customer, no segment


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
    for pattern in (SHARE_OF, SHARE_HELD, RESPONDENTS_AT, AMONG, COMPARISON, ORDINAL_GROUP):
        text = (
            plain(unit.text) if pattern is AMONG else without_asides(plain(unit.text))
        )  # AMONG reads its aside
        found = pattern.search(text)
        voiced = pattern is not COMPARISON or unit.source_type in CUSTOMER_VOICE
        # "X were the second group" says itself that X is a group; elsewhere X must name people
        named = found and (
            is_group(found.group("name"))
            if pattern is ORDINAL_GROUP
            else is_people(found.group("name"), customers)
        )
        if found and voiced and named:
            share = found.groupdict().get("share") or ""
            found_groups.append(Segment(name=found.group("name"), description=share, evidence=evidence(unit)))
    return found_groups


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


def plural(name: str) -> str:
    """A group's name with a plural head ("every first-time owner" names "first-time owners")."""
    *before, head = name.split()
    if head.endswith("s"):
        return name
    head = (
        f"{head[:-1]}ies"
        if re.search(r"[^aeiou]y$", head)
        else f"{head}es"
        if head.endswith(("ch", "sh", "x"))
        else f"{head}s"
    )
    return " ".join([*before, head])


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


APPROX = r"(?:(?:roughly|about|around|some|nearly|almost|just over|just under|over|under) )?"
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
    units: list[Unit], customers: set[str] | None = None
) -> tuple[list[Segment], list[Segment]]:
    """(segments, personas) found in the units, each once, personas never among segments."""
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
    for segment, unit in candidates(units, customers or set()):
        quoted = {word for word in words(unit.text)}
        if not is_group(segment.name) or quoted & first_names or heading_persona(unit.heading):
            continue
        groups.setdefault(segment.name.casefold(), segment)
    return list(groups.values())[:LIMIT], list(people.values())[:LIMIT]
