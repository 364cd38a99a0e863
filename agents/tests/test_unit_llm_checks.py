"""The code checks on the supervisor model's queries (agents.analysts.llm_checks), with invented ideas."""

from __future__ import annotations

import pytest

from agents.analysts.idea import parse_idea, terms
from agents.analysts.llm_checks import MAX_QUERY_CHARS, MAX_QUERY_WORDS, checked_queries, query_problem
from agents.nodes.supervisor import checked_plan
from agents.state import AgentQueries, ProductContext

SEEDS = "A box of heirloom vegetable seeds every season for balcony gardeners in small flats."
DRONES = "Drone inspections of offshore wind turbine blades for wind farm operators."


def _terms(idea: str) -> set[str]:
    return set(terms(idea))


def queries(market: str, competitor: str, customer: str) -> AgentQueries:
    return AgentQueries(market=market, competitor=competitor, customer=customer)


@pytest.mark.parametrize(
    ("idea", "query"),
    [
        (SEEDS, "heirloom seeds market size"),  # plural and case do not matter: the idea's terms are keys
        (SEEDS, "Balcony Gardening Kits competitors"),  # one distinctive term is enough
        (DRONES, "wind turbine blade inspection drones pricing"),
        (DRONES, "offshore-wind maintenance survey"),  # a hyphenated word carries its parts
        ("An app for people.", "consumer mobile apps market"),  # no distinctive term: the form is checked
    ],
)
def test_a_focused_query_with_one_of_the_ideas_terms_is_kept(idea: str, query: str) -> None:
    assert query_problem(query, _terms(idea)) == ""
    kept, problems = checked_queries(queries(query, query, query), idea)
    assert (kept, problems) == (queries(query, query, query), {})


@pytest.mark.parametrize(
    ("idea", "query", "problem"),
    [
        (SEEDS, "consumer products market size growth", "none of the idea's distinctive terms"),
        (DRONES, "renewable energy services competitors", "none of the idea's distinctive terms"),
        (SEEDS, "{{{ ]] ### !! 2024 heirloom ??", "mostly not words"),
        (SEEDS, " ".join(["heirloom"] * (MAX_QUERY_WORDS + 1)), "too long"),
        (DRONES, "drone" + "x" * MAX_QUERY_CHARS, "too long"),
        (DRONES, "drone\x00inspection market", "not one line of text"),
        (DRONES, "   ", "blank"),
    ],
)
def test_a_query_without_the_ideas_terms_too_long_or_garbage_falls_back_to_the_ideas(
    idea: str, query: str, problem: str
) -> None:
    # given the model's market query is bad, its other two are fine
    fine = "drone inspections competitors" if idea == DRONES else "heirloom seeds competitors"
    kept, problems = checked_queries(queries(query, fine, fine), idea)
    # then only the market query is replaced, by the query derived from the idea, and the reason named
    fallback = parse_idea(idea).queries
    assert kept == queries(fallback.market, fine, fine)
    assert list(problems) == ["market"] and problems["market"].startswith(problem)
    assert query_problem(fallback.market, _terms(idea)) == ""  # the fallback passes its own check


def test_the_plan_counts_the_replaced_queries_and_the_idea_derived_ones_are_never_counted() -> None:
    fallback = parse_idea(DRONES).queries
    plan = ProductContext(
        product_idea=DRONES, sector="energy", target_customer="operators", product_context="",
        queries=queries("clean energy market", "x" * 500, fallback.customer),
    )  # fmt: skip
    checked, replaced = checked_plan(plan)
    assert replaced == 2
    assert checked.queries == fallback
    # the extractive analyst's plan (parse_idea) is kept as it is, even for an idea without terms
    for idea in (DRONES, SEEDS, "An app for people."):
        assert checked_plan(parse_idea(idea)) == (parse_idea(idea), 0)
