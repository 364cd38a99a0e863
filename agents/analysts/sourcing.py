"""What a source is (type, date) and whether it is about the idea, from its words and structure alone.

Relevance is "aboutness", not word overlap: an idea term counts fully when the source's title carries
it or the text repeats it, half when it appears once. Terms are weighted by how rare they are among
the sources retrieved together (a term every retrieved page shares tells little), and when the idea
names its customer ("X for Y"), a relevant source must be about both the product and that customer,
so an adjacent market sharing the product's words ("solar", "cold", "storage") is not used.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from agents.analysts.amounts import PRICE
from agents.analysts.idea import (
    GENERIC,
    SIZE_WORDS,
    TARGET_END,
    customer_groups,
    defining_split,
    handled_things,
    list_items,
    ordered_sentences,
    payers,
    recipient,
    second_hand,
    sentences_of,
    terms,
)
from agents.analysts.idea_labels import labelled_parts
from agents.analysts.scope import without_left_out
from agents.analysts.sentences import stem
from agents.state import ProductContext, Source, SourceAssessment, SourceType

MAX_DESCRIPTION_TERMS = 6  # product terms taken from an idea's description when its noun is generic
UNNAMED_CUSTOMER_RELEVANCE = 0.5  # with no customer named, half the idea's weighted terms must be covered
MIN_RELEVANCE = 0.2  # weighted share of the idea's terms below which nothing counts as about the idea
# a source whose title or repetition shows it is about both a product term and a customer term may
# cover less of a long idea's wording: "sensor retrofits in breweries" for an idea that also names
# the sensors' clip, app and measurements
MIN_RELEVANCE_BOTH_FACETS = 0.15
WORD = re.compile(r"[a-z0-9]+")
SIZES = frozenset(stem(word) for word in SIZE_WORDS)
GENERIC_STEMS = frozenset(stem(word) for word in GENERIC)
# what makes an agency or an authority a public body ("the Environment Agency", "a local authority")
PUBLIC_BODY = (
    r"government|public|federal|state|national|local|municipal|county|city|district|regional|provincial|"
    r"environment(?:al)?|health|tax|revenue|regulatory|statistics|statistical|executive|transport|housing|"
    r"competition|medicines|food standards|data protection|financial conduct|planning|licensing|port"
)
TYPE_CUES: dict[SourceType, tuple[str, ...]] = {
    "survey": (
        r"\bsurvey(?:ed)?\b",
        r"\brespondents?\b",
        r"\bpoll(?:ed)?\b",
        r"\bn\s?=\s?\d",
        r"\bsample of\b",
        r"\bquestionnaire\b",
    ),
    "interviews": (
        r"\binterview(?:s|ed|ees?)?\b",
        r"\bwe spoke\b",
        r"\bspoke with\b",
        r"\bconversations? with\b",
        r"\bfield notes\b",
    ),
    "review_forum": (
        r"\bforum\b",
        r"\bthread\b",
        r"\bposted\b",
        r"\brepl(?:y|ies|ied)\b",
        r"\bupvote",
        r"\breviews?\b",
        r"\bstars?\b",
        r"\u2605",
        r"\bcommenters?\b",
        r"\bop\b",
        r"^re:",
        r"\busername\b",
    ),
    "news": (
        r"\breported\b",
        r"\bannounced\b",
        r"\bsaid in a statement\b",
        r"\bspokesperson\b",
        r"\bnews\b",
        r"\bjournalist\b",
        r"\bthis week\b",
        r"\bon (?:monday|tuesday|wednesday|thursday|friday)\b",
        r"\btold\b",
    ),
    "government": (
        r"\bministry\b",
        r"\bdepartment of\b",
        r"\bbureau\b",
        r"\bcensus\b",
        r"\bstatistics office\b",
        r"\bnational statistics\b",
        r"\bgovernment\b",
        # a public body, not any "agency" or "authority" (a translation agency, a process authority)
        rf"\b(?:{PUBLIC_BODY}) agenc(?:y|ies)\b",
        rf"\b(?:{PUBLIC_BODY}) authorit(?:y|ies)\b",
        r"\bregulator\b",
        r"\bofficial statistics\b",
        r"\bpublic health\b",
    ),
    "analyst_report": (
        r"\bmarket (?:size|report|research|analysis)\b",
        r"\banalysts?\b",
        r"\bcagr\b",
        r"\bforecast period\b",
        r"\bwe estimate\b",
        r"\bestimates?\b",
        r"\bmethodology\b",
        r"\bresearch (?:firm|note)\b",
        r"\bsegmentation\b",
        r"\bmarket share\b",
    ),
}
# cues that name who publishes a page (a statistics office, a ministry, a newsroom), not what it is
# about: a report on public agencies says "government" often, a statistics office's release names itself
PUBLISHER_CUES: dict[SourceType, tuple[str, ...]] = {
    "government": (
        r"\bstatistics (?:office|bureau|agency|department|division)\b",
        r"\b(?:national|official|government) statistics\b",
        r"\bbureau of (?:statistics|labou?r)\b",
        r"\bministry of\b",
        r"\bcensus (?:bureau|office)\b",
    ),
}
PUBLISHER_WEIGHT = 3
MASTHEAD_CHARS = 400  # a page's opening, where its publisher names itself (later mentions cite others)
# a site's own name says what it is: "stats.gov.example", "fisheries.go.example", "city-news.example"
HOST_CUES: dict[SourceType, re.Pattern[str]] = {
    "government": re.compile(r"(?:^|[.-])(?:gov|go|gouv|gob|govt|stats?|statistics)(?:[.-]|$)"),
    "news": re.compile(r"(?:^|[.-])news(?:[.-]|$)"),
}
VENDOR_CTA = (
    r"\bsign up\b",
    r"\bget started\b",
    r"\bstart (?:your|a) free trial\b",
    r"\bfree trial\b",
    r"\bbook a demo\b",
    r"\brequest a demo\b",
    r"\bcontact (?:sales|us)\b",
    r"\btry (?:it )?(?:for )?free\b",
    r"\bsubscribe\b",
    r"\bbuy now\b",
    r"\bupgrade\b",
    r"\bour customers\b",
    r"\bour (?:platform|app|product|team|plans?)\b",
    r"\bjoin (?:over |more than )?[\d,]+\b",
    r"\bplans?\b.{0,40}\bper month\b",
    r"\bmost popular\b",
    r"\bbilled (?:monthly|annually)\b",
    r"\bcancel anytime\b",
    r"\btrusted by\b",
    r"\b(?:ask for|request|get) (?:an? |your )?(?:free )?(?:offer|quote)\b",
)
SECOND_PERSON = re.compile(r"\b(?:you|your|you're|yours)\b", re.IGNORECASE)
FORUM = re.compile(r"\bforums?\b|\bthreads?\b|/t/|\bcommunity\b|\breddit\b|\bdiscussion\b", re.IGNORECASE)
FIRST_PERSON = re.compile(r"\b(?:we|we're|we've|our|ours|us)\b", re.IGNORECASE)
VENDOR_URL = re.compile(r"/(?:pricing|prices|plans|products?|buy|signup|sign-up)(?:[/?#.]|$)", re.I)
STUDY_TITLE = re.compile(
    r"\b(?:study|survey|research|report|analysis|benchmark|compar\w*|review\w*|index|paper|policy|brief"
    r"|outlook|statistics|note)\b",
    re.I,
)
STUDY_METHOD = re.compile(
    r"\b(?:respondents?|questionnaires?|surveyed|we asked|who we asked|margin of error|sample of|weighted"
    r"|fieldwork|methodology)\b"
)
DATE_LINE = re.compile(
    r"(?:published|updated|posted|date|released)\s*:?\s*(?:on\s+)?"
    r"(?P<iso>(?:19|20)\d{2}-\d{2}-\d{2})?"
    r"(?P<text>[A-Z][a-z]+\.? \d{1,2},? (?:19|20)\d{2}|\d{1,2} [A-Z][a-z]+ (?:19|20)\d{2}"
    r"|[A-Z][a-z]+ (?:19|20)\d{2})?",
    re.IGNORECASE,
)
MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
    )
}


@dataclass(frozen=True)
class IdeaTerms:
    """The idea's terms to match, split into the product's and the named customer's."""

    product: frozenset[str]
    customer: frozenset[str]
    places: frozenset[str] = frozenset()  # names of places: every market in that place shares them

    @property
    def all(self) -> frozenset[str]:
        """Every term."""
        return self.product | self.customer

    def spelled_out(self, sources: list[Source]) -> IdeaTerms:
        """The terms with each abbreviation no source uses replaced by the word the sources spell out
        ("fwdrs" -> forwarders, "shpt" -> shipment): a post's shorthand names what its pages name."""
        vocabulary = Counter(
            word for source in sources for word in WORD.findall(f"{source.title} {source.content}".lower())
        )
        seen = {stem(word) for word in vocabulary}

        def spell(terms: frozenset[str]) -> frozenset[str]:
            return frozenset(spelled(term, vocabulary) if term not in seen else term for term in terms)

        return IdeaTerms(spell(self.product), spell(self.customer), self.places)

    def core(self, facet: frozenset[str]) -> frozenset[str]:
        """A facet's terms less the names of places, unless nothing else is left: a page mentioning
        contract review "in Europe" is not about translation agencies in Europe."""
        return (facet - self.places) or facet


