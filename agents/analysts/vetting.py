"""What the offline analyst may use: the relevant sources, and sentences that state findings.

A survey's caveats ("the sample over-represents large firms"), its demographics ("respondents were
aged 25 to 40") and questions are about the method, not the market: they never become findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from agents.analysts.sentences import Sentence
from agents.analysts.sourcing import IdeaTerms, assess, idea_terms
from agents.state import ProductContext, Source, SourceAssessment

# how the answers were collected: "interviewed 4-29 August through a mixed online panel (78%) and
# telephone interviews (22%)"
COLLECTED = r"\b(?:online|web|telephone|phone|face-to-face|mixed(?: online)?)\s+(?:panel|interviews)\s+\(\d"
CAVEAT = re.compile(
    r"\bover-?represent|\bunder-?represent|\bmargin of error\b|\bnot (?:be )?representative\b"
    r"|\bself-selected\b"
    r"|\bskew(?:ed|s)?\b|\blimitations?\b|\bcaveats?\b|\bweighted\b|\bsample (?:size|was|is|of)\b"
    r"|\bshould be read with\b|\binterpret(?:ed)? with caution\b|\bconfidence interval\b|\bmethodology\b"
    r"|\bthe survey (?:was|ran|is)\b|\bfieldwork\b|\bresponse rate\b|\bnon-?response\b|\bbias(?:ed)?\b"
    r"|\bself-reported\b|\bunweighted\b|\bnot (?:been )?(?:verified|weighted)\b|\bstated, not actual\b"
    r"|\bnot actual behaviou?r\b|\brecruited (?:through|from|via)\b|\bopt-in (?:panel|sample)\b"
    r"|\bconvenience sample\b|\bsmall sample\b|\bnot statistically significant\b|\bindicative only\b"
    r"|\b(?:treated|read) as (?:indicative|directional)\b|\b(?:may|might|likely|probably) (?:over|under)stat"
    r"|\bmay not (?:generali[sz]e|apply to)\b|\bmay not sum to\b|\bdo not sum to\b|\bdue to rounding\b"
    r"|" + COLLECTED,
    re.IGNORECASE,
)
DEMOGRAPHIC = re.compile(
    r"\b(?:aged|median age|average age|years old|age group|age range)\b"
    r"|\b\d+(?:\.\d+)?\s?% (?:of respondents )?(?:were|are|identified as) (?:women|men|female|male)\b"
    r"|\brespondents (?:were|came|live|lived) (?:from|in|based)\b|\b(?:were|are) based in\b"
    r"|\b\d+(?:\.\d+)?\s?% (?:female|male|women|men)\b|\b(?:are|were) headquartered\b"
    r"|\bhousehold incomes?\b|\b\d+(?:\.\d+)?\s?% (?:were|are) (?:married|single|retired|graduates)\b"
    r"|\b\d+(?:\.\d+)?\s?% (?:held|hold|had|have) an? (?:university|college|bachelor's) degree\b",
    re.IGNORECASE,
)
# the age of those a group looks after, not of those asked: "parents of children aged 1-6", "owners with
# dogs aged over 8" (a customer group, never a demographic of the sample)
DEPENDANT_AGE = re.compile(r"\b(?:of|with|for) (?:[\w-]+ )?[\w-]+ aged\b", re.IGNORECASE)
VOICE_TYPES = frozenset({"survey", "interviews", "review_forum"})
VOICE_RELEVANCE = 0.4  # weighted share of the idea's terms a customer's own words must still cover
QUESTION = re.compile(r"\?\s*$")
# a customer's question about what happens when something goes wrong: "Who is responsible if a child
# swallows it?", "What happens if the van breaks down?": a worry stated as a question, not a survey's
WORRY = re.compile(
    r"\b(?:who(?:['\u2019]s| is| would be| will be)? (?:responsible|liable|to blame|pays?|covers?)"
    r"|what happens)\b[^.!?]{0,80}?\b(?:if|when)\b[^.!?]{0,80}\?",
    re.IGNORECASE,
)
# a section about the study itself: its caveats, its sample, who answered
METHOD_SECTION = re.compile(
    r"\b(?:caveats?|limitations?|about (?:the|this) (?:sample|survey|data|study|panel)"
    r"|who (?:answered|responded|took part)|respondents?|respondent profile|sample profile"
    r"|profile of (?:the )?respondents|demographics|(?:the )?sample)\s*$"
    r"|^(?:caveats?|limitations?|methodology and caveats)\b"
    # "Respondents" as a heading, not a list's intro saying how they answered ("Respondents chose up to two")
    r"|^respondents?\b(?!\s+(?:chose|choose|picked|ranked|named|selected|rated|could|gave|listed|said)\b)",
    re.IGNORECASE,
)
OFF_TOPIC = re.compile(
    r"\boff[- ]topic\b|\bwrong (?:board|forum|thread|group|sub)\b|\bnot here\b|^@\w+ (?:try|wrong)\b",
    re.IGNORECASE,
)


def is_statement(sentence: Sentence) -> bool:
    """Whether a sentence states a finding (not a caveat, a demographic, or a question; a customer's
    worry asked as a question is one)."""
    text = sentence.text
    return not (
        CAVEAT.search(text)
        or DEMOGRAPHIC.search(DEPENDANT_AGE.sub("", text))
        or (QUESTION.search(text) and not WORRY.search(text))
        or is_method_section(sentence.heading)
    )


def describes_study(sentence: Sentence) -> bool:
    """Whether a sentence describes the study rather than what it found: how its answers were
    collected, who answered (a demographic), or anything under a heading about the sample."""
    text = sentence.text
    return bool(
        re.search(COLLECTED, text, re.IGNORECASE)
        or DEMOGRAPHIC.search(DEPENDANT_AGE.sub("", text))
        or is_method_section(sentence.heading)
    )


def is_method_section(heading: str) -> bool:
    """Whether a heading opens a section about the study itself (caveats, sample, who answered)."""
    return bool(heading) and any(METHOD_SECTION.search(part.strip()) for part in re.split(r"[|:]", heading))


STUDY_SECTION = re.compile(
    r"^(?:methodology|methods?|how we did (?:it|this)|about (?:this|the) (?:research|report|survey|study))\b",
    re.I,
)


def is_finding(sentence: Sentence, context: str = "") -> bool:
    """A statement about customers or the market: not a caveat, a demographic, a question, off-topic
    chatter, or anything under a heading about the study itself (``context``: its headings, " | "-joined)."""
    return (
        is_statement(sentence)
        and not OFF_TOPIC.search(sentence.text)
        and not any(is_method_section(part) or STUDY_SECTION.search(part) for part in context.split(" | "))
    )


@dataclass
class Evidence:
    """The sources one agent may draw on, with what the analyst knows about each."""

    sources: list[Source]  # the relevant ones only
    assessments: list[SourceAssessment]  # every retrieved source's reading
    research_year: int
    vendor: set[str] = field(default_factory=set)
    titles: dict[str, str] = field(default_factory=dict)
    # surveys, interviews and forums close to the idea that do not name the product: customers speak of
    # their problem, not of a product that does not exist yet (used for customer findings only)
    voices: list[Source] = field(default_factory=list)
    years: dict[str, int] = field(default_factory=dict)
    # the retrieved sources not judged about the idea (news about a rival the relevant ones name is still
    # read for rivals that closed; used for competitor findings only)
    others: list[Source] = field(default_factory=list)
    idea: IdeaTerms | None = None  # the idea's terms as the sources spell them

    def idea_stems(self) -> frozenset[str]:
        """The idea's product and customer terms, names of places aside (empty when unknown)."""
        if self.idea is None:
            return frozenset()
        return (self.idea.product | self.idea.core(self.idea.customer)) - self.idea.places

    def reference_year(self, source_id: str) -> int:
        """The year a source was written (for "current" vs "historical"); the research year if unknown."""
        return self.years.get(source_id, self.research_year)


def gather(sources: list[Source], context: ProductContext, research_year: int | None = None) -> Evidence:
    """The relevant sources among those retrieved, typed and dated."""
    assessments = assess(sources, context)
    relevant = {note.source_id for note in assessments if note.relevant}
    voices = {
        note.source_id
        for note in assessments
        if not note.relevant and note.source_type in VOICE_TYPES and note.relevance >= VOICE_RELEVANCE
    }
    return Evidence(
        sources=[source for source in sources if source.id in relevant],
        assessments=assessments,
        research_year=research_year or datetime.now(UTC).year,
        vendor={note.source_id for note in assessments if note.source_type == "vendor"},
        voices=[source for source in sources if source.id in voices],
        others=[source for source in sources if source.id not in relevant],
        titles={source.id: source.title for source in sources},
        idea=idea_terms(context).spelled_out(sources),
        years={
            note.source_id: int(note.published[:4]) for note in assessments if note.published[:4].isdigit()
        },
    )
