"""How much search costs: per keystroke, compared with a plain substring scan of the service
names, on the real catalogue and on a generated 5,000-item one; and at start-up.

    python -m kiosk.search.bench [catalogue.db]

Nothing here is a test: timings depend on the machine. `measure` returns numbers;
`report` makes them readable.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kiosk.catalogue import Catalogue

# What visitors type, as they type it: an input method commits Chinese a word at a time,
# pinyin and initials arrive letter by letter.
TYPED = {
    "老年卡": ["老年", "老年卡"],
    "身份证丢了": ["身份", "身份证", "身份证丢了"],
    "我要交水费": ["我要", "我要交", "我要交水费"],
    "养老保显 (homophone)": ["养老", "养老保显"],
}
LETTERS = ["yanglaobaoxian", "ylbx", "shebaoka", "hukou", "tuixiujin",
           "yanglaobaoxain"]  # the last one has a typo
REPEAT = 15
GENERATED_ITEMS = 5000


def keystrokes() -> dict[str, list[str]]:
    """Every query the benchmark types, with the prefixes seen on the way."""
    typed = dict(TYPED)
    for word in LETTERS:
        typed[word] = [word[:i] for i in range(1, len(word) + 1)]
    typed["yl保险 (mixed)"] = ["y", "yl", "yl保险"]
    return typed


def _time(call, argument) -> float:
    """Median seconds of `call(argument)` over REPEAT runs."""
    from kiosk.search.pinyin import segmentations

    runs = []
    for _ in range(REPEAT):
        segmentations.cache_clear()  # every keystroke is a new string in real typing
        start = time.perf_counter()
        call(argument)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def per_keystroke(catalogue: Catalogue) -> dict:
    """Search against a substring scan of the names, summed over every prefix typed."""
    from kiosk.search import Searcher

    started = time.perf_counter()
    searcher = Searcher(catalogue)
    built = time.perf_counter() - started
    names = [row[0] for row in catalogue.connection.execute("SELECT name_zh FROM services")]

    def scan(text: str) -> list[str]:
        return [name for name in names if text in name][:10]

    queries = {}
    total_search = total_scan = 0.0
    strokes = 0
    for label, prefixes in keystrokes().items():
        for prefix in prefixes:  # warm caches the kiosk keeps warm too (services shown)
            searcher.search(prefix)
        searched = sum(_time(searcher.search, p) for p in prefixes)
        scanned = sum(_time(scan, p) for p in prefixes)
        worst = max(_time(searcher.search, p) for p in prefixes)
        queries[label] = {"keystrokes": len(prefixes),
                          "search_us": round(1e6 * searched / len(prefixes), 1),
                          "scan_us": round(1e6 * scanned / len(prefixes), 1),
                          "ratio": round(searched / scanned, 2),
                          "worst_keystroke_us": round(1e6 * worst, 1)}
        total_search += searched
        total_scan += scanned
        strokes += len(prefixes)
    return {"services": len(names), "searcher_init_ms": round(1000 * built, 1),
            "search_us_per_keystroke": round(1e6 * total_search / strokes, 1),
            "scan_us_per_keystroke": round(1e6 * total_scan / strokes, 1),
            "ratio": round(total_search / total_scan, 2), "queries": queries}


def generated_catalogue(catalogue: Catalogue, folder: Path, count: int = GENERATED_ITEMS) -> Path:
    """A copy of `catalogue` whose imported items are replaced by `count` made-up ones,
    recombined from the real item names and departments (the same seed every time)."""
    import sqlite_utils

    from kiosk.catalogue.build import import_items
    from kiosk.search.index import build_index

    rows = list(catalogue.connection.execute(
        "SELECT name_zh, department_zh FROM services WHERE source = 'items'"))
    rows = [tuple(r) for r in rows] or [("户口登记", "区公安分局")]
    path = folder / "generated.db"
    shutil.copy(catalogue.path, path)
    rng = random.Random(5000)
    lines = ["department,main_item,name,itemCode,taskType,areaCode,link"]
    for i in range(count):
        (a, department), (b, _) = rng.choice(rows), rng.choice(rows)
        name = a[: max(2, len(a) // 2)] + b[len(b) // 2:]
        lines.append(f"{department},未分类,{name.replace(',', '')}{i % 7 or ''},GEN{i:05d},1,0,")
    items = folder / "generated.csv"
    items.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = sqlite_utils.Database(path)
    db.execute("DELETE FROM services WHERE source = 'items'")
    import_items(db, items)
    build_index(db)
    db.conn.commit()
    db.close()
    return path


def _run_startup(script: str, env: dict[str, str]) -> tuple[float, float, bool]:
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[2], env=env)
    imported, built, pypinyin = out.stdout.split()
    return float(imported), float(built), pypinyin == "True"


def startup_cost(catalogue_path: Path, samples: int = 5) -> dict:
    """What search adds to start-up, measured in fresh interpreters: importing the package
    after the catalogue module, and building a Searcher; and whether pypinyin got loaded.
    Measured with compiled bytecode cached, as on an installed kiosk, and without."""
    script = (
        "import sys, time\n"
        "import kiosk.catalogue\n"
        "t = time.perf_counter()\n"
        "import kiosk.search\n"
        "imported = time.perf_counter() - t\n"
        f"catalogue = kiosk.catalogue.Catalogue({str(catalogue_path)!r})\n"
        "t = time.perf_counter()\n"
        "searcher = kiosk.search.Searcher(catalogue)\n"
        "built = time.perf_counter() - t\n"
        "searcher.search('老年卡'); searcher.search('ylbx'); searcher.search('养老保显')\n"
        "print(imported, built, 'pypinyin' in sys.modules)\n"
    )
    result = {}
    with tempfile.TemporaryDirectory() as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        _run_startup(script, env)  # compiles and caches the bytecode
        cached = [_run_startup(script, env) for _ in range(samples)]
        uncached_env = dict(env, PYTHONDONTWRITEBYTECODE="1",
                            PYTHONPYCACHEPREFIX=str(Path(cache) / "none"))
        uncached = [_run_startup(script, uncached_env) for _ in range(samples)]
    result["import_ms"] = round(1000 * statistics.median(s[0] for s in cached), 1)
    result["import_ms_without_bytecode_cache"] = round(
        1000 * statistics.median(s[0] for s in uncached), 1)
    result["searcher_init_ms"] = round(1000 * statistics.median(s[1] for s in cached), 1)
    result["pypinyin_imported"] = any(s[2] for s in cached + uncached)
    return result


def measure(catalogue: Catalogue) -> dict:
    """Per-keystroke cost against a substring scan, on `catalogue` and on a generated
    5,000-item copy of it, and the start-up cost of search."""
    result = {"real": per_keystroke(catalogue)}
    with tempfile.TemporaryDirectory() as folder:
        generated = Catalogue(generated_catalogue(catalogue, Path(folder)))
        result["generated"] = per_keystroke(generated)
        generated.connection.close()
    result["startup"] = startup_cost(catalogue.path)
    return result


def report(result: dict) -> str:
    """`measure`'s numbers as a few lines of text."""
    lines = []
    for key in ("real", "generated"):
        r = result[key]
        lines.append(f"{key} catalogue, {r['services']} services: search "
                     f"{r['search_us_per_keystroke']} us per keystroke, substring scan "
                     f"{r['scan_us_per_keystroke']} us: ratio {r['ratio']} "
                     f"(Searcher built in {r['searcher_init_ms']} ms)")
        for label, q in r["queries"].items():
            lines.append(f"    {label:24} {q['keystrokes']:3} keys  {q['search_us']:8} us  "
                         f"scan {q['scan_us']:7} us  ratio {q['ratio']:6}  "
                         f"worst key {q['worst_keystroke_us']} us")
    s = result["startup"]
    lines.append(f"start-up: import kiosk.search {s['import_ms']} ms "
                 f"({s['import_ms_without_bytecode_cache']} ms compiling from source), "
                 f"Searcher() {s['searcher_init_ms']} ms, "
                 f"pypinyin imported: {s['pypinyin_imported']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from kiosk.config import DEFAULT_CATALOGUE

    args = sys.argv[1:] if argv is None else argv
    print(report(measure(Catalogue(args[0] if args else DEFAULT_CATALOGUE))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
