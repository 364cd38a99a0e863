"""Offline competitor analysis: named offerings the sources price or position, and what they lack.

A competitor is a named product or company that a source prices or positions: the subject of a
pricing sentence, the lead of a priced item in a listing, a row of a comparison table, or a company's
own pricing page. Its name is a proper name, read in the context of the sources: not a common noun the
sources also write in lower case ("Competition", "Crates"), not a place ("Western Kenya"), not a person
or a persona ("Wanjiru, tomato trader"), not a group of respondents, not a point's title
("**Fees at risk.**") and not a plan tier ("Team", "Enterprise", "Open Source"): a company's own page
lists its plans, which price that company.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import cast

from babel import Locale

from agents.analysts.extractive_market import claim
from agents.analysts.sentences import (
    GAP_HEADING,
    LIST_MARKER,
    OPPORTUNITY_HEADING,
    PRICE,
    TREND_HEADING,
    Sentence,
    all_sentences,
    keyword_hits,
    rank,
    split_line,
    split_sentences,
    unique,
    words,
)
from agents.analysts.sourcing import self_published
from agents.analysts.vetting import Evidence, is_method_section, is_statement
from agents.state import Claim, Competitor, CompetitorFindings, Level, Source

UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
NAME = rf"(?:[{UPPER}]|[a-z]+[A-Z])[\w'&.+-]*[a-z0-9\u00df-\u00ff][\w'&.+-]*(?: (?:[{UPPER}][\w'&+-]*|\d+))*"
# what a product or a company does in the sentence it is the subject of
OFFER_VERBS = (
    r"costs|charges|is priced|is free|starts at|offers|positions itself|holds|is the (?:\w+ )?leader|is a |"
    r"is an |prices|sells|leads|launched|has an? |supports|targets|rents|leases|lends|provides|operates|"
    r"runs|builds|makes|bills|licenses|includes|covers|coaches|advances|buys|gives|lets|serves|"
    r"specialises|specializes|focuses|competes|is built|is aimed|is designed|is available|comes with|"
    r"price is|prices start|plans? starts?|pricing starts|fees? (?:is|are|starts?)|subscription costs"
)
# the subject opens the sentence, in bold or not ("**Acme** costs …"; never inside a bold title)
SUBJECT = re.compile(rf"^(?:\*\*(?P<bold>{NAME})\*\*|(?P<name>{NAME}))(?:'s)? (?:{OFFER_VERBS})")
# a rate is a price too: "3.5% per month", "28% a year", "a 5% fee", "fee "from 2%"", "92% of its face value"
RATE = re.compile(
    r"\d+(?:\.\d+)?\s?%[\"\u201d]?\s(?:a|per|each|every)\s(?:\d+\s)?(?:year|month|week|day|days|annum|transaction)\b"
    r"|\d+(?:\.\d+)?\s?%\s(?:fee|commission|interest|APR|markup|cut)\b"
    # what a buyer pays a share of: "buys the invoice for 92% of its face value" (not "up to 80% of it")
    r"|\b(?:for|at|fee of|charges?)\s\d+(?:\.\d+)?\s?%\sof (?:the |its |their |an? )?"
    r"(?:face value|invoice|amount|value|order|sale|transaction)s?\b"
    r"|\b(?:fee|commission|rate|charge|cut)s?\s(?:of\s)?(?:\"?from\s)?\"?\d+(?:\.\d+)?\s?%\"?"
    r"(?![\"\u201d]?\s(?:a|per|each|every|of)\s)",
    re.IGNORECASE,
)
# what an amount right after these words is: an income, a spend, a round, not a product's price
NOT_A_PRICE = re.compile(
    r"\b(?:earn\w*|income|revenue|turnover|salar(?:y|ies)|spend\w*|spent|raised|funding|loss(?:es)?|lost|saves?"
    r"|saving)\b[^.;]*$",
    re.IGNORECASE,
)
# a rate in a sentence about change is a growth rate, not a price ("sales grew 28% a year")
CHANGE = re.compile(
    r"\b(?:grow\w*|grew|rose|rise[sn]?|rising|increas\w*|declin\w*|fell|falling|CAGR|expand\w*)\b", re.I
)
FREE = re.compile(
    r"\bfree\b(?!\s+(?:trials?|demos?|consultations?|shipping|delivery|set-?up|onboarding|month|weeks?|days?"
    r"|text|of\b))|\bno (?:fee|charge)\b",
    re.IGNORECASE,
)
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
CONNECTORS = {
    "&", "and", "of", "de", "for", "the", "+", "by", "du", "la", "le", "van", "von", "y", "et", "del", "los",
    "las", "el", "der", "die", "das", "und", "für", "da", "do", "dos", "des", "di", "e", "i", "am", "im",
}  # fmt: skip
STRENGTH_WORDS = ("best", "strength", "fastest", "leader", "leads", "handles", "loved", "praised", "easiest")
WEAKNESS_WORDS = (
    "weakness", "lacks", "only works", "cannot", "complain", "expensive", "too long", "limited", "does not",
    "doesn't", "no ", "only ",
)  # fmt: skip
GAP_WORDS = (
    "gap",
    "no app",
    "no single",
    "none of",
    "no leading",
    "underserved",
    "unmet",
    "whitespace",
    "missing",
    "nobody",
    "no one",
    "lack",
)
# a sentence saying what offerings lack, in words the gap keywords miss
GAP_SAYING = re.compile(
    r"\b(?:no|not one)\s(?:[\w-]+\s){0,2}?(?:provider|vendor|tool|service|product|platform|compan(?:y|ies)"
    r"|app|option|programme|program|operator|lender|school|course|solution)s?\s(?:\w+\s){0,2}?(?:offers?|provides?|"
    r"supports?|covers?|handles?|lets?|does|has|sends?|works?|sells?|operates?)\b"
    r"|\bwish(?:ed|es)? (?:there|someone|they|it)\b"
    r"|\bcan(?:no|')t find\b|\bhard to find\b|\bnot available\b|\bunavailable\b"
    r"|\b(?:does|do)(?:n't| not) (?:offer|support|cover|handle|integrate|work)\b",
    re.IGNORECASE,
)
# a section about what competitors do not do: "Where the gaps are", "What none of them offers"
GAP_TITLE = re.compile(
    rf"{GAP_HEADING.pattern}|\bnone of\b|\bstill missing\b|\bnot (?:yet )?(?:offered|served|covered)\b"
    r"|\bwhat (?:\w+ ){0,3}(?:lacks?|miss(?:es)?|does ?n[o']t|do ?n[o']t|can(?:no|')t|won't)\b"
    r"|\bcomplaints?\b",
    re.IGNORECASE,
)
POSITION_WORDS = (
    "positions", "leader", "built for", "aimed at", "targets", "designed for", "focus", "best for",
    "sells only", "only to", "for teams", "for small", "for large", "specialis", "specializ",
)  # fmt: skip
# a gap's wording: something is missing, nobody does it, it is poor or hard
LACKING = re.compile(
    r"\b(?:no|none|not|nothing|nobody|no one|never|neither|nor|lacks?|lacking|missing|without|cannot|"
    r"can't|fails?|hard|poor(?:ly)?|weak|stuck|rarely|only|few|thin|manual(?:ly)?|still|too|expensive|"
    r"gaps?|underserved|unmet)\b|n't\b",
    re.IGNORECASE,
)
LABELLED = re.compile(r"^(?:\*\*[^*]{2,80}\*\*|\*[^*]{2,80}\*|[A-Z][^.:;]{2,60}:\s)")
# a table's header says which column holds what
PRICE_COLUMN = re.compile(r"\b(?:price|pricing|cost|fee|fees|rate|how much|charge|tariff)", re.I)
POSITION_COLUMN = re.compile(
    r"\b(?:position\w*|built for|best for|for whom|who it|target\w*|focus|aimed|ideal|segment|customers?"
    r"|use case|description|what it|audience|serves)",
    re.I,
)
PLAN_COLUMN = re.compile(r"^(?:plans?|tiers?|packages?|editions?|bundles?|subscriptions?)$", re.I)
PROVIDER_COLUMN = re.compile(
    r"^(?:providers?|compan(?:y|ies)|vendors?|tools?|products?|apps?|platforms?|brands?|services?|programmes?"
    r"|programs?|lenders?|operators?|competitors?|names?|solutions?|options?|alternatives?)$",
    re.I,
)
# verbs of a customer speaking of what they pay, not of what a product costs
SPEND = re.compile(r"\b(?:I|we|they|he|she|you)\s(?:\w+\s)?(?:pay|paid|spend|spent|buy|bought)\b", re.I)
# qualifier just before "saturated" / "crowded" sets the level ("moderately saturated" is medium)
QUALIFIER_LEVELS: tuple[tuple[str, Level], ...] = (
    (
        r"not(?:\s+(?:yet|very|highly|heavily|fully|overly))?|far\s+from|under|un|lightly|slightly|barely",
        "low",
    ),
    (r"moderately|somewhat|partially|partly|fairly", "medium"),
    (r"highly|heavily|very|extremely|fully|over|super", "high"),
)
QUALIFIER = re.compile(
    r"\b(?:" + "|".join(f"(?P<{level}>{words})" for words, level in QUALIFIER_LEVELS) + r")[\s-]*$",
    re.IGNORECASE,
)
SATURATION: tuple[tuple[str, Level, bool], ...] = (  # pattern, level, whether qualifiers apply
    (r"saturated\b", "high", True),
    (r"crowded\b", "high", True),
    (r"fragmented", "medium", False),
    (r"consolidat", "medium", False),
)
MAX_COMPETITORS = 8
GAP_LIMIT = 8
ITEM_SENTENCES = 3
MAX_PLANS = 3
MAX_CELL = 160
COMPARISON = 3  # competitors a source names to be a comparison
FEE = re.compile(r"\b(?:fees?|charges?|charging|commission|priced|costs?)\b", re.I)
PRONOUN_LEAD = re.compile(
    r"^(?:It|It's|Its|Their|They|They're)\b"
)  # a bold-led item's lead and the two sentences after it
HEADING_NAME = re.compile(
    r"^(?:\d+[.)]\s*)?(?P<name>[A-Z0-9][\w'&.+-]*(?: [A-Z0-9][\w'&.+-]*){0,3})\s*(?:[\u2014\u2013:|(-]|$)"
)
BOLD_LEAD = re.compile(r"^\*\*(?P<name>[^*]{2,60}?)(?P<stop>[.:!?])?\*\*")
TITLE = re.compile(r"^\*\*[^*]+\*\*:?$")  # a line in bold and nothing else titles what follows
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


# --- names -------------------------------------------------------------------------------------


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
    """A country or region ("Kenya", "Western Kenya", "Sub-Saharan Africa"), from CLDR's territory names."""
    words = name.lower().split()
    places = _places()
    if name.lower() in places:
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


