"""Find services from what a visitor types, cheaply enough to run on every keystroke.

Every Chinese text a service is found by (name, plain name, official item name, colloquial
words) is one line in four aligned representations, character for character: the folded
text (老年卡), its syllables as one code each (lao·nian·ka), their initials (lnk), and the
syllables as Sichuan speakers hear them (lao·lian·ka). Lines are kept twice: joined in
popularity order for substring scans with `str.find` (C speed, stopping as soon as `limit`
services are found), and sorted for exact and prefix look-ups with `bisect`.

A query becomes a few readings (token sequences, see `pinyin.Token`), each looked up as a
literal string, with a cheap check of the positions a literal cannot pin down. Ranking:
exact name > colloquial word > prefix > substring > same sound (homophones, full pinyin) >
department > a known word inside a sentence > initials > dialect sound > English > typo;
within a kind, whole text > start > middle; then popularity; then catalogue position.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate, product

from kiosk.catalogue import Catalogue, Service
from kiosk.search.normalise import clean_query, english_words, is_hanzi
from kiosk.search.pinyin import CODES, Token, codes_starting, encode, fuzzy, segmentations
from kiosk.search.typo import INSIDE_LENGTH as TYPO_INSIDE_LENGTH
from kiosk.search.typo import MIN_LENGTH as TYPO_MIN_LENGTH
from kiosk.search.typo import slip_starts, slipped_starts

# Score of each kind of match; popularity adds less than 1 within a kind.
EXACT_NAME, EXACT_WORD, PREFIX, SUBSTRING = 100, 95, 90, 80
SOUND_WHOLE, SOUND_START, SOUND_ANY = 74, 72, 70
DEPARTMENT, CONTAINS = 64, 56   # CONTAINS adds up to 4 for longer words
INITIALS_WHOLE, INITIALS_START, INITIALS_ANY = 54, 52, 50
DIALECT_WHOLE, DIALECT_START, DIALECT_ANY = 46, 44, 42
ENGLISH, TYPO_WHOLE, TYPO_START, TYPO_ANY = 38, 34, 32, 30

REASONS = {
    EXACT_NAME: "name", EXACT_WORD: "word", PREFIX: "prefix", SUBSTRING: "substring",
    SOUND_WHOLE: "sound", SOUND_START: "sound", SOUND_ANY: "sound", DEPARTMENT: "department",
    CONTAINS: "contains", INITIALS_WHOLE: "initials", INITIALS_START: "initials",
    INITIALS_ANY: "initials", DIALECT_WHOLE: "dialect", DIALECT_START: "dialect",
    DIALECT_ANY: "dialect", ENGLISH: "english", TYPO_WHOLE: "typo", TYPO_START: "typo",
    TYPO_ANY: "typo",
}
_CHINESE_KINDS = ("name", "plain", "item", "word")
_MAX_LITERALS = 8      # literal strings tried per reading
_RANGE_SCAN = 160      # above this many lines sharing a prefix, scan instead of listing them
_END = "\U0010ffff"    # sorts after every character: the end of a prefix range


@dataclass(frozen=True)
class Hit:
    """One service found. `matched` is the text it was found by (its name, a colloquial word,
    its department ...), `reason` what kind of match it was (a value of REASONS)."""

    service: Service
    score: float
    matched: str
    reason: str = ""


class _Lines:
    """One representation of a set of terms: joined, each line led by a newline, for scans;
    and sorted, for exact and prefix look-ups."""

    __slots__ = ("next_line", "order", "sorted", "starts", "terms", "text")

    def __init__(self, lines: list[str], terms: list[int], next_line: list[int]) -> None:
        self.text = "\n" + "\n".join(lines) + "\n"
        # offset of each line's leading newline, and one past the end
        self.starts = list(accumulate(map((1).__add__, map(len, lines)), initial=0))
        self.terms = terms
        self.next_line = next_line   # the next line of another service
        self.order = sorted(range(len(lines)), key=lines.__getitem__)  # stable: by rank
        self.sorted = [lines[k] for k in self.order]


def _next_lines(ranks: list[int]) -> list[int]:
    following = [len(ranks)] * len(ranks)
    for k in range(len(ranks) - 2, -1, -1):
        following[k] = k + 1 if ranks[k + 1] != ranks[k] else following[k + 1]
    return following


class _Run:
    """The hits of one search so far."""

    __slots__ = ("best", "hits", "limit", "seen", "size")

    def __init__(self, limit: int, size: int) -> None:
        self.limit = limit
        self.size = size
        self.seen: set[int] = set()     # ranks of the services in `hits`
        self.hits: list[tuple[float, float, int, int]] = []   # score, base, rank, term
        self.best = 0.0

    @property
    def full(self) -> bool:
        return len(self.hits) >= self.limit

    @property
    def room(self) -> int:
        return self.limit - len(self.hits)

    def take(self, chosen: list[tuple[float, int, int, int]]) -> None:
        """Add (base, rank, term, offset) candidates in the order given, while there is room;
        scores are kept decreasing along that order."""
        ceiling = None
        for base, rank, term, _ in chosen:
            if len(self.hits) >= self.limit:
                return
            if rank in self.seen:
                continue
            self.add(base, rank, term)
            score = self.hits[-1][0]
            if ceiling is not None and score >= ceiling:
                score = ceiling - 0.0001
                self.hits[-1] = (score, *self.hits[-1][1:])
            ceiling = score

    def add(self, base: float, rank: int, term: int, bonus: float = 0.0) -> None:
        if len(self.hits) >= self.limit or rank in self.seen:
            return
        self.seen.add(rank)
        self.best = max(self.best, base)
        # popularity orders services within a kind of match: less than 1 point
        score = base + bonus + 0.99 * (1 - rank / self.size)
        self.hits.append((score, base, rank, term))


class Searcher:
    """Search one catalogue. Building it reads the index written with the catalogue
    (milliseconds, no pypinyin); `search` is meant to run on every keystroke."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue
        self._cache: dict[int, Service] = {}
        self._chars: dict[str, tuple[str, ...]] = {}
        cursor = catalogue.connection.cursor()
        cursor.row_factory = None
        tables = {r[0] for r in cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        self._indexed = {"search_services", "search_terms", "search_chars"} <= tables
        if self._indexed:
            self._ids = [r[0] for r in cursor.execute(
                "SELECT service_id FROM search_services ORDER BY rank")]
            rows = cursor.execute("SELECT rank, kind, text, folded, syllables"
                                  " FROM search_terms ORDER BY term").fetchall()
        else:  # a catalogue built before search existed: index it now (slow, needs pypinyin)
            from kiosk.search import index

            ranked = index.popularity_rows(cursor)
            self._ids = [r["service_id"] for r in ranked]
            rows = [(r["rank"], r["kind"], r["text"], r["folded"], r["syllables"])
                    for r in index.term_rows(cursor, {r["service_id"]: r["rank"] for r in ranked})]
        self._size = max(len(self._ids), 1)
        self._rank = [r[0] for r in rows]
        self._kind = [r[1] for r in rows]
        self._text = [r[2] for r in rows]
        self._syllables = [r[4] for r in rows]
        self._build(rows)

    def _build(self, rows: list[tuple]) -> None:
        def lines(kinds: tuple[str, ...], shape: Callable[[tuple], str]) -> _Lines:
            chosen = [k for k, row in enumerate(rows) if row[1] in kinds]
            return _Lines([shape(rows[k]) for k in chosen], chosen,
                          _next_lines([rows[k][0] for k in chosen]))

        chinese = [k for k, row in enumerate(rows) if row[1] in _CHINESE_KINDS]
        following = _next_lines([rows[k][0] for k in chinese])
        tokens = [rows[k][4].split() for k in chinese]
        vocabulary = set(" ".join(rows[k][4] for k in chinese).split())
        # one character per token, whatever the token (see pinyin.encode)
        coded = {t: encode(t) for t in vocabulary}
        initial = {t: t[0] for t in vocabulary}

        def aligned(table: dict[str, str]) -> _Lines:
            return _Lines(["".join(map(table.__getitem__, line)) for line in tokens],
                          chinese, following)

        self._texts = _Lines([rows[k][3] for k in chinese], chinese, following)
        self._sounds = aligned(coded)
        self._initials = aligned(initial)
        self._make_dialect = lambda: aligned({t: encode(fuzzy(t)) for t in vocabulary})
        self._dialect_lines: _Lines | None = None       # built at the first dialect search
        self._letters: _Lines | None = None   # syllables written together, for typos
        self._boundaries = bytearray()
        self._departments = lines(("department",), lambda row: row[3])
        self._english = lines(("name_en", "plain_en"), lambda row: f" {row[3]} ")
        self._phrases: dict[str, list[int]] = {}
        for k in chinese:
            if self._kind[k] in ("word", "plain") and len(rows[k][3]) >= 2:
                self._phrases.setdefault(rows[k][3], []).append(k)

    # -- search ------------------------------------------------------------------------

    def search(self, query: str, limit: int = 10) -> list[Hit]:
        """The services best matching `query`, best first; [] for an empty query."""
        q = clean_query(query)
        if not q or limit <= 0:
            return []
        run = _Run(limit, self._size)
        kinds = self._kind
        self._find(run, self._texts, [q], None, 0,
                   lambda k: EXACT_WORD if kinds[k] == "word" else EXACT_NAME,
                   PREFIX, SUBSTRING)
        single_char = len(q) == 1 and is_hanzi(q)
        sound: list[tuple[Token, ...]] = []
        initials: list[tuple[Token, ...]] = []
        if not run.full:
            for tokens in self._readings(q):
                bare = any(t.kind == "pre" for t in tokens[:-1])
                (initials if bare else sound).append(tokens)
        if not single_char:
            for tokens in sound:
                self._find_tokens(run, tokens, False, SOUND_WHOLE, SOUND_START, SOUND_ANY)
        if not q.isascii():  # departments have Chinese names
            self._find(run, self._departments, [q], None, 0, DEPARTMENT, DEPARTMENT, DEPARTMENT)
        if not run.full and len(q) >= 3 and not q.isascii():
            self._search_phrases(q, run)
        for tokens in initials:
            self._find_tokens(run, tokens, False, INITIALS_WHOLE, INITIALS_START, INITIALS_ANY)
        strong = run.best >= SOUND_ANY
        if not strong and not single_char:
            for tokens in sound:
                self._find_tokens(run, tokens, True, DIALECT_WHOLE, DIALECT_START, DIALECT_ANY)
        if q.isascii() and not strong:
            self._search_english(query, run)
        if not run.full and not strong:
            self._search_typos(q, run)
        run.hits.sort(key=lambda h: (-h[0], h[2]))
        return [Hit(self._service(rank), round(score, 4), self._text[k], REASONS[base])
                for score, base, rank, k in run.hits]

    def _service(self, rank: int) -> Service:
        service = self._cache.get(rank)
        if service is None:
            service = self._cache[rank] = self._catalogue.service(self._ids[rank])
        return service

    def _find(self, run: _Run, lines: _Lines, literals: list[str],
              verify: Callable[[int], bool] | None, extra: int,
              whole: float | Callable[[int], float], start: float, anywhere: float,
              reading: Callable[[int], str] | None = None) -> None:
        """Add the services with a line equal to (`whole`), starting with (`start`) or
        containing (`anywhere`) a literal; the literal may be followed by `extra` more
        characters that `verify`, given the offset of the match in `lines.text`, accepts.

        With `reading` (offset -> what the match reads as), the best service of each of the
        first few readings comes first: ylbx shows 医疗保险 near 养老保险."""
        if run.full:
            return
        budget = run.room * (3 if reading else 1)
        ranks, terms, starts = self._rank, lines.terms, lines.starts
        found: dict[int, tuple[float, int, int]] = {}   # rank -> (base, term, offset)
        crowded = []
        for literal in literals:
            lo = bisect_left(lines.sorted, literal)
            hi = bisect_left(lines.sorted, literal + _END, lo)
            if hi - lo > _RANGE_SCAN:
                crowded.append("\n" + literal)
                continue
            for i in range(lo, hi):
                line = lines.order[i]
                term = terms[line]
                rank = ranks[term]
                offset = starts[line] + 1
                if rank in run.seen or (verify is not None and not verify(offset)):
                    continue
                if len(lines.sorted[i]) == len(literal) + extra:
                    base = whole(term) if callable(whole) else whole
                else:
                    base = start
                if rank not in found or found[rank][0] < base:
                    found[rank] = (base, term, offset)
        chosen = sorted(((base, rank, term, offset) for rank, (base, term, offset)
                         in found.items()), key=lambda c: (-c[0], c[1]))
        for base, literals_now in ((start, crowded), (anywhere, literals)):
            if literals_now and len(chosen) < budget:
                chosen += [(base, rank, term, offset) for rank, term, offset in self._scan(
                    run, lines, literals_now, verify, budget - len(chosen), found)]
        if reading is not None:
            chosen = _diverse(chosen, reading)
        run.take(chosen)

    def _scan(self, run: _Run, lines: _Lines, literals: list[str],
              verify: Callable[[int], bool] | None, budget: int,
              taken: dict[int, tuple]) -> list[tuple[int, int, int]]:
        """Up to `budget` services, not yet found or `taken`, whose lines contain a literal,
        the most popular first: (rank, term, offset of the match)."""
        found: list[tuple[int, int, int]] = []
        claimed: set[int] = set(taken)
        starts, terms, following, ranks, seen = (
            lines.starts, lines.terms, lines.next_line, self._rank, run.seen)
        find = lines.text.find
        for literal in literals:
            lead = 1 if literal[0] == "\n" else 0
            count = 0
            i = find(literal)
            while i != -1:
                line = bisect_right(starts, i) - 1
                rank = ranks[terms[line]]
                if rank in seen or rank in claimed:
                    i = find(literal, starts[following[line]])
                    continue
                if verify is not None and not verify(i + lead):
                    i = find(literal, i + 1)
                    continue
                found.append((rank, terms[line], i + lead))
                claimed.add(rank)
                count += 1
                if count >= budget:
                    break
                i = find(literal, starts[following[line]])
        found.sort()
        for rank, _, _ in found[:budget]:
            taken[rank] = ()
        return found[:budget]

    def _find_tokens(self, run: _Run, tokens: tuple[Token, ...], dialect: bool,
                     whole: float, start: float, anywhere: float) -> None:
        """Look a reading up by its syllable codes, or, when those are too many (initials,
        a syllable still being typed at the start), by its initials, checking the codes."""
        if run.full:
            return
        if dialect:
            if self._dialect_lines is None:
                self._dialect_lines = self._make_dialect()
            sounds = self._dialect_lines
        else:
            sounds = self._sounds
        sets = [self._codes(t, dialect) for t in tokens]
        body, extra = (sets[:-1], 1) if tokens[-1].kind == "pre" else (sets, 0)
        if extra and _count(sets) <= 3:  # a rare syllable start (lve): look its codes up
            body, extra = sets, 0
        coded = sounds.text
        if body and _count(body) <= _MAX_LITERALS:
            literals = ["".join(p) for p in product(*body)]
            verify = None
            if extra:
                last, offset = sets[-1], len(body)

                def verify(at: int) -> bool:
                    return coded[at + offset] in last
            self._find(run, sounds, literals, verify, extra, whole, start, anywhere)
            return
        if dialect:
            return  # dialect sounds only refine readings with whole syllables
        letters = [sorted({s[0] for s in t.sounds}) if t.kind == "char" else [t.text[0]]
                   for t in tokens]
        if _count(letters) > _MAX_LITERALS:
            return
        literals = ["".join(p) for p in product(*letters)]
        checks = [(j, sets[j]) for j, t in enumerate(tokens)
                  if not (t.kind == "pre" and len(t.text) == 1)]
        verify = None
        if checks:
            def verify(at: int) -> bool:
                return all(coded[at + j] in allowed for j, allowed in checks)
        size = len(tokens)
        reading = None
        # three or more bare initials: a few words share them (ylbx: 养老保险, 医疗保险)
        if size >= 3 and any(t.kind == "pre" for t in tokens[:-1]):
            def reading(at: int) -> str:
                return coded[at:at + size]
        self._find(run, self._initials, literals, verify, 0, whole, start, anywhere, reading)

    def _codes(self, token: Token, dialect: bool) -> frozenset[str]:
        shape = fuzzy if dialect else str
        if token.kind == "pre":
            return codes_starting(token.text, dialect)
        if token.kind == "syl":
            return frozenset((encode(shape(token.text)),))
        if token.kind == "char":
            return frozenset(encode(shape(s)) if s in CODES else s for s in token.sounds)
        return frozenset((token.text,))

    def _search_phrases(self, q: str, run: _Run) -> None:
        """Known words inside a longer query (我的身份证丢了 holds 身份证丢了), longest first."""
        for length in range(min(len(q) - 1, 12), 1, -1):
            for i in range(len(q) - length + 1):
                for k in self._phrases.get(q[i:i + length], ()):
                    run.add(CONTAINS, self._rank[k], k, min(length, 8) / 2)
            if run.full:
                return

    def _search_english(self, query: str, run: _Run) -> None:
        """English names, every word of the query starting a word of the name."""
        words = [" " + w for w in english_words(query)]
        if run.full or sum(map(len, words)) < 4 + len(words):  # under 3 letters: too vague
            return
        lines = self._english
        text, starts = lines.text, lines.starts
        words.sort(key=len, reverse=True)

        def verify(at: int) -> bool:
            line = bisect_right(starts, at) - 1
            whole = text[starts[line]:starts[line + 1]]
            return all(w in whole for w in words[1:])
        self._find(run, lines, [words[0]], verify, 0, ENGLISH, ENGLISH, ENGLISH)

    def _search_typos(self, q: str, run: _Run) -> None:
        """Pinyin with one slip: whole texts first, then texts starting so, then (for longer
        queries) texts with it inside; popularity within each."""
        if not any("a" <= c <= "z" for c in q):
            return  # Chinese typed with the wrong character is a homophone, handled above
        letters = "".join(self._char_readings(c)[0] if is_hanzi(c) else c for c in q)
        if len(letters) < TYPO_MIN_LENGTH:
            return
        if self._letters is None:
            self._letters = self._join_letters()
        lines = self._letters
        found: dict[int, tuple[int, int]] = {}   # rank -> (base, term)
        for i, length in slipped_starts(letters, lines.sorted):
            line = lines.order[i]
            k = lines.terms[line]
            rank = self._rank[k]
            base = TYPO_WHOLE if length == len(lines.sorted[i]) else TYPO_START
            if rank not in run.seen and (rank not in found or found[rank][0] < base):
                found[rank] = (base, k)
        if len(letters) >= TYPO_INSIDE_LENGTH and len(found) < run.room:
            for offset, _ in slip_starts(letters, lines.text, self._boundaries):
                line = bisect_right(lines.starts, offset) - 1
                k = lines.terms[line]
                rank = self._rank[k]
                if rank not in run.seen and rank not in found:
                    found[rank] = (TYPO_ANY, k)
                    if len(found) >= run.room:
                        break
        run.take(sorted(((base, rank, k, 0) for rank, (base, k) in found.items()),
                        key=lambda c: (-c[0], c[1])))

    def _join_letters(self) -> _Lines:
        """The Chinese terms' syllables written together (yanglaobaoxian), one line each;
        and which offsets start a syllable."""
        terms = self._texts.terms
        lines = _Lines(["".join(self._syllables[k].split()) for k in terms], terms,
                       self._texts.next_line)
        self._boundaries = bytearray(len(lines.text) + 1)
        for k, begin in zip(terms, lines.starts):
            offset = begin + 1
            for token in self._syllables[k].split():
                self._boundaries[offset] = 1
                offset += len(token)
        return lines

    # -- query readings ----------------------------------------------------------------

    def _char_readings(self, char: str) -> tuple[str, ...]:
        """Every reading of a Chinese character, from the index (GB2312 and every character
        of the catalogue); a rarer character stands for itself. pypinyin only for a catalogue
        built without the index."""
        readings = self._chars.get(char)
        if readings is None:
            row = None
            if self._indexed:
                row = self._catalogue.connection.execute(
                    "SELECT readings FROM search_chars WHERE char = ?", (char,)).fetchone()
            if row is not None:
                readings = tuple(row[0].split())
            elif self._indexed:  # rarer than GB2312 and not in the catalogue: as itself
                readings = (char,)
            else:
                from kiosk.search.index import readings_of

                readings = tuple(readings_of(char)) or (char,)
            self._chars[char] = readings
        return readings

    def _readings(self, q: str) -> list[tuple[Token, ...]]:
        """The ways `q` can be read as a sequence of tokens (see pinyin.Token)."""
        units: list[list[tuple[Token, ...]]] = []
        i = 0
        while i < len(q):
            char = q[i]
            if is_hanzi(char):
                units.append([(Token("char", char, self._char_readings(char)),)])
                i += 1
            elif "a" <= char <= "z":
                j = i
                while j < len(q) and "a" <= q[j] <= "z":
                    j += 1
                run = q[i:j]
                ways = segmentations(run, j == len(q))
                units.append(list(ways) or [tuple(Token("lit", c) for c in run)])
                i = j
            else:
                units.append([(Token("lit", char),)])
                i += 1
        return [tuple(t for part in combo for t in part) for combo in _limited_product(units)]


def _diverse(chosen: list[tuple[float, int, int, int]], reading: Callable[[int], str],
             readings: int = 3) -> list[tuple[float, int, int, int]]:
    """The first candidate of each of the first `readings` different readings, then the
    rest in their order."""
    first: list[tuple[float, int, int, int]] = []
    keys: set[str] = set()
    for candidate in chosen:
        key = reading(candidate[3])
        if key not in keys:
            keys.add(key)
            first.append(candidate)
            if len(keys) >= readings:
                break
    return first + [c for c in chosen if c not in first]


def _count(choices: list) -> int:
    total = 1
    for c in choices:
        total *= len(c)
    return total


def _limited_product(choices: list[list], cap: int = _MAX_LITERALS) -> list[tuple]:
    """Every combination when there are few; else the first choice everywhere, then each
    alternative on its own: never more than `cap` however ambiguous a query is."""
    if _count(choices) <= cap:
        return list(product(*choices))
    first = tuple(c[0] for c in choices)
    combos = [first]
    for i, options in enumerate(choices):
        for option in options[1:]:
            combos.append(first[:i] + (option,) + first[i + 1:])
            if len(combos) >= cap:
                return combos
    return combos
