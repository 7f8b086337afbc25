"""Photos of the service's materials: one page lists them, one page a material takes photos."""

from __future__ import annotations

from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route

from kiosk.catalogue import Material
from kiosk.text import pick
from kiosk.uploads import MAX_BYTES, UploadRejected
from kiosk.web.pages import PageError
from kiosk.web.site import Site, endpoint, redirect
from kiosk.web.summary import material_rows
from kiosk.web.visit import (
    Visit,
    materials_of,
    photo_removable,
    photos_open,
    window_status,
)

REJECTED_STATUS = {"too_large": 413, "too_many_pixels": 413, "not_an_image": 415,
                   "too_many": 429}


def _material(site: Site, visit: Visit, material_id: str) -> Material:
    for material in materials_of(visit, site.stores):
        if material.id == material_id:
            return material
    raise PageError(404, again=f"{visit.base}/materials")


@endpoint
def material_list(site: Site, request: Request, form) -> Response:
    visit = site.visit(request)
    lang = site.pages.language(request, visit.draft.language)
    rows = material_rows(materials_of(visit, site.stores),
                         site.stores.uploads().for_draft(visit.draft.id), lang)
    window = window_status(visit, site.stores)
    asked = set(window.materials) if window and photos_open(visit) else set()
    return site.render(request, "materials.html", visit, rows=rows, asked=asked)


@endpoint
def material_page(site: Site, request: Request, form) -> Response:
    visit = site.visit(request)
    material = _material(site, visit, request.path_params["material_id"])
    lang = site.pages.language(request, visit.draft.language)
    photos = [u for u in site.stores.uploads().for_draft(visit.draft.id)
              if u.material_id == material.id]
    window = window_status(visit, site.stores)
    return site.render(
        request, "material.html", visit, material=material, name=pick(material.name, lang),
        photos=photos, added=request.query_params.get("added") == "1", max_bytes=MAX_BYTES,
        empty=request.query_params.get("empty") == "1", can_add=photos_open(visit),
        removable={u.id for u in photos if photo_removable(visit, u, window)},
        asked=bool(window and photos_open(visit) and material.id in window.materials))


@endpoint(upload=True)
def upload_photo(site: Site, request: Request, form: FormData | None) -> Response:
    visit = site.open_for_photos(request, form)
    material = _material(site, visit, request.path_params["material_id"])
    here = f"{visit.base}/materials/{material.id}"
    photo = form.get("photo")
    if not isinstance(photo, UploadFile):
        return redirect(f"{here}?empty=1")
    data = photo.file.read(MAX_BYTES + 1)
    if not data:
        return redirect(f"{here}?empty=1")
    try:
        site.stores.uploads().add(visit.draft.id, material.id, data, source="phone")
    except UploadRejected as rejected:
        raise PageError(REJECTED_STATUS[rejected.reason], again=here) from None
    return redirect(f"{here}?added=1")


@endpoint
def remove_photo(site: Site, request: Request, form: FormData | None) -> Response:
    visit = site.open_for_photos(request, form)
    material = _material(site, visit, request.path_params["material_id"])
    uploads = site.stores.uploads()
    upload = uploads.get(visit.draft.id, request.path_params["upload_id"])
    if upload is not None:
        if not photo_removable(visit, upload, window_status(visit, site.stores)):
            raise PageError(409, again=f"{visit.base}/materials/{material.id}")
        uploads.remove(visit.draft.id, upload.id)
    return redirect(f"{visit.base}/materials/{material.id}")


@endpoint
def photo(site: Site, request: Request, form) -> Response:
    """A kept photo, for its owner's page only: found by the draft, never by a path."""
    visit = site.visit(request)
    uploads = site.stores.uploads()
    upload = uploads.get(visit.draft.id, request.path_params["upload_id"])
    if upload is None or not uploads.path(upload).is_file():
        raise PageError(404, again=visit.base)
    return FileResponse(uploads.path(upload), media_type="image/jpeg",
                        headers={"cache-control": "private, no-store"})


ROUTES = [
    Route("/r/{token}/materials", material_list, methods=["GET"]),
    Route("/r/{token}/materials/{material_id}", material_page, methods=["GET"]),
    Route("/r/{token}/materials/{material_id}", upload_photo, methods=["POST"]),
    Route("/r/{token}/materials/{material_id}/{upload_id}/remove", remove_photo,
          methods=["POST"]),
    Route("/r/{token}/photos/{upload_id}", photo, methods=["GET"]),
]
