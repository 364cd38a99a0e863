"""Understanding an idea without a model: its product and customer, distinctive terms and queries.

Nothing is truncated: the whole idea is read. Its distinctive terms are its content words less the
words every product idea uses ("app", "platform", "customers", "AI"…); the queries carry them.
"""

from __future__ import annotations

import re

from agents.analysts.idea_labels import labelled_parts, unlabelled
from agents.analysts.idea_text import OFFER_VERB, analysable
from agents.analysts.sentences import singular, split_line
from agents.state import AgentQueries, ProductContext

STOPWORDS = {
    "a", "an", "the", "and", "or", "nor", "but", "for", "of", "to", "in", "on", "at", "by", "from", "with",
    "without", "as", "into", "onto", "over", "under", "about", "via", "per", "than", "then", "so", "if",
    "that", "which", "who", "whom", "whose", "what", "when", "where", "while", "how", "why", "it", "its",
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "can",
    "could", "will", "would", "should", "may", "might", "must", "shall", "their", "they", "them", "our",
    "we", "us", "your", "you", "his", "her", "he", "she", "my", "i", "me", "this", "these", "those",
    "there", "here", "all", "any", "some", "each", "every", "both", "either", "no", "not", "only", "also",
    "just", "even", "more", "most", "less", "least", "very", "too", "own", "same", "other", "such",
    "before", "after", "during", "between", "among", "against", "since", "because", "whether", "until",
}  # fmt: skip
# words of size: "small and mid-sized craft breweries" are craft breweries; kept only when nothing
# else names the group ("small businesses")
SIZE_WORDS = {
    "small", "smaller", "mid", "midsize", "medium", "sized", "large", "larger", "big", "size", "scale",
}  # fmt: skip
# words any product idea may use: they say nothing about which market the idea is in
GENERIC = {
    "app", "application", "platform", "tool", "software", "saas", "service", "solution", "product",
    "system", "startup", "company", "business", "customer", "user", "people", "person", "ai", "powered",
    "based", "driven", "online", "digital", "smart", "simple", "easy", "new", "help", "helps", "helping",
    "let", "lets", "allow", "allows", "make", "makes", "use", "uses", "using", "used", "one", "two",
    "three", "week", "weekly", "month", "monthly", "day", "daily", "year", "yearly", "time", "way", "better",
    "best", "get", "gets", "need", "needs", "want", "wants", "usual", "etc", "thing", "things", "lot",
    "subscription", "offer", "offers", "provide", "provides", "build", "builds", "run", "runs", "work",
    "works", "across", "around", "like", "within", "through", "instead", "already", "up", "out", "off",
    "first", "second", "minute", "minutes", "hour", "hours", "seconds", "idea", "model", "sell", "sells",
    "sold", "selling", "turn", "turns", "find", "finds", "keep", "keeps", "stop", "stops", "include",
    "includes", "included", "including", "until", "real", "automatically", "automatic", "every",
    "fit", "fits", "fitted", "offering", "providing",
}  # fmt: skip
WORD = re.compile(r"[A-Za-z][A-Za-z0-9'-]*[A-Za-z0-9]|[A-Za-z]|\d+")
FOR = re.compile(r"\s+(?:for|aimed at|targeting|targeted at|designed for|built for)\s+", re.IGNORECASE)
# the customer phrase ends at a clause, or at a spaced dash starting an aside ("for SME forwarders in
# Singapore — S$3.50 a shipment")
TARGET_END = re.compile(
    r"[,;:]|\s+[\u2013\u2014-]+\s+|\s+(?:who|that|which|so|to help|by|with|where|when|while)\s+",
    re.IGNORECASE,
)
ARTICLE = re.compile(r"^(?:an?|the)\s+", re.IGNORECASE)
# "… rents X to Y", "… sells X to Y": a verb that hands something over names its receiver after "to".
# Only a receiver that reads as a group (a plural word, no possessive: not "to your door") is a customer.
# The object runs to "to" without punctuation: in "until it sells, to cut losses" nothing is handed over.
RECIPIENT = re.compile(
    r"\b(?:sells?|rents?|leases?|lends?|loans?|offers?|provides?|supplies|supply|delivers?|ships?|gives?"
    r"|sends?|brings?|licen[cs]es?|hires? out|sold|rented|leased|lent|offered|provided|supplied|delivered"
    r"|shipped|sent)\b"
    r"[^,;:()]*?\s+to\s+(?P<receiver>.+)",
    re.IGNORECASE,
)
# Groups of people or organisations, wherever an idea names them ("where smallholder farmers pay per
# crate", "we sell it to consumers and to self-insured employers"): plural nouns of agents and the
# common names of groups that buy. English morphology and a short list, not any one market's words.
AGENT_PLURAL = re.compile(r"[a-z]{3,}(?:ers|ors|ists|ians|ants|ents|ees|eurs)", re.IGNORECASE)
NOT_AGENTS = re.compile(
    r"(?:ments|ants?ies|others|orders|numbers|members|users|customers"
    # things named like agents: devices and objects, not people
    r"|filters|heaters|printers|trackers|scooters|lockers|containers|sensors|monitors|computers|chargers"
    r"|boilers|stickers|meters|routers|blenders|dryers|coolers|freezers|trailers|tractors|generators"
    r"|detectors|inverters|motors|elevators|refrigerators|radiators|timers|markers|posters|vouchers"
    r"|flyers|covers|papers|letters|centers|centres|waters|layers|folders|tickets|lenses"
    r"|agrees|degrees)$",
    re.IGNORECASE,
)
GROUP_NOUNS = {
    "adults", "children", "kids", "teens", "teenagers", "families", "households", "parents", "owners",
    "patients", "students", "people", "seniors", "women", "men", "couples", "freelancers", "workers",
    "teams", "firms", "businesses", "companies", "enterprises", "startups", "smes", "agencies", "shops",
    "stores", "restaurants", "bars", "cafes", "hotels", "clinics", "hospitals", "practices", "schools",
    "homes",
    "universities", "farms", "smallholders", "cooperatives", "charities", "nonprofits", "municipalities",
    "councils", "carriers", "brands", "landlords", "homeowners", "tenants", "retailers", "wholesalers",
    "manufacturers", "breweries", "bakeries", "pharmacies", "salons", "gyms", "insurers", "lenders", "banks",
    # institutions and sites that buy for themselves, named by what they are rather than who works there
    "canteens", "cafeterias", "caterers", "nurseries", "kindergartens", "daycares", "preschools", "colleges",
    "academies", "libraries", "museums", "churches", "parishes", "studios", "garages", "workshops",
    "dealerships", "fleets", "factories", "wineries", "vineyards", "dairies", "ranches", "orchards",
    "airlines", "hostels", "guesthouses", "resorts", "campsites", "marinas", "boatyards", "theatres",
    "cinemas", "clubs", "associations", "unions", "hospices", "pubs", "eateries", "festivals", "venues",
}  # fmt: skip
POSSESSIVE = re.compile(r"^(?:your|their|his|her|its|my|our|the)\b", re.IGNORECASE)
RECEIVER_END = re.compile(r"\s+(?:at|in|on|from|across|around|near|via|through|as)\s+", re.IGNORECASE)
PLURAL = re.compile(r"[a-z]{3,}(?<!ss)s\b", re.IGNORECASE)
MAX_QUERY_TERMS = 12
MAX_LATER_TERMS = 4  # words from the idea's later sentences: they detail, the first sentence defines


