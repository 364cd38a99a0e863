"""Whether a capitalised phrase is a product's or a company's proper name.

Not a common noun the sources also write in lower case ("Competition", "Crates"), not a place
("Western Kenya"), not a person or a persona ("Wanjiru, tomato trader"), not a report's own label
("Segment 1") and not a plan tier ("Team", "Enterprise", "Open Source").
"""

from __future__ import annotations

import re
from functools import cache

from babel import Locale

from agents.analysts import gazetteer
from agents.state import Source

UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
NAME = rf"(?:[{UPPER}]|[a-z]+[A-Z])[\w'&.+-]*[a-z0-9\u00df-\u00ff][\w'&.+-]*(?: (?:[{UPPER}][\w'&+-]*|\d+))*"
NOT_NAMES = {
    "The", "This", "That", "These", "Those", "Our", "Its", "It", "We", "Each", "Every", "Paid", "Annual",
    "Most", "More", "Only", "No", "Free", "Users", "Parents", "Families", "Customers", "Pricing", "Price",
    "Family", "Premium", "Basic", "Standard", "Pro", "Plus", "Monthly", "Yearly", "A", "An", "One", "Both",
    "Per", "What", "How", "Why", "When", "Where", "Who", "Which", "Q", "Some", "Many", "Several", "All",
    "Any", "Few", "Other", "Others", "Their", "They", "You", "Your", "If", "In", "At", "On", "For", "With",
    "By", "From", "As", "After", "Before", "Since", "While", "But", "And", "Or", "So", "Yet", "Not", "Also",
    "Dr", "Dr.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Prof", "Prof.", "Sir", "Madam", "Respondents",
    "Participants", "Interviewees", "Sample", "Base", "Note", "Notes", "Source", "Sources", "Caveat",
    "Caveats", "Methodology", "Overall", "Verdict", "Summary", "Update", "Edit",
    # a forum's labels of its own parts ("Thread: Who pays for ...?", "Re: ...")
    "Thread", "Threads", "Topic", "Re", "Reply", "Replies", "Comment", "Comments", "Forum", "Poll",
}  # fmt: skip
# words a plan tier is made of ("Team", "Enterprise", "Open Source", "Pay As You Go"); a name made of
# nothing else is a tier of some product, not a company
TIER_WORDS = {
    "free", "basic", "standard", "starter", "start", "plus", "pro", "premium", "professional", "team",
    "teams", "business", "enterprise", "growth", "scale", "core", "essential", "essentials", "advanced",
    "ultimate", "unlimited", "lite", "light", "personal", "individual", "individuals", "family", "community",
    "open", "source", "developer", "self-hosted", "monthly", "annual", "yearly", "max", "elite", "gold",
    "silver", "bronze", "platinum", "small", "medium", "large", "solo", "duo", "hobby", "startup", "agency",
    "edition", "plan", "tier", "package", "pay", "as", "you", "go", "per", "use", "trial", "home", "office",
    "classic", "complete", "select", "flex", "volume", "fleet", "corporate", "organisation", "organization",
}  # fmt: skip
COMPASS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "greater",
    "upper", "lower", "rural", "urban", "coastal", "inner", "outer", "mid", "the", "and", "&",
}  # fmt: skip
# a role noun before a name ("Rival StrideLab charges …") is not part of it
ROLE_NOUNS = {
    "rival", "competitor", "incumbent", "newcomer", "challenger", "startup", "start-up", "vendor",
    "provider", "company", "firm", "brand", "app", "platform", "service", "operator", "lender", "market",
    "leader",
}  # fmt: skip
# a numbered label of a report's own parts, not a product ("Segment 1", "Persona B", "Option 3")
LABEL = re.compile(
    r"(?:segment|group|persona|option|step|phase|part|tier|level|table|figure|chart|chapter|section|cluster"
    r"|type|profile|scenario|case|wave|round|week|day|year|quarter|q|interview|respondent|participant"
    r"|appendix|exhibit|box|question|theme|finding|insight)s? (?:\d{1,2}|[A-Z]|[IVX]+)",
    re.IGNORECASE,
)
CONNECTORS = {
    "&", "and", "of", "de", "for", "the", "+", "by", "du", "la", "le", "van", "von", "y", "et", "del", "los",
    "las", "el", "der", "die", "das", "und", "für", "da", "do", "dos", "des", "di", "e", "i", "am", "im",
}  # fmt: skip
HEADING_WORDS = {
    "verdict",
    "overview",
    "pricing",
    "methodology",
    "summary",
    "key findings",
    "conclusion",
    "introduction",
    "background",
    "the bottom line",
    "bottom line",
    "faq",
    "features",
    "plans",
    "about",
    "sources",
    "notes",
    "what we tested",
    "how we tested",
    "who it is for",
    "market",
    "competitors",
    "competition",
    "gaps",
    "trends",
    "prices",
    "price",
    "cost",
    "costs",
    "fees",
}


