"""Conflicts between sources: a concession is a clause of its own, a count written as a floor ("9,000+"),
an independent count introduced by a colon or by "counts", two shares of one charge, money signs written in
letters ("Rp", "Rs.") and a part of a whole that is no side of a market-size conflict (issue 11).

Invented sentences only, in domains no eval corpus covers (bicycle repair, beekeeping, ferries, violin
making, tyre recycling, tutoring of chess, laundromats, batik, wedding wear)."""

from agents.analysts.amounts import amount
from agents.analysts.conflicts import (
    measure_conflicts,
    price_conflicts,
    stated_disagreements,
)
from agents.analysts.sentences import Sentence
from agents.evidence import part_of_another
from agents.state import Figure
from agents.tests.helpers import conflict_values, counted_conflicts, sentence_pool

# --- a concession ("though …") is a clause of its own ---------------------------------------------------


def test_a_share_before_though_is_named_by_its_own_clause() -> None:
    # the clause after "though" states another share; its words do not name the first one
    found = measure_conflicts(
        sentence_pool(
            "Only 12% of repair shops currently use a booking app for bicycle repairs, though 40% have "
            "tried one at some point in the last five years.",
            "In our spring workshop panel, 31% of independent repair shops said a mechanic used a booking "
            "app for bicycle repairs every week.",
        )
    )
    assert len(found) == 1 and conflict_values(found[0]) == {"12%", "31%"}


def test_a_concession_separates_two_attributed_views_in_one_sentence() -> None:
    # the cut at "though" keeps each stated value in its own attributed clause
    found = stated_disagreements(
        sentence_pool(
            "Estimates vary: the guild counted 1.4 million hives, though the ministry says 2.1 million.",
        )
    )
    assert len(found) == 1 and conflict_values(found[0]) == {"1.4 million", "2.1 million"}


# --- counts -------------------------------------------------------------------------------------------


def test_a_count_written_as_a_floor_is_a_count() -> None:
    # given a vendor's "12,000+ cyclists" and a tracker's count of the same firm's users
    found = counted_conflicts(
        sentence_pool(
            "Trusted by 12,000+ cyclists in Nordmark, Spokely books a mechanic in minutes.",
            "A bicycle trade tracker counts about 2,500 paying cyclists on Spokely each month.",
        ),
        vendor=frozenset({"S1"}),
        owners={"S1": "spokely"},
    )
    assert len(found) == 1
    assert conflict_values(found[0]) == {"12,000+ cyclists", "2,500 paying cyclists"}
    assert "vendor" in found[0].statement


def test_a_source_setting_a_claim_against_a_count_it_introduces_with_a_colon_disputes_it() -> None:
    # "X suggests a smaller base: about N" is the source's own count, set against the claim before it
    article = [
        Sentence("Ferrylane says more than 30,000 commuters have signed up.", "S4", 5),
        Sentence(
            "Ticketing data from the port authority suggest a smaller base: about 4,000 commuters "
            "travelled with the app in an average week this year.",
            "S4",
            6,
        ),
    ]
    found = counted_conflicts(article)
    assert len(found) == 1 and conflict_values(found[0]) == {"30,000 commuters", "4,000 commuters"}
    # the reader is told which side is the claim: it is named first, and said to be one
    assert found[0].sides[0].value == "30,000 commuters"
    assert "claim the source reports" in found[0].statement


def test_the_claim_is_named_first_when_the_source_states_its_own_count_first() -> None:
    article = [
        Sentence(
            "Port records show about 4,000 commuters travelled with the app in an average week.", "S4", 2
        ),
        Sentence("Ferrylane, for its part, says more than 30,000 commuters have signed up.", "S4", 3),
    ]
    found = counted_conflicts(article)
    assert len(found) == 1 and [side.value for side in found[0].sides] == [
        "30,000 commuters",
        "4,000 commuters",
    ]


