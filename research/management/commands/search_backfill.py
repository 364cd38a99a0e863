"""manage.py search_backfill [--all]: give tasks stored before search existed their search words.

Creates the search indexes first; ``--all`` re-derives every task's words (after a change to how
words are normalised). Safe to run repeatedly and while the product serves.
"""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from research import documents, mongo


class Command(BaseCommand):
    help = "Index existing tasks for free-text search (idempotent)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--all", action="store_true", help="re-derive every task's words")

    def handle(self, *args: Any, **options: Any) -> None:
        mongo.ensure_indexes()
        started = time.monotonic()
        changed = documents.tasks_index_for_search(everything=options["all"])
        self.stdout.write(f"indexed {changed} tasks in {time.monotonic() - started:.1f} s")
