"""The import contracts in pyproject.toml hold: no cycles, and money code never imports the graph."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_import_contracts_are_kept() -> None:
    # when import-linter checks every contract (function-level imports included)
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    # then none is broken (the output names the import to remove when one is)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
