"""A source read the way an analyst reads it: each sentence with the heading, lead and list it sits in.

A sentence under "Caveats" is a caveat, an item under "Segments we heard" names a segment, and the
sentence after "We asked what owners would pay" states a price they would pay: where a sentence sits
says what it is about. Headings are Markdown headings, bold lines of their own ("**Who buys.**") and
the line that introduces a list ("Three groups stood out:"); a paragraph's bold run-in lead
("**Double entry.** Five of the eight firms ...") is its topic. Sentences stay verbatim, so each can
still be quoted and verified.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agents.analysts.sentences import Sentence, split_line, stem
from agents.state import Source, SourceType

LIST_MARKER = re.compile(r"^\s*(?:[-*+\u2022]|\d+[.)])\s+")
BOLD_LINE = re.compile(r"^(?:\*\*|__)(?P<text>[^*_]{2,160}?)[.:]?(?:\*\*|__)[.:]?\s*$")
# a bold lead that ends like a sentence or a label: "**Double entry.** Five of the eight firms ..."
RUN_IN = re.compile(
    r"^(?:\*\*|__)(?P<lead>[^*_]{2,200}?(?:[.:!?]|(?:\*\*|__)[.:]))(?:\*\*|__)?\s+(?P<rest>\S.*)$"
)
SKIPPED = (">", "```", "---")
# a list item pairing a short label with its value: "3. Same-day delivery — 41%", "- Battery life: 58%"
LABEL_VALUE = re.compile(
    r"^(?P<label>[^\W\d][^|]{1,60}?)\s*(?:[\u2014\u2013:]|\s-)\s*(?:about |around |~)?\d+(?:[.,]\d+)?\s?%\.?$"
)
# a list item opening with a bold phrase and going on without punctuation: "**Night-shift nurses** buy ..."
ITEM_LABEL = re.compile(r"^(?:\*\*|__)(?P<label>[^*_]{2,80}?)(?:\*\*|__)\s+[a-z(]")
MIN_WORDS = 5
PLAIN_HEADING_WORDS = 8
MIN_CHARS = 20


@dataclass(frozen=True)
class Unit:
    """One sentence of a source and where it sits."""

    sentence: Sentence
    source_type: SourceType = "unknown"
    heading: str = ""  # the Markdown heading above it
    minor: str = ""  # a bold line of its own, a list's introducing line, or the paragraph's run-in lead
    opener: str = ""  # the paragraph's first sentence, when this is a later one
    listed: bool = False  # an item of a list
    parent: str = ""  # the heading one level up ("Customer segments" above "### Solo practitioners")
    lead: str = ""  # the paragraph's bold run-in lead, when it has one
    row: bool = False  # a table row ("Solo practitioners | 34% | ..."), its cells joined by " | "
    header: str = ""  # a table row's header row ("Customer type | Share"), cells joined by " | "
    headline: bool = False  # a paragraph's bold run-in lead as a unit of its own ("**Low enrolment.**")
    titled: bool = False  # its heading is the document's title (a level-1 heading): it covers everything
    label: str = ""  # a list item's opening bold phrase ("Night nurses" of "**Night nurses** buy ...")

    @property
    def text(self) -> str:
        """The sentence, verbatim."""
        return self.sentence.text

    @property
    def topic(self) -> str:
        """The nearest heading: the minor one when there is one, else the Markdown heading."""
        return self.minor or self.heading

    @property
    def section_topic(self) -> str:
        """The nearest heading that covers a section, not the whole document (a title names the document's
        subject, not what one paragraph answers)."""
        return self.minor or ("" if self.titled else self.heading)

    @property
    def context(self) -> str:
        """Everything around the sentence that says what it is about."""
        return " | ".join(part for part in (self.heading, self.minor, self.opener, self.header) if part)


def plain(text: str) -> str:
    """Text without Markdown emphasis."""
    return re.sub(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)", "", text).strip()


def unbolded(line: str) -> str:
    """A line without bold markers, so "dog. **VetNow** suits" splits into sentences; quotes still verify
    (the citation check ignores emphasis)."""
    return line.replace("**", "")


def is_sentence(text: str) -> bool:
    """Long enough to state something (bylines, labels and captions are not)."""
    return len(text) >= MIN_CHARS and len(text.split()) >= MIN_WORDS and not text.endswith(":")


def read_units(source: Source, source_type: SourceType = "unknown") -> list[Unit]:
    """Every sentence of ``source`` with its heading, lead, paragraph opener and list membership."""
    reader = _Reader(source, source_type)
    for line in logical_lines(source.content):
        reader.read(line)
    return reader.units


# a post that declares itself an aside: "Off topic, but ...", "Thanks. Totally unrelated: ...", "Sorry off
# topic \u2014 ..." (near its start: "unrelated to the fee" inside a sentence is no such declaration)
ASIDE = re.compile(
    r"\b(?:off[- ]topic\b|(?:totally |completely |entirely |slightly |somewhat )?unrelated\b(?! to\b))",
    re.IGNORECASE,
)
ASIDE_REACH = 60  # characters of a post, after its speaker's name, in which it declares itself
# a speaker's name opening a post: "**pm_tauranga**:", "[canggu_kitchen]", "bloemen_joost:"
SPEAKER = re.compile(r"^(?:(?:\*\*|__)[^*_]{1,40}(?:\*\*|__):?|\[[^\]]{1,40}\]|[\w.-]{2,40}:)\s*")
# a post's header line of its own: "TruckTalk wrote:", "paellero_89 (Valencia):", "[reply] fabio_agro:"
POST_HEADER = re.compile(r"^\S[^.!?]{0,50}(?:\bwrote)?:$")
# where a forum's next thread opens: a heading, a bold line, or a "Thread: ..." title line
THREAD_START = re.compile(r"^(?:#|(?:\*\*|__)|(?:thread|topic|subject|discussion)\s*:)", re.IGNORECASE)


def post_body(line: str) -> str:
    """A post's line without its list marker and speaker's name."""
    return SPEAKER.sub("", LIST_MARKER.sub("", line.strip()))


def declares_aside(line: str) -> bool:
    """Whether a line is a post that says it is off topic ("- **kim**: Off topic, but who sells ...")."""
    return bool(ASIDE.search(post_body(line)[:ASIDE_REACH]))


def posts(lines: list[str]) -> list[tuple[int, int]]:
    """Each post's line span [start, end): a post ends at a blank line or where the next one opens (a
    list item, a speaker's name, a header line, a thread's title)."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for index, raw in enumerate(lines):
        line = raw.strip()
        opens = bool(THREAD_START.match(line) or LIST_MARKER.match(line) or SPEAKER.match(line))
        header_only = start is not None and index - start == 1 and POST_HEADER.match(lines[start].strip())
        if start is not None and (not line or (opens and not header_only)):
            spans.append((start, index))
            start = None
        if line and start is None:
            start = index
    if start is not None:
        spans.append((start, len(lines)))
    return spans


