"""One competitor's profile: its pricing, positioning, strengths and weaknesses."""

from __future__ import annotations

import re

from agents.analysts.competitors.candidates import about, own_section, referring
from agents.analysts.competitors.listings import Listing, row_cells
from agents.analysts.competitors.prices import cell_price, priced, prices_in
from agents.analysts.competitors.structure import bold_items
from agents.analysts.extractive_market import claim
from agents.analysts.sentences import Sentence, keyword_hits, rank
from agents.state import Claim, Competitor

POSITION_WORDS = (
    "positions", "leader", "built for", "aimed at", "targets", "designed for", "focus", "best for",
    "sells only", "only to", "for teams", "for small", "for large", "specialis", "specializ",
)  # fmt: skip
STRENGTH_WORDS = ("best", "strength", "fastest", "leader", "leads", "handles", "loved", "praised", "easiest")
WEAKNESS_WORDS = (
    "weakness", "lacks", "only works", "cannot", "complain", "expensive", "too long", "limited", "does not",
    "doesn't", "no ", "only ",
)  # fmt: skip
# verbs of a customer speaking of what they pay, not of what a product costs
SPEND = re.compile(r"\b(?:I|we|they|he|she|you)\s(?:\w+\s)?(?:pay|paid|spend|spent|buy|bought)\b", re.I)


def describe(
    name: str,
    sentences: list[Sentence],
    row: Claim | Listing | None = None,
    voices: frozenset[str] = frozenset(),
    item: str = "",
    vendor: frozenset[str] = frozenset(),
) -> Competitor:
    """A competitor's pricing, positioning, strengths and weaknesses: its table row or own page first,
    then its own item or section, then sentences it is the subject of, then others naming it (``item``:
    the bold name of its item when it differs, "KlinikSprache app"; a positioning is taken from ``vendor``
    pages last)."""
    listing = row if isinstance(row, Listing) else Listing(name=name, evidence=[row] if row else [])
    if isinstance(row, Claim):
        listing.pricing = cell_price(next((c for c in row_cells(row.quote)[1:] if priced(c)), ""))
    section = own_section(name, sentences) + bold_items(sentences).get(item or name, [])
    naming = about(name, sentences)
    mine = list(dict.fromkeys([*naming, *section, *referring(naming, sentences)]))
    subject = [s for s in mine if s.text.lstrip("*").startswith(name)]
    after = referring(subject, sentences)
    others = [s for s in mine if s.source_id not in voices and not SPEND.search(s.text)]
    pricing_sentence = next(
        (s for group in (section, [*subject, *after], others) for s in group if priced(s.text)), None
    )
    positioning = next(
        (
            s
            for s in sorted(mine, key=lambda s: s.source_id in vendor)
            if keyword_hits(s.text, POSITION_WORDS)
        ),
        section[0] if section else subject[0] if subject else None,
    )
    strengths = rank(mine, STRENGTH_WORDS, set(), 2)
    weaknesses = rank(
        [s for s in mine if s.source_id not in voices or s in section], WEAKNESS_WORDS, set(), 2
    )
    evidence: list[Claim] = list(listing.evidence)
    pricing = listing.pricing
    if not pricing and pricing_sentence is not None:
        pricing = ", ".join(prices_in(pricing_sentence.text))
    chosen = [s for s in (None if listing.pricing else pricing_sentence, positioning) if s]
    quoted = {claim_.quote for claim_ in evidence}
    evidence += [claim(s) for s in dict.fromkeys(chosen) if s.text not in quoted]
    position_text = listing.positioning or (positioning.text if positioning else "")
    return Competitor(
        name=name,
        pricing=pricing,
        positioning=position_text,
        strengths=[s.text for s in strengths],
        weaknesses=[s.text for s in weaknesses if s not in strengths],
        evidence=evidence,
    )
