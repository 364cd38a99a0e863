"""Sentence splitting, ranking and the figure patterns the extractive analyst relies on."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from agents.analysts.amounts import MONEY, PRICE, local_scales
from agents.state import Source

__all__ = ["MONEY", "PRICE"]  # re-exported: the patterns live in amounts

GROWTH = re.compile(
    # "compound annual growth, 2024-2029 | 7.7%": a key-figures row names the rate without "rate"
    r"(?:CAGR|compound annual (?:growth )?rate|compound annual growth|annual growth rate)[^.]{0,40}?"
    r"\d+(?:\.\d+)?\s?%"
    r"|\d+(?:\.\d+)?\s?%\s?(?:CAGR|compound annual growth|annual growth|a year|per year|year over year|YoY)"
    r"|(?:grow|grew|growing|increase[sd]?|rise|rose)\w*\s(?:[^.]{0,30}?\s)?(?:by|at)\s(?:a\s)?\d+(?:\.\d+)?\s?%"
    # "spending grew 9% in 2023", "rose 3.1% from 2023": a change stated right after its verb
    # ("grew 18 percent", "rose 6 per cent": the percent sign written out)
    r"|\b(?:grew|rose|increased|climbed|jumped)\s(?:by\s)?(?:about\s|around\s|roughly\s|some\s)?\d+(?:\.\d+)?"
    r"(?:\s?%|\s(?:per ?cent|percent)\b)"
    r"(?!\s?(?:CAGR|compound|annual|a year|per year|year over year|YoY))"  # then the rate's own wording
    # "growth in owner-paid consultations was around 8%"
    r"|\bgrowth\b[^.;%]{0,60}?\b(?:was|of|at|reached|stood at|hit)\s"
    r"(?:around\s|about\s|roughly\s|some\s|nearly\s|almost\s|just over\s|just under\s)?\d+(?:\.\d+)?\s?%",
    re.IGNORECASE,
)
PERCENT = re.compile(r"\d+(?:\.\d+)?\s?%|\d+(?:\.\d+)? percent", re.IGNORECASE)
# a year, or a range of years; a fiscal year ("FY2025") is its year
YEAR = re.compile(r"(?:\b|(?<=\bFY))(?:19|20)\d{2}\b(?:\s?(?:\u2013|-|to)\s?(?:FY)?(?:19|20)\d{2}\b)?")
# the next sentence may open with emphasis ("… a month. **Acme (Berlin).** EUR 9 …")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”')\]]*\s+(?=[\"“(\[]?(?:\*\*|__)?[A-Z0-9$€£])")
# a part ending like this was cut at an abbreviation, not at a sentence end: "U.S.", "e.g.", "Dr."
ABBREVIATION_END = re.compile(
    r"(?:\b(?:[A-Za-z]\.){2,}|\b[A-Z]\.|\b(?:Dr|Mr|Mrs|Ms|Prof|Sr|Jr|St|Mt|Inc|Ltd|Co|Corp|vs|etc|approx"
    r"|No|Fig|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Gov|Dept|Univ|est)\."
    # an amount's scale abbreviated with a dot, as Czech, Polish or German writers do: "186 mil. Kč"
    r"|\d\s?(?i:" + "|".join(re.escape(word) for word in local_scales() if word.endswith(".")) + r"))$"
)
LIST_MARKER = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
WORD = re.compile(r"[a-z0-9]+")
MIN_WORDS = 7  # shorter lines are bylines and captions rather than statements
SKIP_PREFIXES = ("#", "|", ">", "```", "---")
TABLE_RULE = re.compile(r"^\|?[\s:|-]+\|?$")  # "|---|:--:|": the line under a table's header


@dataclass(frozen=True)
class Sentence:
    """A sentence of a source, kept verbatim so it can serve as a verifiable quote."""

    text: str
    source_id: str
    position: int  # order within its source: earlier sentences rank slightly higher
    heading: str = ""  # the section heading above it, which also counts for keyword matches
    # a table row's column headers, cell by cell ("", "2025", "2030 (forecast)"): they date and type its cells
    columns: tuple[str, ...] = ()

    def column_at(self, at: int) -> str:
        """The header of the table column the row's character ``at`` sits in ("" outside a table)."""
        if not self.columns:
            return ""
        cell = self.text[:at].count("|")
        return self.columns[cell] if cell < len(self.columns) else ""


