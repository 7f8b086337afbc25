"""How many taps from the welcome screen to a service page through life-event navigation.

Measured on the catalogue alone (no Textual), the way the kiosk's lists behave:

- the welcome screen: 1 tap on "by life event" (the first of its four ways in);
- the entry groups, the scenarios of a group and the services of a scenario are each a
  list: 1 tap to pick, plus the page turns needed to show the choice first. A list shows
  `page_size` choices a page (about 4 at 60x20 and 8 at 120x40); the Next and Previous
  buttons wrap around, so page p of P is min(p, P - p) turns away.

A service placed in several scenarios counts by its quickest path. Search is not counted:
this is the worst case for a visitor who does not type. The count is exact for the list
order and page size given; it assumes the visitor knows which group and scenario to pick.

    python -m kiosk.catalogue.taps [--catalogue catalogue.db] [--page-size 4 8]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass
from math import ceil

from kiosk.catalogue.store import Catalogue

WELCOME_TAPS = 1  # "by life event"


def list_taps(index: int, length: int, page_size: int) -> int:
    """Taps to pick the choice at `index` (from 0) of a list of `length`: page turns + 1."""
    pages = max(1, ceil(length / page_size))
    page = index // page_size
    return min(page, pages - page) + 1


@dataclass(frozen=True)
class Path:
    taps: int               # from the welcome screen, "by life event" included
    group_id: str
    scenario_id: str


def taps_to_service(catalogue: Catalogue, page_size: int,
                    group_id: str | None = None) -> dict[str, Path]:
    """For every placed service, its quickest path from the welcome screen (through
    `group_id` only, when given)."""
    if page_size < 1:
        raise ValueError("page_size must be at least 1")
    best: dict[str, Path] = {}
    groups = catalogue.groups()
    for g, group in enumerate(groups):
        if group_id is not None and group.id != group_id:
            continue
        to_group = WELCOME_TAPS + list_taps(g, len(groups), page_size)
        scenarios = catalogue.scenarios(group.id)
        for c, scenario in enumerate(scenarios):
            to_scenario = to_group + list_taps(c, len(scenarios), page_size)
            services = catalogue.services_in(scenario.id)
            for s, service in enumerate(services):
                taps = to_scenario + list_taps(s, len(services), page_size)
                if service.id not in best or taps < best[service.id].taps:
                    best[service.id] = Path(taps, group.id, scenario.id)
    return best


def distribution(paths: dict[str, Path]) -> dict[int, int]:
    """How many services need each number of taps after "by life event"."""
    return dict(sorted(Counter(p.taps - WELCOME_TAPS for p in paths.values()).items()))


def summary(catalogue: Catalogue, page_size: int, goal: int = 3) -> dict:
    """The distribution over all placed services (each by its quickest path) and within each
    entry group (each of the group's services by its quickest path inside the group), and
    how many are within `goal` taps after "by life event"."""
    out: dict = {"page_size": page_size, "goal_after_life_event": goal}
    groups = {"all": None, **{g.id: g.id for g in catalogue.groups()}}
    for name, group_id in groups.items():
        dist = distribution(taps_to_service(catalogue, page_size, group_id))
        total = sum(dist.values())
        within = sum(n for taps, n in dist.items() if taps <= goal)
        out[name] = {"distribution": {str(k): v for k, v in dist.items()},
                     "within_goal": within, "of": total,
                     "max": max(dist) if dist else 0,
                     "mean": round(sum(k * v for k, v in dist.items()) / total, 2)
                     if total else 0.0}
    return out


def main(argv: list[str] | None = None) -> int:
    from kiosk.config import Config

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalogue", default=None)
    parser.add_argument("--page-size", type=int, nargs="+", default=[4, 8])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    catalogue = Catalogue(args.catalogue or Config.load().catalogue)
    results = [summary(catalogue, size) for size in args.page_size]
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return 0
    for result in results:
        print(f"page size {result['page_size']}: taps after \"by life event\" "
              f"(goal <= {result['goal_after_life_event']})")
        for name, data in result.items():
            if not isinstance(data, dict):
                continue
            dist = ", ".join(f"{k} taps: {v}" for k, v in data["distribution"].items())
            print(f"  {name:18} {data['within_goal']:3}/{data['of']:<3} within goal,"
                  f" max {data['max']}, mean {data['mean']}  ({dist})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
