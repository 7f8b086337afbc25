"""Wrapping for button labels: Chinese may break between any two characters, Latin words
stay whole, no line starts with closing punctuation (，。？), and no line is wider than asked."""

from __future__ import annotations

import re

from rich.cells import cell_len

_WIDE = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_TOKENS = re.compile(rf"[{_WIDE}]|[^\s{_WIDE}]+|\s+")
_NO_LINE_START = set("，。、；：？！）》」』”’,.;:?!)")


def _cut(word: str, width: int) -> tuple[str, str]:
    cut = len(word)
    while cut > 1 and cell_len(word[:cut]) > width:
        cut -= 1
    return word[:cut], word[cut:]


def wrap_label(text: str, width: int, indent: int = 0) -> list[str]:
    """The label as lines of at most `width` cells; every line but the first is indented
    by `indent` cells, so wrapped text lines up after the choice's number."""
    lines: list[str] = []
    current = ""

    def room() -> int:
        return max(width - (indent if lines else 0), 2)

    def end_line() -> None:
        nonlocal current
        lines.append((" " * indent if lines else "") + current.rstrip())
        current = ""

    for number, source in enumerate(text.splitlines() or [""]):
        if number:
            end_line()
        for token in _TOKENS.findall(source):
            if token.isspace():
                current += token if current else ""
            elif cell_len(current + token) <= room():
                current += token
            else:
                current = current.rstrip()
                if token in _NO_LINE_START and len(current) > 1:
                    # Closing punctuation never starts a line: the character before it goes
                    # along (hanging it past the edge would cut it off in a button).
                    current, token = current[:-1], current[-1] + token
                if current.strip():
                    end_line()
                current = token
                while cell_len(current) > room():  # a word longer than a whole line
                    head, current = _cut(current, room())
                    lines.append((" " * indent if lines else "") + head)
    end_line()
    return lines
