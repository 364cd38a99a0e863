"""What a customer-side sentence says, read from its structure: who speaks, and what about.

* who speaks for customers: a share of respondents, a people noun, a first person;
* a pain point: a problem customers have (losses, waits, failures, workarounds, complaints), best
  when a share of them states it;
* a satisfaction driver: what makes customers choose, stay or switch.

Each is decided from the sentence and from where it sits (heading, lead, the paragraph's question),
with word lists of ordinary English rather than of any one domain. Willingness to pay is read in
``willingness``, with the helpers here.
"""

from __future__ import annotations

import re

from agents.analysts.amounts import MONEY, PRICE
from agents.analysts.customer_text import Unit
from agents.analysts.sentences import PERCENT, singular, stem, words
from agents.analysts.vetting import WORRY

CUSTOMER_VOICE = frozenset({"survey", "interviews", "review_forum"})
SPELLED_SHARE = re.compile(
    r"\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven"
    r"|eight|nine))?|ten|eleven|twelve|fifteen|twenty) percent\b"
    r"|\b(?:one|two|three|four) in (?:two|three|four|five|ten)\b|\b(?:half|a third|a quarter|two thirds"
    r"|three quarters|most|many|several|every|all|the majority) of (?:the |them|us|our )?"
    r"|\b(?:half|a third|a quarter) (?:our|their|the)\b",
    re.IGNORECASE,
)
RESPONDENT_SHARE = re.compile(
    r"(?:\d+(?:\.\d+)?\s?%|\bpercent)(?: of (?:\w+[ -]){0,5}?\w+)?,? "
    r"(?:said|say|says|had|have|reported|report|named|cited|chose|found|find|were|are|would|could|use|used|run|rely|re-\w+|\w+ed)\b",
    re.IGNORECASE,
)
PEOPLE = frozenset(
    singular(word)
    for word in (
        *("respondents", "customers", "clients", "users", "buyers", "owners", "people", "parents"),
        *("families", "households", "patients", "members", "staff", "employees", "workers", "managers"),
        *("partners", "teams", "firms", "companies", "businesses", "organisations", "organizations"),
        *("professionals", "practitioners", "practices", "consumers", "shoppers", "subscribers"),
        *("learners", "students", "agencies", "groups", "executives", "leads", "operators", "founders"),
        *("adults", "residents", "couples", "children", "seniors", "retirees", "pensioners", "tenants"),
    )
)
AGENT_ENDINGS = ("ers", "ors", "ists", "ians")  # plural agent nouns: "growers", "operators", "dentists"
NOT_AGENTS = frozenset(
    {"orders", "numbers", "papers", "letters", "matters", "centers", "centres", "computers", "folders"}
    | {
        "filters",
        "containers",
        "borders",
        "chapters",
        "quarters",
        "corners",
        "offers",
        "vendors",
        "competitors",
    }
    | {"providers", "suppliers", "sellers", "manufacturers", "makers", "distributors", "integrators"}
)
PRONOUN_SUBJECT = re.compile(r"\b(?:I|I'm|I've|I'd|we|we're|we've|they|she|he|my|our|their|her|his)\b")
# the study's own question, whoever asks: "The association asked 236 members how they ... and what they
# would pay" (its answers come in later sentences)
STUDY_QUESTION = re.compile(
    r"\b(?:asked|surveyed|interviewed|polled)\b[^.;:]{0,120}?\b(?:how|what|whether|which|why)\b",
    re.IGNORECASE,
)

