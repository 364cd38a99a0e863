"""Code checks on every model answer, before anything reaches the report writer or the score.

A model's claim stays only when it passes the analyst's checks (``agents.citations``): it cites a
retrieved source, its quote is found in that source, and every number and year it states is in its
quote. Everything else the model wrote is held to the quotes that survived: a competitor or a segment
needs checked evidence; its pricing, positioning, strengths, weaknesses and description, a summary or a
rationale keep only the sentences whose numbers are in those quotes; a conflict's values must be in
the sources each side cites. What is removed is counted (``Checked.dropped``) for the methodology.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from agents import citations as cite
from agents.analysts.idea import parse_idea, terms
from agents.state import AGENTS, AgentQueries, Claim, Source

_SENTENCE = re.compile(r"(?<=[.!?])\s+")
# The supervisor is asked for at most 12 words per query; twice that is no longer one focused search
# (and a search API bounds its query: Tavily's is 400 characters).
MAX_QUERY_WORDS = 24
MAX_QUERY_CHARS = 240
_LETTER = re.compile(r"[^\W\d_]")


@dataclass
class Checked:
    """The answer with only what passed, and how many items were removed."""

    value: Any
    dropped: int = 0
    claims: int = 0  # claims the model made (before the checks)
    claims_dropped: int = 0  # of those, the claims removed (quote not in the source, numbers not in it)
    citations: int = 0  # citations of sources never retrieved (on claims kept or removed)


def backed_text(text: str, quotes: str) -> tuple[str, int]:
    """``text`` without the sentences stating a number absent from ``quotes``; and how many went."""
    kept, dropped = [], 0
    for sentence in _SENTENCE.split(text.strip()) if text.strip() else []:
        if cite.values_in_quote(sentence, quotes):
            kept.append(sentence)
        else:
            dropped += 1
    return " ".join(kept), dropped


def check_answer(value: BaseModel, sources: list[Source]) -> Checked:
    """Check ``value`` (findings of one agent) in place against ``sources``; remove what fails."""
    known = {source.id: source for source in sources}
    result = Checked(value)
    result.claims = sum(1 for _ in cite.iter_claims(value))
    _prune(value, known, result)
    quotes = " ".join(claim.quote for claim in cite.iter_claims(value))
    for name in ("summary", "saturation_rationale"):
        if isinstance(getattr(value, name, None), str):
            text, lost = backed_text(getattr(value, name), quotes)
            setattr(value, name, text)
            result.dropped += lost
    if hasattr(value, "conflicts"):
        kept = [conflict for conflict in value.conflicts if _conflict_backed(conflict, known)]
        result.dropped += len(value.conflicts) - len(kept)
        value.conflicts = kept
    return result


def check_text(value: BaseModel, fields: tuple[str, ...], quotes: str) -> int:
    """Hold the named text fields of ``value`` to ``quotes`` (numbers); returns the sentences removed."""
    dropped = 0
    for name in fields:
        text, lost = backed_text(getattr(value, name), quotes)
        setattr(value, name, text)
        dropped += lost
    return dropped


def _prune(model: BaseModel, known: dict[str, Source], result: Checked) -> None:
    """Remove failing claims from every list of ``model``, then unbacked competitors and segments."""
    for name in type(model).model_fields:
        items = getattr(model, name)
        if isinstance(items, BaseModel) and not isinstance(items, Claim):
            _prune(items, known, result)
        if not isinstance(items, list):
            continue
        kept = []
        for item in items:
            if isinstance(item, Claim):
                result.citations += cite.verify_claim(item, known)
                if not item.verified:
                    result.dropped += 1
                    result.claims_dropped += 1
                    continue
            elif isinstance(item, BaseModel):
                _prune(item, known, result)
                if not _entity_backed(item, result):
                    continue
            kept.append(item)
        setattr(model, name, kept)


def _entity_backed(item: BaseModel, result: Checked) -> bool:
    """A competitor or segment stays with checked evidence; its free text is held to that evidence."""
    evidence = getattr(item, "evidence", None)
    if evidence is None:
        return True
    if not evidence:
        result.dropped += 1
        return False
    quotes = " ".join(claim.quote for claim in evidence)
    for name in ("pricing", "positioning", "description"):
        if isinstance(getattr(item, name, None), str):
            result.dropped += check_text(item, (name,), quotes)
    for name in ("strengths", "weaknesses"):
        values = getattr(item, name, None)
        if isinstance(values, list):
            kept = [text for text in values if cite.values_in_quote(text, quotes)]
            result.dropped += len(values) - len(kept)
            setattr(item, name, kept)
    return True


def _conflict_backed(conflict: Any, known: dict[str, Source]) -> bool:
    """Every side's value is written in a source it cites, and at least two sides remain."""
    sides = getattr(conflict, "sides", [])
    for side in sides:
        side.source_ids, _ = cite.resolve(side.source_ids, known)
        contents = " ".join(known[source_id].content for source_id in side.source_ids)
        if not side.source_ids or not cite.values_in_quote(f"{side.value} {side.year}", contents):
            return False
    return len(sides) >= 2


def query_problem(query: str, idea_terms: set[str]) -> str:
    """Why ``query`` is no usable search for an idea whose distinctive terms are ``idea_terms``; "" if
    it is: it is one line of at most ``MAX_QUERY_WORDS`` words and ``MAX_QUERY_CHARS`` characters, most
    of its words are words (not symbols or numbers), and it names at least one of the idea's terms
    (an idea without distinctive terms is held to the rest)."""
    words = query.split()
    if not words:
        return "blank"
    if len(words) > MAX_QUERY_WORDS or len(query) > MAX_QUERY_CHARS:
        return f"too long ({len(words)} words, {len(query)} characters)"
    if not query.isprintable():
        return "not one line of text"
    if sum(1 for word in words if _LETTER.search(word)) * 2 < len(words):
        return "mostly not words"
    if idea_terms and not idea_terms & set(terms(query)):
        return "none of the idea's distinctive terms"
    return ""


def checked_queries(queries: AgentQueries, product_idea: str) -> tuple[AgentQueries, dict[str, str]]:
    """The model's queries, each one with a problem (:func:`query_problem`) replaced by the query
    derived from the idea (``parse_idea``); and the problem of each agent's replaced query."""
    idea_terms = set(terms(product_idea))
    fallback = parse_idea(product_idea).queries
    kept: dict[str, str] = {}
    problems: dict[str, str] = {}
    for agent in AGENTS:
        query = " ".join(getattr(queries, agent).split())
        problem = query_problem(query, idea_terms)
        if problem and query != getattr(fallback, agent):
            problems[agent] = problem
        kept[agent] = getattr(fallback, agent) if problem else query
    return AgentQueries(**kept), problems
