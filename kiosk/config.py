"""Where the kiosk keeps its data and how it is reached: from flags, then environment, then defaults."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CATALOGUE = REPO_ROOT / "catalogue.db"
DEFAULT_PORT = 8765
MIN_COUNTDOWN = 20.0  # seconds a visitor has to answer "Do you need more time?"


def lan_address() -> str:
    """This machine's first non-loopback IPv4 address, so phones on the hall's Wi-Fi reach it."""
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        infos = []
    for info in infos:
        address = info[4][0]
        if not address.startswith("127."):
            return address
    return "127.0.0.1"


@dataclass(frozen=True)
class Config:
    data_dir: Path
    catalogue: Path
    host: str
    port: int
    public_url: str
    kiosk_name: str
    language: str
    idle_seconds: float
    draft_days: float = 30.0
    # Warning before a quiet kiosk returns to the start: WCAG 2.2.1 wants at least 20 s.
    idle_countdown_seconds: float = 30.0
    staff_pin: str | None = None   # None: $KIOSK_STAFF_PIN or the hash in <data>/staff-pin
    espeak: str = "espeak-ng"      # the read-aloud program; "" when the kiosk has none
    speech_output: str = "auto"    # "auto": the speaker if there is one, else a wav; "wav"

    @property
    def drafts_db(self) -> Path:
        return self.data_dir / "drafts.db"

    @property
    def speech_wav(self) -> Path:
        """Where read-aloud goes when the kiosk has no speaker (the last question only)."""
        return self.data_dir / "speech" / "read-aloud.wav"

    @classmethod
    def load(
        cls,
        data_dir: str | None = None,
        catalogue: str | None = None,
        host: str | None = None,
        port: int | None = None,
        public_url: str | None = None,
        kiosk_name: str | None = None,
    ) -> "Config":
        env = os.environ
        folder = Path(data_dir or env.get("KIOSK_DATA_DIR") or REPO_ROOT / "data")
        the_port = int(port or env.get("KIOSK_PORT") or DEFAULT_PORT)
        the_host = host or env.get("KIOSK_HOST") or "0.0.0.0"
        url = public_url or env.get("KIOSK_PUBLIC_URL") or f"http://{lan_address()}:{the_port}"
        return cls(
            data_dir=folder,
            catalogue=Path(catalogue or env.get("KIOSK_CATALOGUE") or DEFAULT_CATALOGUE),
            host=the_host,
            port=the_port,
            public_url=url.rstrip("/"),
            kiosk_name=kiosk_name or env.get("KIOSK_NAME") or socket.gethostname(),
            language=env.get("KIOSK_LANGUAGE", "zh"),
            idle_seconds=float(env.get("KIOSK_IDLE_SECONDS", 90)),
            draft_days=float(env.get("KIOSK_DRAFT_DAYS", 30)),
            idle_countdown_seconds=max(MIN_COUNTDOWN, float(env.get("KIOSK_IDLE_COUNTDOWN", 30))),
            staff_pin=env.get("KIOSK_STAFF_PIN") or None,
            espeak=env.get("KIOSK_ESPEAK", "espeak-ng"),
            speech_output=env.get("KIOSK_SPEECH_OUTPUT", "auto"),
        )

    def ensure_data_dir(self) -> Path:
        """The data folder, created readable by its owner only (it holds personal data)."""
        self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        return self.data_dir
