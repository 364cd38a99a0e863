"""MongoDB repository for research tasks: the only module that reads or writes ``research_tasks``.

Returns plain dataclasses. Status changes are conditional updates, so terminal states stay final
and concurrent writers (worker, abort, reaper) cannot overwrite each other. Every write that
changed a task calls ``_changed`` afterwards, which retires the task's status snapshot in Redis.
Only ``research.lifecycle`` calls the writing functions.

Two kinds of task are kept but never shown to their owner: one whose charge is not settled yet
(``charged`` False: submit writes the task before it charges) and a deleted one (``deleted_at``
set: a tombstone that keeps the request id bound and the ledger reconcilable).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from typing import Any

from django.utils import timezone
from pymongo import ASCENDING, DESCENDING, ReturnDocument
from pymongo.errors import DuplicateKeyError

from research import search
from research.mongo import research_tasks
from research.states import REFUNDED_STATUSES, RUNNING, TERMINAL, TaskStatus

QUEUED, PROCESSING, COMPLETED = TaskStatus.QUEUED, TaskStatus.PROCESSING, TaskStatus.COMPLETED
FAILED, ABORTED = TaskStatus.FAILED, TaskStatus.ABORTED
INSUFFICIENT_EVIDENCE = TaskStatus.INSUFFICIENT_EVIDENCE  # contract 2: a report but no score, refunded
STATUSES: tuple[str, ...] = tuple(TaskStatus)
# What an owner may see: settled (charged) and not deleted. Old documents lack both fields.
VISIBLE: dict[str, Any] = {"charged": {"$ne": False}, "deleted_at": None}

SORTS: dict[str, list[tuple[str, int]]] = {
    "-created_at": [("created_at", DESCENDING)],
    "created_at": [("created_at", ASCENDING)],
    "status": [("status", ASCENDING), ("created_at", DESCENDING)],
    "-status": [("status", DESCENDING), ("created_at", DESCENDING)],
    "completed_at": [("completed_at", ASCENDING), ("created_at", DESCENDING)],
    "-completed_at": [("completed_at", DESCENDING), ("created_at", DESCENDING)],
    "-pmf_score": [("pmf_score", DESCENDING), ("created_at", DESCENDING)],
    "pmf_score": [("pmf_score", ASCENDING), ("created_at", DESCENDING)],
}


@dataclass
class CheckpointRecord:
    """A checkpoint reached by a task, with its time."""

    number: int
    key: str
    category: str
    label: str
    at: datetime


@dataclass
class ResearchTask:
    """One research: the idea, its status and progress, and (when done) its report."""

    id: str
    owner_id: int
    request_id: str
    title: str
    product_idea: str
    depth: str
    status: str = QUEUED
    checkpoints: list[CheckpointRecord] = field(default_factory=list)
    created_at: datetime = field(default_factory=timezone.now)
    updated_at: datetime = field(default_factory=timezone.now)
    started_at: datetime | None = None
    completed_at: datetime | None = None
    credits_charged: int = 0
    refunded: bool = False
    error: str | None = None
    report: dict[str, Any] | None = None
    pmf_score: int | None = None
    cost: dict[str, Any] | None = None
    sources_count: int = 0
    rerun_of: str | None = None
    attempts: int = 0
    outcome: str | None = None  # the delivered report's outcome (ReportOutcome)
    charged: bool = True  # False from insert until the ledger charge is recorded on the task
    dispatches: int = 0  # queue messages sent; message ids are research-{id}-{1..dispatches}
    deleted_at: datetime | None = None  # a tombstone: hidden from the owner, kept for the audit

    @property
    def progress(self) -> float:
        """Completed checkpoints / 17."""
        return round(len(self.checkpoints) / 17, 4)

    @property
    def is_running(self) -> bool:
        """Queued or processing."""
        return self.status in RUNNING


@dataclass
class TaskFilters:
    """List filters; every field optional except the owner, which is always applied."""

    owner_id: int
    text: str = ""
    statuses: list[str] = field(default_factory=list)
    depth: str = ""
    created_after: datetime | None = None
    created_before: datetime | None = None


def _to_document(task: ResearchTask) -> dict[str, Any]:
    document = asdict(task)
    document["_id"] = document.pop("id")
    document["search_tokens"] = search.tokens(task.title, task.product_idea)
    document["status"] = str(document["status"])
    return document


def _from_document(document: dict[str, Any]) -> ResearchTask:
    data = dict(document)
    data["id"] = data.pop("_id")
    data["checkpoints"] = [CheckpointRecord(**item) for item in data.get("checkpoints", [])]
    known = ResearchTask.__dataclass_fields__
    return ResearchTask(**{key: value for key, value in data.items() if key in known})


def _changed(task_id: str) -> None:
    from research.progress import task_changed

    task_changed(task_id)


def task_insert(task: ResearchTask) -> tuple[ResearchTask, bool]:
    """Insert a task; when (owner, request id) exists already, return that one and False."""
    document = _to_document(task)
    search.vocabulary_add(task.owner_id, document["search_tokens"])  # first: a task is findable once stored
    try:
        research_tasks().insert_one(document)
    except DuplicateKeyError:
        existing = task_get_by_request(owner_id=task.owner_id, request_id=task.request_id)
        if existing is None:
            raise
        return existing, False
    search.entries_store([_search_entry(document)])
    return task, True


def _search_entry(document: dict[str, Any]) -> dict[str, Any]:
    return search.entry(
        document["_id"], document["owner_id"], document["search_tokens"], document["created_at"]
    )


def _reference_query(references: list[str]) -> dict[str, Any]:
    # Both ids are random 128-bit hex strings, so a reference names at most one of the owner's tasks.
    return {"$or": [{"_id": {"$in": references}}, {"request_id": {"$in": references}}]}


def task_get(task_id: str, *, owner_id: int | None = None) -> ResearchTask | None:
    """A task by id; with an owner, one the owner may see (settled, not deleted) by task or request id."""
    query: dict[str, Any] = {"_id": task_id}
    if owner_id is not None:
        query.update({"owner_id": owner_id, **VISIBLE})
    document = research_tasks().find_one(query)
    if document is None and owner_id is not None:
        # Two indexed lookups rather than one $or, which the embedded server answers by a scan.
        document = research_tasks().find_one({"owner_id": owner_id, "request_id": task_id, **VISIBLE})
    return _from_document(document) if document else None


def task_get_by_request(*, owner_id: int, request_id: str) -> ResearchTask | None:
    """The owner's task for a request id."""
    document = research_tasks().find_one({"owner_id": owner_id, "request_id": request_id})
    return _from_document(document) if document else None


