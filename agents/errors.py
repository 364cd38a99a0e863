"""Domain exceptions raised by the research graph."""

from __future__ import annotations


class ResearchCancelled(Exception):
    """The caller asked to stop; raised at the next checkpoint."""

    def __init__(self, checkpoint: str = "") -> None:
        where = f" at checkpoint {checkpoint!r}" if checkpoint else ""
        super().__init__(f"Research cancelled{where}.")
        self.checkpoint = checkpoint


class ResearchFailed(Exception):
    """The research could not complete; the message is safe to show users."""
