"""Amounts of money as sources write them: symbols or ISO codes, scales, and price units.

"$2.8 billion", "US$610 million", "USD 3.5 billion", "EUR 2 bn", "3.5 billion USD", "KES 30", "Rp 4 trillion",
"£1,200", "$29 per developer per month". Currency codes come from Babel's ISO 4217 list, so any
currency reads the same way without a list of our own.
"""

from __future__ import annotations

import re
from functools import cache

from babel import Locale, UnknownLocaleError, localedata
from babel.numbers import get_currency_name, get_currency_symbol, get_territory_currencies, list_currencies

# three-letter codes that are also ordinary English words or abbreviations ("ALL", "TOP", "CUP")
AMBIGUOUS_CODES = {"ALL", "CUP", "TOP", "MOP", "PEN", "BOB", "SOS", "CAD"}
CODES = sorted(code for code in list_currencies() if code.isalpha() and code not in AMBIGUOUS_CODES)
CODE = r"(?:" + "|".join(CODES) + r"|CAD|KSh|Ksh|TL)"  # "TL": the Turkish lira as Turkish writers write it
# signs written before the number; beside the one-character ones, the letters some currencies are written
# with ("Rp 4.2 trillion" rupiah, "Rs 500" rupees, "RM 20" ringgit, "S$ 30" Singapore dollars)
# "R" alone is the rand only right before a digit and after no letter ("R1.2 billion", "R290 per book";
# not "R&D", "BR2", "Model R2"…: a capital R and digits inside a word or a product name stay what they are)
SYMBOL = (
    r"(?:US\$|A\$|C\$|CA\$|NZ\$|HK\$|R\$|S\$|E£|[$€£¥₹₦₩₱₪₺₫₴฿]|(?:Rp\.?|Rs\.?|RM)(?=\s?\d)"
    r"|(?<![\w.-])R(?=\d{3}|\d{1,3}[ ,.]\d{3}|\d+(?:[.,]\d+)?\s?-?(?:billion|million|bn|m)\b"
    r"|\d+(?:[.,]\d+)?\s(?:per|a|an|each)\s)"
    # "N" alone is the naira only right before a scaled amount, as Nigerian papers write it ("N265bn")
    r"|(?<![\w.-])N(?=\d+(?:[.,]\d+)?\s?-?(?:trillion|billion|million|tn|bn|m)\b))"
)
# thousands marked with dots, as Indonesian, Brazilian or German writers do ("499.000", "1.250,00",
# "2.500.000"): a price in a currency without a scale, not a decimal ("$2.5", "3.1415")
DOTTED = r"\d{1,3}(?:\.\d{3})+(?!\d)(?:,\d{1,2}(?!\d))?"
# a number with thousands separators and decimals ("1,200.50", "7,50", "1.250,00", "1 200" with a space or
# a narrow no-break space, as French, Polish or Swedish writers group thousands), never cut inside one
NUMBER = (
    rf"(?>{DOTTED}|(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}}(?!\d))+|\d+)"
    r"(?:\.\d+|,\d{1,2}(?!\d))?)(?!\d)"
)
# scales as English and other writers name them: Indian lakh (100,000) and crore (10 million), Indonesian
# and Malay juta (million), miliar (billion), triliun (trillion), German Mio. and Mrd., French milliard
OTHER_SCALES = (
    r"(?:lakh|thousand|hundred)\s(?:crores?)"  # a crore counted in lakhs or thousands: "₹5 lakh crore"
    r"|crores?|lakhs?|juta|miliar|triliun|milliards?|[Mm]rd|[Mm]io"
    r"|milyar|milyon|trilyon"  # Turkish: "1,4 milyar TL"
    # Spanish and Portuguese: "mil millones" and "mil milhões" are a thousand millions (a billion)
    r"|mil\smillones|mil\smilh(?:õ|o)es|millones|mill(?:ó|o)n|milh(?:õ|o)es|milh(?:ã|a)o|bilh(?:õ|o)es|bilh(?:ã|a)o"
    r"|millions(?=\s(?:d['\u2019]|de\s))"  # French "21 millions d'euros" (English writes "million")
)


