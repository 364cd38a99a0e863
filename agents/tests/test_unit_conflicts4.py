"""Conflicts and traps on sources that phrase things the way real writers do (issue 11): a claimed count a
source disputes itself, a count stated once near a company's growth, a share named after a reporting
frame, a grant programme, a market a source names as a separate one.

Invented sentences only, in domains no eval corpus covers (orchards, bell foundries, rowing clubs, hearing
aids, canal boats, violin repair)."""

from agents.analysts.conflicts import measure_conflicts
from agents.analysts.figures import numbers_in
from agents.analysts.idea import parse_idea
from agents.analysts.sentences import Sentence
from agents.analysts.sourcing import idea_terms as lexical_terms
from agents.evidence import set_aside_adjacent_markets
from agents.state import Figure, MarketFindings
from agents.tests.helpers import conflict_values, counted_conflicts, sentence_pool


def test_a_claimed_count_the_source_disputes_next_to_its_own_count_is_a_conflict() -> None:
    # given a review that reports a vendor's claim, then its own count of the same thing
    review = [
        Sentence("Orchardly says it is trusted by 480 cider orchards.", "S2", 7),
        Sentence("Going through co-operative records, we found invoices for about 150 orchards.", "S2", 8),
    ]
    # when counts are compared
    found = counted_conflicts(review)
    # then the source's own disagreement is surfaced with both values
    assert len(found) == 1
    assert conflict_values(found[0]) == {"480 cider orchards", "150 orchards"}


def test_two_unattributed_counts_of_one_source_are_no_dispute() -> None:
    # a source counting two groups of one noun in neighbouring sentences is describing, not disputing
    source = [
        Sentence("The county has about 480 cider orchards.", "S1", 3),
        Sentence("Of those, about 150 orchards sell fruit to a press.", "S1", 4),
    ]
    assert counted_conflicts(source) == []


def test_a_running_total_claimed_with_trusted_by_is_a_count() -> None:
    # given a vendor's page and an independent count of its customers
    found = counted_conflicts(
        sentence_pool(
            "Trusted by 300 rowing clubs across Nordmark, Oarlog keeps every crew's logbook.",
            "Federation records show Oarlog in use at about 90 rowing clubs in Nordmark.",
        ),
        vendor=frozenset({"S1"}),
        owners={"S1": "oarlog"},
    )
    assert len(found) == 1 and conflict_values(found[0]) == {"300 rowing clubs", "90 rowing clubs"}


def test_a_count_stated_once_beside_a_companys_growth_is_still_a_count() -> None:
    # a company that "has grown quickly" does not make the count of its sites a change over time, and a
    # new sentence the splitter left joined ("... its Series A. But ...") is a clause of its own
    found = counted_conflicts(
        sentence_pool(
            "Bellcast advertises that it has recast bells for more than 1,200 parish churches.",
            "Bellcast, which says its foundry serves more than 1,200 parish churches, has grown quickly "
            "since its Series A. But diocese registers show Bellcast bells in about 400 parish churches.",
        ),
        vendor=frozenset({"S1"}),
    )
    assert any(conflict_values(c) == {"1,200 parish churches", "400 parish churches"} for c in found)


def test_a_count_that_changed_between_two_values_is_still_no_count() -> None:
    found = counted_conflicts(
        sentence_pool(
            "Canal boat moorings rose from 1,800 berths to 2,600 berths in the county since 2019.",
            "The waterways trust lists about 1,900 berths in the county for canal boats today.",
        )
    )
    assert found == []


def test_a_share_after_a_reporting_frame_is_named_by_the_words_after_it() -> None:
    # given a poll's share stated after "found that" and a survey's share under a heading before a colon
    found = measure_conflicts(
        sentence_pool(
            "A poll the maker commissioned last spring found that 58 percent of retired musicians had bought "
            "a refurbished hearing aid in the past year; it did not publish its method.",
            "Refurbished devices are a growing habit: 35% of retired musicians bought a refurbished hearing "
            "aid, a spare battery pack or a charging case.",
        )
    )
    # then the two shares are one measure the sources disagree on
    assert len(found) == 1 and conflict_values(found[0]) == {"58 percent", "35%"}


def test_shares_of_different_things_stay_apart_after_a_reporting_frame() -> None:
    found = measure_conflicts(
        sentence_pool(
            "The guild's survey found that 58 percent of violin repairers work alone.",
            "Varnish costs rose 35% for workshops in the valley last winter, suppliers said.",
        )
    )
    assert found == []


