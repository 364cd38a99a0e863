"""An idea told as an analogy: "Like OpenTable, but for pickleball courts in Hanoi", "Uber for dog
walkers", "The Airbnb of boats".

The famous company is how the idea works, not what it is about, nor a competitor, nor a place: the
research reads the kind of service the company stands for ("online booking") for what comes after
"for" / "of", which is the idea's own subject ("online booking for pickleball courts in Hanoi"). A
company the table does not know is read as "a service", and the sentences after the analogy say
which one.
"""

from __future__ import annotations

import re

# what each widely known company stands for in an analogy (lower-case name -> the kind of service)
SERVICE_OF = {
    "opentable": "online booking",
    "booking.com": "online booking",
    "zocdoc": "online appointment booking",
    "calendly": "online appointment scheduling",
    "mindbody": "online class booking",
    "classpass": "class subscription",
    "airbnb": "short-term rental marketplace",
    "turo": "peer-to-peer rental marketplace",
    "uber": "on-demand service",
    "lyft": "on-demand service",
    "grab": "on-demand service",
    "gojek": "on-demand service",
    "uber eats": "on-demand delivery",
    "deliveroo": "on-demand delivery",
    "doordash": "on-demand delivery",
    "instacart": "grocery delivery",
    "netflix": "streaming subscription",
    "spotify": "streaming subscription",
    "tinder": "matching app",
    "bumble": "matching app",
    "linkedin": "professional network",
    "zillow": "listings marketplace",
    "etsy": "marketplace",
    "ebay": "second-hand marketplace",
    "vinted": "second-hand marketplace",
    "amazon": "online store",
    "shopify": "online store builder",
    "squarespace": "website builder",
    "duolingo": "learning app",
    "peloton": "connected fitness subscription",
    "strava": "activity tracking app",
    "stripe": "online payments",
    "square": "card payments",
    "paypal": "payments app",
    "venmo": "payments app",
    "klarna": "buy now pay later",
    "slack": "team chat",
    "zoom": "video calls",
    "yelp": "reviews site",
    "tripadvisor": "reviews site",
    "glassdoor": "reviews site",
    "fiverr": "freelance marketplace",
    "upwork": "freelance marketplace",
    "taskrabbit": "odd-jobs marketplace",
    "rover": "pet-sitting marketplace",
    "patreon": "membership subscription",
    "substack": "paid newsletter",
    "mailchimp": "email marketing",
    "hubspot": "customer relationship management",
    "salesforce": "customer relationship management",
    "quickbooks": "accounting software",
    "xero": "accounting software",
    "canva": "design tool",
    "dropbox": "file storage",
    "headspace": "meditation app",
    "wework": "shared workspace",
    "github": "code hosting",
    "figma": "design tool",
    "notion": "workspace app",
}
UNKNOWN_SERVICE = "a service"
BRAND = r"(?-i:[A-Z][\w.&'-]*(?:\s[A-Z][\w.&'-]*)?)"  # a name, capitalised whatever the rest
# "Like OpenTable, but for …", "It's like Uber for …", "Think Airbnb, but for …": a "like" says it
LIKE = re.compile(
    rf"^\s*(?:(?:it'?s|it\s+is|think|imagine|basically|kind\s+of|sort\s+of)\s+)*like\s+(?P<brand>{BRAND})"
    r"\s*,?\s+(?:but\s+)?(?:for|of)\s+",
    re.IGNORECASE,
)
# "Uber for dog walkers", "The Airbnb of boats": without "like", only a company the table knows
KNOWN = re.compile(
    rf"^\s*(?:(?:it'?s|it\s+is|think|imagine|basically)\s+)*(?:an?\s+|the\s+)?(?P<brand>{BRAND})"
    r"\s*,?\s+(?:but\s+)?(?:for|of)\s+",
    re.IGNORECASE,
)


def told_plainly(text: str) -> str:
    """``text`` with an opening analogy read as the service it stands for ("Like OpenTable, but for
    pickleball courts" -> "Online booking for pickleball courts"); other text as it is."""
    match = LIKE.match(text)
    service = SERVICE_OF.get(match["brand"].lower(), UNKNOWN_SERVICE) if match else ""
    if not match and (match := KNOWN.match(text)):
        service = SERVICE_OF.get(match["brand"].lower(), "")
    if not match or not service:
        return text
    return f"{service[0].upper()}{service[1:]} of {text[match.end() :]}"