TEXT_SEARCH_MAX_LENGTH = 200  # callers validate it (the search's words are cut to 40 characters each)


def _owner_clause(owner_ids: list[int] | None) -> dict[str, Any]:
    if owner_ids is None:
        return {}
    return {"owner_id": owner_ids[0] if len(owner_ids) == 1 else {"$in": owner_ids}}


def _filter_query(
    filters: TaskFilters, owner_ids: list[int] | None, *, visible_only: bool = True
) -> dict[str, Any] | None:
    """The MongoDB query of ``filters`` for ``owner_ids`` (None = every owner); None if nothing can match.

    ``visible_only``: what an owner may see (staff see tombstones and unsettled tasks too).
    """
    # owner_id, then the first search word: together they are the (owner_id, search_tokens) index.
    query: dict[str, Any] = _owner_clause(owner_ids)
    if filters.text.strip():
        clauses = search.text_clauses(filters.text, owner_ids)
        if clauses is None:
            return None
        query.update(clauses[0])
        if clauses[1:]:
            query["$and"] = clauses[1:]
    if filters.statuses:
        query["status"] = {"$in": filters.statuses}
    if filters.depth:
        query["depth"] = filters.depth
    created: dict[str, datetime] = {}
    if filters.created_after:
        created["$gte"] = filters.created_after
    if filters.created_before:
        created["$lt"] = filters.created_before
    if created:
        query["created_at"] = created
    if visible_only:
        query.update(VISIBLE)
    return query


