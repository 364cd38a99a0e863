"""Customer groups that interview notes name in their interviewee profiles.

Interview notes often open each conversation with a numbered profile line, then the notes as a bullet
list: "(2) Store manager, independent bike shop, Leeds (6 staff)", "[3] Payroll lead, logistics firm".
The descriptors say who was heard: a role, the kind of organisation (or, alone, the kind of person),
a place and a size. The kind of organisation or person is a group of customers the research reached:
"Independent bike shops". Places, sizes and a bare role ("Owner") name no group.
"""

from __future__ import annotations

import re

from agents.analysts.customer_signals import PEOPLE
from agents.analysts.group_names import is_group, plural
from agents.analysts.sentences import singular, split_line
from agents.state import Claim, Segment, Source, SourceType

# the numbered line that opens one interview's notes: "(1) …", "[2] …", "3) …", "4. …"
PROFILE = re.compile(r"^\s*(?:\(\d{1,2}\)|\[\d{1,2}\]|\d{1,2}[.)])\s+(?P<body>[^.;:!?\"\u201c]{3,140}?)\s*$")
BULLET = re.compile(r"^\s*[-*\u2022]\s+\S")
INTERVIEW_TITLE = re.compile(
    r"\binterview\w*|\bconversations?\b|\bcalls\b|\bdiscovery\b|\bfield notes\b", re.IGNORECASE
)
ASIDE = re.compile(r"\s*\([^()]*\)")
# what follows the head of a descriptor: "township in eastern Ontario", "county buying for 11 members"
TAIL = re.compile(r" (?:in|at|from|with|for|of|near|on|outside|serving|buying|selling|who|that|which) ")
# a descriptor that is a clause with a count: "serves 30 small towns", "runs 4 sites"
CLAUSE = re.compile(r"^[a-z]+s \D{0,20}\d")
MAX_WORDS = 16
# the sentence that counts who was heard: "Nine owners of corner shops and seven households, interviewed in
# person", "Eleven conversations: six independent dealers, two managers of franchised dealerships"
HEARD = re.compile(r"\b(?:interview\w*|conversations?|calls|spoke|met|talked|visited)\b", re.IGNORECASE)
COUNT_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
COUNTED = re.compile(
    rf"^(?:{'|'.join(COUNT_WORDS)}|[2-9]|[1-9]\d)\s+(?P<name>[a-z][\w-]*(?: [\w-]+){{0,5}})$", re.IGNORECASE
)
# where a counted item's name ends: its place, time or how they were heard
NAME_END = re.compile(r" (?:in|near|from|at|across|around|based|on|during|by|over|for|via|interviewed|met)\b")
ITEM_SPLIT = re.compile(r",\s*(?:and\s+)?|;\s*|\s+and\s+")
HEARD_TAIL = re.compile(r",? (?:interviewed|met|heard|spoken|visited|reached|called)\b.*$", re.IGNORECASE)
OPENING_CHARS = 800  # the count of who was heard opens the notes
# "owners of clinics" is "clinic owners": a role and the one kind of organisation it is held in
ROLE_OF = re.compile(r"^(?P<role>[a-z][\w-]*(?: [a-z][\w-]*)?) of (?P<kind>[a-z][\w-]*s)$", re.IGNORECASE)
MIN_PROFILES = 2  # one numbered line is no series of interviews


def is_interview_notes(source: Source, source_type: SourceType) -> bool:
    """Whether the source is a record of interviews: typed so, or titled so."""
    return source_type == "interviews" or bool(INTERVIEW_TITLE.search(source.title))


def profile_lines(content: str) -> list[str]:
    """The bodies of numbered lines that a bullet list of notes follows, each one interviewee."""
    lines = content.splitlines()
    bodies = []
    for index, line in enumerate(lines):
        match = PROFILE.match(line)
        following = next((later for later in lines[index + 1 :] if later.strip()), "")
        if match and BULLET.match(following) and len(match.group("body").split()) <= MAX_WORDS:
            bodies.append(match.group("body").strip())
    return bodies


