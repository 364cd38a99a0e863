"""Request validation and response shapes of the research API (documented in the OpenAPI schema)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers
from rest_framework.fields import empty

from catalogue.depths import ALIASES, DEPTHS, UnknownDepth, resolve_depth
from infra.text import clean_text, has_letters
from research.documents import SORTS, STATUSES, TEXT_SEARCH_MAX_LENGTH
from research.exports import FORMATS
from research.states import report_outcome_values, task_status_values

TASK_STATUSES = task_status_values()
REPORT_OUTCOMES = report_outcome_values()

IDEA_MIN, IDEA_MAX = 10, 2000
DEPTH_MESSAGE = "Choose a research depth: " + ", ".join(DEPTHS).replace(", deep", " or deep") + "."
DEPTH_HELP = f"One of {', '.join(DEPTHS)} (seed aliases: {', '.join(ALIASES)})."


class CleanTextField(serializers.CharField):
    """A string field that refuses non-strings (a number is not text) and cleans the text (NFKC, no
    escape sequences or invisible characters) before blank and length checks, so what is measured is
    what is stored."""

    def run_validation(self, data: Any = empty) -> Any:
        if data is not empty and data is not None:
            if not isinstance(data, str):
                self.fail("invalid")
            # Cleaning looks at every character: a body far over the limit is refused without it.
            if self.max_length is not None and len(data) > 4 * self.max_length:
                self.fail("max_length", max_length=self.max_length)
            data = clean_text(data)
        return super().run_validation(data)


class SubmitSerializer(serializers.Serializer):
    """A research request (the seed's fields plus an optional hCaptcha token)."""

    product_idea = CleanTextField(
        min_length=IDEA_MIN, max_length=IDEA_MAX, trim_whitespace=True,
        error_messages={
            "min_length": f"Describe your idea in at least {IDEA_MIN} characters.",
            "max_length": f"Keep your idea under {IDEA_MAX} characters.",
            "blank": "Describe your product idea.",
            "required": "Describe your product idea.",
        },
    )  # fmt: skip
    research_depth = serializers.CharField(max_length=32, default="essential", help_text=DEPTH_HELP)
    hcaptcha_token = serializers.CharField(required=False, allow_blank=True, max_length=4096)
    auth_key = serializers.CharField(required=False, allow_blank=True, max_length=200, write_only=True)

    def validate_product_idea(self, value: str) -> str:
        if not has_letters(value):
            raise serializers.ValidationError("Describe your product idea in words.")
        return value

    def validate_research_depth(self, value: str) -> str:
        try:
            return resolve_depth(value).name
        except UnknownDepth:
            raise serializers.ValidationError(DEPTH_MESSAGE) from None


class RerunSerializer(SubmitSerializer):
    """A rerun: the original's idea and depth unless edited here (same checks as submit)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Both optional: what is left out is taken from the original research.
        self.fields["product_idea"].required = False
        self.fields["research_depth"].required = False
        self.fields["research_depth"].default = empty


class SubmitResponseSerializer(serializers.Serializer):
    request_id = serializers.CharField()
    task_id = serializers.CharField()
    status = serializers.ChoiceField(choices=TASK_STATUSES)
    message = serializers.CharField()
    credits_charged = serializers.IntegerField()
    balance = serializers.IntegerField()


class TaskListQuerySerializer(serializers.Serializer):
    """Query parameters of the task list."""

    q = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_SEARCH_MAX_LENGTH, default="")
    status = serializers.CharField(required=False, allow_blank=True, default="")
    depth = serializers.CharField(required=False, allow_blank=True, default="")
    created_after = serializers.DateTimeField(required=False, allow_null=True, default=None)
    created_before = serializers.DateTimeField(required=False, allow_null=True, default=None)
    sort = serializers.ChoiceField(choices=list(SORTS), required=False, default="-created_at")
    page = serializers.IntegerField(required=False, min_value=1, max_value=100000, default=1)
    page_size = serializers.IntegerField(required=False, min_value=1, max_value=100, default=20)

    def validate_status(self, value: str) -> list[str]:
        statuses = [part.strip() for part in value.split(",") if part.strip()]
        unknown = [status for status in statuses if status not in STATUSES]
        if unknown:
            raise serializers.ValidationError(
                f"Unknown status {unknown[0]!r}; use one of {', '.join(STATUSES)}."
            )
        return statuses

    def validate_depth(self, value: str) -> str:
        if not value:
            return ""
        try:
            return resolve_depth(value).name
        except UnknownDepth as error:
            raise serializers.ValidationError(str(error)) from error

    def to_internal_value(self, data: Any) -> Any:
        # status may be repeated (?status=a&status=b) or comma-separated.
        if hasattr(data, "getlist") and len(data.getlist("status")) > 1:
            data = data.copy()
            data["status"] = ",".join(data.getlist("status"))
        return super().to_internal_value(data)


class SuggestQuerySerializer(serializers.Serializer):
    q = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_SEARCH_MAX_LENGTH, default="")


class BulkDeleteSerializer(serializers.Serializer):
    ids = serializers.ListField(child=serializers.CharField(max_length=64), min_length=1, max_length=500)


class BulkDeleteSkippedSerializer(serializers.Serializer):
    id = serializers.CharField()
    reason = serializers.CharField()


class BulkDeleteResponseSerializer(serializers.Serializer):
    deleted = serializers.ListField(child=serializers.CharField())
    skipped = BulkDeleteSkippedSerializer(many=True)


class SuggestionSerializer(serializers.Serializer):
    id = serializers.CharField()
    title = serializers.CharField()
    status = serializers.ChoiceField(choices=TASK_STATUSES)


class SuggestResponseSerializer(serializers.Serializer):
    suggestions = SuggestionSerializer(many=True)
    terms = serializers.ListField(
        child=serializers.CharField(), help_text="Completions of the word being typed, from your tasks."
    )


class ExportQuerySerializer(serializers.Serializer):
    format = serializers.ChoiceField(choices=list(FORMATS), default="md")


class PassageQuerySerializer(serializers.Serializer):
    quote = serializers.CharField(required=False, default="", allow_blank=True, max_length=2000)


class PassageSerializer(serializers.Serializer):
    before = serializers.CharField()
    quote = serializers.CharField(help_text="The quote as written in the source; empty when not found.")
    after = serializers.CharField()
    found = serializers.BooleanField()


class SourcePassageSerializer(serializers.Serializer):
    id = serializers.CharField()
    url = serializers.CharField()
    title = serializers.CharField(default="")
    sample = serializers.BooleanField(default=False)
    source_type = serializers.CharField(required=False, allow_null=True, default=None)
    published = serializers.CharField(required=False, allow_null=True, default=None)
    passage = PassageSerializer(allow_null=True, help_text="Null when the source text is no longer stored.")


class CheckpointSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    key = serializers.CharField()
    category = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # DRF stubs type Field.label
    at = serializers.DateTimeField()


class TaskSummarySerializer(serializers.Serializer):
    """A task in lists (no checkpoints, no report)."""

    id = serializers.CharField()
    request_id = serializers.CharField()
    title = serializers.CharField()
    product_idea = serializers.CharField()
    depth = serializers.CharField()
    status = serializers.ChoiceField(choices=TASK_STATUSES)
    progress = serializers.FloatField()
    checkpoints_completed = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    started_at = serializers.DateTimeField(allow_null=True)
    completed_at = serializers.DateTimeField(allow_null=True)
    credits_charged = serializers.IntegerField()
    refunded = serializers.BooleanField()
    pmf_score = serializers.IntegerField(allow_null=True)
    outcome = serializers.ChoiceField(choices=REPORT_OUTCOMES, allow_null=True)  # once a report is delivered
    error = serializers.CharField(allow_null=True)
    rerun_of = serializers.CharField(allow_null=True)

    def get_checkpoints_completed(self, task: Any) -> int:
        return len(task.checkpoints)


class TaskDetailSerializer(TaskSummarySerializer):
    """A task with its checkpoints and cost."""

    checkpoints = CheckpointSerializer(many=True)
    cost = serializers.DictField(allow_null=True)
    sources_count = serializers.IntegerField()


class TaskPageSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    page_size = serializers.IntegerField()
    results = TaskSummarySerializer(many=True)


class DepthSerializer(serializers.Serializer):
    name = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # DRF stubs type Field.label
    credits = serializers.IntegerField()
    target_seconds = serializers.IntegerField()
    search_depth = serializers.CharField()
    extract_depth = serializers.CharField()
    urls_per_agent = serializers.IntegerField()
    max_results = serializers.IntegerField()


class CheckpointSpecSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    key = serializers.CharField()
    category = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # DRF stubs type Field.label


class MeSerializer(serializers.Serializer):
    username = serializers.CharField()
    is_staff = serializers.BooleanField()
    hcaptcha_site_key = serializers.CharField(allow_blank=True)
    idea_min_length = serializers.IntegerField(help_text="Shortest product idea submit accepts.")
    idea_max_length = serializers.IntegerField(help_text="Longest product idea submit accepts.")
    default_depth = serializers.CharField(help_text="The depth submit uses when none is given.")
    sample_corpus = serializers.BooleanField(
        help_text="Research searches the fictional sample documents shipped with the app (demo mode)."
    )


class AvailabilitySerializer(serializers.Serializer):
    workers_available = serializers.BooleanField(help_text="A research worker answered just now.")
    message = serializers.CharField()


class WebsocketTicketSerializer(serializers.Serializer):
    ticket = serializers.CharField(help_text="Pass as ?ticket= when opening the websocket; valid once.")
    expires_in = serializers.IntegerField(help_text="Seconds until the ticket expires unused.")
