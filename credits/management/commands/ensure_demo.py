"""manage.py ensure_demo: the demo user (staff), its API key and this month's credits, idempotently."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from credits.keys import api_key_authenticate, api_key_create
from credits.services import balance_current


class Command(BaseCommand):
    help = "Ensure the demo user, its API key (kept in var/demo-api-key) and its credits exist."

    def handle(self, *args: Any, **options: Any) -> None:
        user, _ = get_user_model().objects.get_or_create(username=settings.DEMO_USERNAME)
        user.is_staff = user.is_superuser = True
        user.set_password(settings.DEMO_PASSWORD)
        user.save()
        key_file = Path(settings.VAR_DIR) / "demo-api-key"
        raw = key_file.read_text().strip() if key_file.exists() else ""
        key = api_key_authenticate(raw) if raw else None
        if key is None or key.user_id != user.pk:
            raw = api_key_create(user=user, name="demo").raw
            key_file.parent.mkdir(parents=True, exist_ok=True)
            key_file.write_text(raw + "\n")
            key_file.chmod(0o600)
        balance = balance_current(user=user)
        self.stdout.write(f"demo user: {user.get_username()} / {settings.DEMO_PASSWORD}")
        self.stdout.write(f"demo API key: {raw}")
        self.stdout.write(f"demo credits {balance.month_year}: {balance.current_balance}")
