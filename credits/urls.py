"""API routes of this app (included under /api/v1/)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from credits import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("credits/balance", api.BalanceView.as_view(), name="credits-balance"),
    path("credits/transactions", api.TransactionListView.as_view(), name="credits-transactions"),
    path("keys", api.APIKeyListView.as_view(), name="keys"),
    path("keys/<uuid:key_id>", api.APIKeyDetailView.as_view(), name="key-detail"),
]
