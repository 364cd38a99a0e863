"""How ideas written in other shapes are read: a labelled template ("Problem: … / Customer: … /
Solution: …"), a pitch to the customer in the second person ("You run a …"), "We get <group> onto …",
and a price table pasted under the pitch. Every idea here is invented and in no eval corpus's domain."""

from __future__ import annotations

from agents.analysts.idea import (
    defining_split,
    ordered_sentences,
    parse_idea,
    problem_first,
    restatement,
    sentences_of,
    sufferers,
)
from agents.analysts.idea_labels import labelled_parts
from agents.analysts.sourcing import idea_terms, places

TEMPLATE = """Problem: Concert pianists on tour find the hall's piano out of tune and wait hours for a tuner.
Customer: Concert halls and touring orchestras in Scandinavia.
Solution: A certified tuner arrives within two hours, booked from the hall's own calendar or on demand.
Pricing: €95 per visit, with a €300 monthly minimum.
Why now: Halls now book artists through shared calendars."""


def test_a_labelled_template_is_read_by_its_labels() -> None:
    parts = labelled_parts(TEMPLATE)
    assert parts is not None
    assert parts["customer"].startswith("Concert halls and touring orchestras")
    assert parts["solution"].startswith("A certified tuner arrives")
    assert parts["problem"].startswith("Concert pianists")


def test_a_template_labels_are_no_words_of_the_idea() -> None:
    sentences = sentences_of(TEMPLATE)
    assert not any(sentence.startswith(("Problem", "Customer", "Solution", "Pricing", "Why now"))
                   for sentence in sentences)  # fmt: skip
    assert "problem" not in idea_terms(parse_idea(TEMPLATE)).all


def test_a_template_defines_the_idea_by_its_solution_and_customer() -> None:
    first, product, customer = defining_split(TEMPLATE)
    assert first.startswith("A certified tuner arrives")
    assert "tuner" in product and "Concert pianists" not in product
    assert customer.startswith("Concert halls and touring orchestras")
    assert ordered_sentences(TEMPLATE)[0] == first
    terms = idea_terms(parse_idea(TEMPLATE))
    assert "tuner" in terms.product and "hall" in terms.customer and "orchestra" in terms.customer
    assert "wait" not in terms.product  # the problem's words are not what is offered


def test_a_template_is_restated_in_one_sentence_with_its_customer() -> None:
    said = restatement(TEMPLATE)
    assert said.startswith("This report assesses")
    assert "A certified tuner arrives within two hours" in said
    assert "for concert halls and touring orchestras in Scandinavia" in said
    assert "Problem:" not in said and said.endswith(".")


def test_a_few_colons_in_prose_are_no_template() -> None:
    prose = "Ferry tickets for island commuters: one pass for every operator. Price: €40 a month."
    assert labelled_parts(prose) is None
    assert defining_split(prose)[2] == "island commuters"


SECOND_PERSON = (
    "You run a piano school, and every pupil who skips a lesson leaves a teacher and a room you still "
    "pay for. Your office has no time to chase parents. Our service texts every parent the day before "
    "and offers a freed slot to the waiting list. You pay €60 a month per school."
)


def test_a_pitch_to_you_names_the_customer_by_what_you_run() -> None:
    first, product, customer = defining_split(SECOND_PERSON)
    assert first.startswith("Our service texts every parent")
    assert "texts every parent" in product
    assert customer.startswith("piano school")
    terms = idea_terms(parse_idea(SECOND_PERSON))
    assert {"piano", "school"} <= terms.customer
    assert "text" in terms.product and "piano" not in terms.product


def test_a_second_person_line_about_something_else_names_no_customer() -> None:
    assert not problem_first("You know the feeling")  # no "run/own/are a …": nobody is named
    assert problem_first("If you're a wedding photographer, half your weekends go to editing")
    assert sufferers("You own a ferry company in Greece, and fuel eats your margin") == "ferry company"


def test_we_get_a_group_onto_something_names_the_group_as_the_customer() -> None:
    idea = "We get small Norwegian cheese makers onto ferry-line menus: we pitch the caterers for you."
    _, product, customer = defining_split(idea)
    assert customer == "small Norwegian cheese makers"
    assert "ferry-line menus" in product and "cheese" not in product


PRICED = """Mobile piano tuning for primary schools in Wales, booked by term.

| Plan | Pianos | Price |
|---|---|---|
| Small | 1 piano | £90 |
| Large | 5 pianos | £380 |

Minimum order: one term."""


def test_a_price_table_in_the_idea_gives_no_places_and_no_defining_words() -> None:
    assert not {"plan", "small", "larg", "pric"} & places(PRICED)
    assert not any("|" in sentence for sentence in sentences_of(PRICED))
    _, product, customer = defining_split(PRICED)
    assert customer == "primary schools in Wales" and product == "Mobile piano tuning"
    query = parse_idea(PRICED).queries.market
    assert "Plan" not in query and "|" not in query


def test_a_problem_told_without_we_is_restated_without_breaking_grammar() -> None:
    idea = (
        "Piano teachers in Wales lose pupils when the school piano is out of tune. A clip-on sensor "
        "reads the piano's pitch in a minute and books a tuner."
    )
    said = restatement(idea)
    # "This report assesses a clip-on sensor reads …" is no sentence: the clause is quoted
    assert "assesses a clip-on sensor reads" not in said
    assert "\u201cA clip-on sensor reads the piano's pitch" in said


def test_an_offer_told_after_the_problem_is_restated_with_whom_it_is_for() -> None:
    said = restatement(SECOND_PERSON)
    assert "Our service texts every parent" in said and "(for piano school)" in said


def test_a_capitalised_name_inside_a_group_is_no_plural() -> None:
    idea = "We get small Texas cheese makers onto ferry-line menus."
    assert defining_split(idea)[2] == "small Texas cheese makers"


def test_what_you_do_next_is_no_part_of_what_you_run() -> None:
    assert sufferers("You own a bakery and buy flour from four mills") == "bakery"


def test_a_template_customer_is_its_label_not_a_later_receiver() -> None:
    idea = TEMPLATE + "\nExtra: Tuning reports are sold to insurers."
    assert not any(term.startswith("insur") for term in idea_terms(parse_idea(idea)).customer)


def test_a_template_solution_is_what_it_is_not_how_it_is_used() -> None:
    idea = TEMPLATE.replace(
        "A certified tuner arrives within two hours, booked from the hall's own calendar or on demand.",
        "An online tuning-visit booking board where halls post the piano and tuners bid.",
    )
    product = defining_split(idea)[1]
    assert "tuning-visit booking board" in product and "bid" not in product and "halls" not in product