def descriptor_head(descriptor: str) -> str:
    """The noun phrase a descriptor opens with, before its place or clause ("township in eastern
    Ontario" -> "township")."""
    return TAIL.split(f"{descriptor} ", maxsplit=1)[0].strip()


def is_place(head: str) -> bool:
    """A place: its last word a proper name ("Leeds", "northern Norway", "regional NSW")."""
    return head.split()[-1][:1].isupper()


def kind_of(body: str) -> str:
    """The kind of organisation or person a profile names: the descriptor after the role, or the only
    one there is; "" for a bare role, a place or a size."""
    protected = re.sub(r"(?<=\d),(?=\d{3}\b)", "", ASIDE.sub("", body))
    heads = [descriptor_head(part.strip()) for part in protected.split(",") if part.strip()]
    if heads and not heads[0].split()[0].isupper():
        heads[0] = f"{heads[0][:1].lower()}{heads[0][1:]}"  # the line's capital opens it, names no place
    if len(heads) < 2 or any(CLAUSE.match(head) for head in heads):
        return ""  # "MSP owner, serves 30 towns": what the interviewee does, not what they are
    kept = [head for head in heads if head and not re.search(r"[\d~]", head) and not is_place(head)]
    if not kept:
        return ""
    kind = kept[1] if len(kept) > 1 else kept[0]
    if len(kind.split()) == 1 and (singular(kind.lower()) in PEOPLE or kind.isupper()):
        return ""  # "Owner", "CAO": a role every customer has
    return kind


def interviewee_groups(source: Source, source_type: SourceType) -> list[Segment]:
    """The groups of customers a source's interviewee profiles name, each once."""
    if not is_interview_notes(source, source_type):
        return []
    bodies = profile_lines(source.content)
    if len(bodies) < MIN_PROFILES:
        return []
    found: dict[str, Segment] = {}
    for body in bodies:
        kind = kind_of(body)
        if not kind:
            continue
        name = plural(kind)
        name = f"{name[0].upper()}{name[1:]}"
        if not is_group(name):
            continue
        claim = Claim(text=body, source_ids=[source.id], quote=body)
        description = f"One of the interviewees: {body}"
        found.setdefault(name.casefold(), Segment(name=name, description=description, evidence=[claim]))
    return list(found.values())


def counted_groups(source: Source, source_type: SourceType) -> list[Segment]:
    """The groups the opening of interview notes counts among those heard ("six independent dealers, two
    managers of franchised dealerships"), each counted two or more: a kind of customer the research
    reached. A bare people noun ("seven households") names no kind; neither does one person."""
    if not is_interview_notes(source, source_type):
        return []
    found: dict[str, Segment] = {}
    lines = source.content[:OPENING_CHARS].splitlines()
    opening = " ".join(line for line in lines if not line.startswith("#"))
    for sentence in split_line(opening):
        if not HEARD.search(sentence):
            continue
        listed = ASIDE.sub("", sentence.split(":", 1)[-1]).strip().rstrip(".")
        for item in ITEM_SPLIT.split(HEARD_TAIL.sub("", listed)):
            counted = COUNTED.match(item.strip())
            if not counted:
                continue
            name = NAME_END.split(counted.group("name"), maxsplit=1)[0].strip()
            if role := ROLE_OF.match(name):
                name = f"{singular(role.group('kind'))} {role.group('role')}"
            if HEARD.search(name) or (len(name.split()) == 1 and singular(name.lower()) in PEOPLE):
                continue  # "Eight conversations", "six calls": how many talks, not who
            name = f"{name[0].upper()}{name[1:]}"
            if not is_group(name):
                continue
            claim = Claim(text=sentence.strip(), source_ids=[source.id], quote=sentence.strip())
            found.setdefault(
                name.casefold(),
                Segment(name=name, description=f"Among those interviewed: {item.strip()}", evidence=[claim]),
            )
    return list(found.values())