def test_an_amount_named_as_a_grant_programme_is_funding_not_a_market() -> None:
    typed = numbers_in("The ministry announced a €4 million grant programme to help orchards buy frost fans.")
    assert [(f.value, f.kind) for f in typed] == [("€4 million", "funding")]
    # a market that grants pay for is still a market
    typed = numbers_in("Orchards spent €30 million on frost protection in 2024, partly paid by grants.")
    assert typed[0].kind == "market_size"


def test_a_market_a_source_calls_separate_or_not_included_is_left_out() -> None:
    idea_text = "Frost-protection fans rented to apple orchards in Nordmark, per night, with alerts by text."
    idea = lexical_terms(parse_idea(idea_text))

    def stated(quote: str, value: str) -> Figure:
        return Figure(text=quote, quote=quote, value=value, kind="market_size", source_ids=["S1"])

    separate = stated(
        "Crop insurance against frost, a separate Nordmark market of about €210 million, is not included.",
        "€210 million",
    )
    own = stated("Frost-fan rental to orchards in Nordmark was worth €9 million in 2024.", "€9 million")
    market = MarketFindings(market_size=[separate, own])
    set_aside_adjacent_markets(market, idea, idea_text)
    assert [f.value for f in market.market_size] == ["€9 million"]


def test_a_parts_share_of_a_whole_is_not_a_share_of_people_who_did_something() -> None:
    # "make up 31% of sales" is a breakdown; "44% bought" counts buyers: never one measure
    found = measure_conflicts(
        sentence_pool(
            "Spare strings and bows make up 31% of second-hand violin accessories sold by value.",
            "Players are thrifty: 44% bought second-hand violin accessories, strings or bows last year.",
        )
    )
    assert found == []


def test_a_percentage_per_year_is_a_rate_not_a_share() -> None:
    # a growth rate "a year" and a share of buyers never pair, whatever words they share
    found = measure_conflicts(
        sentence_pool(
            "Canal boat hire grows about 4% a year, and most hirers choose weekend trips on narrow boats.",
            "Most hirers, 54%, choose weekend trips on narrow boats for canal boat hire.",
        )
    )
    assert found == []


def test_a_market_for_another_group_of_people_is_left_out_and_one_including_the_ideas_kept() -> None:
    idea_text = "Rental of used children's ski helmets and goggles in Nordmark, cleaned between rentals."
    idea = lexical_terms(parse_idea(idea_text))

    def stated(quote: str, value: str) -> Figure:
        return Figure(text=quote, quote=quote, value=value, kind="market_size", source_ids=["S1"])

    adults = stated("Skiers spent €310 million on helmets and goggles for adults in 2024.", "€310 million")
    both = stated("Helmets and goggles for adults and children sold €420 million in 2024.", "€420 million")
    own = stated("Children's ski helmets and goggles were a €35 million market in 2024.", "€35 million")
    market = MarketFindings(market_size=[adults, both, own])
    set_aside_adjacent_markets(market, idea, idea_text)
    assert [f.value for f in market.market_size] == ["€420 million", "€35 million"]


def test_a_count_the_claimant_itself_reports_beside_its_claim_is_no_dispute() -> None:
    # the firm's own figure and its own claim about something else: "placed 900 ... and says ... 4,000"
    found = counted_conflicts(
        [
            Sentence(
                "The agency placed about 900 violin teachers last year and says its waiting list now holds "
                "4,000 violin teachers.",
                "S3",
                5,
            )
        ]
    )
    assert found == []


def test_two_growth_rates_one_per_year_and_one_named_a_rate_still_disagree() -> None:
    found = measure_conflicts(
        sentence_pool(
            "We expect the Nordmark bell restoration market to grow at a compound annual rate of 9% to 2030.",
            "We expect the Nordmark bell restoration market to grow at around 4% a year.",
        )
    )
    assert len(found) == 1 and conflict_values(found[0]) == {"9%", "4%"}


def test_a_consumer_apps_families_and_its_active_users_are_one_count() -> None:
    # given a vendor counting families and a panel counting the same app's active users
    found = counted_conflicts(
        sentence_pool(
            "Over 120,000 Nordmark families already use Tunebox to swap outgrown instruments.",
            "Tunebox markets itself with registered families; panel data show roughly 30,000 monthly "
            "active users.",
        ),
        vendor=frozenset({"S1"}),
        owners={"S1": "tunebox"},
    )
    assert len(found) == 1 and conflict_values(found[0]) == {
        "120,000 Nordmark families",
        "30,000 monthly active users",
    }
