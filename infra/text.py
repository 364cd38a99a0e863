"""Text from users, cleaned before it is measured or stored: NFKC-normalised, with terminal escape
sequences and invisible control/format characters (zero-width, bidi overrides, BOM) removed."""

from __future__ import annotations

import re
import unicodedata

# ANSI/VT escape sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), and two-character escapes.
ANSI_ESCAPE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]?")
KEPT_CONTROLS = {"\n", "\t"}
# Cc control, Cf format (zero-width, bidi), Cs lone surrogates (cannot be stored), Co private use.
REMOVED_CATEGORIES = {"Cc", "Cf", "Cs", "Co"}
LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")


def clean_text(text: str) -> str:
    """``text`` NFKC-normalised, line breaks as ``\\n``, escape sequences and invisible characters removed."""
    text = LINE_BREAKS.sub("\n", unicodedata.normalize("NFKC", text))
    text = ANSI_ESCAPE.sub("", text)
    return "".join(
        char for char in text if char in KEPT_CONTROLS or unicodedata.category(char) not in REMOVED_CATEGORIES
    )


def has_letters(text: str) -> bool:
    """True when ``text`` has at least one letter (of any script)."""
    return any(char.isalpha() for char in text)
