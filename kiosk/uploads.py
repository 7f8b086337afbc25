"""Photos of a service's materials, taken on the phone: checked, cleaned and kept.

An upload is decoded and re-encoded from its pixels, so nothing the camera wrote (GPS
position, device, time) is kept, and a file that only claims to be a photo is refused.
Its file name is made here, never taken from the phone. The record of each photo lives
in the drafts database, next to the draft it belongs to.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from kiosk.database import open_shared

MAX_BYTES = 10 * 1024 * 1024        # what a phone camera makes, with room to spare
MAX_PIXELS = 50_000_000             # refuses decompression bombs before decoding
LONGEST_SIDE = 2400                 # still sharp enough to read an ID card, far smaller
MAX_PER_MATERIAL = 10
MAX_PER_DRAFT = 40
JPEG_QUALITY = 85
# The only Pillow decoders ever tried (MPO, a phone's multi-picture JPEG, opens as JPEG);
# nothing exotic is parsed.
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP", "AVIF")

SCHEMA = """
CREATE TABLE IF NOT EXISTS uploads (
    id TEXT PRIMARY KEY,
    draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    material_id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    source TEXT NOT NULL,
    created REAL NOT NULL,
    removed REAL
);
CREATE INDEX IF NOT EXISTS uploads_draft ON uploads(draft_id, material_id, created);
"""

_HEX_ID = re.compile(r"^[0-9a-f]{32}$")


class UploadRejected(ValueError):
    """A photo that is not kept; `reason` says why, for the page the visitor sees."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # too_large, not_an_image, too_many_pixels, too_many


@dataclass(frozen=True)
class CleanImage:
    data: bytes
    width: int
    height: int


@dataclass(frozen=True)
class Upload:
    id: str
    draft_id: str
    material_id: str
    file_name: str
    media_type: str
    width: int
    height: int
    bytes: int
    sha256: str
    source: str
    created: float
    removed: float | None


def clean_image(data: bytes) -> CleanImage:
    """The photo as a fresh JPEG: upright, at most LONGEST_SIDE, with no metadata at all.

    Raises UploadRejected when the bytes are too many or are not a photo we accept.
    """
    if len(data) > MAX_BYTES:
        raise UploadRejected("too_large")
    if not data:
        raise UploadRejected("not_an_image")
    from PIL import Image, ImageOps  # Pillow is only needed where photos are taken

    Image.init()
    formats = [name for name in ACCEPTED_FORMATS if name in Image.OPEN]
    try:
        with Image.open(io.BytesIO(data), formats=formats) as probe:
            width, height = probe.size
            if width * height > MAX_PIXELS:
                raise UploadRejected("too_many_pixels")
            probe.verify()
        with Image.open(io.BytesIO(data), formats=formats) as image:
            image.load()
            upright = ImageOps.exif_transpose(image)
            upright.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
            flat = _flatten(upright)
            out = io.BytesIO()
            # No exif=, icc_profile= or comment: the new file carries pixels only.
            flat.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    except UploadRejected:
        raise
    except Exception as error:  # any decoder complaint means "not a photo we can read"
        raise UploadRejected("not_an_image") from error
    return CleanImage(out.getvalue(), flat.width, flat.height)


def _flatten(image):
    """RGB on white: transparency and palettes have no place in a JPEG."""
    from PIL import Image

    if image.mode in ("RGB", "L"):
        return image.copy()
    if image.mode in ("RGBA", "LA", "P", "PA"):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


class UploadStore:
    """The photos of drafts: files under `folder`, records in the drafts database.

    One instance per thread, like DraftStore.
    """

    def __init__(self, db_path: Path | str, folder: Path | str, *, clock=time.time) -> None:
        self.folder = Path(folder)
        self._clock = clock
        self._db = open_shared(db_path, SCHEMA)

    def close(self) -> None:
        self._db.close()

    def add(self, draft_id: str, material_id: str, data: bytes, *,
            source: str = "phone") -> Upload:
        """Clean and keep one photo of a material; all or nothing.

        The file is written under a temporary name and renamed into place only once it is
        complete; if recording it fails, the file is removed again.
        """
        if not _HEX_ID.match(draft_id):
            raise ValueError("draft ids are 32 hex digits")
        image = clean_image(data)
        if self._count(draft_id) >= MAX_PER_DRAFT or \
                self._count(draft_id, material_id) >= MAX_PER_MATERIAL:
            raise UploadRejected("too_many")
        upload_id = uuid.uuid4().hex
        file_name = f"{draft_id}/{upload_id}.jpg"
        target = self.folder / file_name
        self._write_file(target, image.data)
        try:
            self._db.execute(
                "INSERT INTO uploads (id, draft_id, material_id, file_name, media_type, width,"
                " height, bytes, sha256, source, created) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (upload_id, draft_id, material_id, file_name, "image/jpeg", image.width,
                 image.height, len(image.data), hashlib.sha256(image.data).hexdigest(), source,
                 self._clock()))
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        return self.get(draft_id, upload_id)

    def get(self, draft_id: str, upload_id: str) -> Upload | None:
        """A kept photo of this draft, or None (also for ids of other drafts)."""
        if not _HEX_ID.match(upload_id):
            return None
        row = self._db.execute(
            "SELECT * FROM uploads WHERE id = ? AND draft_id = ? AND removed IS NULL",
            (upload_id, draft_id)).fetchone()
        return Upload(**dict(row)) if row else None

    def for_draft(self, draft_id: str) -> list[Upload]:
        """The kept photos of a draft, oldest first."""
        rows = self._db.execute(
            "SELECT * FROM uploads WHERE draft_id = ? AND removed IS NULL ORDER BY created, id",
            (draft_id,))
        return [Upload(**dict(r)) for r in rows]

    def path(self, upload: Upload) -> Path:
        return self.folder / upload.file_name

    def remove(self, draft_id: str, upload_id: str) -> bool:
        """Take a photo back: the record says when, the file itself is deleted."""
        upload = self.get(draft_id, upload_id)
        if upload is None:
            return False
        self._db.execute("UPDATE uploads SET removed = ? WHERE id = ? AND removed IS NULL",
                         (self._clock(), upload_id))
        self.path(upload).unlink(missing_ok=True)
        return True

    def _count(self, draft_id: str, material_id: str | None = None) -> int:
        sql = "SELECT COUNT(*) FROM uploads WHERE draft_id = ? AND removed IS NULL"
        args: tuple = (draft_id,)
        if material_id is not None:
            sql += " AND material_id = ?"
            args += (material_id,)
        return self._db.execute(sql, args).fetchone()[0]

    def _write_file(self, target: Path, data: bytes) -> None:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        target.parent.mkdir(exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temporary, 0o600)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
