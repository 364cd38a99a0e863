"""A forum page's threads that are not about the idea, what a third party "wanted", a figure's city, a
breakdown told with its verb left out, countries CLDR names anew, a counted part of the customers and
what members would recommend paying (issue 11, "findings placed by meaning", "typed evidence",
"conflicts"). Invented pages, in domains no eval corpus covers."""

from datetime import UTC, datetime

from agents.analysts.conflicts import measure_conflicts
from agents.analysts.customer_text import off_topic_threads, on_topic
from agents.analysts.extractive_customer import analyse_customers
from agents.analysts.figure_places import geography_of, places_in
from agents.analysts.idea import parse_idea
from agents.analysts.vetting import gather
from agents.state import Source
from agents.tests.helpers import sentence_pool

IDEA = "A booking app for independent dog groomers in Lisbon: online booking, deposits and reminders."
BOARD = """Lisbon Pet Owners Forum — selected threads

## Thread: Moving to Lisbon with a dog — what paperwork?

- **ana_p**: The landlord wanted a pet deposit and the vet wanted the rabies certificate first.
- **joe_r**: Register the microchip with the parish within 30 days; the council wanted proof of address.

## Thread: Why can't dog groomers take online booking?

- **rita_m**: My groomer only books by phone and loses half her bookings to missed calls every week.
- **luis_f**: Last week the groomer wanted cash for the booking deposit, again, at the door of the salon.
- **maria_s**: Honestly I want a booking reminder by text the day before the grooming appointment.
"""


def forum_page() -> Source:
    return Source(id="F1", url="https://lisbon-pets.example/forum/board", title="Lisbon Pet Owners Forum",
                  content=BOARD, agent="customer", retrieved_at=datetime(2026, 5, 1, tzinfo=UTC))  # fmt: skip


def test_a_forum_thread_naming_fewer_than_two_of_the_ideas_words_is_not_about_it() -> None:
    lines = BOARD.splitlines()
    about = frozenset({"groom", "book", "deposit", "remind", "onlin"})
    [(start, end)] = off_topic_threads(lines, about)
    assert lines[start].startswith("## Thread: Moving to Lisbon") and lines[end].startswith("## Thread: Why")
    kept = on_topic(forum_page(), about, forum=True).content
    assert "microchip" not in kept and "missed calls" in kept
    # a page that is not a forum, or names one thread, is read whole
    assert "microchip" in on_topic(forum_page(), about).content
    assert off_topic_threads(lines[:6], about) == []


def test_what_a_landlord_wanted_is_no_customers_wish() -> None:
    evidence = gather([forum_page()], parse_idea(IDEA))
    advice = [claim.text for claim in analyse_customers(evidence, {"groomer", "booking"}).recommendations]
    assert not any("wanted" in text for text in advice), advice
    assert any("I want a booking reminder" in text for text in advice), advice


def test_a_figure_in_a_city_of_millions_is_placed_there_and_turkey_is_a_country() -> None:
    assert geography_of("**Madrid accounted for 30%**, about €4 million.", "Pet care in Spain") == "Madrid"
    assert geography_of("The market was worth €12 million in 2025.", "Pet care in Spain") == "Spain"
    assert places_in("Grooming salons in Turkey and the Czech Republic") == {"Türkiye", "Czechia"}


def test_the_next_part_of_a_breakdown_with_its_verb_left_out_is_no_share_of_buyers() -> None:
    found = measure_conflicts(
        sentence_pool(
            "Bookings made up 70% of groomers' software spend and deposit fees 30% in 2025.",
            "Dog groomers pay deposit fees of 3% per booking on most booking apps, 2025.",
        )
    )
    assert found == []


def test_a_counted_part_of_the_customers_in_a_statistics_list_is_a_segment() -> None:
    from agents.analysts.vetting import gather

    release = Source(
        id="G1", url="https://stats.example/releases/grooming-2025", title="Dog grooming statistics 2025",
        agent="customer", retrieved_at=datetime(2026, 5, 1, tzinfo=UTC),
        content=(
            "Dog grooming statistics 2025\n\nKey figures\n\n"
            "- Registered dog groomers: 2,010 (2024: 1,985)\n"
            "- Dog groomers working from a van: 640, or 32% of groomers\n"
            "- Grooming tables sold to groomers: 1,150\n"
            "- Dog groomers with two or more staff: 410 (20%)\n"
            "Online booking is offered by 31% of dog groomers; booking by phone is still the usual way.\n"
        ),
    )  # fmt: skip
    evidence = gather([release], parse_idea("Online booking for dog groomers, with deposits and reminders."))
    assert evidence.sources == [release]
    names = {segment.name for segment in analyse_customers(evidence, {"groomer"}, {"groomers"}).segments}
    # the qualified parts are segments; the whole population and a count of things are not
    assert {"Dog groomers working from a van", "Dog groomers with two or more staff"} <= names, names
    assert "Registered dog groomers" not in names and not any("tables" in name for name in names)


def test_what_members_would_recommend_paying_or_would_not_approve_is_willingness_to_pay() -> None:
    from agents.analysts.vetting import gather

    survey = Source(
        id="V1", url="https://groomers-guild.example/survey-2026", title="Dog groomers survey 2026: booking",
        agent="customer", retrieved_at=datetime(2026, 5, 1, tzinfo=UTC),
        content=(
            "# Dog groomers survey 2026: booking\n\nWe surveyed 412 dog groomers about online booking.\n\n"
            "## Would you pay?\n\n"
            "- **58%** would recommend that their salons pay for online booking with deposits.\n"
            "- **19%** said their partners would not approve any extra cost for booking software this year.\n"
        ),
    )  # fmt: skip
    evidence = gather([survey], parse_idea("Online booking for dog groomers, with deposits and reminders."))
    paying = [
        claim.text for claim in analyse_customers(evidence, {"groomer"}, {"groomers"}).willingness_to_pay
    ]
    assert any("58%" in text for text in paying) and any("19%" in text for text in paying), paying
