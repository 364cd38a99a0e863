"""Offline competitor analysis: named offerings the sources price or position, and what they lack.

A competitor is a named product or company that a source prices or positions: the subject of a
pricing sentence, the lead of a priced item in a listing, a row of a comparison table, or a company's
own pricing page. Its name is a proper name, read in the context of the sources: not a common noun the
sources also write in lower case ("Competition", "Crates"), not a place ("Western Kenya"), not a person
or a persona ("Wanjiru, tomato trader"), not a group of respondents, not a point's title
("**Fees at risk.**") and not a plan tier ("Team", "Enterprise", "Open Source"): a company's own page
lists its plans, which price that company.

The modules, by job: ``names`` (is this a proper name), ``prices`` (what a text prices), ``structure``
(bold items, titles, list items, headings), ``listings`` (tables, own pages, product cards),
``candidates`` (finding rivals' names), ``profile`` (one rival's price and positioning), ``gaps`` (what
they lack), ``saturation`` and ``analysis`` (the findings).
"""

from agents.analysts.competitors.analysis import analyse_competitors
from agents.analysts.competitors.candidates import mentions
from agents.analysts.competitors.prices import prices_in
from agents.analysts.competitors.saturation import saturation

__all__ = ["analyse_competitors", "mentions", "prices_in", "saturation"]
