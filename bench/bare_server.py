"""The floor for the phone page: the same server stack (Starlette on uvicorn) answering a
bare page with no database, templates or security headers."""

import sys

import uvicorn
from starlette.applications import Starlette
from starlette.responses import HTMLResponse
from starlette.routing import Route


async def bare(request):
    return HTMLResponse("<!doctype html><title>r</title><p>ok</p>")


app = Starlette(routes=[Route("/r/{token}", bare), Route("/healthz", bare)])

if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning",
                access_log=False)
