"""Build JSON instances that are valid against a JSON schema, with text taken from a prompt.

Strings are sentences copied verbatim from the prompt (so quotes can be verified against sources);
fields named like ``url`` get URLs from the prompt, fields named like ``source``/``citation`` get
source ids (``S1``, ``M2``…) from it. Each object in the output sticks to one prompt source, so a
claim's text, quote, URL and source id agree. Handles object, array, string, number, integer,
boolean, null, enum, const, anyOf/oneOf/allOf, ``$defs``/``$ref``, required and formats; ``pattern``
is honoured only when a candidate from the prompt happens to match it.
"""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass, field
from typing import Any

_SOURCE_ID = r"[A-Z]{1,2}\d{1,3}"
_MARKER = re.compile(
    rf"^\s*(?i:source\s*)?(?:\[({_SOURCE_ID})\]|\(({_SOURCE_ID})\)|({_SOURCE_ID})\s*[:|\u2014\u2013-]"
    rf"|<source[^>]*\bid=[\"']?({_SOURCE_ID}))",
    re.MULTILINE,
)
_URL = re.compile(r"https?://[^\s)\]>\"'|,]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“$£€(])")
_FIGURE = re.compile(
    r"[$£€]\d[\d,.]*\d(?:\s*(?:billion|million|trillion|bn)\b)?|[$£€]\d|\d[\d,.]*\s*(?:%|percent\b|billion\b|million\b)"
)
_FIGURE_FIELDS = {"value", "figure", "amount"}
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_CLAIM_FIELDS = {"text", "quote", "claim", "statement", "evidence", "excerpt", "finding"}
# names of fields a model keeps short; market/competitor/customer are the supervisor's queries
_SHORT_FIELDS: tuple[str, ...] = ("name", "title", "query", "sector", "label", "verdict", "segment")
_SHORT_FIELDS += ("customer", "market", "competitor", "geography", "scope", "quantity", "published")


@dataclass
class PromptSource:
    """A block of the prompt that belongs to one source."""

    id: str
    url: str
    sentences: list[str] = field(default_factory=list)


class PromptText:
    """The sources, sentences, URLs and ids found in a prompt."""

    def __init__(self, text: str) -> None:
        self.urls = list(dict.fromkeys(url.rstrip(".;:") for url in _URL.findall(text)))
        self.sources = _split_sources(text)
        self.ids = [source.id for source in self.sources if source.id]
        self.sentences = [sentence for source in self.sources for sentence in source.sentences]
        self.sentences = self.sentences or _sentences(text) or ["No evidence was given in the prompt."]


def _split_sources(text: str) -> list[PromptSource]:
    markers = list(_MARKER.finditer(text))
    if not markers:
        starts = [(match.start(), "", match.group(0)) for match in _URL.finditer(text)]
    else:
        starts = [(match.start(), next(group for group in match.groups() if group), "") for match in markers]
    if not starts:
        tagged = "\n".join(body for _, body in re.findall(r"<(\w+)>(.*?)</\1>", text, re.DOTALL))
        return [PromptSource("", "", _sentences(tagged) or _sentences(text))]  # tagged text is the data
    sources = []
    for index, (start, source_id, url) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        block = text[start:end]
        url = url or next(iter(_URL.findall(block)), "")
        body = "\n".join(line for line in block.splitlines() if not _is_header_line(line))
        sources.append(PromptSource(source_id, url.rstrip(".;:"), _sentences(body)))
    return [source for source in sources if source.sentences] or sources


def _is_header_line(line: str) -> bool:
    return bool(
        _MARKER.match(line) or _URL.search(line) or re.match(r"^\s*(title|url|published)\s*:", line, re.I)
    )


def _sentences(text: str) -> list[str]:
    found = []
    for line in text.splitlines():
        line = re.sub(r"^\s*(#+|[-*>]|\d+\.)\s*", "", line).strip()
        for part in _SENTENCE_END.split(line):
            if len(part.split()) >= 4 and not part.rstrip().endswith(":"):
                found.append(part.strip())
    return found


