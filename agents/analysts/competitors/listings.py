"""Competitors read from structured entries: comparison tables, a company's own pricing page,
name-led paragraphs, names priced in brackets and product cards under their own heading."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from agents.analysts.competitors.names import (
    HEADING_WORDS,
    NAME,
    Names,
    clean_name,
    is_name,
    is_place,
    is_tier,
    proper,
    proper_part,
)
from agents.analysts.competitors.prices import cell_price, has_amount, priced, prices_in
from agents.analysts.competitors.structure import BOLD_LEAD, HEADING_NAME, ITEM_SENTENCES
from agents.analysts.extractive_market import claim
from agents.analysts.sentences import LIST_MARKER, Sentence, split_line, split_sentences
from agents.analysts.sourcing import site_name
from agents.analysts.vetting import is_statement
from agents.state import Claim, Source

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
# a column of ways to do something, not of companies: its rows describe options ("Air freight, same day")
OPTION_COLUMN = re.compile(
    r"^(?:options?|alternatives?|methods?|ways?|routes?|modes?|approach(?:es)?)$", re.IGNORECASE
)
MAX_PLANS = 4  # a page's plans, or its fees ("Commission: 10% of each sale", "Delivery fee: $4 per order")
# a short label before a colon leads a line of a price list ("Delivery fee: $4 per order")
LABEL_LEAD = re.compile(r"^(?P<name>[A-Z][\w'-]*(?: [\w'-]+){0,3}):\s")
MIN_HOST = 4  # a shorter web address name ("ab.example") says nothing
OWNER_WORDS = 3  # words of a company name a web address may run together


@dataclass
class Listing:
    """What one structured entry (a table row, a company's own page) says of a competitor."""

    name: str
    pricing: str = ""
    positioning: str = ""
    evidence: list[Claim] = field(default_factory=list)


def row_cells(line: str) -> list[str]:
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
            header = row_cells(block[0]) if separated else []
            body = rows[1:] if separated else rows
            found.append((header, [(row_cells(row), row.strip()) for row in body]))
            block = []
    return found


def _column(header: list[str], pattern: re.Pattern[str]) -> int | None:
    return next((index for index, cell in enumerate(header) if index and pattern.search(cell)), None)


def column_listings(
    header: list[str], rows: list[tuple[list[str], str]], names: Names, source_id: str
) -> dict[str, Listing]:
    """Competitors side by side, one column each ("| | Acme | Birch |" then "| Price | $9 | $12 |"): each
    column's price and positioning from the rows labelled so; {} unless two columns or more name companies
    over an empty or generic corner cell."""
    if not header or (
        header[0] and not re.fullmatch(r"(?:features?|criteri\w+|compared|what|attribute)", header[0], re.I)
    ):
        return {}
    columns = {index: proper_part(clean_name(cell)) for index, cell in enumerate(header) if index}
    columns = {index: name for index, name in columns.items() if names.acceptable(name)}
    if len(columns) < 2:
        return {}
    price_rows = [(cells, line) for cells, line in rows if cells and PRICE_COLUMN.search(cells[0])]
    position_rows = [(cells, line) for cells, line in rows if cells and POSITION_COLUMN.search(cells[0])]
    found: dict[str, Listing] = {}
    for index, name in columns.items():
        listing = Listing(name=name)
        for cells, line in price_rows[:1] + position_rows[:1]:
            cell = cells[index] if index < len(cells) else ""
            if not cell:
                continue
            if (cells, line) in price_rows and priced(cell):
                listing.pricing = cell_price(cell)
            elif (cells, line) in position_rows:
                listing.positioning = cell
            text = f"{name}: {cells[0]} {cell}"
            listing.evidence.append(Claim(text=text, source_ids=[source_id], quote=line))
        if listing.evidence:
            found[name] = listing
    return found


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
            if across := column_listings(header, rows, names, source.id):
                for name, listing in across.items():
                    known = found.setdefault(name, listing)
                    if known is not listing and listing.pricing and not known.pricing:
                        known.pricing = listing.pricing  # a comparison adds the price a listing lacked
                        known.evidence += listing.evidence
                continue
            price_at, position_at = _column(header, PRICE_COLUMN), _column(header, POSITION_COLUMN)
            # the name column: the one headed "Provider", "Tool", … ("Rank | Company | Price"), else the first
            name_at = next((i for i, cell in enumerate(header) if PROVIDER_COLUMN.match(cell)), 0)
            providers = bool(header) and bool(PROVIDER_COLUMN.match(header[name_at]))
            options = bool(header) and bool(OPTION_COLUMN.match(header[name_at]))
            for cells, line in rows:
                name = row_name(cells[name_at] if name_at < len(cells) else "", names, options)
                # in a table of options, a kind of provider the sources also write in lower case
                # ("Repair cafés (volunteer-run)") is an alternative buyers weigh, priced like the brands
                alternative = options and is_name(name) and not is_place(name) and not is_tier(name)
                if len(cells) < 2 or not (names.acceptable(name) or alternative) or name in found:
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
                    pricing=cell_price(price_cell),
                    positioning=position,
                    evidence=[Claim(text=text, source_ids=[source.id], quote=line)],
                )
    return found


