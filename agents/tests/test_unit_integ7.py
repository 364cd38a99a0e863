"""Figure typing rules found on the held-out corpora of 2026-11-30 (evening), tested on invented text."""

from __future__ import annotations

from agents.analysts.figures import figures, numbers_in
from agents.analysts.sentences import Sentence
from agents.state import Source


def _kinds(text: str) -> dict[str, str]:
    return {found.value: found.kind for found in numbers_in(text)}


def test_retail_sales_of_a_category_are_its_markets_size_not_a_companys_revenue() -> None:
    assert _kinds("Retail sales of garden tools in Chile reached CLP 410 billion in 2024.") == {
        "CLP 410 billion": "market_size"
    }
    # a named seller's sales stay its revenue
    assert _kinds("Verdemax's sales of garden tools reached CLP 41 billion in 2024.") == {
        "CLP 41 billion": "company_revenue"
    }


def test_a_segment_set_apart_in_emphasis_is_still_set_apart() -> None:
    from agents.analysts.sourcing import IdeaTerms
    from agents.evidence import excluded_market

    text = (
        "Professional landscaping equipment bought by parks departments and contractors is *not* "
        "included; we size it separately at about CLP 95 billion."
    )
    sentence = Sentence(text=text, source_id="S1", position=0, heading="Market size")
    [figure] = figures(sentence, 2025, 2026)
    assert excluded_market(figure, IdeaTerms(frozenset({"garden", "tool"}), frozenset()))


def test_a_noun_the_idea_also_writes_bare_is_its_own_market_whatever_the_qualifier() -> None:
    from agents.analysts.sourcing import IdeaTerms
    from agents.evidence import adjacent_market, unqualified

    idea = (
        "Orchard owners in Chile lose fruit to late frost. A wireless sensor reads the frost risk of "
        "each block and sends the alert to the owner's phone."
    )
    words = [
        "orchard",
        "owner",
        "chile",
        "lose",
        "fruit",
        "late",
        "frost",
        "wireless",
        "sensor",
        "read",
        "risk",
    ]
    product = IdeaTerms(frozenset({"wireless", "sensor", "frost", "risk"}), frozenset({"orchard", "owner"}))
    sentence = Sentence(
        text="Vineyard frost sensors were a $12 million market in 2025.",
        source_id="S1",
        position=0,
    )
    [figure] = [f for f in figures(sentence, 2025, 2026) if f.kind == "market_size"]
    # "late frost" would make "vineyard frost" a sibling; but the idea also writes "the frost risk"
    assert adjacent_market(figure, product, words)
    assert "frost" in unqualified(idea)
    assert not adjacent_market(figure, product, words, bare=unqualified(idea))


def _page(title: str, content: str) -> Source:
    from datetime import UTC, datetime

    return Source(
        id="S1", url="https://a.example/p", title=title, content=content, agent="market",
        retrieved_at=datetime.now(UTC),
    )  # fmt: skip


def test_sources_about_the_customer_but_not_the_product_are_about_another_product() -> None:
    from agents.analysts.sourcing import another_product

    # given pages about allotment gardeners and their tool sheds, which mention a rental once
    sources = [
        _page(
            "Allotment gardeners survey 2025",
            "Allotment gardeners want bigger sheds. One rental plot costs more.",
        ),
        _page("Sheds for allotments", "Gardeners store tools in sheds. Allotment gardeners share tools."),
    ]
    # then weekly rental of electric rotavators is another product for the same customer
    idea = "Weekly rental of electric rotavators for allotment gardeners, delivered to the plot."
    assert another_product(idea, sources) == ["electric", "rental", "rotavators"]
    # while the product the pages are about is not
    assert (
        another_product("Lockable tool sheds for allotment gardeners, sold as flat-pack kits.", sources) == []
    )
    # and a product named in fewer than three words is never judged (a paraphrase is too likely)
    assert another_product("Rotavator rental for allotment gardeners.", sources) == []
