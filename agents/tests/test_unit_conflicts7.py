"""Conflicts between sources: shares of one group named alike, ranges, and values that refer back to a
figure just stated (issue 11).

Invented sentences only, in domains no eval corpus covers (ferry tickets, piano tuning, beekeeping)."""

from agents.analysts.conflicts import measure_conflicts
from agents.tests.helpers import conflict_values, counted_conflicts, sentence_pool

# --- two shares of one group, named in several words, measure one thing --------------------------------


def test_two_shares_of_one_named_group_are_one_measure() -> None:
    # given two sources stating what share of booked crossings go unused, each in its own words
    sentences = sentence_pool(
        "Across the 14 routes whose manifests we read for 2025, 11.8% of booked crossings were wasted, "
        "counting both passengers who never boarded and passengers who cancelled with less than a day's "
        "notice.",
        "Operators said that on average 6.2% of booked crossings ended unused in 2025, the passenger giving "
        "no notice at all and the seat sailing empty.",
    )
    # when the sources' measures are compared
    found = measure_conflicts(sentences)
    # then the two shares of booked crossings are one measure stated differently
    assert [conflict_values(c) for c in found] == [{"11.8%", "6.2%"}]


def test_two_shares_of_one_group_saying_little_else_in_common_are_two_measures() -> None:
    # given two shares of booked crossings that share no other word: bought online, paid by card
    sentences = sentence_pool(
        "In 2025, 41% of booked crossings were bought online through the operator's own site.",
        "Harbour offices reported that 23% of booked crossings were paid by card at the kiosk.",
    )
    # then they measure different things
    assert measure_conflicts(sentences) == []


# --- a range agrees with a value inside it --------------------------------------------------------------


def test_a_value_inside_another_sources_range_agrees_with_it() -> None:
    # given one source's single value and another's range around it
    sentences = sentence_pool(
        "The average length of a piano tuning visit in the city was 70 minutes.",
        "Most piano tuning visits in the city last 60 to 90 minutes, so tuners book two a morning.",
    )
    # then they agree: no conflict
    assert measure_conflicts(sentences) == []


def test_a_value_outside_another_sources_range_still_disagrees() -> None:
    sentences = sentence_pool(
        "The average length of a piano tuning visit in the city was 150 minutes.",
        "Most piano tuning visits in the city last 60 to 90 minutes, so tuners book two a morning.",
    )
    assert [conflict_values(c) for c in measure_conflicts(sentences)] == [{"150 minutes", "90 minutes"}]


# --- a value referring back to one just stated names no measure of its own --------------------------------


def test_a_share_written_as_the_one_just_stated_is_not_compared() -> None:
    # given a survey's table row, and a statistics page referring back to "the 1%" its table stated
    sentences = sentence_pool(
        "Took a night ferry and no crew member helped with luggage | 26%",
        "Night ferry crews take no luggage requests in advance; the 1% recorded were booked by hotels.",
    )
    # then the value referred back to is no side of a conflict
    assert measure_conflicts(sentences) == []


# --- a typical duration is named by any of its statistics and words for a wait ---------------------------


def test_a_median_wait_and_an_average_time_are_one_duration() -> None:
    # given a passengers' survey giving the median wait for a refund, and the operator the average time
    sentences = sentence_pool(
        "When a refund was paid, the median wait from asking for a refund to the payment itself was 12 days; "
        "for small sums most passengers said they simply gave up.",
        "For the claims we settled, the average time from the claim to a confirmed payment was 5 days.",
    )
    # when the measures are compared
    found = measure_conflicts(sentences)
    # then the two typical durations are one measure stated differently
    assert [conflict_values(c) for c in found] == [{"12 days", "5 days"}]


def test_two_typical_durations_of_different_things_are_not_one() -> None:
    # given a wait at a ticket office and a ferry's time in port: only "median"/"average" and "time" alike
    sentences = sentence_pool(
        "The median wait at the harbour ticket office was 25 minutes.",
        "Ferries spent an average of 70 minutes in port between crossings, the time needed to load cars.",
    )
    assert measure_conflicts(sentences) == []


# --- two sources each stating how many of a kind there are count one population --------------------------

WORKING_TUNERS = (
    "We count about 150 working piano tuners in Scotland, those who took at least ten paid visits in 2025."
)


def test_two_counts_of_how_many_there_are_are_one_population() -> None:
    # given a register's count at the end of one year and an analyst's count of working tuners the next
    sentences = sentence_pool(
        "At 31 December 2024 there were 240 piano tuners on the guild's roll.",
        WORKING_TUNERS,
    )
    # when the counts are compared
    found = counted_conflicts(sentences)
    # then the two counts of tuners are one population counted differently
    assert [conflict_values(c) for c in found] == [{"240 piano tuners", "150 working piano tuners"}]


def test_counts_of_how_many_there_are_years_apart_are_a_series() -> None:
    sentences = sentence_pool(
        "In 2015 there were 240 piano tuners on the guild's roll.",
        WORKING_TUNERS,
    )
    assert counted_conflicts(sentences) == []


def test_a_count_of_a_sample_is_no_count_of_how_many_there_are() -> None:
    sentences = sentence_pool(
        "There were 240 piano tuners in the sample we drew from the guild's roll.",
        WORKING_TUNERS,
    )
    assert counted_conflicts(sentences) == []
