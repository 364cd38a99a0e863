"""Loading local documents (Markdown with front matter, text, HTML, PDF) and the online-source cache.

The cache is a :class:`SourceStore`: online runs store each extracted source, the local provider
searches them alongside the corpus. Workers get a shared store from the runner (MongoDB, so every
machine sees the same sources); :class:`SourceCache` is the folder implementation for the graph run
on its own. Folder format: one JSON file per URL, named ``<sha256(url)[:32]>.json``, holding
``{"url", "title", "content", "retrieved_at" (ISO 8601), "provider"}``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Protocol

logger = logging.getLogger(__name__)

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm", ".pdf")


@dataclass(frozen=True)
class Document:
    """One searchable document: its URL, title, full text, whether it is sample data, kind and idea."""

    url: str
    title: str
    text: str
    sample: bool = False
    kind: str = ""
    idea: str = ""
    published: str = ""  # ISO date from the front matter or meta tag, when stated


def parse_front_matter(raw: str) -> tuple[dict[str, str], str]:
    """Split simple ``key: value`` front matter from a Markdown body."""
    match = FRONT_MATTER.match(raw)
    if not match:
        return {}, raw
    meta: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, separator, value = line.partition(":")
        if separator:
            meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta, raw[match.end() :]


TEXT_HEADER = re.compile(r"^(title|url|published|kind|idea|sample(?: data)?):\s*(.*)$", re.IGNORECASE)


def parse_text_header(raw: str) -> tuple[dict[str, str], str]:
    """Split leading ``Title: …`` / ``URL: …`` / ``Sample data: …`` lines from a plain-text body."""
    meta: dict[str, str] = {}
    lines = raw.splitlines()
    index = 0
    while index < len(lines) and (match := TEXT_HEADER.match(lines[index].strip())):
        key = match.group(1).lower()
        meta["sample" if key.startswith("sample") else key] = (
            "true" if key.startswith("sample") else match.group(2)
        )
        index += 1
    return meta, "\n".join(lines[index:])


def _title_from_text(text: str, fallback: str) -> str:
    for line in text.splitlines():
        stripped = line.strip().lstrip("#").strip()
        if stripped:
            return stripped[:200]
    return fallback


def _read_pdf(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


HTML_META_NAMES = {"title", "url", "published", "kind", "idea", "sample"}
HTML_HIDDEN = {"head", "title", "script", "style", "template", "noscript"}
SAMPLE_NOTICE = re.compile(r"\bsample data\s*:", re.IGNORECASE)
TRUE_VALUES = {"true", "yes", "1", "fictional"}


class _HtmlMeta(HTMLParser):
    """Collects ``<meta name=… content=…>`` tags, the ``<title>`` and the visible text of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self.visible: list[str] = []
        self._hidden = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            values = {key.lower(): value or "" for key, value in attrs}
            name = values.get("name", "").strip().lower()
            content = values.get("content", "").strip()
            if name in HTML_META_NAMES and content and name not in self.meta:
                self.meta[name] = content
        elif tag in HTML_HIDDEN:
            self._hidden += 1
            self._in_title = self._in_title or (tag == "title" and not self.title)

    def handle_endtag(self, tag: str) -> None:
        if tag in HTML_HIDDEN and self._hidden:
            self._hidden -= 1
            if tag == "title":
                self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._hidden:
            self.visible.append(data)


def parse_html_meta(raw: str) -> dict[str, str]:
    """``url``, ``title``, ``idea``, ``kind``, ``published`` and ``sample`` of an HTML page.

    ``sample`` is ``"true"`` or ``"false"`` from ``<meta name="sample">`` or, without that tag, from a
    visible "Sample data: …" notice; the title comes from ``<meta name="title">`` or ``<title>``.
    """
    parser = _HtmlMeta()
    parser.feed(raw)
    parser.close()
    meta = dict(parser.meta)
    title = " ".join(parser.title.split())
    if title and "title" not in meta:
        meta["title"] = title
    if "sample" in meta:
        meta["sample"] = "true" if meta["sample"].lower() in TRUE_VALUES else "false"
    elif SAMPLE_NOTICE.search(" ".join(parser.visible)):
        meta["sample"] = "true"
    return meta


