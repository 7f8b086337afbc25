"""`kiosk search QUERY`: what the kiosk would show for a query, for staff and scripts.

Wiring in kiosk/cli.py:

    from kiosk.search.cli import add_search_arguments, cmd_search
    search = sub.add_parser("search", parents=[common], help="find services as the kiosk does")
    add_search_arguments(search)
    search.set_defaults(func=cmd_search)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path


def add_search_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments `cmd_search` reads (besides --catalogue, from the common options)."""
    parser.add_argument("query", nargs="+", help="what a visitor would type, e.g. 老年卡 or ylbx")
    parser.add_argument("--limit", type=int, default=10, help="how many services (default 10)")
    parser.add_argument("--json", action="store_true", help="print JSON")


def _catalogue_path(args: argparse.Namespace) -> Path:
    from kiosk.config import DEFAULT_CATALOGUE

    return Path(getattr(args, "catalogue", None) or os.environ.get("KIOSK_CATALOGUE")
                or DEFAULT_CATALOGUE)


def cmd_search(args: argparse.Namespace) -> int:
    """Print the services found for args.query: JSON with --json, a table otherwise."""
    from kiosk.catalogue import Catalogue
    from kiosk.search import Searcher

    query = args.query if isinstance(args.query, str) else " ".join(args.query)
    try:
        catalogue = Catalogue(_catalogue_path(args))
    except FileNotFoundError as error:
        print(error, file=sys.stderr)
        return 1
    hits = Searcher(catalogue).search(query, limit=max(0, getattr(args, "limit", 10) or 0))
    rows = [{"id": h.service.id, "name": h.service.name["zh"], "plain": h.service.plain["zh"],
             "department": h.service.department["zh"], "score": h.score, "matched": h.matched,
             "reason": h.reason} for h in hits]
    if getattr(args, "json", False):
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not rows:
        print("nothing found", file=sys.stderr)
    else:
        for row in rows:
            print(f"{row['score']:8.3f}  {row['id']:34} {row['name']}  "
                  f"[{row['reason']}: {row['matched']}]")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kiosk search")
    parser.add_argument("--catalogue")
    add_search_arguments(parser)
    return cmd_search(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
