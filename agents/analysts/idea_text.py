"""The idea as the research reads it: the founder's text without what is not words of the idea.

A founder pastes what they have: a web page's markup, a social-network post ("launching: CO2e reports
for SME freight fwdrs in SG 🇸🇬 — S$290/mo #climatetech"). The research reads the words; the report
keeps the idea verbatim. Read here:

- markup (``<script>``, tags) and web addresses are dropped, and so is a first line that was only the
  product's name and its address ("Rowfrost — https://rowfrost.example");
- a flag emoji is the country it stands for ("🇸🇬" → "Singapore"), and the country's code written just
  before it ("in SG 🇸🇬") goes with it;
- a run of hashtags closing the text is a post's topics, not the idea; a hashtag inside a sentence is
  its word ("an #AI tutor" → "an AI tutor");
- an announcement's opening label ("launching:", "Building:", "new:") says nothing about the idea;
- a voice memo typed in lower case loses its fillers ("um", "so basically", "you know") and its
  places are capitalised ("in dublin and cork");
- a numbered thread ("1/ …", "2/ …") loses its post numbers, emoji and call to action ("DM me if …"),
  each post ending with a full stop;
- a pitch deck's outline loses its slide numbers ("Slide 2 — Problem: …" is the labelled line
  "Problem: …") and its team and ask slides;
- an opening analogy is the service it stands for ("Like OpenTable, but for pickleball courts" →
  "Online booking for pickleball courts", see :mod:`agents.analysts.analogies`);
- common shorthand is written out: "w/" with, "w/o" without, "b/c" because, "&" and, a "+" joining two
  things and, "/mo" a month, "/yr" a year, "/wk" a week.
"""

from __future__ import annotations

import re
from functools import partial

from agents.analysts import gazetteer
from agents.analysts.analogies import told_plainly

SCRIPT_ELEMENT = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"</?[A-Za-z][^<>]*>")
# two regional indicator symbols make a flag: 🇸🇬 is S + G
FLAG_SYMBOLS = "[\U0001f1e6-\U0001f1ff]{2}"
FLAG = re.compile(rf"(?:(?P<code>\b[A-Z]{{2}})\s*)?(?P<flag>{FLAG_SYMBOLS})")
CLOSING_TAGS = re.compile(r"(?:\s*#\w[\w-]*)+\s*$")
INLINE_TAG = re.compile(r"(?<![\w&])#(?=[A-Za-z]\w*)")
# "launching:", "Building:", "new:" opening the text: an announcement's label, not a word of the idea
OPENING_LABEL = re.compile(
    r"^\s*(?:[A-Za-z]+ing|new|idea|update|wip|announcing|announcement|today|just launched|now live)"
    r"\s*[:\u2014\u2013-]\s+",
    re.IGNORECASE,
)
SHORTHAND = (
    (re.compile(r"(?<![\w/])w/o(?![\w/])", re.IGNORECASE), "without"),
    (re.compile(r"(?<![\w/])w/(?=\s|$)", re.IGNORECASE), "with"),
    (re.compile(r"(?<![\w/])b/c(?![\w/])", re.IGNORECASE), "because"),
    (re.compile(r"\s&\s"), " and "),
    (re.compile(r"(?<=[A-Za-z)])\s\+\s(?=[A-Za-z])"), " and "),  # "CO2e reports + a badge": not "2 + 2"
    (re.compile(r"/(?:mo|mth|month)\b", re.IGNORECASE), " a month"),
    (re.compile(r"/(?:yr|year)\b", re.IGNORECASE), " a year"),
    (re.compile(r"/(?:wk|week)\b", re.IGNORECASE), " a week"),
)


# an email pasted whole: its header lines, its greeting, and its sign-off with the signature below it
EMAIL_HEADER = re.compile(
    r"^\s*(?:subject|re|fwd?|to|from|cc|bcc|date|sent)\s*:.*$", re.IGNORECASE | re.MULTILINE
)
GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[^\n.!?]{0,40}[,!]?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
SIGN_OFF = re.compile(
    r"^\s*(?:best|best regards|kind regards|warm regards|regards|many thanks|thanks|thank you|cheers"
    r"|sincerely|yours sincerely|all the best|speak soon|talk soon)\b[^\n]{0,20}[,.!]?\s*$.*",
    re.IGNORECASE | re.MULTILINE | re.DOTALL,
)


