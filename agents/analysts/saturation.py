"""How saturated a market is, judged the same way by the score and the report's narrative."""

from __future__ import annotations

from agents.state import CompetitorFindings, Level

LEVELS: tuple[Level, ...] = ("low", "medium", "high")
CROWDED, CONTESTED = 6, 3  # competitors named in the sources that make a market crowded / contested


def saturation_level(competitor: CompetitorFindings) -> Level:
    """How saturated the market is: the sources' own word and the number of competitors they name,
    met halfway ("not saturated" with six named competitors is contested, not open)."""
    named = len(competitor.competitors)
    counted = 2 if named >= CROWDED else 1 if named >= CONTESTED else 0
    stated = LEVELS.index(competitor.saturation)
    return LEVELS[int((stated + counted) / 2 + 0.5)]