# --- pain points ----------------------------------------------------------------------------------
PAIN = re.compile(
    r"\b(?:pain(?:ful|s)?|sore point|frustrat\w*|struggl\w*|stress(?:es|ed|ful)?|difficult\w*|hard to"
    r"|hassle\w*|wast(?:e|es|ed|ing)|annoy\w*|complain\w*|complaints?|hate[sd]?|sick of|fed up"
    r"|time-consuming|too (?:long|slow|little|few|much|expensive|late|complex|complicated|often)"
    r"|useless|problems?|abandon\w*|give up|gave up|expensive|costly|confus\w*|overwhelm\w*|exhaust\w*"
    r"|asleep|worr(?:y|ies|ied)|concerns?|lose|loses|losing|lost|miss(?:ed|es|ing)|forg[eo]t\w*"
    r"|delay\w*|wait(?:ed|ing|s)?|fail\w*|errors?|manual(?:ly)?|by hand|re-?typ\w*|re-?key\w*"
    r"|re-?enter\w*|double[- ]entry|copy-paste|tedious|slow(?:er|ly)?|unreliable|fear\w*|burden\w*"
    r"|chas(?:e|es|ed|ing)|clash\w*|paus(?:e|ed|es|ing)|postpon\w*|drop(?:ped)?[- ]?outs?|dropped out"
    r"|shortage\w*|lack(?:s|ed|ing)?|not enough|injur\w*|accidents?|disput\w*|argu(?:e|es|ed|ing)\w*"
    r"|fights?|furious|angry|upset|embarrass\w*|scare[ds]?|panic\w*|inconvenien\w*|unhappy|dissatisf\w*"
    r"|brutal|nightmare|headaches?|bottlenecks?|backlogs?|challeng\w*|barriers?|obstacles?|can['\u2019]t"
    r"|cannot|unable|no longer|never (?:arrive|return|finish|hear|get)\w*|gone cold|go cold"
    r"|costs? (?:us|them|me|him|her)|late|(?:do|does|did) not (?:know|trust|understand)"
    r"|distrust\w*|mistrust\w*|(?:don|doesn|didn)['\u2019]t (?:know|trust|understand)|too [a-z]{3,}"
    r"|quit(?:s|ting)?|stop(?:s|ped|ping)? (?:using|\w+ing)|block(?:s|ed|ing)"
    r"|(?:have|has|had) no (?!idea\b|plans?\b)\w+|no access to|not covered|deal-?breakers?"
    r"|(?:ran|run|runs|running) out|out of stock|(?:throw|threw|thrown|throwing) away|brok(?:e|en) down|broke"
    r"|hardest|toughest|hard part|isolated|isolation|lonely|loneliness|bored|boredom"
    # owing money to the one they trade with: "owed money to their supplier", "in debt to the dealer"
    r"|owe[ds]?|owing|in debt|indebted|debts?"
    # cash a customer must lay out before selling or using: "a minimum order", "I pay cash up front"
    r"|minimum orders?|(?:pay|pays|paid|paying)(?: cash)? (?:up ?front|in advance)|cash up ?front"
    r"|tie[sd]? up (?:\w+ )?(?:cash|money|capital)|objections?"
    # a lack of confidence: "the task they feel least confident doing", "unsure how to file"
    r"|(?:least|not|less|no longer) (?:very )?confident|unsure|out of (?:my|their|our|his|her) depth"
    r"|sobering|alarming|worrying|troubling|disappointing"
    # a note that a resource is missing: "No IT person; a contractor comes monthly", "No budget line for it"
    r"|^no (?:[\w-]+ ){0,2}?(?:person|people|staff|staffer|team|department|budget|specialist|expert)"
    r"|at a loss|below cost|half[- ]price|(?:bad|poor|unfair) prices?|low(?:ball)? offers?|lowball\w*"
    r"|could(?: not|n['\u2019]t)"
    # a want left unmet: "saw the doctor without one, although they wanted one", "we simply went without"
    r"|(?:although|though|even though) (?:they|he|she|we|I|you) (?:wanted|needed|asked for|requested)"
    r"|(?:went|goes|going|gone) without"
    r"|stoppages?|outages?|downtime|breakdowns?|unplanned|shutdowns?|interruptions?|disrupt\w*"
    r"|breaks? down|ruin\w*|destroy\w*|damag\w*|spoil\w*|rott(?:ed|ing)|stolen|theft|leak(?:s|ed|ing)?"
    r"|broken|kill(?:s|ed)?|died|turn(?:s|ed)? away|unpaid|overdue|declin(?:e|ed|es)|reject(?:s|ed|ion|ions)?"
    r"|refus(?:e|ed|es|al)|stuck|trouble\w*|hard time|overpriced|pricey|scams?|fraud\w*|blocked"
    # frozen as what happened ("accounts frozen for weeks"), not a kind of goods ("frozen fillets")
    r"|frozen(?=\s*$|[.,;:)]|\s(?:for|until|since|by|in|at|when|after|because|again|solid|out)\b)"
    r"|unexpected|unpredictable|uncertain\w*|(?:eats?|ate|eating|cuts?) into|hidden (?:fees?|costs?|charges?)"
    r"|(?:high|higher|rising|steep) (?:turnover|churn|costs?|fees?|prices?|rates?|charges?)"
    r"|(?:turnover|churn|costs?|fees?|prices?|charges?) (?:is|are|was|were|remain|remains)"
    r" (?:high|rising|steep))\b",
    re.IGNORECASE,
)
BURDEN = re.compile(  # time or distance a customer pays: "took 26 hours", "70 minutes away"
    r"\b(?:took|takes|take|taking|spent|spend|spends|waited|wait|average time|median time|time from)\b"
    r"[^.;]{0,80}?\b\d+(?:[-\u2013]\d+)?\s(?:minutes?|hours?|days?|weeks?|months?|years?)\b"
    r"|\b\d+(?:[-\u2013]\d+)?\s(?:minutes?|hours?|km|miles?|kilometres?|kilometers?)\s"
    r"(?:away|drive|from the nearest)"
    r"|\bnearest\b[^.;]{0,60}?\b\d+\s(?:minutes?|hours?|km|miles?)"
    r"|\b\d+(?:[-\u2013]\d+)?\s(?:minutes?|hours?|days?)\s(?:a|an|per|each|every)\s(?:day|week|month|shift)\b"
    # a wait stated without a number: "repairs take days", "waited weeks for a part"
    r"|\b(?:took|takes|take|taking|waited|wait|waits|waiting)(?: for)? (?:several |many )?"
    r"(?:days|weeks|months)\b"
    r"|\b(?:for|after|within) \d+(?:[-\u2013]\d+)?\s(?:days?|weeks?|months?)"
    r" (?:on average|or more|or longer)\b"
    # goods or work left idle: "the tractor sat in the yard for nine weeks", "orders stuck for days"
    r"|\b(?:sat|sits|sitting|stood|stands|standing|idled?|stuck|lay|lies|languish\w*)\b[^.;]{0,40}?"
    r"\bfor (?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many)"
    r" (?:days|weeks|months)\b",
    re.IGNORECASE,
)
WORKAROUND = re.compile(
    r"\b(?:spreadsheets?|pen and paper|paper forms?|whiteboards?|sticky notes|their memory|from memory"
    r"|by hand|manually|shared inbox|phone messages)\b",
    re.IGNORECASE,
)
# a problem word in a compound that names its absence: "zero-waste", "hassle-free", "no-fault"
ABSENCE_BEFORE = ("zero-", "no-", "non-", "anti-", "low-")
ABSENCE_AFTER = ("-free", "-proof")
# a problem word naming the subject of a rule or a trade, not a problem: "its waste law", "the complaints
# procedure", "fraud regulation", "the loss-adjusting sector"
TOPIC_AFTER = re.compile(
    r"^[ -](?:laws?|rules?|regulations?|polic(?:y|ies)|procedures?|management|collection|sector|industry"
    r"|bill|directive|statute)\b",
    re.IGNORECASE,
)
INTENSE = re.compile(
    r"\b(?:most|biggest|top|main|very|major|useless|give up|hate|every|worst|brutal|furious|sick of)\b",
    re.IGNORECASE,
)
PROBLEM_TOPIC = re.compile(
    r"\b(?:findings?|headlines?|results?|pain|problems?|challenges?|frustrations?|complaints?|issues?"
    r"|barriers?|hurts|what (?:\w+ ){0,2}(?:hate|dislike)|why \w+ (?:leave|quit|churn))\b",
    re.IGNORECASE,
)
# a heading or table header that names what its items are: problems ("Pain points", "Problem reported by
# owners", "Biggest frustrations"); each item under it is a problem, whatever words it uses
PROBLEM_LIST = re.compile(
    r"\b(?:pain points?|pains|problems?|challenges|frustrations?|complaints?|difficulties|grievances"
    r"|barriers|obstacles|(?:what|where it) (?:still )?hurts"
    r"|what (?:\w+ ){0,2}(?:hate|dislike|struggle with)"
    r"|(?:what|where) (?:\w+ ){0,2}(?:went|goes|go) wrong)\b",
    re.IGNORECASE,
)
# a heading about what follows a lack or a failure: "What happens when there is no interpreter", "When the
# pump fails", "Without a courier": its items are what customers suffer from it
LACK_LIST = re.compile(
    r"\bwhat happens (?:when|if)\b.*\b(?:no|not|never|without|fails?|breaks?(?: down)?|goes wrong"
    r"|runs? out|missing|unavailable|late|cancel\w*)\b"
    r"|^(?:when|if) (?:there (?:is|are) no|(?:\w+ ){1,3}(?:fails?|breaks? down|goes wrong|runs? out|is late"
    r"|is missing|is unavailable))\b"
    r"|^(?:life |working |coping )?without (?:an? |the |any )?\w+",
    re.IGNORECASE,
)
NOT_CUSTOMER_PAIN = re.compile(  # a gap in the offer or a market remark, not a customer's problem
    r"^(?:none|no one|nobody|no provider|no service|no vendor|no tool|no app|neither) of\b"
    r"|^(?:the )?(?:market|industry|sector)\b|\bthe hardest part of the business\b"
    # an opening for a seller, not a problem a customer has: "Billing the insurer directly is an opening
    # no provider has taken"
    r"|\b(?:is|are|was|were|remains?|represents?) (?:an?|the) (?:\w+ )?(?:opening|opportunity|white ?space)\b"
    # a share given for two years is a trend: "Video made up 6% of the hours in 2021 and 19% in 2025"
    r"|\b\d+(?:\.\d+)?\s?% (?:of [^.;]{1,60} )?in (?:19|20)\d\d,? (?:and|to|but|against|versus) (?:\w+ )?"
    r"\d+(?:\.\d+)?\s?% in (?:19|20)\d\d\b"
    # how a market or a company grows: "Growth has been rapid, but we expect it to slow"
    r"|^(?:the |its |their )?(?:growth|revenues?|turnover|spending|market share)\b"
    r"|^what(?:'s| is) missing\b|\bnone of the (?:\w+ )?(?:offers?|providers?|vendors?|services?|tools?|apps?"
    r"|products?|programmes?|programs?|platforms?|two|three|four|five|six)\b"
    # the study's own question, not an answer: "We asked how much they lose and what they would pay"
    r"|^(?:we )?asked\b|^we (?:asked|surveyed|interviewed|described|spoke)\b"
    # what a figure counts, not a problem: "The estimate covers frozen stock too", "This excludes resales"
    r"|^(?:the|this|that|these|our|its) (?:\w+ )?(?:figures?|estimates?|numbers?|totals?|data|values?|counts?"
    r"|definitions?)\s+(?:covers?|includes?|excludes?|counts?|leaves? out)\b"
    r"|^(?:this|it|that|they) (?:covers?|includes?|excludes?|leaves? out)\b",
    re.IGNORECASE,
)
# a problem word denied: "taught it without trouble", "no complaints", "never had a problem"
NEGATED = re.compile(
    r"\b(?:without|no|never had|never had an?|never had any|free of|free from)\s+(?:any\s+)?$", re.I
)

