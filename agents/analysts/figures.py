"""Typed figures from source sentences: what a number measures, when, where and under which definition.

Every rule reads generic cues around the number (the clause it sits in), never a corpus's sentences:
"raised" and "Series A" make funding, "revenue" with a company subject makes company revenue, "per
household" makes one customer's spend, "market", "industry" or "spending on" make a market size;
"by 2030", "will reach" or "projected" make a forecast; a year more than five years before the
research makes the figure dated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agents.analysts.amounts import CODE, MONEY, PRICE, SYMBOL, usd
from agents.analysts.figure_places import DEMONYMS, PLACE, PLACES, geography_of, places_in
from agents.analysts.idea import GROUP_NOUNS
from agents.analysts.sentences import GROWTH, YEAR, Sentence
from agents.state import DATED_AFTER_YEARS, Figure, FigureKind, Timeframe

CLAUSE_BREAK = re.compile(
    r";|,\s(?:and|but|while|whereas|compared with|versus|vs\.?)\s|\s(?:whereas|while)\s"
    r"|\s(?:and|but)\s(?=(?:is|are|was|were|will|could|may|should|has|have|expected|forecast|projected|set)\b)"
)
FUNDING = re.compile(
    r"\b(?:rais(?:ed|es|ing)|funding|series [a-e]\b|seed round|venture|investors?|valuation|grant of)\b", re.I
)
# an amount something is valued at ("valued the firm at $300 million", "was valued at $1.2 billion"); a deal
# anywhere in the clause, or one organisation as the thing valued, makes it a valuation or a takeover price
VALUED = re.compile(r"\bvalu(?:ed|es|ing|e)\b(?P<object>[^.;]{0,60}?)\sat\b|\bworth\b", re.I)
DEAL = re.compile(
    r"\b(?:deal|acquisition|acquired|acquires?|takeover|buyout|merger|stake|ipo|private[- ]equity"
    r"|(?:latest|funding|financing|investment|last|new|series [a-e]|seed)\s+round)\b",
    re.I,
)
ORGANISATION = re.compile(r"\b(?:company|companies|firm|startup|start-up|maker)\b", re.I)
# an amount named as a grant or subsidy ("a $6 million grant programme"): money handed out, not a market
GRANT = re.compile(r"\s(?:[a-z-]+\s)?(?:grants?|subsid(?:y|ies)|bursar(?:y|ies))\b", re.I)
REVENUE = re.compile(r"\b(?:revenues?|sales|arr|turnover|earned|earnings|bookings|income)\b", re.I)
EARNINGS = re.compile(r"\b(?:earned|earn|earns|earnings|income|incomes)\b", re.I)
# sales of a category of goods, not of a seller: "retail sales of garden tools", "sales of e-bikes in"
CATEGORY_SALES = re.compile(
    r"\b(?:retail|consumer|total|annual|national|household)\s+sales\s+of\s+(?!the\b|its\b|their\b)",
    re.IGNORECASE,
)
# what a category's buyers paid, as its subject, reaching an amount: "Subscriptions to condominium software
# reached an estimated $9.7 billion", "fees for pickleball bookings rose to $3m"
CATEGORY_PAID = re.compile(
    r"\b(?:subscriptions|sales|fees|bookings|purchases|spending|licences|licenses)\s+(?:to|of|for|on|in)\s"
    r"(?!(?:the|its|their|our|his|her)\b|(?-i:[A-Z]))"  # not one seller's: "sales of the Zeta app"
    r"[^.;]*?\b(?:reached|hit|rose\s+to|grew\s+to|climbed\s+to|fell\s+to|stood\s+at|totall?ed|were|was)\b",
    re.IGNORECASE,
)
# the budget of one programme, project or course: money set aside for it, not a market ("improvement
# programme …, budget: $42 billion", "set a budget of $4 million for the new library")
PROGRAMME_BUDGET = re.compile(
    r"\b(?:programmes?|programs?|projects?|schemes?|initiatives?|courses?|pilots?|campaigns?|funds?)\b"
    r"[^.;]*\bbudget\b|\bbudget\b[^.;]*?\bfor\s+(?:the|a|an|this|its|their)\s",
    re.IGNORECASE,
)
# one organisation as the one spending: "the company will spend", "Acme plans to spend" (a plural group
# spending, "Households spend", is a market)
FIRM_SPENDS = re.compile(
    r"\b(?:[Tt]he (?:company|firm|start-?up|business|group|operator)|[A-Z][\w&-]*[A-Za-z&-](?<!s))\s+"
    r"(?:will\s+|plans\s+to\s+|is\s+(?:set\s+)?to\s+|intends\s+to\s+)spend\b",
)
OWN_REVENUE = re.compile(r"\b(?:revenues?|sales|arr|turnover|bookings)\b", re.I)
GROUP = re.compile(r"\b[a-z]{3,}(?:ers|ors|ists|ants|ents|ies|ians|ees|ives|workers|people|households)\b")
NAMED = re.compile(r"(?<!^)(?<![.!?] )\b[A-Z][a-z]+[A-Z]\w*|\b(?:Inc|Ltd|Corp|LLC|PLC)\b")
# a single organisation or person as the subject: "Acme's", "the company", "its", "one restaurant's"
SINGLE = re.compile(
    r"(?:\b[A-Z][\w&.-]*[a-z][\w&.-]*(?: [A-Z][\w&.-]+)*'s\b|\bthe company\b|\bits\b"
    r"|\b(?:one|a single|a typical|"
    r"each|every|the average|an average|per)\s+[a-z-]+(?:'s)?)"
)
# what a possessive owns when it is a firm's own number, not a group of buyers ("Acme's sales")
OWN_FIGURES = re.compile(
    r"(?:sales|revenues|earnings|bookings|shares|profits|costs|prices|fees|margins|funds|assets|losses"
    r"|accounts|books|finances|results|numbers|figures|investors|backers|founders|owners)"
)


def one_subject(before: str) -> bool:
    """Whether a single organisation or person is the subject before an amount (``SINGLE``), except a
    place's possessive: one naming a place ("Kenya's farmers"), or one before a plural group that is no
    firm's own figure ("Tromsø's cafés and bakeries bought …", not "Acme's sales") says where a group
    is, not which organisation."""
    for match in SINGLE.finditer(before):
        name = match.group(0)[:-2] if match.group(0).endswith("'s") else ""
        if name and (name in PLACES or places_in(name) or _group_after(before[match.end() :])):
            continue
        return True
    return False


def _group_after(text: str) -> bool:
    """Whether the words after a possessive name a plural group ("hotels and restaurants", "dairy
    farmers"), not a firm's own figure ("sales", "new revenues")."""
    for word in re.findall(r"[^\s,;:()]+", text)[:3]:
        if not re.fullmatch(r"[a-z\u00e0-\u00ff-]+", word):
            return False
        if re.fullmatch(r"[a-z\u00e0-\u00ff-]{2,}[^s']s", word):
            return not OWN_FIGURES.fullmatch(word)
    return False


# one customer as the subject: "each household", "the average farm", "a typical firm"
ONE_CUSTOMER = re.compile(r"\b(?:one|a single|a typical|each|every|the average|an average)\s+[a-z-]+", re.I)
# one buyer named by its rank among a seller's customers: "the largest single customer", "its biggest client"
ONE_BUYER = re.compile(
    r"\b(?:largest|biggest|top|single|anchor|flagship)\s+(?:single\s+)?(?:customer|client|buyer|account|tenant)\b",
    re.I,
)
SPEND_VERB = r"(?:spen[dt]s?|pays|paid|pay|bought|buys|purchased)"
# one named organisation or the writer as the spender ("Last year Norvale spent", "we paid"), or one
# firm as the payee ("pays Acme about $1 million a year"): a customer's bill, not a whole market's
NAMED_SPENDER = re.compile(
    rf"(?:\b(?P<spender>[A-Z][a-z][\w&'-]*[a-rt-z])|\b(?:[Ww]e|I|[Mm]y\s[a-z]+[a-rt-z]|[Oo]ur\s[a-z]+[a-rt-z]))"
    rf"\s(?:[a-z]+ly\s|also\s|already\s)?{SPEND_VERB}\b"
    rf"|\b{SPEND_VERB}\s(?P<payee>[A-Z][a-z][\w&-]*)(?!\s[a-z]+s\b)",
)
WOULD_PAY = re.compile(
    r"\b(?:would|willing to|prepared to|ready to) (?:pay|spend)\b|\bwillingness to pay\b", re.I
)
WORTH = re.compile(r"\b(?:is|was|were|are|be|been)\s(?:\w+\s)?worth\b", re.I)
# goods bought for an amount: "hotels bought about Rp 1.9 trillion of fresh fish", "bought $3m worth of
# parts" (the verb just before the amount and "of" just after it; "bought Beta for $50m" is a takeover)
BOUGHT = re.compile(
    r"\b(?:bought|buy|buys|purchased|purchase|purchases)\s(?:(?:an estimated|estimated|about|around|roughly"
    r"|some|nearly|almost|over|more than|at least|close to|up to)\s)*$",
    re.I,
)
GOODS = re.compile(r"\s(?:worth\s)?of\s(?!(?:19|20)\d{2}\b)")
# an amount a total of spending or sales came to: "interpreting booked through the service came to EUR 4.6m"
TOTALLED = re.compile(
    r"\b(?:came|comes|come) to\b|\bamount(?:ed|s)? to\b|\btotall?(?:ed|ing|s)\b|\badded up to\b", re.I
)
# a bound on firms' own size in a definition: "brands with annual sales under $5 million" says which firms
# are counted, not what they spend
# one firm's reported results just before the amount: "…, which reported revenue of CZK 71 million",
# "Acme posted sales of $4m" (a market named earlier in the sentence is what the firm sells in)
REPORTED_RESULTS = re.compile(
    r"\b(?:reported|posted|announced|recorded|disclosed)\s(?:[\w-]+\s){0,2}?"
    r"(?:revenues?|sales|turnover|earnings|income)\s(?:of\s)?"
    r"(?:(?:about|around|roughly|some|nearly|almost|over|more than|just over|just under|close to"
    r"|an estimated)\s)*$",
    re.I,
)
EMPHASIS = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)")  # Markdown bold and italics around words
# goods that went to waste: "the uncollected lunches were worth CZK 12.7 million", "unsold stock worth
# $3m" is what was lost, not what a market trades
WASTED = re.compile(
    r"\b(?:uncollected|unsold|uneaten|unused|wasted|thrown away|spoil(?:ed|t)|discarded|expired"
    r"|written off)\b",
    re.I,
)
SIZE_BAND = re.compile(
    r"\b(?:with|whose|having)\s(?:[\w-]+\s){0,2}(?:sales|revenues?|turnover|income|assets|budgets?)\s"
    r"(?:of\s)?(?:under|below|above|over|less than|more than|up to|at least|exceeding|between)\s"
    r"(?:about\s|around\s|roughly\s)?$",
    re.I,
)
SIZING = re.compile(
    r"\b(?:puts?|sizes?|sized|estimates?|estimated|values?|valued|pegs?|worth)\b[^.;]*?\bat\b", re.I
)
# growth on a stated earlier period: "EUR 95 million in 2023, up 11% on 2022" (a fall, "down 4%", is no
# growth rate the score could read as positive)
CHANGE_ON = re.compile(
    r"\bup\s(?:by\s)?(?:about\s|around\s|roughly\s|some\s|nearly\s)?\d+(?:\.\d+)?"
    r"(?:\s?%|\s(?:per ?cent|percent)\b)"
    r"\s(?:year on year|year over year|(?:on|from|over|versus|vs\.?|compared with)"
    r"\s(?:(?:the\s)?(?:previous|prior|last|a)\s(?:year|quarter)|(?:19|20)\d{2}\b))",
    re.I,
)
GROWS = re.compile(
    r"\b(?:grow\w*|grew|growth|expand\w*|ris(?:e|es|ing)|rose|increas\w*|climb\w*|cagr|compound|up|faster"
    r"|slower|pace)\b",
    re.I,
)
PRICE_CHANGE = re.compile(r"\b(?:prices?|costs?|wages?|rents?|inflation|fees?)\b", re.I)
# a rate after inflation is the market's own growth in volume, whatever prices did around it
REAL_TERMS = re.compile(
    r"\b(?:in real terms|real growth|inflation-adjusted|after inflation|in volume terms)\b", re.I
)
OWN_ASSET = re.compile(
    r"\bits (?:new |own |first )?[a-z-]+"
    r"|\b(?:system|platform|facility|rollout|upgrade|migration|headquarters)\b"
    # a building or a plant, not the word naming a trade or a group ("building management software")
    r"|\b(?:building|plant)\b(?!\s+(?:management|managers?|owners?|services?|maintenance|software|sector"
    r"|industry|materials?|societ(?:y|ies)|associations?|trades?|automation))"
    # "the project", "a new project" (a noun), never "we project spending to grow" (a verb)
    r"|\b(?:the|a|an|this|that|their|our) (?:new |own |first )?projects?\b"
    # fitting out or refurbishing premises is a building's capital cost ("after a $1.1m fit-out")
    r"|\b(?:fit-?outs?|fitting(?: it)? out|fitted out|refits?|refurbish\w*|renovat\w*|build-?outs?)\b",
    re.I,
)
# an amount named only as someone's estimate or forecast: "Our 2029 forecast is EUR 345 million"
ESTIMATE_NOUN = re.compile(
    r"\b(?:our|the|their|its|this|that|a|an)\s(?:(?:19|20)\d{2}\s)?(?:base-case\s|central\s)?"
    r"(?:forecast|estimate|projection|outlook)\b"
    # a key-figures row labelled by the noun alone: "Forecast, 2029 | EUR 450m"
    r"|^(?:forecast|projection|outlook)\b(?=[^|]*\|)",
    re.I,
)
LOSS = re.compile(
    r"\b(?:loss(?:es)?|damages?|claims paid|payouts?|write-?offs?)\b"
    # "cost the industry NZ$48 million in lost grapes", "lost revenue of $3m": what was lost, not spent
    r"|\bin lost\b|\blost (?:revenue|sales|income|output|production|productivity|crops?|harvests?|yields?"
    r"|fruit|grapes|milk|stock|working days|hours)\b",
    re.I,
)
SPEND = re.compile(r"\b(?:spends?|spent|spending|budgets?|pays?|paid|outlay|expenditure)\b", re.I)
# money held, not spent in a year: "prepaid balances of $9bn", "deposits held against future funerals"
STOCK = re.compile(
    r"\b(?:balances?|deposits?|savings|reserves|held in trust|assets under management|outstanding loans?)\b",
    re.I,
)
COST = re.compile(
    r"\b(?:costs?|capital|capex|to build|to install|to deploy|installation|upfront|equipment|construction"
    r"|fit-?outs?|fitting(?: it)? out|fitted out|refits?|refurbish\w*|renovat\w*|build-?outs?)\b",
    re.I,
)
# what customers pay on average for one purchase, not what one organisation spent on an asset: "the average
# total cost of a funeral", "median spend per visit", "a typical bill"
AVERAGE_SPEND = re.compile(
    r"\b(?:average|median|mean|typical)\s+(?:[a-z-]+\s+){0,2}"
    r"(?:costs?|spend(?:ing)?|bills?|outlay|prices?|amounts?\s+(?:paid|spent)|payments?)\b",
    re.I,
)
MARKET = re.compile(
    r"\b(?:market|industry|sector|tam|total addressable|spending on|spend on|category|segment)\b", re.I
)
SHARE = re.compile(r"\bmarket share\b|\bshare of (?:the )?market\b|\bof the market\b", re.I)
PRICING = re.compile(
    r"\b(?:costs?|priced?|pricing|charges?|plans?|tiers?|subscription|starts? at|fee|licen[cs]e|per month|"
    r"per year|a month|a year|/month|/mo|/year)\b",
    re.I,
)
# a figure a company states about itself or its market, reported by someone else
CLAIMED = re.compile(
    r"\b(?:claims?|claimed|touts?|boasts?|advertises|pitch(?:es|ed)?|says it|markets? itself|"
    r"according to (?:the company|its (?:website|founders?|marketing|pitch)))\b",
    re.I,
)
# a sentence continuing the one before about its total: "Within the total, …", "Of that, …", "Of which …"
BACK_REFERENCE = re.compile(
    r"^(?:\*\*|__)?(?:within (?:it|that|this|the (?:total|market|figure))|of (?:that|this|it)|of which"
    r"|that (?:market|total))\b",
    re.I,
)
FORECAST = re.compile(
    r"\b(?:will|projected|projection|forecasts?|forecasted|expects?|expected|is set to|could|to reach|"
    r"anticipated|should (?:grow|reach|rise|climb|increase|expand|double|hit|top)|is likely to|are likely to|"
    r"outlook|estimated to (?:reach|grow|hit)|predicted|by (?:the )?(?:end of )?(?:19|20)\d{2})\b",
    re.I,
)
COUNT = re.compile(
    r"(?<![\w$€£.,])(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s?(?:million|billion|thousand))"
    r"\s+(?:[a-z-]+\s){0,2}?(?P<noun>[a-z-]+s|people)\b"
)
# what follows a count of one firm's customers: "… bought through it", "… use Acme", "… signed up"
FIRM_USERS = re.compile(
    r"\s+(?:[\w-]+\s){0,2}?(?:have\s+|had\s+)?(?:bought|buy|ordered|order|booked|book|used|use|uses|paid|pay)"
    r"\s+(?:through|via|from|on|with)\s+(?:it|us|them|the (?:app|platform|marketplace|company|service|site)\b"
    r"|[A-Z][\w-]+)"
    r"|\s+(?:[\w-]+\s){0,2}?(?:use|used|signed up (?:for|to)|subscribe to|subscribed to)"
    r"\s+(?:it|us|[A-Z][\w-]+)\b"
)
SCOPE = re.compile(r"((?:[\w'-]+\s){1,5}?)(?:market|industry|sector|segment)\b")
SCOPE_AFTER = re.compile(r"\b(?:market|industry|sector|segment|spending) (?:for|of|on) ((?:[\w'-]+\s?){1,5})")
# "insurers spent $620 million on drone roof inspections": what the money was spent on
SPENT_ON = re.compile(
    r"\b(?:spen[dt]s?|spending|paid|pay|pays)\b(?:[^.;]|\.(?=\d))*?\d(?:[^.;]|\.(?=\d))*?\bon\s+"
    r"((?:[\w'-]+,?\s?){1,6})",
    re.I,
)
# "hotels bought Rp 1.9 trillion of fresh fish": what was bought
BOUGHT_OF = re.compile(
    r"\b(?:bought|buys?|purchased|purchases?)\b(?:[^.;]|\.(?=\d))*?\d(?:[^.;]|\.(?=\d))*?\s(?:worth\s)?of\s+"
    r"((?:[\w'-]+,?\s?){1,6})",
    re.I,
)
REPORTING_VERBS = {
    "expect",
    "estimate",
    "put",
    "value",
    "forecast",
    "project",
    "predict",
    "count",
    "model",
    "models",
    "size",
    "expects",
    "estimates",
    "sizes",
    "puts",
    "values",
    "forecasts",
    "projects",
    "says",
    "sees",
    "predicts",
    "believes",
    "reports",
    "calls",
    "defines",
    "measures",
    "pegs",
    "places",
    "said",
}
SUBJECT_END = re.compile(
    r"\s(?:generated|was|were|is|are|reached|totall?ed|grew|rose|made|earned|accounted|represented|had|hit|"
    r"will|could|stood|came)\b"
)
SCOPE_DROP = {
    "the",
    "a",
    "an",
    "global",
    "worldwide",
    "total",
    "overall",
    "entire",
    "whole",
    "this",
    "that",
    "its",
    "their",
    "of",
    "in",
    "for",
    "and",
    "to",
    "was",
    "is",
    "be",
    "by",
    "on",
    "at",
    "trillion",
    "billion",
    "million",
    "thousand",
    "bn",
    "mn",
    "our",
    "my",
    "your",
    "we",
    "serves",
    "serve",
    "s",
}
SCOPE_DROP |= {"market", "markets", "industry", "sector", "segment"}  # the measured thing, not its name
# "On this definition the market …", "taking the market to …": words around a market's name that
# are no part of its definition
SCOPE_DROP |= {"definition", "measure", "basis", "reckoning", "taking", "bringing", "pushing", "putting"}
CURRENCY_CODE = re.compile(CODE)


