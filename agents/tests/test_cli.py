"""The operator CLI: manage.py research run."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from agents.report import SECTIONS
from agents.tests.helpers import KEYS, MEAL_IDEA


def run_cli(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("research", "run", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_run_prints_markdown_report_and_checkpoints() -> None:
    # when an operator runs a research offline
    out, err = run_cli(MEAL_IDEA, "--depth", "essential")
    # then the report is on stdout with every section and the 17 checkpoints went to stderr in order
    assert [line[3:] for line in out.splitlines() if line.startswith("## ")] == list(SECTIONS)
    progress = [line.split("] ", 1)[1].split()[0] for line in err.splitlines()]
    assert sorted(progress) == sorted(KEYS)
    assert err.splitlines()[0] == "[ 1/17] research_plan_created \u2014 depth essential"


def test_run_prints_json_report() -> None:
    out, _ = run_cli(MEAL_IDEA, "--depth", "comprehensive", "--format", "json")
    report = json.loads(out)
    assert report["methodology"]["depth"] == "deep"
    assert report["product_idea"] == MEAL_IDEA


def test_run_rejects_an_empty_idea() -> None:
    with pytest.raises(CommandError, match="must not be empty"):
        run_cli("   ")
