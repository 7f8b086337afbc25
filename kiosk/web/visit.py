"""A visit: the draft a phone link opens, with its service, form and question order."""

from __future__ import annotations

import re
from dataclasses import dataclass

from starlette.requests import Request

from kiosk.catalogue import Material, Service
from kiosk.drafts import Draft
from kiosk.forms import Flow, Form
from kiosk.uploads import Upload
from kiosk.web.pages import PageError
from kiosk.web.stores import CatalogueMissing, Stores
from kiosk.window import MORE_MATERIALS_NEEDED, WindowStatus, status_for

# handoff.new_token: upper-case base32. Anything else is refused before the database.
_TOKEN = re.compile(r"^[A-Z2-7]{16,64}$")


@dataclass(frozen=True)
class Visit:
    token: str
    draft: Draft
    service: Service | None
    form: Form
    flow: Flow

    @property
    def base(self) -> str:
        """The draft's address on this server; every link on its pages starts here."""
        return f"/r/{self.token}"

    @property
    def values(self) -> dict[str, str]:
        return self.draft.values


def open_visit(request: Request, stores: Stores) -> Visit:
    """The draft of the link in this request, or a kind 404 (unknown) or 410 (expired)."""
    token = str(request.path_params.get("token", "")).strip().upper()
    if not _TOKEN.match(token):
        raise PageError(404)
    drafts = stores.drafts()
    draft = drafts.find_by_token(token)
    if draft is None:
        raise PageError(410 if stores.token_expiry(token) is not None else 404)
    if draft.expires <= stores.now() and draft.status == "open":
        raise PageError(410)
    try:
        catalogue = stores.catalogue()
    except CatalogueMissing:
        raise PageError(503) from None
    service = catalogue.service(draft.service_id)
    form_id = service.form_id if service else "general-appointment"
    try:
        form = catalogue.form(form_id)
    except KeyError:
        raise PageError(503) from None
    return Visit(token=token, draft=draft, service=service, form=form, flow=Flow(form))


def materials_of(visit: Visit, stores: Stores) -> list[Material]:
    if visit.service is None:
        return []
    return stores.catalogue().materials(visit.service.id)



def window_status(visit: Visit, stores: Stores) -> WindowStatus | None:
    """What the window says about a submitted draft; None while it is still being filled."""
    if visit.draft.editable:
        return None
    return status_for(stores.drafts(), visit.draft.id)


def photos_open(visit: Visit) -> bool:
    """Photos may be added while the draft is open, and again when the window asks for more
    materials after it was submitted. The answers stay read-only either way."""
    return visit.draft.editable or visit.draft.status == MORE_MATERIALS_NEEDED


def photo_removable(visit: Visit, upload: Upload, window: WindowStatus | None) -> bool:
    """An open draft's photos can be taken back; after submission only those sent since the
    window asked for more (a blurred retake), never what the window has already seen."""
    if visit.draft.editable:
        return True
    return (photos_open(visit) and window is not None
            and window.status == MORE_MATERIALS_NEEDED and upload.created >= window.updated)