class InstanceBuilder:
    """Generates one instance of a schema from a prompt; deterministic for a given seed."""

    def __init__(self, schema: dict[str, Any], prompt: PromptText, seed: int = 0) -> None:
        self.root = schema
        self.prompt = prompt
        self.random = random.Random(seed)
        self._next_source = 0
        self._sentence_cursor: dict[str, int] = {}
        self._claim_sentence = ""  # the object being built states and quotes this sentence

    def build(self) -> Any:
        """An instance valid against the root schema."""
        return self.value(self.root, name="", source=self._take_source())

    def value(self, schema: dict[str, Any], name: str, source: PromptSource) -> Any:
        """An instance of ``schema`` for a field called ``name``."""
        schema = self._resolve(schema)
        if "const" in schema:
            return schema["const"]
        if "enum" in schema:
            return self.random.choice(schema["enum"])
        for key in ("anyOf", "oneOf"):
            if key in schema:
                options = [self._resolve(option) for option in schema[key]]
                chosen = next((o for o in options if o.get("type") != "null"), options[0])
                if chosen.get("type") == "boolean" and len(options) > 1:
                    return None  # e.g. ``verified``: a model has no business asserting it
                return self.value(chosen, name, source)
        if "allOf" in schema:
            merged: dict[str, Any] = {}
            for part in schema["allOf"]:
                merged = _merge(merged, self._resolve(part))
            return self.value(merged, name, source)
        kind = _type_of(schema)
        return getattr(self, f"_{kind}")(schema, name, source)

    def _resolve(self, schema: dict[str, Any] | bool) -> dict[str, Any]:
        if not isinstance(schema, dict):
            return {}
        while "$ref" in schema:
            pointer = schema["$ref"].lstrip("#/").split("/")
            target: Any = self.root
            for part in pointer:
                target = target[part.replace("~1", "/").replace("~0", "~")]
            rest = {key: value for key, value in schema.items() if key != "$ref"}
            schema = {**target, **rest}
        return schema

    def _take_source(self) -> PromptSource:
        sources = self.prompt.sources
        source = sources[self._next_source % len(sources)]
        self._next_source += 1
        return source

    def _object(self, schema: dict[str, Any], name: str, source: PromptSource) -> dict[str, Any]:
        properties = schema.get("properties", {})
        outer, self._claim_sentence = self._claim_sentence, self._sentence(source, name)
        if _FIGURE_FIELDS & set(properties) and not _FIGURE.search(self._claim_sentence):
            with_figures = [sentence for sentence in source.sentences if _FIGURE.search(sentence)]
            if with_figures:
                turn = self._sentence_cursor.get("figures" + source.id + source.url, 0)
                self._sentence_cursor["figures" + source.id + source.url] = turn + 1
                self._claim_sentence = with_figures[turn % len(with_figures)]
        result = {}
        for key, sub in properties.items():
            claim_sentence = self._claim_sentence
            result[key] = self.value(sub, key, source)
            self._claim_sentence = claim_sentence  # nested objects pick their own sentence
        for key in schema.get("required", []):
            result.setdefault(key, self._sentence(source, key))
        self._claim_sentence = outer
        return result

    def _array(self, schema: dict[str, Any], name: str, source: PromptSource) -> list[Any]:
        low = schema.get("minItems", 0)
        high = schema.get("maxItems", max(low, 3))
        count = max(low, min(high, 1 if _wants_ids(name) or _wants_url(name) else 3))
        items = schema.get("items", {})
        resolved = self._resolve(items)
        if _type_of(resolved) == "object" or "$ref" in items:
            return [self.value(items, name, self._take_source()) for _ in range(count)]
        values = [self.value(items, name, source) for _ in range(count)]
        if schema.get("uniqueItems"):
            values = list({repr(value): value for value in values}.values())
        return values

    def _string(self, schema: dict[str, Any], name: str, source: PromptSource) -> str:
        text = self._string_candidate(schema, name, source)
        if pattern := schema.get("pattern"):
            candidates = [text, *self.prompt.ids, *self.prompt.urls, *self.prompt.sentences]
            text = next((c for c in candidates if re.search(pattern, c)), text)
        minimum, maximum = schema.get("minLength", 0), schema.get("maxLength")
        if maximum is not None:
            text = text[:maximum]
        return text.ljust(minimum, ".")

    def _string_candidate(self, schema: dict[str, Any], name: str, source: PromptSource) -> str:
        string_format = schema.get("format", "")
        if string_format == "date-time":
            return "2025-06-01T12:00:00Z"
        if string_format == "date":
            return "2025-06-01"
        if string_format == "email":
            return "analyst@example.com"
        if string_format in {"uri", "url"} or _wants_url(name):
            return source.url or next(iter(self.prompt.urls), "https://example.com/")
        if _wants_ids(name):
            return source.id or next(iter(self.prompt.ids), source.url or "S1")
        if name.lower() in _CLAIM_FIELDS:
            return self._claim_sentence
        if name.lower() in {*_FIGURE_FIELDS, "year", "period"}:
            pattern = _YEAR if name.lower() in {"year", "period"} else _FIGURE
            # a figure states what its own quote states (the checks compare the two)
            found = [match.group(0).strip() for match in pattern.finditer(self._claim_sentence)]
            return found[0] if found else ""
        sentence = self._sentence(source, name)
        if any(word in name.lower() for word in _SHORT_FIELDS):
            return " ".join(sentence.split()[:8]).rstrip(",;:")
        return sentence

    def _sentence(self, source: PromptSource, name: str) -> str:
        sentences = source.sentences or self.prompt.sentences
        cursor = self._sentence_cursor.get(source.id + source.url, 0)
        self._sentence_cursor[source.id + source.url] = cursor + 1
        return sentences[cursor % len(sentences)]

    def _integer(self, schema: dict[str, Any], name: str, source: PromptSource) -> int:
        low, high = _bounds(schema, integer=True, name=name)
        step = schema.get("multipleOf") or 1
        first, last = math.ceil(low / step), math.floor(high / step)
        return int(self.random.randint(first, max(first, last)) * step)

    def _number(self, schema: dict[str, Any], name: str, source: PromptSource) -> float:
        low, high = _bounds(schema, integer=False, name=name)
        return round(self.random.uniform(low, high), 2) if high - low >= 0.02 else low

    def _boolean(self, schema: dict[str, Any], name: str, source: PromptSource) -> bool:
        return self.random.random() < 0.5

    def _null(self, schema: dict[str, Any], name: str, source: PromptSource) -> None:
        return None