# a list item ("- …", "* …", "1. …") is a sentence of the idea of its own
LIST_ITEM = re.compile(r"^\s*(?:[-*\u2022\u2013]|\d+[.)])\s+")


# a row of a table pasted under the pitch ("| Pilot | 250 bottles | $1,350 |"): its prices, not its words
TABLE_ROW = re.compile(r"^\s*\|")


def blocks(text: str) -> list[str]:
    """``text`` cut at list items, blank lines and the line after a list; other line breaks are wraps.
    The lines of a labelled template are blocks without their labels; table rows are no block."""
    found: list[str] = []
    joined = False  # whether the next line may continue the last block (a wrapped line, not a list)
    template = labelled_parts(text) is not None
    for line in text.splitlines():
        if not line.strip() or TABLE_ROW.match(line):
            joined = False
        elif template and unlabelled(line) != line:
            found.append(unlabelled(line))
            joined = True
        elif LIST_ITEM.match(line):
            found.append(LIST_ITEM.sub("", line))
            joined = False
        elif joined:
            found[-1] = f"{found[-1]} {line}"
        else:
            found.append(line)
            joined = True
    return found


# "Owners pay NOK 990 a year and boatyards pay an 8% commission": whoever pays is a customer
PAYER = re.compile(
    r"\b([A-Za-z][\w'-]*s)\s+(?:pay|are charged|are billed|subscribe)\b"
    # "The care home pays ¥3,800 per resident": one of a group, said in the singular
    r"|\b(?:the|each|every|a|an)\s+((?:[a-z-]+\s){0,2}[a-z-]+)\s+(?:pays|is charged|is billed|subscribes)\b"
    # shorthand without an article, opening a phrase of a terse list: "…, organiser pays per cup, …"
    r"|(?:^|[,;:\u2014\u2013|]\s*)([a-z][\w'-]*)\s+(?:pays|is charged|is billed)\b",
    re.IGNORECASE,
)


def payers(product_idea: str) -> list[str]:
    """The groups the idea says pay for it ("Clinics pay per clinician", "boatyards pay a commission",
    "the care home pays per resident")."""
    return [
        key
        for match in PAYER.finditer(product_idea)
        for key in terms(match.group(1) or match.group(2) or match.group(3))
    ]


def list_items(text: str) -> list[str]:
    """The items of a list the idea gives ("- book haul-out …"): what the product does, one per line."""
    return [LIST_ITEM.sub("", line).strip() for line in text.splitlines() if LIST_ITEM.match(line)]


def sentences_of(text: str) -> list[str]:
    """The idea's sentences (final punctuation dropped); each item of a list is one."""
    # "U.S." or "e.g." does not end the idea's sentence
    parts = [part for block in blocks(text) for part in split_line(" ".join(block.split()))]
    return [part.rstrip(".!?:; ") for part in parts if part.strip(" .!?:;")]


# "used" before a noun means second-hand ("used kitchen equipment"), and pages say it three ways; as a
# verb ("used by", "used to", "is used in") it says nothing. The one key for all three forms:
SECOND_HAND = "secondhand"
SECOND_HAND_FORMS = re.compile(
    r"\b(?:second[- ]?hand|pre[- ]?owned|pre[- ]?loved)\b"
    r"|\bused(?=\s+(?!(?:by|to|for|in|as|with|on|at|from|and|or|of|when|if|it|them|this|that|the|a|an|"
    r"only|mostly|mainly|widely|daily|every|more|less|most|because|since|across|over|under|during|"
    r"without|about)\b)[a-z])",
    re.IGNORECASE,
)


