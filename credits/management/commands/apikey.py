"""manage.py apikey create --user NAME: create a key (and the user if needed); raw key on the last line."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandParser

from credits.keys import api_key_create


class Command(BaseCommand):
    help = "Manage API keys."

    def add_arguments(self, parser: CommandParser) -> None:
        subcommands = parser.add_subparsers(dest="action", required=True)
        create = subcommands.add_parser("create", help="Create an API key; prints the raw key last.")
        create.add_argument("--user", required=True)
        create.add_argument("--name", default="cli")

    def handle(self, *args: Any, **options: Any) -> None:
        user, created = get_user_model().objects.get_or_create(username=options["user"])
        if created:
            self.stdout.write(f"created user {user.get_username()}")
        new = api_key_create(user=user, name=options["name"])
        self.stdout.write(f"key {new.key.prefix} for {user.get_username()} (shown once):")
        self.stdout.write(new.raw)
