"""The credits back office: balances (with the "grant credits" action), the read-only ledger, API keys,
and users with their keys and balances. Every movement goes through ``credits.services``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth import admin as auth_admin
from django.contrib.auth import get_user_model
from django.db.models import F, OuterRef, QuerySet, Subquery
from django.http import HttpRequest
from django.template.response import TemplateResponse

from catalogue.depths import DEPTHS
from credits.exceptions import InvalidGrant
from credits.keys import api_key_revoke
from credits.models import APIKey, CreditBalance, CreditTransaction
from credits.services import current_month, staff_grant

if TYPE_CHECKING:
    from django.contrib.auth.models import User

BALANCE_FIELDS = (
    "user",
    "month_year",
    "current_balance",
    "monthly_limit",
    "total_used_this_month",
    "total_researches_this_month",
    "version",
    "created_at",
    "updated_at",
)
TRANSACTION_FIELDS = (
    "timestamp",
    "kind",
    "amount",
    "balance_after",
    "research_request_id",
    "research_depth",
    "reason",
    "actor",
)
KEY_FIELDS = ("prefix", "name", "user", "created_at", "last_used_at", "revoked_at")


class ReadOnlyInline(admin.TabularInline):
    """An inline that only shows rows: nothing can be added, changed or deleted from it."""

    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class TransactionInline(ReadOnlyInline):
    model = CreditTransaction
    fields = TRANSACTION_FIELDS
    readonly_fields = TRANSACTION_FIELDS
    ordering = ("-balance_version",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[CreditTransaction]:
        return super().get_queryset(request).select_related("actor")


class LowBalanceFilter(admin.SimpleListFilter):
    title = "low balance"
    parameter_name = "low"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        cheapest = min(depth.credits for depth in DEPTHS.values())
        return [
            ("empty", f"Cannot pay for any research (< {cheapest})"),
            ("tenth", "Below 10% of the monthly limit"),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet[CreditBalance]) -> QuerySet[CreditBalance]:
        if self.value() == "empty":
            return queryset.filter(current_balance__lt=min(depth.credits for depth in DEPTHS.values()))
        if self.value() == "tenth":
            return queryset.filter(current_balance__lt=F("monthly_limit") / 10.0)
        return queryset


class GrantCreditsForm(forms.Form):
    amount = forms.IntegerField(help_text="Credits to add; negative only for a correction.")
    reason = forms.CharField(max_length=500, widget=forms.Textarea(attrs={"rows": 3}))
    correction = forms.BooleanField(
        required=False, help_text="A correction may remove credits, never below zero."
    )

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError("A reason is required.")
        return reason

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        amount = data.get("amount")
        if amount == 0:
            self.add_error("amount", "The amount must not be zero.")
        elif amount is not None and amount < 0 and not data.get("correction"):
            self.add_error("amount", "Tick “correction” to remove credits.")
        return data


class ViewOnlyAdmin(admin.ModelAdmin):
    """Staff may look, never add, edit or delete: rows change only through the ledger services."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(CreditBalance)
class CreditBalanceAdmin(ViewOnlyAdmin):
    list_display = (
        "user",
        "month_year",
        "current_balance",
        "monthly_limit",
        "total_used_this_month",
        "total_researches_this_month",
        "updated_at",
    )
    list_filter = ("month_year", LowBalanceFilter)
    search_fields = ("user__username", "user__email")
    list_select_related = ("user",)
    readonly_fields = BALANCE_FIELDS
    fields = BALANCE_FIELDS
    inlines = (TransactionInline,)
    actions = ("grant_credits",)
    ordering = ("-month_year", "user__username")

    def has_grant_permission(self, request: HttpRequest) -> bool:
        """Who may grant and correct credits (the ``credits.grant_credits`` permission)."""
        return request.user.has_perm("credits.grant_credits")

    @admin.action(description="Grant or correct credits (this month)…", permissions=["grant"])
    def grant_credits(
        self, request: HttpRequest, queryset: QuerySet[CreditBalance]
    ) -> TemplateResponse | None:
        """Ask for amount and reason, then grant to each selected balance's user through the ledger."""
        users = {balance.user_id: balance.user for balance in queryset.select_related("user")}
        form = GrantCreditsForm(request.POST if "apply" in request.POST else None)
        if not form.is_valid():
            context = {
                **self.admin_site.each_context(request),
                "title": "Grant credits",
                "form": form,
                "users": sorted(users.values(), key=lambda user: user.get_username()),
                "selected": request.POST.getlist(ACTION_CHECKBOX_NAME),
                "month": current_month(),
                "opts": self.model._meta,
            }
            return TemplateResponse(request, "admin/credits/creditbalance/grant_credits.html", context)
        for user in users.values():
            self._grant_one(request, user, form.cleaned_data)
        return None

    def _grant_one(self, request: HttpRequest, user: Any, data: dict[str, Any]) -> None:
        try:
            row = staff_grant(
                user=user,
                amount=data["amount"],
                reason=data["reason"],
                actor=cast("User", request.user),  # the admin site only lets staff in
                correction=data["correction"],
            )
        except InvalidGrant as error:
            self.message_user(request, f"{user.get_username()}: {error.message}", messages.ERROR)
            return
        self.message_user(
            request, f"{user.get_username()}: {row.amount:+d} credits, balance now {row.balance_after}."
        )