# what a business does for its customers, said by "we", "our <product>" or the company's name
OFFER_VERB = (
    r"(?:are\s+|is\s+)?(?:build|offer|run|send|help|let|make|provide|connect|sell|rent|deliver|visit"
    r"|book|match|check|track|monitor|fit|install|clean|turn|bring|give|put|take|collect|lend|teach|train"
    r"|insure|repair|service|compare|host|print|keep|handle|automate|manage|collect|store)(?:s|es|ing)?\b"
)
OFFER_OPENING = re.compile(
    rf"(?:^|(?<=[.!?])\s+|(?<=\n))\s*(?=(?:we|our\s+[\w-]+|[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)\s+{OFFER_VERB})",
    re.MULTILINE,
)


def _letter(text: str) -> str:
    """An email's body, when the text has a greeting or a sign-off: without its header lines, greeting,
    and sign-off (the signature below it), from the sentence saying what the business does ("Mimimori
    sends technicians …", "We rent …"): the small talk before it is no word of the idea."""
    if not (GREETING.search(text) or SIGN_OFF.search(text)):
        return text
    body = SIGN_OFF.sub("", GREETING.sub("", EMAIL_HEADER.sub("", text)))
    offer = OFFER_OPENING.search(body)
    return body[offer.start() :].strip() if offer else body


def _code(flag: str) -> str:
    return "".join(chr(ord(symbol) - 0x1F1E6 + ord("A")) for symbol in flag)


def _flag(match: re.Match[str]) -> str:
    code = _code(match.group("flag"))
    name = gazetteer.country_name(code)
    written = match.group("code") or ""
    if name == code:  # not a country's flag: leave the emoji out
        return written
    if written and written != code:
        return f"{written} {name}"
    if not written and match.string[: match.start()].rstrip().endswith(name):
        return ""  # "in Chile 🇨🇱": the country is written already
    return name


def _flags(text: str) -> str:
    """Flags as their countries' names; the countries' codes written elsewhere in the text too ("for
    SG sellers 🇸🇬" → "for Singapore sellers Singapore")."""
    codes = {_code(flag) for flag in re.findall(FLAG_SYMBOLS, text)}
    text = FLAG.sub(_flag, text)
    for code in codes:
        if (name := gazetteer.country_name(code)) != code:
            text = re.sub(rf"\b{code}\b", name, text)
    return text


URL = re.compile(r"\b(?:https?://|www\.)[^\s()<>]*[^\s()<>.,;:!?'\"]", re.IGNORECASE)
# a line naming the product and nothing else once its address is gone: "Rowfrost —", "Acme Labs:"
NAME_LINE = re.compile(r"^\s*[A-Z][\w.'&-]*(?:\s+[A-Z][\w.'&-]*){0,2}\s*[\u2014\u2013:|-]*\s*$")


def _addresses(text: str) -> str:
    """The text without web addresses (never words of the idea), and without a first line that is only
    the product's name once its address is gone ("Rowfrost — https://rowfrost.example")."""
    if not URL.search(text):
        return text
    lines = URL.sub("", text).splitlines()
    first = next((index for index, line in enumerate(lines) if line.strip()), None)
    if first is not None and NAME_LINE.match(lines[first]) and len(lines) > first + 1:
        lines = lines[first + 1 :]
    return "\n".join(lines)


# a transcript's fillers and self-corrections: no words of the idea ("um ok so basically it's a van …",
# "every second week no sorry every week", "… so yeah that's basically it")
FILLER = re.compile(
    r"\b(?:um+|uh+|erm+|hmm+|ok(?:ay)?\s+so|so\s+basically|basically|you\s+know|i\s+mean|so\s+yeah"
    r"|that's\s+(?:basically\s+)?it|or\s+whatever|whatever|no\s+sorry|sorry)\b[,.]?\s*",
    re.IGNORECASE,
)
PLACE_WORD = re.compile(r"\b(?P<where>in|across|around|near|from|to|and)\s(?P<word>[a-z][a-z-]+)")


