"""Pinyin typed with one slip: a letter wrong, missing, extra, or two letters swapped."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

MIN_LENGTH = 4      # shorter strings are one edit away from too much
INSIDE_LENGTH = 7   # from this length slips are also looked for inside texts, not only at starts
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_END = "\U0010ffff"
_MAX_PROBES = 4000  # bounds the work on a pathological query


def within_one_edit(a: str, b: str) -> bool:
    """True when `a` becomes `b` by at most one substitution, insertion, deletion or swap of
    neighbours (Damerau distance <= 1)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if la - lb > 1 or lb - la > 1:
        return False
    i = 0
    shortest = min(la, lb)
    while i < shortest and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1:] == b[i + 1:] or (
            i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:])
    if la > lb:
        return a[i + 1:] == b[i:]
    return a[i:] == b[i + 1:]


def slip_starts(letters: str, haystack: str, boundaries: bytearray,
                chunk: int = 4096) -> Iterator[tuple[int, int]]:
    """(offset, length) of the places in `haystack` (syllables written together, entries
    split by newlines) where a syllable starts and `letters`, with one slip, begins; roughly
    in haystack order."""
    n = len(letters)
    if n < MIN_LENGTH:
        return
    half = n // 2
    # With one slip, the first half, the second half, or (a swap across the middle) the part
    # after it still appears exactly: each occurrence fixes where the match must start.
    pieces = [(letters[:half], (0,)), (letters[half:], (-half, -half - 1, -half + 1))]
    if n - half - 1 >= 2:
        pieces.append((letters[half + 1:], (-half - 1,)))
    size = len(haystack)
    done: set[int] = set()
    probes = 0
    begin = 0
    while begin < size and probes < _MAX_PROBES:
        end = begin + chunk
        starts: set[int] = set()
        for piece, shifts in pieces:
            stop = end + len(piece) - 1
            i = haystack.find(piece, begin, stop)
            while i != -1:
                probes += 1
                for shift in shifts:
                    start = i + shift
                    if 0 < start < size and boundaries[start] and start not in done:
                        starts.add(start)
                i = haystack.find(piece, i + 1, stop)
        for start in sorted(starts):
            done.add(start)
            for length in (n, n - 1, n + 1):
                window = haystack[start:start + length]
                if (len(window) == length and "\n" not in window
                        and within_one_edit(letters, window)):
                    yield start, length
                    break
        begin = end


def _starts_within_one_edit(letters: str, line: str, same: int = 0) -> int:
    """How long the start of `line` that `letters` matches with at most one slip is (the
    whole line when it can be), or 0. The first `same` letters are known to agree."""
    n, size = len(letters), len(line)
    i, shortest = same, min(n, size)
    while i < shortest and letters[i] == line[i]:
        i += 1
    lengths = []
    if i == n:
        lengths.append(n)                                    # no slip: the start as typed
    if line[i + 1:n] == letters[i + 1:] and size >= n:
        lengths.append(n)                                    # a wrong letter
    if line[i:n - 1] == letters[i + 1:]:
        lengths.append(n - 1)                                # a letter too many
    if size > n and line[i + 1:n + 1] == letters[i:]:
        lengths.append(n + 1)                                # a letter missing
    if (i + 1 < n <= size and line[i] == letters[i + 1] and line[i + 1] == letters[i]
            and line[i + 2:n] == letters[i + 2:]):
        lengths.append(n)                                    # two letters swapped
    if not lengths:
        return 0
    return size if size in lengths else lengths[0]


def _early_slips(letters: str, before: int) -> set[str]:
    """`letters` with one slip at a position before `before` (a swap may reach it)."""
    variants = set()
    for i in range(before):
        head, tail = letters[:i], letters[i + 1:]
        variants.add(head + tail)                                   # a letter too many
        variants.update(head + c + tail for c in _LETTERS)          # a wrong letter
        variants.update(head + c + letters[i:] for c in _LETTERS)   # a letter missing
        if i + 1 < len(letters):
            variants.add(head + letters[i + 1] + letters[i] + letters[i + 2:])  # a swap
    variants.discard(letters)
    return variants


def slipped_starts(letters: str, ordered: list[str]) -> list[tuple[int, int]]:
    """(index in `ordered`, length matched) of the sorted lines that begin with `letters`
    give or take one slip. Cheap whatever the letters: a few hundred bisections."""
    n = len(letters)
    if n < MIN_LENGTH:
        return []
    half = 2 if n < 5 else 3  # longer: fewer lines to check, more spellings to look up
    found: dict[int, int] = {}
    # the slip is in the second half: the line starts with the first half as typed
    lo = bisect_left(ordered, letters[:half])
    hi = bisect_left(ordered, letters[:half] + _END, lo)
    for i in range(lo, hi):
        length = _starts_within_one_edit(letters, ordered[i], half)
        if length:
            found[i] = length
    # the slip is in the first half: the line starts with one of the corrected spellings
    for variant in _early_slips(letters, half):
        lo = bisect_left(ordered, variant)
        hi = bisect_left(ordered, variant + _END, lo)
        for i in range(lo, hi):
            found.setdefault(i, len(variant))
    return sorted(found.items())