# --- prices --------------------------------------------------------------------------------------


def prices_in(text: str) -> list[str]:
    """The prices a text states, in order, units kept: amounts, rates ("3.5% per month"), or "Free";
    not an income, a spend or a funding round ("for freelancers earning at least USD 1,000 a month")."""
    found = [
        (m.start(), m.end(), m.group(0).strip())
        for m in PRICE.finditer(text)
        if not NOT_A_PRICE.search(text[max(0, m.start() - 30) : m.start()])
    ]
    if not CHANGE.search(text):
        found += [
            (m.start(), m.end(), re.sub(r"[\"\u201c\u201d]", "", m.group(0).strip()))
            for m in RATE.finditer(text)
        ]
    kept: list[tuple[int, int, str]] = []
    for start, end, price in sorted(found, key=lambda match: (match[0], match[0] - match[1])):
        if not any(start < other_end and other_start < end for other_start, other_end, _ in kept):
            kept.append((start, end, price))
    prices = list(dict.fromkeys(price for _, _, price in kept))
    if not prices and FREE.search(text):
        return ["Free"]
    return prices


def priced(text: str) -> bool:
    """Whether ``text`` states a price (an amount, a rate, or free)."""
    return bool(prices_in(text))


def _amount(text: str) -> bool:
    return bool(PRICE.search(text)) or (bool(RATE.search(text)) and not CHANGE.search(text))