# a count written as a part of a whole: "21 of 38", "3 out of 10", "9 in 10"
COUNTED = re.compile(r"\d[\d,.]*\s+(?:of|out of|in)\s+\d[\d,.]*")


def clean_name(raw: str) -> str:
    """A name without emphasis, a parenthetical or trailing punctuation ("Acme (Berlin)." -> "Acme")."""
    name = re.sub(r"\s*\(.*$", "", raw.replace("**", "")).strip()
    return name.strip(" .:;!?\u2014\u2013-")


def is_name(name: str) -> bool:
    """A product or company name by its form: capitalised, short, not a common heading or opener."""
    first = name.split()[0] if name.split() else ""
    return (
        bool(re.match(r"[A-Z0-9]|[a-z]+[A-Z]", first))
        and first not in NOT_NAMES
        and first.split("-")[0] not in NOT_NAMES  # "Per-inspection prices …" opens a sentence
        and first.rstrip(".") not in NOT_NAMES
        and len(name.split()) <= 4
        and name.lower() not in HEADING_WORDS
        and not re.fullmatch(r"[\d\W]+", name)
        and not re.search(r"[,;:?!\"“”]", name)  # "Wanjiru, tomato trader": a persona, not a product
        and not LABEL.fullmatch(name)  # "Segment 1", "Group B": a label
        and not COUNTED.fullmatch(name)  # "21 of 38": a count of people polled
    )


def proper(name: str) -> bool:
    """Every word after the first capitalised (or a number or a connector): "Bakfiets Zakelijk Lease",
    not "Fees at risk" or "Hispanic and Latino respondents"."""
    return all(
        word[:1].isupper() or word[:1].isdigit() or word.lower() in CONNECTORS for word in name.split()[1:]
    )


def proper_part(name: str) -> str:
    """The proper name a description follows ("KlinikSprache app" -> "KlinikSprache", "Docketwise Suite's
    intake module" -> "Docketwise Suite"); the name itself when it is all proper."""
    kept: list[str] = []
    for word in name.split():
        if kept and not (word[:1].isupper() or word[:1].isdigit() or word.lower() in CONNECTORS):
            break
        kept.append(word)
    while kept and kept[-1].lower() in CONNECTORS:
        kept.pop()
    return re.sub(r"['\u2019]s$", "", " ".join(kept))


def phrase_like(name: str) -> bool:
    """A plain word then lower-case words ("E-signature bundling"): a point's title or a product's
    ("Acme app"); only a price or a fee in its item shows it is a product."""
    words = name.split()
    return (
        len(words) > 1
        and bool(re.fullmatch(r"[A-Z][a-z-]*", words[0]))
        and all(w[:1].islower() for w in words[1:])
    )


@cache
def _places() -> frozenset[str]:
    return frozenset(name.lower() for name in Locale("en").territories.values())


def is_place(name: str) -> bool:
    """A country or region ("Kenya", "Western Kenya", "Sub-Saharan Africa"), from CLDR's territory names,
    or a large city or a region written alone ("SEOUL", a news story's dateline), from the gazetteer."""
    words = name.lower().split()
    places = _places()
    cities = gazetteer.index()
    if name.lower() in places or gazetteer.fold(name) in {**cities.large_cities, **cities.regions}:
        return True
    return any(word in places for word in words) and all(word in places or word in COMPASS for word in words)


def is_tier(name: str) -> bool:
    """A name made only of plan words ("Team", "Enterprise", "Open Source", "Pay As You Go")."""
    return all(word.lower().strip(".") in TIER_WORDS for word in re.split(r"[\s-]+", name) if word)


class Names:
    """What the sources say about how a word is used: common nouns appear in lower case somewhere."""

    def __init__(self, sources: list[Source]) -> None:
        self.text = "\n".join(source.content for source in sources)

    def common(self, name: str) -> bool:
        """Whether the sources also write ``name`` in lower case (not inside a web address)."""
        lowered = name.lower()
        if lowered == name:
            return False
        pattern = rf"(?<![\w/@.-]){re.escape(lowered)}(?![\w-]|\.\w)"
        return re.search(pattern, self.text) is not None

    def used_as_name(self, name: str) -> bool:
        """Whether the sources write ``name`` capitalised inside a sentence ("as much as Harbourline")."""
        return re.search(rf"[a-z0-9,;)] {re.escape(name)}(?![\w-])", self.text) is not None

    def ambiguous(self, name: str) -> bool:
        """One plain capitalised word ("Marina", "Repair") that the sources never use as a name inside a
        sentence: a point's title as likely as a product."""
        return bool(re.fullmatch(r"[A-Z][a-z]+", name)) and not self.used_as_name(name)

    def acceptable(self, name: str) -> bool:
        """A proper name of a product or company, not a place, a plan tier or a common phrase."""
        return (
            bool(name)
            and is_name(name)
            and not is_place(name)
            and not is_tier(name)
            and not self.common(name)
        )