def _locales() -> list[Locale]:
    locales = []
    for identifier in localedata.locale_identifiers():
        try:
            locales.append(Locale.parse(identifier))
        except (UnknownLocaleError, ValueError):
            continue
    return locales


# abbreviations that read as something else beside an amount: English words or units ("km", "mm"), "kr"
# (crowns), English writers' "bln" and "mil" for a billion and a million where a Polish or Spanish writer
# means a thousand times more or less, and the two-letter ones of a single locale
AMBIGUOUS_SCALES = {
    "bln",
    "bio",
    "mil",
    "tri",
    "bion",
    "hoz",
    "tuh",
    "obz",
    "ming",
    "miu",
    "kcr",
    "lcr",
    "lak",
}


@cache
def local_scales() -> dict[str, float]:
    """The scale words writers of other languages abbreviate, from Unicode CLDR's short number formats
    ("186 mil. Kč" and "46 mld. Kč" in Czech, "1,2 mln zł" in Polish, "20 mila euro" in Italian, "3 Mrd. €"):
    abbreviations of three letters or more, or ending in a dot, that every locale writing them means the
    same by, lower case, with their value."""
    seen: dict[str, set[float]] = {}
    for locale in _locales():
        for forms in locale.compact_decimal_formats.get("short", {}).values():
            for magnitude, pattern in forms.items():
                text = str(getattr(pattern, "pattern", pattern)).replace("\u00a0", " ").replace("'", "")
                written = re.fullmatch(r"(0+)\s?([^\d\s]+\.?)", text)
                if written:
                    zeros = len(written.group(1))
                    seen.setdefault(written.group(2).lower(), set()).add(int(magnitude) / 10 ** (zeros - 1))
    return {
        word: values.pop()
        for word, values in seen.items()
        if len(values) == 1
        and re.fullmatch(r"[a-zà-ž]{3,}\.?|[a-zà-ž]{2,}\.", word)
        and word not in AMBIGUOUS_SCALES
    }


# longest first, so "mlrd." is not read as "mln"; a dotted one keeps its dot ("mil." is a million in
# Czech, "mil" alone a thousand in Spanish)
LOCAL_SCALES = "|".join(
    re.escape(word) for word in sorted(local_scales(), key=lambda word: (-len(word), word))
)
# a crore counted in thousands comes before "thousand" alone: "Rs. 40 thousand crore"
SCALE = (
    rf"(?:{OTHER_SCALES}|trillion|billion|million|thousand|bn|mn|tn|(?i:{LOCAL_SCALES})|[bBmMkK](?![\w$€£]))"
)
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
    "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5, "juta": 1e6, "miliar": 1e9, "triliun": 1e12,
    "milliard": 1e9, "milliards": 1e9, "mrd": 1e9, "mio": 1e6,
    "lakh crore": 1e12, "lakh crores": 1e12, "thousand crore": 1e10, "thousand crores": 1e10,
    "hundred crore": 1e9, "hundred crores": 1e9,
    "mil millones": 1e9, "mil milhões": 1e9, "mil milhoes": 1e9, "millones": 1e6, "millón": 1e6,
    "millon": 1e6, "milhões": 1e6, "milhoes": 1e6, "milhão": 1e6, "milhao": 1e6, "bilhões": 1e9,
    "bilhoes": 1e9, "bilhão": 1e9, "bilhao": 1e9, "millions": 1e6,
    "milyar": 1e9, "milyon": 1e6, "trilyon": 1e12,
}  # fmt: skip
# words in Babel's currency names that are ordinary English words, or no currency's unit ("real" terms,
# "marks", a "unit of account", "gold")
NOT_CURRENCY_WORDS = {
    "account", "code", "currency", "funds", "gold", "rights", "silver", "platinum", "palladium", "unit",
    "units", "value", "real", "mark", "marks", "sol", "dram", "drams", "kip", "kips", "som", "soms",
    "lati", "tala", "pula", "pulas", "mvdol", "mvdols", "austral", "australs", "inti", "intis", "cupon",
}  # fmt: skip


