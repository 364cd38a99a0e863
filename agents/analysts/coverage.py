"""Whether the sources on topic are evidence for this idea, or for a neighbour of it: another customer
(vet clinics researched on physiotherapy clinics), another product for the same customer (insurance
researched on boat owners' maintenance), another offer (a supply-ordering tool researched on pages about
the same practices' no-shows), another trade serving them (opticians' rounds researched on pages about
hearing-aid technicians' rounds of the same homes) or another place. Each returns what the report then
names; empty when the sources do cover the idea."""

from __future__ import annotations

import re
from collections import Counter

from agents.analysts import gazetteer
from agents.analysts.idea import STAFF, defining_split, terms, words_of
from agents.analysts.sentences import stem
from agents.analysts.sourcing import GENERIC_STEMS, counts, facet, idea_terms
from agents.state import AgentQueries, ProductContext, Source


def unmentioned_customer_words(product_idea: str, sources: list[Source]) -> list[str]:
    """The words naming the idea's customer (as the idea writes them) that none of ``sources`` uses:
    for "an AI scribe for vet clinics" researched on sources about physiotherapy clinics, "vet"."""
    return _unmentioned(product_idea, sources)[0]


def another_customer(product_idea: str, sources: list[Source]) -> list[str]:
    """The customer's words no source uses, when they are most of the words naming it (places
    included): sources about "physiotherapy clinics in Australia" share only "clinics" with "vet
    clinics in Canada", so they are about another customer, not evidence for this one. One word of two
    missing ("busy" of "busy parents", "craft" of "craft breweries in Germany") is a detail the report
    names; empty when the sources cover the customer."""
    missing, named = _unmentioned(product_idea, sources)
    return missing if named and len(missing) * 2 > named else []


MIN_PRODUCT_TERMS = 3  # a product named in fewer words may be paraphrased by every source: never judged


def another_product(product_idea: str, sources: list[Source]) -> list[str]:
    """The product's words (as the idea writes them) when no source is about two of them: the sources on
    topic are about the idea's customer, not its product. "Pay-per-trip insurance for leisure boat
    owners" researched on pages about boat owners' maintenance, where "insurance" or "trip" comes up in
    passing, is another product for the same customer. Only judged for a product named in at least
    MIN_PRODUCT_TERMS words; empty otherwise, or when a source is about two of them (titled or repeated)
    or mentions MIN_PRODUCT_TERMS of them."""
    # the product as the idea writes it, its words the customer shares included ("bike" of "mobile bike
    # repair vans for bike commuters"), and the terms read from the rest of the idea
    written_product = defining_split(product_idea)[1]
    read = idea_terms(_bare_context(product_idea)).spelled_out(sources)
    product = read.product | {stem(t) for t in terms(written_product)}
    if len(product) < MIN_PRODUCT_TERMS or not sources:
        return []
    for source in sources:
        strong, mentioned = facet(product, counts(source.title), counts(source.content))
        if strong >= 2 or mentioned >= MIN_PRODUCT_TERMS:  # about the product, or naming most of it
            return []
    written = {stem(key): surface for surface, key in words_of(product_idea)}
    return [written[term] for term in sorted(product) if term in written]


MIN_OFFER_TERMS = 5  # an offer told in fewer distinctive words may be paraphrased by every source


