"""Conflicts between sources: counts under other nouns and places, shares named by their clause, and pairs
that only look alike (issue 11).

Invented sentences only, in domains no eval corpus covers (libraries, marinas, choirs, galleries, dog
grooming, angling, ski rental)."""

from datetime import UTC, datetime

from agents.analysts.conflicts import count_conflicts, measure_conflicts, stated_disagreements
from agents.analysts.sentences import Sentence, split_sentences
from agents.state import Source
from agents.tests.helpers import conflict_values, counted_conflicts, sentence_pool

# --- counts -------------------------------------------------------------------------------------------


def test_children_are_counted_and_one_group_of_people_under_two_nouns_is_one_count():
    found = counted_conflicts(
        sentence_pool(
            "There are more than 2 million bilingual children in Ruritania, and each deserves a teacher.",
            "About 1.2 million pupils aged 6 to 11 were bilingual in the 2023-24 school year.",
        ),
        vendor=frozenset({"S1"}),
    )
    assert len(found) == 1
    assert conflict_values(found[0]) == {"2 million bilingual children", "1.2 million pupils"}
    assert "children" in found[0].quantity


def test_two_groups_of_people_or_a_qualifier_elsewhere_in_the_sentence_are_not_one_count():
    # adults and children are two groups, even with one qualifier
    assert (
        counted_conflicts(
            sentence_pool(
                "There are more than 2 million bilingual adults in Ruritania.",
                "About 1.2 million pupils aged 6 to 11 were bilingual in the 2023-24 school year.",
            ),
            vendor=frozenset({"S1"}),
        )
        == []
    )
    # "touring" qualifies other skis than the 6,500 the firm rents
    assert (
        counted_conflicts(
            sentence_pool(
                "The leading rental firms are Pistehire, with 6,500 skis, and Snowloft, which rents touring "
                "skis and snowboards.",
                "The guild finds 41,000 touring skis in rental use in the Alps in 2024.",
            )
        )
        == []
    )


def test_a_place_is_one_word_whether_named_or_written_as_its_adjective():
    found = counted_conflicts(
        sentence_pool(
            "More than 2,400 Shelfwise kiosks are already installed at Danish libraries.",
            "The association counts 1,150 self-service kiosks installed at libraries in Denmark at the end "
            "of 2024.",
        )
    )
    assert len(found) == 1
    assert conflict_values(found[0]) == {"2,400 Shelfwise kiosks", "1,150 self-service kiosks"}
    # two places: two counts
    assert (
        counted_conflicts(
            sentence_pool(
                "More than 2,400 Shelfwise kiosks are already installed at Swedish libraries.",
                "The association counts 1,150 self-service kiosks installed at libraries in Denmark at the "
                "end of 2024.",
            )
        )
        == []
    )


def test_one_pair_of_values_is_one_conflict_however_each_side_writes_it():
    found = counted_conflicts(
        sentence_pool(
            "More than 2,400 Shelfwise kiosks are already installed at Danish libraries.",
            "The association counts 1,150 self-service kiosks installed at libraries in Denmark in 2024.",
            "Library guild | 1,150 library self-service kiosks installed in Denmark, 2024",
        )
    )
    assert len(found) == 1