@dataclass(frozen=True)
class Found:
    """A number found in a sentence: its text, kind and where it sits."""

    value: str
    kind: FigureKind
    start: int
    end: int


def clause(text: str, start: int, end: int) -> str:
    """The clause of ``text`` holding the span ``start:end`` (cut at ";" and contrasting joins)."""
    left = max((m.end() for m in CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in CLAUSE_BREAK.finditer(text, end)), len(text))
    return text[left:right]


APPROXIMATE = frozenset(
    {"about", "around", "roughly", "some", "nearly", "almost", "approximately", "or", "c"}
)


def aside_of(text: str, start: int, end: int) -> str:
    """The parenthetical aside holding the span, when it describes something with words of its own:
    "Regional chains (revenue roughly $5m to $50m) buy ..." sizes the chains, not the sentence's subject;
    "" for an amount alone in brackets ("(EUR 4.6 billion)"), which restates its sentence's."""
    opening = text.rfind("(", 0, start)
    closing = text.find(")", end)
    if opening < 0 or closing < 0 or ")" in text[opening:start] or "(" in text[end:closing]:
        return ""
    inside = text[opening + 1 : closing]
    spoken = [
        word
        for word in re.findall(r"[A-Za-z]{2,}", MONEY.sub(" ", inside))
        if word.lower() not in APPROXIMATE and not CURRENCY_CODE.fullmatch(word)
    ]
    return inside if spoken and not re.fullmatch(r"(?:to|and|from|between|in|of)", " ".join(spoken)) else ""


