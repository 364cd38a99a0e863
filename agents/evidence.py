"""Evidence rules that hold whichever analyst wrote the findings (extractive or a language model).

* every retrieved source gets a type, a date and a relevance (the analyst's reading, else a lexical one);
* figures cited only from vendor sources are vendor claims; figures about a year more than five years
  before the research are dated;
* a market size whose own definition names a sibling market (the product's noun with another
  qualifier, not said to serve the idea's customers) is not this idea's market and is left out;
* the headline market size is the most recent current market-size figure from a non-vendor source,
  the idea's own market rather than a broader one containing it;
* figures of the same kind that disagree across sources become conflicts, with both values, years,
  definitions and sources.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import pairwise

from agents.analysts.amounts import CURRENCY_CODES, amount, currency_of
from agents.analysts.figure_definitions import SAID_OF_IT
from agents.analysts.figures import BACK_REFERENCE, SPENT_ON, one_subject, places_in
from agents.analysts.idea import GENERIC, STOPWORDS, terms
from agents.analysts.language import language_of
from agents.analysts.parent_markets import parents, stated_year
from agents.analysts.sentences import stem
from agents.analysts.sourcing import WORD, IdeaTerms, published, relevance, source_type, weights
from agents.analysts.sourcing import idea_terms as lexical_terms
from agents.analysts.spend import SPEND_DISAGREE, same_spend
from agents.citations import iter_claims, passes_checks
from agents.state import (
    DATED_AFTER_YEARS,
    CompetitorFindings,
    Conflict,
    ConflictSide,
    CustomerFindings,
    Figure,
    MarketFindings,
    ProductContext,
    ReportSource,
    Source,
    SourceAssessment,
)

Findings = tuple[MarketFindings, CompetitorFindings, CustomerFindings]
DISAGREE = 1.25  # values further apart than this ratio disagree
COMPARABLE = {"market_size", "population", "growth_rate", "customer_spend"}
SAME_SCOPE_ONLY = {
    "growth_rate"
}  # growth rates of different things (downloads, revenue) are not one quantity
KIND_WORDS = {
    "market_size": "the market size",
    "population": "the number of",
    "growth_rate": "the growth rate",
    "customer_spend": "what customers spend",
    "share": "the market share",
}
MAX_CONFLICTS = 4
NOUN = re.compile(r"([a-z-]+s|people)$")


def assess_sources(sources: list[Source], context: ProductContext, findings: Findings) -> list[ReportSource]:
    """Every retrieved source with its type, date, relevance and whether a claim cites it."""
    noted: dict[str, SourceAssessment] = {}
    for part in findings:
        for note in part.sources:  # about the idea when any agent found it so (a rival's news for one)
            first = noted.setdefault(note.source_id, note)
            if note.relevant and not first.relevant:
                noted[note.source_id] = first.model_copy(
                    update={"relevant": True, "relevance": max(first.relevance, note.relevance)}
                )
    idea = lexical_terms(context).spelled_out(sources)
    weight = weights(idea.all, sources)
    cited = {i for part in findings for claim in iter_claims(part) for i in claim.source_ids}
    result = []
    for source in sources:
        score, relevant = relevance(source, idea, weight)
        reading = noted.get(source.id)
        kind = reading.source_type if reading and reading.source_type != "unknown" else source_type(source)
        result.append(
            ReportSource(
                id=source.id,
                url=source.url,
                title=source.title,
                source_type=kind,
                published=published(source) or _note_date(reading),
                relevance=max(score, reading.relevance if reading else 0.0),
                relevant=relevant or bool(reading and reading.relevant),
                cited=source.id in cited,
                sample=source.sample,
                agents=[source.agent],
                language=language_of(source.title, source.content),
            )
        )
    return result


def _note_date(note: SourceAssessment | None) -> date | None:
    if note is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", note.published):
        return None
    try:
        return date.fromisoformat(note.published)
    except ValueError:
        return None


def all_figures(findings: Findings) -> Iterator[Figure]:
    """Every figure of the findings."""
    for part in findings:
        for claim in iter_claims(part):
            if isinstance(claim, Figure):
                yield claim


def flag_figures(findings: Findings, sources: list[ReportSource], research_year: int) -> None:
    """Mark vendor claims (every cited source is a vendor's) and dated figures, in place."""
    kinds = {source.id: source.source_type for source in sources}
    for figure in all_figures(findings):
        cited = [kinds.get(i, "unknown") for i in figure.source_ids]
        figure.vendor_claim = figure.vendor_claim or (bool(cited) and all(kind == "vendor" for kind in cited))
        year = first_year(figure.year)
        # an analyst may date a figure that states no year by its source's date: that mark is kept
        figure.dated = figure.dated or (bool(year) and year < research_year - DATED_AFTER_YEARS)


def set_aside_vendor_claims(market: MarketFindings) -> None:
    """Move vendor claims out of the market sizes and growth rates into the other figures, labelled."""
    claims = [f for f in [*market.market_size, *market.growth] if f.vendor_claim]
    market.market_size = [f for f in market.market_size if not f.vendor_claim]
    market.growth = [f for f in market.growth if not f.vendor_claim]
    market.other_figures = [*market.other_figures, *claims]


CLAUSE_END = re.compile(r"[:;]|,\s(?:and|but|while|whereas)\s|\s(?:whereas|while)\s")
MARKET_WORDS = {"market", "segment", "sector", "industry", "spending", "spend", "revenue", "total"}


def _content(text: str) -> list[str]:
    """The stems of ``text``'s content words, in order (no stopwords, generic or market words)."""
    return list(
        dict.fromkeys(
            stem(word)
            for word in WORD.findall(text.lower())
            if len(word) > 1 and word not in STOPWORDS and word not in GENERIC and word not in MARKET_WORDS
        )
    )


def figure_clause(figure: Figure) -> str:
    """The clause of the figure's quote that states its value (cut at ":", ";" and contrasting joins)."""
    text = figure.quote or figure.text
    at = text.find(figure.value) if figure.value else -1
    if at < 0:
        return text
    left = max((m.end() for m in CLAUSE_END.finditer(text, 0, at)), default=0)
    right = next((m.start() for m in CLAUSE_END.finditer(text, at + len(figure.value))), len(text))
    return text[left:right]


# words before a noun that name which one, not what kind ("per locker" is a unit: not among them)
DETERMINERS = frozenset(
    {"a", "an", "the", "this", "that", "these", "those", "its", "their", "our", "your", "his", "her", "each"}
)


def unqualified(product_idea: str) -> frozenset[str]:
    """The idea's nouns it also writes with no word qualifying them, straight after an article or a
    possessive ("reads the battery's state", "a battery that …"), as stems: the idea is about that
    thing itself, whatever kind a market names ("used-car battery diagnostics")."""
    words = re.findall(r"[a-z0-9]+(?:['\u2019-][a-z0-9]+)*", product_idea.lower())
    bare = set()
    for before, word in pairwise(words):
        if before in DETERMINERS and word not in STOPWORDS and word not in GENERIC:
            bare.add(stem(re.sub(r"['\u2019]s$", "", word).split("-")[-1]))
    return frozenset(bare)


def adjacent_market(
    figure: Figure,
    idea: IdeaTerms,
    idea_words: list[str],
    joined: frozenset[str] = frozenset(),
    bare: frozenset[str] = frozenset(),
) -> bool:
    """Whether a market size's own definition names a sibling market rather than this idea's.

    A sibling keeps the product's noun and swaps its qualifier: "tourist bike rental" for an idea
    about "electric cargo bikes" rented to delivery businesses. That is: the definition's first word
    shared with the product is preceded by a qualifier the idea never uses, the idea qualifies that
    word with one of its own the definition lacks, and the clause stating the figure does not name
    the idea's customers. A definition in other words ("short-term finance against receivables") is
    a paraphrase; a broader one naming the idea's customers ("insurers spent $1.35 billion on aerial
    roof imagery") is a parent market: both are kept, with their definitions. ``idea_words`` are the
    stems of the idea's distinctive words in order; ``joined`` its pairs of words written as one ("pick
    up" -> "pickup"): a qualifier the idea writes in two words is the idea's own.
    """
    if figure.kind not in ("market_size", "growth_rate") or not idea.product:
        return False
    # a place qualifies where, not what kind ("Vietnam's pickleball court rental"): it names no sibling
    placed = {
        stem(name.lower())
        for name in re.findall(r"\b[A-Z][\w-]*(?=['\u2019]s\b|\b)", figure.scope)
        if places_in(name)
    }
    scope = [word for word in _content(figure.scope) if word not in placed]
    shared = [index for index, word in enumerate(scope) if word in idea.product]
    if len(scope) < 2 or not shared or shared[0] == 0:
        return False
    noun, qualifier = scope[shared[0]], scope[shared[0] - 1]
    if qualifier in idea_words or qualifier in joined or noun in bare:
        return False
    if _heads_phrase(qualifier, figure_clause(figure)):
        return False  # "resale of children's clothing": what is done with the product, not a sibling's kind
    at = idea_words.index(noun) if noun in idea_words else 0
    own = idea_words[at - 1] if at > 0 else ""
    if not own or own in scope:
        return False  # the idea does not qualify that word, or the definition keeps its qualifier
    # the idea's customers (places aside) named where the figure is stated or in its definition ("what
    # school canteens spend on meal ordering"): the customers' own market, worded differently
    return not (idea.core(idea.customer) & set(_content(f"{figure_clause(figure)} {figure.scope}")))


def _heads_phrase(word: str, text: str) -> bool:
    """Whether ``word`` (a stem) is followed by "of", "for" or "to" in ``text``: the head of its own phrase
    ("repair of bicycles", "rental for tourists"), which does not qualify the noun after it."""
    return any(
        stem(match.group(1)) == word
        for match in re.finditer(r"\b([a-z][a-z-]*)\s+(?:of|for|to)\s", text.lower())
    )


# a parent market, said to be wider, is context the report keeps with its definition
# ("counting both subscriptions and bundled modules", "covering …": a definition that adds things up)
PARENT = re.compile(
    r"\b(?:wider|broader|overall|parent|whole|entire|all|including|includes|counting|covering|spanning"
    r"|combining|as well as)\b",
    re.I,
)


def _names_term(words: list[str], wanted: set[str]) -> bool:
    """Whether any of ``words`` (stems) is one of ``wanted`` or begins with one ("vet" -> "veterinary")."""
    return any(word in wanted or any(len(t) >= 3 and word.startswith(t) for t in wanted) for word in words)


# what an industry takes in from its own customers: "operating receipts of the freight forwarding industry"
EARNED = re.compile(r"\b(?:receipts|revenues?|turnover|takings|income|earnings)\b", re.IGNORECASE)


def customers_takings(figure: Figure, idea: IdeaTerms, product: set[str]) -> bool:
    """Whether a market size is what the idea's customers themselves take in ("Operating receipts of the
    freight forwarding industry: S$24.6 billion" for a tool sold to freight forwarders), or what others
    spend on the customers' own service: the customers' own revenue, named by their words and none of the
    product's, not a market for the product."""
    if figure.kind != "market_size":
        return False
    clause = f"{figure_clause(figure)} {figure.scope}"
    words = _content(clause)
    customers = set(idea.core(idea.customer))
    if bool(EARNED.search(clause)) and _names_term(words, customers) and not _names_term(words, product):
        return True
    # what others spend on the customers' own service ("Nigerians spent NGN 640 billion on smartphone
    # repairs" for a parts supplier to repair shops): the customers' takings, named by what was bought
    said = figure_clause(figure)
    bought = SPENT_ON.search(said)
    if bought is None or _names_term(_content(said[: bought.start()]), customers):
        return False  # the customers themselves spending ("translation teams spent … on QA software")
    spent_on = _content(bought.group(1))
    return _names_term(spent_on, customers) and not _names_term(spent_on, product)


def other_product_market(
    figure: Figure, product: set[str], title: str = "", customer: frozenset[str] = frozenset()
) -> bool:
    """Whether a market size sizes another product's market, on a page about that other product.

    "The U.S. insulin pump market reached $3.1 billion" on a page titled "Insulin pumps in 2025", for
    a glucose-coaching app: a stated definition of two words or more ("studio kilns", not
    "commercial"), a clause with no word of the idea's ``product`` (the words the idea is about, its
    customers and places aside; market words aside too), and a source ``title`` naming that definition
    in words other than the idea's ``customer`` (the page is about it). A clause naming the product
    anywhere ("legal practice software (… client intake …)", "the wedding tourism economy" for a
    wedding-venue idea), a wider market, a part of the source's total ("Within the total, …"), or a
    definition in other words on a page about something else (a paraphrase: "workplace hot-drink
    contracts" in a report on office coffee) is kept, with its definition.
    """
    if figure.kind != "market_size" or not product or not title:
        return False  # a growth rate's subject ("growth in owner-paid consultations") is no definition
    definition = _content(figure.scope)
    # the customer's words in the title ("School catering software") say whom the page is about, not
    # which other product it sizes
    if len(definition) < 2 or not (set(definition) & set(_content(title))) - customer:
        return False  # no definition of its own ("the market" of its source), or not the page's topic
    clause = figure_clause(figure)
    if PARENT.search(clause) or BACK_REFERENCE.match(figure.quote or figure.text):
        return False  # a wider market, or a part of the total its source sized ("Within the total, …")
    return not _names_term(_content(f"{clause} {figure.scope}"), product)


# a source setting a market apart from the one it sizes: "we exclude …", "sized in our separate report"
SET_APART = re.compile(
    r"\b(?:we (?:deliberately )?exclude|excluded from|not included in|outside (?:the|our|this) scope"
    r"|(?:sized|estimated?|measured|counted|covered|tracked) separately|separately (?:sized|estimated)"
    r"|sized in (?:a|our) separate|(?:does|do|did) not (?:size|cover|include|count)|not covered (?:here|by)"
    r"|(?:is|are|was|were) not included"
    # "it does not overlap with …", "there is no overlap with …": said to be apart from the idea's market
    r"|(?:does|do|did) not overlap|no overlap with"
    # "a separate Canadian market of about …", "is a different market": named as another market
    r"|(?:is|are|a|as) (?:a )?(?:different|separate|distinct|another) (?:[\w-]+ ){0,2}market)\b",
    re.IGNORECASE,
)
EMPHASIS = re.compile(r"(?<!\w)[*_]+|[*_]+(?!\w)")  # Markdown emphasis around words, not inside them
NEGATED = re.compile(r"\b(?:not|rather than|instead of)\s+(?:by\s+)?(\w+)", re.IGNORECASE)


def excluded_market(figure: Figure, idea: IdeaTerms) -> bool:
    """Whether the sentence of a market size sets its market apart from the idea's: it says the market
    is excluded or sized separately, or that its buyers are "not" the idea's customers ("… is bought by
    facilities managers, not contractors")."""
    if figure.kind not in ("market_size", "growth_rate"):
        return False
    text = EMPHASIS.sub("", figure.quote or figure.text)  # "is *not* included"
    if SET_APART.search(text):
        return True
    customers = idea.core(idea.customer)
    return any(stem(match.group(1).lower()) in customers for match in NEGATED.finditer(text))


# the people a product is for, by age or sex: "outdoor clothing for adults" is not the market of an idea
# about children's outdoor clothing
AUDIENCE = {
    "adult": "adult",
    "adults": "adult",
    "grown-ups": "adult",
    "child": "child",
    "children": "child",
    "childrens": "child",
    "kid": "child",
    "kids": "child",
    "teen": "teen",
    "teens": "teen",
    "teenagers": "teen",
    "baby": "baby",
    "babies": "baby",
    "infants": "baby",
    "toddlers": "baby",
    "seniors": "senior",
    "elderly": "senior",
    "men": "men",
    "mens": "men",
    "women": "women",
    "womens": "women",
}


def audiences(text: str) -> set[str]:
    """The groups of people by age or sex that ``text`` names ("children's" -> {"child"})."""
    words = re.findall(r"[a-z]+(?:-[a-z]+)?", re.sub("['\u2019]s\\b", "s", text.lower()))
    return {AUDIENCE[word] for word in words if word in AUDIENCE}


def other_audience(figure: Figure, product_idea: str) -> bool:
    """Whether a market size or growth rate is for another group of people than the idea's: the idea names
    who its product is for ("children's outdoor clothing") and the clause stating the figure names only
    other groups ("outdoor clothing and equipment for adults"). A clause naming the idea's group too
    ("clothing for adults and children") is a parent market, kept with its definition."""
    if figure.kind not in ("market_size", "growth_rate"):
        return False
    own = audiences(product_idea)
    named = audiences(f"{figure_clause(figure)} {figure.scope}")
    return bool(own and named) and not own & named


def compounds(text: str) -> list[str]:
    """Two neighbouring words written as one, stemmed ("pick up" -> "pickup", "health care" ->
    "healthcare"): a source's "pickup lockers" uses the idea's own qualifier, not a sibling's."""
    tokens = re.findall(r"[a-z]+", text.lower())
    return [stem(f"{first}{second}") for first, second in pairwise(tokens)]


def set_aside_adjacent_markets(
    market: MarketFindings, idea: IdeaTerms, product_idea: str, titles: dict[str, str] | None = None
) -> None:
    """Leave out market sizes and growth rates of a sibling market or of another product's market
    (see :func:`adjacent_market` and :func:`other_product_market`; ``titles`` are the sources')."""
    words = [stem(term) for term in terms(product_idea)]
    joined = frozenset(compounds(product_idea))
    bare = unqualified(product_idea)
    # what the idea is about in any of its words ("an Italian wedding" in a problem-first pitch), its
    # customers and places aside: every market in that place or sold to them shares those
    product = set(words) - set(idea.customer) - {stem(place.lower()) for place in places_in(product_idea)}
    titles = titles or {}

    def adjacent(figure: Figure) -> bool:
        title = " ".join(titles.get(i, "") for i in figure.source_ids)
        return (
            adjacent_market(figure, idea, words, joined, bare)
            or other_product_market(figure, product, title, idea.customer)
            or excluded_market(figure, idea)
            or other_audience(figure, product_idea)
            or customers_takings(figure, idea, product)
        )

    # a growth rate said of "it" on a page whose every market size is set aside grows that market
    sizes = [f for f in (*market.market_size, *market.other_figures) if f.kind == "market_size"]
    aside = [adjacent(f) for f in sizes]
    kept = {i for f, out in zip(sizes, aside, strict=True) if not out for i in f.source_ids}
    sizing_another = {i for f, out in zip(sizes, aside, strict=True) if out for i in f.source_ids} - kept

    customers = set(idea.core(idea.customer))

    def grows_another(figure: Figure) -> bool:
        if figure.kind != "growth_rate" or not set(figure.source_ids) & sizing_another:
            return False
        if not figure.scope and SAID_OF_IT.match(figure.quote or figure.text):
            return True
        # or grows what that page sized in the customers' words, none of the product's ("phone repair
        # services to grow 17% a year" on the page sizing what phone owners spend on repairs)
        words = _content(figure_clause(figure))
        return _names_term(words, customers) and not _names_term(words, product)

    def left_out(figure: Figure) -> bool:
        return adjacent(figure) or grows_another(figure)

    market.market_size = [f for f in market.market_size if not left_out(f)]
    market.growth = [f for f in market.growth if not left_out(f)]
    market.other_figures = [f for f in market.other_figures if not left_out(f)]


def first_year(text: str) -> int:
    """The first year written in ``text`` (0 when none)."""
    match = re.search(r"(?:19|20)\d{2}", text)
    return int(match.group(0)) if match else 0


def usable_figure(figure: Figure, relevant: set[str]) -> bool:
    """A figure that may be a headline or a score input: checked, not a vendor's, not dated, on topic."""
    on_topic = not relevant or any(i in relevant for i in figure.source_ids)
    return passes_checks(figure) and not figure.vendor_claim and not figure.dated and on_topic


def headline(market: MarketFindings, relevant: set[str], idea: frozenset[str] = frozenset()) -> Figure | None:
    """The most recent current market-size figure from a non-vendor source that is not the parent of
    another one (see :func:`parents`: the idea's own market, not the broader one containing it; a share
    of a whole is as recent as the whole, see :func:`stated_year`); among
    figures of one year, the one whose own definition (scope) names more of the ``idea``'s terms, then
    the analyst's order. ("Electric cargo bikes" beats "tourist bike rental" for a cargo-bike idea: both
    are 2024 sizes.)"""
    usable = [
        figure
        for figure in market.market_size
        if figure.kind in ("market_size", "other")
        and figure.timeframe == "current"
        and usable_figure(figure, relevant)
        and amount(figure.value or figure.text) > 0
    ]
    broader = parents(usable, idea)
    candidates = [
        (
            first_year(stated_year(figure, usable)),
            len(idea & {stem(word) for word in WORD.findall(figure.scope.lower())}),
            -index,
            figure,
        )
        for index, figure in enumerate(usable)
        if not any(figure is parent for parent in broader)
    ]
    return max(candidates, key=lambda item: item[:3])[3] if candidates else None


def _quantity(figure: Figure) -> str:
    """What a figure measures, for comparing like with like ("market_size", "population:farmers")."""
    if figure.kind == "population":
        noun = NOUN.search(figure.value.lower())
        word = noun.group(1) if noun else ""
        return f"population:{'businesses' if word in BUSINESS_NOUNS else word}"
    return figure.kind


# the words a count of small businesses uses for them: "52,000 shops, stalls and kiosks" and "21,400
# registered businesses" count one thing
BUSINESS_NOUNS = frozenset(
    {"shops", "stores", "businesses", "outlets", "firms", "companies", "stalls", "kiosks", "enterprises",
     "establishments", "traders"}
)  # fmt: skip


def _number(figure: Figure) -> float:
    if figure.kind in ("growth_rate", "share"):
        match = re.search(r"(\d+(?:\.\d+)?)\s?%", figure.value)
        return float(match.group(1)) if match else 0.0
    if figure.kind == "population":
        match = re.match(r"([\d,.]+)\s?(million|billion|thousand)?", figure.value)
        if not match:
            return 0.0
        scale = {"million": 1e6, "billion": 1e9, "thousand": 1e3}.get(match.group(2) or "", 1.0)
        return float(match.group(1).replace(",", "")) * scale
    return amount(figure.value or figure.text)


def _side(figure: Figure) -> ConflictSide:
    return ConflictSide(
        value=figure.value, year=figure.year, scope=figure.scope, source_ids=list(figure.source_ids)
    )


def _label(side: ConflictSide) -> str:
    details = ", ".join(part for part in (side.scope, side.year, *side.source_ids) if part)
    return f"{side.value} ({details})" if details else side.value


def conflict_between(left: Figure, right: Figure) -> Conflict:
    """A conflict naming both values, years, definitions and sources."""
    quantity = _quantity(left)
    noun = quantity.split(":", 1)[1] if ":" in quantity else ""
    what = f"the number of {noun}" if noun else KIND_WORDS.get(left.kind, left.kind.replace("_", " "))
    sides = [_side(left), _side(right)]
    differ = bool(left.scope and right.scope and left.scope.lower() != right.scope.lower())
    statement = f"Sources disagree on {what}: {_label(sides[0])} vs {_label(sides[1])}"
    if differ:
        statement += "; they measure different definitions"
    if left.dated or right.dated:
        statement += "; the older figure is more than five years old"
    if left.vendor_claim or right.vendor_claim:
        statement += "; one side is a vendor's own claim"
    return Conflict(quantity=what, sides=sides, statement=statement + ".", definitions_differ=differ)


def same_place(left: str, right: str, home: set[str]) -> bool:
    """Whether two figures' places can be one quantity: equal, or one unstated and the other the idea's."""
    if left == right:
        return True
    stated = left or right
    return not (left and right) and stated in home


WIDER = re.compile(r"\b(?:wider|broader|overall|parent|whole|entire|adjacent)\b", re.I)
MARKET_MONEY = re.compile(r"\b(?:market|segment|sector|industry|spending|spend|revenues?|sales)\b", re.I)


def comparable_growth(left: Figure, right: Figure) -> bool:
    """Two growth rates that may be one quantity: both a market's (or its spending's) growth, both
    forecasts or both past, neither named as a wider market's, and definitions that do not exclude each
    other (the same, one unstated, or sharing a word). Downloads growing 30% and a market's 12% CAGR
    are two things; a narrower and a broader definition of one market growing at 34% and 21.8% are
    a disagreement the report states with both definitions."""
    if (left.timeframe == "forecast") != (right.timeframe == "forecast"):
        return False
    clauses = [figure_clause(left), figure_clause(right)]
    if any(WIDER.search(text) or not MARKET_MONEY.search(text) for text in clauses):
        return False
    scopes = [set(_content(left.scope)), set(_content(right.scope))]
    return not (scopes[0] and scopes[1]) or bool(scopes[0] & scopes[1])


RANGE_END = re.compile(r"\d\s?(?:to|-|\u2013)\s?$")


def same_count(left: Figure, right: Figure) -> bool:
    """Two counts of one noun that count one thing: their sentences share three words besides the noun,
    and neither is the end of a range ("firms of 500 to 5,000 employees" describes firms' sizes)."""
    for figure in (left, right):
        quote = figure.quote or figure.text
        at = quote.find(figure.value)
        if at > 0 and RANGE_END.search(quote[max(0, at - 8) : at]):
            return False
    noun = set(_content(_quantity(left).split(":", 1)[-1]))
    shared = set(_content(left.quote or left.text)) & set(_content(right.quote or right.text))
    return len(shared - noun) >= 3


# a figure stated as a part of another in the same sentence: "34% of that spending, or about $440 million",
# or a share of a whole restated as money right after it: "make up 31% of all repairs by value, around
# EUR 59 million"
PART_OF = re.compile(
    r"\d%\s+of\s+(?:that|this|which|it|the total)\b[^.;]{0,40}?,?\s+or\s+"
    r"(?:about\s+|roughly\s+|around\s+|some\s+)?$"
    # "make up 31% of second-hand toys by value, around SEK 590 million": a share restated as an amount
    r"|\d\s?%\s+of\s+[^.;%]{0,60}?,\s+(?:or\s+)?(?:about\s+|roughly\s+|around\s+|some\s+|nearly\s+)?$"
)
# an amount said to be a part of a total just stated: "roughly A$26 million of that total", "$4m of it"
PART_AFTER = re.compile(
    r"\s+of\s+(?:that|this|it|which)\b|\s+of\s+the\s+(?:total|sum|same|figure|amount|whole)\b", re.IGNORECASE
)


def part_of_another(figure: Figure) -> bool:
    """The figure is a stated part of another figure ("34% of that spending, or about $440 million",
    "around $59 million of that total"), a segment's share of a whole, not a measure of the market in its
    own right."""
    quote = figure.quote or figure.text
    at = quote.find(figure.value)
    if at > 0 and PART_AFTER.match(quote, at + len(figure.value)):
        return True
    return at > 0 and bool(PART_OF.search(quote[max(0, at - 80) : at]))


UNSURE_CURRENCIES = {"$", "¥", "Rs", "Rs."}


def same_currency(left: Figure, right: Figure) -> bool:
    """Whether two amounts can be compared: the same currency, or one whose sign does not say which
    ("$", or none stated). Percentages and counts have no currency and always can."""
    codes = []
    for figure in (left, right):
        sign = currency_of(figure.value)
        if not sign or sign in UNSURE_CURRENCIES:
            return True
        codes.append(CURRENCY_CODES.get(sign, sign.upper()))
    return codes[0] == codes[1]


def _weak(figure: Figure) -> bool:
    return figure.vendor_claim or figure.dated


# a plural group of firms earning: "member ski schools and guides earned", "boatyards took in"
GROUP_EARNED = re.compile(
    r"\b[a-z][a-z-]*[a-z]s\s+(?:earned|made|generated|took in|turned over"
    r"|had (?:revenues?|sales|turnover) of)\s+(?:about\s|around\s|roughly\s|some\s|nearly\s|almost\s)?$"
)


def group_revenue(figure: Figure) -> bool:
    """A revenue a plural group of firms earned ("member boatyards and marinas earned NOK 4.1 bn"), named
    by no one firm: its sector's takings, a measure of its market, not one company's revenue."""
    quote = figure.quote or figure.text
    at = quote.find(figure.value)
    if figure.kind != "company_revenue" or at <= 0:
        return False
    before = re.split(r"[.;!?]\s", quote[:at])[-1].lstrip()
    # a capitalised word after the clause's first (or after a "Label:") names a firm, a person or a place
    named = re.search(r"(?<!^)(?<!: )\b[A-Z]", before)
    single = one_subject(before[:1].lower() + before[1:])  # "The company's staff earned", as mid-sentence
    return bool(GROUP_EARNED.search(before)) and not named and not single


def find_conflicts(
    figures: Iterable[Figure], relevant: set[str], home: set[str] | None = None
) -> list[Conflict]:
    """Pairs of checked figures of the same quantity and place, from different sources, that disagree.
    What a group of firms earned (``group_revenue``) is compared as a size of their market."""
    sized = [f.model_copy(update={"kind": "market_size"}) if group_revenue(f) else f for f in figures]
    pool = [
        f
        for f in sized
        if f.kind in COMPARABLE
        and passes_checks(f)
        and _number(f) > 0
        and (f.timeframe != "forecast" or f.kind == "growth_rate")  # growth is mostly stated as a forecast
        and (not relevant or any(i in relevant for i in f.source_ids))
        and not part_of_another(f)
    ]
    # one conflict per quantity and pair of sources: the two figures closest in value, the likeliest to
    # measure one thing ("$38M of advances and factoring" vs "$14M of advances", not "$1.2bn of earnings")
    best: dict[tuple[object, ...], tuple[tuple[bool, float], Conflict]] = {}
    parts: dict[tuple[object, ...], tuple[Figure, Figure]] = {}
    for index, left in enumerate(pool):
        for right in pool[index + 1 :]:
            if _quantity(left) != _quantity(right) or set(left.source_ids) & set(right.source_ids):
                continue
            if not same_place(left.geography, right.geography, home or set()):
                continue  # two places, not one quantity
            if left.kind in SAME_SCOPE_ONLY and not comparable_growth(left, right):
                continue
            if left.kind == "population" and not same_count(left, right):
                continue
            if left.kind == "customer_spend" and not same_spend(left, right):
                continue
            if not same_currency(left, right):
                continue  # "Rp 1.9 trillion" and "US$265 million" are not one number in two sizes
            high, low = sorted((_number(left), _number(right)), reverse=True)
            key = (_quantity(left), frozenset([*left.source_ids, *right.source_ids]))
            if high / low < (SPEND_DISAGREE if left.kind == "customer_spend" else DISAGREE):
                continue
            if _weak(left) and _weak(right):
                continue  # a dated figure against a vendor's claim says nothing about today's market
            plain = not (left.vendor_claim or right.vendor_claim or left.dated or right.dated)
            rank = (plain, -high / low)
            if key not in best or rank > best[key][0]:
                best[key] = (rank, conflict_between(left, right))
                parts[key] = (left, right)
    # two independent current figures first, then the closest (most comparable) pairs
    found = sorted([*best.values(), *wholes(best, parts, pool)], key=lambda item: item[0], reverse=True)
    return [conflict for _, conflict in found[:MAX_CONFLICTS]]


CLOSE = 3.0  # a whole further than this from the other side measures something else
Ranked = tuple[tuple[bool, float], Conflict]


def wholes(
    best: dict[tuple[object, ...], Ranked],
    parts: dict[tuple[object, ...], tuple[Figure, Figure]],
    pool: list[Figure],
) -> list[Ranked]:
    """The conflicts of the wholes containing a side of the chosen pairs (see :func:`whole_against`)."""
    found = []
    for pair, (left, right) in parts.items():
        whole = whole_against(left, right, pool) or whole_against(right, left, pool)
        if whole:
            high, low = sorted((_number(whole[0]), _number(whole[1])), reverse=True)
            found.append(((best[pair][0][0], -high / low), conflict_between(*whole)))
    return found


def whole_against(part: Figure, other: Figure, pool: list[Figure]) -> tuple[Figure, Figure] | None:
    """When ``part`` is placed within its source's total ("Within the total, …"), that total and ``other``
    if they disagree too but stay close: a source's part and its whole may both contradict another
    source's figure ("NZ$4.9 million" of "NZ$14.2 million" against "NZ$6.8 million")."""
    if not BACK_REFERENCE.match(part.quote or part.text):
        return None
    for whole in pool:
        same_source = whole.source_ids == part.source_ids and whole is not part
        if not same_source or _quantity(whole) != _quantity(other) or BACK_REFERENCE.match(whole.quote):
            continue
        high, low = sorted((_number(whole), _number(other)), reverse=True)
        if DISAGREE <= high / low < CLOSE and same_currency(whole, other) and not whole.dated:
            return whole, other
    return None