# --- structure: bold items, headings, titles -------------------------------------------------------


def bold_lead(sentence: Sentence) -> tuple[str, bool]:
    """The name a bold lead gives ("**Acme (Berlin, online).**" -> "Acme") and whether the bold closes
    with a stop (a titled point, "**Fees at risk.**", or a product named before its description)."""
    bold = BOLD_LEAD.match(sentence.text)
    if not bold:
        return "", False
    name = clean_name(bold.group("name"))
    return (name if is_name(name) else ""), bold.group("stop") is not None


def bold_name(sentence: Sentence) -> str:
    """The name a bold lead gives ("**Acme (Berlin, online).**" -> "Acme"), or ""."""
    return bold_lead(sentence)[0]


def bold_items(sentences: list[Sentence]) -> dict[str, list[Sentence]]:
    """Each bold-led item's sentences: its lead and the next few of the same source and heading.

    A listing often names the product in bold and prices it in the next sentence ("**Acme** is
    not a drone company. It sells scores at $0.80 per property.").
    """
    items: dict[str, list[Sentence]] = {}
    current: list[Sentence] | None = None
    for sentence in sentences:
        name = bold_name(sentence)
        if name and not TITLE.match(sentence.text):
            current = items.setdefault(name, [])
            current.append(sentence)
        elif current and _continues(current[-1], sentence) and len(current) < ITEM_SENTENCES:
            current.append(sentence)
        else:
            current = None
    return items


def _continues(previous: Sentence, sentence: Sentence) -> bool:
    return (
        sentence.source_id == previous.source_id
        and sentence.heading == previous.heading
        and sentence.position == previous.position + 1
        and not sentence.text.startswith("**")
    )


def subtitles(sentences: list[Sentence]) -> dict[tuple[str, int], str]:
    """Each sentence's title: the bold-only line above it in its section ("**What is still missing?**")."""
    titles: dict[tuple[str, int], str] = {}
    current, where = "", ("", "")
    for sentence in sentences:
        if (sentence.source_id, sentence.heading) != where:
            current, where = "", (sentence.source_id, sentence.heading)
        if TITLE.match(sentence.text):
            current = sentence.text.strip("*: ")
            continue
        titles[(sentence.source_id, sentence.position)] = current
    return titles


def context_of(sentence: Sentence, titles: dict[tuple[str, int], str]) -> str:
    """A sentence's heading and title, " | "-joined."""
    return " | ".join(
        part for part in (sentence.heading, titles.get((sentence.source_id, sentence.position), "")) if part
    )


