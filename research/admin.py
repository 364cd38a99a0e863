"""Staff view of research tasks (MongoDB) inside the Django admin: search, filter, inspect, abort, refund."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django_celery_results.admin import GroupResultAdmin, TaskResultAdmin
from django_celery_results.models import GroupResult, TaskResult

from catalogue.depths import DEPTHS
from credits.models import CreditBalance
from research import audit, documents, lifecycle, staff
from research.documents import STATUSES, TEXT_SEARCH_MAX_LENGTH
from research.models import ResearchTaskEntry

PAGE_SIZE = 50


def report_sources(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Every retrieved source of a report (older reports list only the cited ones)."""
    cited = {str(citation.get("id")): citation for citation in report.get("citations") or []}
    if report.get("sources"):
        sources = report["sources"]
        return [{**source, "cited": source.get("cited") or source.get("id") in cited} for source in sources]
    return [{**citation, "cited": True} for citation in cited.values()]


class TaskSearchForm(forms.Form):
    """The staff list's free-text fields, capped like the API's search (the regex has a length cap)."""

    q = forms.CharField(
        required=False, max_length=TEXT_SEARCH_MAX_LENGTH,
        error_messages={"max_length": f"Keep the search under {TEXT_SEARCH_MAX_LENGTH} characters."},
    )  # fmt: skip
    user = forms.CharField(
        required=False, max_length=150,
        error_messages={"max_length": "Keep the user name under 150 characters."},
    )  # fmt: skip


@admin.register(ResearchTaskEntry)
class ResearchTaskAdmin(admin.ModelAdmin):
    """Lists tasks from MongoDB; abort and refund go through research.lifecycle (with a reason)."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view
        return [
            path("", view(self.changelist_view), name="research_researchtaskentry_changelist"),
            path("audit/", view(self.audit_view), name="research_credits_audit"),
            path("<str:task_id>/", view(self.task_view), name="research_task_detail"),
            path("<str:task_id>/abort/", view(self.abort_view), name="research_task_abort"),
            path("<str:task_id>/refund/", view(self.refund_view), name="research_task_refund"),
        ]

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        if not self.has_view_permission(request):
            raise Http404
        params = request.GET
        page = max(1, int(params.get("p", "1"))) if params.get("p", "1").isdigit() else 1
        search = TaskSearchForm(params)
        tasks: list[documents.ResearchTask] = []
        total = 0
        if search.is_valid():
            tasks, total = staff.tasks_for_staff(
                text=search.cleaned_data["q"], status=params.get("status", ""), depth=params.get("depth", ""),
                username=search.cleaned_data["user"], page=page, page_size=PAGE_SIZE,
            )  # fmt: skip
        owners = {
            user.pk: user for user in get_user_model().objects.filter(pk__in={t.owner_id for t in tasks})
        }
        context = {
            **self.admin_site.each_context(request), "title": "Research tasks", "opts": self.model._meta,
            "rows": [(task, owners.get(task.owner_id)) for task in tasks], "total": total, "page": page,
            "has_next": page * PAGE_SIZE < total, "statuses": STATUSES, "depths": list(DEPTHS),
            "params": params,
            "search_errors": {name: list(errors) for name, errors in search.errors.items()},
        }  # fmt: skip
        status = 400 if search.errors else 200
        return TemplateResponse(request, "admin/research/task_list.html", context, status=status)

    def task_view(self, request: HttpRequest, task_id: str) -> HttpResponse:
        task = documents.task_get(task_id)
        if task is None or not self.has_view_permission(request):
            raise Http404
        owner = get_user_model().objects.filter(pk=task.owner_id).first()
        context = {
            **self.admin_site.each_context(request), "title": task.title, "opts": self.model._meta,
            "task": task, "owner": owner, "ledger": staff.ledger_for(task),
            "can_change": self.has_change_permission(request), "actions": lifecycle.staff_actions(task),
            "sources": report_sources(task.report or {}),
        }  # fmt: skip
        return TemplateResponse(request, "admin/research/task_detail.html", context)

    def abort_view(self, request: HttpRequest, task_id: str) -> HttpResponse:
        """GET: a confirmation page asking for the reason; POST: abort and refund (staff on the ledger)."""
        return self._confirmed(request, task_id, "abort", staff.staff_abort)

    def refund_view(self, request: HttpRequest, task_id: str) -> HttpResponse:
        """GET: a confirmation page asking for the reason; POST: refund once (staff on the ledger)."""
        return self._confirmed(request, task_id, "refund", staff.staff_refund)

    def _confirmed(self, request: HttpRequest, task_id: str, action: str, act: Any) -> HttpResponse:
        if not self.has_change_permission(request):
            raise Http404
        task = documents.task_get(task_id)
        if task is None:
            raise Http404
        detail = HttpResponseRedirect(reverse("admin:research_task_detail", args=[task_id]))
        if action not in lifecycle.staff_actions(task):
            messages.warning(
                request, f"{action.capitalize()} does not apply to a {task.status} task; nothing changed."
            )
            return detail
        form = staff.ReasonForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            messages.info(
                request, act(task_id=task_id, reason=form.cleaned_data["reason"], actor=request.user)
            )
            return detail
        context = {
            **self.admin_site.each_context(request), "title": f"{action.capitalize()} “{task.title}”?",
            "opts": self.model._meta, "task": task, "action": action, "form": form,
            "ledger": staff.ledger_for(task),
        }  # fmt: skip
        return TemplateResponse(request, "admin/research/task_confirm.html", context)

    def audit_view(self, request: HttpRequest) -> HttpResponse:
        """The reconciling audit of credits and researches, run now."""
        if not self.has_view_permission(request):
            raise Http404
        context = {
            **self.admin_site.each_context(request), "title": "Credits audit", "opts": self.model._meta,
            "discrepancies": audit.reconcile(), "balances": CreditBalance.objects.count(),
        }  # fmt: skip
        return TemplateResponse(request, "admin/research/audit.html", context)


class CeleryResultViewOnly(admin.ModelAdmin):
    """Celery's own result rows: written by workers, only looked at by staff (no Add, no edits)."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


for _model, _admin in ((TaskResult, TaskResultAdmin), (GroupResult, GroupResultAdmin)):
    admin.site.unregister(_model)
    admin.site.register(_model, type(f"ViewOnly{_admin.__name__}", (CeleryResultViewOnly, _admin), {}))
