"""The report as a PDF (ReportLab Platypus): headings, tables, numbered citations with live links.

ReportLab's built-in fonts cover Latin-1 only, so a TrueType font is embedded: DejaVu Sans when the
system has it (wide Unicode coverage), else Bitstream Vera, which ReportLab ships in its wheel.
"""

from __future__ import annotations

from functools import cache
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import reportlab
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, ListFlowable, ListItem, SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus import Paragraph as PdfParagraph
from reportlab.platypus import Table as PdfTable

from research.exports.outline import Block, Bullets, Citation, Heading, Paragraph, Table

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
VERA = Path(reportlab.__file__).parent / "fonts"
FONT, BOLD = "ReportSans", "ReportSans-Bold"
TONE_COLOURS = {"warning": colors.HexColor("#FEF3C7"), "notice": colors.HexColor("#E0F2FE")}


@cache
def _register_fonts() -> None:
    regular, bold = (
        (DEJAVU / "DejaVuSans.ttf", DEJAVU / "DejaVuSans-Bold.ttf")
        if (DEJAVU / "DejaVuSans-Bold.ttf").exists()
        else (VERA / "Vera.ttf", VERA / "VeraBd.ttf")
    )
    pdfmetrics.registerFont(TTFont(FONT, str(regular)))
    pdfmetrics.registerFont(TTFont(BOLD, str(bold)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)


@cache
def _styles() -> dict[str, ParagraphStyle]:
    _register_fonts()
    sheet = getSampleStyleSheet()
    body = ParagraphStyle("body", sheet["BodyText"], fontName=FONT, fontSize=9.5, leading=13)
    return {
        "body": body,
        "muted": ParagraphStyle("muted", body, textColor=colors.HexColor("#52525B")),
        "cell": ParagraphStyle("cell", body, fontSize=8.5, leading=11),
        "title": ParagraphStyle("title", sheet["Title"], fontName=BOLD, fontSize=18, leading=22),
        "h2": ParagraphStyle("h2", sheet["Heading2"], fontName=BOLD, fontSize=14, spaceBefore=10),
        "h3": ParagraphStyle("h3", sheet["Heading3"], fontName=BOLD, fontSize=11, spaceBefore=6),
        "box": ParagraphStyle("box", body, fontName=BOLD, borderPadding=6, spaceBefore=6, spaceAfter=8),
    }


def _text(text: str) -> str:
    """Plain text as ReportLab paragraph markup (report text may contain <, > and &)."""
    return escape(text)


def _heading(block: Heading) -> Flowable:
    style = _styles()["title" if block.level == 1 else f"h{min(block.level, 3)}"]
    return PdfParagraph(_text(block.text), style)


def _paragraph(block: Paragraph) -> Flowable:
    styles = _styles()
    if block.tone in TONE_COLOURS:
        style = ParagraphStyle(f"box-{block.tone}", styles["box"], backColor=TONE_COLOURS[block.tone])
        return PdfParagraph(_text(block.text), style)
    return PdfParagraph(_text(block.text), styles["muted" if block.tone == "muted" else "body"])


def _bullets(block: Bullets) -> Flowable:
    body = _styles()["body"]
    items = [ListItem(PdfParagraph(_text(item), body)) for item in block.items]
    if block.numbered:
        return ListFlowable(items, bulletType="1", bulletFontName=FONT, bulletFontSize=9.5)
    return ListFlowable(items, bulletType="bullet", start="\u2022", bulletFontName=FONT, bulletFontSize=9)


def _table(block: Table, width: float) -> Flowable:
    cell = _styles()["cell"]
    header = [PdfParagraph(f"<b>{_text(text)}</b>", cell) for text in block.header]
    rows = [[PdfParagraph(_text(text), cell) for text in row] for row in block.rows]
    share = {2: (0.6, 0.4), 3: (0.5, 0.25, 0.25), 4: (0.18, 0.22, 0.48, 0.12)}
    fractions = share.get(len(block.header), tuple(1 / len(block.header) for _ in block.header))
    table = PdfTable([header, *rows], colWidths=[width * part for part in fractions], repeatRows=1)
    table.setStyle(
        TableStyle([
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#F4F4F5")),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#D4D4D8")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ])
    )  # fmt: skip
    return table


def _citation(block: Citation) -> Flowable:
    title = _text(block.title or block.url)
    if block.url.lower().startswith(("http://", "https://")):
        title = f'<link href={quoteattr(block.url)} color="#1D4ED8">{title}</link>'
    text = f"<b>[{_text(block.number)}]</b> {title} \u2014 {_text(block.url)} \u2014 {_text(block.detail)}"
    return PdfParagraph(text, _styles()["body"])


def render_pdf(blocks: list[Block], *, title: str) -> bytes:
    """An A4 PDF of the blocks."""
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, title=title, author="PMF Research Assistant",
        leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm, bottomMargin=16 * mm,
    )  # fmt: skip
    story: list[Flowable] = []
    for block in blocks:
        if isinstance(block, Heading):
            story.append(_heading(block))
        elif isinstance(block, Paragraph):
            story.append(_paragraph(block))
        elif isinstance(block, Bullets):
            story.append(_bullets(block))
        elif isinstance(block, Table):
            story += [_table(block, document.width), Spacer(1, 4 * mm)]
        else:
            story.append(_citation(block))
    document.build(story)
    return buffer.getvalue()
