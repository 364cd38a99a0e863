"""Willingness to pay, read from a customer-side sentence's structure.

What customers say they would pay: a customer (a respondent share, a buyer, "I") stating a price they
would pay, a share willing at a price, a survey's median answer, the fee a seller would accept, a price
judged fine, a buyer's spending ceiling, or what a buyer pays today per unit; never a product's list
price (its subject is the product), a market size, or a price trend.
"""

from __future__ import annotations

import re

from agents.analysts.amounts import MONEY, PRICE
from agents.analysts.customer_signals import CUSTOMER_VOICE, customer_subject, has_share, study_question
from agents.analysts.customer_text import Unit, plain
from agents.analysts.sentences import PERCENT

CALENDAR = frozenset(
    {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October"}
    | {"November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)

SECOND_PERSON = re.compile(r"\b(?:you|your)\b", re.IGNORECASE)

INTENT = re.compile(
    r"(?:\bwould|\bwouldn['\u2019]t|\bcould|\bcouldn['\u2019]t|['\u2019]d"
    r"|\bwilling to|\bprepared to|\bready to|\bhappy to|\bexpect to"
    r"|\bplan to)\s+(?:\w+\s+){0,2}?"
    r"(?:pay|paid|spend|spent|budget|afford|manage|justify|subscribe|approve)(?:ing)?\b"
    # a buyer advising the one who pays: "would recommend that their communities pay for …"
    r"|\bwould recommend\s+(?:that\s+)?(?:\w+\s+){0,3}?(?:pay|buy|subscribe)\b"
    # a seller's side of the price: "would accept a commission of up to 10%"
    r"|\b(?:would|willing to|prepared to|ready to|happy to)\s+accept\s+(?:a |an )?(?:\w+\s+){0,2}?"
    r"(?:commissions?|fees?|prices?|charges?|rates?|mark-?ups?|surcharges?|cuts?|deposits?|margins?)\b"
    # how they would pay: "would rather lease the scanners than buy them", "prefer financing"
    r"|\b(?:would rather|['\u2019]d rather|prefer(?:s|red)?(?: to)?)\s+(?:\w+\s+){0,1}?"
    r"(?:rent(?:al|ing)?|leas(?:e|ing)|hire|financ(?:e|ing)"
    r"|pay (?:monthly|by the month|in instalments|per use))\b"
    r"|\bwillingness to (?:\w+ (?:and|or) (?:to )?)?pay\b|\bmaximum (?:price|they would pay)\b"
    r"|\bacceptable price\b|\bwould not pay\b"
    r"|\bwon['\u2019]t pay\b|\bnot (?:willing|prepared) to pay\b|\b(?:would|['\u2019]d) go (?:up )?to\b"
    r"|\b(?:named|called|considered?|rated|saw|see) \S+ (?:\S+ ){0,3}?as "
    r"(?:fair|reasonable|acceptable|affordable)\b"
    r"|\b(?:fair|reasonable|acceptable|affordable)"
    r" (?:price|amount|fee|commission|rate|charge|mark-?up|cut)s?\b",
    re.IGNORECASE,
)
FEE = (
    r"(?:fees?|commissions?|prices?|charges?|rates?|mark-?ups?|surcharges?|cuts?|subscriptions?|deposits?"
    r"|margins?|down payments?)"
)
# a fee stated as a rate: "a margin of 20-25%", "a 10% commission"
FEE_RATE = re.compile(
    rf"\b{FEE} of (?:up to |at least |about |around )?\d+(?:[.,]\d+)?(?:\s?[-\u2013]\s?\d+(?:[.,]\d+)?)?\s?%"
    rf"|\d+(?:[.,]\d+)?\s?%\s{FEE}\b",
    re.IGNORECASE,
)
# buying on a price condition: "would switch to the refill if it cost at least 15% less than their brand"
PRICE_CONDITION = re.compile(
    r"\bwould\b[^.;]{0,100}?\bif (?:(?:it|they|this|that) |the (?:\w+ ){1,2}?)"
    r"(?:cost|costs|was|were|came|priced)\b"
    r"[^.;]{0,30}?\b(?:less|cheaper|lower|under|below|at most|no more)\b",
    re.IGNORECASE,
)
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
    r"|\bwould (?:\w+ ){1,2}(?:pay|spend)\b|\bwilling(?:ness)? to (?:\w+ (?:and|or) (?:to )?)?pay\b"
    r"|\bpaying for\b"
    # what a seller or buyer would accept: "What shops would accept", "Terms growers would accept"
    r"|\bwhat (?:\w+ ){0,3}(?:would|will|['\u2019]d) accept\b",
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

# who would pay, right before "would pay": a people noun, a pronoun, a count or a share
INTENT_SUBJECT = re.compile(
    r"\b(?:I|we|they|she|he|most|many|some|few|several|all|none|half|both|each|one|two|three|four|five"
    r"|majority|rest|others?)\s*(?:\w+\s+){0,2}$|%\s*(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


def payer_before(text: str, verb: re.Match[str], customers: set[str]) -> bool:
    """Whether the one who pays (the words before the pay verb) is a customer, not "you" or a product."""
    before = text[: verb.start()]
    return not SECOND_PERSON.search(before) and customer_subject(before, customers)


def unit_price(text: str) -> bool:
    """A price with its unit ("$85 per inspection", "£8 a month"): what one buys, not a total."""
    return any(PER_UNIT.search(match.group(0)) for match in PRICE.finditer(text))


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
    if PRICE_CONDITION.search(text) and (has_share(text) or customer_subject(text, customers)):
        return True
    if intent := INTENT.search(text):
        if priced:
            return True
        # "they would pay for it", "traders were willing to pay more"; not "the new money would pay for"
        return not ASKED.search(text) and intending_customer(text[: intent.start()], customers)
    asked = PRICE_CONTEXT.search(unit.context) or (
        unit.source_type in ASKING and PRICE_TOPIC.search(unit.topic) and not names_a_product(text)
    )
    if asked and (PRICE.search(text) or FEE_RATE.search(text)):
        return True  # a survey's answer to "what would you pay": "the median answer was $85", "a 12% margin"
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
