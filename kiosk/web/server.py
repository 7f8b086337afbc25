"""Serving the phone page: inside the kiosk process (quietly) or on its own (`kiosk serve`).

Inside the kiosk the terminal belongs to the Textual UI, so the server never prints: its log
goes to a file in the data folder. Paths in the log have their tokens blanked, and no
client addresses are kept. Starlette and uvicorn are imported in the server's own thread,
so the kiosk's screen does not wait for them.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import socket
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.config import Config

if TYPE_CHECKING:
    import uvicorn
    from starlette.applications import Starlette

__all__ = ["BackgroundServer", "create_app", "serve", "start_in_background", "tls_files"]

LOG_NAME = "phone-server.log"
_TOKEN_IN_PATH = re.compile(r"(/[rR]/)[^/?\s]+")
_LOGGERS = ("uvicorn", "uvicorn.error", "uvicorn.access", "kiosk.web")


class RedactTokens(logging.Filter):
    """Access-log lines keep method, route and status; the token and the client go."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "uvicorn.access" and isinstance(record.args, tuple) and \
                len(record.args) == 5:
            _client, method, path, version, status = record.args
            record.args = ("-", method, _TOKEN_IN_PATH.sub(r"\1…", str(path)).split("?")[0],
                           version, status)
        elif isinstance(record.msg, str):
            record.msg = _TOKEN_IN_PATH.sub(r"\1…", record.msg)
        return True


def _log_to(handler: logging.Handler) -> None:
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    handler.addFilter(RedactTokens())
    for name in _LOGGERS:
        logger = logging.getLogger(name)
        logger.handlers = [handler]
        logger.propagate = False
        logger.setLevel(logging.INFO)


def tls_files() -> tuple[str, str] | None:
    """The certificate and key from KIOSK_TLS_CERT / KIOSK_TLS_KEY, when both are set."""
    cert, key = os.environ.get("KIOSK_TLS_CERT"), os.environ.get("KIOSK_TLS_KEY")
    if not cert and not key:
        return None
    if not (cert and key and Path(cert).is_file() and Path(key).is_file()):
        raise FileNotFoundError("KIOSK_TLS_CERT and KIOSK_TLS_KEY must both name readable files")
    return cert, key


def create_app(config: Config, **options) -> Starlette:
    """The phone page as an ASGI app (see kiosk.web.app.create_app for the options)."""
    from kiosk.web.app import create_app as build

    return build(config, **options)


def _uvicorn_config(config: Config) -> uvicorn.Config:
    import uvicorn

    tls = tls_files()
    app = create_app(config, https=tls is not None)
    return uvicorn.Config(
        app, host=config.host, port=config.port, log_config=None, access_log=True,
        use_colors=False, server_header=False, proxy_headers=False,
        ssl_certfile=tls[0] if tls else None, ssl_keyfile=tls[1] if tls else None,
        timeout_keep_alive=5, limit_concurrency=1000,  # a hall full of phones at once
    )


@dataclass
class BackgroundServer:
    """The phone page running in a daemon thread of the kiosk process."""

    thread: threading.Thread
    server: uvicorn.Server | None = None  # set by the thread once it is set up
    stop_requested: threading.Event = field(default_factory=threading.Event, repr=False)

    @property
    def started(self) -> bool:
        return bool(self.server and self.server.started)

    def wait_started(self, timeout: float = 10.0) -> bool:
        """True once it listens; False if it gave up (port taken, no TLS files) or is slow."""
        pause = threading.Event()
        for _ in range(int(timeout * 20)):
            if self.started:
                return True
            if not self.thread.is_alive():
                return False
            pause.wait(0.05)
        return self.started

    def stop(self, timeout: float = 5.0) -> None:
        self.stop_requested.set()  # if it is still being set up, it will not start
        if self.server is not None:
            self.server.should_exit = True
        self.thread.join(timeout)


def start_in_background(config: Config) -> BackgroundServer:
    """Serve the phone page from a daemon thread; it logs to the data folder, never the screen.

    Returns at once. If the port is taken or the TLS files are missing, the kiosk keeps
    running without the phone page; the log says why.
    """
    folder = config.ensure_data_dir()
    _log_to(logging.handlers.RotatingFileHandler(folder / LOG_NAME, maxBytes=1_000_000,
                                                 backupCount=3, encoding="utf-8"))

    def run() -> None:
        try:
            import uvicorn

            server = background.server = uvicorn.Server(_uvicorn_config(config))
            if not background.stop_requested.is_set():
                server.run()
        except BaseException as error:  # noqa: BLE001 - SystemExit from a taken port too
            logging.getLogger("kiosk.web").error("phone page stopped: %s: %s",
                                                 type(error).__name__, error)

    background = BackgroundServer(threading.Thread(target=run, name="phone-page", daemon=True))
    background.thread.start()
    return background


def serve(config: Config) -> None:
    """Serve the phone page in the foreground until interrupted (`kiosk serve`)."""
    _log_to(logging.StreamHandler(sys.stderr))
    tls = tls_files()
    scheme = "https" if tls else "http"
    print(f"phone page on {scheme}://{config.host}:{config.port}  (phones use "
          f"{config.public_url})", file=sys.stderr)
    import uvicorn

    uvicorn.Server(_uvicorn_config(config)).run()


def free_port(host: str = "127.0.0.1") -> int:
    """A port nothing listens on right now (for tests and trial runs)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]