def aside_span(lines: list[str], spans: list[tuple[int, int]], at: int) -> tuple[int, int]:
    """The lines an aside (the post ``spans[at]``) takes: a thread it opens, to the next thread's title;
    else the post and the replies addressed to someone ("@kim wrong board") right after it."""
    start, end = spans[at]
    title, title_end = spans[at - 1] if at > 0 else (0, 0)
    if at > 0 and THREAD_START.match(lines[title].strip()) and title_end - title == 1:
        after = [s for s, _ in spans[at + 1 :] if THREAD_START.match(lines[s].strip())]
        return title, after[0] if after else len(lines)
    for reply_start, reply_end in spans[at + 1 :]:
        opening = [post_body(line) for line in lines[reply_start:reply_end][:2]]  # a header, then the text
        if not any(line.startswith("@") for line in opening):
            break
        end = reply_end
    if end == spans[at][1] and closing_reply(lines, spans[at + 1 : at + 3]):
        end = spans[at + 1][1]  # the one reply closing the thread after an aside answers the aside
    return start, end


def closing_reply(lines: list[str], following: list[tuple[int, int]]) -> bool:
    """Whether the first of ``following`` is a reply that closes its thread (the last post before the next
    thread's title or the end)."""
    opens = [bool(THREAD_START.match(lines[first].strip())) for first, _ in following]
    return bool(opens) and not opens[0] and (len(opens) == 1 or opens[1])