def _page(
    query: dict[str, Any] | None,
    sort: list[tuple[str, int]],
    page: int,
    page_size: int,
    *,
    then: dict[str, Any] | None = None,
) -> tuple[list[ResearchTask], int]:
    """One page and the count of what ``query`` (then ``then``, a second ``$match``) matches."""
    if query is None:
        return [], 0
    # One pass for the count and the page ($facet): the matching documents are read once, not twice.
    pipeline: list[dict[str, Any]] = [
        {"$match": query},
        *([{"$match": then}] if then else []),
        # _id last: a stable order for equal sort keys, so pages never overlap.
        {"$sort": dict([*sort, ("_id", ASCENDING)])},
        {"$facet": {
            "total": [{"$count": "count"}],
            # Projected on the page only: secantusdb projects in Python, every document it is given.
            "page": [{"$skip": (page - 1) * page_size}, {"$limit": page_size}, {"$project": {"report": 0}}],
        }},
    ]  # fmt: skip
    result = next(research_tasks().aggregate(pipeline))
    total = result["total"][0]["count"] if result["total"] else 0
    return [_from_document(document) for document in result["page"]], total


def task_list(
    filters: TaskFilters, *, sort: str = "-created_at", page: int = 1, page_size: int = 20
) -> tuple[list[ResearchTask], int]:
    """One page of the owner's tasks and the total matching count."""
    if filters.text.strip():
        return _text_page(filters, sort, page, page_size)
    return _page(_filter_query(filters, [filters.owner_id]), SORTS[sort], page, page_size)


def _owned_visible(owner_id: int, task_ids: list[str], projection: dict[str, int]) -> dict[str, Any]:
    """The owner's visible tasks among ``task_ids`` by id (``_id`` first: secantusdb looks them up)."""
    query = {"_id": {"$in": task_ids}, "owner_id": owner_id, **VISIBLE}
    return {document["_id"]: document for document in research_tasks().find(query, projection)}


def _text_page(filters: TaskFilters, sort: str, page: int, page_size: int) -> tuple[list[ResearchTask], int]:
    """A free-text search: matching ids from ``search_entries``, then only the page's tasks read.

    Filters on fields that change (status) or sorts by them (score, completion) are answered by the
    tasks themselves: the first ``$match`` is the ``(owner_id, search_tokens)`` index lookup alone
    (secantusdb uses an index only for a stage of that exact shape), the second applies the rest.
    """
    if filters.statuses or filters.depth or sort not in ("-created_at", "created_at"):
        expansions = search.owner_expansions(filters.owner_id, filters.text)
        if not expansions:
            return [], 0
        lookup = {"owner_id": filters.owner_id, "search_tokens": {"$in": expansions[0]}}
        rest = _filter_query(replace(filters, text=""), None)
        assert rest is not None
        if expansions[1:]:
            rest["$and"] = [{"search_tokens": {"$in": expansion}} for expansion in expansions[1:]]
        return _page(lookup, SORTS[sort], page, page_size, then=rest)
    task_ids = search.owner_matches(
        filters.owner_id, filters.text, created_after=filters.created_after,
        created_before=filters.created_before, newest_first=sort != "created_at",
    )  # fmt: skip
    if not task_ids:
        return [], 0
    window = task_ids[(page - 1) * page_size : page * page_size]
    found = _owned_visible(filters.owner_id, window, {"report": 0})
    return [_from_document(found[task_id]) for task_id in window if task_id in found], len(task_ids)


def task_list_all(
    filters: TaskFilters, *, owner_ids: list[int], page: int = 1, page_size: int = 50
) -> tuple[list[ResearchTask], int]:
    """Staff listing across owners (``owner_ids`` empty = everyone), newest first."""
    query = _filter_query(filters, owner_ids or None, visible_only=False)
    return _page(query, SORTS["-created_at"], page, page_size)


def task_suggest(*, owner_id: int, text: str, limit: int = 8) -> list[ResearchTask]:
    """Newest tasks whose title and idea have words starting with each word of ``text`` (as-you-type)."""
    # Twice the limit: room for matches not shown (a task whose charge is not settled yet).
    task_ids = search.newest_matches(owner_id, text, 2 * limit)
    found = _owned_visible(owner_id, task_ids, {"report": 0, "checkpoints": 0})
    return [_from_document(found[task_id]) for task_id in task_ids if task_id in found][:limit]


