"""Where a finding's quote sits in the stored text of its source: the passage a reader checks it against."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

CONTEXT_CHARACTERS = 450


@dataclass(frozen=True)
class Passage:
    before: str
    quote: str  # as written in the source ("" when the quote was not found)
    after: str
    found: bool


def _pattern(quote: str) -> re.Pattern[str] | None:
    """The quote as a pattern tolerant of whitespace and case differences."""
    words = quote.split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(word) for word in words), re.IGNORECASE)


def _trimmed_before(text: str) -> str:
    cut = text[-CONTEXT_CHARACTERS:]
    return ("\u2026" + cut.split(" ", 1)[-1]) if len(text) > CONTEXT_CHARACTERS else cut


def _trimmed_after(text: str) -> str:
    cut = text[:CONTEXT_CHARACTERS]
    return (cut.rsplit(" ", 1)[0] + "\u2026") if len(text) > CONTEXT_CHARACTERS else cut


def find_passage(content: str, quote: str) -> Passage:
    """The quote with the text around it; the opening of the source when the quote is not in it."""
    pattern = _pattern(quote)
    match = pattern.search(content) if pattern else None
    if match is None:
        return Passage("", "", _trimmed_after(content), False)
    before, after = content[: match.start()], content[match.end() :]
    return Passage(_trimmed_before(before), match.group(0), _trimmed_after(after), True)


def source_entry(report: dict[str, Any], source_id: str) -> dict[str, Any]:
    """What the report says of a source (citation merged with the typed source entry, when present)."""
    entries = [*(report.get("citations") or []), *(report.get("sources") or [])]
    merged: dict[str, Any] = {}
    for entry in entries:
        if str(entry.get("id")) == source_id:
            merged.update({key: value for key, value in entry.items() if value not in (None, "")})
    return merged
