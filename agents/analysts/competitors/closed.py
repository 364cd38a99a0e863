"""Rivals that closed: a named company a source says shut down, folded or went bust.

A failed attempt at the same idea is competitive evidence of its own (what killed it is a risk the idea
shares), though nobody can buy from it any more: "Crankly, a bike-repair app in Leeds, shut down in 2022
after it could not keep mechanics busy." It is reported as written, its closure quoted, never priced.

News about a rival the relevant sources name ("Acme raises $12m ...") is read for closed rivals too: such
an article is about the market even when it never uses the idea's words.
"""

from __future__ import annotations

import re

from agents.analysts.competitors.names import NAME, ROLE_NOUNS, Names, proper
from agents.analysts.extractive_market import claim
from agents.analysts.sentences import Sentence
from agents.state import Competitor, Source

# what a company does when it closes; "closed" only when a time or a cause follows ("closed a round" is not)
CLOSURE = (
    r"shut down|shut (?:its|their) doors|shuttered|folded|went (?:bust|under|bankrupt|out of business"
    r"|into (?:administration|liquidation|receivership))|ceased (?:trading|operations|operating)"
    r"|stopped (?:trading|operating)|wound down|was (?:wound up|liquidated|dissolved)|filed for bankruptcy"
    r"|closed(?: down)?(?= (?:in|after|last|this|when|because|within|early|late)\b|[.,;])"
)
# the name, a role noun or a description between commas, "has" or "had", then the closure: "Crankly
# shut down", "The Crankly app shut down", "Crankly, a repair app in Leeds, has folded"
ROLE = "|".join(sorted(ROLE_NOUNS))
CLOSED = re.compile(
    rf"(?<![\w-])(?P<name>{NAME})(?: (?:{ROLE}))?(?:,(?P<apposition> [^,]{{3,160}}),)?"
    rf"\s(?:has |had |later |eventually )?(?:{CLOSURE})",
)


def closed_rivals(sentences: list[Sentence], names: Names, known: list[str]) -> list[Competitor]:
    """Named companies the sentences say closed, each once with the sentence saying so, first seen first;
    ``known``: competitors already found (a closure sentence about them is not a new rival)."""
    found: dict[str, Competitor] = {}
    for sentence in sentences:
        for match in CLOSED.finditer(sentence.text):
            name = _subject(match.group("name"), names)
            if not name or name in found or name in known:
                continue
            found[name] = Competitor(name=name, positioning=sentence.text, evidence=[claim(sentence)])
    return list(found.values())


def _subject(name: str, names: Names) -> str:
    """The proper name that closed, without the words before it: a role noun or an opening phrase
    ("Start-up Crankly" and "In 2022 Crankly" are Crankly); "" when there is none."""
    words = name.split()
    for start in range(len(words)):
        if words[start].lower() in ROLE_NOUNS or words[start].isdigit():
            continue
        candidate = " ".join(words[start:])
        if proper(candidate) and names.acceptable(candidate):
            return candidate
    return ""


def about_rivals(others: list[Source], rivals: list[str]) -> list[Source]:
    """Sources whose title names a rival (news about it), among those not judged about the idea."""
    patterns = [re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])") for name in rivals]
    return [source for source in others if any(pattern.search(source.title) for pattern in patterns)]
