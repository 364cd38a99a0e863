"""Competitor findings from the relevant sources: rivals, their profiles, saturation and gaps."""

from __future__ import annotations

from agents.analysts.competitors.candidates import about, competitor_names
from agents.analysts.competitors.closed import about_rivals, closed_rivals
from agents.analysts.competitors.gaps import find_gaps
from agents.analysts.competitors.listings import (
    Listing,
    heading_listings,
    name_led,
    own_products,
    page_owner,
    priced_mentions,
    table_listings,
)
from agents.analysts.competitors.names import Names
from agents.analysts.competitors.profile import describe
from agents.analysts.competitors.saturation import saturation
from agents.analysts.competitors.structure import list_leads
from agents.analysts.customer_text import on_topic
from agents.analysts.sentences import Sentence, all_sentences
from agents.analysts.vetting import Evidence, is_statement
from agents.state import Competitor, CompetitorFindings

MAX_COMPETITORS = 8
COMPARISON = 3  # competitors a source names to be a comparison


def voices(evidence: Evidence) -> frozenset[str]:
    """Sources that report what people said (interviews, surveys): their bold leads title points."""
    return frozenset(a.source_id for a in evidence.assessments if a.source_type in ("interviews", "survey"))


def comparisons(sentences: list[Sentence], competitors: list[Competitor]) -> set[str]:
    """Sources that name three competitors or more: a comparison, whoever wrote it, not one company's ad."""
    named: dict[str, set[str]] = {}
    for competitor in competitors:
        for sentence in about(competitor.name, sentences):
            named.setdefault(sentence.source_id, set()).add(competitor.name)
    return {source_id for source_id, names in named.items() if len(names) >= COMPARISON}


def with_own_prices(compared: dict[str, Listing], owned: dict[str, Listing]) -> dict[str, Listing]:
    """A comparison's rows, each with its company's own price list quoted after it when the sources hold
    that page too: the comparison prices the product, the page adds its add-ons and fees."""
    for name, listing in compared.items():
        if name in owned:
            quoted = {claim_.quote for claim_ in listing.evidence}
            listing.evidence += [claim_ for claim_ in owned[name].evidence if claim_.quote not in quoted]
            listing.pricing = listing.pricing or owned[name].pricing
    return compared


def analyse_competitors(evidence: Evidence, focus: set[str]) -> CompetitorFindings:
    """Competitor findings built only from the relevant sources' own sentences and tables."""
    sources = [on_topic(source) for source in evidence.sources]  # a forum's off-topic aside names no rival
    sentences = [s for s in all_sentences(sources) if is_statement(s)]
    names = Names(sources)
    typed = frozenset(a.source_id for a in evidence.assessments if a.source_type not in ("vendor", "unknown"))
    owned = own_products(sources, typed)
    pages = frozenset(s.id for s in sources if page_owner(s, typed))  # their plans are not companies
    said = voices(evidence)
    listings = {
        **heading_listings(sources, names, pages | said),
        **priced_mentions(sentences, names, pages | said),
        **name_led(sources, names, pages | said),
        **owned,
        **with_own_prices(table_listings(sources, names, set(pages)), owned),
    }
    aliases: dict[str, str] = {}
    leads = list_leads(sources)
    found = competitor_names(sentences, listings, said, names, leads, pages, aliases)
    vendor = frozenset(evidence.vendor) | pages
    described = [
        describe(name, sentences, listings.get(name), said, aliases.get(name, ""), vendor) for name in found
    ]
    # rivals that closed, named by the relevant sources or by news about a rival they name
    news = about_rivals(evidence.others, found)
    told = sentences + [s for s in all_sentences(news) if is_statement(s)]
    closed = closed_rivals(told, names, found)
    # priced competitors first, then those that closed, then the most mentioned
    ranked = sorted(
        enumerate(described + closed),
        key=lambda pair: (not pair[1].pricing, pair[1] not in closed, pair[0]),
    )
    competitors = [competitor for _, competitor in ranked][:MAX_COMPETITORS]
    cited = {i for c in competitors for claim_ in c.evidence for i in claim_.source_ids}
    read = {source.id for source in news} & cited  # about the market after all: a rival's news
    # a vendor's "gap" is an ad; a comparison of several products is not a vendor's, whatever its tone
    compared = comparisons(sentences, competitors)
    ads = (evidence.vendor | pages) - compared
    gaps = find_gaps(sentences, ads, focus, leads, [c.name for c in competitors], compared)
    independent = [s for s in sentences if s.source_id not in ads]
    level, rationale, _ = saturation(independent, len([c for c in competitors if c not in closed]))
    listed = ", ".join(c.name for c in competitors)
    not_found = [name for name, items in (("competitors", competitors), ("gaps", gaps)) if not items]
    if competitors:
        summary = (
            f"{len(competitors)} competitors identified ({listed}); saturation {level}; {len(gaps)} gaps."
        )
    else:
        summary = "Competitors: not found in the sources."
        if not _explicit(rationale):
            rationale = "Not found in the sources: no competitor of this idea is named in them."
    return CompetitorFindings(
        summary=summary,
        competitors=competitors,
        gaps=gaps,
        saturation=level,
        saturation_rationale=rationale,
        not_found=not_found,
        sources=[
            note.model_copy(update={"relevant": True}) if note.source_id in read else note
            for note in evidence.assessments
        ],
    )


def _explicit(rationale: str) -> bool:
    """Whether the saturation rationale quotes a source (rather than counting competitors)."""
    return not rationale.endswith("competitors identified in the retrieved sources.")