def checkpoint_append(task_id: str, record: CheckpointRecord) -> ResearchTask | None:
    """Append a checkpoint once per key, never to a failed or aborted task; the task, or None if refused."""
    document = research_tasks().find_one_and_update(
        {"_id": task_id, "status": {"$in": [QUEUED, PROCESSING]}, "checkpoints.key": {"$ne": record.key}},
        {"$push": {"checkpoints": asdict(record)}, "$set": {"updated_at": timezone.now()}},
        return_document=ReturnDocument.AFTER,
    )
    if document is None:
        return None
    _changed(task_id)
    return _from_document(document)


def task_transition(
    task_id: str, *, from_statuses: tuple[str, ...], to: str, **fields: Any
) -> ResearchTask | None:
    """Move a task from one of ``from_statuses`` to ``to`` (setting ``fields``); None if it was not there."""
    document = research_tasks().find_one_and_update(
        {"_id": task_id, "status": {"$in": list(from_statuses)}},
        {"$set": {"status": str(to), "updated_at": timezone.now(), **fields}},
        return_document=ReturnDocument.AFTER,
    )
    if document is None:
        return None
    _changed(task_id)
    return _from_document(document)


def task_update(task_id: str, *, only_if_status: tuple[str, ...] = RUNNING, **fields: Any) -> bool:
    """Set fields on a task that is still in one of ``only_if_status``."""
    result = research_tasks().update_one(
        {"_id": task_id, "status": {"$in": list(only_if_status)}},
        {"$set": {"updated_at": timezone.now(), **fields}},
    )
    if result.modified_count != 1:
        return False
    _changed(task_id)
    return True


def task_increment_attempts(task_id: str) -> int:
    """Count one more execution attempt; return the new count."""
    document = research_tasks().find_one_and_update(
        {"_id": task_id}, {"$inc": {"attempts": 1}}, return_document=ReturnDocument.AFTER
    )
    return int(document["attempts"]) if document else 0


def task_mark_refunded(task_id: str) -> None:
    """Record that the task's credits went back."""
    research_tasks().update_one({"_id": task_id}, {"$set": {"refunded": True, "updated_at": timezone.now()}})
    _changed(task_id)


def task_mark_charged(task_id: str, *, credits_charged: int) -> ResearchTask | None:
    """Record the ledger charge on a task that was written before it (once); the task, or None."""
    document = research_tasks().find_one_and_update(
        {"_id": task_id, "charged": False},
        {"$set": {"charged": True, "credits_charged": credits_charged, "updated_at": timezone.now()}},
        return_document=ReturnDocument.AFTER,
    )
    if document is None:
        return None
    _changed(task_id)
    return _from_document(document)


def task_remove_uncharged(task_id: str) -> bool:
    """Remove a task whose charge never happened (refused or unreachable ledger); True if removed."""
    removed = research_tasks().delete_one({"_id": task_id, "charged": False}).deleted_count == 1
    if removed:
        search.entries_remove([task_id])
        _changed(task_id)
    return removed


def task_next_dispatch(task_id: str) -> int:
    """Count one more queue message for the task; its number names the message id."""
    document = research_tasks().find_one_and_update(
        {"_id": task_id}, {"$inc": {"dispatches": 1}}, return_document=ReturnDocument.AFTER
    )
    return int(document["dispatches"]) if document else 0


def tasks_delete(*, owner_id: int, task_ids: list[str]) -> list[str]:
    """Tombstone the owner's finished, visible tasks named (by task or request id); return those named.

    The document stays (hidden from the owner) so its request id stays bound and the audit can
    reconcile its charge; the report is dropped.
    """
    query = {"owner_id": owner_id, "status": {"$in": list(TERMINAL)}, **VISIBLE, **_reference_query(task_ids)}
    found = list(research_tasks().find(query, {"_id": 1, "request_id": 1}))
    if found:
        research_tasks().update_many(
            {"owner_id": owner_id, "_id": {"$in": [document["_id"] for document in found]}},
            {"$set": {"deleted_at": timezone.now(), "report": None, "updated_at": timezone.now()}},
        )
        search.entries_remove([document["_id"] for document in found])
    for document in found:
        _changed(document["_id"])
    names = {name for document in found for name in (document["_id"], document["request_id"])}
    return [reference for reference in task_ids if reference in names]


