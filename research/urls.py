"""Research API routes (included under /api/v1/)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from research import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("me", api.MeView.as_view(), name="me"),
    path("research/submit", api.SubmitView.as_view(), name="research-submit"),
    path("research/depths", api.DepthsView.as_view(), name="research-depths"),
    path("research/availability", api.AvailabilityView.as_view(), name="research-availability"),
    path("research/checkpoints", api.CheckpointsView.as_view(), name="research-checkpoints"),
    path("research/ws-ticket", api.WebsocketTicketView.as_view(), name="research-ws-ticket"),
    path("research/tasks", api.TaskListView.as_view(), name="research-tasks"),
    path("research/tasks/suggest", api.SuggestView.as_view(), name="research-suggest"),
    path("research/tasks/bulk-delete", api.BulkDeleteView.as_view(), name="research-bulk-delete"),
    path("research/tasks/<str:task_id>", api.TaskDetailView.as_view(), name="research-task"),
    path("research/tasks/<str:task_id>/abort", api.AbortView.as_view(), name="research-abort"),
    path("research/tasks/<str:task_id>/rerun", api.RerunView.as_view(), name="research-rerun"),
    path("research/tasks/<str:task_id>/report", api.ReportView.as_view(), name="research-report"),
    path("research/tasks/<str:task_id>/export", api.ExportView.as_view(), name="research-export"),
    path(
        "research/tasks/<str:task_id>/sources/<str:source_id>",
        api.SourcePassageView.as_view(),
        name="research-source",
    ),
]