def list_leads(sources: list[Source]) -> set[tuple[str, str]]:
    """(source id, text) of every list item's line, its marker removed: bold-led options in a list."""
    return {
        (source.id, LIST_MARKER.sub("", line.strip()))
        for source in sources
        for line in source.content.splitlines()
        if LIST_MARKER.match(line)
    }


def _in_list(sentence: Sentence, leads: set[tuple[str, str]]) -> bool:
    return any(sid == sentence.source_id and text.startswith(sentence.text[:40]) for sid, text in leads)


def not_about_rivals(context: str) -> bool:
    """A section of trends, gaps, openings or method: its bold leads title points, not products."""
    return bool(
        context
        and (
            TREND_HEADING.search(context)
            or GAP_TITLE.search(context)
            or OPPORTUNITY_HEADING.search(context)
            or any(is_method_section(part) for part in context.split(" | "))
        )
    )


# --- tables and companies' own pages ----------------------------------------------------------------


@dataclass
class Listing:
    """What one structured entry (a table row, a company's own page) says of a competitor."""

    name: str
    pricing: str = ""
    positioning: str = ""
    evidence: list[Claim] = field(default_factory=list)


def _cells(line: str) -> list[str]:
    return [cell.strip().strip("*").strip() for cell in line.strip().strip("|").split("|")]


def tables(source: Source) -> list[tuple[list[str], list[tuple[list[str], str]]]]:
    """The Markdown tables of a source: (header cells or [], [(row cells, row line)])."""
    found: list[tuple[list[str], list[tuple[list[str], str]]]] = []
    block: list[str] = []
    for line in [*source.content.splitlines(), ""]:
        if line.lstrip().startswith("|"):
            block.append(line)
            continue
        if block:
            rows = [row for row in block if not set(row.strip()) <= set("|-: ")]
            separated = len(block) > 1 and set(block[1].strip()) <= set("|-: ")
            header = _cells(block[0]) if separated else []
            body = rows[1:] if separated else rows
            found.append((header, [(_cells(row), row.strip()) for row in body]))
            block = []
    return found


def _column(header: list[str], pattern: re.Pattern[str]) -> int | None:
    return next((index for index, cell in enumerate(header) if index and pattern.search(cell)), None)


def table_listings(sources: list[Source], names: Names, skip: set[str]) -> dict[str, Listing]:
    """Competitors in comparison tables: a name cell, a price cell (units kept), a positioning cell.

    A table of plans ("Plan | Price") or a survey's table ("Median price paid | $62") lists no company.
    """
    found: dict[str, Listing] = {}
    for source in sources:
        if source.id in skip:
            continue
        for header, rows in tables(source):
            if header and PLAN_COLUMN.match(header[0]):
                continue
            price_at, position_at = _column(header, PRICE_COLUMN), _column(header, POSITION_COLUMN)
            # the name column: the one headed "Provider", "Tool", … ("Rank | Company | Price"), else the first
            name_at = next((i for i, cell in enumerate(header) if PROVIDER_COLUMN.match(cell)), 0)
            providers = bool(header) and bool(PROVIDER_COLUMN.match(header[name_at]))
            for cells, line in rows:
                name = proper_part(clean_name(cells[name_at] if name_at < len(cells) else ""))
                if len(cells) < 2 or not names.acceptable(name) or name in found:
                    continue
                price_cell = cells[price_at] if price_at is not None and price_at < len(cells) else ""
                others = [cell for index, cell in enumerate(cells) if index != name_at and cell]
                if not priced(price_cell):
                    price_cell = next((cell for cell in others if priced(cell)), "")
                if not (price_cell or providers):
                    continue
                position = cells[position_at] if position_at is not None and position_at < len(cells) else ""
                text = f"{name}: " + "; ".join(others)
                found[name] = Listing(
                    name=name,
                    pricing=_cell_price(price_cell),
                    positioning=position,
                    evidence=[Claim(text=text, source_ids=[source.id], quote=line)],
                )
    return found


def _cell_price(cell: str) -> str:
    """A price cell as written, units and terms kept ("$0.40 per 1,000 test executions"); "Free" alone
    when it states no amount."""
    if not cell:
        return ""
    if not _amount(cell):
        return "Free" if FREE.search(cell) else ""
    return cell if len(cell) <= MAX_CELL else ", ".join(prices_in(cell))


def page_owner(source: Source, typed: frozenset[str] = frozenset()) -> str:
    """The company whose own page this is: the title word that is its web address's name, else "".

    ``typed``: sources known to be something else (a forum, a survey, news) whatever their address says.
    """
    if source.id in typed or not self_published(source):
        return ""
    host = re.sub(r"[^a-z0-9]", "", re.sub(r"^https?://(?:www\.)?", "", source.url.lower()).split(".")[0])
    return next((w for w in re.findall(r"[\w'&.+-]+", source.title) if w.lower() == host), "")


