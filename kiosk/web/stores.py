"""The databases the phone page reads and writes, one connection set per worker thread.

DraftStore and its neighbours keep one SQLite connection each and are meant for one thread;
requests run in a pool of threads, so every thread opens its own on first use.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from kiosk import handoff
from kiosk.catalogue import Catalogue
from kiosk.config import Config
from kiosk.drafts import DraftStore
from kiosk.submissions import Submissions
from kiosk.uploads import UploadStore


class CatalogueMissing(Exception):
    """No catalogue.db yet: the phone page says "not available right now"."""


class Stores:
    def __init__(self, config: Config, *, clock=None) -> None:
        self.config = config
        self.uploads_folder: Path = config.data_dir / "uploads"
        self._clock = clock
        self._local = threading.local()
        self._texts: dict | None = None

    def now(self) -> float:
        return self._clock() if self._clock else time.time()

    def _kwargs(self) -> dict:
        return {"clock": self._clock} if self._clock else {}

    def drafts(self) -> DraftStore:
        store = getattr(self._local, "drafts", None)
        if store is None:
            store = self._local.drafts = DraftStore(self.config.drafts_db, **self._kwargs())
        return store

    def uploads(self) -> UploadStore:
        store = getattr(self._local, "uploads", None)
        if store is None:
            self.drafts()  # the drafts tables first: uploads refer to them
            store = self._local.uploads = UploadStore(
                self.config.drafts_db, self.uploads_folder, **self._kwargs())
        return store

    def submissions(self) -> Submissions:
        store = getattr(self._local, "submissions", None)
        if store is None:
            self.drafts()
            store = self._local.submissions = Submissions(self.config.drafts_db,
                                                          **self._kwargs())
        return store

    def catalogue(self) -> Catalogue:
        catalogue = getattr(self._local, "catalogue", None)
        if catalogue is None:
            try:
                catalogue = self._local.catalogue = Catalogue(self.config.catalogue)
            except FileNotFoundError as error:
                raise CatalogueMissing(str(error)) from error
        return catalogue

    def texts(self) -> dict:
        """Staff overrides of the page's words (keys `phone.*` in the catalogue's texts)."""
        if self._texts is None:
            try:
                self._texts = {k: v for k, v in self.catalogue().texts().items()
                               if k.startswith("phone.")}
            except CatalogueMissing:
                return {}
        return self._texts

    def token_expiry(self, token: str) -> float | None:
        """When a link made with this token stops working; None if it was never made."""
        db = getattr(self._local, "tokens", None)
        if db is None:
            self.drafts()
            db = self._local.tokens = sqlite3.connect(
                f"file:{self.config.drafts_db}?mode=ro", uri=True, timeout=10.0,
                check_same_thread=False)
        row = db.execute("SELECT MAX(expires) FROM handoff_tokens WHERE token_hash = ?",
                         (handoff.token_hash(token),)).fetchone()
        return row[0] if row else None
