"""How an idea's product and customer are read when it does not say "X for Y" (invented ideas)."""

from __future__ import annotations

import pytest

from agents.analysts.idea import parse_idea, split_product
from agents.analysts.sentences import stem
from agents.analysts.sourcing import idea_terms


@pytest.mark.parametrize(
    ("sentence", "product", "customer"),
    [
        # a verb that hands something over names its receiver after "to"
        (
            "A service that leases solar water pumps to smallholder farmers in Kenya, paid by mobile money",
            "service that leases solar water pumps",
            "smallholder farmers",
        ),
        (
            "Refurbished laptops sold to secondary schools with a three-year warranty",
            "Refurbished laptops sold",
            "secondary schools",
        ),
        # "to" before a place, a possessive or an infinitive is no customer
        (
            "A courier that delivers flowers to your door within two hours",
            "courier that delivers flowers to your door within two hours",
            "",
        ),
        ("A tool to plan shifts for hospital pharmacists", "tool to plan shifts", "hospital pharmacists"),
        # "for" still wins
        ("A booking app for dog groomers that sends reminders to clients", "booking app", "dog groomers"),
    ],
)
def test_the_customer_is_read_from_for_or_from_a_receiver(sentence: str, product: str, customer: str) -> None:
    assert split_product(sentence) == (product, customer)


def test_with_no_customer_the_head_noun_phrase_defines_the_product_not_every_detail() -> None:
    # an idea naming no customer, with a long tail of details a single source cannot all be about
    idea = parse_idea(
        "Modular tiny houses with solar roofs, rainwater tanks, composting toilets and a fixed monthly "
        "payment plan, delivered on a truck in one day."
    )
    terms = idea_terms(idea)
    assert terms.customer == frozenset()
    assert terms.product == frozenset(stem(word) for word in ("modular", "tiny", "house"))


def test_a_named_receiver_is_the_customer_facet() -> None:
    terms = idea_terms(parse_idea("A subscription that rents e-scooters to university students in Lisbon."))
    assert stem("student") in terms.customer and stem("scooter") in terms.product
    assert stem("lisbon") not in terms.customer  # the place is a detail, not who pays


def test_a_verb_used_without_an_object_hands_nothing_over() -> None:
    # "until it sells, to cut …": a purpose, not a receiver
    sentence = (
        "Shared freezers at fishing harbours where catches wait until the boat sells, to cut fish losses"
    )
    assert split_product(sentence)[1] == ""


def test_customers_named_in_a_later_sentence_or_as_groups_join_the_customer_terms() -> None:
    # given an idea whose "for" names a broad group and a later sentence names its buyers
    sold = idea_terms(
        parse_idea(
            "A journaling app for teenagers in Canada that turns mood check-ins into weekly reflections. "
            "We sell it to school boards and to youth clinics as a wellbeing programme."
        )
    )
    # then the buyers are customers too, without the words after "as"
    assert {stem("teenagers"), stem("boards"), stem("clinics")} <= sold.customer
    assert stem("programme") not in sold.customer and stem("wellbeing") not in sold.customer
    # given an idea naming no customer by "for" or "to", but groups who use it
    grouped = idea_terms(
        parse_idea(
            "Mobile grain dryers at village collection points where maize growers and grain brokers pay "
            "per sack, so harvests do not rot in the rainy season."
        )
    )
    # then those groups are its customers, and the product is its head noun phrase
    assert {stem("growers"), stem("brokers")} <= grouped.customer
    assert {stem("grain"), stem("dryers")} <= grouped.product
    assert stem("sack") not in grouped.customer


def test_a_rivals_own_page_named_by_a_relevant_source_is_relevant() -> None:
    from datetime import UTC, datetime

    from agents.analysts.sourcing import assess
    from agents.state import Source

    def page(url: str, title: str, content: str) -> Source:
        return Source(id=url[8:16], url=url, title=title, content=content, agent="competitor",
                      retrieved_at=datetime.now(UTC))  # fmt: skip

    # given an idea, a review about it that names a rival, the rival's own pricing page in its own words,
    # and another vendor's page that no relevant source names
    context = parse_idea("Online piano lessons for retired adults, taught live in small groups.")
    review = page(
        "https://reviews.example/piano", "Piano lessons for retired adults compared",
        "Retired adults learning piano online have three options. KeyCircle teaches piano in small live "
        "groups for retired adults. Retired learners say group piano lessons keep them practising.",
    )  # fmt: skip
    rival = page(
        "https://keycircle.example/pricing", "KeyCircle pricing",
        "Join a class today. Our members pay $39 a month. Start your free trial now and pick your plan.",
    )  # fmt: skip
    stranger = page(
        "https://drumbox.example/pricing", "DrumBox pricing",
        "Join a class today. Our members pay $29 a month. Start your free trial now and pick your plan.",
    )  # fmt: skip
    # when the sources are assessed
    judged = {note.source_id: note for note in assess([review, rival, stranger], context)}
    # then the named rival's page is relevant and the unnamed vendor's is not
    assert judged[review.id].relevant and judged[rival.id].relevant
    assert judged[rival.id].source_type == "vendor" and not judged[stranger.id].relevant


def test_a_for_phrase_naming_machines_takes_its_customers_from_where_they_are() -> None:
    # "for" names what the product serves (machines), "in" names who owns them
    sentence = (
        "Retrofit energy meters for ovens, fryers and walk-in freezers in independent bakeries and cafes "
        "in Portugal, billed per meter"
    )
    assert split_product(sentence)[1] == "independent bakeries and cafes"
    # a "for" that names a group keeps it, whatever follows
    assert (
        split_product("A rota app for dentists in small practices in Ohio")[1]
        == "dentists in small practices in Ohio"
    )
    # nothing after "in" that names a group: unchanged
    assert split_product("Heat pumps for old houses in cold climates")[1] == "old houses in cold climates"


def test_groups_named_in_the_defining_sentence_are_customers_not_product_terms() -> None:
    # given an idea whose defining sentence names who trades on it without "for" or "to"
    market = idea_terms(
        parse_idea(
            "A website where bakeries and cafes in Ireland swap surplus bread trays (proofers, racks, "
            "mixers), with every lot photographed by a courier."
        )
    )
    # then the groups are the customer facet and the product keeps what is traded
    assert {stem("bakeries"), stem("cafes")} <= market.customer
    assert not {stem("bakeries"), stem("cafes")} & market.product
    assert {stem("bread"), stem("trays")} <= market.product
    # and machines listed as examples are not read as groups of people
    assert stem("mixers") not in market.customer and stem("proofers") not in market.customer
    # given an idea whose head noun looks like an agent noun ("-ers") and that names its users later on
    lockers = idea_terms(
        parse_idea(
            "Heated bicycle lockers installed at suburban railway stations so commuters can park overnight, "
            "rented by councils per locker per year."
        )
    )
    # then the head noun is the product and the groups are its customers
    assert stem("lockers") in lockers.product and stem("lockers") not in lockers.customer
    assert {stem("commuters"), stem("councils")} <= lockers.customer