# --- satisfaction drivers ------------------------------------------------------------------------
DRIVER = re.compile(
    r"\bmatter(?:s|ed)? (?:most|more)\b|\bmost important\b"
    r"|\btop (?:\w+ )?(?:factors?|reasons?|priorities|drivers?"
    r"|criteria)\b|\b(?:make|makes|made|would make) (?:\w+ ){0,2}(?:switch|stay|stick|choose|buy|sign|renew"
    r"|come back|loyal)\b|\bwhat (?:made|makes|would make) (?:\w+ ){0,3}(?:stick|switch|stay|work)\b"
    # "value" as what customers do ("owners value speed", "most valued"), not a sum ("of the value")
    r"|\bwould win\b|\bwhat (?:\w+ ){0,2}values?\b|\bvalued\b"
    r"|(?<!\bthe )(?<!\btheir )(?<!\bits )\bvalue\b(?! of\b)"
    r"|\bprefer\w*\b|\bloyal\w*\b|\bsatisf\w*\b"
    # a note of what one buyer requires: "Wants a fixed delivery slot", "Needs invoices in euros"
    r"|^(?:wants|needs|requires|insists on|expects)\b"
    # a share of customers asking for a quality: "64% want the quote to come from a mechanic they chose"
    r"|(?:%|\bpercent)\s+(?:of (?:\w+ ){1,2})?(?:want|expect|require|insist on|look for|ask for)\b"
    r"|\bkeep using\b|\bcited by \d|\breasons? (?:to|for) (?:choos|switch|stay|buy)\w*|\bchose\b|\bchoos\w+\b"
    r"|\btrust\w*\b|\blove[sd]?\b|\bdecid\w+ factors?\b|\bmost (?:wanted|requested)\b|\bcare most\b"
    r"|\bkeeps? (?:\w+ )?going\b|\bkept (?:\w+ )?going\b|\bthe one thing\b"
    r"|\bwould recommend\b|\b(?:switched|stayed|stay|chose|renewed)\b[^.;]{0,30}\bbecause\b"
    r"|\b(?:stay|stays|stayed|stick|sticks|stuck) with\b"
    # the condition of adopting: "would try the service if payment arrived the same day"
    r"|\bwould (?:\w+ ){0,2}(?:try|use|switch|join|adopt|sign up)\b[^.;]{0,60}?\b(?:if|only if|as long as"
    r"|provided)\b",
    re.IGNORECASE,
)
DRIVER_TOPIC = re.compile(
    r"\bwhat (?!if\b)(?:\w+ ){0,2}(?:matters?|values?|wants?|likes?|loves?)\b|\bchoos\w+|\bchoice\b"
    r"|\bkeep (?:\w+ )?using\b|\bworth keeping\b|\bwhat would (?:make|keep|get|bring)\b|\bmatters? most\b"
    r"|\b(?:satisfaction|buying|purchase|purchasing|choice|loyalty|retention|switching) drivers?\b"
    r"|\bdrivers of (?:choice|satisfaction)\b"
    r"|\bpriorities\b|\bwhy (?:\w+ ){0,2}(?:stay|switch|buy|choose|keep|stick|use|leave)\b"
    r"|\bsatisf\w*|\bdecision\b|\bretention\b"
    r"|\bloyal\w*|\bwhat made\b"
    # "What makes a good used bike", "What made the best tutor": the qualities customers look for
    r"|\bwhat (?:makes|made) (?:a |an |the )?(?:\w+ ){0,2}?(?:good|great|best|right|ideal)\b",
    re.IGNORECASE,
)