def own_products(sources: list[Source], typed: frozenset[str] = frozenset()) -> dict[str, Listing]:
    """A company's own pricing page prices its product: the name its title shares with its domain.

    Its plans ("Team", "Flex Pro", "Pay as you go") are that company's prices, each with its own quote:
    "LockRx — Pricing" at lockrx.example listing "**Solo:** CAD 299 per month" makes LockRx a
    competitor at "Solo: CAD 299 per month".
    """
    found: dict[str, Listing] = {}
    for source in sources:
        name = page_owner(source, typed)
        if not name or not is_name(name) or name in found:
            continue
        plans: list[tuple[str, str, Claim]] = []
        for header, rows in tables(source):
            price_at = _column(header, PRICE_COLUMN)
            for cells, line in rows:
                cell = cells[price_at] if price_at is not None and price_at < len(cells) else ""
                cell = cell if priced(cell) else next((c for c in cells[1:] if priced(c)), "")
                if cell and len(cells) > 1:
                    plan = clean_name(cells[0])
                    plans.append(
                        (
                            plan,
                            _cell_price(cell),
                            Claim(text=f"{plan}: {cell}", source_ids=[source.id], quote=line),
                        )
                    )
        for sentence in split_sentences(source):
            amounts = [p for p in prices_in(sentence.text) if p != "Free"]
            if not amounts:
                continue
            lead = BOLD_LEAD.match(sentence.text)
            plan = clean_name(lead.group("name")) if lead and not _amount(lead.group("name")) else ""
            if (
                not plan
                and len(sentence.heading.split()) <= 4
                and sentence.heading.lower() not in HEADING_WORDS
            ):
                plan = sentence.heading
            plans.append((plan, ", ".join(amounts), claim(sentence)))
        if not plans:
            continue
        chosen = plans[:MAX_PLANS]
        found[name] = Listing(
            name=name,
            pricing="; ".join(f"{plan}: {price}" if plan else price for plan, price, _ in chosen),
            evidence=[evidence for _, _, evidence in chosen],
        )
    return found


NAME_LED = re.compile(rf"^(?P<name>{NAME})[.:]\s+(?P<rest>\S.*)$")


def name_led(sources: list[Source], names: Names, skip: frozenset[str]) -> dict[str, Listing]:
    """Paragraphs opening with a product's bare name, then describing and pricing it, as a buyer's guide
    answers a question ("Sailbox. An app for moorings. Owners pay $15 a month.")."""
    found: dict[str, Listing] = {}
    for source in sources:
        if source.id in skip:
            continue
        for line in source.content.splitlines():
            match = NAME_LED.match(LIST_MARKER.sub("", line.strip()))
            if not match:
                continue
            name = match.group("name")
            if name in found or not (names.acceptable(name) and proper(name)):
                continue
            if not is_statement(Sentence(match.group("rest"), source.id, 0)):
                continue  # "Respondents: 61% male; median age 29; …" describes a sample
            sentences = [part.strip() for part in split_line(match.group("rest"))][:ITEM_SENTENCES]
            priced_sentence = next((sentence for sentence in sentences if _amount(sentence)), "")
            if priced_sentence:
                found[name] = Listing(
                    name=name,
                    pricing=", ".join(prices_in(priced_sentence)),
                    positioning=sentences[0] if sentences[0] != priced_sentence else "",
                    evidence=[
                        Claim(
                            text=f"{name}: {priced_sentence}", source_ids=[source.id], quote=priced_sentence
                        )
                    ],
                )
    return found


PRICED_MENTION = re.compile(rf"(?<![\w-])(?P<name>{NAME}) \((?P<price>[^()]{{2,80}})\)")


def priced_mentions(sentences: list[Sentence], names: Names, skip: frozenset[str]) -> dict[str, Listing]:
    """Names priced in brackets where a sentence lists several ("Rivals include Sailbox ($15 a month),
    Dockit (free) and Moorline.")."""
    found: dict[str, Listing] = {}
    for sentence in sentences:
        if sentence.source_id in skip:
            continue
        for match in PRICED_MENTION.finditer(sentence.text):
            name, price = proper_part(match.group("name")), match.group("price")
            words = name.split()
            # a sentence's opening word is not part of the name ("Rivals include Sailbox" gives no "Rivals")
            if sentence.text.startswith(name) and len(words) > 1 and names.common(words[0]):
                name = " ".join(words[1:])
            if name in found or not (names.acceptable(name) and priced(price)) or names.ambiguous(name):
                continue
            found[name] = Listing(name=name, pricing=_cell_price(price), evidence=[claim(sentence)])
    return found


def table_prices(sources: list[Source]) -> dict[str, Claim]:
    """Competitors listed in Markdown tables, each with its row as a claim (name: cells)."""
    return {
        name: listing.evidence[0]
        for name, listing in table_listings(sources, Names(sources), set()).items()
        if listing.evidence
    }