@cache
def currency_words() -> tuple[str, ...]:
    """The unit words of every currency's English name, singular and plural, from Babel ("won", "dong",
    "taka", "riyals"), longest first; with the usual short forms and local spellings."""
    words = {"kr", "złoty", "zł", "reais", "renminbi", "lire"}
    for code in list_currencies():
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale="en")
            if name and "(" not in name:
                words.add(name.split()[-1].lower())
    return tuple(sorted(words - NOT_CURRENCY_WORDS, key=lambda word: (-len(word), word)))


# signs that read as something else beside a number: English words and units, or letters the rand ("R")
# or rupees ("Rs") are already read by
AMBIGUOUS_SIGNS = {"Ar", "Br", "Bs", "Db", "Le", "Rf", "Rs", "Rs.", "Rp", "den"}


@cache
def local_signs() -> dict[str, str]:
    """The signs with letters that each country writes its currency with, from Unicode CLDR ("Kč" the
    Czech crown, "Ft" the forint, "zł" the złoty, "лв." the lev, "TSh" the Tanzanian shilling), as the one
    ISO code each stands for: two characters or more, at least one of them lower case or not Latin, so a
    bare capital ("R", "K", "DA") stays what English text means by it."""
    signs: dict[str, set[str]] = {}
    for locale in _locales():
        if not locale.territory:
            continue
        for code in get_territory_currencies(locale.territory)[:1]:
            sign = get_currency_symbol(code, locale=locale).strip("\u200f")
            if sign != code and len(sign) >= 2 and re.search(r"[^\W\d_A-Z]", sign):
                signs.setdefault(sign, set()).add(code)
    return {
        sign: codes.pop()
        for sign, codes in signs.items()
        if len(codes) == 1 and sign not in AMBIGUOUS_SIGNS and "$" not in sign
    }


# currencies written as words after the number ("12 reais", "450 kr", "30 złoty", "7.6 trillion won"), or
# as their country's sign with letters ("14 900 Kč", "5 000 Ft")
SIGN_WORDS = "|".join(re.escape(sign) for sign in sorted(local_signs(), key=lambda sign: (-len(sign), sign)))
WORD_CURRENCY = (
    rf"(?:(?:{'|'.join(re.escape(word) for word in currency_words())})\b|(?-i:{SIGN_WORDS})(?!\w))"
)
# a local sign may come first too ("TSh 5,000", "лв. 20")
CURRENCY = rf"(?:{SYMBOL}\s?|{CODE}\s|(?-i:{SIGN_WORDS})\s?)"
# the sign after the number, as French, German or Polish writers put it: "29 $", "12 € par mois", "9,90 €"
SIGN_AFTER = r"(?:€|\$|£|zł)(?![\w$€£])"
# money with a scale: "$2.8 billion", "USD 3.5 billion", "3.5 billion USD", "4.5 billion dollars"
MONEY = re.compile(
    rf"(?<![\w$€£]){CURRENCY}{NUMBER}[\s-]?{SCALE}(?!\w)"  # "$5-million", "R38-million" as papers write it
    rf"|(?<![\w.,]){NUMBER}\s?(?:trillion|billion|million|bn|mn|{OTHER_SCALES}|(?i:{LOCAL_SCALES}))\s"
    rf"(?:d['\u2019]|de\s)?(?:{CODE}\b|{WORD_CURRENCY})"  # "21 millions d'euros", "3 mil millones de pesos"
    rf"|(?<![\w.,]){NUMBER}\s?(?i:{LOCAL_SCALES}|{OTHER_SCALES})\s?{SIGN_AFTER}"  # "3 Mrd. €", "1,2 mln zł"
)
UNIT_WORD = r"[a-z][a-z-]*"
TIME_UNIT = r"(?:month|mo|year|yr|annum|week|wk|day|hour|hr|visit|session|use|user|seat|head|unit)"
PRICE_UNITS = (
    # "per repair visit." keeps a two-word unit when the sentence or clause ends right after it
    rf"(?:\s*/\s*{UNIT_WORD}\b|\s+per\s+{UNIT_WORD}(?:\s(?!per\b){UNIT_WORD}(?=[.,;:)]|$))?\b"
    rf"|\s+(?:a|an|each)\s+{TIME_UNIT}\b)"
)
# a price: an amount without a scale, with its units kept ("$29 per developer per month")
PRICE = re.compile(
    rf"(?:(?<![\w$€£]){CURRENCY}{NUMBER}|(?<![\w.,]){NUMBER}\s?(?:{CODE}\b|{WORD_CURRENCY})"
    rf"|(?<![\w.,])(?!(?:19|20)\d\d\b){NUMBER}\s?{SIGN_AFTER})"
    rf"(?![\s-]?{SCALE}(?!\w))(?:{PRICE_UNITS}){{0,3}}",
)
VALUE = re.compile(rf"({NUMBER})[\s-]?({SCALE})?", re.IGNORECASE)