def second_hand(text: str) -> str:
    """``text`` with "second-hand", "pre-owned" and adjectival "used" written as one word."""
    return SECOND_HAND_FORMS.sub(SECOND_HAND, text)


def words_of(text: str) -> list[tuple[str, str]]:
    """(surface form, matching key) of each distinctive word of ``text``, in order, deduplicated by key.

    The key is lower-case and singular; a hyphenated word gives one key per part, so "meal-planning"
    matches "meal planning", while its surface form stays whole for queries.
    """
    found: dict[str, str] = {}
    written = [form.group(0).lower() for form in SECOND_HAND_FORMS.finditer(text)]
    for word in WORD.findall(second_hand(text)):
        if word.lower() == SECOND_HAND and written:  # one key, the word as the idea writes it
            found.setdefault(SECOND_HAND, written.pop(0))
            continue
        surface = word.strip("'-").removesuffix("'s")
        for piece in surface.lower().split("-"):
            key = singular(piece)
            if len(key) > 1 and key not in STOPWORDS and key not in GENERIC and not key.isdigit():
                found.setdefault(key, surface.lower())
    return list((surface, key) for key, surface in found.items())


def terms(text: str) -> list[str]:
    """The matching keys of the distinctive words of ``text`` (lower-case, singular), in order."""
    return [key for _, key in words_of(text)]


def query_words(text: str, limit: int) -> list[str]:
    """Up to ``limit`` distinctive words of ``text`` as written (hyphenated words kept whole)."""
    return list(dict.fromkeys(surface for surface, _ in words_of(text)))[:limit]


def recipient(text: str) -> str:
    """Whom ``text`` sells, rents or provides something to, when that reads as a group ("" otherwise):
    "… rents bikes to small businesses in …" -> "small businesses"; never "… to your door"."""
    handed = RECIPIENT.search(text)
    if not handed:
        return ""
    clause = TARGET_END.split(handed["receiver"], maxsplit=1)[0]
    receiver = RECEIVER_END.split(clause, maxsplit=1)[0].strip()
    return receiver if receiver and not POSSESSIVE.match(receiver) and PLURAL.search(receiver) else ""


# "for pumps and chillers in small breweries": what the product serves, then where, which names who
FOR_PHRASE_END = re.compile(r"[.;:]|\s+(?:who|that|which|so|where|when|while)\s+", re.IGNORECASE)
WHERE_IN = re.compile(r"\s+(?:in|at|of|inside|across)\s+", re.IGNORECASE)


def served_groups(phrase: str) -> str:
    """The groups a "for …" phrase names after "in"/"at" when what follows "for" names none: "pumps,
    chillers and bottling lines in small craft breweries in Germany" -> "small craft breweries"."""
    for place in WHERE_IN.split(FOR_PHRASE_END.split(phrase, maxsplit=1)[0])[1:]:
        candidate = RECEIVER_END.split(TARGET_END.split(place, maxsplit=1)[0], maxsplit=1)[0].strip()
        if customer_groups(candidate):
            return candidate
    return ""


THINGS_END = re.compile(r"[;:]|\.(?=\s+[A-Z]|$)|\s+(?i:who|that|which|so|where|when|while)\s+")
DASH = re.compile(r"\s+[\u2013\u2014-]+\s+|\s*[\u2013\u2014]\s*")


def handled_things(phrase: str) -> str:
    """What a "for …" phrase names when it names things, not a group: its list up to where it says
    where ("dish soap, laundry liquid and floor cleaner in …" -> "dish soap, laundry liquid and floor
    cleaner"); "" when a word of it is plural or names a group ("for hospital pharmacists", "for old
    houses"): plurals are left to be read as whom the product serves."""
    clause = THINGS_END.split(phrase, maxsplit=1)[0]  # "U.S." inside it ends nothing
    things = WHERE_IN.split(DASH.split(clause, maxsplit=1)[0])[0]
    words = WORD.findall(things)
    if not words or any(PLURAL.fullmatch(word) or word.lower() in GROUP_NOUNS for word in words):
        return ""
    return things.strip(" ,")


def _for_split(sentence: str) -> list[str]:
    """[before, after] the "for" that names the customer: "checks contracts for number errors …, for
    translation agencies" names its customer at the second "for", the first names a purpose. The first
    "for" naming a common group wins, else the first naming an agent-like plural, else the first."""
    splits = [[sentence[: match.start()], sentence[match.end() :]] for match in FOR.finditer(sentence)]
    if not splits:
        return [sentence]

    def names(after: str, common: bool) -> bool:
        target = TARGET_END.split(after, maxsplit=1)[0]
        if common:
            return any(word.lower() in GROUP_NOUNS for word in WORD.findall(target))
        return bool(customer_groups(target))

    for common in (True, False):
        for split in splits:
            if names(split[1], common):
                return split
    return splits[0]


# "Our app lets dog owners book …", "We help small farms sell …": the group the product enables
ENABLES = re.compile(r"\b(?:lets?|helps?|allows?|enables?)\s+(?P<rest>.+)", re.IGNORECASE)
PLACE_AFTER = re.compile(r"^(?:in|at|across|around|from)\s+(?:(?:the\s+)?[A-Z][\w.'-]*\s*(?:,\s*|and\s+)?)+")