# a word written without its vowels after the first letter: "fwdr", "shpt", "mgmt", "govt"
ABBREVIATION = re.compile(r"[a-z][b-df-hj-np-tv-z]{2,}")


def spelled(term: str, vocabulary: Counter[str]) -> str:
    """The stem of the most used word of ``vocabulary`` that ``term`` abbreviates: a longer word with the
    same first letter holding its letters in order ("fwdr" in "forwarders"); ``term`` itself when it is
    no abbreviation or none is found."""
    if not ABBREVIATION.fullmatch(term):
        return term
    order = re.compile(".*".join(re.escape(letter) for letter in term))
    found = [
        (count, word)
        for word, count in vocabulary.items()
        if word[:1] == term[:1] and len(word) >= len(term) + 2 and order.search(word)
    ]
    return stem(max(found)[1]) if found else term


def idea_terms(context: ProductContext) -> IdeaTerms:
    """The terms of the idea's defining (first) sentence, split at its "for <customer>"; the customer
    also takes those a later sentence sells to ("We sell it to consumers and to employers"), and when
    no sentence names one that way, the groups of people or organisations the idea names ("… rooms at
    rural markets where smallholder farmers and traders pay per crate")."""
    idea = _defining_terms(context)
    rest = ordered_sentences(context.product_idea)[1:]
    parts = labelled_parts(context.product_idea) or {}
    if "customer" in parts:  # a template says whom, by its label
        rest = []
    later = [receiver for sentence in rest if (receiver := recipient(sentence))]
    named = frozenset(stem(term) for receiver in later for term in terms(receiver))
    if not idea.customer and not named:
        named = frozenset(stem(term) for term in customer_groups(context.product_idea))
    named |= frozenset(stem(term) for term in payers(context.product_idea))
    named -= GENERIC_STEMS  # "sellers" and "users" name no group of their own
    customer = idea.customer | (named - idea.product)
    # an idea that lists what its product does ("- book haul-out and storage at boatyards") says what it
    # is in the list: its opening sentence may only say what it is for ("keep the boat looked after")
    listed = frozenset(stem(term) for item in list_items(context.product_idea) for term in terms(item))
    # a template's first line names the product and says what it is ("Prorrata: common expenses, billed,
    # collected and explained"): its words are the product's too
    listed |= frozenset(stem(term) for term in terms(parts.get("tagline", "")))
    return IdeaTerms(idea.product | (listed - customer), customer, places(context.product_idea))


