"""Reading a question aloud with espeak-ng: Mandarin or English, through the speaker when the
kiosk has one, else into a wav file (so a volunteer can check the voice works at all).

Nothing here waits on the screen: the kiosk calls `speak` from a worker thread.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

VOICES = {"zh": "cmn", "en": "en"}
WORDS_PER_MINUTE = 130  # espeak-ng's 175 is too quick for many older listeners
TIMEOUT = 120


@dataclass(frozen=True)
class Spoken:
    """What happened: `played` through a speaker, or written to `wav`; `problem` otherwise
    ("missing": no espeak-ng; "failed": it ran and failed)."""

    played: bool = False
    wav: Path | None = None
    problem: str | None = None


def find_espeak(command: str = "espeak-ng") -> str | None:
    """The espeak-ng program to run, or None when the kiosk has none."""
    if not command:
        return None
    if os.sep in command:
        return command if os.access(command, os.X_OK) else None
    return shutil.which(command)


def has_speaker() -> bool:
    """A sound card to play on (ALSA), or a sound server (PulseAudio, PipeWire) to play through."""
    if glob.glob("/dev/snd/pcmC*D*p"):
        return True
    if os.environ.get("PULSE_SERVER"):
        return True
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    return bool(runtime) and any(
        Path(runtime, name).exists() for name in ("pulse/native", "pipewire-0"))


def command_line(program: str, text: str, lang: str, wav: Path | None = None) -> list[str]:
    voice = VOICES.get(lang, VOICES["zh"])
    line = [program, "-v", voice, "-s", str(WORDS_PER_MINUTE)]
    if wav is not None:
        line += ["-w", str(wav)]
    # "--" so a question that starts with "-" is read, not taken for an option.
    return [*line, "--", text]


def speak(text: str, lang: str, *, program: str = "espeak-ng", wav: Path,
          play: bool | None = None) -> Spoken:
    """Say `text` in `lang`; play it when there is a speaker (`play=None` asks `has_speaker`),
    else write it to `wav`. Blocks until espeak-ng is done: call it from a worker."""
    found = find_espeak(program)
    if found is None:
        return Spoken(problem="missing")
    if play is None:
        play = has_speaker()
    if play:
        try:
            done = subprocess.run(command_line(found, text, lang), capture_output=True,
                                  timeout=TIMEOUT, check=False)
        except (OSError, subprocess.SubprocessError):
            return Spoken(problem="failed")
        # espeak-ng exits 0 even when ALSA has no device; it says so on stderr.
        if done.returncode == 0 and b"error" not in done.stderr.lower():
            return Spoken(played=True)
    wav.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        done = subprocess.run(command_line(found, text, lang, wav), capture_output=True,
                              timeout=TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError):
        return Spoken(problem="failed")
    if done.returncode != 0 or not wav.exists() or wav.stat().st_size <= 44:
        return Spoken(problem="failed")
    return Spoken(wav=wav)