def test_an_analyst_that_counts_is_an_independent_count() -> None:
    article = [
        Sentence("The workshop says more than 900 violinists play its instruments.", "S2", 3),
        Sentence(
            "A guild registry, which tracks sales of new instruments, counts about 300 violinists who "
            "bought one, with the rest borrowing or renting.",
            "S2",
            4,
        ),
    ]
    found = counted_conflicts(article)
    assert len(found) == 1 and conflict_values(found[0]) == {"900 violinists", "300 violinists"}


def test_a_colon_after_a_plain_heading_is_no_finding() -> None:
    # two counts of one source, neither set against a claim: a description, not a dispute
    article = [
        Sentence("Tyre collectors say 5,000 garages take part in the scheme.", "S3", 1),
        Sentence("Two regions stand out: about 1,200 garages in the north alone.", "S3", 2),
    ]
    assert counted_conflicts(article) == []


# --- shares of one charge -------------------------------------------------------------------------------


def test_two_shares_of_one_charge_in_long_sentences_are_one_measure() -> None:
    # a survey asks what fraction of a price reaches a party; a study traces the same share
    found = measure_conflicts(
        sentence_pool(
            "Asked what fraction of a laundromat's price ends up with them, machine owners' own "
            "estimates, checked against statements where possible, averaged 55%.",
            "For coin-operated washers in rented premises, the machine owners received on average 35% of "
            "the price the laundromat customer finally paid.",
        )
    )
    assert len(found) == 1 and conflict_values(found[0]) == {"55%", "35%"}
    assert found[0].quantity.startswith("the share of the price (")


def test_two_long_sentences_sharing_a_charge_and_few_other_words_are_two_measures() -> None:
    # a share of a price a crew keeps and a share of the price the operator spends on fuel: the charge
    # and three more words in common do not make them one measure
    found = measure_conflicts(
        sentence_pool(
            "Asked what share of the ticket price reaches them after every deduction, island ferry crews "
            "in the harbour towns on the northern coast answered 45%.",
            "On the longest routes the operator spends about 20% of the ticket price a passenger pays on "
            "diesel for island ferry engines, according to its published accounts.",
        )
    )
    assert found == []


def test_a_share_of_buyers_is_still_no_share_of_a_charge() -> None:
    # "part of the fee" is wanted by buyers (a count of people), not a stated share of the fee
    found = measure_conflicts(
        sentence_pool(
            "Ringbell charges $12 per lesson, with 25% of fees refunded on missed lessons.",
            "Want part of the fee refunded on missed lessons | 64%",
        ),
        frozenset({"S1"}),
    )
    assert found == []


# --- amounts in a currency whose sign is written in letters ----------------------------------------------


def test_rupiah_and_rupee_signs_written_in_letters_are_money() -> None:
    # a batik co-operative's market and a tyre recycler's, in the signs their sources use
    assert amount("Batik workshops in the province sold Rp 2.3 trillion of cloth in 2024.") == 2.3e12
    assert amount("Retreaded tyres were a Rs. 850 million business last year.") == 8.5e8
    assert amount("Prices start at Rp 45,000 per metre.") == 45000
    # a word that merely begins with the letters is no sign
    assert amount("Rpm limits of 4,000 apply to the lathe.") == 0.0


# --- a part of a whole is no side of a market-size conflict ---------------------------------------------


def _sized(text: str, value: str) -> Figure:
    return Figure(text=text, quote=text, value=value, kind="market_size", source_ids=["S1"])


def test_a_share_restated_as_money_is_a_part_of_the_whole() -> None:
    text = (
        "Brake jobs make up 31% of all bicycle repairs by value, around EUR 59 million in 2024, because "
        "pads wear out every season."
    )
    assert part_of_another(_sized(text, "EUR 59 million"))


def test_an_amount_named_a_part_of_that_total_is_a_part() -> None:
    text = "Wedding dresses are the largest line, at roughly $26 million of that total, ahead of suits."
    assert part_of_another(_sized(text, "$26 million"))


