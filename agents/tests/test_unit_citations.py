"""The citation verifier: normalised quote matching, id/URL resolution, drops and grounding."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agents.citations import grounding, merge_sources, normalise, quote_found, verify_findings
from agents.state import Claim, MarketFindings, Source


def source(source_id: str, url: str, content: str) -> Source:
    return Source(
        id=source_id, url=url, title="T", content=content, agent="market", retrieved_at=datetime.now(UTC)
    )


@pytest.mark.parametrize(
    ("quote", "content", "found"),
    [
        ("The market is worth $2.8 billion.", "Intro. The  market is\nworth $2.8 billion. End.", True),
        ("it\u2019s a \u201cbig\u201d market \u2014 growing", 'It\'s a "big" market - growing fast', True),
        ("a **bold** claim", "This is a bold claim.", True),
        ("THE MARKET", "the market", True),
        ("The market is worth $3 billion.", "The market is worth $2.8 billion.", False),
        ("", "anything", False),
        ("   ", "anything", False),
    ],
)
def test_quote_found_uses_normalised_text(quote: str, content: str, found: bool) -> None:
    assert quote_found(quote, content) is found


def test_normalise_casefolds_and_collapses() -> None:
    assert normalise("  A\u00a0\u2018B\u2019\t\u2013 C  ") == "a 'b' - c"


def test_verify_resolves_urls_drops_unknown_and_marks_claims() -> None:
    # given two retrieved sources and claims citing ids, a URL, an unknown URL and a wrong quote
    sources = [
        source("M1", "https://a.example/x", "Alpha grew 12% in 2024."),
        source("M2", "https://b.example/y/", "Beta is the leader."),
    ]
    findings = MarketFindings(
        trends=[
            Claim(text="a", source_ids=["M1"], quote="Alpha grew 12% in 2024."),
            Claim(text="b", source_ids=["https://b.example/y"], quote="beta is the leader"),
            Claim(text="c", source_ids=["https://nowhere.example/", "M1"], quote="Gamma is cheap."),
            Claim(text="d", source_ids=["S9"], quote="Alpha grew 12% in 2024."),
        ]
    )
    # when verified
    dropped = verify_findings(findings, sources)
    # then unknown references are dropped and counted, URLs resolved, quotes checked
    assert dropped == 2
    assert [(c.source_ids, c.verified) for c in findings.trends] == [
        (["M1"], True),
        (["M2"], True),
        (["M1"], False),
        ([], False),
    ]
    assert grounding([findings], dropped).model_dump() == {
        "claims": 4,
        "cited": 3,
        "verified": 2,
        "dropped": 2,
    }


def test_merge_sources_dedupes_by_url_and_renumbers() -> None:
    retrieved = [
        source("M1", "https://a.example/", "x"),
        source("C1", "https://b.example", "y"),
        source("U1", "https://a.example", "x"),
    ]
    merged, mapping = merge_sources(retrieved)
    assert [(s.id, s.url) for s in merged] == [("S1", "https://a.example/"), ("S2", "https://b.example")]
    assert mapping == {"M1": "S1", "C1": "S2", "U1": "S1"}
