"""``expected.yaml``: what a correct report on a corpus contains, avoids and surfaces (eval/README.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field, field_validator, model_validator

from eval.matching import compile_group
from eval.sections import ANY, SECTIONS

CORPORA = Path(__file__).resolve().parent / "corpora"
MIN_FACTS, MIN_TRAPS, MIN_CONTRADICTIONS, MAX_BAND = 25, 8, 2, 25


def _groups(value: list[str]) -> list[str]:
    if not value:
        raise ValueError("at least one token group")
    for group in value:
        compile_group(group)  # raises on an empty alternative
    return value


def _sections(value: str) -> str:
    unknown = [name for name in value.split("|") if name not in (*SECTIONS, ANY)]
    if unknown:
        raise ValueError(f"unknown section(s) {unknown}; known: {', '.join((*SECTIONS, ANY))}")
    return value


class Fact(BaseModel):
    """Something a correct report states in one of ``section`` (``"a|b"``)."""

    id: str
    section: str
    tokens: list[str]
    note: str = ""

    _check_tokens = field_validator("tokens")(_groups)
    _check_section = field_validator("section")(_sections)

    @property
    def sections(self) -> list[str]:
        """The sections the fact may appear in."""
        return list(SECTIONS) if self.section == ANY else self.section.split("|")


class Trap(Fact):
    """Something a correct report never states in ``section``, unless typed as one of ``unless``."""

    unless: dict[str, Any] = Field(default_factory=dict)
    why: str = ""


class Contradiction(BaseModel):
    """Two sources disagreeing on one quantity; a correct report lists both values in a conflict."""

    id: str
    quantity: str
    sides: list[list[str]]
    note: str = ""

    @field_validator("sides")
    @classmethod
    def _two_sides(cls, value: list[list[str]]) -> list[list[str]]:
        if len(value) != 2:
            raise ValueError("a contradiction has exactly two sides")
        return [_groups(side) for side in value]


class Expected(BaseModel):
    """One corpus's expectations."""

    name: str
    domain: str
    idea: str
    pmf_band: tuple[int, int]
    facts: list[Fact]
    traps: list[Trap]
    contradictions: list[Contradiction]
    uncovered: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_ids(self) -> Expected:
        ids = [fact.id for fact in (*self.facts, *self.traps)] + [item.id for item in self.contradictions]
        duplicates = sorted({identifier for identifier in ids if ids.count(identifier) > 1})
        if duplicates:
            raise ValueError(f"duplicate ids: {duplicates}")
        low, high = self.pmf_band
        if not 0 <= low <= high <= 100:
            raise ValueError(f"pmf_band {self.pmf_band} is not a range inside 0-100")
        return self

    def problems(self) -> list[str]:
        """Where this file falls short of issue 11's minimums (empty when it meets them)."""
        found = []
        if len(self.facts) < MIN_FACTS:
            found.append(f"{len(self.facts)} facts (< {MIN_FACTS})")
        if len(self.traps) < MIN_TRAPS:
            found.append(f"{len(self.traps)} traps (< {MIN_TRAPS})")
        if len(self.contradictions) < MIN_CONTRADICTIONS:
            found.append(f"{len(self.contradictions)} contradictions (< {MIN_CONTRADICTIONS})")
        if self.pmf_band[1] - self.pmf_band[0] > MAX_BAND:
            found.append(f"band {self.pmf_band} wider than {MAX_BAND} points")
        if not self.uncovered:
            found.append("no uncovered idea")
        return found


def load(path: Path) -> Expected:
    """Read and validate one ``expected.yaml`` (a folder means the file inside it)."""
    path = path / "expected.yaml" if path.is_dir() else path
    return Expected.model_validate(yaml.safe_load(path.read_text()))


def corpus_dirs(root: Path = CORPORA) -> list[Path]:
    """Every corpus folder (one with an ``expected.yaml``), by name."""
    return sorted(path.parent for path in root.glob("*/expected.yaml"))
