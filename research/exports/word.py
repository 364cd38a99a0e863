"""The report as a Word document (python-docx): headings, tables and hyperlinked citations."""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.text import WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph

from research.exports.outline import Block, Bullets, Citation, Heading, Paragraph, Table

LINK_BLUE = RGBColor(0x1D, 0x4E, 0xD8)
MUTED_GREY = RGBColor(0x52, 0x52, 0x5B)


def _hyperlink(paragraph: DocxParagraph, url: str, text: str) -> None:
    """An external hyperlink run (python-docx has no public API for one)."""
    relationship = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), str(LINK_BLUE))
    properties.extend([style, color, underline])
    run.append(properties)
    text_element = OxmlElement("w:t")
    text_element.text = text
    text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def _paragraph(document: WordDocument, block: Paragraph) -> None:
    paragraph = document.add_paragraph()
    run = paragraph.add_run(block.text)
    if block.tone == "warning":
        run.bold = True
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    elif block.tone == "notice":
        run.bold = True
    elif block.tone == "muted":
        run.italic = True
        run.font.color.rgb = MUTED_GREY


def _table(document: WordDocument, block: Table) -> None:
    table = document.add_table(rows=1, cols=len(block.header))
    table.style = "Light Grid Accent 1"
    for cell, text in zip(table.rows[0].cells, block.header, strict=True):
        cell.text = text
    for row in block.rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    document.add_paragraph()


def _citation(document: WordDocument, block: Citation) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run(f"[{block.number}] ").bold = True
    if block.url.lower().startswith(("http://", "https://")):
        _hyperlink(paragraph, block.url, block.title or block.url)
        paragraph.add_run(f" \u2014 {block.url}")
    else:
        paragraph.add_run(f"{block.title} \u2014 {block.url}")
    detail = paragraph.add_run(f" \u2014 {block.detail}")
    detail.font.color.rgb = MUTED_GREY


def render_docx(blocks: list[Block]) -> bytes:
    """A .docx file of the blocks."""
    document = Document()
    document.styles["Normal"].font.size = Pt(10.5)
    for block in blocks:
        if isinstance(block, Heading):
            document.add_heading(block.text, level=0 if block.level == 1 else block.level - 1)
        elif isinstance(block, Paragraph):
            _paragraph(document, block)
        elif isinstance(block, Bullets):
            style = "List Number" if block.numbered else "List Bullet"
            for item in block.items:
                document.add_paragraph(item, style=style)
        elif isinstance(block, Table):
            _table(document, block)
        else:
            _citation(document, block)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