# "value" as a sum, not as what customers value: "share of 2024 value", "under 1% of category value",
# "by value", "in value terms"
SUM_VALUE = re.compile(r"\b(?:of|in|by)\s+(?:[\w-]+\s+){0,2}?value\b", re.IGNORECASE)


def driver_cue(text: str) -> bool:
    """Whether the text says what customers choose, value or stay for (a sum's "value" is no cue)."""
    return bool(DRIVER.search(SUM_VALUE.sub(" ", text)))


FRAMING = re.compile(
    r"^(?:we )?(?:asked|ranked|rated)\b|^(?:respondents|participants|owners|users|customers|buyers) "
    r"(?:were asked|ranked|rated)\b|^we asked\b",
    re.IGNORECASE,
)


def has_share(text: str) -> bool:
    """A share of people stated: "38%", "Sixty-one percent", "one in four", "half of them"."""
    return bool(PERCENT.search(text) or SPELLED_SHARE.search(text))


def is_agent_noun(word: str) -> bool:
    """A plural noun for people who do something: "growers", "operators", "dentists" (not "orders")."""
    return word.endswith(AGENT_ENDINGS) and len(word) > 5 and word not in NOT_AGENTS


def customer_subject(text: str, customers: set[str]) -> bool:
    """Whether the sentence speaks of customers: a share of them, a people noun, or a first person."""
    nouns = {singular(word) for word in words(text)}
    return bool(
        RESPONDENT_SHARE.search(text)
        or nouns & PEOPLE
        or any(is_agent_noun(word) for word in words(text))
        or nouns & {singular(word) for word in customers}
        or PRONOUN_SUBJECT.search(text)
    )


