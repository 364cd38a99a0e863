"""Research API views: thin — validate, call a service or selector, serialise."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import psycopg
from django.conf import settings
from django.http import HttpResponse
from django.utils.text import slugify
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from agents.checkpoints import CHECKPOINTS
from agents.config import DEFAULT_CORPUS
from catalogue.depths import DEPTHS
from infra.websocket import ticket_issue
from research import availability, documents, exports, lifecycle, polls, presenters, search
from research.captcha import check_request_captcha
from research.documents import TaskFilters
from research.exceptions import ReportNotReady, SourceNotFound, SourceTextUnavailable, TaskNotFound
from research.passages import find_passage, source_entry
from research.serializers import (
    IDEA_MAX,
    IDEA_MIN,
    AvailabilitySerializer,
    BulkDeleteResponseSerializer,
    BulkDeleteSerializer,
    CheckpointSpecSerializer,
    DepthSerializer,
    ExportQuerySerializer,
    MeSerializer,
    PassageQuerySerializer,
    RerunSerializer,
    SourcePassageSerializer,
    SubmitResponseSerializer,
    SubmitSerializer,
    SuggestQuerySerializer,
    SuggestResponseSerializer,
    TaskDetailSerializer,
    TaskListQuerySerializer,
    TaskPageSerializer,
    WebsocketTicketSerializer,
)
from research.states import REPORTED

IDEMPOTENCY_HEADER = "Idempotency-Key"


def _owned_task(request: Request, task_id: str) -> documents.ResearchTask:
    task = documents.task_get(task_id, owner_id=request.user.pk)
    if task is None:
        raise TaskNotFound()
    return task


def _submitted_response(submitted: lifecycle.Submitted) -> Response:
    task = submitted.task
    message = (
        "Research queued." if submitted.created else "Research already submitted with this Idempotency-Key."
    )
    body = {
        "request_id": task.request_id, "task_id": task.id, "status": task.status, "message": message,
        "credits_charged": task.credits_charged, "balance": submitted.balance_after,
    }  # fmt: skip
    return Response(SubmitResponseSerializer(body).data, status=status.HTTP_202_ACCEPTED)


def _idempotency_key(request: Request) -> str | None:
    key = request.headers.get(IDEMPOTENCY_HEADER, "").strip()
    return key[:200] or None


class SubmitView(APIView):
    @extend_schema(
        request=SubmitSerializer, responses={202: SubmitResponseSerializer}, operation_id="research_submit"
    )
    def post(self, request: Request) -> Response:
        """Submit a product idea: charges the depth's credits and queues the research."""
        serializer = SubmitSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        check_request_captcha(request, data.get("hcaptcha_token"))
        submitted = lifecycle.submit(
            user=request.user, product_idea=data["product_idea"], depth=data["research_depth"],
            idempotency_key=_idempotency_key(request),
        )  # fmt: skip
        return _submitted_response(submitted)


class TaskListView(APIView):
    @extend_schema(
        parameters=[TaskListQuerySerializer], responses=TaskPageSerializer, operation_id="research_tasks_list"
    )
    def get(self, request: Request) -> Response:
        """The caller's tasks: filters, free-text search, sort and pagination."""
        query = TaskListQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        filters = TaskFilters(
            owner_id=int(request.user.pk or 0), text=data["q"], statuses=data["status"], depth=data["depth"],
            created_after=data["created_after"], created_before=data["created_before"],
        )  # fmt: skip
        tasks, total = documents.task_list(
            filters, sort=data["sort"], page=data["page"], page_size=data["page_size"]
        )
        body = {"count": total, "page": data["page"], "page_size": data["page_size"], "results": tasks}
        return Response({**body, "results": [presenters.task_summary(task) for task in tasks]})


class SuggestView(APIView):
    @extend_schema(parameters=[SuggestQuerySerializer], responses=SuggestResponseSerializer)
    def get(self, request: Request) -> Response:
        """Titles matching what the user is typing, and completions of the word being typed."""
        query = SuggestQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        text, owner_id = query.validated_data["q"].strip(), int(request.user.pk or 0)
        tasks = documents.task_suggest(owner_id=owner_id, text=text) if text else []
        return Response({
            "suggestions": [{"id": t.id, "title": t.title, "status": t.status} for t in tasks],
            "terms": search.term_suggestions(owner_id, query.validated_data["q"]),
        })  # fmt: skip


