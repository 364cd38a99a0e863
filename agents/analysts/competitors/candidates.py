"""Finding rivals' names: the subject of a pricing or positioning sentence, a priced bold item's
lead, a product's own section; and the sentences that speak of a named rival."""

from __future__ import annotations

import re
from collections import Counter

from agents.analysts.competitors.gaps import GAP_TITLE
from agents.analysts.competitors.listings import Listing
from agents.analysts.competitors.names import NAME, ROLE_NOUNS, Names, phrase_like, proper, proper_part
from agents.analysts.competitors.prices import has_amount, priced
from agents.analysts.competitors.structure import (
    HEADING_NAME,
    bold_items,
    bold_lead,
    bold_name,
    context_of,
    in_list,
    subtitles,
)
from agents.analysts.sentences import OPPORTUNITY_HEADING, TREND_HEADING, Sentence, keyword_hits
from agents.analysts.vetting import is_method_section
from agents.state import Claim

# what a product or a company does in the sentence it is the subject of
OFFER_VERBS = (
    r"costs|charges|is priced|is free|starts at|offers|positions itself|holds|is the (?:\w+ )?leader|is a |"
    r"is an |prices|sells|leads|launched|has an? |supports|targets|rents|leases|lends|provides|operates|"
    r"runs|builds|makes|bills|licenses|includes|covers|coaches|advances|buys|gives|lets|serves|"
    r"specialises|specializes|focuses|competes|is built|is aimed|is designed|is available|comes with|"
    r"price is|prices start|plans? starts?|pricing starts|fees? (?:is|are|starts?)|subscription costs"
)
# the subject opens the sentence, in bold or not ("**Acme** costs …"; never inside a bold title)
SUBJECT = re.compile(rf"^(?:\*\*(?P<bold>{NAME})\*\*|(?P<name>{NAME}))(?:'s)? (?:{OFFER_VERBS})")
FEE = re.compile(r"\b(?:fees?|charges?|charging|commission|priced|costs?)\b", re.I)
PRONOUN_LEAD = re.compile(r"^(?:It|It's|Its|Their|They|They're)\b")


def not_about_rivals(context: str) -> bool:
    """A section of trends, gaps, openings or method: its bold leads title points, not products."""
    return bool(
        context
        and (
            TREND_HEADING.search(context)
            or GAP_TITLE.search(context)
            or OPPORTUNITY_HEADING.search(context)
            or any(is_method_section(part) for part in context.split(" | "))
        )
    )


def structural_names(
    sentences: list[Sentence],
    voices: frozenset[str] = frozenset(),
    names: Names | None = None,
    leads: set[tuple[str, str]] | None = None,
    skip: frozenset[str] = frozenset(),
    aliases: dict[str, str] | None = None,
) -> Counter[str]:
    """Names heading a product's own section ("## Acme — …") or leading a priced bold item ("**Acme** — $9").

    Titled points are left out: in interview or survey notes ("**Night-time panic.**"), under a trends,
    gaps or method heading, or a plain phrase ("Fees at risk") unless it leads a priced option of a list
    ("4. **Bank overdrafts.** … at 28% a year"). A name a description follows counts as its proper
    part ("**KlinikSprache app.**" is KlinikSprache); ``aliases`` maps it to the item's bold name.
    """
    names = names or Names([])
    leads = leads or set()
    titles = subtitles(sentences)
    found: Counter[str] = Counter()
    by_heading: dict[tuple[str, str], list[Sentence]] = {}
    for sentence in sentences:
        by_heading.setdefault((sentence.source_id, sentence.heading), []).append(sentence)
    for name, item in bold_items(sentences).items():
        for lead, rest in _by_lead(name, item):
            _, titled = bold_lead(lead)
            if lead.source_id in skip or not_about_rivals(context_of(lead, titles)):
                continue
            if lead.source_id in voices and (titled or not proper(name)):
                continue  # interview and survey notes title their points and their speakers
            text = " ".join(s.text for s in [lead, *rest])
            part = proper_part(name)
            if part != name and names.ambiguous(part):
                part = ""  # "**Marina credit.**", "**Repair.**": a title, unless named elsewhere too
            if names.acceptable(part) and (priced(text) or FEE.search(text) or _sells(text)):
                found[part] += 1
                if aliases is not None and part != name:
                    aliases[part] = name
            elif phrase_like(name) and has_amount(text) and in_list(lead, leads):
                found[name] += 1
    for (source_id, heading), section in by_heading.items():
        match = HEADING_NAME.match(heading)
        if source_id in skip or not match:
            continue
        name = match.group("name")
        if not (names.acceptable(name) and proper(name)):
            continue
        if about(name, section) and any(_sells(s.text) for s in section):
            found[name] += 1
    return found


