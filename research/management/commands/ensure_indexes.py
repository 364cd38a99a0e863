"""manage.py ensure_indexes: create the MongoDB indexes (run by `make run` and `make test`)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from research import mongo


class Command(BaseCommand):
    help = "Create the MongoDB collections' indexes (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        for collection, names in mongo.ensure_indexes().items():
            self.stdout.write(f"{collection}: {', '.join(names)}")
