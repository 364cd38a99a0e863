"""Customer and competitor findings on invented pages about beekeeping supplies, ferry tickets and piano
tuning (no corpus sentences): a forum post that says it is off topic, with the thread it opens or the
replies addressed to it, is no evidence of anything; a forum's "Thread:" label names no product."""

from __future__ import annotations

from agents.analysts.customer_text import on_topic
from agents.state import CustomerFindings, SourceType
from agents.tests.helpers import analyse_rivals, competitor_source, customer_findings, markdown_source


def findings(*documents: tuple[str, str, SourceType], customers: set[str] | None = None) -> CustomerFindings:
    return customer_findings(*documents, focus=set(), customers=customers or set())


def texts(items: list) -> str:  # type: ignore[type-arg]
    return " || ".join(item.text for item in items)


BEEKEEPERS_FORUM = """# Hive Talk: beekeepers' board (selected threads)

## Thread: Where do you buy foundation sheets?

- **hive_hannah**: HoneyFrame charges EUR 4 a sheet and the sheets arrive cracked half the time.
- **drone_dave**: Same here. We lost a whole spring because the delivery was three weeks late.

## Thread: Failed my boat licence test on the knots \u2014 retake fee?

- **sailor_sam**: Off topic but this board is busier. My dinghy failed the harbour inspection on a
  broken rudder. Is the retake free or is it the EUR 35 retake fee?
- **old_salt**: The retake costs EUR 35, the rudder repair was a nightmare for me too.
"""


def test_an_off_topic_thread_gives_no_pain_point() -> None:
    result = findings(("S1", BEEKEEPERS_FORUM, "review_forum"))
    assert "three weeks late" in texts(result.pain_points)
    assert "rudder" not in texts(result.pain_points)


def test_an_off_topic_thread_gives_no_competitor() -> None:
    result = analyse_rivals(competitor_source(BEEKEEPERS_FORUM), types={"C1": "review_forum"})
    names = [competitor.name for competitor in result.competitors]
    assert "Thread" not in names
    assert not any("rudder" in " ".join(c.weaknesses) or "35" in c.pricing for c in result.competitors)


FERRY_THREAD = """Title: Island commuters forum - ferry tickets
URL: https://ferry-forum.example/t/1

islander_jo wrote:
The ten-trip card expires after a month, so I waste two trips every time. I'd pay NOK 50 more
for a card that lasts.

piano_pete wrote:
Slightly off topic, sorry: can anyone recommend a piano tuner on the island? Ours is flat.

harbour_kari wrote:
@piano_pete wrong board, try the classifieds.

deckhand_ola wrote:
The ticket machine at the quay is broken half the winter and nobody fixes it.
"""


def test_an_off_topic_post_and_the_reply_to_it_are_left_out_and_the_thread_goes_on() -> None:
    content = on_topic(markdown_source("S1", FERRY_THREAD)).content
    assert "piano tuner" not in content
    assert "wrong board" not in content
    assert "ten-trip card" in content
    assert "ticket machine at the quay is broken" in content


def test_unrelated_to_inside_a_sentence_declares_no_aside() -> None:
    text = "ferry_fan: Unrelated to the fare, the crossing takes 40 minutes longer in winter.\n"
    assert on_topic(markdown_source("S1", text)).content == text


PIANO_THREAD = """tuner_tom: Customers cancel the tuning when the piano sounds fine, then complain later.
keys_kate: I lose two bookings a month to cancellations the day before.
tuner_tom: Thanks. Totally off topic: does anyone know a good campsite by the lake for August?
camper_carl: Try the north shore early in the week, the weekend pitches fill up months ahead.
"""


def test_the_one_reply_closing_a_thread_after_an_aside_answers_the_aside() -> None:
    content = on_topic(markdown_source("S1", PIANO_THREAD)).content
    assert "campsite" not in content
    assert "north shore" not in content
    assert "two bookings a month" in content
