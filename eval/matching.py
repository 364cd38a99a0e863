"""Token matching robust to paraphrase: a fact is a set of token groups that one report item must contain.

A group is ``"alt|alt|..."``; an item matches when it contains one alternative of every group. Text and
tokens are normalised the same way (case, dashes, thousands separators, currency codes, magnitudes,
"percent"), and alternatives match at word/number boundaries; a trailing ``*`` allows any ending.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]")
SPACES = re.compile(r"[\s\u00a0\u2009\u202f]+")
THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
CURRENCIES = (
    (re.compile(r"\b(?:usd|us\$)\s?(?=\d)"), "$"),
    (re.compile(r"\beur\s?(?=\d)"), "€"),
    (re.compile(r"\bgbp\s?(?=\d)"), "£"),
    (re.compile(r"\bphp\s?(?=\d)"), "₱"),
    (re.compile(r"\binr\s?(?=\d)"), "₹"),
    (re.compile(r"\bngn\s?(?=\d)"), "₦"),
    (re.compile(r"([$€£₱₹₦])\s+(?=\d)"), r"\1"),
)
MAGNITUDES = (
    (re.compile(r"(\d)\s?(?:bn|b)\b"), r"\1 billion"),
    (re.compile(r"(\d)\s?(?:mn|m)\b"), r"\1 million"),
    (re.compile(r"(\d)\s?(?:percent|per cent)\b"), r"\1%"),
    (re.compile(r"(\d)\s+%"), r"\1%"),
)


def normalise(text: str) -> str:
    """Lower case, one kind of dash and space, no thousands separators, symbols for currency codes."""
    text = SPACES.sub(" ", DASHES.sub("-", text.lower()))
    text = THOUSANDS.sub("", text)
    for pattern, replacement in (*CURRENCIES, *MAGNITUDES):
        text = pattern.sub(replacement, text)
    return text.strip()


def _alternative(raw: str) -> str:
    prefix = raw.endswith("*")
    core = normalise(raw[:-1] if prefix else raw)
    if not core:
        raise ValueError(f"empty token alternative in {raw!r}")
    pattern = re.escape(core)
    if core[0].isalnum():
        pattern = r"(?<![0-9a-z])" + pattern
        if core[0].isdigit():
            pattern = r"(?<![0-9]\.)" + pattern
    if not prefix and core[-1].isalnum():
        pattern += r"(?![0-9a-z])"
        if core[-1].isdigit():
            pattern += r"(?![.,][0-9])"
    return pattern


@lru_cache(maxsize=4096)
def compile_group(group: str) -> re.Pattern[str]:
    """One pattern for a group ``"alt|alt|..."`` (alternatives split on ``|``)."""
    alternatives = [alt.strip() for alt in group.split("|") if alt.strip()]
    if not alternatives:
        raise ValueError(f"empty token group {group!r}")
    return re.compile("|".join(f"(?:{_alternative(alt)})" for alt in alternatives))


def matches(text: str, groups: Sequence[str], *, normalised: bool = False) -> bool:
    """Whether ``text`` contains one alternative of every group."""
    if not groups:
        raise ValueError("a match needs at least one token group")
    haystack = text if normalised else normalise(text)
    return all(compile_group(group).search(haystack) for group in groups)


def first_match(texts: Iterable[str], groups: Sequence[str]) -> int | None:
    """The index of the first text matching every group, or None."""
    for index, text in enumerate(texts):
        if matches(text, groups):
            return index
    return None