def amount(text: str) -> float:
    """The first amount of ``text`` in units ("$2.8 billion" -> 2.8e9, "KES 30" -> 30); 0 if none."""
    match = MONEY.search(text) or PRICE.search(text)
    if not match:
        return 0.0
    for number in VALUE.finditer(match.group(0)):
        digits, scale = re.sub(r"\s", "", number.group(1)), re.sub(r"\s+", " ", number.group(2) or "").lower()
        if not scale and re.fullmatch(DOTTED, digits) and not point_is_decimal(match.group(0), digits):
            digits = digits.replace(".", "")  # "Rp 499.000" is 499000, "R$ 1.250,00" is 1250.00
        if re.fullmatch(r"\d+,\d{1,2}", digits):
            digits = digits.replace(",", ".")
        return float(digits.replace(",", "")) * (SCALES.get(scale) or local_scales().get(scale, 1.0))
    return 0.0


# a currency unit worth less than this many US dollars is priced in whole units, never in fractions of one
FRACTION_PRICED = 0.1


def point_is_decimal(price: str, digits: str) -> bool:
    """Whether the one point of a price with three digits after it marks decimals ("$2.500 per unit" is
    2.5, "€1.749/litre" 1.749) rather than thousands ("R$ 1.250", "KES 2.500", "1.250 €").

    A leading zero ("0.125") is never a group of thousands. Otherwise the currency decides: its country
    writes decimals with a point (Unicode CLDR) and its unit is worth enough to be priced in fractions;
    the euro, written both ways, by where its sign stands (before the number in English writing).
    """
    if digits.startswith("0."):
        return True
    if digits.count(".") != 1 or "," in digits:
        return False  # "2.500.000", "1.250,00": thousands, always
    code = currency_code(price)
    if code == "EUR":
        return not price.lstrip()[:1].isdigit()
    return bool(code) and decimal_mark(code) == "." and USD_PER_UNIT[code] >= FRACTION_PRICED


@cache
def decimal_mark(code: str) -> str:
    """The decimal mark the country of an ISO currency code writes ("USD" -> ".", "BRL" -> ","); "" when
    the code names no country ("EUR", "XOF")."""
    try:
        return str(Locale.parse(f"und_{code[:2]}").number_symbols["latn"]["decimal"])
    except (UnknownLocaleError, ValueError, KeyError):
        return ""


def currency_of(text: str) -> str:
    """The currency symbol or code an amount is written in ("" when none)."""
    match = re.search(rf"{SYMBOL}|\b{CODE}\b", text)
    return match.group(0) if match else ""


