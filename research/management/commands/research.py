"""manage.py research run "IDEA" --depth essential|standard|deep [--format md|json]: one research, now.

Runs synchronously in this process (offline unless provider keys are set), prints checkpoints to
stderr and the report to stdout. Nothing is stored and no credits are used: for operators and demos.
"""

from __future__ import annotations

import uuid
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from agents.budget import SearchBudget
from agents.checkpoints import CheckpointEvent
from agents.errors import ResearchCancelled, ResearchFailed
from agents.report import render_markdown
from agents.run import run_in_memory
from agents.runner import agent_config
from catalogue.depths import ALIASES, DEPTHS, UnknownDepth, resolve_depth


class Command(BaseCommand):
    help = "Run one research synchronously and print its report."

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        run = actions.add_parser("run", help="run one research and print the report")
        run.add_argument("idea", help="the product idea, in quotes")
        run.add_argument("--depth", default="standard", choices=[*DEPTHS, *ALIASES])
        run.add_argument("--format", default="md", choices=["md", "json"], dest="output_format")

    def handle(self, *args: Any, **options: Any) -> None:
        """Run the research and print the report in the chosen format."""
        idea = options["idea"].strip()
        if not idea:
            raise CommandError("The product idea must not be empty.")
        try:
            depth = resolve_depth(options["depth"])
        except UnknownDepth as error:
            raise CommandError(str(error)) from error
        try:
            outcome = run_in_memory(
                product_idea=idea,
                budget=SearchBudget.of(depth),
                thread_id=f"cli-{uuid.uuid4()}",
                on_checkpoint=self.report_checkpoint,
                config=agent_config(),
            )
        except (ResearchFailed, ResearchCancelled) as error:
            raise CommandError(str(error)) from error
        report = outcome.report
        if options["output_format"] == "json":
            self.stdout.write(report.model_dump_json(indent=2))
        else:
            self.stdout.write(render_markdown(report), ending="")

    def report_checkpoint(self, event: CheckpointEvent) -> None:
        """Show progress on stderr: number/17, key, detail."""
        detail = f" \u2014 {event.detail}" if event.detail else ""
        self.stderr.write(f"[{event.spec.number:>2}/17] {event.key}{detail}")