def study_question(text: str) -> bool:
    """A study's question without its answer: no share and no price stated ("Asked what they would pay,
    34% chose $20 to $40" answers it)."""
    return bool(STUDY_QUESTION.search(text)) and not has_share(text) and not PRICE.search(text)


def pain_cues(text: str, focus: set[str]) -> list[str]:
    """The problem words of ``text``, less those naming the idea's own domain ("waste" for a food-waste
    product describes what it is about, not a customer's pain)."""
    domain = {stem(term) for term in focus}
    return [
        m.group(0)
        for m in PAIN.finditer(text)
        if stem(m.group(0).split()[0]) not in domain
        and not NEGATED.search(text[: m.start()])
        and not text[: m.start()].lower().endswith(ABSENCE_BEFORE)
        and not text[m.end() :].lower().startswith(ABSENCE_AFTER)
        and not TOPIC_AFTER.match(text[m.end() :])
    ]


def pain_signals(unit: Unit, focus: set[str]) -> int:
    """How many kinds of problem the sentence states (complaint words, time or distance lost, workarounds)."""
    text = unit.text
    # a share of respondents stating the idea's own problem ("59% say a flaky test blocks a merge") is the
    # customers' pain, although its words name the idea's domain
    domain = set() if RESPONDENT_SHARE.search(text) else focus
    complaint = bool(pain_cues(text, domain) or WORRY.search(text))
    return complaint + bool(BURDEN.search(text)) + bool(WORKAROUND.search(text))


