"""A survey's share of its respondents is a share of the people it surveyed, and "service" names what a
share measures (issue 11). Invented sentences, in domains no eval corpus covers (piano tuning, kilns)."""

from agents.analysts.conflicts import measure_conflicts
from agents.tests.helpers import conflict_values, sentence_pool


def test_a_share_of_respondents_and_a_share_of_owners_measure_one_thing() -> None:
    found = measure_conflicts(
        sentence_pool(
            "41% of respondents said they tune the piano themselves.",
            "About 18% of owners of upright pianos tune the piano themselves every year.",
        )
    )
    assert len(found) == 1 and conflict_values(found[0]) == {"41%", "18%"}


def test_a_share_of_respondents_is_still_not_a_share_of_a_price() -> None:
    assert not measure_conflicts(
        sentence_pool(
            "41% of respondents said they service the kiln themselves.",
            "Repairs make 18% of the price of a kiln service, which owners do themselves.",
        )
    )


def test_servicing_a_thing_and_its_service_are_one_measure() -> None:
    found = measure_conflicts(
        sentence_pool(
            "30% of potters service their own gas kilns every spring before firing.",
            "55% of potters do the yearly kiln service without paying a local technician anything.",
        )
    )
    assert len(found) == 1


def test_counts_grouped_the_indian_way_or_by_spaces_are_read_whole() -> None:
    from agents.analysts.conflicts import count_conflicts

    def counted(*texts: str) -> set[str]:
        pool = sentence_pool(*texts)
        found = count_conflicts(pool, {}, frozenset(s.source_id for s in pool), frozenset(), frozenset())
        return {side.value for conflict in found for side in conflict.sides}

    # a lakh of households (1,00,000) against 20,000, and 650 000 ferries against 240 000
    assert counted(
        "KiteKart is used by 1,00,000 households in Kerala, the company says.",
        "Analysts count about 20,000 households using KiteKart in Kerala.",
    ) == {"1,00,000 households", "20,000 households"}
    assert counted(
        "There are about 650 000 leisure ferries registered in Finland.",
        "The registry lists about 240 000 leisure ferries registered in Finland.",
    ) == {"650 000 leisure ferries", "240 000 leisure ferries"}


def test_a_list_item_of_a_bold_label_and_its_share_is_one_finding() -> None:
    from agents.tests.helpers import customer_findings

    survey = (
        "# Piano owners survey 2026\n\n"
        "We surveyed 700 piano owners about their tuners.\n\n"
        "## What owners value most in a tuner\n\n"
        "- **A tuner who arrives on the agreed day**: 61%.\n"
        "- **A written note of what was adjusted**: 38%.\n"
    )
    found = customer_findings(("S1", survey, "survey"), focus=set(), customers={"piano", "owner"})
    drivers = " ".join(claim.text for claim in found.satisfaction_drivers)
    # the label is what owners value; the share alone would say nothing
    assert "agreed day" in drivers and "61%" in drivers
    assert "written note" in drivers and "38%" in drivers


def test_groups_listed_with_semicolons_keep_their_commas_and_irregular_plurals() -> None:
    from agents.tests.helpers import customer_findings

    survey = (
        "# Music school parents survey 2026\n\n"
        "We surveyed 500 families about violin lessons.\n\n"
        "## Who the families are\n\n"
        "Three groups: children learning at school, in a choir or at home; adults returning to the "
        "violin after years away; and a smaller group of retired couples who play together.\n"
    )
    found = customer_findings(("S1", survey, "survey"), focus=set(), customers={"famil", "violin"})
    names = [segment.name.lower() for segment in found.segments]
    assert any(name.startswith("children learning") for name in names)
    assert any(name.startswith("adults returning") for name in names)
    assert "retired couples" in names