def places(product_idea: str) -> frozenset[str]:
    """The capitalised words an idea uses inside its sentences (not first words): the names of places,
    brands and languages, which say where or in what, not which market."""
    found: set[str] = set()
    for sentence in sentences_of(product_idea):
        for word in re.findall(r"(?<=[\s(])[A-Z][A-Za-z.]*[a-z.]\b|\bU\.S\.?", sentence):
            found.update(stem(term) for term in terms(word))
    return frozenset(found)


def _defining_terms(context: ProductContext) -> IdeaTerms:
    first, product, target = defining_split(context.product_idea)
    customer = frozenset(stem(term) for term in terms(target))
    if customer - SIZES:
        customer -= SIZES
    # with no customer named by "for"/"to", the groups the sentence names ("a marketplace where
    # restaurants and bars buy …", "lockers at pharmacies so patients can …") are who it serves, not
    # what it is: they are left to the customer facet (idea_terms), not counted as product terms
    groups = frozenset() if customer else frozenset(stem(term) for term in customer_groups(first))
    if not customer:  # no customer named: the head noun phrase defines the product, the rest details it
        lead = TARGET_END.split(product, maxsplit=1)[0]
        # "Refill dispensers for dish soap, laundry liquid and floor cleaner": the whole list of what it
        # handles is what the product is, commas and all
        named, _, handled = product.partition(" for ")
        if handled and (things := handled_things(handled)) and lead.startswith(named):
            lead = f"{named} for {things}"
        head = frozenset(stem(term) for term in terms(lead)) - groups
        if len(head) >= 2:
            return IdeaTerms(head, customer)
    product_terms = frozenset(stem(term) for term in terms(product)) - customer - groups
    if not product_terms:  # "A monthly subscription for X: <what it does>": the description says what it is
        rest = first[first.find(target) + len(target) :] if target else first
        product_terms = frozenset(stem(term) for term in terms(rest)[:MAX_DESCRIPTION_TERMS]) - customer
    return IdeaTerms(product_terms, customer)


