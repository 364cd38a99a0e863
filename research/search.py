"""Free-text task search without scanning: normalised tokens on each task, a per-owner vocabulary.

Each task document carries ``search_tokens``: the distinct normalised words of its title and idea
(case and accents folded), under a multikey index ``(owner_id, search_tokens)``. Each word typed is
a prefix: it is expanded through the owner's vocabulary (``search_terms``, one document per owner
and word, index ``(owner_id, term)``) with a range scan, and the task query asks for tokens ``$in``
those words. Both are plain equality/range index lookups, so they work the same on MongoDB and on
the embedded secantusdb. Only this module touches ``search_terms``.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from pymongo import ASCENDING
from pymongo.errors import BulkWriteError

from research.mongo import search_terms

WORD = re.compile(r"[^\W_]+")
MAX_TOKEN_LENGTH = 40
MAX_TOKENS = 300  # a task's words kept for search (ideas are at most a few hundred words)
MAX_EXPANSIONS = 200  # words one typed prefix may stand for (a one-letter prefix may cover more)
SUGGESTED_TERMS = 8
DUPLICATE_KEY = 11000


def words(text: str) -> list[str]:
    """The normalised words of ``text`` in order: case folded, accents removed, at most 40 characters."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(character for character in folded if not unicodedata.combining(character))
    return [word[:MAX_TOKEN_LENGTH] for word in WORD.findall(plain)]


def tokens(*texts: str) -> list[str]:
    """The distinct words of ``texts``, sorted: what a task stores in ``search_tokens``."""
    return sorted({word for text in texts for word in words(text)})[:MAX_TOKENS]


def vocabulary_add(owner_id: int, task_tokens: list[str]) -> None:
    """Record the owner's words (one insert round trip; words already known are skipped)."""
    if not task_tokens:
        return
    documents = [{"_id": f"{owner_id}:{token}", "owner_id": owner_id, "term": token} for token in task_tokens]
    try:
        search_terms().insert_many(documents, ordered=False)
    except BulkWriteError as error:
        if any(item.get("code") != DUPLICATE_KEY for item in error.details.get("writeErrors", [])):
            raise


def _range(prefix: str) -> dict[str, str]:
    return {"$gte": prefix, "$lt": prefix + "\U0010ffff"}


def expand(prefix: str, owner_ids: list[int] | None) -> list[str]:
    """The known words starting with ``prefix`` (of these owners; None = every owner), alphabetical."""
    query: dict[str, Any] = {"term": _range(prefix)}
    if owner_ids is not None:
        query = {"owner_id": owner_ids[0] if len(owner_ids) == 1 else {"$in": owner_ids}, **query}
    cursor = search_terms().find(query, {"term": 1, "_id": 0}).sort("term", ASCENDING)
    found = sorted({document["term"] for document in cursor})
    return found[:MAX_EXPANSIONS]


def text_clauses(text: str, owner_ids: list[int] | None) -> list[dict[str, Any]] | None:
    """One ``search_tokens`` clause per typed word, or None when the text can match no task."""
    typed = list(dict.fromkeys(words(text)))
    if not typed:
        return None
    clauses = []
    for prefix in typed:
        expanded = expand(prefix, owner_ids)
        if not expanded:
            return None
        clauses.append({"search_tokens": {"$in": expanded}})
    return clauses


def term_suggestions(owner_id: int, text: str, limit: int = SUGGESTED_TERMS) -> list[str]:
    """Completions of the last word being typed, from the owner's vocabulary."""
    typed = words(text)
    if not typed:
        return []
    return expand(typed[-1], [owner_id])[:limit]