def tasks_index_for_search(*, batch_size: int = 200, everything: bool = False) -> int:
    """Give tasks stored before search existed (or every task) their words; return how many changed.

    Also records every task's words in its owner's vocabulary and (re)writes its search entry unless it
    is deleted, and gives an entry to any task that has words but no entry (stored before entries
    existed); safe to run again at any time. ``everything``: after a change to how words are normalised.
    """
    query: dict[str, Any] = {} if everything else {"search_tokens": {"$exists": False}}
    changed = _index_matching(query, batch_size)
    if not everything:
        entered = search.entry_ids()
        listed = research_tasks().find({"deleted_at": None}, {"_id": 1})
        missing = [document["_id"] for document in listed if document["_id"] not in entered]
        for start in range(0, len(missing), batch_size):
            _index_matching({"_id": {"$in": missing[start : start + batch_size]}}, batch_size)
        changed += len(missing)
    return changed


def _index_matching(query: dict[str, Any], batch_size: int) -> int:
    """Index the tasks ``query`` finds, ``batch_size`` at a time; how many got new words."""
    projection = {"owner_id": 1, "title": 1, "product_idea": 1, "created_at": 1, "deleted_at": 1}
    changed, batch = 0, []
    for document in research_tasks().find(query, projection):
        batch.append(document)
        if len(batch) >= batch_size:
            changed += _index_batch(batch)
            batch = []
    return changed + _index_batch(batch)


def _index_batch(documents: list[dict[str, Any]]) -> int:
    from pymongo import UpdateOne

    if not documents:
        return 0
    updates: list[Any] = []
    entries: list[dict[str, Any]] = []
    words_by_owner: dict[int, set[str]] = {}
    for document in documents:
        words = search.tokens(document.get("title", ""), document.get("product_idea", ""))
        updates.append(UpdateOne({"_id": document["_id"]}, {"$set": {"search_tokens": words}}))
        words_by_owner.setdefault(document["owner_id"], set()).update(words)
        if document.get("deleted_at") is None:
            entries.append(search.entry(document["_id"], document["owner_id"], words, document["created_at"]))
    for owner_id, owner_words in words_by_owner.items():
        search.vocabulary_add(owner_id, sorted(owner_words))
    search.entries_store(entries)
    return research_tasks().bulk_write(updates, ordered=False).modified_count


def tasks_unsettled(*, changed_before: datetime, limit: int = 200) -> list[ResearchTask]:
    """Tasks an outage may have left half-settled: never marked charged, or final-and-refundable but not
    refunded; only those unchanged since ``changed_before`` (newer ones may be mid-transition)."""
    query = {
        "updated_at": {"$lt": changed_before},
        "$or": [
            {"charged": False},
            {"status": {"$in": list(REFUNDED_STATUSES)}, "refunded": False, "charged": {"$ne": False}},
        ],
    }
    cursor = research_tasks().find(query, {"report": 0, "checkpoints": 0}).limit(limit)
    return [_from_document(document) for document in cursor]


def tasks_for_audit() -> list[ResearchTask]:
    """Every task, tombstones included, without reports (the audit reconciles them with the ledger)."""
    projection = {"report": 0, "checkpoints": 0, "search_tokens": 0}
    return [_from_document(document) for document in research_tasks().find({}, projection)]


def tasks_running(*, started_before: datetime | None = None, limit: int = 200) -> list[ResearchTask]:
    """Queued or processing tasks (optionally created before a time), oldest first."""
    query: dict[str, Any] = {"status": {"$in": list(RUNNING)}}
    if started_before is not None:
        query["created_at"] = {"$lt": started_before}
    cursor = research_tasks().find(query, {"report": 0}).sort("created_at", ASCENDING).limit(limit)
    return [_from_document(document) for document in cursor]
