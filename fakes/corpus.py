"""The documents the fake Tavily serves: a folder of Markdown/text/HTML files, ranked by term overlap.

Markdown files carry front matter (``title``, ``url``, ``published``, ``idea``, ``kind``, ``sample``);
text files may start with ``Title:`` / ``URL:`` lines; HTML files give ``<title>`` and a canonical link.
A file without a URL gets ``https://corpus.example/<relative path>``.
"""

from __future__ import annotations

import html
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / "agents" / "corpus"
SUFFIXES = {".md", ".markdown", ".txt", ".html", ".htm"}
_STOPWORD_TEXT = (
    "a an and are as at be by for from has have how in is it its of on or that the their this to was "
    "were what when which who why will with vs versus into about"
)
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_WORD = re.compile(r"[a-z0-9][a-z0-9'\u2019-]*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“$£€(])")


@dataclass(frozen=True)
class Document:
    """One servable document."""

    url: str
    title: str
    body: str
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def sentences(self) -> list[str]:
        """The body's sentences, headings and list markers dropped."""
        return split_sentences(self.body)


def terms(text: str) -> list[str]:
    """Lower-cased content words of ``text``."""
    return [word.strip("'\u2019-") for word in _WORD.findall(text.lower()) if word not in STOPWORDS]


def split_sentences(text: str, prose_only: bool = False) -> list[str]:
    """Sentences of Markdown/plain text, one line at a time; ``prose_only`` skips headings and quotes."""
    sentences: list[str] = []
    for line in text.splitlines():
        if prose_only and re.match(r"^\s*(#|>)", line):
            continue
        line = re.sub(r"^\s*(#+|[-*>]|\d+\.)\s*", "", line).strip()
        if line:
            sentences.extend(part.strip() for part in _SENTENCE_END.split(line) if part.strip())
    return sentences


def load_corpus(folder: Path = DEFAULT_CORPUS) -> list[Document]:
    """Every document under ``folder`` (recursively, READMEs excepted), in path order."""
    documents = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix.lower() in SUFFIXES and not path.stem.lower().startswith("readme"):
            documents.append(parse_document(path, folder))
    return documents


def parse_document(path: Path, root: Path) -> Document:
    """Read one file into a Document."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix.lower() in {".html", ".htm"}:
        metadata, body = _parse_html(text)
    elif text.startswith("---"):
        metadata, body = _parse_front_matter(text)
    else:
        metadata, body = _parse_header_lines(text)
    url = metadata.get("url") or f"https://corpus.example/{path.relative_to(root).as_posix()}"
    title = metadata.get("title") or _first_heading(body) or path.stem.replace("-", " ")
    return Document(url=url, title=title, body=body.strip(), metadata=metadata)


def _parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    head, separator, body = text[3:].partition("\n---")
    if not separator:
        return {}, text
    metadata = {}
    for line in head.splitlines():
        key, colon, value = line.partition(":")
        if colon and key.strip():
            metadata[key.strip().lower()] = value.strip().strip("\"'")
    return metadata, body.lstrip("-\n")


def _parse_header_lines(text: str) -> tuple[dict[str, str], str]:
    metadata: dict[str, str] = {}
    lines = text.splitlines()
    while lines and re.match(r"^(title|url|published|source):", lines[0], re.IGNORECASE):
        key, _, value = lines.pop(0).partition(":")
        metadata[key.strip().lower()] = value.strip()
    return metadata, "\n".join(lines)


def _parse_html(text: str) -> tuple[dict[str, str], str]:
    metadata = {}
    if title := re.search(r"<title[^>]*>(.*?)</title>", text, re.IGNORECASE | re.DOTALL):
        metadata["title"] = html.unescape(title.group(1)).strip()
    link = re.search(r"<link[^>]+rel=[\"']canonical[\"'][^>]*>", text, re.IGNORECASE)
    meta = re.search(r"<meta[^>]+(?:property|name)=[\"'](?:og:url|url)[\"'][^>]*>", text, re.IGNORECASE)
    for tag in (link, meta):
        if tag and (href := re.search(r"(?:href|content)=[\"']([^\"']+)", tag.group(0))):
            metadata["url"] = href.group(1)
            break
    body = re.sub(r"<(script|style|head)[^>]*>.*?</\1>", " ", text, flags=re.IGNORECASE | re.DOTALL)
    body = re.sub(r"<(?:br|/p|/h\d|/li|/div|/tr)[^>]*>", "\n", body, flags=re.IGNORECASE)
    body = html.unescape(re.sub(r"<[^>]+>", " ", body))
    return metadata, "\n".join(" ".join(line.split()) for line in body.splitlines() if line.strip())


def _first_heading(body: str) -> str:
    match = re.search(r"^#\s+(.+)$", body, re.MULTILINE)
    return match.group(1).strip() if match else ""


class Index:
    """Term-overlap ranking over a list of documents."""

    def __init__(self, documents: list[Document]) -> None:
        self.documents = documents
        self.by_url = {_normalise_url(document.url): document for document in documents}
        self._counts = [Counter(terms(f"{d.title} {d.title} {d.body}")) for d in documents]

    def find(self, url: str) -> Document | None:
        """The document served at ``url`` (trailing slash and scheme case ignored)."""
        return self.by_url.get(_normalise_url(url))

    def rank(self, query: str) -> list[tuple[Document, float]]:
        """All documents, best first, each with a score in (0, 1]."""
        wanted = set(terms(query)) or {""}
        scored = []
        for position, (document, counts) in enumerate(zip(self.documents, self._counts, strict=True)):
            matched = [term for term in wanted if counts[term]]
            weight = sum(1 + math.log(counts[term]) for term in matched)
            coverage = len(matched) / len(wanted)
            score = round(0.05 + 0.9 * coverage * min(1.0, 0.5 + weight / (4 * len(wanted))), 4)
            scored.append((-score, position, document))
        scored.sort(key=lambda item: (item[0], item[1]))
        return [(document, -negative) for negative, _, document in scored]

    @staticmethod
    def snippet(document: Document, query: str, sentences: int = 2) -> str:
        """The ``sentences`` consecutive body sentences that share the most terms with ``query``."""
        parts = split_sentences(document.body, prose_only=True) or document.sentences
        if not parts:
            return document.title
        wanted = set(terms(query))
        best_start, best_overlap = 0, -1
        for start in range(max(1, len(parts) - sentences + 1)):
            overlap = len(wanted & set(terms(" ".join(parts[start : start + sentences]))))
            if overlap > best_overlap:
                best_start, best_overlap = start, overlap
        return " ".join(parts[best_start : best_start + sentences])


def _normalise_url(url: str) -> str:
    return url.strip().rstrip("/").lower()