# "We get small cheese makers onto ferry menus", "We bring X to Y": the group moved is the customer
MOVES = re.compile(r"^(?:we|our\s+\w+)\s+(?:get|gets|bring|brings|take|takes|put|puts)\s+(?P<rest>.+)", re.I)


def enabled_group(sentence: str) -> tuple[str, str] | None:
    """(product, group) of "Our app lets <group> <do something>", "We help <group> <do something>",
    "We get <group> onto …"."""
    if enabled := ENABLES.search(sentence) or MOVES.match(sentence):
        rest = enabled["rest"]
        group = group_phrase(RECEIVER_END.split(TARGET_END.split(rest, maxsplit=1)[0], maxsplit=1)[0])
        if group and not POSSESSIVE.match(group):
            # what the group is let do, up to where the idea goes on to say how (": we pitch …")
            done = PLACE_AFTER.sub("", re.split(r";|:(?!\d)", rest[len(group) :], maxsplit=1)[0].strip())
            return f"{sentence[: enabled.start()].strip()} {done}".strip(), group
    return None


def split_product(sentence: str) -> tuple[str, str]:
    """(product, target customer) of a sentence such as "An X for Y, who …"; target "" when unstated."""
    parts = _for_split(sentence)
    product = ARTICLE.sub("", parts[0].strip())
    target = TARGET_END.split(parts[1], maxsplit=1)[0].strip() if len(parts) > 1 else ""
    if YOU.fullmatch(target.strip(" .!")):  # "… run tastings for you": the reader, named by no group
        target = ""
    if target and not customer_groups(target) and (served := served_groups(parts[1])):
        target = served
    # "Refill dispensers for dish soap, laundry liquid and floor cleaner in …": a "for" naming no group
    # of people or organisations names what the product handles, not its customer (nor does anything
    # after it name one): it is part of what the product is
    elif target and not recipient(product) and (handled := handled_things(parts[1])):
        return f"{product} for {handled}", ""
    # "… to homeowners with heat pumps, for €15 a month": a "for" naming no group (a price, a purpose)
    # leaves the customer to a receiver
    if target and not customer_groups(target) and recipient(product):
        target = ""
    if not target and (enabled := enabled_group(sentence)):
        return enabled
    # "Meters rented to flooring contractors, per job, with a report for insurers": a receiver named
    # before a later clause's "for" is the customer; the "for" names whom a deliverable is for
    later_for = len(parts) > 1 and "," in parts[0] and bool(recipient(parts[0].split(",")[0]))
    if (not target or later_for) and (receiver := recipient(product)):
        handed = RECIPIENT.search(product)
        assert handed is not None
        return product[: handed.start("receiver")].strip().removesuffix(" to"), receiver
    return product, target


# the noun phrase a sentence opens with, up to its first preposition, verb form or punctuation: its last
# word is what the product is ("Parcel lockers installed at …", "Vibration and temperature sensors with
# …"), so never who buys it
LEAD_END = re.compile(
    r"[,;:()]|\s+(?:at|in|on|for|with|where|that|which|who|so|to|by|from|of)\s+|\s+\w+ed\s+",
    re.IGNORECASE,
)
PARENTHESIS = re.compile(r"\(([^)]*)\)")


def customer_groups(product_idea: str) -> list[str]:
    """The groups of people or organisations the idea names anywhere (its possible customers), as keys.

    A plural made like an agent noun ("-ers", "-ors") may name a thing: not the head of the noun
    phrase a sentence opens with ("Parcel lockers installed at pharmacies"), nor in a parenthesis of
    examples that names no common group ("equipment (ovens, fridges, dishwashers)")."""
    things: set[str] = set()
    for sentence in sentences_of(product_idea) or [product_idea]:
        things.update(word.lower() for word in WORD.findall(LEAD_END.split(sentence, maxsplit=1)[0])[-1:])
    for examples in PARENTHESIS.findall(product_idea):
        words = [word.lower() for word in WORD.findall(examples)]
        if not any(word in GROUP_NOUNS for word in words):
            things.update(words)
    # the people a business sends or employs are its staff ("sends certified technicians on a round of
    # nursing homes"), not whom it serves
    things.update(match.group("staff").lower() for match in STAFF.finditer(product_idea))
    found = [
        word.lower()
        for word in WORD.findall(product_idea)
        if word.lower() in GROUP_NOUNS
        or (AGENT_PLURAL.fullmatch(word) and not NOT_AGENTS.search(word) and word.lower() not in things)
    ]
    return list(dict.fromkeys(key for word in found for key in terms(word)))


STAFF = re.compile(
    r"\b(?:sends?|sent|dispatch(?:es)?|employs?|hires?|deploys?)\s+"
    r"(?P<phrase>(?:[\w-]+\s+){0,3}?(?P<staff>[a-z-]+s))\b",
    re.IGNORECASE,
)
# a company's name saying what it does: "Mimimori sends technicians …", "Acme Labs rents …"
NAMED_OFFER = re.compile(
    rf"^(?!(?i:you|we|they|i|it|he|she|this|that|these|those|who|what|why|how)\b)"
    rf"(?P<name>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)\s+{OFFER_VERB}"
)


