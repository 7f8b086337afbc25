"""Taps from the welcome screen to every placed service through life-event navigation."""

from __future__ import annotations

import io
from contextlib import redirect_stdout

from kiosk.catalogue.taps import main as taps_main
from kiosk.config import DEFAULT_CATALOGUE


def measure() -> list[str]:
    out = io.StringIO()
    with redirect_stdout(out):
        taps_main(["--catalogue", str(DEFAULT_CATALOGUE), "--page-size", "4", "8"])
    return [out.getvalue().rstrip()]