def group_earnings(around: str, before: str) -> bool:
    """Money a whole group earns ("Kenyan dairy farmers earned $2 billion"), or a kind of product
    ("standalone booking apps earned €6m"): a market, not a firm's revenue.

    Only earnings and income (never revenue, sales or bookings, which firms report), with a plural
    group or kind as the subject and no single organisation or named company before the amount.
    """
    earned = EARNINGS.search(around)
    if earned is None or OWN_REVENUE.search(around) or one_subject(before):
        return False
    subject = around[: earned.start()]
    # "Kenyan dairy farmers", or the common names of groups of firms ("member stores and the services
    # we track", "independent pharmacies")
    grouped = GROUP.search(subject) or any(
        word in GROUP_NOUNS for word in re.findall(r"[a-z]+", subject.lower())
    )
    # or a kind of goods or services ("Standalone booking apps earned €6m"): what all their makers take
    # for them together is the kind's market
    head = (re.findall(r"[A-Za-z'-]+", subject) or [""])[-1]
    owners = [name for name in re.findall(r"\b([A-Z][\w&.-]*)'s\b", subject) if not places_in(name)]
    kind = re.fullmatch(r"[a-z-]{2,}[^su'\W]s", head) and not owners  # not "Acme's apps"
    return bool(grouped or kind) and not NAMED.search(subject)


