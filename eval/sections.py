"""The one place that knows where each graded section lives in the report JSON.

Written against the report schema of CONTRACTS.md (contract 1) and tolerant of its absence: a figure's
``kind`` decides its section when typed (``other`` or absent: the list it sits in); the headline is a
market size; personas (their own list, or segments marked as such) are not segments; ``conflicts`` are
collected wherever they appear; ``outcome`` defaults to ``"report"``; ``pmf_score`` may be None. When
the schema grows, only this module changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from eval.matching import normalise

SECTIONS = (
    "market_size",
    "growth",
    "trends",
    "opportunities",
    "competitors",
    "competitor_names",
    "gaps",
    "pain_points",
    "segments",
    "willingness_to_pay",
    "satisfaction_drivers",
    "recommendations",
    "executive_summary",
)
ANY = "any"
# keys whose values are identifiers or bookkeeping, never report content
SKIPPED_KEYS = frozenset(
    {"source_ids", "id", "ids", "url", "urls", "verified", "quote_found", "values_match"}
)
# typed values a trap's ``unless`` may look at (contract 1 names)
TYPED_KEYS = ("kind", "timeframe", "year", "geography", "scope", "vendor_claim", "dated", "confidence")
FIGURE_SECTIONS = {"market_size": "market_size", "growth_rate": "growth"}
UNTYPED_KINDS = (None, "", "other")  # the list a figure sits in decides
PERSONA_MARKERS = {"persona", "personas"}


@dataclass
class Item:
    """One gradable thing in a section: its normalised text and the typed values it carries."""

    text: str
    typed: dict[str, Any] = field(default_factory=dict)
    path: str = ""


def text_of(value: Any, key: str = "") -> list[str]:
    """Every string and number inside ``value`` (ids, URLs and check flags left out)."""
    if key in SKIPPED_KEYS or isinstance(value, bool) or value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, int | float):
        return [str(value)]
    if isinstance(value, dict):
        return [text for name, inner in value.items() for text in text_of(inner, name)]
    if isinstance(value, list):
        return [text for inner in value for text in text_of(inner, key)]
    return []


def _item(value: Any, path: str) -> Item:
    typed = {key: value[key] for key in TYPED_KEYS if isinstance(value, dict) and key in value}
    return Item(text=normalise(" \n ".join(text_of(value))), typed=typed, path=path)


def _list(report: dict[str, Any], *keys: str) -> list[Any]:
    node: Any = report
    for key in keys:
        node = node.get(key) if isinstance(node, dict) else None
    return node if isinstance(node, list) else []


def _figures(report: dict[str, Any]) -> Iterator[tuple[str, Item]]:
    """Figures placed by their typed kind (market size, growth rate) or, untyped, by the list they sit in.

    A figure typed as anything else (revenue, funding, price, population, ...) is no market figure,
    wherever it sits. The headline is graded as a market size without typed exemptions: a vendor
    claim, a forecast or a dated figure must never be the headline, however it is labelled.
    """
    market = report.get("market_analysis") or {}
    customer = report.get("customer_insights") or {}
    lists = (
        ("market_analysis.market_size", _list(market, "market_size"), "market_size"),
        ("market_analysis.growth", _list(market, "growth"), "growth"),
        ("market_analysis.other_figures", _list(market, "other_figures"), ""),
        ("market_analysis.figures", _list(market, "figures"), ""),
        ("customer_insights.figures", _list(customer, "figures"), ""),
    )
    for path, figures, default in lists:
        for index, figure in enumerate(figures):
            section = _figure_section(figure, default)
            if section:
                yield section, _item(figure, f"{path}[{index}]")
    headline = market.get("headline")
    if isinstance(headline, dict) and _figure_section(headline, "market_size") == "market_size":
        item = _item(headline, "market_analysis.headline")
        item.typed = {}
        yield "market_size", item


def _figure_section(figure: Any, default: str) -> str:
    kind = figure.get("kind") if isinstance(figure, dict) else None
    if kind in FIGURE_SECTIONS:
        return FIGURE_SECTIONS[kind]
    return default if kind in UNTYPED_KINDS else ""


def _is_persona(segment: Any) -> bool:
    if not isinstance(segment, dict):
        return False
    marker = str(segment.get("kind") or segment.get("type") or "").lower()
    return marker in PERSONA_MARKERS or segment.get("persona") is True


def section_items(report: dict[str, Any]) -> dict[str, list[Item]]:
    """Every graded section of a report (``Report.model_dump(mode="json")``) as a list of items."""
    sections: dict[str, list[Item]] = {name: [] for name in SECTIONS}
    for section, item in _figures(report):
        sections[section].append(item)

    def add(section: str, *keys: str) -> None:
        for index, value in enumerate(_list(report, *keys)):
            sections[section].append(_item(value, f"{'.'.join(keys)}[{index}]"))

    add("trends", "market_analysis", "trends")
    add("opportunities", "market_analysis", "opportunities")
    add("competitors", "competitive_landscape", "competitors")
    for index, competitor in enumerate(_list(report, "competitive_landscape", "competitors")):
        name = competitor.get("name", "") if isinstance(competitor, dict) else ""
        path = f"competitive_landscape.competitors[{index}].name"
        sections["competitor_names"].append(Item(text=normalise(str(name)), path=path))
    add("gaps", "competitive_landscape", "gaps")
    add("pain_points", "customer_insights", "pain_points")
    for index, segment in enumerate(_list(report, "customer_insights", "segments")):
        if not _is_persona(segment):
            sections["segments"].append(_item(segment, f"customer_insights.segments[{index}]"))
    add("willingness_to_pay", "customer_insights", "willingness_to_pay")
    add("satisfaction_drivers", "customer_insights", "satisfaction_drivers")
    add("recommendations", "customer_insights", "recommendations")
    add("recommendations", "strategic_recommendations")
    summary = report.get("executive_summary")
    if isinstance(summary, str) and summary.strip():
        sections["executive_summary"].append(Item(text=normalise(summary), path="executive_summary"))
    return sections


def conflicts(report: dict[str, Any]) -> list[Item]:
    """Every entry of every ``conflicts`` list anywhere in the report (none before contract 1 lands)."""
    found: list[Item] = []

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "conflicts" and isinstance(value, list):
                    found.extend(_item(entry, f"{path}{key}[{i}]") for i, entry in enumerate(value))
                else:
                    walk(value, f"{path}{key}.")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{path}[{index}].")

    walk(report, "")
    unique: dict[str, Item] = {}
    for item in found:  # Report.conflicts repeats the findings' conflicts: count each once
        unique.setdefault(item.text, item)
    return list(unique.values())


def outcome(report: dict[str, Any]) -> str:
    """``report`` or ``insufficient_evidence`` (older reports have no outcome: they are reports)."""
    return str(report.get("outcome") or "report")


def pmf_total(report: dict[str, Any]) -> int | None:
    """The PMF score, or None when the report has none."""
    score = report.get("pmf_score")
    if isinstance(score, dict) and isinstance(score.get("total"), int | float):
        return int(score["total"])
    return None