def split_sentences(source: Source) -> list[Sentence]:
    """The prose sentences of a source and its table rows that state a number (headings, block quotes
    and very short lines skipped)."""
    sentences: list[Sentence] = []
    heading = ""
    columns: tuple[str, ...] = ()
    previous = ""
    lines = source.content.splitlines()
    for index, line in enumerate(lines):
        stripped = line.strip()
        # section headings only: a document title ("Leaders, Gaps and Saturation") covers everything
        if stripped.startswith("##"):
            heading = stripped.lstrip("#").strip()
        elif plain_heading(stripped, previous, lines[index + 1].strip() if index + 1 < len(lines) else ""):
            heading = PLAIN_HEADING.sub("", stripped)
            previous = stripped
            continue
        if not stripped.startswith("|"):
            columns = ()
        elif TABLE_RULE.match(stripped) and previous.startswith("|"):
            # the line above the rule was the table's header, not a row that states something
            columns = tuple(cell.strip() for cell in previous.strip("|").split("|"))
            if sentences and sentences[-1].text == table_row(previous):
                sentences.pop()
        previous = stripped
        if stripped.startswith("|") and (row := table_row(stripped)):
            sentences.append(Sentence(row, source.id, len(sentences), heading, columns))
            continue
        if not stripped or stripped.startswith(SKIP_PREFIXES):
            continue
        stripped = LEADER.sub(": ", LIST_MARKER.sub("", stripped))  # "budget ...... $42m" -> "budget: $42m"
        for part in split_line(stripped):
            text = part.strip()
            # a short sentence is a byline or caption, unless it leads an item ("**Acme** — the
            # best-known name.") or states a price ("$65 per user per month.")
            if not (_long_enough(text) or (len(text.split()) >= 3 and _item_fact(text))):
                continue
            # a sentence ending in ":" only introduces a list; it states nothing on its own
            if not text.endswith(":"):
                sentences.append(Sentence(text, source.id, len(sentences), heading))
    return sentences


# a plain text's numbered section heading on a line of its own: "2. Size and growth", "3) Adoption"
PLAIN_HEADING = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)]\s+(?=[A-Z])")
MAX_HEADING_WORDS = 7


def plain_heading(line: str, before: str, after: str) -> bool:
    """Whether a line of a plain text is a numbered section heading: a number, then a few words with no
    digit and no closing punctuation, between blank lines (a numbered list's items follow one another)."""
    if not PLAIN_HEADING.match(line) or before or after:
        return False
    words = PLAIN_HEADING.sub("", line)
    return len(words.split()) <= MAX_HEADING_WORDS and not re.search(r"\d|[.!?:;,]$", words)


# a text table's dot leader between a row's label and its value: "budget ............ $42.000 millones"
# (three dots before a number are one too: "in registered condominiums ... 1.42 million")
LEADER = re.compile(r"\s*(?:\.\s?){4,}\s*|\s*\u2026{2,}\s*|\s+\.{3}\s+(?=[\d$\u20ac\u00a3\u00a5])")
LEADER_ROW = re.compile(
    r"(?:(?:\.\s?){4,}|\u2026{2,}|\s\.{3}\s(?=[\d$\u20ac\u00a3\u00a5]))\s*[^\s.\u2026].{0,40}$"
)
BLOCK_START = re.compile(r"^\s*(?:#|\||>|```|---|\*\*\*|<|(?:[-*+\u2022]|\d+[.)])\s)")
MAX_WRAP_WIDTH = 160  # lines longer than this are whole paragraphs, not a hard-wrapped text
WRAPPED_SHARE = 0.5  # share of prose lines near the widest line that marks a text as hard-wrapped
NEAR_WIDTH = 0.6  # a line this close to the width continues on the next line


