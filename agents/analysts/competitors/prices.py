"""The prices a text states: amounts, rates ("3.5% per month") or "Free", not an income, a
spend or a growth rate."""

from __future__ import annotations

import re

from agents.analysts.sentences import PRICE

PERCENT = r"\d+(?:\.\d+)?\s?%"
# a share a seller names as such: "40-60%", "40 to 60%", "40%"
SHARE = rf"(?:\d+(?:\.\d+)?\s?%?\s?(?:-|\u2013|to)\s?)?{PERCENT}"
# who pays or what for, before a fee's noun ("a 15% buyer premium", "a 3% service fee"); not a comparison
# ("30% lower fees") nor a share of something ("5% of the fee")
FEE_PAYER = r"(?:(?!(?:lower|higher|more|less|cheaper|of|in|on|the|than)\s)[\w'\u2019-]+\s)"
# a rate is a price too: "3.5% per month", "28% a year", "a 5% fee", "a 15% buyer premium", "fee "from 2%"",
# "92% of its face value", "at 40-60% of the new price"
RATE = re.compile(
    rf"{PERCENT}[\"\u201d]?\s(?:a|per|each|every)\s(?:\d+\s)?(?:year|month|week|day|days|annum|transaction)\b"
    rf"|{PERCENT}\s(?:fee|commission|interest|APR|markup|cut)\b"
    rf"|{PERCENT}\s{FEE_PAYER}(?:fee|commission|premium|surcharge|markup|mark-up)s?\b"
    # what a buyer pays a share of: "buys the invoice for 92% of its face value", "resells at 40-60% of the
    # new price" (not "up to 80% of it"), "takes 15% of the sale", or a fee's label before it as a price
    # list writes it: "Commission: 10% of each completed sale", "Booking fee: 4% of every order"
    rf"|(?:\b(?:for|at|fee of|charges?|takes|keeps)\s"
    rf"|^(?:[\w-]+ )?(?:fee|commission|charge|cut|take rate)s?:\s){SHARE}"
    r"\sof (?:the |its |their |an? |each |every )?"
    r"(?:face value|invoice|amount|value|(?:[\w-]+ ){0,2}(?:order|sale|transaction|booking|price|cost))s?\b"
    r"|\b(?:fee|commission|rate|charge|cut)s?\s(?:of\s)?(?:\"?from\s)?\"?\d+(?:\.\d+)?\s?%\"?"
    r"(?![\"\u201d]?\s(?:a|per|each|every|of)\s)",
    re.IGNORECASE,
)
# what an amount right after these words is: an income, a spend, a round, not a product's price
NOT_A_PRICE = re.compile(
    r"\b(?:earn\w*|income|revenue|turnover|salar(?:y|ies)|spend\w*|spent|raised|funding|loss(?:es)?|lost|saves?"
    r"|saving)\b[^.;]*$",
    re.IGNORECASE,
)
# a rate in a sentence about change is a growth rate, not a price ("sales grew 28% a year")
CHANGE = re.compile(
    r"\b(?:grow\w*|grew|rose|rise[sn]?|rising|increas\w*|declin\w*|fell|falling|CAGR|expand\w*)\b", re.I
)
FREE = re.compile(
    r"\bfree\b(?!\s+(?:trials?|demos?|consultations?|shipping|delivery|set-?up|onboarding|month|weeks?|days?"
    r"|text|of\b))|\bno (?:fee|charge)\b",
    re.IGNORECASE,
)
MAX_CELL = 160


def prices_in(text: str) -> list[str]:
    """The prices a text states, in order, units kept: amounts, rates ("3.5% per month"), or "Free";
    not an income, a spend or a funding round ("for freelancers earning at least USD 1,000 a month")."""
    found = [
        (m.start(), m.end(), m.group(0).strip())
        for m in PRICE.finditer(text)
        if not NOT_A_PRICE.search(text[max(0, m.start() - 30) : m.start()])
    ]
    if not CHANGE.search(text):
        found += [
            (m.start(), m.end(), re.sub(r"[\"\u201c\u201d]", "", m.group(0).strip()))
            for m in RATE.finditer(text)
        ]
    kept: list[tuple[int, int, str]] = []
    for start, end, price in sorted(found, key=lambda match: (match[0], match[0] - match[1])):
        if not any(start < other_end and other_start < end for other_start, other_end, _ in kept):
            kept.append((start, end, price))
    prices = list(dict.fromkeys(price for _, _, price in kept))
    if not prices and FREE.search(text):
        return ["Free"]
    return prices


def priced(text: str) -> bool:
    """Whether ``text`` states a price (an amount, a rate, or free)."""
    return bool(prices_in(text))


def has_amount(text: str) -> bool:
    return bool(PRICE.search(text)) or (bool(RATE.search(text)) and not CHANGE.search(text))


def cell_price(cell: str) -> str:
    """A price cell as written, units and terms kept ("$0.40 per 1,000 test executions"); "Free" alone
    when it states no amount."""
    if not cell:
        return ""
    if not has_amount(cell):
        return "Free" if FREE.search(cell) else ""
    return cell if len(cell) <= MAX_CELL else ", ".join(prices_in(cell))
