"""The volunteers' side of the kiosk: the staff PIN, and the kiosk's defaults they may change
(language, colours, text size), kept in the data folder so a restart keeps them.

The PIN is $KIOSK_STAFF_PIN, or a salted PBKDF2 hash in <data>/staff-pin (written by
`set_pin`); the PIN itself is never stored.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from dataclasses import asdict, dataclass, replace
from pathlib import Path

PIN_FILE = "staff-pin"
SETTINGS_FILE = "kiosk-settings.json"
ITERATIONS = 200_000
THEMES = ("default", "contrast")
TEXT_SIZES = ("normal", "large", "extra")


def _hash(pin: str, salt: bytes, iterations: int) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)


def set_pin(data_dir: Path, pin: str) -> Path:
    """Store a hash of `pin` in the data folder, readable by its owner only."""
    if not pin.isdigit() or len(pin) < 4:
        raise ValueError("a staff PIN is at least 4 digits")
    salt = secrets.token_bytes(16)
    line = f"pbkdf2_sha256${ITERATIONS}${salt.hex()}${_hash(pin, salt, ITERATIONS).hex()}\n"
    path = data_dir / PIN_FILE
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.write_text(line, encoding="utf-8")
    path.chmod(0o600)
    return path


def pin_is_set(data_dir: Path, env_pin: str | None = None) -> bool:
    pin = os.environ.get("KIOSK_STAFF_PIN") if env_pin is None else env_pin
    return bool(pin) or (data_dir / PIN_FILE).is_file()


def check_pin(typed: str, data_dir: Path, env_pin: str | None = None) -> bool:
    """True when `typed` is the staff PIN; False for anything else, or when none is set."""
    typed = typed.strip()
    if not typed:
        return False
    pin = os.environ.get("KIOSK_STAFF_PIN") if env_pin is None else env_pin
    if pin:
        return hmac.compare_digest(typed.encode(), pin.encode())
    try:
        scheme, iterations, salt, digest = (data_dir / PIN_FILE).read_text(
            encoding="utf-8").strip().split("$")
    except (OSError, ValueError):
        return False
    if scheme != "pbkdf2_sha256":
        return False
    try:
        computed = _hash(typed, bytes.fromhex(salt), int(iterations))
        return hmac.compare_digest(computed, bytes.fromhex(digest))
    except ValueError:
        return False


@dataclass(frozen=True)
class KioskDefaults:
    """What every visit starts with; a visitor's own changes last until the visit ends."""

    language: str = "zh"
    theme: str = "default"
    text_size: str = "large"

    def with_change(self, **changes: str) -> KioskDefaults:
        return replace(self, **changes)


def load_defaults(data_dir: Path, language: str = "zh") -> KioskDefaults:
    """The defaults staff chose, else the configured language with the standard look."""
    base = KioskDefaults(language=language)
    try:
        saved = json.loads((data_dir / SETTINGS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return base
    if not isinstance(saved, dict):
        return base
    changes = {}
    if saved.get("language") in ("zh", "en"):
        changes["language"] = saved["language"]
    if saved.get("theme") in THEMES:
        changes["theme"] = saved["theme"]
    if saved.get("text_size") in TEXT_SIZES:
        changes["text_size"] = saved["text_size"]
    return base.with_change(**changes)


def save_defaults(data_dir: Path, defaults: KioskDefaults) -> None:
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = data_dir / SETTINGS_FILE
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(asdict(defaults)), encoding="utf-8")
    temporary.replace(path)
