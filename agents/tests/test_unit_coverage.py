"""Whether the sources on topic cover what the idea offers, or only its customer's other needs."""

from __future__ import annotations

from datetime import UTC, datetime

from agents.analysts.coverage import another_offer
from agents.state import Source


def _page(number: int, title: str, content: str) -> Source:
    return Source(
        id=f"S{number}", url=f"https://p{number}.example/page", title=title, content=content, agent="market",
        retrieved_at=datetime.now(UTC),
    )  # fmt: skip


HIVE_PAGES = [
    _page(
        1,
        "Winter colony losses among hobby beekeepers, 2025",
        "Hobby beekeepers lost 31% of their hives last winter. A colony that starves loses weight for "
        "weeks before it dies, and keepers rarely open the hive in the cold to check.",
    ),
    _page(
        2,
        "Hive scales compared",
        "A scale under the hive weighs the colony every hour; the better ones send an alert to the keeper "
        "when the weight drops. The price of honey rose, and most keepers list varroa as their worry.",
    ),
]


def test_sources_about_the_customer_but_not_the_offer_are_about_another_offer() -> None:
    # given pages about hobby beekeepers' winter losses and hive scales
    # when the idea offers them something else: buying their supplies from the cheapest seller
    other = (
        "Hobby beekeepers overpay for their supplies every spring. Our marketplace compares every "
        "supplier's jars, labels and smokers and ships the cheapest order to the apiary."
    )
    # then most of what it offers is named by no source ("compares" is: "Hive scales compared"), and
    # those words are what the report names
    assert another_offer(other, HIVE_PAGES) == [
        "marketplace", "supplier", "jars", "labels", "smokers", "ships", "cheapest", "order", "apiary",
    ]  # fmt: skip
    # while the offer the pages are about is covered
    covered = (
        "Hobby beekeepers lose a third of their hives every winter. Our sensor sits under the hive, weighs "
        "the colony every hour and alerts the keeper when its weight drops."
    )
    assert another_offer(covered, HIVE_PAGES) == []


def test_an_offer_told_in_few_words_or_mostly_named_by_the_sources_is_not_judged_another() -> None:
    # given the same pages; an offer of fewer than five distinctive words is never judged (a source may
    # say the same in other words)
    assert another_offer("Cheapest jars for hobby beekeepers.", HIVE_PAGES) == []
    # and an offer half of whose words the sources use is theirs (one unusual word is a detail)
    half = (
        "Hive scales for hobby beekeepers that weigh each colony hourly, alert by text and log honey prices."
    )
    assert another_offer(half, HIVE_PAGES) == []
    # and no sources at all is judged elsewhere (nothing on topic), not here
    assert another_offer(half, []) == []