# who offers it: "We …", "Our app …", or a founder telling it in the first person singular ("So I built
# Talirek, an app that …", "That's why I started …"), the verb left for BUILD / NAMED_BUILD
OFFER = re.compile(
    r"^(?:(?:so|and so|that['\u2019]s why|this is why|which is why|then|now|today|eventually|finally"
    r"|in the end)\s*,?\s+)?"
    r"(?:we|our|I(?=\s+(?:have\s+|am\s+|['\u2019]m\s+)?(?:built|build|building|started|founded|created"
    r"|made|launched|developed|designed|set up)\b))\b",
    re.IGNORECASE,
)
# a persona story opening the idea ("Meet Tunde, who runs a repair stall …", "This is Ana. She …"): one
# person's problem, told before the offer
PERSONA = re.compile(
    r"^(?i:meet|this is|say hello to|picture|imagine)\s+(?P<person>[A-Z][\w'-]+)(?=[\s,.:;!]|$)"
)
# what a persona runs: "…, who runs a two-bench phone repair stall on a busy road" -> "two-bench phone
# repair stall"
RUNS = re.compile(
    r"\bwho\s+(?:runs|owns|manages|operates|keeps)\s+(?:an?|the|his|her|their)\s+"
    r"(?P<what>[^,.;:]+?)(?=\s+(?:on|in|at|near|from|with|for|by|outside|off)\s|[,.;:]|$)"
)
# the offer named and said to be a thing: "PartsPadi is a wholesale app where …", "Rowly is an app that …"
NAMED_IS = re.compile(r"^(?P<name>[A-Z][\w-]*(?:\s[A-Z][\w-]*)?)\s+is\s+(?=(?:an?|the)\s)")
# a founder's own backstory opening the idea ("I spent nine years as …", "For years my mother …",
# "Last winter I …"): the problem told through the writer's life, the offer said later
BACKSTORY = re.compile(
    r"^(?:(?:for|after|over|last|in|when|as|growing up|back in|years ago|every)\b[^,.]{0,60},\s*)?"
    r"(?:I|my)\b(?!\s+(?:have\s+|am\s+|'m\s+)?(?:built|build|building|started|founded|created|launched)\b)",
    re.IGNORECASE,
)
EVERY = re.compile(r"^(?:every|each|most|many|all|so many)\s+(?!of\b)[a-z][\w-]*", re.IGNORECASE)
# a pitch naming the incumbents first: "Acme and Zeta charge dentists $90 a month and still …", "Acme,
# Zeta and Kappa leave …": two or more names, then what they do to the customers
NAME = r"[A-Z][\w-]*(?:\s[A-Z][\w-]*)?"
INCUMBENTS = re.compile(
    rf"^(?P<names>{NAME}(?:\s*,\s*{NAME})*\s+(?:and|or|&)\s+{NAME})\s+(?:(?:all|both|still|only|already)\s+)?"
    r"(?P<verb>charge|cost|sell|offer|leave|make|force|ask|take|lock|bill|serve|want|require|are|were|do|"
    r"don't|can't|cannot)\s+(?P<rest>.+)"
)


def incumbents(sentence: str) -> list[str]:
    """The names an incumbents-first sentence opens with ([] for any other sentence)."""
    found = INCUMBENTS.match(sentence)
    return [name.strip() for name in re.split(r",|\band\b|\bor\b|&", found["names"])] if found else []


def named_offer(sentence: str, others: list[str]) -> bool:
    """Whether a sentence is a company's name saying what it offers, the company not one of ``others``."""
    found = NAMED_OFFER.match(sentence)
    return found is not None and found["name"] not in others and not customer_groups(found["name"])


def ordered_sentences(product_idea: str) -> list[str]:
    """The idea's sentences with its defining sentence first.

    Most ideas open with what is offered ("Solar cold rooms at markets …"). Some open with the problem
    of the people they serve ("Small dairy farms lose milk because …") and say what is offered later
    ("We fit each cow with a collar …"): then the sentence that says what "we" offer defines the idea.
    """
    sentences = sentences_of(product_idea)
    index = defining_index(product_idea, sentences)
    return [sentences[index], *sentences[:index], *sentences[index + 1 :]] if index else sentences


def defining_index(product_idea: str, sentences: list[str]) -> int:
    """Index in ``sentences`` of the sentence defining the idea: a labelled template's solution, else
    the sentence saying what "we" offer after the customers' problem (offer_index)."""
    if (parts := labelled_parts(product_idea)) and "solution" in parts:
        solution = sentences_of(parts["solution"])
        if solution and solution[0] in sentences:
            return sentences.index(solution[0])
    return offer_index(sentences)


def offer_index(sentences: list[str]) -> int:
    """Index of the sentence saying what "we" offer when the idea opens with its customers' problem;
    0 when the idea opens with what it offers."""
    if len(sentences) > 1 and problem_first(sentences[0]):
        rivals = incumbents(sentences[0])
        for index, sentence in enumerate(sentences[1:], start=1):
            if OFFER.match(sentence) or (rivals and named_offer(sentence, rivals)):
                return index
            # or told in the third person: "PartsPadi is a wholesale app where …", a name the problem
            # never used
            named = NAMED_IS.match(sentence)
            if named and named["name"] not in sentences[0] and not customer_groups(named["name"]):
                return index
        if asks(sentences[0]):  # "Why do …? A marketplace where …": the answer is the next sentence
            return 1
        # told without "we": "… sit in stock. A plug-in tool reads …" — the first later sentence that
        # opens with a thing ("A tool", "The service"), not a group ("The dealers"), says what is offered
        for index, sentence in enumerate(sentences[1:], start=1):
            if ARTICLE.match(sentence) and not customer_groups(LEAD_END.split(sentence, maxsplit=1)[0]):
                return index
    return 0