def one_spender(around: str, places: frozenset[str] = frozenset()) -> bool:
    """Whether one named organisation (not a place or a people) or the writer is the one spending, or one
    named firm is the one paid: "Last year Norvale spent $1.4 million", "we paid", "pays Acme $1 million".

    ``places`` are words the idea itself uses (lower case): a city the idea names ("… for Leeds dental
    practices") is where it sells, so "Leeds spent £3m on …" is that place's spending, not one buyer's.
    """
    for match in NAMED_SPENDER.finditer(around):
        name = match.group("spender") or match.group("payee") or ""
        if re.fullmatch(SYMBOL, name) or CURRENCY_CODE.fullmatch(name):
            continue  # "spent Rp 4.2 trillion": a currency written in letters, not a payee
        if name and (name in PLACES or name in DEMONYMS or places_in(name) or name.lower() in places):
            continue  # "Kenya spent", "Dutch buyers paid": a country or a people, not one organisation
        if match.group("spender") and re.search(
            r"\b(?:in|across|throughout|around|from)\s$", around[: match.start()]
        ):
            continue  # "dentists in Leeds spent": a place closes a group's name; the group spends
        return True
    return False


# a tail after an amount that says who reported it or what it counts: ", according to the trade body,
# which counts only sales through platforms", ", which covers …", ", said …"
TOLD = re.compile(
    r",\s(?:according to|which|who|as reported|said|says|reports|reported|counting|excluding|leaving out"
    # ", AERH estimates, counting only …": a named reporter after the amount
    r"|(?:[A-Z][\w&.-]*\s){1,3}(?:estimates|estimated|says|said|reports|reported|calculates|finds))\b"
)


