"""A forum page's threads that are not about the idea, what a third party "wanted", a figure's city, a
breakdown told with its verb left out, and countries CLDR names anew (issue 11, "findings placed by
meaning", "typed evidence", "conflicts"). Invented pages, in domains no eval corpus covers."""

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


def test_shares_written_as_a_split_of_the_whole_are_a_breakdown() -> None:
    found = measure_conflicts(
        sentence_pool(
            "Bookings / deposit fees | 70% / 30% | 65% / 35%",
            "Dog groomers pay deposit fees of 3% per booking on most booking apps, 2025.",
        )
    )
    assert found == []
