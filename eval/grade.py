"""Grade one report (its JSON) against a corpus's expectations: recall, trap hits, conflicts, score."""

from __future__ import annotations

from typing import Any

from eval.conflicts import false_conflicts
from eval.expectations import Expected, Trap
from eval.matching import matches
from eval.sections import Item, conflicts, outcome, pmf_total, section_items


def _find(items: dict[str, list[Item]], sections: list[str], tokens: list[str]) -> Item | None:
    for section in sections:
        for item in items[section]:
            if matches(item.text, tokens, normalised=True):
                return item
    return None


def _exempt(trap: Trap, item: Item) -> bool:
    """Whether the item carries one of the trap's ``unless`` typed values (any of them)."""
    for key, wanted in trap.unless.items():
        values = wanted if isinstance(wanted, list) else [wanted]
        if key in item.typed and item.typed[key] in values:
            return True
    return False


def _trap_hits(items: dict[str, list[Item]], trap: Trap) -> list[Item]:
    return [
        item
        for section in trap.sections
        for item in items[section]
        if matches(item.text, trap.tokens, normalised=True) and not _exempt(trap, item)
    ]


def grade_report(report: dict[str, Any], expected: Expected) -> dict[str, Any]:
    """The grade of ``report`` (``Report.model_dump(mode="json")``) for the corpus's idea."""
    items = section_items(report)
    per_section: dict[str, dict[str, Any]] = {}
    found_ids, missed_ids = [], []
    for fact in expected.facts:
        hit = _find(items, fact.sections, fact.tokens)
        # a fact allowed in several sections is reported under its first one
        entry = per_section.setdefault(fact.sections[0], {"found": 0, "total": 0, "missed": []})
        entry["total"] += 1
        if hit is None:
            entry["missed"].append(fact.id)
            missed_ids.append(fact.id)
        else:
            entry["found"] += 1
            found_ids.append(fact.id)
    for entry in per_section.values():
        entry["recall"] = round(entry["found"] / entry["total"], 3)
    hits = [
        {"id": trap.id, "where": item.path, "why": trap.why}
        for trap in expected.traps
        for item in _trap_hits(items, trap)
    ]
    hits += false_conflicts(report, expected.contradictions)
    entries = conflicts(report)
    surfaced = [
        contradiction.id
        for contradiction in expected.contradictions
        if any(
            all(matches(entry.text, side, normalised=True) for side in contradiction.sides)
            for entry in entries
        )
    ]
    score = pmf_total(report)
    low, high = expected.pmf_band
    total = len(expected.facts)
    return {
        "outcome": outcome(report),
        "pmf_score": score,
        "pmf_band": [low, high],
        "in_band": score is not None and low <= score <= high,
        "recall": round(len(found_ids) / total, 3) if total else 0.0,
        "facts_found": len(found_ids),
        "facts_total": total,
        "sections": per_section,
        "missed_facts": missed_ids,
        "trap_hits": hits,
        "contradictions_surfaced": surfaced,
        "contradictions_missed": [c.id for c in expected.contradictions if c.id not in surfaced],
        "contradictions_total": len(expected.contradictions),
        "conflicts_in_report": len(entries),
        "false_conflicts": sum(1 for hit in hits if hit["id"] == "false-conflict"),
    }
