"""Drive the kiosk in a real pseudo-terminal and read its screen as a terminal would."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pexpect
import pyte

REPO = Path(__file__).resolve().parent.parent


class KioskTerminal:
    """The `kiosk` command in a pseudo-terminal of the given size, read through pyte."""

    def __init__(self, data_dir: Path, columns: int = 60, rows: int = 20) -> None:
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.ByteStream(self.screen)
        env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor",
               "KIOSK_IDLE_SECONDS": "3600"}
        self.child = pexpect.spawn(
            sys.executable, ["-m", "screens.cli", "--no-server", "--data-dir", str(data_dir)],
            cwd=str(REPO), env=env, dimensions=(rows, columns), timeout=30)

    def pump(self, seconds: float = 0.05) -> None:
        end = time.monotonic() + seconds
        while True:
            try:
                self.stream.feed(self.child.read_nonblocking(65536, timeout=0.02))
            except pexpect.TIMEOUT:
                pass
            except pexpect.EOF:
                return
            if time.monotonic() >= end:
                return

    def text(self) -> str:
        """The screen's characters, line by line (wide characters once, as shown)."""
        lines = []
        for y in range(self.screen.lines):
            row = self.screen.buffer[y]
            lines.append("".join(row[x].data for x in range(self.screen.columns)))
        return "\n".join(lines)

    def wait_for(self, wanted: str, timeout: float = 20.0) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.pump(0.1)
            if wanted in self.text().replace(" ", ""):
                return
        raise AssertionError(f"{wanted!r} never appeared on screen:\n{self.text()}")

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def kill(self) -> None:
        """SIGKILL: no handler runs, nothing is flushed by the app."""
        os.kill(self.child.pid, signal.SIGKILL)
        self.child.wait()

    def close(self) -> None:
        if self.child.isalive():
            self.kill()