# a question's opening ("Why do …", "How can …", "What if …"): what follows is the group and its problem
QUESTION = re.compile(
    r"^(?:(?:why|how|what|when|where|who)\s+(?:do|does|did|can|could|should|would|will|is|are|must|"
    r"don't|doesn't|can't|won't|aren't|isn't)\s+|what if\s+|(?:do|does|did|can|could|should|are|is)\s+)"
    r"(?:so many\s+|many\s+|most\s+)?",
    re.IGNORECASE,
)


def asks(sentence: str) -> bool:
    """Whether a sentence is a question about the customers' problem ("Why do bakeries still …")."""
    return bool(QUESTION.match(sentence))


# a pitch to the customer: "You run a piano school, and …", "If you're a wedding photographer …"
YOU_RUN = re.compile(
    r"^(?:if\s+)?(?:you(?:'re|\u2019re|\s+are)\s+|you\s+(?:run|own|manage|operate|lead|have)\s+)"
    r"(?:an?\s+|the\s+|your\s+(?:own\s+)?)?(?P<group>\S.*)",
    re.IGNORECASE,
)
AND_THEN = re.compile(r"\s+(?:and|but)\s+")  # "You own a bakery and buy flour …": what you do next
YOU = re.compile(r"you|yourself|yours|you all", re.IGNORECASE)


def problem_first(sentence: str) -> bool:
    """Whether a sentence opens with a group of people or organisations (its subject), not a product:
    a known group ("Small dairy farms lose …"), or a plural agent noun heading a sentence that opens
    without an article ("Small-scale fishers sell …", "Independent roofers quote …"; a product opens
    "A tracker …"). Only asked when a later sentence says what "we" offer."""
    if OFFER.match(sentence):
        return False
    if incumbents(sentence):  # "Acme and Zeta charge dentists …": the customers' problem, told by rivals
        return True
    if EVERY.match(sentence):  # "Every family I talked to …", "Most bakeries …": a group, never a product
        return True
    if BACKSTORY.match(sentence) or PERSONA.match(sentence):  # the writer's story, or one person's, first
        return True
    named = NAMED_OFFER.match(sentence)
    if named and not customer_groups(named["name"]) and not AGENT_PLURAL.fullmatch(named["name"]):
        return False  # "Kirameki sends opticians …": a company saying what it offers
    if YOU_RUN.match(sentence):  # whom the pitch addresses, by what they run: the customer
        return True
    if asks(sentence):  # a question states a problem, never the product
        return True
    lead = LEAD_END.split(sentence, maxsplit=1)[0]
    head = (WORD.findall(lead) or [""])[-1]
    agent = bool(AGENT_PLURAL.fullmatch(head)) and not NOT_AGENTS.search(head) and not ARTICLE.match(sentence)
    return agent or bool(customer_groups(lead))


def sufferers(sentence: str) -> str:
    """The group a problem-first sentence opens with: "Small dairy farms in southern Brazil lose …" ->
    "Small dairy farms"."""
    if PERSONA.match(sentence) and (runs := RUNS.search(sentence)):  # "Meet Tunde, who runs a phone repair
        return runs["what"].strip()  # stall …": the kind of business the person runs is the customer
    if BACKSTORY.match(sentence) or PERSONA.match(sentence):  # one person is no customer group: whom the
        return ""  # offer serves says it
    if every := EVERY.match(sentence):  # "Every family in Bogotá I talked to that employs …" -> "family …"
        return RECEIVER_END.split(
            TARGET_END.split(sentence[every.start() :].split(" ", 1)[1], maxsplit=1)[0]
        )[0]
    if addressed := YOU_RUN.match(sentence):  # "You run a piano school, and …" -> "piano school"
        group = AND_THEN.split(TARGET_END.split(addressed["group"], maxsplit=1)[0], maxsplit=1)[0]
        return RECEIVER_END.split(group, maxsplit=1)[0].strip()
    if rivals := INCUMBENTS.match(sentence):  # "Acme and Zeta charge Leeds dentists …" -> "Leeds dentists"
        return group_phrase(rivals["rest"])
    sentence = QUESTION.sub("", sentence)
    phrase = RECEIVER_END.split(TARGET_END.split(sentence, maxsplit=1)[0], maxsplit=1)[0].strip()
    return group_phrase(phrase) or phrase


MAX_GROUP_WORDS = 5


def group_phrase(text: str) -> str:
    """The noun phrase naming a group at the start of ``text``, up to its first plural word ("community
    choirs find rooms …" -> "community choirs"); "" when none of its first words is plural."""
    words = text.split()
    for index, word in enumerate(words[:MAX_GROUP_WORDS]):
        # a capitalised word inside the phrase is a name ("small Texas sauce brands"), not a plural
        if PLURAL.fullmatch(word.strip(",.;:'\"")) and not (index and word[:1].isupper()):
            end = index + 1
            # "church halls and schools": a second group joined by "and"/"or" belongs to the phrase
            if end < len(words) and words[end].lower() in {"and", "or"}:
                more = group_phrase(" ".join(words[end + 1 :]))
                if more and len(more.split()) <= 3:
                    end += 1 + len(more.split())
            return " ".join(words[:end]).strip(",.;:")
    return ""