def counts(text: str) -> Counter[str]:
    """Occurrences of each word of ``text`` (lower-case, singular; hyphenated words split)."""
    return Counter(stem(word) for word in WORD.findall(second_hand(text).lower()))


def presence(term: str, title: Counter[str], body: Counter[str]) -> float:
    """How much a source is about ``term``: 1 in its title or repeated, 0.5 mentioned once, else 0."""
    if title[term] or body[term] >= 2:
        return 1.0
    return 0.5 if body[term] else 0.0


def weights(wanted: frozenset[str], sources: list[Source]) -> dict[str, float]:
    """Each term's weight: rarer among the retrieved sources counts more (absent terms count most)."""
    bodies = [counts(f"{source.title} {source.content}") for source in sources]
    total = len(bodies)
    return {
        term: 1.0 + math.log((total + 1) / (1 + sum(1 for body in bodies if body[term]))) for term in wanted
    }


def covered(
    wanted: frozenset[str], weight: dict[str, float], title: Counter[str], body: Counter[str]
) -> float:
    """Weighted share of ``wanted`` the source is about (1.0 when nothing is wanted)."""
    if not wanted:
        return 1.0
    mass = sum(weight[term] for term in wanted)
    return sum(weight[term] * presence(term, title, body) for term in wanted) / mass


def facet(wanted: frozenset[str], title: Counter[str], body: Counter[str]) -> tuple[int, int]:
    """(terms the source is about: titled or repeated, terms it mentions at all) of one facet."""
    strong = sum(1 for term in wanted if presence(term, title, body) == 1.0)
    return strong, sum(1 for term in wanted if presence(term, title, body) > 0)


def relevance(source: Source, idea: IdeaTerms, weight: dict[str, float]) -> tuple[float, bool]:
    """(relevance 0..1, relevant): about the product's terms, and about the customer when one is named.

    The source must be about the product and about the named customer (a term titled or repeated,
    or two mentioned), and about two of the idea's terms in all: sharing the product's words
    ("solar", "cold", "storage") without the customer is an adjacent market, not this idea.
    """
    # what a page says it leaves out ("software for freight forwarders is not covered") is not its topic
    title, body = counts(source.title), counts(without_left_out(source.content))
    score = covered(idea.all, weight, title, body)
    strong, mentioned = facet(idea.product, title, body)
    told, named = facet(idea.customer, title, body)
    # a place's name mentioned once is where a page is, not whom it is about: two mentions of the
    # customer's other terms, or one term titled or repeated, make a page about the customer
    told_core, named_core = facet(idea.core(idea.customer), title, body)
    named = min(named, named_core + (told > 0))
    if not idea.customer:  # nothing but the product to go by: two of its terms, not one shared word
        needed = min(2, len(idea.product))
        relevant = (strong >= needed or mentioned >= needed + 1) and score >= UNNAMED_CUSTOMER_RELEVANCE
    else:
        wholly = strong >= min(3, len(idea.product))  # every product term (up to three) is what it is about
        product = strong >= 1 or mentioned >= 2
        # the customer's place repeated ("Singapore" on a page about ship managers), or named once on a page
        # wholly about the product's words, is not the customer
        customer = told_core >= 1 or named >= 2 or (wholly and named_core >= 1)
        # two terms it is about, or the customer it is about and three of the product's terms mentioned
        # (interview notes about the customer that name the product's parts in passing)
        relevant = product and customer and (strong + told >= 2 or (told >= 1 and mentioned >= 3))
        # a page titled for the customer that names the product's problem in passing (a statistics
        # release on the customer's population, its counts by size and its incidents) is about the
        # customer's situation, which the idea addresses
        titled = any(title[term] for term in idea.core(idea.customer))
        if titled and mentioned >= 2 and score >= MIN_RELEVANCE_BOTH_FACETS:
            return round(score, 2), True
        if strong >= 1 and told_core >= 1:  # about the customer itself, not only its place
            return round(score, 2), relevant and score >= MIN_RELEVANCE_BOTH_FACETS
    relevant = relevant and score >= MIN_RELEVANCE
    return round(score, 2), relevant


