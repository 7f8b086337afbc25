"""Bilingual texts and the cleaning of anything typed or pasted before it is kept or shown."""

from __future__ import annotations

import re
import unicodedata
from typing import Mapping

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"

Bilingual = Mapping[str, str]

# ESC-introduced sequences (CSI, OSC, DCS, single-character escapes) as terminals read them.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|[@-Z\\-_])"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)


def pick(text: Bilingual | str | None, lang: str) -> str:
    """The text in `lang`, falling back to Chinese, which every text has."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    return text.get(lang) or text.get(DEFAULT_LANGUAGE) or next(iter(text.values()), "")


def neutralise(raw: str) -> str:
    """What a visitor typed or pasted, made safe to keep and to draw on a terminal.

    Escape sequences are dropped whole, other control and format characters and lone
    surrogates are removed; everything printable (Chinese, emoji, accents) stays.
    """
    text = _ESCAPE_SEQUENCE.sub("", raw)
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if category in ("Cc", "Cs", "Co", "Cn"):
            continue
        if category == "Cf" and char not in ("\u200d",):  # keep the joiner inside emoji
            continue
        kept.append(char)
    return "".join(kept)


def half_width(text: str) -> str:
    """Full-width digits, letters and punctuation as their ordinary forms (１２３ → 123)."""
    return unicodedata.normalize("NFKC", text)


def mask_id_number(value: str) -> str:
    """An ID number as a bystander may see it: the first 3 and last 2 characters only."""
    if len(value) <= 5:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 5) + value[-2:]


def mask_phone(value: str) -> str:
    """A phone number with its middle four digits hidden."""
    if len(value) != 11:
        return "*" * len(value)
    return value[:3] + "****" + value[-4:]
