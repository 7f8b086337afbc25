"""Start-up to the first painted welcome screen, and peak memory, against the bare app."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import pexpect
import pyte

from bench.measure import Comparison

REPO = Path(__file__).resolve().parent.parent


def _until_painted(argv: list[str], wanted: str, env: dict) -> tuple[float, float]:
    """Seconds from spawn until `wanted` is on the screen, and peak resident memory (MiB)."""
    screen = pyte.Screen(60, 20)
    stream = pyte.ByteStream(screen)
    start = time.perf_counter()
    child = pexpect.spawn(argv[0], argv[1:], cwd=str(REPO), env=env, dimensions=(20, 60))
    try:
        while True:
            try:
                stream.feed(child.read_nonblocking(65536, timeout=0.005))
            except pexpect.TIMEOUT:
                pass
            if wanted in "".join(screen.display).replace(" ", ""):
                elapsed = time.perf_counter() - start
                break
            if time.perf_counter() - start > 30:
                raise RuntimeError(f"{argv} never painted {wanted!r}")
        time.sleep(0.5)  # let it settle, then read its high-water mark
        with open(f"/proc/{child.pid}/status") as status:
            peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
        return elapsed, peak / 1024
    finally:
        child.kill(9)
        child.wait()


def measure(runs: int = 5) -> list[Comparison]:
    env = {**os.environ, "TERM": "xterm-256color", "KIOSK_IDLE_SECONDS": "3600"}
    ours_t, floor_t, ours_m, floor_m = [], [], [], []
    with tempfile.TemporaryDirectory() as data:
        kiosk = [sys.executable, "-m", "screens.cli", "--no-server", "--data-dir", data]
        bare = [sys.executable, "-m", "bench.bare_app"]
        _until_painted(kiosk, "继续填写", env)  # warm the file cache for both
        _until_painted(bare, "您好", env)
        for _ in range(runs):  # alternate, so drift hits both alike
            t, m = _until_painted(kiosk, "继续填写", env)
            ours_t.append(t)
            ours_m.append(m)
            t, m = _until_painted(bare, "您好", env)
            floor_t.append(t)
            floor_m.append(m)
    return [
        Comparison("start-up to first paint", ours_t, floor_t, "s", "<= 1.3x"),
        Comparison("peak memory", ours_m, floor_m, "MiB", "<= 1.5x"),
    ]
