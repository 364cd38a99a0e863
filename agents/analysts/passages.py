"""Passage selection for the LLM analyst: from each page, the passages that answer the agent's question.

A page is cut into passages (paragraphs; long ones into windows of whole sentences), the passages are
ranked within the page by BM25 (bm25s) against the agent's query, the idea's words and the agent's
focus terms, and the best are kept, in page order, until the page's share of the depth's token budget
is spent. The model sees these passages; quotes are still verified against the whole stored page.
"""

from __future__ import annotations

import re

import bm25s

from agents.providers.local import plural_stem

CHARS_PER_TOKEN = 4  # a rough, provider-independent token estimate
PASSAGE_WORDS = 90  # a long paragraph is cut into windows of about this many words
MIN_PASSAGE_WORDS = 4
DEFAULT_PASSAGE_TOKENS = 3000  # the research's SearchBudget.passage_tokens replaces it per depth
GAP = "\n[…]\n"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“$£€(])")


def estimate_tokens(text: str) -> int:
    """Tokens ``text`` takes, roughly (four characters per token)."""
    return max(1, len(text) // CHARS_PER_TOKEN) if text else 0


def split_passages(text: str) -> list[str]:
    """Paragraphs of ``text``; paragraphs longer than ``PASSAGE_WORDS`` become windows of sentences."""
    passages: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        paragraph = paragraph.strip()
        if len(paragraph.split()) < MIN_PASSAGE_WORDS:
            if paragraph and passages:  # a heading or a short line stays with what follows it
                passages.append(paragraph)
            continue
        window: list[str] = []
        for sentence in _SENTENCE_END.split(paragraph):
            window.append(sentence)
            if sum(len(part.split()) for part in window) >= PASSAGE_WORDS:
                passages.append(" ".join(window))
                window = []
        if window:
            passages.append(" ".join(window))
    return passages


def rank_passages(passages: list[str], query: str) -> list[int]:
    """Indexes of ``passages``, best match for ``query`` first (BM25 within the page; ties in page order)."""
    if len(passages) <= 1:
        return list(range(len(passages)))
    tokens = bm25s.tokenize(passages, stopwords="en", stemmer=plural_stem, show_progress=False)
    query_tokens = bm25s.tokenize([query], stopwords="en", stemmer=plural_stem, show_progress=False)
    if not tokens.vocab or not query_tokens.vocab:
        return list(range(len(passages)))
    shared = [word for word in query_tokens.vocab if word in tokens.vocab]
    if not shared:  # the question shares no word with the page: page order (bm25s fails on no words)
        return list(range(len(passages)))
    retriever = bm25s.BM25()
    retriever.index(tokens, show_progress=False)
    scores = retriever.get_scores(shared)
    return sorted(range(len(passages)), key=lambda index: (-float(scores[index]), index))


def select_passages(text: str, query: str, tokens: int) -> str:
    """The passages of ``text`` that best answer ``query``, in page order, within ``tokens``."""
    if estimate_tokens(text) <= tokens:
        return text.strip()
    passages = split_passages(text)
    chosen: list[int] = []
    spent = 0
    for index in rank_passages(passages, query):
        cost = estimate_tokens(passages[index])
        if spent + cost > tokens:
            continue  # a shorter passage further down the ranking may still fit
        chosen.append(index)
        spent += cost
    if not chosen:  # one passage longer than the whole budget: its start
        best = rank_passages(passages, query)[0] if passages else 0
        return passages[best][: tokens * CHARS_PER_TOKEN] if passages else ""
    chosen.sort()
    parts: list[str] = []
    for position, index in enumerate(chosen):
        if position and index != chosen[position - 1] + 1:
            parts.append(GAP.strip())
        parts.append(passages[index])
    return "\n\n".join(parts)


def share_budget(sizes: list[int], tokens: int) -> list[int]:
    """Split ``tokens`` over pages of ``sizes`` tokens: short pages take what they need, long ones share
    the rest equally."""
    budgets = [0] * len(sizes)
    remaining, pending = tokens, sorted(range(len(sizes)), key=lambda index: sizes[index])
    while pending:
        fair = remaining // len(pending)
        index = pending.pop(0)
        budgets[index] = min(sizes[index], fair)
        remaining -= budgets[index]
    return budgets
