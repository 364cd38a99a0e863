"""What names a group of customers, and what names one person.

A group is a noun phrase whose head is plural or a people noun ("Regional carriers in the hail belt",
"Solo practitioners"), not a clause, not a demographic of those asked ("Women", "Respondents aged
25-34"); a persona is a named individual ("*Dana, the solo attorney*", "Daniel, 52, drives long-haul").
``segments`` reads where the sources name such groups.
"""

from __future__ import annotations

import re

from agents.analysts.customer_signals import PEOPLE, is_agent_noun
from agents.analysts.customer_text import Unit, plain
from agents.analysts.sentences import singular

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


# "Three kinds of founder", "Types of grower we met": kinds of a people noun (singular or plural)
KINDS_OF = re.compile(r"\b(?:types|kinds|sorts|categories) of (?P<noun>[a-z][a-z-]+)\b", re.IGNORECASE)


def group_topic(topic: str) -> bool:
    """Whether a heading introduces groups of customers (and not their gaps, pains or prices)."""
    kinds = KINDS_OF.search(topic)
    of_people = bool(kinds and people_noun(kinds.group("noun").lower()))
    return bool(GROUP_TOPIC.search(topic) or of_people) and not NOT_GROUP_TOPIC.search(topic)


def people_noun(noun: str) -> bool:
    """A noun for people or buyers, singular or plural ("founder", "growers", "clinics")."""
    plural_form = noun if noun.endswith("s") else f"{noun}s"
    return singular(noun) in PEOPLE | BUYER_NOUNS or is_agent_noun(plural_form)


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


FIRST_VERB = re.compile(
    r" (?:is|are|was|were|has|have|had|do|does|did|can|could|will|would|should|may|might|must|felt|feel|feels"
    r"|said|say|says|told|tell|ran|run|runs|paid|pay|pays|spent|spend|spends|chose|choose|found|find|took"
    r"|take|gave|give|saw|see|got|get|kept|keep|lost|lose|want|wants|need|needs|use|uses|buy|buys|bought"
    r"|made|make|makes|[a-z]{3,}ed) "
)
AFTER_PREPOSITION = re.compile(r"\b(?:from|with|in|on|at|of|for|by|a|an|the|their|its|our)$", re.IGNORECASE)
LEADING = re.compile(r"^(?:the|these|those|our|their)(?: (?:two|three|four|five|six|\d+))? ", re.IGNORECASE)


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


LEAD_WORDS = 6
# "Every spring we ask people ...": a pronoun opens a clause, no group's name goes on through it
PRONOUN = re.compile(r"(?:we|i|you|they|he|she|it|us|them)", re.IGNORECASE)
COORDINATION = frozenset({"and", "or", "&"})


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