# --- candidates -----------------------------------------------------------------------------------


def structural_names(
    sentences: list[Sentence],
    voices: frozenset[str] = frozenset(),
    names: Names | None = None,
    leads: set[tuple[str, str]] | None = None,
    skip: frozenset[str] = frozenset(),
    aliases: dict[str, str] | None = None,
) -> Counter[str]:
    """Names heading a product's own section ("## Acme — …") or leading a priced bold item ("**Acme** — $9").

    Titled points are left out: in interview or survey notes ("**Night-time panic.**"), under a trends,
    gaps or method heading, or a plain phrase ("Fees at risk") unless it leads a priced option of a list
    ("4. **Bank overdrafts.** … at 28% a year"). A name a description follows counts as its proper
    part ("**KlinikSprache app.**" is KlinikSprache); ``aliases`` maps it to the item's bold name.
    """
    names = names or Names([])
    leads = leads or set()
    titles = subtitles(sentences)
    found: Counter[str] = Counter()
    by_heading: dict[tuple[str, str], list[Sentence]] = {}
    for sentence in sentences:
        by_heading.setdefault((sentence.source_id, sentence.heading), []).append(sentence)
    for name, item in bold_items(sentences).items():
        for lead, rest in _by_lead(name, item):
            _, titled = bold_lead(lead)
            if lead.source_id in skip or not_about_rivals(context_of(lead, titles)):
                continue
            if lead.source_id in voices and (titled or not proper(name)):
                continue  # interview and survey notes title their points and their speakers
            text = " ".join(s.text for s in [lead, *rest])
            part = proper_part(name)
            if part != name and names.ambiguous(part):
                part = ""  # "**Marina credit.**", "**Repair.**": a title, unless named elsewhere too
            if names.acceptable(part) and (priced(text) or FEE.search(text) or _sells(text)):
                found[part] += 1
                if aliases is not None and part != name:
                    aliases[part] = name
            elif phrase_like(name) and _amount(text) and _in_list(lead, leads):
                found[name] += 1
    for (source_id, heading), section in by_heading.items():
        match = HEADING_NAME.match(heading)
        if source_id in skip or not match:
            continue
        name = match.group("name")
        if not (names.acceptable(name) and proper(name)):
            continue
        if about(name, section) and any(_sells(s.text) for s in section):
            found[name] += 1
    return found


def _by_lead(name: str, item: list[Sentence]) -> list[tuple[Sentence, list[Sentence]]]:
    """An item's sentences grouped under each of its bold leads (a name may lead items in several sources)."""
    groups: list[tuple[Sentence, list[Sentence]]] = []
    for sentence in item:
        if bold_name(sentence) == name:
            groups.append((sentence, []))
        elif groups:
            groups[-1][1].append(sentence)
    return groups


def _sells(text: str) -> bool:
    return priced(text) or bool(
        keyword_hits(text, ("positions", "pric", "plan", "leader", "sells", "subscription"))
    )


def subject_names(sentences: list[Sentence], names: Names) -> Counter[str]:
    """Names that are the subject of a pricing or positioning sentence ("Acme costs $9 a month"), or of a
    sentence whose next one prices it ("Acme is a clinic. It costs $249 a month.")."""
    following = {(s.source_id, s.position): s for s in sentences}
    found: Counter[str] = Counter()
    for sentence in sentences:
        match = SUBJECT.match(sentence.text)
        if not match:
            continue
        name = match.group("bold") or match.group("name")
        first, _, rest = name.partition(" ")
        if first.lower() in ROLE_NOUNS and rest:
            name = rest
        if not (names.acceptable(name) and proper(name)):
            continue
        after = following.get((sentence.source_id, sentence.position + 1))
        text = sentence.text
        if after is not None and PRONOUN_LEAD.match(after.text):
            text = f"{text} {after.text}"
        if priced(text) or keyword_hits(sentence.text, ("positions", "leader", "share")):
            found[name] += 1
    return found


def competitor_names(
    sentences: list[Sentence],
    tables: dict[str, Claim] | dict[str, Listing] | None = None,
    voices: frozenset[str] = frozenset(),
    names: Names | None = None,
    leads: set[tuple[str, str]] | None = None,
    skip: frozenset[str] = frozenset(),
    aliases: dict[str, str] | None = None,
) -> list[str]:
    """Names that are the subject of a pricing or positioning sentence, most mentioned first."""
    names = names or Names([])
    subjects: Counter[str] = Counter()
    subjects.update(subject_names(sentences, names))
    subjects.update(structural_names(sentences, voices, names, leads, skip, aliases))
    subjects.update({name: 1 for name in tables or {}})
    # product tiers ("Acme Plus") belong to the competitor whose name they extend
    kept = [name for name in subjects if not any(name.startswith(f"{other} ") for other in subjects)]
    mentions = Counter({name: sum(name in s.text for s in sentences) for name in kept})
    return [name for name, _ in mentions.most_common()]


