"""The search index, computed once when the catalogue is built (pypinyin is needed only here).

Tables written into catalogue.db (rows sorted, so builds are reproducible):

- `search_services(service_id, rank, popularity)`: the order ties are broken in: by
  popularity (curated services above plain imported items, then the more life-event
  scenarios place a service the higher), then catalogue position. `rank` 0 is the first.
- `search_terms(term, service_id, kind, position, rank, text, folded, syllables, dialect,
  initials)`: every text a service is found by: its name, plain name, official item name,
  colloquial words, department (Chinese), and name_en/plain_en (English, no syllables).
  `term` numbers the rows in search order (service rank, kind, position). `folded` is the text
  as `normalise.fold` leaves it; `syllables` one space-separated token per character of
  `folded` (toneless pinyin for a Chinese character, the character itself otherwise);
  `dialect` the same tokens as `pinyin.fuzzy` hears them; `initials` the first letter of each.
- `search_chars(char, readings)`: every reading of every Chinese character of the catalogue
  and of GB2312, so that what a visitor types is converted without pypinyin.
"""

from __future__ import annotations

from collections.abc import Iterable

from kiosk.search.normalise import fold, is_hanzi
from kiosk.search.pinyin import fuzzy

TERM_KINDS = ("name", "plain", "item", "word", "department", "name_en", "plain_en")
TABLES = ("search_services", "search_terms", "search_chars")


def _gb2312_hanzi() -> list[str]:
    chars = []
    for high in range(0xB0, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.append(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def syllables_of(folded: str) -> list[str]:
    """One token per character of a folded text: pinyin read in context for Chinese runs
    (银行 yin hang, 行政 xing zheng), the character itself for letters and digits."""
    from pypinyin import Style, lazy_pinyin

    tokens: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if not run:
            return
        text = "".join(run)
        read = lazy_pinyin(text, style=Style.NORMAL, errors=lambda chars: list(chars))
        if len(read) != len(run):  # pypinyin grouped something: read character by character
            read = [lazy_pinyin(c, style=Style.NORMAL, errors=lambda x: list(x))[0] for c in run]
        tokens.extend(r if r.isascii() and r.isalpha() else c for r, c in zip(read, run))
        run.clear()

    for char in folded:
        if is_hanzi(char):
            run.append(char)
        else:
            flush()
            tokens.append(char)
    flush()
    return tokens


def readings_of(char: str) -> list[str]:
    """Every toneless reading of one character, the commonest first."""
    from pypinyin import Style, pinyin

    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors=lambda x: [])
    return list(dict.fromkeys(r for r in (found[0] if found else [])
                              if r.isascii() and r.isalpha()))


def popularity_rows(db) -> list[dict]:
    """Every service's popularity and rank. Curated services (described in full by staff)
    count 10, each life-event scenario placing a service 1 more (at most 9); ties keep the
    catalogue's order."""
    placed: dict[str, int] = {}
    for (service_id,) in db.execute("SELECT service_id FROM scenario_services"):
        placed[service_id] = placed.get(service_id, 0) + 1
    rows = list(db.execute("SELECT id, position, source FROM services"))
    scored = [(10 * (source == "curated") + min(placed.get(service_id, 0), 9), position,
               service_id) for service_id, position, source in rows]
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    return [{"service_id": sid, "rank": rank, "popularity": pop}
            for rank, (pop, _, sid) in enumerate(scored)]


def _texts(db) -> Iterable[tuple[str, str, int, str]]:
    for row in db.execute(
            "SELECT id, name_zh, plain_zh, item_name, department_zh, name_en, plain_en, source"
            " FROM services"):
        sid, name, plain, item, department, name_en, plain_en, source = row
        yield sid, "name", 0, name or ""
        if plain and plain != name:
            yield sid, "plain", 0, plain
        if item and item not in (name, plain):
            yield sid, "item", 0, item
        if department:
            yield sid, "department", 0, department
        if source == "curated":  # imported items carry Chinese names only
            if name_en and name_en != name:
                yield sid, "name_en", 0, name_en
            if plain_en and plain_en not in (plain, name_en):
                yield sid, "plain_en", 0, plain_en
    counts: dict[str, int] = {}
    for sid, word in db.execute("SELECT service_id, word FROM words ORDER BY service_id, word"):
        counts[sid] = counts.get(sid, 0) + 1
        yield sid, "word", counts[sid], word


def term_rows(db, ranks: dict[str, int]) -> list[dict]:
    rows = []
    for sid, kind, position, text in _texts(db):
        if sid not in ranks:
            continue
        if kind.endswith("_en"):
            folded = " ".join(text.lower().split())
            tokens: list[str] = []
        else:
            folded = fold(text)
            tokens = syllables_of(folded)
        if not folded:
            continue
        rows.append({"service_id": sid, "kind": kind, "position": position,
                     "rank": ranks[sid], "text": text, "folded": folded,
                     "syllables": " ".join(tokens), "dialect": " ".join(map(fuzzy, tokens)),
                     "initials": "".join(t[0] for t in tokens)})
    rows.sort(key=lambda r: (r["rank"], TERM_KINDS.index(r["kind"]), r["position"]))
    for term, row in enumerate(rows):
        row["term"] = term
    return rows


def _char_rows(terms: list[dict]) -> list[dict]:
    chars = set(_gb2312_hanzi())
    for term in terms:
        chars.update(c for c in term["folded"] if is_hanzi(c))
    rows = []
    for char in sorted(chars):
        readings = readings_of(char)
        if readings:
            rows.append({"char": char, "readings": " ".join(readings)})
    return rows


def build_index(db) -> dict[str, int]:
    """(Re)write the search tables of the catalogue being built; `db` is a
    sqlite_utils.Database. Returns how many rows each table got."""
    for table in TABLES:
        db[table].drop(ignore=True)
    services = popularity_rows(db)
    terms = term_rows(db, {r["service_id"]: r["rank"] for r in services})
    chars = _char_rows(terms)
    db["search_services"].create({"service_id": str, "rank": int, "popularity": int},
                                  pk="service_id")
    db["search_terms"].create({"term": int, "service_id": str, "kind": str, "position": int,
                               "rank": int, "text": str, "folded": str, "syllables": str,
                               "dialect": str, "initials": str}, pk="term")
    db["search_chars"].create({"char": str, "readings": str}, pk="char")
    db["search_services"].insert_all(sorted(services, key=lambda r: r["service_id"]))
    db["search_terms"].insert_all(terms)
    db["search_chars"].insert_all(chars)
    return {"search_services": len(services), "search_terms": len(terms),
            "search_chars": len(chars)}
