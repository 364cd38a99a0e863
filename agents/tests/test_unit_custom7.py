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


FERRY_SURVEY = """# Island commuters and the ferry: survey report 2026

## Key finding

**62% of respondents crossed at least once without a reserved seat** last winter, although they wanted one.

## What happens when the ferry is cancelled

| Experience in the last 12 months | Share of respondents |
|---|---|
| Missed a shift at work on the mainland | 41% |
| Stayed overnight with relatives in town | 23% |

## Who answered

By size, 52% of responding households have one or two adults, 35% have three to four adults and 13% five
or more. Households with children reported the highest number of missed crossings; households on the
outer islands were the most likely to book by phone. Commuters made up 70% of respondents.
"""


def test_items_under_a_heading_about_what_follows_a_lack_are_pain_points() -> None:
    result = findings(("S1", FERRY_SURVEY, "survey"))
    assert "Missed a shift at work on the mainland: 41%" in texts(result.pain_points)
    assert "Stayed overnight with relatives in town: 23%" in texts(result.pain_points)


def test_a_want_left_unmet_is_a_pain_point() -> None:
    result = findings(("S1", FERRY_SURVEY, "survey"))
    assert "without a reserved seat" in texts(result.pain_points)


def test_a_breakdown_of_responding_buyers_by_size_names_segments_even_under_who_answered() -> None:
    result = findings(("S1", FERRY_SURVEY, "survey"))
    names = [segment.name for segment in result.segments]
    assert "Households with one or two adults" in names
    assert "Households with three to four adults" in names
    assert "Households with five or more" in names
    assert not any("Commuters" in name for name in names)  # who answered, not a segment


def test_each_clause_of_a_comparison_between_groups_names_a_segment() -> None:
    result = findings(("S1", FERRY_SURVEY, "survey"))
    names = [segment.name for segment in result.segments]
    assert "Households with children" in names
    assert "Households on the outer islands" in names


TUNERS_COMPARED = """# Piano tuning services compared (2026)

| Service | Price | Booking |
|---|---|---|
| **TuneRight Home** | EUR 95 a visit | Online, two weeks ahead |
| **Keyworks** | EUR 80 a visit | Phone only |
| **Allegro Tuning** | EUR 120 a visit | Online |

## What we noticed

- **The islands are thin.** Across the three we counted 4 tuners on the islands, 60 on the mainland.
- **Prices are hard to compare.** Travel charges and pitch-raise surcharges are quoted differently by each.
- **TuneRight is quick, but you wait.** It answers the same day, but it needs two weeks' notice.
"""


def test_what_a_comparison_notices_all_rivals_lack_is_a_gap() -> None:
    result = analyse_rivals(competitor_source(TUNERS_COMPARED))
    gaps = texts(result.gaps)
    assert "The islands are thin." in gaps
    assert "Prices are hard to compare." in gaps


def test_a_rival_named_by_its_coined_word_alone_has_its_drawback_read() -> None:
    result = analyse_rivals(competitor_source(TUNERS_COMPARED))
    assert "two weeks' notice" in texts(result.gaps)


BEEKEEPERS_SURVEY = """# Beekeepers and their suppliers: survey 2026

## Three kinds of beekeeper

- **Hobby keepers with one to five hives** (52%) who buy a starter kit once and little after.
- **Sideline keepers** (33%): 20 to 100 hives, selling honey at markets.
- **Orchards and market gardens** (15%) that keep bees for pollination only.
"""


def test_items_under_a_heading_naming_kinds_of_a_people_noun_are_segments() -> None:
    result = findings(("S1", BEEKEEPERS_SURVEY, "survey"))
    names = [segment.name for segment in result.segments]
    assert "Sideline keepers" in names
    assert "Orchards and market gardens" in names


def test_a_group_that_now_holds_a_share_of_the_buyers_is_a_segment() -> None:
    text = "# Ferry operators 2026\n\n**Consolidation.** Regional ferry groups now run about 30% of routes.\n"
    result = findings(("S1", text, "analyst_report"))
    assert "Regional ferry groups" in [segment.name for segment in result.segments]


def test_how_a_market_grows_is_no_pain_point() -> None:
    text = (
        "# Beekeeping supplies: interviews\n\n"
        "- Growth has been rapid, at about 12% a year, but we expect it to slow as the hobby matures.\n"
        "- We lost half our hives last winter and nobody could tell us why.\n"
    )
    result = findings(("S1", text, "interviews"))
    assert "lost half our hives" in texts(result.pain_points)
    assert "Growth" not in texts(result.pain_points)


def test_an_opening_for_a_seller_and_a_share_over_two_years_are_no_pain_points() -> None:
    text = (
        "# Ferry travel: interviews\n\n"
        "- Selling the season ticket through employers, so commuters do not pay upfront, is an opening"
        " no operator has taken.\n"
        "- Night sailings made up 6% of crossings in 2021 and 14% in 2025, driven by a shortage of slots.\n"
        "- We waited three hours at the quay because the timetable changed without notice.\n"
    )
    pains = texts(findings(("S1", text, "interviews")).pain_points)
    assert "waited three hours" in pains
    assert "an opening" not in pains
    assert "Night sailings" not in pains