def _spoken(text: str) -> str:
    """A transcript typed in lower case (a voice memo): without fillers, and with the places it names
    after "in", "across", "and" … capitalised as written places are ("in dublin and cork" → "in Dublin
    and Cork"), so they are read as places. Text with capitals is left as it is."""
    if any(char.isupper() for char in text):
        return text
    text = FILLER.sub("", text)
    places = gazetteer.index()

    def capital(match: re.Match[str]) -> str:
        word = match["word"]
        known = gazetteer.fold(word) in {**places.countries, **places.regions, **places.large_cities}
        return f"{match['where']} {word.capitalize() if known else word}"

    return PLACE_WORD.sub(capital, text)


# a pitch deck's outline: "Slide 2 — Problem: …", "Slide 6: Team: …"
SLIDE = re.compile(
    r"^\s*(?:slide|page)\s*\d+\s*(?:[\u2014\u2013:|.)-]+\s*|\s+)", re.IGNORECASE | re.MULTILINE
)
MIN_SLIDES = 3
# the slides that say who builds it or what it asks for, not what it is
OFF_IDEA_SLIDE = re.compile(
    r"^\s*(?:the\s+)?(?:team|founders?|about us|contact|the ask|ask|thank you|thanks)\b[^\n]*$\n?",
    re.IGNORECASE | re.MULTILINE,
)


def _slides(text: str) -> str:
    """A pitch deck's outline read as the labelled lines it is: without its slide numbers ("Slide 2 —
    Problem: …" → "Problem: …"), and without the slides on the team or the ask."""
    if len(SLIDE.findall(text)) < MIN_SLIDES:
        return text
    return OFF_IDEA_SLIDE.sub("", SLIDE.sub("", text))


# a numbered thread's posts: "1/ Every family …", "2/ Today they …" (also "1/5", "(1)")
POST_NUMBER = re.compile(r"^\s*(?:\d{1,2}\s?/\s?(?:\d{1,2})?|\(\d{1,2}\))\s+", re.MULTILINE)
MIN_POSTS = 3
# a picture, not a word: emoji and pictographs (a flag is read as its country before this)
EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf\ufe0f\u200d]+")
# a post's call to action ("DM me if …", "Reply if …", "Follow for …"): no words of the idea
CALL_TO_ACTION = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:DM|dm|message|reply|follow|ping)\s+(?:me|us)?\b[^\n]*$", re.M
)
OPENING_SO = re.compile(r"^(?:so|and|but|anyway)\s*,?\s+(?=\S)", re.IGNORECASE | re.MULTILINE)
CONTRACTIONS = (
    (re.compile(r"\bwe['\u2019]re\b", re.I), "we are"),
    (re.compile(r"\bwe['\u2019]ve\b", re.I), "we have"),
)


def _as_written(words: str, match: re.Match[str]) -> str:
    """``words`` capitalised as the text they replace was ("We're" → "We are")."""
    return words.capitalize() if match[0][0].isupper() else words


def _thread(text: str) -> str:
    """A numbered thread read as the paragraphs it is: without its post numbers, its emoji and its call to
    action, each post one sentence or more ending with a full stop, "So we are building …" opening
    with what the post says."""
    if len(POST_NUMBER.findall(text)) < MIN_POSTS:
        return text
    posts = []
    for line in POST_NUMBER.sub("", text).splitlines():
        line = OPENING_SO.sub("", CALL_TO_ACTION.sub("", EMOJI.sub("", line)).strip())
        if line:
            line = f"{line[0].upper()}{line[1:]}"  # "So we are …" → "We are …": a post opens a sentence
            posts.append(line if line[-1] in ".!?:" else f"{line}.")
    return "\n".join(posts)


def analysable(product_idea: str) -> str:
    """The idea's words without markup, post labels, hashtags, flags and shorthand: what the research
    reads and searches for (the idea itself is kept verbatim for the report)."""
    text = _slides(_spoken(_addresses(_letter(TAG.sub(" ", SCRIPT_ELEMENT.sub(" ", product_idea))))))
    text = _flags(text)
    for pattern, words in CONTRACTIONS:
        text = pattern.sub(partial(_as_written, words), text)
    text = _thread(text)
    text = CLOSING_TAGS.sub("", text)
    text = INLINE_TAG.sub("", text)
    text = OPENING_LABEL.sub("", text, count=1)
    for pattern, words in SHORTHAND:
        text = pattern.sub(words, text)
    return told_plainly(text)