def _type_of(schema: dict[str, Any]) -> str:
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind:
        return str(kind)
    if "properties" in schema:
        return "object"
    return "array" if "items" in schema else "string"


def _bounds(schema: dict[str, Any], integer: bool, name: str) -> tuple[float, float]:
    shift = 1 if integer else 0.01
    is_score = "score" in name.lower()
    low: float = schema.get("minimum", 0)
    high: float = schema.get("maximum", 100 if is_score or "total" in name.lower() else 10)
    if "exclusiveMinimum" in schema:
        low = (
            max(low, schema["exclusiveMinimum"] + shift)
            if "minimum" in schema
            else schema["exclusiveMinimum"] + shift
        )
    if "exclusiveMaximum" in schema:
        high = (
            min(high, schema["exclusiveMaximum"] - shift)
            if "maximum" in schema
            else schema["exclusiveMaximum"] - shift
        )
    high = max(low, high)
    return (low + (high - low) / 2, high) if is_score and high - low > 2 else (low, high)


def _merge(left: dict[str, Any], right: dict[str, Any]) -> dict[str, Any]:
    merged = {**left, **right}
    if "properties" in left and "properties" in right:
        merged["properties"] = {**left["properties"], **right["properties"]}
        merged["required"] = list(dict.fromkeys([*left.get("required", []), *right.get("required", [])]))
    return merged


def _wants_url(name: str) -> bool:
    lowered = name.lower()
    return "url" in lowered or "link" in lowered


def _wants_ids(name: str) -> bool:
    lowered = name.lower()
    return any(word in lowered for word in ("source", "citation", "cite")) and not _wants_url(name)


def build_instance(schema: dict[str, Any], prompt: str, seed: int = 0) -> Any:
    """A JSON value valid against ``schema`` whose text comes from ``prompt``."""
    return InstanceBuilder(schema, PromptText(prompt), seed).build()
