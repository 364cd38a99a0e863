"""Conflicts between sources that count or measure one thing in different words (issue 11).

Invented sentences only."""

from agents.analysts.conflicts import count_conflicts
from agents.analysts.sentences import Sentence


def _counts(vendor_text: str, other_text: str):
    sentences = [Sentence(vendor_text, "S3", 0), Sentence(other_text, "S1", 0)]
    return count_conflicts(
        sentences, {"S3": "tilebay"}, frozenset({"S1", "S3"}), frozenset(), frozenset({"S3"})
    )


def test_one_firms_users_under_two_nouns_conflict_when_one_side_is_its_own_claim():
    found = _counts(
        "More than 40,000 landscaping companies already use TileBay to order stone.",
        "By our own count, TileBay had about 9,500 active customers at the end of 2024.",
    )
    assert len(found) == 1
    values = {side.value for side in found[0].sides}
    assert values == {"40,000 landscaping companies", "9,500 active customers"}
    assert "vendor" in found[0].statement and "TileBay" in found[0].statement


def test_two_nouns_without_a_vendor_claim_or_a_shared_name_are_no_conflict():
    # both independent: two nouns may be two things (firms buying vs people using)
    sentences = [
        Sentence("About 40,000 landscaping companies buy from TileBay.", "S1", 0),
        Sentence("TileBay counted 9,500 active users in 2024.", "S2", 0),
    ]
    assert count_conflicts(sentences, {}, frozenset({"S1", "S2"}), frozenset(), frozenset()) == []
    # a vendor's users against another firm's customers
    assert (
        _counts(
            "More than 40,000 landscaping companies already use TileBay to order stone.",
            "Its rival Quarrly had about 9,500 active customers at the end of 2024.",
        )
        == []
    )


def test_a_users_noun_against_a_count_of_something_else_is_no_conflict():
    assert (
        _counts(
            "More than 40,000 landscaping companies already use TileBay to order stone.",
            "TileBay shipped about 9,500 pallets in 2024.",
        )
        == []
    )


def test_a_vendors_count_above_the_count_across_all_vendors_is_a_conflict():
    found = _counts(
        "Already 900 Danish bakeries trust TileBay for their orders.",
        "We count about 240 bakeries in Denmark that use any ordering software, across all vendors.",
    )
    assert len(found) == 1
    assert {side.value for side in found[0].sides} == {"900 Danish bakeries", "240 bakeries"}


def test_a_vendors_count_below_the_total_or_elsewhere_is_no_conflict():
    total = "We count about 2,400 bakeries in Denmark that use any ordering software, across all vendors."
    assert _counts("Already 900 Danish bakeries trust TileBay for their orders.", total) == []
    worldwide = "Already 9,000 bakeries worldwide trust TileBay for their orders."
    assert _counts(worldwide, total.replace("2,400", "240")) == []
    # an independent count that is no total across products
    assert (
        _counts(
            "Already 900 Danish bakeries trust TileBay for their orders.",
            "We count about 240 bakeries in Denmark that bake rye bread.",
        )
        == []
    )


def test_a_count_of_an_earlier_time_is_no_conflict_with_todays():
    sentences = [
        Sentence(
            "We count about 240 small and family-run bakeries in Denmark that use any ordering app.", "S1", 0
        ),
        Sentence("At the time fewer than 30 small bakeries used any ordering app in Denmark.", "S2", 0),
    ]
    assert count_conflicts(sentences, {}, frozenset({"S1", "S2"}), frozenset(), frozenset()) == []


def test_a_figure_for_the_sources_own_year_in_future_wording_is_current():
    from agents.analysts.figures import figures

    text = "Dutch cyclists will spend EUR 75 million in 2026 on bike repairs at home, counting labour only."
    found = [f for f in figures(Sentence(text, "S1", 0), 2026, 2026) if "75" in f.value]
    assert found and found[0].timeframe == "current"
    later = [
        f for f in figures(Sentence(text.replace("2026", "2029"), "S1", 0), 2026, 2026) if "75" in f.value
    ]
    assert later and later[0].timeframe == "forecast"
    period = "Repairs will grow 8% a year between 2026 and 2030."
    assert {f.timeframe for f in figures(Sentence(period, "S1", 0), 2026, 2026)} == {"forecast"}
    by_then = "Dutch cyclists will spend EUR 75 million by 2026 on bike repairs at home."
    assert [f.timeframe for f in figures(Sentence(by_then, "S1", 0), 2026, 2026) if "75" in f.value] == [
        "forecast"
    ]


def test_a_stated_part_of_another_figure_is_no_side_of_a_conflict():
    from agents.evidence import part_of_another
    from agents.state import Figure

    text = (
        "Clubs spent EUR 90 million on coaching in 2025. "
        "Tennis is the largest sport, at 30% of that spending, or about EUR 27 million."
    )
    part = Figure(text=text, quote=text, value="EUR 27 million", kind="market_size", source_ids=["S1"])
    whole = Figure(text=text, quote=text, value="EUR 90 million", kind="market_size", source_ids=["S1"])
    assert part_of_another(part)
    assert not part_of_another(whole)
