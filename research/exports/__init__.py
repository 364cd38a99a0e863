"""Report exports: Markdown and JSON (as stored), Word and PDF (rendered from one outline)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from agents.report import render_markdown
from agents.state import Report
from research.exports.outline import outline
from research.exports.pdf import render_pdf
from research.exports.word import render_docx

FORMATS = ("md", "json", "docx", "pdf")
CONTENT_TYPES = {
    "md": "text/markdown; charset=utf-8",
    "json": "application/json",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


@dataclass(frozen=True)
class Export:
    content: bytes
    content_type: str
    extension: str


def export_report(report: dict[str, Any], *, fmt: str) -> Export:
    """The stored report rendered in one of :data:`FORMATS`."""
    if fmt == "json":
        content = json.dumps(report, indent=2, ensure_ascii=False).encode()
    elif fmt == "md":
        content = render_markdown(Report.model_validate(report)).encode()
    elif fmt == "docx":
        content = render_docx(outline(report))
    elif fmt == "pdf":
        content = render_pdf(outline(report), title=str(report.get("title", "PMF report")))
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    return Export(content, CONTENT_TYPES[fmt], fmt)