def about(name: str, sentences: list[Sentence]) -> list[Sentence]:
    """Sentences that mention ``name`` as a whole word."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    return [sentence for sentence in sentences if pattern.search(sentence.text)]


def mentions(name: str, sentences: list[Sentence]) -> list[Sentence]:
    """Sentences about ``name``: naming it, under its heading, or in its bold-led item."""
    items = bold_items(sentences).get(name, [])
    naming = about(name, sentences)
    return list(
        dict.fromkeys([*naming, *own_section(name, sentences), *items, *referring(naming, sentences)])
    )


def referring(naming: list[Sentence], sentences: list[Sentence]) -> list[Sentence]:
    """The sentence right after one naming a product when it refers back to it ("It's $79 a month")."""
    after = {(s.source_id, s.position + 1) for s in naming}
    return [s for s in sentences if (s.source_id, s.position) in after and PRONOUN_LEAD.match(s.text)]


def own_section(name: str, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences under a heading that names ``name`` ("## Acme — the budget option")."""
    result = []
    for sentence in sentences:
        match = HEADING_NAME.match(sentence.heading)
        if match and match.group("name") == name:
            result.append(sentence)
    return result


# --- one competitor -------------------------------------------------------------------------------


def describe(
    name: str,
    sentences: list[Sentence],
    row: Claim | Listing | None = None,
    voices: frozenset[str] = frozenset(),
    item: str = "",
    vendor: frozenset[str] = frozenset(),
) -> Competitor:
    """A competitor's pricing, positioning, strengths and weaknesses: its table row or own page first,
    then its own item or section, then sentences it is the subject of, then others naming it (``item``:
    the bold name of its item when it differs, "KlinikSprache app"; a positioning is taken from ``vendor``
    pages last)."""
    listing = row if isinstance(row, Listing) else Listing(name=name, evidence=[row] if row else [])
    if isinstance(row, Claim):
        listing.pricing = _cell_price(next((c for c in _cells(row.quote)[1:] if priced(c)), ""))
    section = own_section(name, sentences) + bold_items(sentences).get(item or name, [])
    naming = about(name, sentences)
    mine = list(dict.fromkeys([*naming, *section, *referring(naming, sentences)]))
    subject = [s for s in mine if s.text.lstrip("*").startswith(name)]
    after = referring(subject, sentences)
    others = [s for s in mine if s.source_id not in voices and not SPEND.search(s.text)]
    pricing_sentence = next(
        (s for group in (section, [*subject, *after], others) for s in group if priced(s.text)), None
    )
    positioning = next(
        (
            s
            for s in sorted(mine, key=lambda s: s.source_id in vendor)
            if keyword_hits(s.text, POSITION_WORDS)
        ),
        section[0] if section else subject[0] if subject else None,
    )
    strengths = rank(mine, STRENGTH_WORDS, set(), 2)
    weaknesses = rank(
        [s for s in mine if s.source_id not in voices or s in section], WEAKNESS_WORDS, set(), 2
    )
    evidence: list[Claim] = list(listing.evidence)
    pricing = listing.pricing
    if not pricing and pricing_sentence is not None:
        pricing = ", ".join(prices_in(pricing_sentence.text))
    chosen = [s for s in (None if listing.pricing else pricing_sentence, positioning) if s]
    quoted = {claim_.quote for claim_ in evidence}
    evidence += [claim(s) for s in dict.fromkeys(chosen) if s.text not in quoted]
    position_text = listing.positioning or (positioning.text if positioning else "")
    return Competitor(
        name=name,
        pricing=pricing,
        positioning=position_text,
        strengths=[s.text for s in strengths],
        weaknesses=[s.text for s in weaknesses if s not in strengths],
        evidence=evidence,
    )


# --- saturation and gaps ----------------------------------------------------------------------------


def saturation(sentences: list[Sentence], competitors: int) -> tuple[Level, str, list[Sentence]]:
    """Saturation level with its rationale, from explicit wording or else the number of competitors."""
    for word, level, qualifiable in SATURATION:
        for sentence in sentences:
            if match := re.search(word, sentence.text, re.IGNORECASE):
                if qualifiable:
                    level = _qualified(sentence.text[: match.start()], level)
                return level, sentence.text, [sentence]
    counted: Level = "high" if competitors >= 6 else "medium" if competitors >= 3 else "low"
    return counted, f"{competitors} competitors identified in the retrieved sources.", []


def _qualified(before: str, level: Level) -> Level:
    """``level``, or the level of the qualifier just before the word ("lightly", "over-", "not yet")."""
    qualifier = QUALIFIER.search(before)
    if qualifier is None:
        return level
    return cast(Level, qualifier.lastgroup)  # the one named group that matched: low, medium or high


def voices(evidence: Evidence) -> frozenset[str]:
    """Sources that report what people said (interviews, surveys): their bold leads title points."""
    return frozenset(a.source_id for a in evidence.assessments if a.source_type in ("interviews", "survey"))