# "We are building a mobile app where …": what is offered starts at its article
BUILD = re.compile(
    r"^(?:are\s+|have\s+)?(?:building|developing|creating|launching|offering|built|"
    r"developed|created|launched|build|develop|create|launch|offer)\s+(?=(?:an?|the)\s)",
    re.IGNORECASE,
)
ASKED_OF_YOU = re.compile(
    r"^(?:(?:tell|send|give|show|let)\s+us\b|(?:just\s+)?(?:upload|sign\s+up|download|install)\b)", re.I
)
# "are building Casanomina: …", "launching Rowfrost — …": the product's name, then what it does
NAMED_BUILD = re.compile(
    r"^(?:are\s+|have\s+)?(?:building|developing|creating|launching|built|launched)\s+"
    r"[A-Z][\w-]*(?:\s[A-Z][\w-]*)?\s*(?::|\u2014|\s-\s|,)\s*"
)
WE_BUILD = re.compile(rf"^(?:we|our team)\s+{BUILD.pattern[1:]}", re.IGNORECASE)
# a founder's "So I built Talirek, an app that …": the product's name and what it is, without the story
I_BUILT = re.compile(
    r"^(?:(?:so|and so|that['\u2019]s why|this is why|which is why|then|now|eventually|finally|in the end)"
    r"\s*,?\s+)?I\s+(?:have\s+)?(?:built|started|founded|created|made|launched|developed|designed|set up)\s+"
    r"(?=[A-Z])",
    re.IGNORECASE,
)


def defining_split(product_idea: str) -> tuple[str, str, str]:
    """(defining sentence, product, customer) of an idea, problem-first ideas included: the product is
    what "we" offer (up to its first clause break) and the customer the group whose problem it opens
    with."""
    sentences = sentences_of(product_idea) or [product_idea.strip()]
    if labelled := template_split(product_idea):
        return labelled
    if index := offer_index(sentences):
        first = sentences[index]
        told = NAMED_OFFER.match(first) if incumbents(sentences[0]) else None  # "Komsukasa collects …"
        stated = BUILD.sub("", OFFER.sub("", first[told.end("name") :] if told else first).strip())
        # "we are building Casanomina: tell us the days she works, we calculate her pay …": what it does
        stated = NAMED_BUILD.sub("", NAMED_IS.sub("", stated))
        # "We let couples from the UK, the US and Australia book venues …": what the group is let do is
        # the offer, read past the commas of the group's places
        enabled = enabled_group(stated)
        # a list in brackets ("venues (agriturismi, villas, castles)") is part of the offer, not its end
        whole = PARENTHESIS.sub(
            lambda m: f"({m.group(1).replace(',', ' and')})", enabled[0] if enabled else stated
        )
        # an instruction to the customer first ("tell us the days she works, we calculate her pay …") is how
        # it is used: the offer is the clause after it
        clauses = enumerations([clause.strip() for clause in re.split(r";|(?<!\d)[,:]|[,:](?!\d)", whole)])
        while len(clauses) > 1 and ASKED_OF_YOU.match(clauses[0]):
            clauses = clauses[1:]
        # "repair shops like Tunde's": the persona the story told, compared, is no word of the offer
        offer = LIKE_PERSON.sub("", OFFER.sub("", clauses[0])).strip()
        # a two-sided offer names its other side as whom it sells to ("… sell it to restaurants"); a place
        # named for its users ("a wholesale app where repair shops order parts") names them
        buyers = enabled[1] if enabled else recipient(offer) or ((enabled_group(offer) or ("", ""))[1])
        buyers = buyers or where_group(offer)
        # "We build a home-visit service for elderly parents …": whom the offer is for is a customer too
        served = split_product(offer)[1]
        if not (served and customer_groups(served)):
            # whom a later clause says the whole offer is for, unless the problem already named that group
            served = set_apart_for(clauses[1:], already=sufferers(sentences[0]))
        if served and customer_groups(served) and served not in buyers:
            buyers = " and ".join(part for part in (served, buyers) if part)
        return first, offer, " and ".join(part for part in (sufferers(sentences[0]), buyers) if part)
    first = sentences[0]
    product, target = split_product(first)
    return first, product, target


# the tail of an enumeration cut at its commas: "order", "cancel and pay for lunches" -> one clause
ENUMERATION_TAIL = re.compile(r"^[\w-]+(?:\s[\w-]+)?\s+(?:and|or|&)\s+\S")


def enumerations(clauses: list[str]) -> list[str]:
    """Clauses cut at commas, with the items of one enumeration joined again ("lets parents order,
    cancel and pay for school lunches" is one offer, not "order" and a second clause)."""
    joined: list[str] = []
    for clause in clauses:
        if joined and ENUMERATION_TAIL.match(clause):
            joined[-1] = f"{joined[-1]}, {clause}"
        else:
            joined.append(clause)
    return joined


LIKE_PERSON = re.compile(r"\s+like\s+[A-Z][\w-]*(?:['\u2019]s)?(?=[\s,.;:]|$)")
WHERE = re.compile(r"\b(?:where|in which|on which|through which)\s+(?P<rest>.+)", re.IGNORECASE)