def another_offer(product_idea: str, sources: list[Source]) -> list[str]:
    """The words of the sentence saying what the idea offers (its customer, places and generic words
    left out) that no source uses, when they are more than half of them: the sources are about the
    idea's customer and its neighbouring needs, not about this offer. "Our tool compares every
    supplier's price for each item on your order list and orders from the cheapest" researched on pages
    about the same practices' missed appointments shares "price" and "list" with them, never
    "supplier", "item" or "cheapest". Only judged for an offer told in at least MIN_OFFER_TERMS words;
    empty otherwise."""
    idea = idea_terms(_bare_context(product_idea)).spelled_out(sources)
    sentence = defining_split(product_idea)[0]
    offer = [
        term for term in dict.fromkeys(stem(word) for word in terms(sentence))
        if term not in idea.customer | idea.places | GENERIC_STEMS and not term.isdigit()
    ]  # fmt: skip
    if len(offer) < MIN_OFFER_TERMS or not sources:
        return []
    seen: Counter[str] = Counter()
    for source in sources:
        seen.update(counts(f"{source.title} {source.content}"))
    missing = [term for term in offer if not seen[term]]
    if len(missing) * 2 <= len(offer):
        return []
    written = {stem(key): surface for surface, key in words_of(sentence)}
    return [written.get(term, term) for term in missing]


# how staff are vouched for, not what trade they are in: "certified hearing-aid technicians"
VOUCHED = frozenset(
    stem(word)
    for word in (
        "certified", "trained", "qualified", "licensed", "vetted", "experienced", "skilled", "professional",
        "expert", "local", "own", "our", "their", "the", "a", "an", "two", "three",
    )
)  # fmt: skip


def another_trade(product_idea: str, sources: list[Source]) -> list[str]:
    """The trade of the staff the idea sends to its customers ("Kirameki sends opticians on a round of
    nursing homes"), when no source names any word of it: the sources are about the same customers
    served by another trade (hearing-aid technicians at the same homes), not about this service.
    Empty when the idea names no staff it sends, or a source names them."""
    sentence = defining_split(product_idea)[0]
    staff = STAFF.search(sentence)
    if not staff or not sources:
        return []
    words = [word for word in terms(staff["phrase"]) if stem(word) not in VOUCHED | GENERIC_STEMS]
    seen: Counter[str] = Counter()
    for source in sources:
        seen.update(counts(f"{source.title} {source.content}"))
    if not words or any(seen[stem(word)] for word in words):
        return []
    return [staff["phrase"]]


def _bare_context(product_idea: str) -> ProductContext:
    return ProductContext(
        product_idea=product_idea, sector="", target_customer="", product_context="",
        queries=AgentQueries(market="", competitor="", customer=""),
    )  # fmt: skip


def _unmentioned(product_idea: str, sources: list[Source]) -> tuple[list[str], int]:
    """(the customer's words no source uses, as the idea writes them; how many words name the customer)."""
    idea = idea_terms(_bare_context(product_idea)).spelled_out(sources)
    seen: Counter[str] = Counter()
    for source in sources:
        seen.update(counts(f"{source.title} {source.content}"))
    written = {stem(key): surface for surface, key in words_of(product_idea)}
    missing = [written[term] for term in sorted(idea.customer) if not seen[term] and term in written]
    return [as_written.group(0) if (as_written := re.search(rf"\b{re.escape(word)}", product_idea, re.I))
            else word for word in missing], len(idea.customer)  # fmt: skip


def another_place(product_idea: str, sources: list[Source]) -> tuple[list[str], list[str]]:
    """(the places the idea is set in, the countries its sources are about) when the sources are
    about somewhere else: none names the idea's places, their countries or a region or city in them,
    and at least half of them name one same other country. Home visits to elderly parents "in Lisbon"
    researched on pages about Indian cities are not evidence for Lisbon, however well the service
    matches; a page about "British households" does cover an idea set "in Leeds". Empty otherwise."""
    places = gazetteer.countries_of_idea(product_idea)
    if not places or not sources:
        return [], []
    wanted = frozenset(code for codes in places.values() for code in codes)
    texts = [f"{source.title}\n{source.content}" for source in sources]
    if any(gazetteer.mentions(text, wanted) for text in texts):
        return [], []
    named: Counter[str] = Counter(code for text in texts for code in gazetteer.places_named(text) - wanted)
    elsewhere = [code for code, count in named.most_common() if count * 2 >= len(sources)]
    if not elsewhere:
        return [], []
    return list(places), [gazetteer.country_name(code) for code in elsewhere]
