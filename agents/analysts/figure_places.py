"""Where a figure is: the places a text names, by name or by its people's adjective, from CLDR's territory
names (babel) plus the usual short forms ("U.S.", "APAC", "East Africa")."""

from __future__ import annotations

import re

from babel import Locale

from agents.analysts import gazetteer

ALIASES = {
    "global": "global",
    "worldwide": "global",
    "world": "global",
    "U.S.": "United States",
    "US": "United States",
    "USA": "United States",
    "America": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    # the short forms a terse idea or a post writes ("AU festivals", "SME forwarders in SG")
    "AU": "Australia",
    "NZ": "New Zealand",
    "SG": "Singapore",
    "UAE": "United Arab Emirates",
    "KSA": "Saudi Arabia",
    "EU": "European Union",
    "European Union": "European Union",
    "APAC": "Asia-Pacific",
    "Asia-Pacific": "Asia-Pacific",
    "Asia Pacific": "Asia-Pacific",
    "EMEA": "EMEA",
    "Middle East": "Middle East",
    "Latin America": "Latin America",
    "East Africa": "East Africa",
    "West Africa": "West Africa",
    "North Africa": "North Africa",
    "DACH": "DACH",
    "Nordics": "Nordics",
    "Southeast Asia": "Southeast Asia",
    "Sub-Saharan Africa": "Sub-Saharan Africa",
    # countries CLDR names by their newer or longer names ("Türkiye", "Czechia", "Côte d\u2019Ivoire")
    "Turkey": "Türkiye",
    "Czech Republic": "Czechia",
    "Ivory Coast": "Côte d\u2019Ivoire",
    "Burma": "Myanmar (Burma)",
}


def _places() -> dict[str, str]:
    places = {name: name for name in Locale("en").territories.values() if name[0].isupper()}
    for name in list(places):  # "Eastern Africa" is usually written "East Africa"
        for long, short in (
            ("Eastern ", "East "),
            ("Western ", "West "),
            ("Northern ", "North "),
            ("Southern ", "South "),
        ):
            if name.startswith(long):
                places.setdefault(short + name[len(long) :], short + name[len(long) :])
    return {**places, **ALIASES}


PLACES = _places()
# Adjectives of people that are not the country's name plus an ending ("Dutch" -> Netherlands); the
# regular ones ("Nigerian", "German") are derived in ``places_in``.
DEMONYMS = {
    word: place
    for word, place in {
        "Dutch": "Netherlands", "French": "France", "British": "United Kingdom", "Irish": "Ireland",
        "Spanish": "Spain", "Swedish": "Sweden", "Danish": "Denmark", "Polish": "Poland",
        "Finnish": "Finland", "Greek": "Greece", "Swiss": "Switzerland", "Thai": "Thailand",
        "Filipino": "Philippines", "Portuguese": "Portugal", "Chinese": "China", "Japanese": "Japan",
        "Vietnamese": "Vietnam", "Belgian": "Belgium", "Norwegian": "Norway", "Pakistani": "Pakistan",
        "Bangladeshi": "Bangladesh", "Israeli": "Israel", "Saudi": "Saudi Arabia",
        "Emirati": "United Arab Emirates",
        "Turkish": "Türkiye", "Welsh": "United Kingdom", "Scottish": "United Kingdom", "Peruvian": "Peru",
    }.items()
    if place in PLACES
}  # fmt: skip
# "US$265 million" names a currency, not where the money is
PLACE = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(p) for p in sorted(PLACES, key=len, reverse=True)) + r")(?![\w$-])"
)


def geography_of(text: str, fallback: str = "") -> str:
    """The place a sentence is about ("global" when stated as such), a city of a million people or more
    it names ("Istanbul accounted for 44%, about TRY 1.0 billion"), else the fallback's, else ""."""
    if match := PLACE.search(text):
        return PLACES[match.group(1)]
    if city := gazetteer.metropolis_in(text):
        return city
    if match := PLACE.search(fallback):
        return PLACES[match.group(1)]
    return ""


def places_in(text: str) -> set[str]:
    """Every place ``text`` names, also by its people's adjective ("Nigerian freelancers", "German
    hospitals"): "from the Philippines and India to Germany" -> all three."""
    named = {PLACES[match.group(1)] for match in PLACE.finditer(text)}
    named |= {PLACES[DEMONYMS[word]] for word in re.findall(r"\b[A-Z][a-z]+\b", text) if word in DEMONYMS}
    for word in re.findall(r"\b[A-Z][a-z]{3,}\b", text):
        # Nigerian -> Nigeria, German -> Germany, Canadian -> Canada, Brazilian -> Brazil
        for candidate in (word[:-1], f"{word}y", f"{word[:-3]}a", word[:-3]):
            if candidate in PLACES and PLACES[candidate] not in ALIASES.values():
                named.add(PLACES[candidate])
                break
    return named
