"""The FastAPI application: pages, their JSON twins, security headers and error pages."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from rashomon import __version__
from rashomon.errors import NotFound
from rashomon.store.base import Store
from rashomon.web.render import STATIC, render

log = logging.getLogger(__name__)

#: sent with every response: nothing from a scraped page may run, load or frame anything
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """ASGI middleware adding the security headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in HEADERS if k not in names]
            await send(message)

        await self.app(scope, receive, wrapped)


def wants_json(request: Request) -> bool:
    """JSON twins end in ``.json``; the OpenAPI schema is JSON too."""
    return request.url.path.endswith(".json")


def error_response(request: Request, status: int, message: str) -> Response:
    """A 4xx/5xx as a small HTML page or a JSON body, never a traceback."""
    if wants_json(request):
        return JSONResponse({"error": message, "status": status}, status_code=status)
    html = render("error.html", {"status": status, "message": message})
    return HTMLResponse(html, status_code=status)


def create_app(db: str | Store) -> FastAPI:
    """The web application over a store.

    Args:
        db: a store path or URL (opened read-only and closed on shutdown), or an open store.

    Returns:
        A FastAPI app serving the pages, their JSON twins and ``/openapi.json``.
    """
    owned = isinstance(db, str)
    if isinstance(db, str):
        from rashomon.store import open_store

        store: Store = open_store(db, readonly=True)
    else:
        store = db

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            store.close()

    app = FastAPI(title="Rashomon", version=__version__, lifespan=lifespan,
                  description="Stories, articles, outlets and storylines of a Rashomon store; "
                              "every HTML page has a JSON twin ending in .json.",
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.store = store
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    from rashomon.web.routes import router

    app.include_router(router)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return error_response(request, 404, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = "page not found" if exc.status_code == 404 else str(exc.detail)
        return error_response(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        fields = ", ".join(str(e.get("loc", ["?"])[-1]) for e in exc.errors())
        return error_response(request, 400, f"bad value for: {fields}")

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        log.exception("error serving %s", request.url.path)
        return error_response(request, 500, "internal error (logged on the server)")

    return app


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, **kw: Any) -> None:
    """Serve the store with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(create_app(db), host=host, port=port, log_level="info", **kw)
