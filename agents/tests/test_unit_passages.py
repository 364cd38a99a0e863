"""Passage selection for the LLM analyst: passages ranked within a page, the depth's token budget, and
evidence found wherever it sits in a long page (the corpus's real pages, no model)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from agents.analysts.llm import FOCUS, sources_block
from agents.analysts.passages import (
    CHARS_PER_TOKEN,
    GAP,
    estimate_tokens,
    rank_passages,
    select_passages,
    share_budget,
    split_passages,
)
from agents.config import DEFAULT_CORPUS
from agents.providers.documents import Document
from agents.providers.local import LocalCorpusSearchProvider
from agents.state import Source
from catalogue.depths import resolve_depth

NOW = datetime(2026, 1, 1, tzinfo=UTC)
DEPTHS = ("essential", "standard", "deep")
MARKET_QUERY = "meal planning app market size " + FOCUS["market"]


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return LocalCorpusSearchProvider(DEFAULT_CORPUS, cache_dir=None).documents()


def page(documents: list[Document], idea: str, kind: str) -> Document:
    return next(doc for doc in documents if doc.idea == idea and doc.kind == kind)


def filler(documents: list[Document], idea: str, tokens: int) -> str:
    """Real pages about another idea, repeated to ``tokens``: text that does not answer the question."""
    other = "\n\n".join(doc.text for doc in documents if doc.idea != idea)
    return ((other + "\n\n") * (tokens * CHARS_PER_TOKEN // len(other) + 1))[: tokens * CHARS_PER_TOKEN]


def figure_sentences(text: str, word: str) -> list[str]:
    """Sentences of ``text`` that state a figure with ``word`` (read from the page, not written here)."""
    sentences = [s for part in re.split(r"\n\s*\n", text) for s in re.split(r"(?<=[.!?])\s+", part)]
    return [flat(s) for s in sentences if word in s and re.search(r"\d", s)]


def flat(text: str) -> str:
    return " ".join(text.split())


def passages_of(selection: str) -> list[str]:
    return [part for part in selection.split("\n\n") if part != GAP.strip()]


def test_the_passage_answering_the_question_ranks_first_within_the_page(documents: list[Document]) -> None:
    # given a real competitor page cut into passages, and the one passage that states a monthly price
    competitor = page(documents, "ai-meal-planning-families", "competitor")
    passages = split_passages(competitor.text)
    priced = [i for i, text in enumerate(passages) if re.search(r"\$\d[\d.,]* (?:per|a|/) ?month", text)]
    assert len(passages) > 3 and priced
    # when they are ranked for the competitor agent's question
    ranking = rank_passages(passages, "meal planner app " + FOCUS["competitor"])
    # then a priced passage comes first, and a question sharing no word with the page keeps page order
    assert ranking[0] in priced
    assert sorted(ranking) == list(range(len(passages)))
    assert rank_passages(passages, "zzzqx") == list(range(len(passages)))


@pytest.mark.parametrize("depth", DEPTHS)
def test_selection_stays_within_the_depth_budget_and_keeps_page_order(
    documents: list[Document], depth: str
) -> None:
    # given a page three times longer than the depth's budget
    tokens = resolve_depth(depth).passage_tokens
    idea = "ai-meal-planning-families"
    text = filler(documents, idea, tokens) + "\n\n" + page(documents, idea, "market").text + "\n\n"
    text += filler(documents, idea, tokens * 2)
    # when the market agent's passages are selected
    selection = select_passages(text, MARKET_QUERY, tokens)
    chosen = passages_of(selection)
    # then they fit the budget, are whole passages of the page, and come in page order
    assert sum(estimate_tokens(part) for part in chosen) <= tokens
    assert sum(estimate_tokens(part) for part in chosen) > tokens * 0.8  # the budget is used, not wasted
    position, whole = 0, flat(text)
    for part in chosen:  # each found after the one before it (ValueError if out of order or not whole)
        position = whole.index(flat(part), position) + len(flat(part))
    # and a page within the budget is passed whole
    short = page(documents, idea, "market").text
    assert select_passages(short, MARKET_QUERY, estimate_tokens(short)) == short.strip()


def test_a_deeper_budget_reads_more_of_the_page(documents: list[Document]) -> None:
    idea = "ai-meal-planning-families"
    text = filler(documents, idea, 20_000) + "\n\n" + page(documents, idea, "market").text
    sizes = [len(select_passages(text, MARKET_QUERY, resolve_depth(d).passage_tokens)) for d in DEPTHS]
    assert sizes == sorted(sizes) and sizes[0] < sizes[-1]


@pytest.mark.parametrize("depth", DEPTHS)
def test_evidence_late_in_a_long_page_is_found(documents: list[Document], depth: str) -> None:
    # given the market-size evidence after ~12,000 tokens of text about other ideas
    idea = "ai-meal-planning-families"
    market = page(documents, idea, "market")
    evidence = figure_sentences(market.text, "billion")
    assert evidence
    text = filler(documents, idea, 12_000) + "\n\n" + market.text
    assert not any(sentence in flat(text[:6000]) for sentence in evidence)  # past the old 6,000-char cut
    # when the market agent's passages are selected within the depth's budget
    selection = select_passages(text, MARKET_QUERY, resolve_depth(depth).passage_tokens)
    # then the passages stating the market size are among them
    assert all(sentence in flat(selection) for sentence in evidence), evidence


def test_sources_share_the_budget_and_the_prompt_shows_each_source(documents: list[Document]) -> None:
    # given one long and two short pages, and the essential budget
    idea = "ai-meal-planning-families"
    tokens = resolve_depth("essential").passage_tokens
    short = [doc for doc in documents if doc.idea == idea and doc.kind == "customer"][:2]
    long_text = filler(documents, idea, 10_000) + "\n\n" + page(documents, idea, "market").text
    sources = [
        Source(
            id="M1",
            url="https://long.example/page",
            title="Long",
            content=long_text,
            agent="market",
            retrieved_at=NOW,
        ),
        *(
            Source(
                id=f"C{i}", url=doc.url, title=doc.title, content=doc.text, agent="customer", retrieved_at=NOW
            )
            for i, doc in enumerate(short)
        ),
    ]
    # then short pages get what they need and the long one the rest
    sizes = [estimate_tokens(source.content) for source in sources]
    budgets = share_budget(sizes, tokens)
    assert sum(budgets) <= tokens
    assert budgets[1:] == sizes[1:] and budgets[0] == tokens - sum(sizes[1:])
    # and the prompt carries every short page whole and the long one cut to its share
    block = sources_block(sources, MARKET_QUERY, tokens)
    for source in sources[1:]:
        assert source.content.strip() in block
    assert estimate_tokens(block) <= tokens + 200 * len(sources)  # the budget plus each source's header