def untold(around: str, value: str) -> str:
    """The clause without the tail after its amount that names the source or what the source counts:
    its words describe the reporter ("the association counts only sales through platforms"), not what
    the amount measures."""
    at = around.find(value)
    if at < 0:
        return around
    tail = TOLD.search(around, at + len(value))
    return around[: tail.start()] if tail else around


def one_buyer(around: str, before: str, places: frozenset[str] = frozenset()) -> bool:
    """Whether one customer, one named organisation or the writer is the one buying."""
    return bool(
        ONE_CUSTOMER.search(around)
        or ONE_BUYER.search(around)
        or one_spender(around, places)
        or one_subject(before)
    )


def money_kind(
    around: str, before: str, sentence: str = "", places: frozenset[str] = frozenset()
) -> FigureKind:
    """The kind of a scaled amount ("$2.8 billion") from the words of its clause (else its sentence)."""
    if FUNDING.search(around) or valuation(around):
        return "funding"
    if LOSS.search(around):  # losses, damage and claims paid are costs someone bears, not a market
        return "cost"
    if WASTED.search(around) and not MARKET.search(around):
        return "cost"
    if PROGRAMME_BUDGET.search(around) and not MARKET.search(around):
        return "cost"
    if STOCK.search(around) and not MARKET.search(around):  # money held is no year's spending
        return "other"
    if AVERAGE_SPEND.search(around) and not MARKET.search(around) and not OWN_ASSET.search(around):
        return "customer_spend"
    # one organisation paying for its own system or project is a capital cost, not a market
    owned = OWN_ASSET.search(around)
    if (SPEND.search(around) and owned) or (COST.search(around) and (owned or one_subject(before))):
        return "cost"
    one_buyer = ONE_CUSTOMER.search(around) or ONE_BUYER.search(around) or one_spender(around, places)
    if SPEND.search(around) and one_buyer:
        return "customer_spend"
    if FIRM_SPENDS.search(around):  # "The company will spend R24 million of the money on lockers": its outlay
        return "cost"
    # "retail sales of household cleaning products reached $9 billion": a category's sales, with no
    # one seller as subject, are its market's value
    if (
        (CATEGORY_SALES.search(around) or CATEGORY_PAID.search(before))
        and not one_subject(before)
        and not NAMED.search(before)
    ):
        return "market_size"
    if REVENUE.search(around) and (one_subject(before) or not MARKET.search(around)):
        return "market_size" if group_earnings(around, before) else "company_revenue"
    if SPEND.search(around) or SIZING.search(around):  # "insurers spent $1.3 billion on …", "puts X at $60m"
        return "market_size"
    # "the trade in used kitchen equipment was worth EUR 90 million": a value of trade, not a capital cost
    if WORTH.search(around) and not owned and not one_subject(before):
        return "market_size"
    if COST.search(around) and not MARKET.search(around):
        return "cost"
    if TOTALLED.search(around) and not owned and not one_subject(before):  # "bookings … came to $4m"
        return "market_size"
    if MARKET.search(around) or (
        re.search(r"\b(?:worth|valued|size[ds]?)\b", around, re.I) and not owned and not one_subject(before)
    ):  # "the new depot was worth EUR 12 million", "Acme's kiln was worth $2 million": one owner's asset
        return "market_size"
    if ESTIMATE_NOUN.search(around) and not one_subject(before):
        return "market_size"
    # a clause with no subject of its own ("and is forecast to reach $5.1 billion") continues its sentence's
    return (
        money_kind(sentence, sentence[: sentence.find(around)], places=places)
        if sentence and sentence != around
        else "other"
    )


