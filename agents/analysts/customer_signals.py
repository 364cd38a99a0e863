"""What a customer-side sentence says, read from its structure: who speaks, and what about.

* willingness to pay: a customer (a respondent share, a buyer, "I") stating a price they would pay,
  a share willing at a price, a survey's median answer, or what a buyer pays today per unit; never a
  product's list price (its subject is the product), a market size, or a price trend;
* a pain point: a problem customers have (losses, waits, failures, workarounds, complaints), best
  when a share of them states it;
* a satisfaction driver: what makes customers choose, stay or switch.

Each is decided from the sentence and from where it sits (heading, lead, the paragraph's question),
with word lists of ordinary English rather than of any one domain.
"""

from __future__ import annotations

import re

from agents.analysts.amounts import MONEY, PRICE
from agents.analysts.customer_text import Unit, plain
from agents.analysts.sentences import PERCENT, singular, stem, words

CALENDAR = frozenset(
    {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October"}
    | {"November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)
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
        *("adults", "residents"),
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
SECOND_PERSON = re.compile(r"\b(?:you|your)\b", re.IGNORECASE)

# --- willingness to pay -------------------------------------------------------------------------
INTENT = re.compile(
    r"(?:\bwould|\bwouldn['\u2019]t|\bcould|\bcouldn['\u2019]t|['\u2019]d"
    r"|\bwilling to|\bprepared to|\bready to|\bhappy to|\bexpect to"
    r"|\bplan to)\s+(?:\w+\s+){0,2}?(?:pay|paid|spend|spent|budget|afford|manage|justify|subscribe)(?:ing)?\b"
    # a seller's side of the price: "would accept a commission of up to 10%"
    r"|\b(?:would|willing to|prepared to|ready to|happy to)\s+accept\s+(?:a |an )?(?:\w+\s+){0,2}?"
    r"(?:commissions?|fees?|prices?|charges?|rates?|mark-?ups?|surcharges?|cuts?)\b"
    # how they would pay: "would rather lease the scanners than buy them", "prefer financing"
    r"|\b(?:would rather|['\u2019]d rather|prefer(?:s|red)?(?: to)?)\s+(?:\w+\s+){0,1}?"
    r"(?:rent(?:al|ing)?|leas(?:e|ing)|hire|financ(?:e|ing)"
    r"|pay (?:monthly|by the month|in instalments|per use))\b"
    r"|\bwillingness to pay\b|\bmaximum (?:price|they would pay)\b|\bacceptable price\b|\bwould not pay\b"
    r"|\bwon['\u2019]t pay\b|\bnot (?:willing|prepared) to pay\b|\b(?:would|['\u2019]d) go (?:up )?to\b"
    r"|\b(?:named|called|considered?|rated|saw|see) \S+ (?:\S+ ){0,3}?as "
    r"(?:fair|reasonable|acceptable|affordable)\b"
    r"|\b(?:fair|reasonable|acceptable|affordable)"
    r" (?:price|amount|fee|commission|rate|charge|mark-?up|cut)s?\b",
    re.IGNORECASE,
)
FEE = r"(?:fees?|commissions?|prices?|charges?|rates?|mark-?ups?|surcharges?|cuts?|subscriptions?)"
# a question or column about the fee a seller or buyer would accept: "What commission would growers
# accept?", "Acceptable fee | Share": its rows are answers
WOULD_ACCEPT = re.compile(
    rf"\b{FEE}\b[^|.?]{{0,40}}?\b(?:would|will|['\u2019]d) (?:\w+ ){{0,2}}?accept\b"
    rf"|\bacceptable {FEE}\b|\b{FEE} (?:\w+ ){{0,2}}?(?:they|customers|respondents) (?:would|will) accept\b",
    re.IGNORECASE,
)
# a buyer's spending ceiling: "anything under the $25,000 purchasing threshold", "below our £500 card
# limit": what they can pay without a tender or a sign-off
LIMIT_BEFORE = re.compile(r"\b(?:under|below|up to|less than|within) (?:the |a |an |their |our |my )?$", re.I)
BUYING = re.compile(
    r"\b(?:buy|buys|bought|buying|purchas\w*|spend\w*|spent|approv\w*|sign(?:s|ed)? off|order\w*"
    r"|procur\w*)\b",
    re.IGNORECASE,
)
LIMIT_AFTER = re.compile(r"^(?:[ -][\w-]+){0,2}? (?:threshold|limit|ceiling|cap)\b", re.IGNORECASE)
RATE_FEE = re.compile(rf"^ (?:[a-z-]+ )?{FEE}\b", re.IGNORECASE)
# a price judged acceptable by the one who pays: "£12 a month is fine", "a 10% cut would be reasonable"
PRICE_ACCEPTED = re.compile(
    r"^(?: (?!and\b|but\b|or\b|in\b|of\b)[a-z-]+){0,3}? (?:is|are|would be|seems?|sounds?) (?:\w+ )?"
    r"(?:fine|ok|okay|acceptable|reasonable"
    r"|affordable|fair)\b",
    re.IGNORECASE,
)
# resisting a price: willingness to pay only when the price or the share is stated
RESISTANCE = re.compile(r"\bhard to justify\b|\bprice[- ]sensitive\b|\btoo expensive (?:above|at)\b", re.I)
PAY_VERB = re.compile(
    r"\b(?:pay|pays|paid|paying|spend|spends|spent|spending|budget|budgets|budgeted)\b", re.IGNORECASE
)
PRICE_CONTEXT = re.compile(
    r"\bwillingness to pay\b|\bwould pay\b|\bwhat (?:\w+ ){0,3}(?:would |'d |\u2019d )?(?:pay|spend)\b"
    r"|\bpric(?:e|es|ing) (?:expectations?|sensitivity|they)\b|\bstated price"
    r"|\bwould (?:\w+ ){1,2}(?:pay|spend)\b|\bwilling(?:ness)? to pay\b|\bpaying for\b",
    re.IGNORECASE,
)
PRICE_TOPIC = re.compile(r"\b(?:price|prices|pricing|budgets?|spend(?:ing)?)\b", re.IGNORECASE)
ASKING = frozenset({"survey", "interviews"})  # sources that ask customers; their price sections are answers
PER_UNIT = re.compile(r"\bper\b|/|\b(?:a|an|each) \w+$", re.IGNORECASE)
# a question about what customers would pay (not what they pay today, nor what they buy)
WOULD_PAY = re.compile(
    r"\bwould (?:\w+ ){0,2}(?:pay|spend)\b|\bwilling(?:ness)? to pay\b|\bprepared to pay\b", re.IGNORECASE
)
# a table whose rows are offers ("Plan | Price", "Tool | Price per seat"): its prices are list prices
OFFER_COLUMN = re.compile(
    r"(?:plans?|products?|tools?|apps?|vendors?|providers?|services?|tiers?|packages?|offers?|brands?"
    r"|compan(?:y|ies)|options?|editions?)\b",
    re.IGNORECASE,
)
ASKED = re.compile(r"^(?:we )?asked\b|\bwe asked\b|\bquestions? about\b", re.IGNORECASE)
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
    r"|sobering|alarming|worrying|troubling|disappointing"
    # a note that a resource is missing: "No IT person; a contractor comes monthly", "No budget line for it"
    r"|^no (?:[\w-]+ ){0,2}?(?:person|people|staff|staffer|team|department|budget|specialist|expert)"
    r"|at a loss|below cost|half[- ]price|(?:bad|poor|unfair) prices?|low(?:ball)? offers?|lowball\w*"
    r"|could(?: not|n['\u2019]t)"
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
    r" (?:on average|or more|or longer)\b",
    re.IGNORECASE,
)
WORKAROUND = re.compile(
    r"\b(?:spreadsheets?|pen and paper|paper forms?|whiteboards?|sticky notes|their memory|from memory"
    r"|by hand|manually|shared inbox|phone messages)\b",
    re.IGNORECASE,
)
INTENSE = re.compile(
    r"\b(?:most|biggest|top|main|very|major|useless|give up|hate|every|worst|brutal|furious|sick of)\b",
    re.IGNORECASE,
)
PROBLEM_TOPIC = re.compile(
    r"\b(?:findings?|headlines?|results?|pain|problems?|challenges?|frustrations?|complaints?|issues?"
    r"|barriers?|what (?:\w+ ){0,2}(?:hate|dislike)|why \w+ (?:leave|quit|churn))\b",
    re.IGNORECASE,
)
# a heading or table header that names what its items are: problems ("Pain points", "Problem reported by
# owners", "Biggest frustrations"); each item under it is a problem, whatever words it uses
PROBLEM_LIST = re.compile(
    r"\b(?:pain points?|pains|problems?|challenges|frustrations?|complaints?|difficulties|grievances"
    r"|barriers|obstacles|what (?:\w+ ){0,2}(?:hate|dislike|struggle with))\b",
    re.IGNORECASE,
)
NOT_CUSTOMER_PAIN = re.compile(  # a gap in the offer or a market remark, not a customer's problem
    r"^(?:none|no one|nobody|no provider|no service|no vendor|no tool|no app|neither) of\b"
    r"|^(?:the )?(?:market|industry|sector)\b|\bthe hardest part of the business\b"
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
# who would pay, right before "would pay": a people noun, a pronoun, a count or a share
INTENT_SUBJECT = re.compile(
    r"\b(?:I|we|they|she|he|most|many|some|few|several|all|none|half|both|each|one|two|three|four|five"
    r"|majority|rest|others?)\s*(?:\w+\s+){0,2}$|%\s*(?:\w+\s+){0,2}$",
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


def payer_before(text: str, verb: re.Match[str], customers: set[str]) -> bool:
    """Whether the one who pays (the words before the pay verb) is a customer, not "you" or a product."""
    before = text[: verb.start()]
    return not SECOND_PERSON.search(before) and customer_subject(before, customers)


def unit_price(text: str) -> bool:
    """A price with its unit ("$85 per inspection", "£8 a month"): what one buys, not a total."""
    return any(PER_UNIT.search(match.group(0)) for match in PRICE.finditer(text))


def study_question(text: str) -> bool:
    """A study's question without its answer: no share and no price stated ("Asked what they would pay,
    34% chose $20 to $40" answers it)."""
    return bool(STUDY_QUESTION.search(text)) and not has_share(text) and not PRICE.search(text)


def is_willing(unit: Unit, customers: set[str]) -> bool:
    """What customers say they would pay, or pay today per unit; never a list price or a market size."""
    text = unit.text
    if MONEY.search(text) or SECOND_PERSON.search(text) or unit.headline or study_question(text):
        return False
    if unit.row:
        return willing_row(unit)
    priced = bool(PRICE.search(text)) or has_share(text)
    if (RESISTANCE.search(text) and priced) or price_accepted(text):
        return True
    if spending_limit(text) and (unit.source_type in CUSTOMER_VOICE or customer_subject(text, customers)):
        return True
    if intent := INTENT.search(text):
        if priced:
            return True
        # "they would pay for it", "traders were willing to pay more"; not "the new money would pay for"
        return not ASKED.search(text) and intending_customer(text[: intent.start()], customers)
    asked = PRICE_CONTEXT.search(unit.context) or (
        unit.source_type in ASKING and PRICE_TOPIC.search(unit.topic) and not names_a_product(text)
    )
    if asked and PRICE.search(text):
        return True  # a survey's answer to "what would you pay": "the median answer was $85"
    verb = PAY_VERB.search(text)
    if not verb or names_a_product(text):  # "subscribers pay £9.99 a month for PawPoint": a list price
        return False
    return unit_price(text[verb.start() :]) and payer_before(text, verb, customers)


def spending_limit(text: str) -> bool:
    """A price stated as the ceiling a buyer may spend ("can buy anything under the $25,000 threshold"),
    in a sentence about buying (not "grants under the $5,000 cap go to ...")."""
    return bool(BUYING.search(text)) and any(
        LIMIT_BEFORE.search(text[: price.start()]) and LIMIT_AFTER.match(text[price.end() :])
        for price in PRICE.finditer(text)
    )


def price_accepted(text: str) -> bool:
    """A price or a fee's rate judged acceptable right after it is stated ("$15 a seat is fine", "the 8%
    commission seems fair"): what the one who pays would pay."""
    after_prices = [text[price.end() :] for price in PRICE.finditer(text)]
    # a rate is a price only when it names a fee: "the 8% commission", not "a 30% share"
    after_rates = [text[rate.end() :] for rate in PERCENT.finditer(text)]
    after_rates = [rest for rest in after_rates if RATE_FEE.match(rest)]
    return any(PRICE_ACCEPTED.match(rest) for rest in after_prices + after_rates)


def intending_customer(before: str, customers: set[str]) -> bool:
    """Whether the words right before "would pay" name customers ("traders were", "most", "they"), not a
    thing that pays for something ("the new money would pay for 40 rooms")."""
    near = " ".join(before.split()[-3:])
    return bool(INTENT_SUBJECT.search(before)) or (
        not SECOND_PERSON.search(near) and customer_subject(near, customers)
    )


def willing_row(unit: Unit) -> bool:
    """A table row of answers to "what would you pay" ("$20 to $40 a month | 31%", "Nothing | 22%"), or a
    survey's row of what customers pay today ("Median price paid | $62 per seat per month"); never a
    table of products and their list prices."""
    text = unit.text
    if names_a_product(text) or OFFER_COLUMN.match(unit.header):
        return False
    # a title covers the document, not one table; the paragraph before a table often asks its question
    context = " | ".join((unit.section_topic, unit.opener, unit.header))
    if PRICE_CONTEXT.search(context) and PRICE.search(text):
        return True
    if (WOULD_PAY.search(context) or WOULD_ACCEPT.search(context)) and has_share(text):
        return True  # a share answering "would you pay": "Nothing, only if my employer pays | 29%"
    verb = PAY_VERB.search(text)
    return bool(unit.source_type in ASKING and verb and unit_price(text[verb.start() :]))


def names_a_product(text: str) -> bool:
    """Whether a sentence names something by a proper name after its first word ("for PawPoint",
    "on Pro"): what is paid then is that offer's price, not what the customer would pay."""
    tokens = re.findall(r"[A-Za-z][\w'-]*", plain(text))[1:]
    return any(
        re.fullmatch(r"[A-Z][a-z]+(?:[A-Z]\w*)?", token) and token not in CALENDAR and token != "I"
        for token in tokens
    )


def willing_score(unit: Unit) -> float:
    """Rank of a willingness-to-pay sentence: a price, a share, a customer's own voice, an intention."""
    text = unit.text
    return (
        2.0 * bool(PRICE.search(text))
        + bool(has_share(text))
        + bool(INTENT.search(text))
        + (unit.source_type in CUSTOMER_VOICE)
        - 0.001 * unit.sentence.position
    )


def pain_cues(text: str, focus: set[str]) -> list[str]:
    """The problem words of ``text``, less those naming the idea's own domain ("waste" for a food-waste
    product describes what it is about, not a customer's pain)."""
    domain = {stem(term) for term in focus}
    return [
        m.group(0)
        for m in PAIN.finditer(text)
        if stem(m.group(0).split()[0]) not in domain and not NEGATED.search(text[: m.start()])
    ]


def pain_signals(unit: Unit, focus: set[str]) -> int:
    """How many kinds of problem the sentence states (complaint words, time or distance lost, workarounds)."""
    text = unit.text
    # a share of respondents stating the idea's own problem ("59% say a flaky test blocks a merge") is the
    # customers' pain, although its words name the idea's domain
    domain = set() if RESPONDENT_SHARE.search(text) else focus
    return bool(pain_cues(text, domain)) + bool(BURDEN.search(text)) + bool(WORKAROUND.search(text))


def itemised_problem(unit: Unit) -> bool:
    """A table row or list item under a heading or header naming problems ("Problem reported by owners |
    Share"): the structure says it is a problem, even when its words ("require a 36-month contract") or
    the idea's own words ("errors" for an error checker) carry no complaint."""
    parts = (unit.section_topic, unit.header) if unit.row else (unit.section_topic,)
    return (unit.row or unit.listed) and any(PROBLEM_LIST.search(part) for part in parts if part)


def pain_score(unit: Unit, customers: set[str], focus: set[str]) -> float:
    """How surely the sentence states a problem customers have (0: it does not)."""
    text = unit.text
    itemised = itemised_problem(unit)
    signals = pain_signals(unit, focus) + bool(pain_cues(unit.minor, focus) or pain_cues(unit.lead, focus))
    signals += itemised
    if not signals or MONEY.search(text) or NOT_CUSTOMER_PAIN.search(text.lstrip("*")) or unit.headline:
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
    return any(DRIVER_TOPIC.search(part) or DRIVER.search(part) for part in parts if part)


def driver_score(unit: Unit, customers: set[str]) -> float:
    """How surely the sentence states what makes customers choose or stay (0: it does not)."""
    text = unit.text
    cue = bool(DRIVER.search(text))
    topic = driver_topic(unit)
    if unit.headline or (unit.row and not topic):
        return 0.0  # a bold lead labels its paragraph; a table row counts only in a table of reasons
    # "Respondents ranked what they value", "The panel was asked what would make them stay": a question
    framing = (FRAMING.search(text) and not has_share(text)) or study_question(text)
    if not (cue or topic) or MONEY.search(text) or framing:
        return 0.0
    score = 3.0 * topic + 2.0 * cue
    if unit.source_type in CUSTOMER_VOICE:
        score += 1.5
    if has_share(text):
        score += 1
    if customer_subject(text, customers):
        score += 0.5
    return score
