"""API shapes of balances, ledger rows and API keys (no logic: values come from selectors/services)."""

from __future__ import annotations

from rest_framework import serializers

from credits.models import APIKey, CreditTransaction


class DepthPreviewSerializer(serializers.Serializer):
    depth = serializers.CharField()
    # A field named like Field.label: DRF's metaclass moves declared fields off the class, so no clash.
    label = serializers.CharField()  # type: ignore[assignment]
    credits = serializers.IntegerField()
    searches_remaining = serializers.IntegerField()
    affordable = serializers.BooleanField()


class BalanceSerializer(serializers.Serializer):
    balance = serializers.IntegerField()
    monthly_limit = serializers.IntegerField()
    used_this_month = serializers.IntegerField()
    researches_this_month = serializers.IntegerField()
    month = serializers.CharField(help_text="YYYY-MM (UTC)")
    depths = DepthPreviewSerializer(many=True)


class TransactionSerializer(serializers.ModelSerializer):
    class Meta:
        model = CreditTransaction
        fields = [
            "id",
            "transaction_id",
            "kind",
            "amount",
            "balance_after",
            "timestamp",
            "research_request_id",
            "research_depth",
            "reason",
        ]
        read_only_fields = fields


class APIKeySerializer(serializers.ModelSerializer):
    class Meta:
        model = APIKey
        fields = ["id", "name", "prefix", "created_at", "last_used_at", "revoked_at"]
        read_only_fields = fields


class APIKeyCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100, allow_blank=True, default="")


class CreatedAPIKeySerializer(APIKeySerializer):
    key = serializers.CharField(read_only=True, help_text="The raw key: shown once, never stored.")

    class Meta(APIKeySerializer.Meta):
        fields = [*APIKeySerializer.Meta.fields, "key"]
        read_only_fields = fields
