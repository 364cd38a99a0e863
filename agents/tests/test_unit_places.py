"""Where an idea is set and where its sources are: the gazetteer and the "another place" outcome."""

from __future__ import annotations

from datetime import UTC, datetime

from agents.analysts.coverage import another_place
from agents.analysts.gazetteer import countries_of_idea, mentions, places_named
from agents.state import Source


def _source(title: str, content: str) -> Source:
    return Source(id="S1", url="https://a.example/x", title=title, content=content, agent="market",
                  retrieved_at=datetime.now(UTC))  # fmt: skip


def test_an_idea_is_set_in_the_countries_of_the_places_it_names() -> None:
    assert countries_of_idea("Dog walking for busy owners in Lyon and Marseille.") == {
        "Lyon": frozenset({"FR"}),
        "Marseille": frozenset({"FR"}),
    }
    # a country by its people's adjective, anywhere; a region after "in"; the longest name wins
    assert countries_of_idea("Crop insurance for Ghanaian cocoa growers.") == {"Ghanaian": frozenset({"GH"})}
    assert countries_of_idea("Tractor sharing for farms in Rio Grande do Sul.") == {
        "Rio Grande do Sul": frozenset({"BR"})
    }


def test_months_brands_and_words_not_after_where_are_no_places() -> None:
    # "in March" is a month, not the English town; a city named as a brand or a noun is not where it is set
    assert countries_of_idea("A tax-filing helper for freelancers, launching in March.") == {}
    assert countries_of_idea("Repair kits for Phoenix Contact terminals sold to electricians.") == {}


def test_words_opening_a_question_are_no_country_codes_while_initials_are_countries() -> None:
    # an idea written as questions opens them with "Can", "Are", "And": not Canada, the Emirates, Andorra
    idea = "Can beekeepers in Chile sell wax? Are buyers ready? And what if they paid per kilo?"
    assert countries_of_idea(idea) == {"Chile": frozenset({"CL"})}
    assert places_named("CAN WE? AND THEN. The VAT rose.") == set()
    # while a country's initials, written in capitals, still name it
    assert countries_of_idea("Fleet tracking for couriers in the UAE and the USA.") == {
        "UAE": frozenset({"AE"}),
        "USA": frozenset({"US"}),
    }
    assert mentions("Most couriers in the UK lease vans.", frozenset({"GB"}))


def test_a_small_towns_name_opening_a_sentence_is_an_ordinary_word() -> None:
    # "More" and "Best" are towns in Japan and the Netherlands, and words that open sentences
    assert not mentions(
        "## Trends\n\n1. **More deaths.** Best of all, halls publish prices.", frozenset({"JP"})
    )
    assert not mentions("Best of all, halls publish prices.", frozenset({"NL"}))
    # inside a sentence a town is where the page is; a large city counts even where a sentence starts
    assert mentions("Two funeral halls in Best cut their prices.", frozenset({"NL"}))
    assert mentions("Leeds households buy soap weekly.", frozenset({"GB"}))


def test_sources_name_countries_by_name_adjective_region_or_city() -> None:
    assert places_named("A survey of Peruvian households and a market report on Chile.") >= {"PE", "CL"}
    assert places_named("Commuters in Nairobi ride to work.") == {"KE"}
    assert mentions("Households in Arequipa buy soap weekly.", frozenset({"PE"}))
    assert mentions("British households buy soap weekly.", frozenset({"GB"}))
    assert not mentions("Households in Arequipa buy soap weekly.", frozenset({"CO"}))


def test_sources_about_another_country_are_about_another_place() -> None:
    sources = [
        _source("Bakery delivery in Poland", "Polish bakeries in Kraków deliver bread by van."),
        _source("Bread survey", "Households in Poland buy fresh bread daily; Polish families prefer rye."),
    ]
    # the same service set in Porto: no source names Porto or Portugal, both are about Poland
    assert another_place("Bread delivery by van from bakeries in Porto.", sources) == (["Porto"], ["Poland"])
    # set in Poland's own city, or with no place named: the sources are about it
    assert another_place("Bread delivery by van from bakeries in Warsaw.", sources) == ([], [])
    assert another_place("Bread delivery by van from local bakeries.", sources) == ([], [])


def test_sources_naming_the_ideas_country_in_any_form_cover_it() -> None:
    sources = [
        _source("Pet food in the UK", "British owners spend more on dogs; Germany lags."),
        _source("Dog owners survey", "Owners in Germany and the UK were asked about food."),
    ]
    # Leeds is in the United Kingdom, which both sources name ("UK", "British")
    assert another_place("Fresh dog food delivered to owners in Leeds.", sources) == ([], [])
    # sources naming no country at all say nothing about where they are
    vague = [_source("Dog food trends", "Owners spend more on fresh food every year.")]
    assert another_place("Fresh dog food delivered to owners in Leeds.", vague) == ([], [])