@admin.register(CreditTransaction)
class CreditTransactionAdmin(ViewOnlyAdmin):
    list_display = (
        "timestamp",
        "user",
        "month",
        "kind",
        "amount",
        "balance_after",
        "research_request_id",
        "research_depth",
        "actor",
        "reason",
    )
    list_filter = ("kind", "research_depth", "timestamp")
    search_fields = ("balance__user__username", "research_request_id", "reason")
    list_select_related = ("balance__user", "actor")
    fields = ("transaction_id", "balance", *TRANSACTION_FIELDS, "balance_version")
    readonly_fields = fields
    ordering = ("-timestamp", "-balance_version")

    # The ledger is append-only: nobody, superusers included, adds, edits or deletes rows here.

    @admin.display(description="user", ordering="balance__user__username")
    def user(self, row: CreditTransaction) -> Any:
        return row.balance.user

    @admin.display(description="month", ordering="balance__month_year")
    def month(self, row: CreditTransaction) -> str:
        return row.balance.month_year


class ActiveKeyFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("active", "Active"), ("revoked", "Revoked")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[APIKey]) -> QuerySet[APIKey]:
        if self.value() == "active":
            return queryset.filter(revoked_at__isnull=True)
        if self.value() == "revoked":
            return queryset.filter(revoked_at__isnull=False)
        return queryset


@admin.register(APIKey)
class APIKeyAdmin(ViewOnlyAdmin):
    list_display = (*KEY_FIELDS, "is_active")
    list_filter = (ActiveKeyFilter, "created_at")
    search_fields = ("prefix", "name", "user__username")
    list_select_related = ("user",)
    # Only the hash is stored and even that is never shown; the raw key was shown once at creation.
    fields = KEY_FIELDS
    readonly_fields = KEY_FIELDS
    actions = ("revoke_keys",)

    def has_revoke_permission(self, request: HttpRequest) -> bool:
        """Revoking needs the ordinary change permission on keys."""
        return request.user.has_perm("credits.change_apikey")

    @admin.display(boolean=True, description="active")
    def is_active(self, key: APIKey) -> bool:
        return key.is_active

    @admin.action(description="Revoke selected keys", permissions=["revoke"])
    def revoke_keys(self, request: HttpRequest, queryset: QuerySet[APIKey]) -> None:
        """Revoke each selected key (already revoked keys keep their first revocation time)."""
        keys = list(queryset.filter(revoked_at__isnull=True))
        for key in keys:
            api_key_revoke(key=key)
        self.message_user(request, f"{len(keys)} key(s) revoked.")


class APIKeyInline(ReadOnlyInline):
    model = APIKey
    fields = ("prefix", "name", "created_at", "last_used_at", "revoked_at")
    readonly_fields = fields


class CreditBalanceInline(ReadOnlyInline):
    model = CreditBalance
    fields = (
        "month_year",
        "current_balance",
        "monthly_limit",
        "total_used_this_month",
        "total_researches_this_month",
    )
    readonly_fields = fields
    ordering = ("-month_year",)


UserModel = get_user_model()


def _registered_user_admin() -> type[admin.ModelAdmin]:
    """The user admin in place (auth's, or an extension of it), so extending it keeps what it has."""
    if admin.site.is_registered(UserModel):
        return type(admin.site.get_model_admin(UserModel))
    return auth_admin.UserAdmin


BaseUserAdmin = _registered_user_admin()


class UserAdmin(BaseUserAdmin):  # type: ignore[valid-type, misc]
    """The user admin of ``django.contrib.auth`` plus API keys, balances and this month's credits."""

    inlines = (*BaseUserAdmin.inlines, APIKeyInline, CreditBalanceInline)
    list_display = (*BaseUserAdmin.list_display, "credits_this_month")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        this_month = CreditBalance.objects.filter(user=OuterRef("pk"), month_year=current_month())
        balance = Subquery(this_month.values("current_balance")[:1])
        return super().get_queryset(request).annotate(credits_this_month=balance)

    @admin.display(description="credits this month", ordering="credits_this_month")
    def credits_this_month(self, user: Any) -> int | None:
        return user.credits_this_month


if admin.site.is_registered(UserModel):
    admin.site.unregister(UserModel)
admin.site.register(UserModel, UserAdmin)
