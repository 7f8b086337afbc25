"""What a typed query and a catalogue text are reduced to before they are compared.

Both sides go through `fold`: full-width forms become ordinary ones (NFKC), letters lower
case, tone marks dropped (ǎ → a, ü → v as pinyin keyboards write it), and everything that is
not a Chinese character, a letter or a digit (spaces, punctuation, emoji) removed. Every
character left stands for exactly one token of the pinyin index, so offsets line up.
"""

from __future__ import annotations

import re
import unicodedata

from kiosk.text import neutralise

MAX_QUERY = 50        # characters kept of a cleaned query: nobody types more into a kiosk
_MAX_RAW = 400        # characters of raw input looked at at all (a pasted novel stays cheap)

_TONED = {}
for _plain, _marked in {"a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù",
                        "v": "ǖǘǚǜü", "n": "ńňǹ", "m": "ḿ"}.items():
    for _char in _marked:
        _TONED[_char] = _plain


def is_hanzi(char: str) -> bool:
    """A Chinese character (unified ideographs and their extensions)."""
    code = ord(char)
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x3134F
            or 0xF900 <= code <= 0xFAFF)


def fold(text: str) -> str:
    """`text` as the index compares it: see the module docstring."""
    text = unicodedata.normalize("NFKC", text).lower()
    kept = []
    for char in text:
        if char.isascii():
            if char.isalnum():
                kept.append(char)
        elif is_hanzi(char):
            kept.append(char)
        elif char in _TONED:
            kept.append(_TONED[char])
    return "".join(kept)


def clean_query(raw: object) -> str:
    """A visitor's query made safe and comparable; '' when nothing searchable is left."""
    if not isinstance(raw, str) or not raw:
        return ""
    return fold(neutralise(raw[:_MAX_RAW]))[:MAX_QUERY]


def english_words(raw: object) -> list[str]:
    """The words of an English query (\"ID card\" → [\"id\", \"card\"]), at most eight."""
    if not isinstance(raw, str) or not raw:
        return []
    text = unicodedata.normalize("NFKC", neutralise(raw[:_MAX_RAW])).lower()
    return re.findall(r"[a-z0-9]+", text)[:8]