def self_published(source: Source) -> bool:
    """Whether the page is the named company's own site: its domain's name is in its title."""
    name = brand(source)
    # accents folded and words joined as a domain writes them ("Strávník Online" -> "stravnikonline")
    words = re.sub(r"[^a-z0-9 ]", "", folded(source.title).lower()).split()
    joined = {"".join(words[at : at + size]) for size in (1, 2) for at in range(len(words))}
    return len(name) >= 4 and name in joined


def source_type(source: Source) -> SourceType:
    """The kind of document, from its cues; vendor when it speaks for itself and sells."""
    text = f"{source.title}\n{source.content}".lower()
    words = max(1, len(text.split()))
    we = len(FIRST_PERSON.findall(text)) / words * 100  # per 100 words
    you = len(SECOND_PERSON.findall(text)) / words * 100
    selling = sum(1 for cue in VENDOR_CTA if re.search(cue, text))
    sales_title = bool(re.search(r"\b(?:pricing|plans|prices)\b", source.title, re.I))
    sales_page = bool(VENDOR_URL.search(source.url)) or (sales_title and not STUDY_TITLE.search(source.title))
    if FORUM.search(source.url) or FORUM.search(source.title):
        return "review_forum"
    prices = len(PRICE.findall(source.content))
    # a study says so in its title, or tells how it asked ("Who we asked: 389 physiotherapists completed our
    # questionnaire", "respondents"), whoever publishes it
    study = bool(STUDY_TITLE.search(source.title)) or len(set(STUDY_METHOD.findall(text))) >= 2
    if (
        selling >= 3
        or (selling >= 2 and (we >= 0.8 or sales_page))
        or (sales_page and (we >= 0.8 or you >= 0.5))
        # an association's or a firm's own study (a members' survey on its site) quotes prices it does
        # not charge: only its selling or its talking to "you" makes it a sales page
        or (self_published(source) and (you >= 0.3 or selling >= 1 or (prices >= 2 and not study)))
        # a study's write-up thanks its respondents and tells them what "you" said: pronouns alone do
        # not make it a sales page
        or (we >= 0.8 and you >= 0.8 and not (study and not selling and not sales_page))
    ):
        return "vendor"
    scores = {kind: sum(len(re.findall(cue, text, re.M)) for cue in cues) for kind, cues in TYPE_CUES.items()}
    host = urlsplit(source.url).hostname or ""
    masthead = f"{source.title}\n{source.content[:MASTHEAD_CHARS]}".lower()  # where a publisher names itself
    for kind, cues in PUBLISHER_CUES.items():
        scores[kind] += PUBLISHER_WEIGHT * sum(len(re.findall(cue, masthead)) for cue in cues)
    for kind, pattern in HOST_CUES.items():
        scores[kind] += PUBLISHER_WEIGHT * bool(pattern.search(host))
    kind, best = max(scores.items(), key=lambda item: item[1])
    return kind if best >= 2 else "unknown"


