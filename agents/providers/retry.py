"""Bounded retries with exponential backoff and jitter, honouring a server's ``retry-after``."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Backoff:
    """How long to wait between attempts; ``sleep`` is injectable so tests do not wait."""

    base_seconds: float = 0.5
    max_seconds: float = 8.0
    max_retry_after: float = 30.0  # a server asking for longer is not worth blocking a research on
    sleep: Callable[[float], None] = time.sleep
    random: Callable[[], float] = field(default=random.random)

    def delay(self, retry_number: int, retry_after: float | None = None) -> float:
        """Seconds before retry ``retry_number`` (0-based): ``retry-after`` if given, else backoff."""
        if retry_after is not None and retry_after >= 0:
            return min(retry_after, self.max_retry_after)
        ceiling = min(self.max_seconds, self.base_seconds * 2**retry_number)
        return ceiling * (0.5 + self.random() / 2)  # jitter spreads parallel agents' retries apart

    def wait(self, retry_number: int, retry_after: float | None = None) -> float:
        """Sleep before retry ``retry_number`` and return the seconds slept."""
        seconds = self.delay(retry_number, retry_after)
        self.sleep(seconds)
        return seconds


def parse_retry_after(value: str | None) -> float | None:
    """A ``retry-after`` header in seconds (HTTP dates are not used by these APIs), else None."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        return None
    return seconds if seconds >= 0 else None