# a currency's sign or letters as its ISO code; a bare "$" is any dollar, "¥" yen or yuan, "Rs" any rupee
CURRENCY_CODES = {
    "US$": "USD", "A$": "AUD", "C$": "CAD", "CA$": "CAD", "NZ$": "NZD", "HK$": "HKD", "S$": "SGD",
    "R$": "BRL", "€": "EUR", "£": "GBP", "₹": "INR", "₦": "NGN", "₩": "KRW", "₱": "PHP", "₪": "ILS",
    "₺": "TRY", "₫": "VND", "₴": "UAH", "฿": "THB", "Rp": "IDR", "Rp.": "IDR", "RM": "MYR", "KSh": "KES",
    "Ksh": "KES", "R": "ZAR", "N": "NGN", "TL": "TRY", "E£": "EGP",
}  # fmt: skip
# words naming a currency after the number, as their ISO codes; "kr" (Swedish, Norwegian or Danish) as
# the crown nearest in value to the three, "rupees" as India's, "dollars" as the US's
WORD_CODES = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "shilling": "KES", "rupee": "INR", "naira": "NGN",
    "rand": "ZAR", "yen": "JPY", "franc": "CHF", "reais": "BRL", "real": "BRL", "kronor": "SEK",
    "krona": "SEK", "kroner": "NOK", "krone": "NOK", "kr": "SEK", "zloty": "PLN", "złoty": "PLN",
    "zł": "PLN", "peso": "MXN", "yuan": "CNY", "renminbi": "CNY", "lira": "TRY", "lire": "TRY",
    "rupiah": "IDR", "ringgit": "MYR", "baht": "THB", "forint": "HUF", "lei": "RON", "shekel": "ILS",
    "cedi": "GHS", "kwacha": "ZMW", "birr": "ETB", "ruble": "RUB", "rouble": "RUB", "hryvnia": "UAH",
}  # fmt: skip
READ_AS = {"$": "USD", "¥": "JPY", "Rs": "INR", "Rs.": "INR", "kr": "SEK"}
# US dollars per unit of each currency, rounded (late 2026). Only orders of magnitude are judged with
# them (a market of $100 million or $1 billion): the size steps of the score are 2 to 10 times apart.
USD_PER_UNIT = {
    "USD": 1.0, "EUR": 1.1, "GBP": 1.3, "CHF": 1.15, "CAD": 0.72, "AUD": 0.66, "NZD": 0.6, "SGD": 0.76,
    "HKD": 0.13, "JPY": 0.0068, "CNY": 0.14, "KRW": 0.00072, "INR": 0.0115, "PKR": 0.0036,
    "BDT": 0.0082, "LKR": 0.0033, "IDR": 0.000062, "MYR": 0.23, "THB": 0.029, "VND": 0.000039,
    "PHP": 0.017, "TWD": 0.031, "SEK": 0.1, "NOK": 0.095, "DKK": 0.15, "ISK": 0.0073, "PLN": 0.26,
    "CZK": 0.045, "HUF": 0.0028, "RON": 0.22, "BGN": 0.56, "UAH": 0.024, "RUB": 0.011, "TRY": 0.025,
    "ILS": 0.27, "AED": 0.27, "SAR": 0.27, "QAR": 0.27, "KWD": 3.25, "EGP": 0.02, "MAD": 0.1,
    "NGN": 0.00065, "GHS": 0.07, "KES": 0.0077, "UGX": 0.00027, "TZS": 0.0004, "RWF": 0.0007,
    "ETB": 0.008, "ZAR": 0.055, "ZMW": 0.04, "XOF": 0.0017, "XAF": 0.0017, "BRL": 0.18, "MXN": 0.052,
    "ARS": 0.001, "CLP": 0.001, "COP": 0.00025, "PEN": 0.27,
}  # fmt: skip


def currency_code(text: str) -> str:
    """The ISO code of the currency an amount is written in; "" when unstated or unknown. A sign several
    currencies share is read as its most usual meaning in English text (READ_AS)."""
    if sign := currency_of(text):
        code = READ_AS.get(sign) or CURRENCY_CODES.get(sign, sign.upper())
        return code if code in USD_PER_UNIT else ""
    if named := re.search(WORD_CURRENCY, text, re.IGNORECASE):
        if local := local_signs().get(named.group(0)):
            return local if local in USD_PER_UNIT else ""
        word = named.group(0).lower()
        return WORD_CODES.get(word) or WORD_CODES.get(word.rstrip("s")) or babel_code(word)
    return ""


@cache
def babel_code(word: str) -> str:
    """The one priced currency (USD_PER_UNIT) whose English name ends in ``word`` ("won": KRW, not the
    unpriced KPW; "dong": VND); "" when none or several."""
    found = {
        code
        for code in list_currencies()
        if code in USD_PER_UNIT
        for count in (1, 2)
        if (get_currency_name(code, count=count, locale="en") or "").lower().split()[-1:] == [word]
    }
    return found.pop() if len(found) == 1 else ""


def usd(text: str) -> float:
    """An amount in US dollars at a rounded rate; the amount as written when its currency is unknown."""
    value = amount(text)
    return value * USD_PER_UNIT.get(currency_code(text), 1.0)
