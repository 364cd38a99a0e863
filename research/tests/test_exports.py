"""Word and PDF exports: read back with python-docx and pypdf, through the API and from the renderers."""

from __future__ import annotations

import copy
from io import BytesIO
from typing import Any

import pytest
from docx import Document
from pypdf import PdfReader
from rest_framework.test import APIClient

from agents.report import SECTIONS
from agents.run import run_in_memory
from agents.tests.helpers import MEAL_IDEA, budget
from research.exports import export_report
from research.exports.outline import DEMO_NOTICE, INSUFFICIENT_NOTICE
from research.tests.factories import insert_tasks, make_task

WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(scope="module")
def sample_report() -> dict[str, Any]:
    """A real offline report over the shipped sample corpus (essential depth)."""
    return run_in_memory(product_idea=MEAL_IDEA, budget=budget("essential")).report.model_dump(mode="json")


def insufficient(report: dict[str, Any]) -> dict[str, Any]:
    """The same research as it ends when no source was about the idea (contract 2)."""
    ended = copy.deepcopy(report)
    ended.update(outcome="insufficient_evidence", pmf_score=None, citations=[], sources=[])
    ended["outcome_reason"] = "Searched its market, competitors and customers; no source was about it."
    ended["methodology"]["sample_corpus"] = False
    return ended


def docx_text(content: bytes) -> tuple[list[str], str, list[list[str]]]:
    """Headings, the whole text, and every table's cells of a .docx file."""
    document = Document(BytesIO(content))
    styled = [(p.text, p.style.name if p.style is not None else "") for p in document.paragraphs]
    headings = [text for text, style in styled if str(style).startswith("Heading")]
    text = "\n".join(p.text for p in document.paragraphs)
    tables = [[cell.text for row in table.rows for cell in row.cells] for table in document.tables]
    return headings, text, tables


def pdf_text(content: bytes) -> str:
    """All text of a PDF, pages joined, whitespace collapsed (lines wrap anywhere)."""
    pages = PdfReader(BytesIO(content)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def test_word_export_keeps_sections_breakdown_table_and_citations(sample_report: dict[str, Any]) -> None:
    # when the sample report is exported as Word
    exported = export_report(sample_report, fmt="docx")
    headings, text, tables = docx_text(exported.content)
    # then every section is a heading in the spec's order
    assert [h for h in headings if h in SECTIONS] == list(SECTIONS)
    # and the demo notice comes before the executive summary
    assert text.index(DEMO_NOTICE) < text.index("Executive Summary")
    # and the PMF breakdown is a table with every criterion and its score
    breakdown = next(cells for cells in tables if cells[:3] == ["Criterion", "Score", "Confidence"])
    for sub in sample_report["pmf_score"]["sub_scores"]:
        assert sub["name"] in breakdown
        assert f"{sub['score']:g} / {sub['weight']}" in breakdown
    # and every citation is numbered with its URL, marked as a fictional sample
    for citation in sample_report["citations"]:
        line = next(p for p in text.splitlines() if p.startswith(f"[{citation['id']}] "))
        assert citation["url"] in line and "fictional sample" in line
    assert exported.content_type == WORD


def test_word_export_names_the_sources_the_offline_analyst_could_not_read(
    sample_report: dict[str, Any],
) -> None:
    # given a report whose methodology counts two sources in French the offline analyst did not read
    report = copy.deepcopy(sample_report)
    report["methodology"].update(unread_sources=2, unread_languages=["French"])
    # when exported, the methodology says so; a report without such sources says nothing of it
    _, text, _ = docx_text(export_report(report, fmt="docx").content)
    assert "Not read: 2 sources in French, which the offline analyst does not read" in text
    assert "Not read:" not in docx_text(export_report(sample_report, fmt="docx").content)[1]


def test_pdf_export_has_section_titles_and_citation_urls(sample_report: dict[str, Any]) -> None:
    # when the sample report is exported as PDF
    exported = export_report(sample_report, fmt="pdf")
    text = pdf_text(exported.content)
    # then the extracted text holds every section title in order, the demo notice first
    positions = [text.index(title) for title in SECTIONS]
    assert positions == sorted(positions)
    assert text.index("Demo report") < positions[0]
    # and a numbered citation with its URL, and the score
    first = sample_report["citations"][0]
    assert f"[{first['id']}]" in text and first["url"] in text
    assert f"{sample_report['pmf_score']['total']} / 100" in text
    assert exported.content.startswith(b"%PDF-")


def test_insufficient_evidence_exports_say_so_and_carry_no_score(sample_report: dict[str, Any]) -> None:
    # given a research that ended without enough evidence
    report = insufficient(sample_report)
    # when it is exported as Word and PDF
    _, word, _ = docx_text(export_report(report, fmt="docx").content)
    pdf = pdf_text(export_report(report, fmt="pdf").content)
    # then both say so at the top and give no score
    for text in (word, " ".join(word.split())):
        assert text.index(INSUFFICIENT_NOTICE.split(":")[0]) < text.index("Executive Summary")
    assert "No score: the sources did not contain enough evidence" in word
    assert "no source was about it." in word and "no source was about it." in pdf
    assert "Not enough evidence" in pdf and "/ 100" not in pdf and "/ 100" not in word
    assert DEMO_NOTICE not in word  # no sample source was kept


def test_untrusted_text_is_printed_literally(sample_report: dict[str, Any]) -> None:
    # given a title and a finding carrying markup, an ampersand and a control character
    report = copy.deepcopy(sample_report)
    report["title"] = "<script>alert(1)</script> Tom & Jerry\x0b"
    report["market_analysis"]["trends"][0]["text"] = "<b>bold</b> claim & more"
    # when exported, then both formats print the text as written (no markup, no crash)
    _, word, _ = docx_text(export_report(report, fmt="docx").content)
    pdf = pdf_text(export_report(report, fmt="pdf").content)
    for text in (word, pdf):
        assert "<script>alert(1)</script> Tom & Jerry" in text and "<b>bold</b> claim & more" in text


@pytest.mark.django_db
def test_api_serves_word_and_pdf_to_the_owner_only(
    alice_api: APIClient, bob_api: APIClient, alice: Any, mongo_db: Any, sample_report: dict[str, Any]
) -> None:
    # given alice's completed research
    task = make_task(
        alice.pk, title="Meal planner & co", status="completed", report=sample_report, pmf_score=91
    )
    insert_tasks([task])
    url = f"/api/v1/research/tasks/{task.id}/export"
    # when she downloads it as Word and PDF
    word = alice_api.get(url, {"format": "docx"})
    pdf = alice_api.get(url, {"format": "pdf"})
    # then each is an attachment named after the research, of the right type, and readable
    assert (word.status_code, word["Content-Type"]) == (200, WORD)
    assert word["Content-Disposition"] == 'attachment; filename="meal-planner-co.docx"'
    assert "Executive Summary" in docx_text(word.content)[0]
    assert (pdf.status_code, pdf["Content-Type"]) == (200, "application/pdf")
    assert pdf["Content-Disposition"] == 'attachment; filename="meal-planner-co.pdf"'
    assert "Strategic Recommendations" in pdf_text(pdf.content)
    # and bob gets a 404 for it, and an unknown format is a 400 naming the field
    assert bob_api.get(url, {"format": "pdf"}).status_code == 404
    refused = alice_api.get(url, {"format": "odt"})
    assert refused.status_code == 400
    assert "format" in refused.json()["error"]["fields"]
