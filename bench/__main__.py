"""Run every benchmark and print each as a ratio with its median and spread."""

from __future__ import annotations

import importlib
import sys

SUITES = ["bench.startup", "bench.autosave", "bench.keystroke", "bench.phone", "bench.search",
          "bench.taps"]


def main(names: list[str]) -> int:
    for name in names or SUITES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as missing:
            print(f"{name:34} not measured: {missing}")
            continue
        for comparison in module.measure():
            print(comparison.line() if hasattr(comparison, "line") else comparison, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
