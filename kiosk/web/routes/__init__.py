"""The phone page's routes, one module per part of the visit."""

from starlette.routing import Route

from kiosk.web.routes import materials, overview, questions, submission


def all_routes() -> list[Route]:
    return [*overview.ROUTES, *questions.ROUTES, *materials.ROUTES, *submission.ROUTES]