def published(source: Source) -> date | None:
    """The source's publication date: from the provider, else a "Published: …" line near its top."""
    if source.published:
        return source.published
    match = DATE_LINE.search(source.content[:1500])
    if not match:
        return None
    if match.group("iso"):
        try:
            return date.fromisoformat(match.group("iso"))
        except ValueError:
            return None
    return _text_date(match.group("text") or "")


def _text_date(text: str) -> date | None:
    year = re.search(r"(?:19|20)\d{2}", text)
    month = next((number for name, number in MONTHS.items() if name in text.lower()), None)
    if not year or month is None:
        return None
    day = re.search(r"\b(\d{1,2})\b", text.replace(year.group(0), ""))
    try:
        return date(int(year.group(0)), month, int(day.group(1)) if day else 1)
    except ValueError:
        return None


def brand(source: Source) -> str:
    """The name a site goes by: its domain's first label ("glowpay" for https://www.glowpay.example/x)."""
    return site_name(source.url)


SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "ltd", "plc", "or", "ne", "go"}


def site_name(url: str) -> str:
    """The name a web address registers, without subdomains or the country's second level:
    "https://notes.campo-lab.example/x" -> "campolab", "https://shop.acme.co.uk" -> "acme"."""
    host = re.sub(r"^https?://", "", url.lower()).split("/")[0].split(":")[0]
    labels = [label for label in host.split(".") if label]
    if len(labels) >= 3 and labels[-2] in SECOND_LEVEL:
        labels = labels[:-1]
    name = labels[-2] if len(labels) >= 2 else (labels[0] if labels else "")
    return re.sub(r"[^a-z0-9]", "", name)


def named_rivals(sources: list[Source], relevant: set[str]) -> set[str]:
    """Vendors' own pages whose name the relevant sources mention: a rival's pricing page is about
    this market even when it never uses the idea's words (it speaks of "members", not "adults"); and
    pages titled for such a rival."""
    told = folded(" ".join(f"{s.title} {s.content}".lower() for s in sources if s.id in relevant))
    rivals = {
        source.id
        for source in sources
        if source.id not in relevant
        and len(name := brand(source)) >= 4
        and source_type(source) == "vendor"
        and re.search(spelled_apart(name), told)
    }
    # a page titled for a rival whose own page is about this market (news of its funding, a review of
    # it) is about a competitor, whatever words it uses
    names = {
        name
        for source in sources
        if (source.id in relevant or source.id in rivals)
        and len(name := brand(source)) >= 4
        and source_type(source) == "vendor"
    }
    return rivals | {
        source.id
        for source in sources
        if source.id not in relevant
        and any(re.search(spelled_apart(name), folded(source.title.lower())) for name in names)
    }


# letters Unicode does not decompose into a base letter and an accent, as domain names spell them
UNDECOMPOSED = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe",
     "Œ": "Oe", "þ": "th", "Þ": "Th", "\u0131": "i", "ħ": "h"}
)  # fmt: skip


def folded(text: str) -> str:
    """``text`` without accents, as a domain name writes it ("BåtPass" -> "BatPass", "Café" -> "Cafe",
    "Wiosło" -> "Wioslo")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(UNDECOMPOSED))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def spelled_apart(name: str) -> str:
    """A pattern for a site's name as text writes it, in one word or a few ("medboxpolska" matches
    "MedBox Polska", "medbox-polska"); names under six letters only as one word."""
    if len(name) < 6:
        return rf"\b{re.escape(name)}\b"
    return r"\b" + r"[\s.-]?".join(re.escape(letter) for letter in name) + r"\b"


def assess(sources: list[Source], context: ProductContext) -> list[SourceAssessment]:
    """Type, date and relevance of each source retrieved for one agent."""
    idea = idea_terms(context).spelled_out(sources)
    weight = weights(idea.all, sources)
    judged = {source.id: relevance(source, idea, weight) for source in sources}
    rivals = named_rivals(sources, {i for i, (_, relevant) in judged.items() if relevant})
    assessments = []
    for source in sources:
        score, relevant = judged[source.id]
        relevant = relevant or source.id in rivals
        when = published(source)
        assessments.append(
            SourceAssessment(
                source_id=source.id,
                source_type=source_type(source),
                published=when.isoformat() if when else "",
                relevance=score,
                relevant=relevant,
            )
        )
    return assessments