# a forum thread's title line: "Thread: …", "Topic: …", or a heading
THREAD_TITLE = re.compile(r"^(?:#{1,6}\s|(?:thread|topic|subject|discussion)\s*:)", re.IGNORECASE)
MIN_THREAD_TERMS = 2  # one shared word ("apartment") is a neighbouring subject, not the idea's
WORD = re.compile(r"[a-z0-9]+")


def off_topic_threads(lines: list[str], about: frozenset[str]) -> list[tuple[int, int]]:
    """The line spans of a forum page's threads that name fewer than MIN_THREAD_TERMS of the idea's
    terms (``about``, stems): a housing board's thread on residence permits beside one on building dues.
    A page of one thread is left whole."""
    titles = [index for index, line in enumerate(lines) if THREAD_TITLE.match(line.strip())]
    if len(titles) < 2 or not about:
        return []
    spans = list(zip(titles, [*titles[1:], len(lines)], strict=True))
    return [
        (start, end)
        for start, end in spans
        if len(about & {stem(word) for word in WORD.findall(" ".join(lines[start:end]).lower())})
        < MIN_THREAD_TERMS
    ]


def on_topic(source: Source, about: frozenset[str] = frozenset(), forum: bool = False) -> Source:
    """The source without its off-topic asides: a post that says it is off topic, with the thread it
    opens or the replies addressed to it; and, on a forum (``forum``), the threads that are not about
    the idea (see :func:`off_topic_threads`)."""
    lines = source.content.splitlines()
    spans = posts(lines)
    keep = [True] * len(lines)
    for at, (start, end) in enumerate(spans):
        if any(declares_aside(line) for line in lines[start:end]):
            first, last = aside_span(lines, spans, at)
            keep[first:last] = [False] * (last - first)
    for start, end in off_topic_threads(lines, about) if forum else []:
        keep[start:end] = [False] * (end - start)
    if all(keep):
        return source
    content = "\n".join(line for line, kept in zip(lines, keep, strict=True) if kept)
    return source.model_copy(update={"content": content})


def is_plain_heading(line: str) -> bool:
    """A plain-text heading: a short capitalised line with no sentence punctuation ("KEY FINDINGS",
    "What Owners Would Pay", "Caveats")."""
    tokens = line.split()
    if (
        not tokens
        or len(tokens) > PLAIN_HEADING_WORDS
        or not line[0].isupper()
        or line[-1] in '.!?:;,"\u201d)'
    ):
        return False
    capitalised = sum(1 for token in tokens if token[0].isupper() or not token[0].isalpha())
    return len(tokens) <= 3 or capitalised >= len(tokens) - 2


# a plain-text table row: a label, a dot leader, a value ("fewer than 10 staff ........ 41%"), or cells
# aligned by runs of spaces ("Region    Clinics    Share")
LEADER = re.compile(r"^(?P<label>[^|#>\s].*?[^.\s])\s*\.{4,}\s*(?P<value>[^.\s].*)$")
ALIGNED = re.compile(r"\S {3,}(?=\S)")