def valuation(around: str) -> bool:
    """Whether an amount is what a company or a deal was valued at (or worth): a deal in its clause
    ("in a deal that valued Acme at $300 million", "was valued at $1.2 billion in its latest round") or
    one organisation as the thing valued ("valued the firm at"), unless that thing is a market ("values
    the bakery market at $2.1 billion")."""
    valued = VALUED.search(around)
    if valued is None:
        return False
    valued_thing = f"{around[: valued.start()]} {valued.group('object') or ''}"
    if MARKET.search(valued_thing):
        return False
    return bool(DEAL.search(around) or ORGANISATION.search(valued_thing))


def price_kind(around: str, places: frozenset[str] = frozenset()) -> FigureKind:
    """The kind of an unscaled amount ("$29 per user per month", "KES 30")."""
    one = ONE_CUSTOMER.search(around) or ONE_BUYER.search(around) or one_spender(around, places)
    if WOULD_PAY.search(around) or (SPEND.search(around) and one) or AVERAGE_SPEND.search(around):
        return "customer_spend"
    if COST.search(around) and not PRICING.search(around.replace("costs", "")):
        return "cost"
    return "price" if PRICING.search(around) or "per " in around or "/" in around else "other"


SOLD = re.compile(
    r"\b(?:units|sales|shipments|deliveries|subscriptions|subscribers|orders|bookings|purchases|customers"
    r"|users|buyers|installations|contracts|tonnes|litres|liters)\b",
    re.I,
)


def counted(subject: str, around: str) -> bool:
    """Whether a growth rate is a count's ("logged 4,100 noise complaints in 2024, up 9% on 2023"): a
    number of things that are not sold or bought, with no money and no market in the clause, is no
    market's growth."""
    count = COUNT.search(subject)
    return bool(
        count
        and not SOLD.search(count.group("noun"))
        and not MONEY.search(around)
        and not MARKET.search(around)
    )


def price_change(subject: str, around: str) -> bool:
    """Whether a rate is a change of prices ("food prices rose 6%"): a price word in its subject, before
    the rate, and no word saying it is growth after inflation ("in real terms"). A price named after the
    rate ("…, as modules become part of the licence fee") says why it grew, not what grew."""
    return bool(PRICE_CHANGE.search(subject)) and not REAL_TERMS.search(around)


# a rise the writer says was (almost) all higher prices: inflation, not more bought
MOSTLY_PRICE = re.compile(
    r"\b(?:(?:almost|nearly|mostly|largely|practically)\s+)?(?:all|most)\s+of\s+(?:that|it|this|the"
    r"\s(?:rise|increase|growth))\s+(?:was|is|came from|reflects|reflected)\s+(?:higher\s+)?(?:price|prices"
    r"|inflation)\b",
    re.I,
)
OWNER = re.compile(r"\b(?:at|of|by|from)\s([A-Z][\w&'-]+)")


def owned_by_name(subject: str, places: frozenset[str] = frozenset()) -> bool:
    """Whether the subject of a change is one named organisation's own ("Sales at Kettleby", "bookings
    of Veloway"), not a place's or a people's ("sales in Kenya", "sales of Dutch cargo bikes")."""
    for match in OWNER.finditer(subject):
        name = match.group(1)
        if not (name in PLACES or name in DEMONYMS or places_in(name) or name.lower() in places):
            return True
    return False


