"""How an idea's product and customer are read when it does not say "X for Y" (invented ideas)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from agents.analysts.idea import parse_idea, split_product
from agents.analysts.sentences import stem
from agents.analysts.sourcing import idea_terms
from agents.state import Source


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


def test_the_for_that_names_a_group_names_the_customer_and_sizes_do_not() -> None:
    # "for" first names a purpose, then the customer; "small and mid-sized" only qualifies it
    product, customer = split_product(
        "An app that scans delivery notes for missing items and wrong prices before a chef signs them, "
        "for small and mid-sized catering companies in Austria, priced per kitchen"
    )
    assert customer == "small and mid-sized catering companies in Austria"
    assert "missing items" in product
    terms = idea_terms(
        parse_idea(
            "An app that scans delivery notes for missing items and wrong prices before a chef signs them, "
            "for small and mid-sized catering companies in Austria, priced per kitchen."
        )
    )
    assert {stem("catering"), stem("austria")} <= terms.customer
    assert not {stem("small"), stem("mid"), stem("sized"), stem("before")} & terms.all
    assert terms.places == {stem("austria")}
    # a group named by its size and a generic noun keeps a term: something must say who it is
    assert idea_terms(parse_idea("Payroll help for small businesses.")).customer


def test_word_families_share_a_stem() -> None:
    # the place of a trade and its agents; a verb in -ate and its noun in -ation
    assert stem("breweries") == stem("brewers") == stem("brewery")
    assert stem("distillery") == stem("distillers")
    assert stem("translation") == stem("translated") == stem("translators") == stem("translate")
    assert stem("automation") == stem("automated")
    # short words keep their ending
    assert stem("every") == "every" and stem("rate") == "rate"


def _source(url: str, title: str, content: str) -> Source:
    return Source(id=url[8:20], url=url, title=title, content=content, agent="market",
                  retrieved_at=datetime.now(UTC))  # fmt: skip


def test_a_page_about_one_product_term_and_one_customer_term_is_relevant_to_a_long_idea() -> None:
    from agents.analysts.sourcing import relevance, weights

    # given a long idea and a news page that is plainly about its product and its customer, in fewer of
    # the idea's words, and a page sharing only the customer's place and one product word
    idea = idea_terms(
        parse_idea(
            "Battery-powered humidity, airflow and spore-count loggers with a mould-warning app "
            "for drying rooms "
            "in family-run cheese farms in Norway, billed per logger per month."
        )
    )
    news = _source(
        "https://dairy-news.example/loggers", "Loggers spread through cheese farms",
        "Wireless loggers are arriving in the cellars of Norway's cheese farms. Two cheese farms in "
        "Telemark fitted loggers last winter; a third is testing them.",
    )  # fmt: skip
    tourism = _source(
        "https://travel.example/norway", "Norway by train",
        "Norway's railways carry tourists past fjords. A humidity display in each carriage shows the "
        "weather.",
    )  # fmt: skip
    weight = weights(idea.all, [news, tourism])
    # then the news page is relevant although it covers few of the idea's words, the tourism page is not
    score, relevant = relevance(news, idea, weight)
    assert relevant and score < 0.2
    assert not relevance(tourism, idea, weight)[1]


def test_a_place_mentioned_once_does_not_make_a_page_about_the_customer() -> None:
    from agents.analysts.sourcing import relevance, weights

    # given an idea for agencies in a region, and an adjacent page that mentions the region and the
    # customer's noun once each while being about the product's words
    idea = idea_terms(
        parse_idea(
            "Subtitle timing checks for video localisation agencies in Scandinavia, per hour of video."
        )
    )
    adjacent = _source(
        "https://news.example/captions", "Automatic subtitle timing for broadcasters",
        "Broadcasters use subtitle timing checks on live news. One agency in Scandinavia tried it. "
        "Subtitle timing errors fell by half.",
    )  # fmt: skip
    # when it is weighed with a page that is about the customer
    about = _source(
        "https://survey.example/agencies", "Localisation agencies survey",
        "Localisation agencies in Scandinavia check subtitle timing by hand. Agencies want video checks.",
    )  # fmt: skip
    weight = weights(idea.all, [adjacent, about])
    # then only the page about the agencies is relevant
    assert not relevance(adjacent, idea, weight)[1]
    assert relevance(about, idea, weight)[1]


def test_a_place_in_a_title_is_not_enough_for_a_thin_page_to_count() -> None:
    from agents.analysts.sourcing import relevance, weights

    # given an idea whose customer is a group in a named country, and a page about another group in that
    # country that shares one of the product's words in its title
    idea = idea_terms(
        parse_idea(
            "Fraud-call screening and voice-phishing alerts on landlines for retired farmers in rural "
            "Portugal, with a monthly fee paid by their children."
        )
    )
    other = _source(
        "https://cyber.example/portugal", "Portugal: phishing drills for town halls",
        "Town halls across Portugal run phishing drills for their staff. Portugal funds the drills. One "
        "drill tricked a clerk into a call.",
    )  # fmt: skip
    about = _source(
        "https://press.example/screening", "Retired farmers targeted by fraud calls",
        "Retired farmers in rural Portugal receive fraud calls weekly. Farmers want screening on landlines.",
    )  # fmt: skip
    weight = weights(idea.all, [other, about])
    # then the page about other people in that place is not about the idea; the page about the
    # customer is
    assert not relevance(other, idea, weight)[1]
    assert relevance(about, idea, weight)[1]


def test_an_idea_that_opens_with_its_customers_problem_is_defined_by_what_we_offer() -> None:
    idea = (
        "Independent bike shops in Austria lose sales because nobody answers the phone while the mechanic "
        "is working. We route each call to an answering service that books repairs into the shop's "
        "calendar, and a weekly summary goes to the owner. Shops pay per booked repair."
    )
    context = parse_idea(idea)
    # the product is what "we" offer, the customer the group the problem is about
    assert "answering service" in context.sector and "lose sales" not in context.sector
    assert context.target_customer == "Independent bike shops"
    terms = idea_terms(context)
    assert {stem("answering"), stem("call")} <= terms.product
    assert {stem("bike"), stem("shops")} <= terms.customer
    assert not {stem("lose"), stem("nobody")} & terms.product
    # and the queries lead with what is offered and to whom
    assert context.queries.market.startswith("route call answering")
    assert "independent bike" in context.queries.market and "austria" in context.queries.market
    # an idea that opens with what it offers is read as before
    plain = parse_idea("Answering service for bike shops in Austria. We book repairs into the calendar.")
    assert plain.sector == "Answering service" and plain.target_customer == "bike shops in Austria"


def test_used_before_a_noun_means_second_hand_in_every_spelling() -> None:
    from agents.analysts.idea import second_hand, words_of
    from agents.analysts.sourcing import counts

    # the idea's "used" before a noun is distinctive, and keeps its spelling for the queries
    words = dict(words_of("A shop that sells used pianos to music schools, used by teachers"))
    assert words["used"] == "secondhand"
    context = parse_idea("A shop that sells used pianos to music schools, used by teachers.")
    assert "used pianos" in context.queries.market
    # a page may say it any of three ways; "used" as a verb is not the adjective
    assert counts("Second-hand pianos, pre-owned pianos and used pianos")["secondhand"] == 3
    assert second_hand("Pianos used by schools are used to teach; it is used daily") == (
        "Pianos used by schools are used to teach; it is used daily"
    )


def test_a_rivals_name_written_in_two_words_still_names_its_site() -> None:
    from agents.analysts.sourcing import spelled_apart

    assert re.search(spelled_apart("medboxpolska"), "we compared medbox polska and others")
    assert re.search(spelled_apart("medboxpolska"), "the medbox-polska plans")
    assert not re.search(spelled_apart("medboxpolska"), "a medbox in polska")
    assert not re.search(spelled_apart("acme"), "acmes")


def test_a_sites_name_is_its_registered_name_not_a_subdomain() -> None:
    from agents.analysts.sourcing import site_name, source_type

    assert site_name("https://notes.orchard-lab.example/visits") == "orchardlab"
    assert site_name("https://shop.acme.co.uk/p") == "acme"
    assert site_name("https://www.glowpay.example/pricing") == "glowpay"
    # interview notes on a research lab's "notes." subdomain, quoting prices, are not a vendor's page
    notes = _source(
        "https://notes.orchard-lab.example/visits", "Field notes: five orchard visits",
        "Raw notes from a week of orchard visits. A grower pays EUR 40 a month for frost alerts and "
        "would pay EUR 25 for a cheaper one. Another spends EUR 900 a year on sensors.",
    )  # fmt: skip
    assert source_type(notes) != "vendor"


def test_a_group_named_by_a_generic_word_is_no_customer_term() -> None:
    # "Sellers" and "users" name whoever sells or uses: every page about any market has them
    terms = idea_terms(
        parse_idea(
            "A marketplace where parents in Chile swap school uniforms. Sellers post items; users rate them."
        )
    )
    assert stem("parents") in terms.customer
    assert not {stem("sellers"), stem("users")} & terms.customer


def test_notes_about_the_customer_naming_the_products_parts_in_passing_are_relevant() -> None:
    from agents.analysts.sourcing import relevance, weights

    idea = idea_terms(
        parse_idea("Leak sensors, valve alarms and repair scheduling for community swimming pools in Wales.")
    )
    notes = _source(
        "https://notes.example/pools", "Conversations with pool managers",
        "Swimming pools in the valleys are run on thin budgets. One pool manager checks every valve by "
        "hand; another had a leak go unnoticed for a week; a third keeps repair scheduling on paper. "
        "Community pools share one engineer. Sensors are not something the pools have tried.",
    )  # fmt: skip
    unrelated = _source(
        "https://news.example/wales", "Wales weather",
        "Rain across Wales closed outdoor events. A pool of volunteers helped.",
    )  # fmt: skip
    weight = weights(idea.all, [notes, unrelated])
    assert relevance(notes, idea, weight)[1]
    assert not relevance(unrelated, idea, weight)[1]


def test_the_customer_words_no_source_uses_are_named() -> None:
    from agents.analysts.coverage import unmentioned_customer_words

    # given sources about physiotherapy clinics in Australia
    sources = [
        _source(
            "https://a.example/scribes",
            "Scribes for physio clinics",
            "Physio clinics use scribes. Clinics in Australia pay per clinician.",
        ),
    ]
    # then an idea for vet clinics in Canada is told which of its customer's words no source uses
    assert unmentioned_customer_words("An AI scribe for Canadian vet clinics.", sources) == [
        "Canadian",
        "vet",
    ]
    # and the idea the sources are about is told nothing
    assert unmentioned_customer_words("An AI scribe for physio clinics in Australia.", sources) == []


def test_sources_sharing_one_customer_word_of_three_are_about_another_customer() -> None:
    from agents.analysts.coverage import another_customer

    sources = [
        _source(
            "https://a.example/tutors",
            "Tutoring for adult learners in Ghana",
            "Adult learners in Ghana book tutors online. Learners pay per lesson.",
        ),
    ]
    # "piano" and "Chile" are in no source: only "learners" is shared, so the customer is another one
    assert another_customer("Online tutors for piano learners in Chile.", sources) == ["Chile", "piano"]
    # one customer word of two missing is a detail, not another customer
    assert another_customer("Online tutors for busy learners.", sources) == []
    assert another_customer("Online tutors for adult learners in Ghana.", sources) == []


def test_a_statistics_page_titled_for_the_customer_that_names_the_problem_is_relevant() -> None:
    from agents.analysts.sourcing import relevance, weights

    # given an idea for dentists, and a statistics release about dentists that names the product's
    # subject in passing (its table of practices by size is what a segment analysis needs)
    idea = idea_terms(parse_idea("Bookkeeping and payroll software for dentists."))
    release = _source(
        "https://stats.example/dental-2024", "Dentists in 2024: numbers, staff and costs",
        "There were 4,100 dentists in 2024. 58% employ fewer than five people. Payroll is run "
        "by an outside bureau in 44% of them; 12% do their bookkeeping in spreadsheets. Rents rose 6%.",
    )  # fmt: skip
    other = _source(
        "https://stats.example/vets-2024", "Veterinary clinics in 2024",
        "There were 2,300 veterinary clinics. Payroll and bookkeeping are done by an outside bureau in "
        "half of them.",
    )  # fmt: skip
    bakery = _source(
        "https://bakers.example/software", "Bookkeeping software for bakeries",
        "Bakeries compare bookkeeping software and payroll software. Bakery owners like simple tools.",
    )  # fmt: skip
    weight = weights(idea.all, [release, other, bakery])
    # then the release is relevant; the page about another customer and the adjacent market are not
    assert relevance(release, idea, weight)[1]
    assert not relevance(other, idea, weight)[1]
    assert not relevance(bakery, idea, weight)[1]


def test_an_idea_opening_with_a_group_of_agents_and_their_problem_is_read_from_what_we_offer() -> None:
    from agents.analysts.idea import restatement

    # given an idea that opens with independent roofers' problem and then says what "we" build, a
    # two-sided market (the roofers sell, homeowners buy)
    idea = (
        "Independent roofers in rural Wales quote jobs by phone and lose half of them to slow replies. "
        "We are building a booking app where roofers post free slots and sell them directly to "
        "homeowners and letting agents; we take a fee on each job."
    )
    terms = idea_terms(parse_idea(idea))
    # then the product is what we build, and both sides are the customer, not product terms
    assert {stem("booking"), stem("slots")} <= terms.product
    assert {stem("roofers"), stem("homeowners")} <= terms.customer
    assert not {stem("phone"), stem("replies"), stem("quote")} & terms.product
    # and the summary restates what is offered, not the problem
    assert restatement(idea).startswith("This report assesses a booking app where roofers post free slots")
    # while an idea opening with a product is read as before, its first sentence restated
    product_first = "Rental e-bike batteries for delivery riders. We swap them at night."
    assert restatement(product_first) == (
        "This report assesses the idea \u201cRental e-bike batteries for delivery riders\u201d."
    )


def test_a_page_titled_for_a_rival_whose_own_page_is_relevant_is_relevant() -> None:
    from agents.analysts.sourcing import assess

    idea = parse_idea("A booking app for independent roofers in Wales to sell free slots to homeowners.")
    rival = _source(
        "https://roofready.example/pricing", "RoofReady pricing",
        "RoofReady is the booking app for roofers. Our plans: £19 per month for homeowners' bookings. "
        "Sign up today and start your free trial. Book a demo. Roofers love our app.",
    )  # fmt: skip
    news = _source(
        "https://trade-news.example/roofready-funding", "RoofReady raises £3m",
        "The start-up said it will hire engineers in Cardiff. Investors include two funds.",
    )  # fmt: skip
    unrelated = _source(
        "https://bakers-weekly.example/funding", "Bakery chain raises £3m",
        "The bakery said it will open shops in Cardiff.",
    )  # fmt: skip
    judged = {a.source_id: a.relevant for a in assess([rival, news, unrelated], idea)}
    assert judged == {rival.id: True, news.id: True, unrelated.id: False}


def test_an_idea_written_as_a_sentence_and_a_list_is_read_item_by_item() -> None:
    from agents.analysts.idea import sentences_of

    # given an idea typed as one sentence, a bulleted list and a price line after the list
    idea = (
        "Our app lets independent plumbers in Austria fill gaps in their week:\n"
        "- homeowners get a push offer when a slot frees up\n"
        "- the plumber sets a price per slot\n"
        "Plumbers pay €19 a month."
    )
    # then each list item and the line after the list are sentences of their own
    assert sentences_of(idea) == [
        "Our app lets independent plumbers in Austria fill gaps in their week",
        "homeowners get a push offer when a slot frees up",
        "the plumber sets a price per slot",
        "Plumbers pay €19 a month",
    ]
    # and "Our app lets <group> …" names the group as the customer, what they do with it as the product
    terms = idea_terms(parse_idea(idea))
    assert terms.customer == {stem("independent"), stem("plumbers")}
    assert {stem("fill"), stem("gaps")} <= terms.product
    # the capitalised first word of the price line is not a place
    assert stem("plumbers") not in terms.places
    # and a hard-wrapped sentence stays one sentence
    wrapped = "Rental kayaks for\nsummer camps in Maine."
    assert sentences_of(wrapped) == ["Rental kayaks for summer camps in Maine"]


def test_an_idea_opening_with_a_question_is_read_from_its_answer() -> None:
    from agents.analysts.idea import defining_split, restatement

    # given ideas that open by asking about the customers' problem
    asked = (
        "Why do small florists in Leeds still throw away a third of their flowers every week? "
        "We are building a marketplace where florists list the day's spare stems and offices reserve them."
    )
    answered = (
        "How can youth football clubs find pitches they can afford? A booking service for school pitches."
    )
    # then the customer is the group the question names, the product what the answer offers
    assert defining_split(asked)[1:] == (
        "a marketplace where florists list the day's spare stems and offices reserve them",
        "small florists",
    )
    assert restatement(asked) == (
        "This report assesses a marketplace where florists list the day's spare stems and offices "
        "reserve them."
    )
    assert defining_split(answered)[2] == "youth football clubs"
    assert restatement(answered) == "This report assesses a booking service for school pitches."
    assert stem("pitch") in idea_terms(parse_idea(answered)).product


def test_a_for_that_names_a_price_leaves_the_customer_to_the_receiver() -> None:
    from agents.analysts.idea import split_product

    sentence = "A service that sends a chimney sweep twice a year to landlords in Cork, for €40 a visit"
    assert split_product(sentence) == ("service that sends a chimney sweep twice a year", "landlords")


def test_a_page_is_typed_by_who_publishes_it_not_by_whom_it_cites_or_is_about() -> None:
    from agents.analysts.sourcing import source_type

    release = _source(
        "https://regional-data.example/releases/ferries-2024", "Ferry operators, 2024",
        "Island Statistics Office · Annual release. There were 41 ferry operators in 2024, "
        "12% more than in 2023. 63% of routes reported delays; operators reported 2.1 million trips.",
    )  # fmt: skip
    citing = _source(
        "https://harbour-analytics.example/ferry-market", "Ferry ticketing: how big is the market?",
        "Our analysts estimate the ferry ticketing market at €40 million. " + "Routes grow. " * 40
        + "Passenger counts come from the Bureau of Statistics.",
    )  # fmt: skip
    by_host = _source(
        "https://transport.gov.example/data/ferries", "Ferry data tables", "Table 1. Routes by region.",
    )  # fmt: skip
    newsroom = _source(
        "https://coast-news.example/2025/ferry-app", "A ferry app for islanders",
        "An app that sells ferry tickets launched in May.",
    )  # fmt: skip
    assert source_type(release) == "government"
    assert source_type(citing) != "government"
    assert source_type(by_host) == "government"
    assert source_type(newsroom) == "news"


def test_an_idea_that_lists_what_its_product_does_is_matched_by_the_list() -> None:
    from agents.analysts.sourcing import relevance, weights

    # given an idea whose opening says what it is for and whose list says what it does
    idea = idea_terms(
        parse_idea(
            "Our app lets allotment gardeners in Wales grow more without guessing every season.\n"
            "- order seed kits and compost delivered to the plot\n"
            "- book a soil test and get a planting calendar\n"
            "Gardeners pay £4 a month."
        )
    )
    assert {stem("seed"), stem("compost"), stem("soil"), stem("calendar")} <= idea.product
    # then a survey of the gardeners about soil tests and compost is about the idea
    survey = _source(
        "https://growers.example/survey", "Allotment gardeners survey 2025",
        "We asked 600 allotment gardeners. 44% had never had a soil test; compost deliveries were late "
        "for 31%. Gardeners want a planting calendar for their soil.",
    )  # fmt: skip
    holiday = _source(
        "https://travel.example/wales", "Gardens to visit in Wales",
        "Famous gardens open every season; gardeners give tours.",
    )  # fmt: skip
    weight = weights(idea.all, [survey, holiday])
    assert relevance(survey, idea, weight)[1]
    assert not relevance(holiday, idea, weight)[1]


def test_whom_a_problem_first_offer_is_for_joins_the_customer() -> None:
    # given an idea that asks about adult children's worry, then builds a service "for" their parents
    idea = (
        "Why do adult children living abroad still learn about their parents' falls weeks later? "
        "We build a fall-alert pendant service for retired parents in Porto, with a monthly fee."
    )
    terms = idea_terms(parse_idea(idea))
    # then both the group asked about and the group the offer is for are the customer, not the product
    assert {stem("children"), stem("parents"), stem("retired")} <= terms.customer
    assert {stem("pendant"), stem("alert")} <= terms.product and stem("parents") not in terms.product


def test_the_groups_an_idea_says_pay_are_its_customers() -> None:
    idea = (
        "A booking app for community choirs to rent church halls on weekday evenings. "
        "Choirs pay €5 a booking and parishes pay a 10% commission."
    )
    terms = idea_terms(parse_idea(idea))
    assert {stem("choirs"), stem("parishes")} <= terms.customer
    assert stem("parishes") not in terms.product


def test_a_rival_named_with_accents_is_found_by_its_plain_domain() -> None:
    from agents.analysts.sourcing import assess

    idea = parse_idea("A booking app for leisure sailors in Sweden to reserve guest harbour berths.")
    review = _source(
        "https://sail-magazine.example/apps", "Berth booking apps for leisure sailors tested",
        "Leisure sailors compared berth booking apps. Hamnbokarna and Båtplatsen take bookings; "
        "leisure sailors liked Båtplatsen best for guest harbour berths.",
    )  # fmt: skip
    rival = _source(
        "https://batplatsen.example/", "Båtplatsen — your berth in your pocket",
        "Download our app and sign up today. Book a demo. Plans from 99 kr. Start your free trial.",
    )  # fmt: skip
    judged = {a.source_id: a.relevant for a in assess([review, rival], idea)}
    assert judged == {review.id: True, rival.id: True}


def test_a_for_phrase_naming_things_is_part_of_the_product_not_its_customer() -> None:
    from agents.analysts.idea import split_product

    # what the product handles ("for rice, beans and lentils") is not who buys it
    assert split_product("Weighing scales for rice, flour and sugar at rural markets — sold by the kilo") == (
        "Weighing scales for rice, flour and sugar",
        "",
    )
    # a group after "for" stays the customer
    assert split_product("Weighing scales for village grocers in Ghana") == (
        "Weighing scales",
        "village grocers in Ghana",
    )


def test_a_problem_first_idea_told_without_we_is_read_from_the_sentence_naming_a_thing() -> None:
    from agents.analysts.idea import defining_split

    idea = (
        "Independent florists in Ireland throw away unsold stems every Monday. A cold cabinet with a "
        "humidity sensor keeps cut flowers fresh for five more days. Florists pay a monthly rent."
    )
    first, product, customer = defining_split(idea)
    assert first.startswith("A cold cabinet") and product.startswith("A cold cabinet with a humidity sensor")
    assert "florists" in customer.lower()
