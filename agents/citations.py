"""Citations you can trust: resolve cited ids/URLs to retrieved sources, verify quotes, count grounding.

A claim may cite a source by id (``S1``, ``M2``) or by URL. A reference to anything not retrieved in
this research is dropped and counted. Two separate checks are made on every claim, whichever analyst
wrote it:

* ``quote_found``: its quote, normalised (casefolded, whitespace collapsed, quotes/dashes unified,
  Markdown emphasis removed), occurs in the stored text of one of its cited sources;
* ``values_match``: every number and year the claim states (in its text, value or year) occurs in
  its quote, so a claim cannot say "$12.4 billion" while quoting a sentence about "$3.9 billion".

``verified`` is their conjunction. A claim failing either earns no score points.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from pydantic import BaseModel

from agents.state import Citation, Claim, Grounding, Recommendation, Source

SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032"
DOUBLE_QUOTES = "\u201c\u201d\u201e\u2033\u00ab\u00bb"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
QUOTES = str.maketrans(
    {
        **dict.fromkeys(SINGLE_QUOTES, "'"),
        **dict.fromkeys(DOUBLE_QUOTES, '"'),
        **dict.fromkeys(DASHES, "-"),
        "\u00a0": " ",
        "*": "",
        "`": "",
    }
)
WHITESPACE = re.compile(r"\s+")
# a number as written: "3.5", "1,200", "2024", "13.4" (of "13.4%"); ids such as "S1" are not numbers
NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\d])")


# a text table's dot leader between a label and its value ("events, 2025 ........ $29m"), which a quote
# writes as the label, a colon and the value
LEADER = re.compile(r"\s*(?:\.\s?){4,}\s*|\s*\u2026{2,}\s*")


def normalise(text: str) -> str:
    """Text reduced for quote matching: NFKC, unified quotes and dashes, no emphasis, dot leaders read as a
    colon, casefolded."""
    text = unicodedata.normalize("NFKC", text).translate(QUOTES)
    return WHITESPACE.sub(" ", LEADER.sub(": ", text)).strip().casefold()


def quote_found(quote: str, content: str) -> bool:
    """Whether a non-empty ``quote`` occurs in ``content`` after normalisation."""
    needle = normalise(quote).strip(" .\"'")
    return bool(needle) and needle in normalise(content)


def numbers(text: str) -> set[float]:
    """The numbers written in ``text`` ("$1,200.50 in 2024" -> {1200.5, 2024.0})."""
    found: set[float] = set()
    for match in NUMBER.finditer(unicodedata.normalize("NFKC", text)):
        written = match.group(0).rstrip(",")
        # "7,50" is a decimal comma; "1,200" and "12,000,000" are thousands separators
        if re.fullmatch(r"\d+,\d{1,2}", written):
            written = written.replace(",", ".")
        try:
            found.add(float(written.replace(",", "")))
        except ValueError:
            continue
    return found


def claim_numbers(claim: Claim) -> set[float]:
    """Every number and year a claim states: in its text and, for a figure, its value and year."""
    stated = [claim.text, str(getattr(claim, "value", "")), str(getattr(claim, "year", ""))]
    return set().union(*(numbers(text) for text in stated))


def values_in_quote(text: str, quote: str) -> bool:
    """Whether every number written in ``text`` also occurs in ``quote`` (True when it states none)."""
    return numbers(text) <= numbers(quote)


def values_match(claim: Claim) -> bool:
    """Whether the claim's numbers and years all occur in its quote."""
    return claim_numbers(claim) <= numbers(claim.quote)


def check_claim(claim: Claim, sources: dict[str, Source]) -> None:
    """Set the claim's two checks and ``verified`` (sources must already be resolved)."""
    claim.quote_found = any(
        quote_found(claim.quote, sources[source_id].content)
        for source_id in claim.source_ids
        if source_id in sources
    )
    claim.values_match = values_match(claim)
    claim.verified = claim.quote_found and claim.values_match


def passes_checks(claim: Claim) -> bool:
    """Whether a claim may count: no check failed (claims not yet checked pass)."""
    return claim.quote_found is not False and claim.values_match is not False and claim.verified is not False


