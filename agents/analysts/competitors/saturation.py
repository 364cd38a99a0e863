"""How saturated the sources say the market is ("moderately crowded"), else the count of rivals."""

from __future__ import annotations

import re
from typing import cast

from agents.analysts.sentences import Sentence
from agents.state import Level

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
