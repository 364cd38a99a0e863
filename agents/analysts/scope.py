"""What a page says it leaves out, and whether what it leaves out is the idea.

Market notes state their scope, and a search for an idea returns the neighbouring market's note that
names the idea only to set it aside: "Frost alarms and temperature sensors are outside the scope of
this note", "It does not cover software for freight forwarders calculating the emissions of
shipments", "hotel housekeeping is a different market and is not covered". Such a page shares the
idea's generic words (sensors, vineyards, software) but is about something else: its market sizes,
growth and companies are not this idea's.

So the words a page uses only to say what it leaves out do not count towards what it is about: a page
naming the idea's customers or product only in such a statement is not about them. A report about the
idea's own market that leaves one part out ("banks' collection services were not included", "prices
exclude VAT") names the idea's words elsewhere too, and stays about the idea.
"""

from __future__ import annotations

import re

# a sentence ends at its full stop, or at a line break (a heading, a list item, a table row)
SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
# "<what> is/are not covered|excluded|outside the scope|a different market": what is left out comes first
LEFT_OUT_BEFORE = re.compile(
    r"\b(?:is|are|was|were|remains?|stays?)\s+(?:deliberately\s+|therefore\s+|also\s+)?"
    r"(?:not\s+(?:covered|included|counted|considered|part\s+of\s+(?:this|the|our))|excluded(?!\s+by\b)"
    r"|left\s+out|(?:outside|beyond)\s+(?:(?:the|our|its|this)\s+)?scope|out\s+of\s+scope"
    r"|outside\s+(?:this|the|our)\s+(?:note|report|study|estimate|analysis|figures?|survey)"
    r"|(?:a\s+)?(?:different|separate|distinct)\s+market)\b",
    re.IGNORECASE,
)
# "it does not cover <what>", "excluding <what>", "we leave out <what>": what is left out comes after
LEFT_OUT_AFTER = re.compile(
    r"\b(?:(?:does|do|did|will)\s+not|doesn't|don't)\s+(?:cover|include|count|consider|look\s+at)\b"
    r"|\bexclud(?:es|e|ing)\b|\bleaves?\s+out\b|\bomits?\b",
    re.IGNORECASE,
)
# where a clause begins or ends: what is left out is named within one clause
CLAUSE_START = re.compile(r"[;:\u2014]|\s[\u2013-]\s|\bbut\b|\bwhile\b|\bwhereas\b", re.IGNORECASE)
CLAUSE_END = re.compile(r"[,;:.()\u2014]|\s[\u2013-]\s|\bbut\b|\bwhile\b|\bwhereas\b", re.IGNORECASE)


def left_out(sentence: str) -> list[str]:
    """The phrases ``sentence`` says are left out of what it covers (empty when it sets nothing aside)."""
    phrases = []
    for match in LEFT_OUT_BEFORE.finditer(sentence):
        start = max((m.end() for m in CLAUSE_START.finditer(sentence, 0, match.start())), default=0)
        phrases.append(sentence[start : match.start()])
    for match in LEFT_OUT_AFTER.finditer(sentence):
        end = next((m.start() for m in CLAUSE_END.finditer(sentence, match.end())), len(sentence))
        phrases.append(sentence[match.end() : end])
    return [phrase for phrase in phrases if phrase.strip()]


def without_left_out(text: str) -> str:
    """``text`` without the phrases its scope statements leave out: a page's words about what it does
    not cover say nothing about what it is about."""
    kept = []
    for sentence in SENTENCE.split(text):
        for phrase in left_out(sentence):
            sentence = sentence.replace(phrase, " ")
        kept.append(sentence)
    return "\n".join(kept)
