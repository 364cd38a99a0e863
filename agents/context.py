"""What nodes get besides state: providers, the search budget and the checkpoint emitter (never persisted)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from agents.analysts.base import Analyst
from agents.budget import SearchBudget
from agents.checkpoints import BY_KEY, CheckpointEvent
from agents.errors import ResearchCancelled
from agents.providers.base import SearchProvider
from agents.providers.documents import SourceStore


class CheckpointEmitter:
    """Emits checkpoints to the caller, checking for cancellation first; thread-safe for parallel agents."""

    def __init__(
        self, on_checkpoint: Callable[[CheckpointEvent], None], should_cancel: Callable[[], bool]
    ) -> None:
        self._on_checkpoint = on_checkpoint
        self._should_cancel = should_cancel
        self._lock = threading.Lock()
        self.cancelled_at: str | None = None

    def emit(self, key: str, detail: str = "") -> None:
        """Report checkpoint ``key``; raises ResearchCancelled (and emits nothing) once cancelled."""
        assert key in BY_KEY, key
        with self._lock:
            # once cancelled, parallel agents still running must not report progress either
            if self.cancelled_at is None and self._should_cancel():
                self.cancelled_at = key
            if self.cancelled_at is not None:
                raise ResearchCancelled(self.cancelled_at)
            self._on_checkpoint(CheckpointEvent(key=key, at=datetime.now(UTC), detail=detail))

    def emit_final(self, key: str, detail: str = "") -> None:
        """Report a checkpoint after the work is done and delivered (there is nothing left to cancel)."""
        with self._lock:
            self._on_checkpoint(CheckpointEvent(key=key, at=datetime.now(UTC), detail=detail))


@dataclass
class RunContext:
    """LangGraph run context: the configured providers and callbacks for one research."""

    search: SearchProvider
    analyst: Analyst
    budget: SearchBudget
    checkpoints: CheckpointEmitter
    llm_name: str
    source_cache: SourceStore | None = None
