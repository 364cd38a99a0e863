"""Thin DRF views: the caller's balance, ledger history and API keys."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast
from uuid import UUID

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from credits.keys import api_key_create, api_key_for, api_key_revoke, api_keys_for
from credits.models import CreditTransaction
from credits.selectors import balance_summary, transactions_for
from credits.serializers import (
    APIKeyCreateSerializer,
    APIKeySerializer,
    BalanceSerializer,
    CreatedAPIKeySerializer,
    TransactionSerializer,
)
from infra.errors import NotFound

if TYPE_CHECKING:
    from django.contrib.auth.models import User


def caller(request: Request) -> User:
    """The signed-in user (IsAuthenticated, the default permission, has refused anonymous requests)."""
    return cast("User", request.user)


class BalanceView(APIView):
    @extend_schema(
        operation_id="credits_balance",
        responses=BalanceSerializer,
        summary="This month's balance, usage and searches remaining per depth",
    )
    def get(self, request: Request) -> Response:
        return Response(BalanceSerializer(balance_summary(user=caller(request))).data)


@extend_schema(summary="The caller's credit ledger, newest first")
class TransactionListView(generics.ListAPIView):
    serializer_class = TransactionSerializer

    def get_queryset(self) -> QuerySet[CreditTransaction]:
        return transactions_for(user=caller(self.request))


class APIKeyListView(APIView):
    @extend_schema(operation_id="keys_list", responses=APIKeySerializer(many=True), summary="Your API keys")
    def get(self, request: Request) -> Response:
        return Response(APIKeySerializer(api_keys_for(user=caller(request)), many=True).data)

    @extend_schema(
        operation_id="keys_create",
        request=APIKeyCreateSerializer,
        responses={201: CreatedAPIKeySerializer},
        summary="Create an API key (the raw key is returned once)",
    )
    def post(self, request: Request) -> Response:
        serializer = APIKeyCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        created = api_key_create(user=caller(request), name=serializer.validated_data["name"])
        body = {**APIKeySerializer(created.key).data, "key": created.raw}
        return Response(body, status=status.HTTP_201_CREATED)


class APIKeyDetailView(APIView):
    @extend_schema(
        operation_id="keys_revoke",
        responses={
            204: OpenApiResponse(description="Revoked (revoking twice is harmless)"),
            404: OpenApiResponse(description="No such key, or someone else's"),
        },
        summary="Revoke one of your API keys",
    )
    def delete(self, request: Request, key_id: UUID) -> Response:
        key = api_key_for(user=caller(request), key_id=key_id)
        if key is None:
            raise NotFound("No such API key.")
        api_key_revoke(key=key)
        return Response(status=status.HTTP_204_NO_CONTENT)
