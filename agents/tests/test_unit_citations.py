"""The citation verifier: normalised quote matching, id/URL resolution, drops and grounding."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agents.citations import (
    grounding,
    merge_sources,
    normalise,
    numbers,
    quote_found,
    values_in_quote,
    verify_findings,
)
from agents.state import Claim, Figure, MarketFindings, Source


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
        "quote_not_found": 2,
        "values_mismatch": 0,
        "model_dropped": 0,  # the citation verifier never removes model claims (the LLM checks do)
        "model_checks": [],
    }


def test_quote_found_and_values_match_are_separate_checks() -> None:
    # given a source about $3.9 billion in 2024
    sources = [
        source("M1", "https://a.example/x", "The market was worth $3.9 billion in 2024, up from 2021.")
    ]
    quote = "The market was worth $3.9 billion in 2024"
    findings = MarketFindings(
        market_size=[
            Figure(text="The market is worth $12.4 billion today.", source_ids=["M1"], quote=quote,
                   value="$12.4 billion", year="2024"),
            Figure(text="Worth $3.9 billion in 2024.", source_ids=["M1"], quote=quote,
                   value="$3.9 billion", year="2024"),
            Figure(text="Worth $3.9 billion in 2024.", source_ids=["M1"],
                   quote="Valued at $3.9 billion in 2024", value="$3.9 billion", year="2024"),
        ]
    )  # fmt: skip
    # when verified
    verify_findings(findings, sources)
    # then the quote check and the values check are recorded apart, and verified needs both
    checks = [(f.quote_found, f.values_match, f.verified) for f in findings.market_size]
    assert checks == [(True, False, False), (True, True, True), (False, True, False)]
    assert grounding([findings], 0).values_mismatch == 1


def test_numbers_read_separators_decimals_and_years() -> None:
    assert numbers("$1,200.50 per seat in 2024 (S1), 7,50 EUR, 13.4%") == {1200.5, 2024.0, 7.5, 13.4}
    assert values_in_quote("12% in 2024", "It grew 12% in 2024.")
    assert not values_in_quote("12% in 2023", "It grew 12% in 2024.")
    assert values_in_quote("no figures here", "")


def test_merge_sources_dedupes_by_url_and_renumbers() -> None:
    retrieved = [
        source("M1", "https://a.example/", "x"),
        source("C1", "https://b.example", "y"),
        source("U1", "https://a.example", "x"),
    ]
    merged, mapping = merge_sources(retrieved)
    assert [(s.id, s.url) for s in merged] == [("S1", "https://a.example/"), ("S2", "https://b.example")]
    assert mapping == {"M1": "S1", "C1": "S2", "U1": "S1"}