def comparisons(sentences: list[Sentence], competitors: list[Competitor]) -> set[str]:
    """Sources that name three competitors or more: a comparison, whoever wrote it, not one company's ad."""
    named: dict[str, set[str]] = {}
    for competitor in competitors:
        for sentence in about(competitor.name, sentences):
            named.setdefault(sentence.source_id, set()).add(competitor.name)
    return {source_id for source_id, names in named.items() if len(names) >= COMPARISON}


def find_gaps(
    sentences: list[Sentence], vendor: set[str], focus: set[str], leads: set[tuple[str, str]] | None = None
) -> list[Claim]:
    """What competitors lack, from independent sources: a section or a bold title about what is missing
    ("## What none of them offers", "**What is still missing?**") first, then sentences saying so.

    Under such a title, a list item, a titled point ("**Seats.** …", "Spanish: …") or a sentence saying
    something is lacking is a gap; the author's own story ("We ended up writing our own bot.") is not.
    """
    leads = leads or set()
    titles = subtitles(sentences)
    independent = [
        s for s in sentences if s.source_id not in vendor and not TITLE.match(s.text)
    ]  # a vendor's "gap" is an ad
    # a sentence under a "Drivers" or "Trends" heading is a trend, not a gap
    candidates = [s for s in independent if not TREND_HEADING.search(s.heading)]
    headed = [
        s
        for s in candidates
        if GAP_TITLE.search(context_of(s, titles))
        and (_in_list(s, leads) or LABELLED.match(s.text) or LACKING.search(s.text))
    ]
    return [claim(s) for s in unique([*headed, *gap_sentences(candidates, focus, 5)])[:GAP_LIMIT]]


def gap_sentences(sentences: list[Sentence], focus: set[str], limit: int) -> list[Sentence]:
    """The ``limit`` sentences saying most plainly, in their own words (not their heading's), what no
    offering does, favouring the idea's words."""
    scored = []
    for sentence in sentences:
        hits = keyword_hits(sentence.text, GAP_WORDS) + len(GAP_SAYING.findall(sentence.text))
        if hits:
            score = hits * 2 + len(focus & words(sentence.text)) - sentence.position * 0.01
            scored.append((score, sentence))
    scored.sort(key=lambda pair: pair[0], reverse=True)
    return unique(sentence for _, sentence in scored)[:limit]


def analyse_competitors(evidence: Evidence, focus: set[str]) -> CompetitorFindings:
    """Competitor findings built only from the relevant sources' own sentences and tables."""
    sentences = [s for s in all_sentences(evidence.sources) if is_statement(s)]
    names = Names(evidence.sources)
    typed = frozenset(a.source_id for a in evidence.assessments if a.source_type not in ("vendor", "unknown"))
    owned = own_products(evidence.sources, typed)
    pages = frozenset(s.id for s in evidence.sources if page_owner(s, typed))  # their plans are not companies
    said = voices(evidence)
    listings = {
        **priced_mentions(sentences, names, pages | said),
        **name_led(evidence.sources, names, pages | said),
        **owned,
        **table_listings(evidence.sources, names, set(pages)),
    }
    aliases: dict[str, str] = {}
    leads = list_leads(evidence.sources)
    found = competitor_names(sentences, listings, said, names, leads, pages, aliases)
    vendor = frozenset(evidence.vendor) | pages
    described = [
        describe(name, sentences, listings.get(name), said, aliases.get(name, ""), vendor) for name in found
    ]
    # priced competitors first, then the most mentioned
    ranked = sorted(enumerate(described), key=lambda pair: (not pair[1].pricing, pair[0]))
    competitors = [competitor for _, competitor in ranked][:MAX_COMPETITORS]
    # a vendor's "gap" is an ad; a comparison of several products is not a vendor's, whatever its tone
    ads = (evidence.vendor | pages) - comparisons(sentences, competitors)
    gaps = find_gaps(sentences, ads, focus, leads)
    independent = [s for s in sentences if s.source_id not in ads]
    level, rationale, _ = saturation(independent, len(competitors))
    listed = ", ".join(c.name for c in competitors)
    not_found = [name for name, items in (("competitors", competitors), ("gaps", gaps)) if not items]
    if competitors:
        summary = (
            f"{len(competitors)} competitors identified ({listed}); saturation {level}; {len(gaps)} gaps."
        )
    else:
        summary = "Competitors: not found in the sources."
        if not _explicit(rationale):
            rationale = "Not found in the sources: no competitor of this idea is named in them."
    return CompetitorFindings(
        summary=summary,
        competitors=competitors,
        gaps=gaps,
        saturation=level,
        saturation_rationale=rationale,
        not_found=not_found,
        sources=evidence.assessments,
    )


def _explicit(rationale: str) -> bool:
    """Whether the saturation rationale quotes a source (rather than counting competitors)."""
    return not rationale.endswith("competitors identified in the retrieved sources.")
