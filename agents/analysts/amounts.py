"""Amounts of money as sources write them: symbols or ISO codes, scales, and price units.

"$2.8 billion", "US$610 million", "USD 3.5 billion", "EUR 2 bn", "3.5 billion USD", "KES 30", "Rp 4 trillion",
"£1,200", "$29 per developer per month". Currency codes come from Babel's ISO 4217 list, so any
currency reads the same way without a list of our own.
"""

from __future__ import annotations

import re

from babel.numbers import list_currencies

# three-letter codes that are also ordinary English words or abbreviations ("ALL", "TOP", "CUP")
AMBIGUOUS_CODES = {"ALL", "CUP", "TOP", "MOP", "PEN", "BOB", "SOS", "CAD"}
CODES = sorted(code for code in list_currencies() if code.isalpha() and code not in AMBIGUOUS_CODES)
CODE = r"(?:" + "|".join(CODES) + r"|CAD|KSh|Ksh)"
# signs written before the number; beside the one-character ones, the letters some currencies are written
# with ("Rp 4.2 trillion" rupiah, "Rs 500" rupees, "RM 20" ringgit, "S$ 30" Singapore dollars)
SYMBOL = r"(?:US\$|A\$|C\$|CA\$|NZ\$|HK\$|R\$|S\$|[$€£¥₹₦₩₱₪₺₫₴฿]|(?:Rp\.?|Rs\.?|RM)(?=\s?\d))"
# thousands marked with dots, as Indonesian, Brazilian or German writers do ("499.000", "1.250,00",
# "2.500.000"): a price in a currency without a scale, not a decimal ("$2.5", "3.1415")
DOTTED = r"\d{1,3}(?:\.\d{3})+(?!\d)(?:,\d{1,2}(?!\d))?"
# a number with thousands separators and decimals ("1,200.50", "7,50", "1.250,00", "1 200" with a space or
# a narrow no-break space, as French, Polish or Swedish writers group thousands), never cut inside one
NUMBER = (
    rf"(?>{DOTTED}|(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}}(?!\d))+|\d+)"
    r"(?:\.\d+|,\d{1,2}(?!\d))?)(?!\d)"
)
SCALE = r"(?:trillion|billion|million|thousand|bn|mn|tn|[bBmMkK](?![\w$€£]))"
SCALES = {
    "trillion": 1e12,
    "tn": 1e12,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "thousand": 1e3,
    "k": 1e3,
}
# currencies written as words after the number ("12 reais", "450 kr", "30 złoty"), plural and singular
WORD_CURRENCY = (
    r"(?:(?:dollars?|euros?|pounds?|shillings?|rupees?|naira|rand|yen|francs?|reais|reals?|kronor|kroner"
    r"|krona|krone|kr|zlotys?|złoty|zł|pesos?|yuan|renminbi|liras?|lire|dinars?|dirhams?|rupiahs?"
    r"|ringgits?|baht|forints?|lei|shekels?|cedis?|kwacha|birr|rubles?|roubles?|hryvnias?)\b)"
)
CURRENCY = rf"(?:{SYMBOL}\s?|{CODE}\s)"
# money with a scale: "$2.8 billion", "USD 3.5 billion", "3.5 billion USD", "4.5 billion dollars"
MONEY = re.compile(
    rf"(?<![\w$€£]){CURRENCY}{NUMBER}\s?{SCALE}\b"
    rf"|(?<![\w.,]){NUMBER}\s?(?:trillion|billion|million|bn|mn)\s(?:{CODE}\b|{WORD_CURRENCY})"
)
UNIT_WORD = r"[a-z][a-z-]*"
TIME_UNIT = r"(?:month|mo|year|yr|annum|week|wk|day|hour|hr|visit|session|use|user|seat|head|unit)"
PRICE_UNITS = (
    # "per repair visit." keeps a two-word unit when the sentence or clause ends right after it
    rf"(?:\s*/\s*{UNIT_WORD}\b|\s+per\s+{UNIT_WORD}(?:\s(?!per\b){UNIT_WORD}(?=[.,;:)]|$))?\b"
    rf"|\s+(?:a|an|each)\s+{TIME_UNIT}\b)"
)
# a price: an amount without a scale, with its units kept ("$29 per developer per month")
# the sign after the number, as French, German or Polish writers put it: "29 $", "12 € par mois", "9,90 €"
SIGN_AFTER = r"(?:€|\$|£|zł)(?![\w$€£])"
PRICE = re.compile(
    rf"(?:(?<![\w$€£]){CURRENCY}{NUMBER}|(?<![\w.,]){NUMBER}\s?(?:{CODE}\b|{WORD_CURRENCY})"
    rf"|(?<![\w.,])(?!(?:19|20)\d\d\b){NUMBER}\s?{SIGN_AFTER})"
    rf"(?!\s?{SCALE}\b)(?:{PRICE_UNITS}){{0,3}}",
)
VALUE = re.compile(rf"({NUMBER})\s?({SCALE})?", re.IGNORECASE)


def amount(text: str) -> float:
    """The first amount of ``text`` in units ("$2.8 billion" -> 2.8e9, "KES 30" -> 30); 0 if none."""
    match = MONEY.search(text) or PRICE.search(text)
    if not match:
        return 0.0
    for number in VALUE.finditer(match.group(0)):
        digits, scale = re.sub(r"\s", "", number.group(1)), (number.group(2) or "").lower()
        if not scale and re.fullmatch(DOTTED, digits):
            digits = digits.replace(".", "")  # "Rp 499.000" is 499000, "R$ 1.250,00" is 1250.00
        if re.fullmatch(r"\d+,\d{1,2}", digits):
            digits = digits.replace(",", ".")
        return float(digits.replace(",", "")) * SCALES.get(scale, 1.0)
    return 0.0


def currency_of(text: str) -> str:
    """The currency symbol or code an amount is written in ("" when none)."""
    match = re.search(rf"{SYMBOL}|\b{CODE}\b", text)
    return match.group(0) if match else ""
