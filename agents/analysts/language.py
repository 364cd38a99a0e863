"""Which language a source is written in, so a report says which sources its analyst could not read.

The offline (extractive) analyst reads English patterns only; a page in French or Spanish is retrieved
and listed, but none of its sentences can become a finding without a model. ``py3langid`` (a maintained
fork of langid.py: a small model in its wheel, deterministic, no network) names the language.
"""

from __future__ import annotations

from babel import Locale

SAMPLE_CHARS = 3000  # a page's opening is enough to tell its language, and keeps the check fast


def language_of(title: str, content: str) -> str:
    """The ISO 639-1 code of the language a page is written in ("en", "fr"); "" when too short to tell."""
    text = f"{title}\n{content}"[:SAMPLE_CHARS]
    if len(text.split()) < 5:
        return ""
    import py3langid  # its model is loaded once per process, on first use (about a second)

    code, _ = py3langid.classify(text)
    return str(code)


def language_name(code: str) -> str:
    """A language's English name ("fr" -> "French"); the code itself when unknown."""
    return Locale("en").languages.get(code, code)
