"""Phone page requests per second for GET /r/{token}, against a bare endpoint of the same
server stack. Each server runs in its own process; the client loop is bounded in time and
only ever addresses 127.0.0.1."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bench.measure import Comparison
from kiosk.drafts import DraftStore
from tests.phone_load import REPO, PhoneServer, free_port

SECONDS = 3.0
CLIENTS = 8


async def _rate(url: str) -> float:
    done = 0
    deadline = time.perf_counter() + SECONDS

    async def client() -> None:
        nonlocal done
        async with httpx.AsyncClient(timeout=10) as http:
            while time.perf_counter() < deadline:
                response = await http.get(url)
                response.raise_for_status()
                done += 1

    start = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(CLIENTS)))
    return done / (time.perf_counter() - start)


def _bare_server() -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "bench.bare_server", str(port)], cwd=REPO)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            httpx.get(url + "/healthz", timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.1)
    return process, url


def measure(rounds: int = 3) -> list[Comparison]:
    ours, floor = [], []
    with tempfile.TemporaryDirectory() as folder:
        store = DraftStore(Path(folder) / "drafts.db")
        draft = store.create("senior-card")
        store.save_value(draft.id, "name", "张三")
        token = store.issue_token(draft.id)
        store.close()
        server = PhoneServer(Path(folder))
        bare, bare_url = _bare_server()
        try:
            for _ in range(rounds):
                ours.append(asyncio.run(_rate(f"{server.url}/r/{token}")))
                floor.append(asyncio.run(_rate(f"{bare_url}/r/{token}")))
        finally:
            server.stop()
            bare.terminate()
            bare.wait(10)
    return [Comparison("phone page requests per second", ours, floor, "req/s", ">= 0.5x",
                       higher_is_better=True)]
