"""Offline search: BM25 (bm25s) over the local corpus plus sources cached from earlier online runs."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import bm25s

from agents.providers.base import ExtractedPage, ExtractResponse, SearchHit, SearchResponse
from agents.providers.documents import Document, SourceCache, SourceStore, load_corpus

SNIPPET_CHARS = 300
WORD = re.compile(r"\w\w+")


class LocalCorpusSearchProvider:
    """A SearchProvider over a folder of documents; costs no credits and never touches the network."""

    name = "local"

    def __init__(
        self, corpus_dir: Path, cache_dir: Path | None = None, source_store: SourceStore | None = None
    ) -> None:
        self.corpus_dir = Path(corpus_dir)
        self.cache_dir = Path(cache_dir) if cache_dir else None
        self.source_store = source_store or (SourceCache(self.cache_dir) if self.cache_dir else None)
        self._lock = threading.Lock()
        self._documents: list[Document] | None = None
        self._retriever: bm25s.BM25 | None = None

    def documents(self) -> list[Document]:
        """The indexed documents (loaded and indexed on first use); cached URLs win over corpus ones."""
        with self._lock:
            if self._documents is None:
                self._build_index()
            assert self._documents is not None
            return self._documents

    def _build_index(self) -> None:
        by_url: dict[str, Document] = {}
        for document in load_corpus(self.corpus_dir) if self.corpus_dir.is_dir() else []:
            by_url[document.url] = document
        if self.source_store is not None:
            for document in self.source_store.load():
                by_url[document.url] = document
        self._documents = list(by_url.values())
        self._retriever = None
        if self._documents:
            # the document's kind label (market, competitor, customer) is indexed as a word of its own
            texts = [f"{document.kind}\n{document.title}\n{document.text}" for document in self._documents]
            tokens = bm25s.tokenize(texts, stopwords="en", stemmer=plural_stem, show_progress=False)
            self._retriever = bm25s.BM25()
            self._retriever.index(tokens, show_progress=False)

    def search(self, query: str, *, search_depth: str, max_results: int) -> SearchResponse:
        """The ``max_results`` best documents for ``query`` by BM25 (only documents that match a term)."""
        documents = self.documents()
        if not documents or self._retriever is None or max_results <= 0:
            return SearchResponse(query=query, hits=[])
        query_tokens = bm25s.tokenize([query], stopwords="en", stemmer=plural_stem, show_progress=False)
        k = min(max_results, len(documents))
        indexes, scores = self._retriever.retrieve(query_tokens, k=k, show_progress=False)
        hits = [
            SearchHit(
                url=documents[int(index)].url,
                title=documents[int(index)].title,
                content=snippet(documents[int(index)].text, query),
                score=round(float(score), 4),
            )
            for index, score in zip(indexes[0], scores[0], strict=True)
            if float(score) > 0
        ]
        return SearchResponse(query=query, hits=hits)

    def extract(self, urls: list[str], *, extract_depth: str) -> ExtractResponse:
        """The full text of each known URL; unknown URLs are reported as failed."""
        by_url = {document.url: document for document in self.documents()}
        pages, failed = [], []
        for url in urls:
            document = by_url.get(url)
            if document is None:
                failed.append((url, "not in the local corpus"))
            else:
                pages.append(
                    ExtractedPage(
                        url=url, raw_content=document.text, title=document.title, published=document.published
                    )
                )
        return ExtractResponse(pages=pages, failed=failed)

    def is_sample(self, url: str) -> bool:
        """Whether ``url`` is a document of the shipped sample corpus."""
        return any(document.url == url and document.sample for document in self.documents())


def plural_stem(tokens: list[str]) -> list[str]:
    """A minimal stemmer (plural endings only), so "competitors" matches "competitor"."""
    return [_singular(token) for token in tokens]


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def snippet(text: str, query: str) -> str:
    """The paragraph of ``text`` sharing most words with ``query``, cut to a snippet."""
    terms = {word.lower() for word in WORD.findall(query)}
    paragraphs = [paragraph.strip() for paragraph in text.split("\n\n") if len(paragraph.strip()) > 40]
    if not paragraphs:
        return text[:SNIPPET_CHARS]
    best = max(paragraphs, key=lambda paragraph: len(terms & {w.lower() for w in WORD.findall(paragraph)}))
    return best[:SNIPPET_CHARS]
