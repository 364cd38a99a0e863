"""Hard-wrapped prose is read as Markdown renders it: one paragraph, one line (invented texts)."""

from __future__ import annotations

from datetime import UTC, datetime

from agents.analysts.sentences import split_sentences, unwrap_lines
from agents.state import Source

WRAPPED = """## Size

The trade in refurbished hospital beds across the Nordic countries, counting dealers and
auctions but not leasing, was worth **NOK 410 million in 2024**, up from NOK 380 million a
year earlier. Leasing is sized separately because the buyers are different.

| Channel | Share |
|---|---|
| Dealers | 61% |

- Dealers refurbish and resell beds with a warranty of twelve months and deliver them within
  two weeks of an order to any hospital in the region.
- Auctions sell as seen.

Hospitals that close a ward usually sell its beds within a month, and hospitals that open
one buy most of them second-hand when the budget is tight, say the procurement officers.
"""


def test_a_hard_wrapped_paragraph_becomes_one_line_and_blocks_stay_apart() -> None:
    unwrapped = unwrap_lines(WRAPPED)
    lines = unwrapped.splitlines()
    # the wrapped sentence is whole, on one line
    assert any("not leasing, was worth **NOK 410 million in 2024**, up from" in line for line in lines)
    # headings, table rows and list items are not glued to the prose around them
    assert "## Size" in lines and "| Dealers | 61% |" in lines and "- Auctions sell as seen." in lines
    # a list item's wrapped continuation joins its item
    assert any(line.startswith("- Dealers refurbish") and line.endswith("any hospital in the region.")
               for line in lines)  # fmt: skip
    # and the sentence that states the figure is found whole by the splitter
    source = Source(id="S1", url="https://beds.example", title="Beds", content=unwrapped, agent="market",
                    retrieved_at=datetime.now(UTC))  # fmt: skip
    texts = [sentence.text for sentence in split_sentences(source)]
    assert any(text.startswith("The trade in refurbished") and "NOK 410 million" in text for text in texts)


def test_a_text_that_is_not_wrapped_keeps_its_lines() -> None:
    # given lines of labelled values and long one-line paragraphs
    records = "Founded: 2019\nStaff: 40\nRevenue: NOK 12 million\nOffices: Oslo and Bergen\nCEO: Kari Nord\n"
    paragraphs = (
        "A paragraph that runs on a single long line, as most web pages deliver their text, and goes on "
        "well past any width a writer would wrap at, to make the point.\n"
        "Short line.\nAnother paragraph on one line that is long enough to count but not wrapped at all, "
        "since it ends where its sentence ends and the page never wraps it.\n"
    )
    # then nothing is joined
    assert unwrap_lines(records) == records
    assert unwrap_lines(paragraphs) == paragraphs