# a firm's own results: "Acme, which owns 40 shops, reported revenue of £12 million"
REPORTED = re.compile(
    r"^\W*(?P<name>[A-Z][\w&'-]*)[^.;]*?\b(?:reported|posted|announced|recorded)\s(?:[\w-]+\s){0,2}?"
    r"(?:revenues?|sales|turnover|earnings|profits?|income)\b"
)


def reported_by_name(subject: str, places: frozenset[str] = frozenset()) -> bool:
    """Whether the subject of a change is results one named organisation reported ("Cedarfield, which owns
    40 clinics, reported revenue of £12 million, up 9%"), not a place's or a people's."""
    reported = REPORTED.match(subject)
    if reported is None:
        return False
    name = reported.group("name")
    return not (name in PLACES or name in DEMONYMS or places_in(name) or name.lower() in places)


def numbers_in(text: str, places: frozenset[str] = frozenset()) -> list[Found]:
    """Every typed number of a sentence, left to right (amounts, growth rates, shares, counts)."""
    found: list[Found] = []
    taken: list[tuple[int, int]] = []

    def add(value: str, kind: FigureKind, start: int, end: int) -> None:
        if not any(start < right and end > left for left, right in taken):
            taken.append((start, end))
            found.append(Found(value.strip(), kind, start, end))

    for match in [*GROWTH.finditer(text), *CHANGE_ON.finditer(text)]:
        around = clause(text, match.start(), match.end())
        subject = around[: max(0, match.start() - text.find(around))]
        company = (
            one_subject(subject) or owned_by_name(subject, places) or reported_by_name(subject, places)
        ) and not MARKET.search(around)
        # "food prices rose 6%" is inflation, not the market's growth; "overdrafts at 28% a year" is a
        # rate charged: a rate "a year" with no word of growth around it
        prices = (
            price_change(subject, around)
            or not GROWS.search(around)
            or bool(MOSTLY_PRICE.search(text, match.end()))  # "rose 20%, but almost all of that was price"
        )
        add(
            match.group(0),
            "other" if company or prices or counted(subject, around) else "growth_rate",
            match.start(),
            match.end(),
        )
    for match in MONEY.finditer(text):
        around = aside_of(text, match.start(), match.end()) or clause(text, match.start(), match.end())
        before = text[max(0, match.start() - 80) : match.start()]
        if GRANT.match(text, match.end()):
            kind: FigureKind = "funding"
        elif SIZE_BAND.search(before) or (
            (reported := REPORTED_RESULTS.search(plain := EMPHASIS.sub("", before)))
            and not MARKET.search(plain[max(0, reported.start() - 20) : reported.start()])
            and not LOSS.search(reported.group(0))  # "reported lost revenue of €3 million": a loss
        ):  # a bound on firms' size in a definition, or a firm's own reported results
            kind = "company_revenue"
        elif BOUGHT.search(before) and GOODS.match(text, match.end()):
            kind = "customer_spend" if one_buyer(around, before, places) else "market_size"
        else:
            kind = money_kind(untold(around, match.group(0)), before, text, places)
        add(match.group(0), kind, match.start(), match.end())
    for match in PRICE.finditer(text):
        kind = price_kind(clause(text, match.start(), match.end()), places)
        add(match.group(0), kind, match.start(), match.end())
    for match in SHARE.finditer(text):
        percent = re.search(r"\d+(?:\.\d+)?\s?%", clause(text, match.start(), match.end()))
        if percent:
            start = text.find(percent.group(0))
            add(percent.group(0), "share", start, start + len(percent.group(0)))
    for match in COUNT.finditer(text):
        # "3,100 repair shops bought through it": one firm's customers, not how many there are
        counted_as: FigureKind = "other" if FIRM_USERS.match(text, match.end()) else "population"
        add(match.group(0), counted_as, match.start(), match.end())
    return sorted(found, key=lambda item: item.start)


def year_of(text: str, start: int, end: int) -> str:
    """The year a number refers to: "in/by/for YEAR" just after it, else the nearest year in its clause."""
    after = re.match(
        r"[^.;]{0,40}?\b(?:in|by|for|as of|through|until|during|of)\s+(?:FY)?((?:19|20)\d{2})\b", text[end:]
    )
    if after:
        return after.group(1)
    around = clause(text, start, end)
    years = [match.group(0) for match in YEAR.finditer(around)]
    return years[0] if years else ""


def timeframe_of(text: str, found: Found, year: str, reference_year: int) -> Timeframe:
    """Forecast (future wording or a later year), historical (3+ years before the source), or current."""
    around = clause(text, found.start, found.end)
    first_year = int(year[:4]) if year else 0
    # the source's own year, even in future wording ("families will spend $X in 2025" in a 2025
    # report), is that year's estimate: today's figure, not a forecast
    if (
        first_year
        and first_year == reference_year
        and year[-4:] == year[:4]
        and len(re.findall(r"\b(?:19|20)\d{2}\b", around)) == 1  # "between 2025 and 2030" runs ahead
        and not re.search(r"\bby\s+(?:19|20)\d{2}\b", around)
    ):
        return "current"
    if re.search(r"\bby\s+((?:19|20)\d{2})\b", text[found.end : found.end + 30]) or (
        FORECAST.search(around) and (not first_year or first_year >= reference_year - 1)
    ):
        return "forecast"
    last_year = int(year[-4:]) if year[-4:].isdigit() else 0
    if (first_year and first_year > reference_year) or last_year > reference_year:
        return "forecast"
    if first_year and first_year <= reference_year - 3:
        return "historical"
    return "current"