def unwrap_lines(text: str) -> str:
    """A hard-wrapped text's paragraphs each on one line, as Markdown renders them.

    Writers and tools wrap prose at a fixed width ("… the UK market was / worth £142 million in 2024."),
    which cuts sentences at line ends. A text is hard-wrapped when most of its prose lines come near its
    widest line and that line is short; then a line that comes near that width continues on the next
    line unless the next one starts a block (heading, table, list item, quote). Other texts, and short
    lines such as "Founded: 2019", are left as they are.
    """
    lines = text.split("\n")
    prose = [line.rstrip() for line in lines if line.strip() and not BLOCK_START.match(line)]
    if len(prose) < 4:
        return text
    # the wrap width: the second-widest line, so one line left unwrapped (a disclaimer, a URL) does not set it
    width = sorted(len(line) for line in prose)[-2]
    near = sum(1 for line in prose if len(line) >= NEAR_WIDTH * width)
    if width > MAX_WRAP_WIDTH or near / len(prose) < WRAPPED_SHARE:
        return text
    joined: list[str] = []
    for line in lines:
        previous = joined[-1] if joined else ""
        continues = (
            line.strip()
            and not BLOCK_START.match(line)
            and previous.strip()
            and not re.match(r"^\s*(?:#|\||```|---)|^[A-Za-z][\w ]{0,30}:\s", previous)  # "Title: …"
            and len(previous.rstrip()) >= NEAR_WIDTH * width
            and not previous.endswith(("  ", "\\"))
            and not LEADER_ROW.search(previous)  # "budget ...... $42m": a row ends with its value
        )
        if continues:
            joined[-1] = f"{previous.rstrip()} {line.strip()}"
        else:
            joined.append(line)
    return "\n".join(joined)


def table_row(line: str) -> str:
    """A table row that states something ("| Market size, 2024 | €310m |" -> "Market size, 2024 | €310m"),
    verbatim so it can be quoted; "" for the header rule and rows without a number or a sentence."""
    if TABLE_RULE.match(line):
        return ""
    row = line.strip().strip("|").strip()
    cells = [cell.strip() for cell in row.split("|") if cell.strip()]
    if len(cells) < 2 or not (re.search(r"\d", row) or _long_enough(row)) or len(row.split()) < 3:
        return ""
    return row


# a short sentence that opens with a count of things states it ("1,200 agencies trust Acme."), and so does
# a running total a firm claims ("Trusted by 640 councils.", "Used by 120 000 pupils daily."); thousands
# grouped by commas, the Indian way ("2,50,000": lakhs) or by spaces
COUNT_LEAD = re.compile(
    r"^(?P<claimed>[a-z]+(?:ed|en) (?:on |upon )?by )?(?:(?:more than|over|about|nearly|almost|some) )?"
    r"(?:\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+|\d+(?:\.\d+)? (?:million|billion)"
    r"|(?(claimed)\d{2,3}|(?!)))"  # a plain number under a thousand only as a claimed total
    r" [a-z][a-z-]+(?: [a-z]|\.?$)",
    re.IGNORECASE,
)


def _item_fact(text: str) -> bool:
    # a short sentence stating a change ("Dealer sales grew 9% on 2023.") is a fact, not a caption
    return (
        text.startswith("**")
        or bool(PRICE.search(text) or GROWTH.search(text))
        or bool(COUNT_LEAD.match(text))
    )


def _long_enough(text: str) -> bool:
    return len(text) >= 30 and len(text.split()) >= MIN_WORDS


def split_line(line: str) -> list[str]:
    """A line cut into sentences, rejoined where a cut fell after an abbreviation."""
    parts: list[str] = []
    for part in SENTENCE_END.split(line):
        if parts and ABBREVIATION_END.search(parts[-1].rstrip("\"”')]")):
            parts[-1] = f"{parts[-1]} {part}"
        else:
            parts.append(part)
    return parts


def all_sentences(sources: Iterable[Source]) -> list[Sentence]:
    """Sentences of every source, in source order."""
    return [sentence for source in sources for sentence in split_sentences(source)]


def words(text: str) -> set[str]:
    """Lower-case word set of ``text``."""
    return set(WORD.findall(text.lower()))