HTML_SKIPPED = HTML_HIDDEN | {"nav", "footer", "aside", "form", "button", "select", "svg", "iframe", "object"}
HTML_BLOCKS = {
    "p", "div", "section", "article", "main", "header", "li", "tr", "table", "thead", "tbody", "tfoot",
    "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "figure", "figcaption", "hr", "address", "details",
    "summary", "caption",
}  # fmt: skip
HEADING_TAGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


class _HtmlMarkdown(HTMLParser):
    """A page's visible text as Markdown lines: headings keep their ``#`` level, list items their ``-``,
    bold its ``**``, table rows their ``|`` cells; navigation, footers and forms are left out, and only
    ``<main>`` (else ``<article>``) is read when the page has one."""

    def __init__(self, scope: str = "") -> None:
        super().__init__(convert_charrefs=True)
        self.scope = scope  # "main" or "article": only text inside it counts
        self.blocks: list[str] = []
        self._line: list[str] = []
        self._prefix = ""  # "# ", "- ", "> " for the line being built
        self._skipped = 0
        self._inside = 0 if scope else 1
        self._quote = 0
        self._pre = 0
        self._row: list[str] | None = None
        self._rows = 0  # rows of the current table written so far
        self._cell: list[str] | None = None
        self._bold = 0

    # the line being built
    def _flush(self) -> None:
        text = "".join(self._line)
        if not self._pre:
            text = " ".join(text.split())
        if text.count("**") % 2:
            text = text.replace("**", "")
        # spaces inside the markers move outside ("** Acme **" -> " **Acme** "); empty emphasis goes
        text = re.sub(r"\*\*(\s*)(.*?)(\s*)\*\*", lambda m: f"{m[1]}**{m[2]}**{m[3]}" if m[2] else m[1], text)
        text = " ".join(text.split()) if not self._pre else text.strip()
        if text and text != "**":
            quote = "> " if self._quote and not self._prefix.startswith(">") else ""
            self.blocks.append(f"{quote}{self._prefix}{text}")
        self._line, self._prefix = [], ""

    def _write(self, text: str) -> None:
        (self._cell if self._cell is not None else self._line).append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == self.scope:
            self._inside += 1
        if tag in HTML_SKIPPED:
            self._skipped += 1
            return
        if self._skipped or not self._inside:
            return
        if tag in HEADING_TAGS or tag in HTML_BLOCKS or tag == "br":
            if self._cell is None:
                self._flush()
            elif tag == "br" or tag in ("p", "div", "li"):
                self._write(" ")
        if tag in HEADING_TAGS and self._cell is None:
            self._prefix = "#" * HEADING_TAGS[tag] + " "
        elif tag == "li" and self._cell is None:
            self._prefix = "- "
        elif tag == "blockquote":
            self._quote += 1
        elif tag == "pre":
            self._pre += 1
        elif tag == "table":
            self._rows = 0
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag in ("strong", "b") and not self._prefix.startswith("#"):
            self._bold += 1
            if self._bold == 1 and self._cell is None:
                self._write("**")

    def handle_endtag(self, tag: str) -> None:
        if tag in HTML_SKIPPED and self._skipped:
            self._skipped -= 1
            return
        if self._skipped or not self._inside:
            return
        if tag in ("strong", "b") and self._bold:
            self._bold -= 1
            if not self._bold and self._cell is None:
                self._write("**")
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()).replace("|", "/"))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if any(self._row):
                self.blocks.append("| " + " | ".join(self._row) + " |")
                self._rows += 1
                if self._rows == 1:
                    self.blocks.append("|" + "---|" * len(self._row))
            self._row = None
        elif tag in HEADING_TAGS or tag in HTML_BLOCKS:
            if self._cell is None:
                self._flush()
            if tag == "blockquote" and self._quote:
                self._quote -= 1
            elif tag == "pre" and self._pre:
                self._pre -= 1
        if tag == self.scope and self._inside:
            self._flush()
            self._inside -= 1

    def handle_data(self, data: str) -> None:
        if self._skipped or not self._inside:
            return
        if self._pre and self._cell is None:
            for number, line in enumerate(data.split("\n")):
                if number:
                    self._flush()
                    self._pre = max(self._pre, 1)
                self._line.append(line)
            return
        self._write(data)

    def markdown(self) -> str:
        self._flush()
        lines: list[str] = []
        for block in self.blocks:
            # list items and table rows stay on consecutive lines; other blocks are paragraphs
            tight = bool(lines) and any(
                block.startswith(mark) and lines[-1].startswith(mark) for mark in ("- ", "|")
            )
            if lines and not tight:
                lines.append("")
            lines.append(block)
        return "\n".join(lines)