def scope_of(text: str) -> str:
    """The definition measured: the words before "market" ("meal planning app"), or after "market for",
    or else the clause's subject ("Family meal planning apps generated …"); "" when none."""
    for pattern in (SCOPE, SCOPE_AFTER, SPENT_ON, BOUGHT_OF):
        match = pattern.search(text)
        words = _scope_words(match.group(1), stop_at_verbs=pattern is not SCOPE) if match else ""
        if words and not all(_place_word(word) for word in words.split()):
            return words  # "Kenya's market for milk coolers" is defined after "market", not by "Kenya's"
    subject = SUBJECT_END.search(text)
    if subject and subject.start() < 60:
        return _scope_words(text[: subject.start()], stop_at_verbs=False)
    return ""


def _scope_words(phrase: str, stop_at_verbs: bool) -> str:
    words: list[str] = []
    for word in phrase.split():
        if CURRENCY_CODE.fullmatch(word.strip(",.;:")):
            continue
        if stop_at_verbs and re.fullmatch(r"(?:was|is|were|are|reached|grew|will|in|by|at|to)", word, re.I):
            break
        if word.lower() in REPORTING_VERBS or (word[:1].isupper() and words and not word.isupper()):
            words = []  # a name ("Kestrel Insights sizes the …") starts over: the scope follows it
            continue
        if word.lower() not in SCOPE_DROP and not PLACE.fullmatch(word) and not re.match(r"\d|[$€£]", word):
            words.append(word)
    return " ".join(words).strip(" ,'*_")


def _place_word(word: str) -> bool:
    """A place or its people's adjective, possessive or not ("Kenya's", "Dutch", "Nigerian"): where a
    market is, not what it is."""
    bare = re.sub(r"['\u2019]s$", "", word.strip(",.;:()"))
    return bool(PLACE.fullmatch(bare) or (bare[:1].isupper() and places_in(bare)))


def in_market_context(sentence: Sentence) -> bool:
    """A sentence under a market heading, or continuing one ("Within it, …", "Of that, …")."""
    return bool(
        MARKET.search(sentence.heading)
        or SIZE_HEADING.search(sentence.heading)
        or BACK_REFERENCE.match(sentence.text)
    )


SIZE_HEADING = re.compile(r"\b(?:size|sizing|how big)\b", re.I)  # "Size and growth", "Market sizing"


MIN_MARKET_USD = 250_000  # no market is smaller than this (about a quarter of a million US dollars)
# an amount given as context, not as the market: "For scale: residents paid …", "For comparison, …"
FOR_CONTEXT = re.compile(
    r"^\W*(?:for (?:scale|context|comparison|reference|perspective)|by comparison|by way of comparison)\b",
    re.I,
)


def figures(
    sentence: Sentence,
    reference_year: int,
    research_year: int,
    title: str = "",
    places: frozenset[str] = frozenset(),
) -> list[Figure]:
    """The typed figures a sentence states, each quoting the sentence (``places``: see ``one_spender``)."""
    result = []
    for found in numbers_in(sentence.text, places):
        if found.kind == "other" and MONEY.fullmatch(found.value) and in_market_context(sentence):
            found = Found(found.value, "market_size", found.start, found.end)
        if found.kind == "market_size" and (FOR_CONTEXT.match(sentence.text)):
            found = Found(found.value, "other", found.start, found.end)  # given for scale, not as the market
        if found.kind == "market_size" and usd(found.value) < MIN_MARKET_USD:
            # "₩11.6 million per funeral", "Rp 4.5 million a month": millions of a small unit are what one
            # customer pays, never a whole market
            found = Found(found.value, "customer_spend", found.start, found.end)
        year = year_of(sentence.text, found.start, found.end)
        header = sentence.column_at(found.start)  # a table cell is dated and typed by its column
        if header_year := re.search(r"\b(?:19|20)\d{2}\b", header):
            year = header_year.group(0)
        # a figure that states no year is as old as its source ("it is now a £35 million niche" in 2018)
        first_year = int(year[:4]) if year else min(reference_year, research_year)
        dated = bool(first_year) and first_year < research_year - DATED_AFTER_YEARS
        timeframe = timeframe_of(sentence.text, found, year, reference_year)
        if header and FORECAST.search(header):  # "2030 (forecast)", "Projected"
            timeframe = "forecast"
        # a table cell's figure quotes its row up to its own cell (still verbatim): the later cells are
        # other figures ("| All weddings | €640m | €870m |": the €640m of 2025, not the 2030 forecast)
        cut = sentence.text.find("|", found.end) if sentence.columns else -1
        own = sentence.text[:cut].rstrip() if cut > 0 else sentence.text
        result.append(
            Figure(
                text=own,
                source_ids=[sentence.source_id],
                quote=own,
                value=found.value,
                year=year,
                kind=found.kind,
                # current when written, but written more than five years ago: history now
                timeframe="historical" if dated and timeframe == "current" else timeframe,
                geography=geography_of(sentence.text, title),
                scope=scope_of(clause(sentence.text, found.start, found.end)) or scope_of(sentence.text),
                dated=dated,
                vendor_claim=bool(CLAIMED.search(clause(sentence.text, found.start, found.end))),
            )
        )
    return result
