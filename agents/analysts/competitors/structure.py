"""How a source lays out its items: bold-led items, bold titles, list items and headings."""

from __future__ import annotations

import re

from agents.analysts.competitors.names import clean_name, is_name
from agents.analysts.sentences import LIST_MARKER, Sentence
from agents.state import Source

ITEM_SENTENCES = 3  # a bold-led item's lead and the two sentences after it
HEADING_NAME = re.compile(
    r"^(?:\d+[.)]\s*)?(?P<name>[A-Z0-9][\w'&.+-]*(?: [A-Z0-9][\w'&.+-]*){0,3})\s*(?:[\u2014\u2013:|(-]|$)"
)
BOLD_LEAD = re.compile(r"^\*\*(?P<name>[^*]{2,60}?)(?P<stop>[.:!?])?\*\*")
TITLE = re.compile(r"^\*\*[^*]+\*\*:?$")  # a line in bold and nothing else titles what follows


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


def in_list(sentence: Sentence, leads: set[tuple[str, str]]) -> bool:
    return any(sid == sentence.source_id and text.startswith(sentence.text[:40]) for sid, text in leads)