def plain_row(line: str) -> list[str]:
    """The cells of a plain-text table row (a dot leader or space-aligned columns), or [] for any other
    line; a row states a number (or is the header of such rows)."""
    leader = LEADER.match(line)
    if leader:
        return [leader.group("label"), leader.group("value")]
    if not ALIGNED.search(line) or line.startswith(("#", "|", *SKIPPED)) or LIST_MARKER.match(line):
        return []
    cells = [cell for cell in re.split(r" {3,}", line) if cell]
    return cells if 2 <= len(cells) <= 8 else []


def plain_table(rows: list[list[str]], caption: str) -> list[str]:
    """Plain-text rows as a Markdown table: its header is its first row when no cell of it holds a number
    ("State    Farms    Share"), else the line that introduced the table ("Farms by herd size")."""
    header = rows[0] if not any(re.search(r"\d", cell) for cell in rows[0]) else []
    body = rows[1:] if header else rows
    header = header or [LIST_MARKER.sub("", caption).strip() or "Table"]
    return [f"| {' | '.join(cells)} |" for cells in (header, *body)]


def logical_lines(content: str) -> list[str]:
    """The content's lines with soft-wrapped paragraphs and list items joined, so a sentence broken
    across lines stays one sentence (its quote still verifies: the check collapses whitespace); a
    plain-text table's rows become a Markdown table's, each row a row of its own."""
    lines: list[str] = []
    joinable = [False]  # whether the last line is prose that the next plain line continues
    rows: list[tuple[str, list[str]]] = []  # the open plain-text table: each row's line and cells

    def take(raw: str) -> None:
        line = raw.strip()
        plain_line = bool(line) and not (
            line.startswith(("#", "|", *SKIPPED))
            or LIST_MARKER.match(line)
            or BOLD_LINE.match(line)
            or is_plain_heading(line)
        )
        if plain_line and joinable[0] and not line.startswith(("**", "__")):  # a bold lead opens a paragraph
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
        joinable[0] = bool(line) and not line.endswith(":") and (plain_line or bool(LIST_MARKER.match(line)))
        joinable[0] = joinable[0] and not line.startswith(("#", "|", *SKIPPED))

    def close_table() -> None:
        numbered = [cells for _, cells in rows if any(re.search(r"\d", cell) for cell in cells)]
        if len(numbered) >= 2:  # one aligned line is no table
            caption = next((line for line in reversed(lines) if line), "")
            lines.extend(plain_table([cells for _, cells in rows], caption))
            joinable[0] = False
        else:
            for raw, _ in rows:
                take(raw)
        rows.clear()

    for raw in content.splitlines():
        cells = plain_row(raw.strip())
        if cells and (rows or re.search(r"\d", " ".join(cells)) or raw.startswith((" ", "\t"))):
            rows.append((raw, cells))
            continue
        if rows:
            close_table()
        take(raw)
    if rows:
        close_table()
    return lines