def where_group(offer: str) -> str:
    """The group an offer's "where" clause names as its users: "a wholesale app where repair shops order
    …" -> "repair shops"; "" when it names none."""
    found = WHERE.search(offer)
    group = group_phrase(found["rest"]) if found else ""
    return group if group and customer_groups(group) else ""


def set_apart_for(clauses: list[str], already: str = "") -> str:
    """The group a later clause of the offer serves, set apart by commas ("…, gives the kitchen a count,
    for school canteens in Czechia."): whom the whole offer is for; "" when it is the group ``already``
    named (the same head noun: "small climbing gyms in Porto" after "Lisbon climbing gyms")."""
    named = set(customer_groups(already))
    for clause in clauses:
        if not clause.lower().startswith("for "):
            continue
        group = TARGET_END.split(clause[4:], maxsplit=1)[0].strip()
        if (found := customer_groups(group)) and not set(found) & named:
            return group
    return ""


def template_split(product_idea: str) -> tuple[str, str, str] | None:
    """(defining sentence, product, customer) of a labelled template: its solution's first sentence, what
    that offers (up to its first clause break), and the customer line (else whom the solution or the
    problem names); None for an idea that is no template or names no solution."""
    parts = labelled_parts(product_idea)
    if not parts or "solution" not in parts:
        return None
    first = (sentences_of(parts["solution"]) or [parts["solution"]])[0]
    product, target = split_product(re.split(r"[,;:]", first, maxsplit=1)[0])
    # "An online portal where patients ask …": what it is, not how it is used
    product = re.split(r"\s+(?:where|which|that|who|so that|so)\s+", product, maxsplit=1)[0]
    if named := parts.get("customer", ""):
        target = TARGET_END.split(named, maxsplit=1)[0].strip(" .")
    elif not target and (problem := sentences_of(parts.get("problem", ""))):
        target = sufferers(problem[0]) if problem_first(problem[0]) else ""
    return first, product, target


# "A plug-in tool reads the …", "A tutor joins your …": a sentence (a verb after its subject), not a noun
# phrase ("A booking service for school pitches", "A marketplace where florists list …")
CLAUSE = re.compile(
    r"^(?:an?|the)\s+(?:(?!(?:that|which|who|where|for|to|with|in|at|of|on)\b)[\w'-]+\s+){1,4}?"
    r"[a-z]{2,}s\s+(?:the|an?|every|each|your|their|its|our|his|her)\b",
    re.IGNORECASE,
)


def restatement(product_idea: str) -> str:
    """The idea restated as one grammatical sentence, in full: what it offers (the sentence saying what
    "we" offer when the idea opens with its customers' problem, a template's solution for its customer).
    A sentence that is a noun phrase ("A marketplace where …") follows "assesses"; a clause ("A tool
    reads …", told without "we") is quoted."""
    if labelled := template_split(product_idea):
        first, _, customer = labelled
        whom = f" for {customer[0].lower()}{customer[1:]}" if customer[1:2].islower() else f" for {customer}"
        said = customer.lower() in first.lower()  # "one app for the administrator …": whom is said already
        return f"This report assesses the idea \u201c{first}\u201d{whom if customer and not said else ''}."
    sentences = sentences_of(product_idea)
    index = offer_index(sentences)
    first = (ordered_sentences(product_idea) or ["an unnamed idea"])[0]
    told = bool(index) and bool(CLAUSE.match(first))  # the offer told as a clause, without "we"
    first = I_BUILT.sub("", WE_BUILD.sub("", first))
    if ARTICLE.match(first) and not told:
        return f"This report assesses {first[0].lower()}{first[1:]}."
    # an offer told after its customers' problem may not name them ("Our service texts every patient …"
    # after "You run a dental practice"): whom it is for is said after it
    customer = defining_split(product_idea)[2] if index else ""
    unnamed = customer and not set(terms(customer)) & set(terms(first))
    return f"This report assesses the idea \u201c{first}\u201d{f' (for {customer})' if unnamed else ''}."


def queries_for(product_idea: str, target: str) -> AgentQueries:
    """One query per agent, each carrying the idea's distinctive words (first sentence first)."""
    sentences = ordered_sentences(product_idea)
    if defining_index(product_idea, sentences_of(product_idea)):  # problem first: offer and whom, first
        _, product, target = defining_split(product_idea)
        sentences = [f"{product} {target}", *sentences[1:], sentences[0]]
    first = query_words(sentences[0] if sentences else product_idea, MAX_QUERY_TERMS)
    rest = [word for word in query_words(" ".join(sentences[1:]), MAX_QUERY_TERMS) if word not in first]
    core = " ".join([*first, *rest[:MAX_LATER_TERMS]][:MAX_QUERY_TERMS])
    core = core or " ".join(product_idea.split()[:MAX_QUERY_TERMS])
    return AgentQueries(
        market=f"{core} market size growth trends",
        competitor=f"{core} competitors pricing alternatives",
        customer=f"{core} customers pain points survey willingness to pay",
    )


# markup pasted into an idea ("<script>…</script>", "<b>", "<img src=x …>") is no word of the idea
def parse_idea(product_idea: str) -> ProductContext:
    """Product, target customer and per-agent queries from the whole idea (nothing cut off), read
    without any markup pasted into it."""
    product_idea = analysable(product_idea)
    _, product, target = defining_split(product_idea)
    return ProductContext(
        product_idea=product_idea,
        sector=product,
        target_customer=target,
        product_context=" ".join(product_idea.split()),
        queries=queries_for(product_idea, target),
    )
