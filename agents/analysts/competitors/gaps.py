"""What competitors lack, from independent sources: a section titled so, or sentences saying so."""

from __future__ import annotations

import re

from agents.analysts.competitors.structure import TITLE, bold_items, context_of, in_list, subtitles
from agents.analysts.extractive_market import claim
from agents.analysts.sentences import GAP_HEADING, TREND_HEADING, Sentence, keyword_hits, unique, words
from agents.state import Claim

GAP_WORDS = (
    "gap",
    "no app",
    "no single",
    "none of",
    "no leading",
    "underserved",
    "unmet",
    "whitespace",
    "missing",
    "nobody",
    "no one",
    "lack",
)
# a sentence saying what offerings lack, in words the gap keywords miss
GAP_SAYING = re.compile(
    r"\b(?:no|not one)\s(?:[\w-]+\s){0,2}?(?:provider|vendor|tool|service|product|platform|compan(?:y|ies)"
    r"|app|option|programme|program|operator|lender|school|course|solution)s?\s(?:\w+\s){0,2}?(?:offers?|provides?|"
    r"supports?|covers?|handles?|lets?|does|has|sends?|works?|sells?|operates?)\b"
    r"|\bwish(?:ed|es)? (?:there|someone|they|it)\b"
    r"|\bcan(?:no|')t find\b|\bhard to find\b|\bnot available\b|\bunavailable\b"
    r"|\b(?:does|do)(?:n't| not) (?:offer|support|cover|handle|integrate|work)\b",
    re.IGNORECASE,
)
# a section about what competitors do not do: "Where the gaps are", "What none of them offers"
GAP_TITLE = re.compile(
    rf"{GAP_HEADING.pattern}|\bnone of\b|\bstill missing\b|\bnot (?:yet )?(?:offered|served|covered)\b"
    r"|\bwhat (?:\w+ ){0,3}(?:lacks?|miss(?:es)?|does ?n[o']t|do ?n[o']t|can(?:no|')t|won't)\b"
    r"|\bcomplaints?\b",
    re.IGNORECASE,
)
# a gap's wording: something is missing, nobody does it, it is poor or hard
LACKING = re.compile(
    r"\b(?:no|none|not|nothing|nobody|no one|never|neither|nor|lacks?|lacking|missing|without|cannot|"
    r"can't|fails?|hard|poor(?:ly)?|weak|stuck|rarely|only|few|thin|manual(?:ly)?|still|too|expensive|"
    r"gaps?|underserved|unmet)\b|n't\b",
    re.IGNORECASE,
)
# a review turning from a rival's merit to its drawback: "…, but it needs an integrator", "The catch is …"
CONTRAST = re.compile(
    r"[,;]\s(?:but|yet|though|although|except)\b|^(?:but|however|yet)\b|\bhowever\b"
    r"|\bthe (?:catch|downside|drawback|trouble|snag|flip side)\b",
    re.IGNORECASE,
)
LABELLED = re.compile(r"^(?:\*\*[^*]{2,80}\*\*|\*[^*]{2,80}\*|[A-Z][^.:;]{2,60}:\s)")
GAP_LIMIT = 8


def find_gaps(
    sentences: list[Sentence],
    vendor: set[str],
    focus: set[str],
    leads: set[tuple[str, str]] | None = None,
    rivals: list[str] | None = None,
    compared: set[str] | None = None,
) -> list[Claim]:
    """What competitors lack, from independent sources: a section or a bold title about what is missing
    ("## What none of them offers", "**What is still missing?**") first, then sentences saying so.

    Under such a title, a list item, a titled point ("**Seats.** …", "Spanish: …") or a sentence saying
    something is lacking is a gap; the author's own story ("We ended up writing our own bot.") is not.
    Last, a comparison's verdict on one of the ``rivals`` that turns to its drawback (``compared``: the
    sources comparing several), what that offering lacks.
    """
    leads = leads or set()
    titles = subtitles(sentences)
    independent = [
        s for s in sentences if s.source_id not in vendor and not TITLE.match(s.text)
    ]  # a vendor's "gap" is an ad
    # a sentence under a "Drivers" or "Trends" heading is a trend, not a gap
    candidates = [s for s in independent if not TREND_HEADING.search(s.heading)]
    headed = [
        s
        for s in candidates
        if GAP_TITLE.search(context_of(s, titles))
        and (in_list(s, leads) or LABELLED.match(s.text) or LACKING.search(s.text))
    ]
    drawbacks = shortcomings(candidates, rivals or [], compared or set())
    noticed = verdicts(candidates, rivals or [], compared or set(), leads)
    found = unique([*headed, *gap_sentences(candidates, focus, 5), *noticed, *drawbacks])
    return [claim(s) for s in found[:GAP_LIMIT]]


def short_names(rivals: list[str]) -> list[str]:
    """The rivals' names and the coined word that names each alone ("SignLink" of "SignLink Remote",
    "Acme3D" of "Acme3D Cloud"): a word with a capital or a digit inside, never a plain word or place."""
    coined = [name.split()[0] for name in rivals if len(name.split()) > 1]
    return [*rivals, *(word for word in coined if re.search(r"^[A-Z]\w*(?:[A-Z]|\d)", word))]


def about_one_rival(sentence: Sentence, names: list[str]) -> bool:
    """Whether the sentence opens with a rival's name, in bold or not ("**Acme** costs ...")."""
    return any(re.match(rf"\*{{0,2}}{re.escape(name)}\b", sentence.text) for name in names)


def verdicts(
    sentences: list[Sentence], rivals: list[str], compared: set[str], leads: set[tuple[str, str]]
) -> list[Sentence]:
    """What a comparison of several offerings notices that they all lack: its list items saying something
    is missing, thin or hard ("**The south is thin.** We counted 41 venues there, against 500 ..."), not an
    item about one rival (that rival's drawback is read in ``shortcomings``)."""
    names = short_names(rivals)
    return [
        s
        for s in sentences
        if s.source_id in compared
        and in_list(s, leads)
        and LACKING.search(s.text)
        and not about_one_rival(s, names)
    ]


def shortcomings(sentences: list[Sentence], rivals: list[str], compared: set[str]) -> list[Sentence]:
    """A rival's drawback as a comparison of several offerings states it, in the source's order: a
    sentence of the rival's own item, or with the rival as its subject, that turns from its merit to what
    it lacks ("**Liftra** is fast, but it needs a certified rigger", "The catch is the noise.")."""
    items = bold_items(sentences)
    own = {id(s) for name in rivals for s in items.get(name, [])}
    names = short_names(rivals)
    return [
        s
        for s in sentences
        if s.source_id in compared and CONTRAST.search(s.text) and (id(s) in own or about_one_rival(s, names))
    ]


def gap_sentences(sentences: list[Sentence], focus: set[str], limit: int) -> list[Sentence]:
    """The ``limit`` sentences saying most plainly, in their own words (not their heading's), what no
    offering does, favouring the idea's words."""
    scored = []
    for sentence in sentences:
        hits = keyword_hits(sentence.text, GAP_WORDS) + len(GAP_SAYING.findall(sentence.text))
        if hits:
            score = hits * 2 + len(focus & words(sentence.text)) - sentence.position * 0.01
            scored.append((score, sentence))
    scored.sort(key=lambda pair: pair[0], reverse=True)
    return unique(sentence for _, sentence in scored)[:limit]
