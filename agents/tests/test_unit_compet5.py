"""Competitors that the sources price or name but the report left out (invented texts of domains no
corpus covers): prices with dots for thousands and a letter symbol, a commission as a price, a rival's own
price list beside a comparison table, and a rival that closed."""

from __future__ import annotations

from datetime import UTC, datetime

from agents.analysts.amounts import PRICE, amount
from agents.analysts.competitors import analyse_competitors, prices_in
from agents.analysts.vetting import Evidence
from agents.state import Source, SourceAssessment, SourceType


def source(content: str, source_id: str = "C1", *, url: str = "", title: str = "T") -> Source:
    return Source(
        id=source_id,
        url=url or f"https://review-{source_id.lower()}.example/a",
        title=title,
        content=content,
        agent="competitor",
        retrieved_at=datetime.now(UTC),
    )


def analyse(*sources: Source, types: dict[str, SourceType] | None = None):  # type: ignore[no-untyped-def]
    types = types or {}
    assessments = [
        SourceAssessment(source_id=s.id, source_type=types.get(s.id, "unknown"), relevance=1, relevant=True)
        for s in sources
    ]
    vendor = {s.id for s in sources if types.get(s.id) == "vendor"}
    return analyse_competitors(Evidence(list(sources), assessments, 2026, vendor=vendor), set())


# --- amounts ---------------------------------------------------------------------------------------------


def test_dots_for_thousands_and_a_letter_symbol_before_the_number_are_prices() -> None:
    # given prices as Brazilian, Kenyan, Indonesian, Indian and Malaysian writers put them
    written = {
        "A tune-up costs R$ 1.250,00 per bicycle.": ("R$ 1.250,00 per bicycle", 1250.0),
        "The vet charges KES 2.500 per visit.": ("KES 2.500 per visit", 2500.0),
        "Tutoring is Rp 1.250.000 a month.": ("Rp 1.250.000 a month", 1250000.0),
        "A yoga class is Rs 450 per session.": ("Rs 450 per session", 450.0),
        "Laundry pickup costs RM 45 a month.": ("RM 45 a month", 45.0),
    }
    for text, (price, value) in written.items():
        match = PRICE.search(text)
        # then the whole amount is read, units kept, and its value counts the dots as thousands
        assert match is not None and match.group(0) == price, text
        assert amount(text) == value, text


def test_decimals_and_scaled_amounts_still_read_as_before() -> None:
    # given decimals, a comma-grouped price and amounts with a scale
    assert amount("The meter reads $3.1415 per unit.") == 3.1415
    assert amount("Dues are €1,200.50 a year.") == 1200.5
    assert amount("The payroll software market was $2.5 billion.") == 2.5e9
    assert amount("The depot cost Rp 48 billion to build.") == 48e9
    # and a scaled amount is money, never a unit price
    assert PRICE.search("The depot cost Rp 48 billion to build.") is None
    assert prices_in("Servicing costs Rp 85.000 per bicycle.") == ["Rp 85.000 per bicycle"]