def row_name(cell: str, names: Names, options: bool = False) -> str:
    """The name a table row gives: its proper part ("DinginXpress reefer service" -> "DinginXpress"); in a
    table of options (``options``: its name column headed "Option", "Alternative", "Method", ...), the
    option it describes, up to a comma, when that part is only a plain word the sources never use as a name
    ("Air freight to Perth, same day" -> "Air freight to Perth", never "Air")."""
    cell = clean_name(cell)
    name = proper_part(cell)
    if options and name != cell and names.acceptable(name) and names.ambiguous(name):
        return re.split(r"[,;]", cell)[0].strip()
    return name


def page_owner(source: Source, typed: frozenset[str] = frozenset()) -> str:
    """The company whose own page this is: the title's name that is its web address's name, one word or
    up to three written apart ("MedBox Polska" at medbox-polska.example), else "".

    ``typed``: sources known to be something else (a forum, a survey, news) whatever their address says.
    """
    if source.id in typed:
        return ""
    host = site_name(source.url)
    title = re.findall(r"[\w'&.+-]+", source.title)
    if len(host) < MIN_HOST:
        return ""
    for size in range(1, OWNER_WORDS + 1):
        for start in range(len(title) - size + 1):
            name = title[start : start + size]
            if re.sub(r"[^a-z0-9]", "", "".join(name).lower()) == host:
                return " ".join(name).strip(".")
    return ""


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
        row_lines = [line for _, rows in tables(source) for _, line in rows]
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
                            cell_price(cell),
                            Claim(text=f"{plan}: {cell}", source_ids=[source.id], quote=line),
                        )
                    )
        for sentence in price_lines(source):
            amounts = [p for p in prices_in(sentence.text) if p != "Free"]
            if not amounts or any(sentence.text in line for line in row_lines):
                continue  # a table's row was read above
            lead = BOLD_LEAD.match(sentence.text) or LABEL_LEAD.match(sentence.text)
            plan = clean_name(lead.group("name")) if lead and not has_amount(lead.group("name")) else ""
            if plan and all(price.startswith(plan) for price in amounts):
                plan = ""  # "Commission: 10% of each sale" names itself
            elif (
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


def price_lines(source: Source) -> list[Sentence]:
    """A page's sentences and, in the page's order among them, its list items that price something however
    short they are: a price list's lines ("- Commission: 10% of each sale") are too short for sentences."""
    sentences = split_sentences(source)
    read = {sentence.text for sentence in sentences}
    heading = ""
    for line in source.content.splitlines():
        if line.strip().startswith("##"):
            heading = line.strip().lstrip("#").strip()
        if not LIST_MARKER.match(line):
            continue
        text = LIST_MARKER.sub("", line.strip())
        if text not in read and any(price != "Free" for price in prices_in(text)):
            sentences.append(Sentence(text, source.id, len(sentences), heading))
    return sorted(sentences, key=lambda sentence: source.content.find(sentence.text))


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
            priced_sentence = next((sentence for sentence in sentences if has_amount(sentence)), "")
            if priced_sentence:
                found[name] = Listing(
                    name=name,
                    pricing=", ".join(prices_in(priced_sentence)),
                    positioning=sentences[0] if sentences[0] != priced_sentence else "",
                    evidence=[Claim(text=priced_sentence, source_ids=[source.id], quote=priced_sentence)],
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
            found[name] = Listing(name=name, pricing=cell_price(price), evidence=[claim(sentence)])
    return found


HEADING_LINE = re.compile(r"^#{2,6}\s+(?P<text>.+)$")


def heading_listings(sources: list[Source], names: Names, skip: frozenset[str]) -> dict[str, Listing]:
    """Products with a heading of their own, priced in the heading or in a short line below it, as
    product cards are ("### Sailbox" then "$15/month"): lines too short to be sentences still price."""
    found: dict[str, Listing] = {}
    for source in sources:
        if source.id in skip:
            continue
        name, lines = "", list[str]()
        for line in [*source.content.splitlines(), "## end"]:
            heading = HEADING_LINE.match(line.strip())
            if heading:
                if name and name not in found:
                    priced_line = next((text for text in lines if has_amount(text)), "")
                    if priced_line:
                        found[name] = Listing(
                            name=name,
                            pricing=cell_price(LIST_MARKER.sub("", priced_line).replace("**", "")),
                            positioning=next((text for text in lines if text != priced_line), ""),
                            evidence=[Claim(text=priced_line, source_ids=[source.id], quote=priced_line)],
                        )
                match = HEADING_NAME.match(heading.group("text"))
                candidate = proper_part(match.group("name")) if match else ""
                name = candidate if names.acceptable(candidate) else ""
                lines = [heading.group("text")] if name else []
            elif name and line.strip() and len(lines) < ITEM_SENTENCES + 1:
                lines.append(line.strip())
    return found