def test_a_market_named_after_a_share_of_buyers_is_no_part() -> None:
    # the share counts buyers; the amount is a market of its own, named as one
    text = "Only 8% of laundromats use card readers, a market of about $12 million a year."
    assert not part_of_another(_sized(text, "$12 million"))
    whole = "Laundromat owners spent about $190 million on machines in 2024."
    assert not part_of_another(_sized(whole, "$190 million"))


# --- a rival's two products are no disagreement on its price ---------------------------------------------


def test_a_source_stating_the_other_sources_price_too_agrees_with_it() -> None:
    # the shop's own page gives its plan and its add-on; the review gives the add-on only
    sentences = sentence_pool(
        "Gearwise memberships themselves start at $55 a month for one bicycle.",
        "Gearwise reviews list the Gearwise tune-up add-on at USD 29/month.",
    )
    sentences.insert(
        1, Sentence("The Gearwise tune-up add-on costs 29 dollars per bicycle per month.", "S1", 1)
    )
    assert price_conflicts("Gearwise", sentences) == []


def test_two_sources_pricing_one_plan_differently_still_disagree() -> None:
    sentences = sentence_pool(
        "Gearwise memberships themselves start at $55 a month for one bicycle.",
        "Gearwise now charges $70 a month for its basic membership.",
    )
    [conflict] = price_conflicts("Gearwise", sentences)
    assert conflict_values(conflict) == {"$55 a month", "$70 a month"}


# --- a breakdown table's share is a part of its total ----------------------------------------------------


def test_a_breakdown_rows_share_is_no_share_of_buyers() -> None:
    # the row gives a part's amount and its share of the table's total; the survey counts buyers
    found = measure_conflicts(
        sentence_pool(
            "Refurbished saddles, bells and racks | 420 | 18%",
            "Saddles are a smaller market: 45% bought refurbished saddles, bells and racks last year.",
        )
    )
    assert found == []


def test_a_survey_rows_share_beside_a_year_is_still_a_share_of_people() -> None:
    found = measure_conflicts(
        sentence_pool(
            "Riders who bought refurbished saddles, bells or racks | 2024 | 18%",
            "About 45% of riders bought refurbished saddles, bells or racks in the past year.",
        )
    )
    assert len(found) == 1 and conflict_values(found[0]) == {"18%", "45%"}


# --- a change is no share --------------------------------------------------------------------------------


def test_a_percentage_stating_a_change_is_no_share_of_people() -> None:
    for change in (
        "Harbour boatyards logged 1,900 hull repairs for sailing yachts in 2024, up 12% on 2023.",
        "The number of boatyards repairing sailing yachts fell 18% between 2017 and 2024.",
    ):
        found = measure_conflicts(
            sentence_pool(change, "Boatyards repairing sailing yachts | 37%"),
        )
        assert found == [], change


def test_two_changes_of_one_thing_still_disagree() -> None:
    found = measure_conflicts(
        sentence_pool(
            "Hull repairs for sailing yachts at harbour boatyards rose 12% on 2023.",
            "Hull repairs for sailing yachts at harbour boatyards were up 30% on 2023, the guild says.",
        )
    )
    assert len(found) == 1 and conflict_values(found[0]) == {"12%", "30%"}


# --- a count over a few months is no count of a year -----------------------------------------------------


def test_a_count_over_a_few_months_and_a_years_count_are_two_periods() -> None:
    found = counted_conflicts(
        sentence_pool(
            "Canal wardens logged 14,200 mooring disputes about houseboats in 2024 across the network.",
            "Residents of one canal basin logged more than 120 mooring disputes about houseboats over "
            "five months, the wardens said.",
        )
    )
    assert found == []


def test_two_counts_over_one_span_still_disagree() -> None:
    found = counted_conflicts(
        sentence_pool(
            "Canal wardens logged about 900 mooring disputes about houseboats over five months.",
            "The boaters' association counted about 2,400 mooring disputes about houseboats over "
            "five months.",
        )
    )
    assert len(found) == 1 and conflict_values(found[0]) == {"900 mooring disputes", "2,400 mooring disputes"}
