"""Free-text task search without scanning: normalised tokens on each task, a per-owner vocabulary.

Each task document carries ``search_tokens``: the distinct normalised words of its title and idea
(case and accents folded), under a multikey index ``(owner_id, search_tokens)``. Each word typed is
a prefix: it is expanded through the owner's vocabulary (``search_terms``, one document per owner
and word, index ``(owner_id, term)``) with a range scan.

An owner's search reads ``search_entries``: one small document per task (``_id`` the task id, its
owner, words and creation time, none of which ever change) under a multikey index
``(owner_id, tokens, created_at)``. The query is exactly ``{owner_id, tokens: {$in: words}}`` for the most
specific typed word — the shape the embedded secantusdb answers from the index (any further clause
makes it fall back to the owner's whole ``owner_created`` range), and a plain IXSCAN on MongoDB.
The other words and the date range are checked here, on the few fields fetched. The task documents
are 10-15 times larger (checkpoints), so reading every match from them cost most of a search; now
only the page's tasks are read, by id, with the visibility rules applied (``documents``).

Entries exist for every task that may be visible (written on insert, removed when the task is deleted
or discarded), so a task whose charge is not settled yet has one: such a task is never shown, and
counts at most for the moment between its insert and its charge. Staff search across owners still
uses ``search_tokens`` on the tasks (``text_clauses``). Only this module touches ``search_terms``
and ``search_entries``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone
from pymongo import ASCENDING, ReplaceOne
from pymongo.errors import BulkWriteError

from research.mongo import search_entries, search_terms

WORD = re.compile(r"[^\W_]+")
MAX_TOKEN_LENGTH = 40
MAX_TOKENS = 300  # a task's words kept for search (ideas are at most a few hundred words)
MAX_EXPANSIONS = 200  # words one typed prefix may stand for (a one-letter prefix may cover more)
SUGGESTED_TERMS = 8
MAX_RECENT_TERMS = 4  # a typed word standing for more words: suggestions read all its matches at once
RECENT_WINDOWS = (timedelta(days=1), timedelta(days=7), timedelta(days=31), timedelta(days=366))
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


# ---------------------------------------------------------------- an owner's search (search_entries)


def entry(task_id: str, owner_id: int, task_tokens: list[str], created_at: datetime) -> dict[str, Any]:
    """The search entry of a task."""
    return {"_id": task_id, "owner_id": owner_id, "tokens": task_tokens, "created_at": created_at}


def entries_store(entries: Iterable[dict[str, Any]]) -> None:
    """Write entries (replacing any of the same task): one round trip."""
    writes = [ReplaceOne({"_id": item["_id"]}, item, upsert=True) for item in entries]
    if writes:
        search_entries().bulk_write(writes, ordered=False)


def entries_remove(task_ids: list[str]) -> None:
    """Forget the entries of tasks deleted or discarded."""
    if task_ids:
        search_entries().delete_many({"_id": {"$in": task_ids}})


def entry_ids() -> set[str]:
    """The ids of every task that has an entry (the backfill looks for tasks without one)."""
    return {document["_id"] for document in search_entries().find({}, {"_id": 1})}


def entries_query(owner_id: int, expanded: list[str]) -> dict[str, Any]:
    """The index query for the tasks of ``owner_id`` having any of ``expanded`` (nothing else in it)."""
    return {"owner_id": owner_id, "tokens": {"$in": expanded}}


def owner_expansions(owner_id: int, text: str) -> list[list[str]]:
    """Per typed word, the owner's words it stands for; the most specific typed word first (it drives
    the index lookup). Empty when no word is typed or some word stands for nothing (no task matches)."""
    typed = list(dict.fromkeys(words(text)))
    # The longest typed word is the likeliest to be the rarest.
    typed.sort(key=len, reverse=True)
    expansions = []
    for prefix in typed:
        expanded = expand(prefix, [owner_id])
        if not expanded:
            return []
        expansions.append(expanded)
    return expansions


def owner_matches(
    owner_id: int,
    text: str,
    *,
    created_after: datetime | None = None,
    created_before: datetime | None = None,
    newest_first: bool = True,
) -> list[str]:
    """Ids of the owner's tasks having, for every word of ``text``, a word starting with it; ordered by
    creation time (newest first unless told otherwise; equal times by id). Includes tasks whose charge
    is not settled yet: the caller applies the visibility rules to what it shows."""
    expansions = owner_expansions(owner_id, text)
    if not expansions:
        return []
    query = entries_query(owner_id, expansions[0])
    found = _matching(query, expansions[1:], created_after, created_before)
    return _ordered(found, newest_first)


def newest_matches(owner_id: int, text: str, count: int) -> list[str]:
    """The first ``count`` of ``owner_matches`` (newest first), reading only recent entries if they hold
    that many: per word the typed word stands for, an index range ``(owner_id, token, created_at >=
    since)`` over the last day, week, month, year. Suggestions as you type need no total, so they do
    not pay for every match of a common word."""
    expansions = owner_expansions(owner_id, text)
    if not expansions:
        return []
    if len(expansions[0]) <= MAX_RECENT_TERMS:
        now = timezone.now()
        for window in RECENT_WINDOWS:
            found: dict[str, datetime] = {}
            for term in expansions[0]:
                query = {"owner_id": owner_id, "tokens": term, "created_at": {"$gte": now - window}}
                found.update((task_id, created) for created, task_id in _matching(query, expansions[1:]))
            if len(found) >= count:
                return _ordered([(created, task_id) for task_id, created in found.items()], True)[:count]
    query = entries_query(owner_id, expansions[0])
    return _ordered(_matching(query, expansions[1:]), True)[:count]


def _matching(
    query: dict[str, Any],
    other_expansions: list[list[str]],
    created_after: datetime | None = None,
    created_before: datetime | None = None,
) -> list[tuple[datetime, str]]:
    """(creation time, task id) of the entries ``query`` finds having a word of every other expansion,
    created in the range."""
    others = [set(expansion) for expansion in other_expansions]
    projection = {"created_at": 1, "tokens": 1} if others else {"created_at": 1}
    found: list[tuple[datetime, str]] = []
    for document in search_entries().find(query, projection):
        created = document["created_at"]
        if created_after is not None and created < created_after:
            continue
        if created_before is not None and created >= created_before:
            continue
        if others and any(expansion.isdisjoint(document["tokens"]) for expansion in others):
            continue
        found.append((created, document["_id"]))
    return found


def _ordered(found: list[tuple[datetime, str]], newest_first: bool) -> list[str]:
    found.sort(key=lambda item: item[1])  # ties by id, then (stable) by time
    found.sort(key=lambda item: item[0], reverse=newest_first)
    return [task_id for _, task_id in found]