def _read_html(raw: str) -> str:
    """The page's text as Markdown (headings, lists, bold leads and tables kept), so pages read like the
    Markdown documents; trafilatura's extraction when the page yields nothing that way.

    trafilatura's own Markdown output (2.3, ``include_formatting``/``include_tables``) was tried in its
    place and lost what the analysts read: on short pages it drops the ``<h1>`` that repeats the title and
    often every section heading, so a "What none of them does" section's points no longer sit under
    their heading (one labelled comparison lost three of its four gaps); it also escapes underscores in
    handles ("pm\\_lisbon")."""
    lowered = raw.lower()
    scope = next((tag for tag in ("main", "article") if f"<{tag}" in lowered), "")
    parser = _HtmlMarkdown(scope)
    parser.feed(raw)
    parser.close()
    text = parser.markdown().strip()
    if text:
        return text
    import trafilatura

    return trafilatura.extract(raw, include_comments=False) or ""


def load_document(path: Path, root: Path) -> Document | None:
    """A document from a corpus file, or None when it holds no text."""
    suffix = path.suffix.lower()
    meta: dict[str, str] = {}
    if suffix in (".md", ".markdown", ".txt"):
        meta, text = parse_front_matter(path.read_text(errors="replace"))
        if not meta and suffix == ".txt":
            meta, text = parse_text_header(text)
    elif suffix in (".html", ".htm"):
        raw = path.read_text(errors="replace")
        meta, text = parse_html_meta(raw), _read_html(raw)
    elif suffix == ".pdf":
        text = _read_pdf(path)
    else:
        return None
    text = text.strip()
    if not text:
        return None
    url = meta.get("url") or f"corpus://{path.relative_to(root).as_posix()}"
    title = meta.get("title") or _title_from_text(text, path.stem)
    sample = meta.get("sample", "").lower() == "true"
    return Document(
        url=url, title=title, text=text, sample=sample, kind=meta.get("kind", ""), idea=meta.get("idea", ""),
        published=meta.get("published", ""),
    )  # fmt: skip


def load_corpus(root: Path) -> list[Document]:
    """Every readable document under ``root`` (unreadable files are logged and skipped)."""
    documents = []
    for path in sorted(root.rglob("*")):
        # the corpus's own README describes the corpus; it is not a source
        if not path.is_file() or path.suffix.lower() not in SUFFIXES or path.stem.upper() == "README":
            continue
        try:
            document = load_document(path, root)
        except Exception:  # one broken file must not take the corpus down
            logger.warning("skipping unreadable corpus file %s", path, exc_info=True)
            continue
        if document:
            documents.append(document)
    return documents


class SourceStore(Protocol):
    """Where sources fetched online are kept for offline reuse; a store outage never fails a research."""

    def store(self, *, url: str, title: str, content: str, provider: str) -> None:
        """Keep (or refresh) the source at ``url``."""
        ...

    def load(self) -> list[Document]:
        """Every kept source as a document (the newest copy of each URL)."""
        ...


class SourceCache:
    """Sources fetched by online runs, one JSON file per URL, reused by offline search (one machine)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def path_for(self, url: str) -> Path:
        """The cache file of ``url``."""
        return self.folder / f"{hashlib.sha256(url.encode()).hexdigest()[:32]}.json"

    def store(self, *, url: str, title: str, content: str, provider: str) -> None:
        """Write (or overwrite) the cached copy of ``url``."""
        self.folder.mkdir(parents=True, exist_ok=True)
        record = {
            "url": url,
            "title": title,
            "content": content,
            "retrieved_at": datetime.now(UTC).isoformat(),
            "provider": provider,
        }
        # a private temporary name per write: parallel agents may store the same URL at once
        temporary = self.path_for(url).with_suffix(f".{uuid.uuid4().hex}.tmp")
        temporary.write_text(json.dumps(record, ensure_ascii=False))
        temporary.replace(self.path_for(url))

    def load(self) -> list[Document]:
        """Every cached source as a document."""
        if not self.folder.is_dir():
            return []
        documents = []
        for path in sorted(self.folder.glob("*.json")):
            try:
                record = json.loads(path.read_text())
                documents.append(
                    Document(url=record["url"], title=record.get("title", ""), text=record["content"])
                )
            except (ValueError, KeyError, TypeError):
                logger.warning("skipping malformed cache file %s", path)
        return documents
