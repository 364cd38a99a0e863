"""A neighbouring market's note that names the idea only to leave it out of its scope is not about the
idea (issue 11, "relevance and honest gaps"). Invented pages, in domains no eval corpus covers."""

from datetime import UTC, datetime

from agents.analysts.idea import parse_idea
from agents.analysts.scope import left_out, without_left_out
from agents.analysts.sourcing import assess
from agents.state import Source

IDEA = parse_idea(
    "Leak sensors under the pipes of ski chalets in Austria, with a phone alarm and a repair call-out "
    "for the owners, €9 per sensor per month."
)


def page(name: str, title: str, content: str) -> Source:
    return Source(
        id=name, url=f"https://{name}.example/note", title=title, content=content, agent="market",
        retrieved_at=datetime(2026, 5, 1, tzinfo=UTC),
    )  # fmt: skip


THE_IDEA = page(
    "alpine-review",
    "Leak sensors in Austrian ski chalets: market note 2026",
    "Owners of ski chalets in Austria spent EUR 14 million on leak sensors and alarm services in 2025. "
    "Leak sensors under the pipes warn owners of frozen or burst pipes while the chalet is empty. "
    "Most owners want a phone alarm and a repair call-out in the same contract. "
    "Smart thermostats and the plumbers' own call-out fees are excluded from this estimate.",
)
NEIGHBOUR = page(
    "tyrol-tech",
    "Smart heating controls for holiday homes in Austria: market note 2026",
    "Holiday-home buyers in Austria spent EUR 31 million on smart thermostats and remote heating controls "
    "in 2025, with an app that shows each room's temperature. Buyers want to heat the house before they "
    "arrive. Alpenwarm and Heizfern lead the market. "
    "Leak sensors and burst-pipe alarms for ski chalet owners are outside the scope of this note; "
    "leak sensors under chalet pipes are not covered either.",
)


def test_a_scope_statement_names_what_it_leaves_out_before_or_after_its_verb() -> None:
    assert left_out("Leak sensors and burst-pipe alarms are outside the scope of this note.") == [
        "Leak sensors and burst-pipe alarms "
    ]
    assert left_out("It does not cover software for plumbers quoting repairs, which is sized apart.") == [
        " software for plumbers quoting repairs"
    ]
    assert left_out("Hotel laundry, done by the hotel's own staff, is a different market.") == [
        "Hotel laundry, done by the hotel's own staff, "
    ]
    # a price that leaves out a tax names only the tax; a sentence that sets nothing aside names nothing
    assert [p.strip() for p in left_out("€9 per sensor per month, excluding VAT, with the app.")] == ["VAT"]
    assert left_out("Owners were excluded by the minimum contract size.") == []
    assert left_out("Most sensors are outside the house, under the eaves.") == []
    assert left_out("Leak sensors are sold by plumbers.") == []


def test_what_a_page_leaves_out_is_not_counted_as_what_it_is_about() -> None:
    kept = without_left_out(NEIGHBOUR.content)
    assert "thermostats" in kept and "Alpenwarm" in kept
    assert "Leak" not in kept and "chalet" not in kept


def test_a_neighbouring_market_that_names_the_idea_only_to_leave_it_out_is_not_relevant() -> None:
    # when the idea's sources are assessed: its own note (which leaves out a part of its own market), and
    # the neighbour's note that shares its place and its generic words and names the idea's product and
    # customer only to put them out of its scope
    judged = {a.source_id: a.relevant for a in assess([THE_IDEA, NEIGHBOUR], IDEA)}
    # then only the note about the idea is used
    assert judged == {"alpine-review": True, "tyrol-tech": False}
    # and the same neighbour saying it covers them would have been about the idea
    covering = NEIGHBOUR.content.replace("are outside the scope of this note", "are in this note too")
    covering = covering.replace("are not covered either", "are counted as well")
    plain = page("tyrol-plain", NEIGHBOUR.title, covering)
    assert {a.source_id: a.relevant for a in assess([THE_IDEA, plain], IDEA)}["tyrol-plain"]
