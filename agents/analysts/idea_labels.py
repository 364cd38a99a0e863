"""Ideas pasted as a labelled template, one "Label: text" line each ("Problem: …", "Customer: …",
"Solution: …", "Pricing: …"), as founders copy them from a lean canvas or a pitch form.

The labels say what each line is, so such an idea is read by its labels, not by where its sentences
fall: the solution says what is offered, the customer line whom to. A prose idea with a colon or two
("Ferry passes for commuters: one pass …", "Price: €40 a month") is no template.
"""

from __future__ import annotations

import re

# "Problem:", "**Target customer**:", "- Why now:" — a short label (up to four words) opening its line
LABEL = re.compile(
    r"^\s*(?:[-*\u2022]\s+)?(?:\*\*)?(?P<label>[A-Za-z][A-Za-z'&/-]*(?:\s+[A-Za-z'&/-]+){0,3}?)(?:\*\*)?"
    r"\s*:(?:\*\*)?\s+(?P<text>\S.*)$"
)
ROLES = {
    "problem": {"problem", "problems", "pain", "pain point", "pain points", "challenge", "the problem"},
    "customer": {
        "customer", "customers", "target", "target customer", "target customers", "target market",
        "audience", "target audience", "who", "for", "for whom", "users", "user", "buyer", "buyers",
        "segment", "customer segment", "customer segments", "who it is for", "who pays",
    },
    "solution": {
        "solution", "the solution", "product", "the product", "offer", "offering", "what", "what it is",
        "idea", "the idea", "service", "how it works", "value proposition", "proposal",
    },
    "pricing": {"pricing", "price", "prices", "business model", "revenue", "revenue model", "fees"},
}  # fmt: skip
MIN_LABELS = 3  # fewer labelled lines are prose with a colon, not a template
NAME = re.compile(
    r"(?:\*\*)?[A-Z][\w.'&-]*(?:\s[A-Z][\w.'&-]*)?(?:\*\*)?"
)  # a product's name: one or two capitalised words


def label_of(line: str) -> tuple[str, str] | None:
    """(role or label in lower case, text) of a labelled line; None for any other line."""
    labelled = LABEL.match(line)
    if not labelled:
        return None
    label = " ".join(labelled["label"].lower().split())
    role = next((role for role, names in ROLES.items() if label in names), label)
    return role, labelled["text"].strip()


def labelled_parts(text: str) -> dict[str, str] | None:
    """Each role's text (a wrapped line joins the label above it) when ``text`` is a labelled template
    of at least MIN_LABELS lines naming what is offered or to whom; None otherwise."""
    parts: dict[str, str] = {}
    last = ""
    for line in text.splitlines():
        if not line.strip():
            last = ""
            continue
        if found := label_of(line):
            last = found[0]
            if not parts and last not in ROLES and NAME.fullmatch(line.split(":", 1)[0].strip(" -*\u2022")):
                last = (
                    "tagline"  # "Prorrata: gastos comunes, billed and collected": the name, then what it is
                )
            parts[last] = f"{parts[last]} {found[1]}" if last in parts else found[1]
        elif last:
            parts[last] = f"{parts[last]} {line.strip()}"
    if len(parts) < MIN_LABELS or not {"solution", "customer"} & parts.keys():
        return None
    return parts


def unlabelled(line: str) -> str:
    """A template line without its label ("Customer: GP practices" -> "GP practices")."""
    found = label_of(line)
    return found[1] if found else line