class TaskDetailView(APIView):
    @extend_schema(responses=TaskDetailSerializer)
    def get(self, request: Request, task_id: str) -> Response:
        """One task with its checkpoints (the status poll: from Redis while current)."""
        detail = polls.task_detail(task_id, owner_id=int(request.user.pk or 0))
        if detail is None:
            raise TaskNotFound()
        return Response(detail)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, task_id: str) -> Response:
        """Delete a finished task."""
        lifecycle.delete(user=request.user, task_id=task_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class BulkDeleteView(APIView):
    @extend_schema(request=BulkDeleteSerializer, responses=BulkDeleteResponseSerializer)
    def post(self, request: Request) -> Response:
        """Delete several finished tasks; running or unknown ones are reported as skipped."""
        serializer = BulkDeleteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        deleted, skipped = lifecycle.bulk_delete(user=request.user, task_ids=serializer.validated_data["ids"])
        return Response({"deleted": deleted, "skipped": skipped})


class AbortView(APIView):
    @extend_schema(request=None, responses=TaskDetailSerializer)
    def post(self, request: Request, task_id: str) -> Response:
        """Stop a queued or processing research and refund it."""
        task = lifecycle.abort_owned(user=request.user, task_id=task_id)
        return Response(presenters.task_detail(task))


class RerunView(APIView):
    @extend_schema(request=RerunSerializer, responses={202: SubmitResponseSerializer})
    def post(self, request: Request, task_id: str) -> Response:
        """A new research linked to the original: its idea and depth unless the body edits them
        (charged again; same checks as submit)."""
        serializer = RerunSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        check_request_captcha(request, data.get("hcaptcha_token"))
        submitted = lifecycle.rerun(
            user=request.user, task_id=task_id, idempotency_key=_idempotency_key(request),
            product_idea=data.get("product_idea"), depth=data.get("research_depth"),
        )  # fmt: skip
        return _submitted_response(submitted)


def _completed_report(request: Request, task_id: str) -> tuple[documents.ResearchTask, dict[str, Any]]:
    task = _owned_task(request, task_id)
    if task.status not in REPORTED or task.report is None:
        raise ReportNotReady(f"The report is not ready: the research is {task.status}.")
    return task, task.report


class ReportView(APIView):
    @extend_schema(responses=dict)
    def get(self, request: Request, task_id: str) -> Response:
        """The structured report of a completed research."""
        return Response(_completed_report(request, task_id)[1])


class DownloadRenderer(BaseRenderer):
    """Lets ``?format=`` (DRF's format override) select an export (errors are rendered by JSONRenderer)."""

    charset: str | None = None

    def render(
        self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None
    ) -> bytes:
        return data if isinstance(data, bytes) else json.dumps(data).encode()


class SourcePassageView(APIView):
    @extend_schema(parameters=[PassageQuerySerializer], responses=SourcePassageSerializer)
    def get(self, request: Request, task_id: str, source_id: str) -> Response:
        """A cited source as the report stored it: its type and date, and the quote within its text."""
        query = PassageQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        task, report = _completed_report(request, task_id)
        entry = source_entry(report, source_id)
        if not entry.get("url"):
            raise SourceNotFound()
        from agents.runner import research_sources

        try:
            stored = {source.url.rstrip("/"): source for source in research_sources(task.id)}
        except psycopg.OperationalError as error:
            message = "The source text cannot be read right now. Try again shortly."
            raise SourceTextUnavailable(message) from error
        source = stored.get(str(entry["url"]).rstrip("/"))
        passage = find_passage(source.content, query.validated_data["quote"]) if source else None
        return Response(SourcePassageSerializer({**entry, "id": source_id, "passage": passage}).data)


class MarkdownRenderer(DownloadRenderer):
    media_type, format, charset = "text/markdown", "md", "utf-8"


class WordRenderer(DownloadRenderer):
    media_type, format = exports.CONTENT_TYPES["docx"], "docx"


class PdfRenderer(DownloadRenderer):
    media_type, format = exports.CONTENT_TYPES["pdf"], "pdf"


class ExportView(APIView):
    renderer_classes = [JSONRenderer, MarkdownRenderer, WordRenderer, PdfRenderer]

    def perform_content_negotiation(self, request: Request, force: bool = False) -> Any:
        """An unknown ``?format=`` falls back to JSON so the query check answers 400, not DRF's 404."""
        return super().perform_content_negotiation(request, force=True)

    def handle_exception(self, exc: Exception) -> Response:
        """Errors are JSON (the documented error shape), never JSON text labelled as a PDF or Markdown."""
        response = super().handle_exception(exc)
        self.request.accepted_renderer, self.request.accepted_media_type = JSONRenderer(), "application/json"
        return response

    @extend_schema(
        parameters=[ExportQuerySerializer],
        responses={(200, "text/markdown"): str, (200, WordRenderer.media_type): bytes,
                   (200, PdfRenderer.media_type): bytes},
    )  # fmt: skip
    def get(self, request: Request, task_id: str) -> HttpResponse:
        """Download the report as Markdown, JSON, Word (docx) or PDF."""
        query = ExportQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        task, report = _completed_report(request, task_id)
        export = exports.export_report(report, fmt=query.validated_data["format"])
        filename = (slugify(task.title)[:80] or "pmf-report") + "." + export.extension
        response = HttpResponse(export.content, content_type=export.content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class DepthsView(APIView):
    @extend_schema(responses=DepthSerializer(many=True))
    def get(self, request: Request) -> Response:
        """The research depths with their cost and Tavily parameters."""
        return Response(DepthSerializer(list(DEPTHS.values()), many=True).data)


class CheckpointsView(APIView):
    @extend_schema(responses=CheckpointSpecSerializer(many=True))
    def get(self, request: Request) -> Response:
        """The 17 checkpoints in order, with their categories."""
        return Response(CheckpointSpecSerializer(CHECKPOINTS, many=True).data)


class WebsocketTicketView(APIView):
    @extend_schema(
        request=None, responses={201: WebsocketTicketSerializer}, operation_id="research_ws_ticket"
    )
    def post(self, request: Request) -> Response:
        """A single-use ticket for ``/ws/research/{id}/?ticket=…`` (keys never go into URLs)."""
        ticket = ticket_issue(user_id=int(request.user.pk or 0))
        body = {"ticket": ticket, "expires_in": settings.WEBSOCKET_TICKET_TTL_SECONDS}
        return Response(WebsocketTicketSerializer(body).data, status=status.HTTP_201_CREATED)


class MeView(APIView):
    @extend_schema(responses=MeSerializer)
    def get(self, request: Request) -> Response:
        """Who is signed in, and the web app's configuration."""
        body = {
            "username": request.user.get_username(), "is_staff": request.user.is_staff,
            "hcaptcha_site_key": getattr(settings, "HCAPTCHA_SITE_KEY", ""),
            "idea_min_length": IDEA_MIN, "idea_max_length": IDEA_MAX,
            "default_depth": SubmitSerializer().fields["research_depth"].default,
            "sample_corpus": searches_sample_corpus(),
        }  # fmt: skip
        return Response(MeSerializer(body).data)


def searches_sample_corpus() -> bool:
    """True when research runs offline on the shipped sample corpus (no Tavily key, default corpus)."""
    online = bool(settings.TAVILY_API_KEY) and settings.SEARCH_PROVIDER in ("", "tavily")
    return not online and Path(settings.CORPUS_DIR).resolve() == DEFAULT_CORPUS.resolve()


class AvailabilityView(APIView):
    @extend_schema(responses=AvailabilitySerializer)
    def get(self, request: Request) -> Response:
        """Whether a research worker answers now, so the app can warn before a research is charged."""
        answer = availability.workers_available()
        body = {"workers_available": answer.available, "message": answer.message}
        return Response(AvailabilitySerializer(body).data)
