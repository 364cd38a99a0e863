"""Integrator's rules of the session that added the dental, hot-sauce and sign-language corpora: source
types from cues that name a public body, not any "agency" or "authority". Invented text only."""

from __future__ import annotations

from datetime import UTC, datetime

from agents.analysts.sourcing import source_type
from agents.state import Source


def page(title: str, content: str, url: str = "https://harbour-notes.example/guides/ferries") -> Source:
    return Source(
        id="S1", url=url, title=title, content=content, agent="market", retrieved_at=datetime.now(UTC)
    )


def test_a_process_authority_or_a_marketing_agency_is_no_public_body() -> None:
    guide = page(
        "Five ferry caterers compared (2026)",
        "Each caterer needs a letter from a process authority before it can bottle sauces. The process "
        "authority checks the recipe. Two caterers use a marketing agency; the agency writes their menus. "
        "A third caterer asked the same process authority twice.",
    )
    assert source_type(guide) != "government"


def test_a_public_agency_or_a_local_authority_still_makes_a_government_page() -> None:
    release = page(
        "Ferry crossings in 2025",
        "The Maritime Transport Agency publishes this release. The local authority and the transport "
        "authority count every crossing; the government funds the count.",
    )
    assert source_type(release) == "government"