def singular(word: str) -> str:
    """A word without its plural ending ("families" -> "family")."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


SUFFIXES = (
    "eries",  # the place of an agent's trade: "breweries" -> "brew", as "brewers"
    "ery",
    "ations",
    "ation",
    "ances",
    "ance",
    "ences",
    "ence",
    "ings",
    "ing",
    "ers",
    "er",
    "ors",
    "or",
    "ions",
    "ion",
    "ments",
    "ment",
    "ed",
    "al",
    "ly",
)
MIN_STEM = 4


# the words of large numbers are their own family: "billion" is no "billing", "million" no "mill"
NUMBER_WORDS = frozenset({"thousand", "million", "billion", "trillion", "milliard", "crore", "lakh"})


def stem(word: str) -> str:
    """A light stem for matching word families: "insurers", "insurance", "insured" -> "insur"."""
    word = singular(word.lower())
    if word in NUMBER_WORDS:
        return word
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            word = word[: -len(suffix)]
            break
    if len(word) > MIN_STEM and word.endswith("e"):
        word = word[:-1]
    if len(word) > MIN_STEM and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]  # "plann(ing)" -> "plan"
    if len(word) - 2 >= MIN_STEM and word.endswith("at"):
        word = word[:-2]  # "translat(ed)", "translat(e)", "transl(ation)" -> "transl"
    return word


def coverage(focus: set[str], text: str) -> float:
    """Share of the focus words (plurals folded) that occur in ``text``; 1.0 without focus words."""
    if not focus:
        return 1.0
    wanted = {singular(word) for word in focus}
    return len(wanted & {singular(word) for word in words(text)}) / len(wanted)


def keyword_hits(text: str, keywords: Iterable[str]) -> int:
    """How many of ``keywords`` (word prefixes) occur in ``text``."""
    lowered = text.lower()
    return sum(1 for keyword in keywords if re.search(rf"\b{re.escape(keyword)}", lowered))


def rank(
    sentences: Iterable[Sentence], keywords: Iterable[str], focus: set[str], limit: int
) -> list[Sentence]:
    """The ``limit`` best sentences matching at least one keyword, favouring focus words and numbers."""
    keyword_list = list(keywords)
    scored = []
    for sentence in sentences:
        hits = keyword_hits(f"{sentence.heading}. {sentence.text}", keyword_list)
        if not hits:
            continue
        score = hits * 2 + len(focus & words(sentence.text)) + (1 if PERCENT.search(sentence.text) else 0)
        scored.append((score - sentence.position * 0.01, sentence))
    scored.sort(key=lambda pair: pair[0], reverse=True)
    return unique([sentence for _, sentence in scored])[:limit]


def unique(sentences: Iterable[Sentence]) -> list[Sentence]:
    """Sentences without repeats of the same text."""
    seen: set[str] = set()
    result = []
    for sentence in sentences:
        key = sentence.text.casefold()
        if key not in seen:
            seen.add(key)
            result.append(sentence)
    return result


def first_year(text: str) -> str:
    """The first year or year range mentioned in ``text``, or ''."""
    match = YEAR.search(text)
    return match.group(0) if match else ""


# section headings that say what their sentences are, whatever words the sentences use
TREND_HEADING = re.compile(
    r"\b(?:drivers?|trends?|dynamics|tailwinds?|headwinds?|shifts?|what(?:'s| is) changing|outlook|"
    r"momentum|forces)\b",
    re.IGNORECASE,
)
GAP_HEADING = re.compile(
    r"\b(?:gaps?|unmet|nobody|no one|missing|white ?space|under-?served|unsolved|what(?:'s| is) missing|"
    r"lack(?:s|ing)?|falls? short|wish(?:es|list)?)\b",
    re.IGNORECASE,
)

OPPORTUNITY_HEADING = re.compile(
    r"\b(?:opportunit\w*|openings?|where to (?:win|play)|white ?space|room to grow)\b", re.IGNORECASE
)


def under(sentences: Iterable[Sentence], heading: re.Pattern[str]) -> list[Sentence]:
    """Sentences whose section heading matches ``heading``, in order."""
    return [sentence for sentence in sentences if heading.search(sentence.heading)]
