"""Conflicts between figures: where sources (or one source itself) state one quantity differently.

Four kinds, one module each, on a shared core (how far apart is a disagreement, how a conflict reads):
``measures`` (the same measure in two sources: "6 days" vs "11 days"), ``prices`` (a competitor priced
differently), ``counts`` (one thing counted differently: "6,000 organisations" vs "2,300") and ``stated``
(a disagreement a source reports itself: "estimates vary: 1.9 million … 4.5 million").
"""

from agents.analysts.conflicts.counts import count_conflicts, owner
from agents.analysts.conflicts.measures import measure_conflicts
from agents.analysts.conflicts.prices import price_conflicts
from agents.analysts.conflicts.stated import stated_disagreements

__all__ = ["count_conflicts", "measure_conflicts", "owner", "price_conflicts", "stated_disagreements"]
