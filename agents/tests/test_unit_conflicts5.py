"""Conflicts between sources: a concession is a clause of its own, a count written as a floor ("9,000+"),
an independent count introduced by a colon or by "counts", and two shares of one charge (issue 11).

Invented sentences only, in domains no eval corpus covers (bicycle repair, beekeeping, ferries, violin
making, tyre recycling, tutoring of chess, laundromats)."""

from agents.analysts.conflicts import count_conflicts, measure_conflicts, stated_disagreements
from agents.analysts.sentences import Sentence


def _pool(*texts: str) -> list[Sentence]:
    return [Sentence(text, f"S{index + 1}", 0) for index, text in enumerate(texts)]


def _counted(sentences: list[Sentence], vendor: frozenset[str] = frozenset(), owners=None):
    usable = frozenset(s.source_id for s in sentences)
    return count_conflicts(sentences, owners or {}, usable, frozenset(), vendor)


def _values(conflict) -> set[str]:
    return {side.value for side in conflict.sides}


# --- a concession ("though …") is a clause of its own ---------------------------------------------------


def test_a_share_before_though_is_named_by_its_own_clause() -> None:
    # the clause after "though" states another share; its words do not name the first one
    found = measure_conflicts(
        _pool(
            "Only 12% of repair shops currently use a booking app for bicycle repairs, though 40% have "
            "tried one at some point in the last five years.",
            "In our spring workshop panel, 31% of independent repair shops said a mechanic used a booking "
            "app for bicycle repairs every week.",
        )
    )
    assert len(found) == 1 and _values(found[0]) == {"12%", "31%"}


def test_a_concession_separates_two_attributed_views_in_one_sentence() -> None:
    # the cut at "though" keeps each stated value in its own attributed clause
    found = stated_disagreements(
        _pool(
            "Estimates vary: the guild counted 1.4 million hives, though the ministry says 2.1 million.",
        )
    )
    assert len(found) == 1 and _values(found[0]) == {"1.4 million", "2.1 million"}
