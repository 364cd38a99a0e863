"""Page-number pagination whose bad page numbers are field errors (400), not DRF's 404 "Invalid page."."""

from __future__ import annotations

from typing import Any

from rest_framework import pagination
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request

PAGE_MESSAGE = "Pages are numbered from 1."


class PageNumberPagination(pagination.PageNumberPagination):
    """DRF's page numbers; ``page`` that is not a whole number from 1 answers 400 on the field.

    A page past the last one stays a 404 (documented): the caller asked for something that is not there.
    """

    def paginate_queryset(self, queryset: Any, request: Request, view: Any = None) -> list[Any] | None:
        raw = request.query_params.get(self.page_query_param)
        if raw is not None and raw not in self.last_page_strings and not (raw.isdigit() and int(raw) >= 1):
            raise ValidationError({self.page_query_param: [PAGE_MESSAGE]})
        return super().paginate_queryset(queryset, request, view)