def iter_claims(model: BaseModel) -> Iterator[Claim]:
    """Every Claim inside ``model`` (depth first), including nested lists."""
    if isinstance(model, Claim):
        yield model
    for name in type(model).model_fields:
        value = getattr(model, name)
        children = value if isinstance(value, list) else [value]
        for child in children:
            if isinstance(child, BaseModel):
                yield from iter_claims(child)


def resolve(references: Iterable[str], sources: dict[str, Source]) -> tuple[list[str], int]:
    """Cited ids/URLs mapped to known source ids (deduplicated), and how many referred to nothing."""
    by_url = {source.url.rstrip("/"): source.id for source in sources.values()}
    resolved: list[str] = []
    dropped = 0
    for reference in references:
        reference = reference.strip().strip("[]")
        source_id = reference if reference in sources else by_url.get(reference.rstrip("/"))
        if source_id is None:
            dropped += 1
        elif source_id not in resolved:
            resolved.append(source_id)
    return resolved, dropped


def verify_claim(claim: Claim, sources: dict[str, Source]) -> int:
    """Resolve the claim's sources and run its checks; returns the citations dropped."""
    claim.source_ids, dropped = resolve(claim.source_ids, sources)
    check_claim(claim, sources)
    return dropped


def verify_findings(findings: BaseModel, sources: list[Source]) -> int:
    """Verify every claim of ``findings`` in place against ``sources``; returns citations dropped."""
    known = {source.id: source for source in sources}
    return sum(verify_claim(claim, known) for claim in iter_claims(findings))


def resolve_recommendations(recommendations: list[Recommendation], sources: list[Source]) -> int:
    """Keep only retrieved sources on each recommendation; returns citations dropped."""
    known = {source.id: source for source in sources}
    dropped = 0
    for recommendation in recommendations:
        recommendation.source_ids, lost = resolve(recommendation.source_ids, known)
        dropped += lost
    return dropped


def grounding(models: Iterable[BaseModel], dropped: int) -> Grounding:
    """Claims made, cited (at least one retrieved source), verified, and citations dropped."""
    claims = [claim for model in models for claim in iter_claims(model)]
    return Grounding(
        claims=len(claims),
        cited=sum(1 for claim in claims if claim.source_ids),
        verified=sum(1 for claim in claims if claim.verified),
        dropped=dropped,
        quote_not_found=sum(1 for claim in claims if claim.quote_found is False),
        values_mismatch=sum(1 for claim in claims if claim.values_match is False),
    )


def citations(models: Iterable[BaseModel], extra_ids: Iterable[str], sources: list[Source]) -> list[Citation]:
    """One citation per source cited by a claim (or by ``extra_ids``), in source order, with claim counts."""
    counts: dict[str, list[int]] = {}
    for model in models:
        for claim in iter_claims(model):
            for source_id in claim.source_ids:
                tally = counts.setdefault(source_id, [0, 0])
                tally[0] += 1
                tally[1] += 1 if claim.verified else 0
    for source_id in extra_ids:
        counts.setdefault(source_id, [0, 0])
    return [
        Citation(
            id=source.id,
            url=source.url,
            title=source.title,
            claims=counts[source.id][0],
            verified=counts[source.id][1],
            sample=source.sample,
        )
        for source in sources
        if source.id in counts
    ]


def merge_sources(sources: list[Source]) -> tuple[list[Source], dict[str, str]]:
    """Sources deduplicated by URL and renumbered S1..Sn, and the map from agent ids to the new ids."""
    merged: list[Source] = []
    by_url: dict[str, str] = {}
    mapping: dict[str, str] = {}
    for source in sources:
        key = source.url.rstrip("/")
        if key not in by_url:
            by_url[key] = f"S{len(merged) + 1}"
            merged.append(source.model_copy(update={"id": by_url[key]}))
        mapping[source.id] = by_url[key]
    return merged, mapping


def renumber(
    models: Iterable[BaseModel], recommendations: list[Recommendation], mapping: dict[str, str]
) -> None:
    """Rewrite source ids in place from agent ids to report ids (unknown ids are kept for resolve to drop)."""
    for model in models:
        for claim in iter_claims(model):
            claim.source_ids = list(dict.fromkeys(mapping.get(i, i) for i in claim.source_ids))
    for recommendation in recommendations:
        recommendation.source_ids = list(dict.fromkeys(mapping.get(i, i) for i in recommendation.source_ids))