def itemised_problem(unit: Unit) -> bool:
    """A table row or list item under a heading or header naming problems ("Problem reported by owners |
    Share"): the structure says it is a problem, even when its words ("require a 36-month contract") or
    the idea's own words ("errors" for an error checker) carry no complaint."""
    parts = (unit.section_topic, unit.header) if unit.row else (unit.section_topic,)
    return (unit.row or unit.listed) and any(
        PROBLEM_LIST.search(part) or LACK_LIST.search(part) for part in parts if part
    )


def pain_score(unit: Unit, customers: set[str], focus: set[str]) -> float:
    """How surely the sentence states a problem customers have (0: it does not)."""
    text = unit.text
    itemised = itemised_problem(unit)
    signals = pain_signals(unit, focus) + bool(pain_cues(unit.minor, focus) or pain_cues(unit.lead, focus))
    signals += itemised
    # an amount in the sentence is usually a price or a budget (willingness to pay, not a problem), unless
    # the structure says it is a problem ("What went wrong | Final bill $200 above the quote | 36%")
    priced = MONEY.search(text) and not itemised
    if not signals or priced or NOT_CUSTOMER_PAIN.search(text.lstrip("*")) or unit.headline:
        return 0.0
    if study_question(text):
        return 0.0
    if unit.row and not itemised and not (PROBLEM_TOPIC.search(unit.context) and pain_signals(unit, focus)):
        return 0.0  # a table row is a problem only in a table of problems
    if driver_topic(unit) and not PROBLEM_TOPIC.search(unit.context):
        return 0.0  # under "What would make them stay" a sentence gives a reason, not a problem
    score = 2.0 * signals
    if RESPONDENT_SHARE.search(text) or has_share(text):
        score += 2
    if unit.source_type in CUSTOMER_VOICE:
        score += 2
    if PROBLEM_TOPIC.search(unit.context):
        score += 1
    if customer_subject(text, customers):
        score += 1
    if INTENSE.search(text):
        score += 0.5
    return score + min(2, len(focus & words(text))) * 0.5


def driver_topic(unit: Unit) -> bool:
    """Whether the unit sits under a heading, lead, list intro or table header about what customers value
    ("What would make them stay", "matters most | share")."""
    parts = (unit.section_topic, unit.lead, unit.header)
    return any(DRIVER_TOPIC.search(part) or driver_cue(part) for part in parts if part)


# a heading, list intro or table header over the things customers value, one item each: "What matters most
# when choosing a hall", "Priorities | Share", "Reasons for choosing a provider"
VALUED_LIST = re.compile(
    r"\bwhat (?:\w+ ){0,3}(?:matters?|values?|look(?:s|ed)? for)\b|\bmatters? most\b|\bmost important\b"
    r"|\bpriorities\b|\b(?:satisfaction|buying|purchase|choice) drivers?\b"
    r"|\breasons? (?:for|to) (?:choos|buy|pick|stay|switch|select)\w*",
    re.IGNORECASE,
)


def itemised_driver(unit: Unit) -> bool:
    """A list item or table row under a heading, intro or header naming what customers value: each item
    is one thing they value, whatever its words ("Seeing the full price up front: 66%")."""
    parts = (unit.heading, unit.minor, unit.header) if unit.row else (unit.heading, unit.minor)
    return (unit.row or unit.listed) and any(VALUED_LIST.search(part) for part in parts if part)


def driver_score(unit: Unit, customers: set[str]) -> float:
    """How surely the sentence states what makes customers choose or stay (0: it does not)."""
    text = unit.text
    cue = driver_cue(text)
    topic = driver_topic(unit)
    if unit.headline or (unit.row and not topic):
        return 0.0  # a bold lead labels its paragraph; a table row counts only in a table of reasons
    # "Respondents ranked what they value", "The panel was asked what would make them stay": a question
    framing = (FRAMING.search(text) and not has_share(text)) or study_question(text)
    if not (cue or topic) or MONEY.search(text) or framing:
        return 0.0
    score = 3.0 * topic + 2.0 * cue + 3.0 * itemised_driver(unit)
    if unit.source_type in CUSTOMER_VOICE:
        score += 1.5
    if has_share(text):
        score += 1
    if customer_subject(text, customers):
        score += 0.5
    return score