def _by_lead(name: str, item: list[Sentence]) -> list[tuple[Sentence, list[Sentence]]]:
    """An item's sentences grouped under each of its bold leads (a name may lead items in several sources)."""
    groups: list[tuple[Sentence, list[Sentence]]] = []
    for sentence in item:
        if bold_name(sentence) == name:
            groups.append((sentence, []))
        elif groups:
            groups[-1][1].append(sentence)
    return groups


def _sells(text: str) -> bool:
    return priced(text) or bool(
        keyword_hits(text, ("positions", "pric", "plan", "leader", "sells", "subscription"))
    )


def subject_names(sentences: list[Sentence], names: Names) -> Counter[str]:
    """Names that are the subject of a pricing or positioning sentence ("Acme costs $9 a month"), or of a
    sentence whose next one prices it ("Acme is a clinic. It costs $249 a month.")."""
    following = {(s.source_id, s.position): s for s in sentences}
    found: Counter[str] = Counter()
    for sentence in sentences:
        match = SUBJECT.match(sentence.text)
        if not match:
            continue
        name = match.group("bold") or match.group("name")
        first, _, rest = name.partition(" ")
        if first.lower() in ROLE_NOUNS and rest:
            name = rest
        if not (names.acceptable(name) and proper(name)):
            continue
        after = following.get((sentence.source_id, sentence.position + 1))
        text = sentence.text
        if after is not None and PRONOUN_LEAD.match(after.text):
            text = f"{text} {after.text}"
        if priced(text) or keyword_hits(sentence.text, ("positions", "leader", "share")):
            found[name] += 1
    return found


def competitor_names(
    sentences: list[Sentence],
    tables: dict[str, Claim] | dict[str, Listing] | None = None,
    voices: frozenset[str] = frozenset(),
    names: Names | None = None,
    leads: set[tuple[str, str]] | None = None,
    skip: frozenset[str] = frozenset(),
    aliases: dict[str, str] | None = None,
) -> list[str]:
    """Names that are the subject of a pricing or positioning sentence, most mentioned first."""
    names = names or Names([])
    subjects: Counter[str] = Counter()
    subjects.update(subject_names(sentences, names))
    subjects.update(structural_names(sentences, voices, names, leads, skip, aliases))
    subjects.update({name: 1 for name in tables or {}})
    # product tiers ("Acme Plus") belong to the competitor whose name they extend
    kept = [name for name in subjects if not any(name.startswith(f"{other} ") for other in subjects)]
    mentions = Counter({name: sum(name in s.text for s in sentences) for name in kept})
    return [name for name, _ in mentions.most_common()]


def about(name: str, sentences: list[Sentence]) -> list[Sentence]:
    """Sentences that mention ``name`` as a whole word."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    return [sentence for sentence in sentences if pattern.search(sentence.text)]


def mentions(name: str, sentences: list[Sentence]) -> list[Sentence]:
    """Sentences about ``name``: naming it, under its heading, or in its bold-led item."""
    items = bold_items(sentences).get(name, [])
    naming = about(name, sentences)
    return list(
        dict.fromkeys([*naming, *own_section(name, sentences), *items, *referring(naming, sentences)])
    )


def referring(naming: list[Sentence], sentences: list[Sentence]) -> list[Sentence]:
    """The sentence right after one naming a product when it refers back to it ("It's $79 a month")."""
    after = {(s.source_id, s.position + 1) for s in naming}
    return [s for s in sentences if (s.source_id, s.position) in after and PRONOUN_LEAD.match(s.text)]


def own_section(name: str, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences under a heading that names ``name`` ("## Acme — the budget option")."""
    result = []
    for sentence in sentences:
        match = HEADING_NAME.match(sentence.heading)
        if match and match.group("name") == name:
            result.append(sentence)
    return result
