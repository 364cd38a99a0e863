"""What a market figure counts, when its own sentence does not say: a report defines its market in one
sentence ("We define the market as what families spend on …", "our figure covers everything …") and
sizes it in another ("On that definition the market was worth €11m")."""

from __future__ import annotations

import re
from itertools import pairwise

from agents.analysts.idea import STOPWORDS
from agents.analysts.sentences import Sentence
from agents.state import Figure

SIZED = ("market_size", "growth_rate")  # the kinds of figure that size a market

# a source saying what its market or figure counts, in a sentence of its own: "We define the market as what
# families spend on …", "X is defined as …", "our figure covers everything households pay for …"
DEFINED_AS = re.compile(
    r"\bwe define (?P<named>[^,;:.]{2,60}?) as (?P<defined>[^;:.]{3,200})"
    r"|\b(?P<named2>[\w -]{2,60}?) (?:is|are) defined (?:here )?as (?P<defined2>[^;:.]{3,200})"
    r"|\b(?:our|this|the) (?:figure|estimate|total|market size) (?:covers|includes|counts) "
    r"(?P<defined3>[^;:.]{3,200})",
    re.IGNORECASE,
)
GENERIC_NAME = re.compile(r"^(?:the |this |our |that )?(?:market|sector|industry|category|it|them)$", re.I)
DEFINITION_REACH = 4  # sentences before or after a figure, in its section, where its source may define it
PREPOSITIONS = frozenset({"through", "across", "around", "within", "between", "among", "beyond", "after"})
DEFINITION_WORDS = 10  # a definition is named by its first words in the report ("what families spend on …")


def definition_of(text: str) -> str:
    """What a defining sentence says its market or figure counts, in its first words: what "the market"
    is defined as, or what "our figure covers" ("" when the sentence defines no market in plain words)."""
    match = DEFINED_AS.search(text)
    if not match:
        return ""
    named = (match.group("named") or match.group("named2") or "").strip()
    if named and not GENERIC_NAME.match(named):
        return ""  # a label of the source's own ("hotel operations software") may not be the idea's words
    defined = (match.group("defined") or match.group("defined2") or match.group("defined3") or "").strip()
    # a gloss in brackets ("school canteens (*školní jídelny*)") restates a word: no word of the definition
    defined = re.sub(r"\s*\([^)]*\)", "", defined)
    kept = re.split(r",\s", defined)[0].split()[:DEFINITION_WORDS]
    while kept and kept[-1].lower() in STOPWORDS | PREPOSITIONS:  # "… bought at or through": "… bought"
        kept.pop()
    return " ".join(kept)


def definitions(found: list[Figure], sentences: list[Sentence]) -> dict[int, str]:
    """Market figures that name no market of their own ("On that definition the market was worth …") take
    the definition their source gives nearby in the same section (DEFINITION_REACH) as their scope; returns,
    for each, that sentence, whose words say whether the figure is about the idea."""
    by_source: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        by_source.setdefault(sentence.source_id, []).append(sentence)
    result: dict[int, str] = {}
    for figure in found:
        if figure.kind not in SIZED or not names_no_market(figure):
            continue
        said = by_source.get(figure.source_ids[0], [])
        at = next((i for i, s in enumerate(said) if s.text.startswith(figure.quote[:60])), None)
        if at is None:
            continue
        near = sorted(
            (
                s
                for s in said[max(0, at - DEFINITION_REACH) : at + DEFINITION_REACH + 1]
                if s is not said[at] and s.heading == said[at].heading
            ),
            key=lambda s: abs(s.position - said[at].position),
        )
        for sentence in near:
            if phrase := definition_of(sentence.text):
                figure.scope = phrase
                result[id(figure)] = sentence.text
                break
        else:
            if at > 0 and SAID_OF_IT.match(figure.quote) and said[at - 1].heading == said[at].heading:
                _said_of_the_one_before(figure, said[at - 1], found, result)
    return result


# a figure whose subject is the market just named: "We expect it to grow at 4.2% a year", "The market
# grew 9% in 2025"
SAID_OF_IT = re.compile(
    r"^\W*(?:[\w-]+\s+){0,3}?(?:it|this market|that market|the market|this segment)\b", re.IGNORECASE
)


def _said_of_the_one_before(
    figure: Figure, before: Sentence, found: list[Figure], result: dict[int, str]
) -> None:
    """A figure said of "it" takes the definition of the market size stated in the sentence before it
    ("Vietnam's mini football pitch rental market was worth …. We expect it to grow at 4.2% a year")."""
    for other in found:
        if (
            other.kind == "market_size"
            and not names_no_market(other)
            and before.text.startswith(other.quote[:60])
        ):
            figure.scope = other.scope
            result[id(figure)] = before.text
            return


def names_no_market(figure: Figure) -> bool:
    """Whether the figure's words define no market of their own ("the Portuguese market was worth …",
    its definition given by the sentences before it): one word is not a definition."""
    return len(figure.scope.split()) < 2


# the sentence after an amount saying it is not the market: "That is the money flowing through buildings'
# accounts, not the money spent on software."
NOT_THE_MARKET = re.compile(
    r"^\W*(?:that|this|which)(?:\s+(?:figure|amount|sum|total|money|number))?\s+(?:is|was|'s)\b[^.]*\bnot\b",
    re.IGNORECASE,
)


def disowned(found: list[Figure], sentences: list[Sentence]) -> None:
    """Market sizes whose source says, in the next sentence, that they are not the market ("… TRY 61
    billion in aidat. That is the money flowing through buildings' accounts, not the money spent on
    software.") become other figures."""
    following = {
        (before.source_id, before.text): after
        for before, after in pairwise(sentences)
        if before.source_id == after.source_id
    }
    for figure in found:
        after = following.get((figure.source_ids[0], figure.quote))
        if figure.kind == "market_size" and after is not None and NOT_THE_MARKET.match(after.text):
            figure.kind = "other"
