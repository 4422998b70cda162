"""The analyst's dashboard: static pages, script and style shipped in the package
(``casus/web/static``), served by the API app. No CDN, nothing fetched from the internet: the
charts, the network and the map are drawn in SVG by ``static/app.js``.

Every page is the same shell (``static/page.html``) with its name filled in; the script draws
the page from the JSON API and links the endpoint it used (the page's "JSON twin").
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from casus import __version__

PAGES = {
    "dyad": "Dyad",
    "timeline": "Timeline",
    "article": "Article",
    "network": "Network",
    "map": "Map",
    "alerts": "Alerts",
}
CURRENT = ' aria-current="page"'


def static_dir() -> Path:
    """The folder of the dashboard's assets inside the installed package."""
    return Path(str(resources.files("casus.web") / "static"))


@lru_cache(maxsize=len(PAGES))
def page_html(name: str) -> str:
    """The HTML of one dashboard page."""
    shell = (static_dir() / "page.html").read_text(encoding="utf-8")
    nav = "\n".join(
        f'<li><a href="/{page}"{CURRENT if page == name else ""}>{title}</a></li>'
        for page, title in PAGES.items()
    )
    return (
        shell.replace("{{page}}", name)
        .replace("{{title}}", PAGES[name])
        .replace("{{nav}}", nav)
        .replace("{{version}}", __version__)
    )


def mount_dashboard(app: FastAPI) -> None:
    """Add the pages (``/dyad``, ``/timeline``...) and ``/static`` to ``app``."""
    app.mount("/static", StaticFiles(directory=static_dir()), name="static")

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/dyad")

    for name in PAGES:
        app.add_api_route(
            f"/{name}",
            _page(name),
            methods=["GET"],
            include_in_schema=False,
            response_class=HTMLResponse,
        )


def _page(name: str) -> Callable[[], HTMLResponse]:
    def show() -> HTMLResponse:
        return HTMLResponse(page_html(name))

    show.__name__ = f"page_{name}"
    return show