class _Reader:
    """Walks a source's lines, keeping track of the heading, lead and paragraph each line falls under."""

    def __init__(self, source: Source, source_type: SourceType) -> None:
        self.source, self.source_type = source, source_type
        self.units: list[Unit] = []
        self.heading = self.minor = self.opener = ""
        self.minor_kind = ""  # "bold" (a line of its own), "intro" (introduces a list) or "lead" (run-in)
        self.in_paragraph = False
        self.levels: list[tuple[int, str]] = []  # the open headings, outermost first
        self.in_table = False
        self.header = ""  # the open table's header row

    def read(self, line: str) -> None:
        """Take one stripped line."""
        in_table, self.in_table = self.in_table, line.startswith("|")
        if not line:
            self.in_paragraph = False
        elif line.startswith("#"):
            self._open_heading(line)
        elif line.startswith("|"):
            self._table_row(line, header=not in_table)
        elif line.startswith(SKIPPED):
            return
        elif bold := BOLD_LINE.match(line):
            self._set_minor(bold.group("text").strip(" .:"), "bold")
            self.in_paragraph = False
        elif is_plain_heading(line):
            self._set_minor(line, "bold")
            self.in_paragraph = False
        elif item := LIST_MARKER.match(line):
            body = line[item.end() :]
            run_in = RUN_IN.match(body)  # "- **Apps abandoned.** 33% have stopped ...": the lead is its topic
            if run_in and len(plain(run_in.group("rest")).split()) < MIN_WORDS:
                run_in = None  # "- **Same carer every visit**: 57%.": a label and its value, one finding
            lead = run_in.group("lead").strip(" .:!?*_") if run_in else ""
            labelled = ITEM_LABEL.match(body)
            label = labelled.group("label").strip() if labelled else ""
            for part in split_line(unbolded(run_in.group("rest") if run_in else body)):
                self._add(part.strip(), listed=True, item_lead=lead, label=label)
                label = ""  # the label names the item's first sentence
        elif line.endswith(":") and len(line.split()) <= 12 and not self.in_paragraph:
            self._set_minor(line.rstrip(":").strip(), "intro")
        else:
            self._paragraph_line(line)

    def _open_heading(self, line: str) -> None:
        level = len(line) - len(line.lstrip("#"))
        while self.levels and self.levels[-1][0] >= level:
            self.levels.pop()
        self.levels.append((level, line.lstrip("#").strip()))
        self.heading, self.in_paragraph = self.levels[-1][1], False
        self._set_minor("", "")

    def _table_row(self, line: str, header: bool) -> None:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if header:
            self.header = " | ".join(cells)
        if header or all(re.fullmatch(r":?-*:?", cell) for cell in cells) or not any(cells):
            return  # a table's header and its separator name columns, not things
        text = " | ".join(cells)
        sentence = Sentence(text, self.source.id, len(self.units), self.heading)
        self.units.append(
            Unit(
                sentence, self.source_type, self.heading, self.minor, self.opener, False, self._parent(), "",
                True, self.header, titled=self._titled(),
            )
        )  # fmt: skip

    def _titled(self) -> bool:
        """Whether the open heading is the document's title (level 1)."""
        return bool(self.levels) and self.levels[-1][0] == 1

    def _parent(self) -> str:
        """The enclosing section's heading (never the document's title: a title covers everything)."""
        return self.levels[-2][1] if len(self.levels) > 1 and self.levels[-2][0] > 1 else ""

    def _paragraph_line(self, line: str) -> None:
        first = not self.in_paragraph
        if first and (
            self.minor_kind == "lead" or (self.minor_kind == "intro" and self.units and self.units[-1].listed)
        ):
            self._set_minor("", "")  # a run-in lead or a list's intro covers only its own paragraph or list
        run_in = RUN_IN.match(line) if first else None
        if run_in:
            lead = line[: run_in.start("rest")].strip()
            self._set_minor("", "")
            self._add(lead, opener="", headline=True)
            self._set_minor(run_in.group("lead").strip(" .:!?*_"), "lead")
            line = run_in.group("rest")
        for part in split_line(unbolded(line)):
            text = part.strip()
            if not is_sentence(plain(text)):
                continue
            if first:
                self.opener = text
            self._add(text, opener="" if first else self.opener)
            first = False
        self.in_paragraph = True

    def _set_minor(self, text: str, kind: str) -> None:
        self.minor, self.minor_kind, self.opener = text, kind, ""

    def _add(
        self,
        text: str,
        listed: bool = False,
        opener: str = "",
        headline: bool = False,
        item_lead: str = "",
        label: str = "",
    ) -> None:
        # a listed label and its share ("The scent — 47%") is one finding, however short
        if not (is_sentence(plain(text)) or (listed and LABEL_VALUE.match(plain(text)))):
            return
        sentence = Sentence(text, self.source.id, len(self.units), self.heading)
        lead = item_lead or (self.minor if self.minor_kind == "lead" else "")
        self.units.append(
            Unit(
                sentence, self.source_type, self.heading, self.minor, opener, listed, self._parent(), lead,
                headline=headline, titled=self._titled(), label=label,
            )
        )  # fmt: skip
