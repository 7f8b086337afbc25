"""Many phones at once against a real phone-page server process on loopback.

Each simulated phone opens its draft, saves a field as the page's script does, moves on,
and uploads one photo. Bounded in count and time; only 127.0.0.1 is ever addressed.
"""

from __future__ import annotations

import asyncio
import io
import os
import re
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from PIL import Image

from kiosk.drafts import DraftStore

REPO = Path(__file__).resolve().parent.parent
CSRF = re.compile(r'name="csrf" value="([0-9a-f]+)"')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def photo_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (640, 480), (200, 190, 180)).save(out, "JPEG", quality=80)
    return out.getvalue()


class PhoneServer:
    """`kiosk serve` in its own process, as a hall runs it."""

    def __init__(self, data_dir: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "KIOSK_DATA_DIR": str(data_dir), "KIOSK_HOST": "127.0.0.1",
               "KIOSK_PORT": str(self.port), "KIOSK_PUBLIC_URL": self.url}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "screens.cli", "serve"], cwd=REPO, env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("the phone server did not start")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@dataclass
class LoadResult:
    sessions: int
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000

    def summary(self) -> str:
        return (f"{self.sessions} phones, {len(self.latencies)} requests in {self.seconds:.1f} s, "
                f"{len(self.errors)} errors, p50 {self.percentile(50):.1f} ms, "
                f"p99 {self.percentile(99):.1f} ms, "
                f"median {statistics.median(self.latencies) * 1000:.1f} ms")


async def _one_phone(client: httpx.AsyncClient, token: str, index: int, image: bytes,
                     result: LoadResult) -> None:
    async def timed(method: str, path: str, expect: tuple[int, ...], **kwargs) -> httpx.Response:
        start = time.perf_counter()
        response = await client.request(method, path, **kwargs)
        result.latencies.append(time.perf_counter() - start)
        if response.status_code not in expect:
            result.errors.append(f"{method} {path.split('/')[-1]} -> {response.status_code}")
        return response

    await timed("GET", f"/r/{token}", (200,))
    page = await timed("GET", f"/r/{token}/q/name", (200,))
    csrf = CSRF.search(page.text).group(1)
    for typed in ("张", "张三", f"张三{'丰' * (index % 3)}"):
        await timed("POST", f"/r/{token}/q/name/autosave", (200,),
                    data={"csrf": csrf, "answer": typed})
    await timed("POST", f"/r/{token}/q/name", (303,),
                data={"csrf": csrf, "answer": "张三", "action": "next"})
    page = await timed("GET", f"/r/{token}/materials/id-card", (200,))
    csrf = CSRF.search(page.text).group(1)
    await timed("POST", f"/r/{token}/materials/id-card", (303,),
                data={"csrf": csrf}, files={"photo": ("p.jpg", image, "image/jpeg")})


async def _run(url: str, tokens: list[str], time_limit: float) -> LoadResult:
    result = LoadResult(len(tokens))
    image = photo_bytes()
    limits = httpx.Limits(max_connections=len(tokens))
    start = time.perf_counter()

    async def phone(i: int, token: str) -> None:
        # each phone has its own cookies (the CSRF cookie), as separate phones do
        async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits,
                                     headers={"origin": url}) as client:
            try:
                await _one_phone(client, token, i, image, result)
            except (httpx.HTTPError, AttributeError) as error:
                result.errors.append(f"phone {i}: {error!r}")

    await asyncio.wait_for(asyncio.gather(*(phone(i, t) for i, t in enumerate(tokens))),
                           time_limit)
    result.seconds = time.perf_counter() - start
    return result


def run_load(data_dir: Path, phones: int, time_limit: float = 120.0) -> tuple[LoadResult, list]:
    """Start a server, make `phones` drafts, send them all at once; returns the result and
    the draft ids."""
    store = DraftStore(data_dir / "drafts.db")
    drafts = [store.create("senior-card", kiosk="load") for _ in range(phones)]
    tokens = [store.issue_token(d.id) for d in drafts]
    store.close()
    server = PhoneServer(data_dir)
    try:
        result = asyncio.run(_run(server.url, tokens, time_limit))
    finally:
        server.stop()
    return result, [d.id for d in drafts]


if __name__ == "__main__":
    import tempfile

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    with tempfile.TemporaryDirectory() as folder:
        outcome, _ = run_load(Path(folder), count)
        print(outcome.summary())
        for line in outcome.errors[:10]:
            print("  ", line)