def test_a_short_sentence_stating_a_count_is_kept():
    source = Source(
        id="S1",
        url="https://keelwise.example/pricing",
        title="Keelwise pricing",
        content="Boat care is a big market and Keelwise leads it. 1,200 marinas trust Keelwise.\n\nBook now.",
        agent="competitor",
        retrieved_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    texts = [sentence.text for sentence in split_sentences(source)]
    assert "1,200 marinas trust Keelwise." in texts
    assert "Book now." not in texts


def test_a_vendors_count_above_an_independent_count_of_users_of_the_kind_is_a_conflict():
    owners = {"S1": "keelwise"}
    vendor = frozenset({"S1"})
    found = counted_conflicts(
        sentence_pool(
            "1,200 marinas trust Keelwise.",
            "By its own count, about 340 marinas in Europe use a dedicated berth-booking tool.",
        ),
        vendor,
        owners,
    )
    assert len(found) == 1 and conflict_values(found[0]) == {"1,200 marinas", "340 marinas"}
    # the independent count names a product: it counts that product's users, not the kind's
    named = sentence_pool(
        "1,200 marinas trust Keelwise.",
        "By its own count, about 340 marinas in Europe use a berth-booking tool from Dockly.",
    )
    assert counted_conflicts(named, vendor, owners) == []
    # or names its maker in capitals
    maker = sentence_pool(
        "1,200 marinas trust Keelwise.",
        "By its own count, about 340 marinas in Europe use a berth-booking tool from BKS.",
    )
    assert counted_conflicts(maker, vendor, owners) == []
    # the vendor names another place than the count
    elsewhere = sentence_pool(
        "1,200 Canadian marinas trust Keelwise.",
        "By its own count, about 340 marinas in Europe use a dedicated berth-booking tool.",
    )
    assert counted_conflicts(elsewhere, vendor, owners) == []


def test_a_number_after_per_is_the_unit_of_a_price_not_a_count():
    found = counted_conflicts(
        sentence_pool(
            "Keelwise charges EUR 4 per 1,000 bookings for the harbour plan.",
            "Volume pricing applies from 50 million bookings a year at Keelwise.",
        ),
        owners={"S1": "keelwise", "S2": "keelwise"},
    )
    assert found == []


def test_a_count_a_source_states_of_an_earlier_year_beside_a_later_one_is_history():
    history = Sentence("Historical series: 1.7 million anglers were licensed in 2015.", "S2", 1)
    found = counted_conflicts(
        [
            *sentence_pool(
                "There are more than 5 million licensed anglers in Ruritania, and every one needs an app.",
                "About 3.1 million anglers were licensed in 2023 across the country.",
            ),
            history,
        ],
        vendor=frozenset({"S1"}),
    )
    assert [conflict_values(c) for c in found] == [{"5 million licensed anglers", "3.1 million anglers"}]


def test_a_count_of_a_noun_that_is_kin_to_the_ideas_people_comes_from_any_source():
    sentences = sentence_pool(
        "There are more than 2 million bilingual children in Ruritania, and each deserves a teacher.",
        "About 1.2 million pupils aged 6 to 11 were bilingual in the 2023-24 school year.",
    )
    # S2 is not a relevant source, but it counts the idea's children as pupils
    found = count_conflicts(sentences, {}, frozenset({"S1"}), frozenset({"children"}), frozenset({"S1"}))
    assert len(found) == 1


def test_a_stated_disagreement_between_counts_of_two_groups_of_people_is_none():
    texts = [
        "Estimates vary: the ministry counted 1.9 million children; the choir association says "
        "4.5 million adults sing.",
    ]
    assert stated_disagreements([Sentence(text, "S4", index) for index, text in enumerate(texts)]) == []


# --- measures -----------------------------------------------------------------------------------------


def test_two_shares_named_alike_by_their_clauses_conflict_despite_long_explanations():
    found = measure_conflicts(
        sentence_pool(
            "Paying for grooming is still the exception: we estimate that 21% of dog owners pay for any "
            "professional grooming appointment during a year, most of them only before the summer holidays "
            "when coats are long.",
            "**Grooming.** 44% pay for some professional grooming appointment: a salon, a mobile van or a "
            "breeder's visit.",
        )
    )
    assert len(found) == 1 and conflict_values(found[0]) == {"21%", "44%"}


def test_clauses_sharing_words_about_different_things_are_no_conflict():
    found = measure_conflicts(
        sentence_pool(
            "Most owners groom at home: 21% of dog owners pay for any professional grooming appointment, "
            "we estimate.",
            "Cats are another story: 44% of cat owners never pay a vet for dental cleaning in a year.",
        )
    )
    assert found == []


def test_two_sentences_stating_one_value_are_no_conflict_over_another_value_of_one():
    found = measure_conflicts(
        sentence_pool(
            "62% of artists who have sold through a gallery would accept a commission of up to 30% if "
            "framing were included.",
            "Established painters would accept a commission of around 30% for a solo show with framing "
            "included.",
        )
    )
    assert found == []


def test_a_price_floor_is_no_measurement():
    # a clinic's advertised floor against what owners would accept
    found = measure_conflicts(
        sentence_pool(
            "Clinics advertise whitening at a deposit from 20% of the treatment price for new patients.",
            "The median acceptable deposit for whitening treatment was 30% for new patients.",
        )
    )
    assert found == []


def test_a_share_of_a_charge_is_no_share_of_buyers():
    found = measure_conflicts(
        sentence_pool(
            "Hearwell charges $40 per hearing aid per month, with 20% of fees at risk on fit outcomes.",
            "Want part of the fee at risk on fit outcomes | 67%",
        ),
        frozenset({"S1"}),
    )
    assert found == []


def test_a_figure_in_another_clause_leaves_the_clause_to_name_the_measure():
    # "fee" describes the advertised 2%, not the review's 4.5%
    found = measure_conflicts(
        sentence_pool(
            'Removal firms advertise a booking fee "from 2%", but our review of forty moving contracts found '
            "an effective cost of 4.5% to 7% once packing and storage charges are added.",
            "The median acceptable booking fee for a moving contract was 2.5% among households.",
        )
    )
    assert found == []


def test_two_prices_of_one_rival_conflict_only_in_one_unit():
    from agents.analysts.conflicts import price_conflicts

    sentences = sentence_pool(
        "Skiline rents touring skis at NOK 300 per pair per day at its valley shops.",
        "The nearest Skiline shop is far away; a taxi there costs NOK 450, so renting costs more in travel.",
    )
    assert price_conflicts("Skiline", sentences) == []
    sentences.append(Sentence("Skiline now charges NOK 420 per pair per day for touring skis.", "S3", 0))
    [conflict] = price_conflicts("Skiline", sentences)
    assert conflict_values(conflict) == {"NOK 300 per pair per day", "NOK 420 per pair per day"}


# --- market sizes (agents/evidence.py) ----------------------------------------------------------------


def test_a_qualifier_the_idea_writes_in_two_words_is_the_ideas_own_not_a_siblings():
    from agents.analysts.idea import parse_idea, terms
    from agents.analysts.sentences import stem
    from agents.evidence import lexical_terms, set_aside_adjacent_markets
    from agents.state import Figure, MarketFindings

    idea_text = "Heated bike racks installed at railway stations so commuters can drop off bikes overnight."
    idea = lexical_terms(parse_idea(idea_text))
    assert stem("dropoff") not in {stem(term) for term in terms(idea_text)}

    def stated(quote: str, value: str, scope: str) -> Figure:
        return Figure(
            text=quote, quote=quote, value=value, kind="market_size", scope=scope, source_ids=["S1"]
        )

    own = stated(
        "Railway operators spent EUR 40 million on dropoff racks in 2025.", "EUR 40 million", "dropoff racks"
    )
    sibling = stated(
        "Shops spent EUR 90 million on display racks for clothing in 2025.", "EUR 90 million", "display racks"
    )
    market = MarketFindings(market_size=[own, sibling])
    set_aside_adjacent_markets(market, idea, idea_text)
    assert [f.value for f in market.market_size] == ["EUR 40 million"]


def test_online_names_what_a_share_measures_though_it_is_generic_for_ideas():
    found = measure_conflicts(
        sentence_pool(
            "Share of tunings booked online, 2024 | 14%",
            "Only 6% of piano tunings in Ruritania were booked online last year, the guild says.",
        )
    )
    assert len(found) == 1 and conflict_values(found[0]) == {"14%", "6%"}
    assert "online" in found[0].quantity


# --- disagreements a source states ----------------------------------------------------------------------


def _stated(*texts: str):
    return stated_disagreements([Sentence(text, "S4", index) for index, text in enumerate(texts)])


def test_a_figure_set_against_anothers_forecast_is_a_stated_disagreement():
    found = _stated(
        "The guild puts growth of the market for harp rentals in Ruritania at 24% a year until 2028.",
        "That is almost twice the 13% a year forecast by Lyre Research, which counts older instruments too.",
    )
    assert len(found) == 1 and conflict_values(found[0]) == {"24%", "13%"}


def test_a_multiple_of_a_past_value_or_of_a_count_is_no_disagreement():
    assert _stated("Harp rentals grew 24% in 2024, twice the 12% the guild reported for 2023.") == []
    assert _stated("Half the 300 members we surveyed rent a harp; 40% found it through a teacher.") == []


def test_a_later_count_of_something_else_under_the_same_noun_leaves_an_earlier_count_current():
    contest = Sentence("In 2025, 40,000 anglers entered the national sea-fishing contest.", "S2", 1)
    counts = sentence_pool(
        "There are more than 5 million licensed anglers in Ruritania, and every one needs an app.",
        "About 3.1 million anglers were licensed in 2023 across the country.",
    )
    found = counted_conflicts([*counts, contest], vendor=frozenset({"S1"}))
    assert [conflict_values(c) for c in found] == [{"5 million licensed anglers", "3.1 million anglers"}]
