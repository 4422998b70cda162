"""The dashboard end to end in headless Chromium (Debian's ``chromium``, driven by Playwright):
pick AZE-IRN, see the chart, click a period, open an event's evidence, find its sentence
highlighted in the article. A screenshot of each page is saved (into $CASUS_SCREENSHOTS when
set, e.g. docs/img, else a temporary folder). Skips, saying why, only when no Chromium can be
installed (scripts/ensure-chromium.sh installs it as root with apt-get)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from casus.coder import Coder
from conftest import ROOT
from test_api import samples_db

uvicorn = pytest.importorskip("uvicorn")
sync_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = Path(os.environ.get("CASUS_CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 20_000


def _chromium() -> Path:
    if not CHROMIUM.exists():
        subprocess.run(
            ["sh", str(ROOT / "scripts" / "ensure-chromium.sh")], check=False, timeout=900
        )
    if not CHROMIUM.exists():
        pytest.skip(
            f"no Chromium at {CHROMIUM} and scripts/ensure-chromium.sh could not install it"
        )
    return CHROMIUM


def shoot(page: Any, path: Path) -> None:
    """A screenshot of the viewport, reduced to 64 colours when Pillow is there (small PNGs
    for docs/img)."""
    page.screenshot(path=str(path))
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, coder: Coder) -> Iterator[str]:
    """The app over the samples store, served by uvicorn on a free loopback port."""
    from casus.api import create_app

    app = create_app(samples_db(tmp_path_factory, coder), coder=coder)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = os.environ.get("CASUS_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory, server: str) -> Iterator[Any]:
    """A fresh Chromium profile, 1280x800, that records any request leaving the server."""
    executable = _chromium()
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as play:
        context = play.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(executable),
            headless=True,
            args=ARGS,
            viewport={"width": 1280, "height": 800},
        )
        context.set_default_timeout(TIMEOUT_MS)
        context.outside = []  # type: ignore[attr-defined]

        def guard(route: Any) -> None:
            if route.request.url.startswith(server):
                route.continue_()
            else:
                context.outside.append(route.request.url)  # type: ignore[attr-defined]
                route.abort()

        context.route("**/*", guard)
        yield context
        context.close()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    tab = browser.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    yield tab
    tab.close()
    assert errors == [], f"script errors: {errors}"
    assert browser.outside == [], f"requests left the server: {browser.outside}"


def test_dyad_period_event_evidence_journey(page: Any, server: str, shots: Path) -> None:
    page.goto(f"{server}/dyad")
    page.fill("#f-a", "AZE")
    page.fill("#f-b", "IRN")
    page.click("form.controls button[type=submit]")
    period = page.locator('svg.dyad-chart .period[tabindex="0"]').first
    period.wait_for()
    assert "/api/dyad-series?a=AZE&b=IRN" in page.get_attribute("#json-twin", "href")
    shoot(page, shots / "dyad.png")

    period.click()
    page.get_by_role("heading", name="Events in the week of").wait_for()
    link = page.locator("#period-events a.evidence-link").first
    link.wait_for()
    page.locator("#period-events").scroll_into_view_if_needed()
    shoot(page, shots / "dyad-events.png")
    sentence = link.locator("xpath=ancestor::tr/td[4]").inner_text()
    link.click()

    mark = page.locator("mark.evidence")
    mark.wait_for()
    assert mark.inner_text() == sentence
    assert mark.locator(".hl-trigger").count() >= 1
    assert page.locator('.evt[aria-current="true"]').count() == 1
    assert "/api/articles/" in page.get_attribute("#json-twin", "href")
    shoot(page, shots / "article.png")


def test_chart_periods_work_from_the_keyboard(page: Any, server: str) -> None:
    page.goto(f"{server}/dyad?a=AZE&b=IRN&freq=month")
    period = page.locator('svg.dyad-chart .period[tabindex="0"]').first
    period.wait_for()
    assert "events" in period.get_attribute("aria-label")
    period.focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Events in the month of").wait_for()
    # the period's first evidence link takes the focus once its events are listed
    page.wait_for_function("document.activeElement.classList.contains('evidence-link')")


def test_timeline_separates_historical_references(page: Any, server: str, shots: Path) -> None:
    page.goto(f"{server}/timeline?actor=AZE")
    page.locator(".cluster").first.wait_for()
    headings = page.locator("section.panel h2").all_inner_texts()
    assert headings[0].startswith("Events, in order") and headings[1].startswith("Historical")
    assert page.locator("table.framing").count() >= 1
    shoot(page, shots / "timeline.png")


@pytest.mark.parametrize(
    ("name", "ready", "twin"),
    [
        ("network", "svg.network path.edge", "/api/network"),
        ("map", "svg.map circle", "/api/places"),
        ("alerts", "#status:not(:empty)", "/api/alerts"),
    ],
)
def test_each_page_draws_and_links_its_json(
    page: Any, server: str, shots: Path, name: str, ready: str, twin: str
) -> None:
    page.goto(f"{server}/{name}")
    page.locator(ready).first.wait_for()
    assert page.get_attribute("#json-twin", "href").startswith(twin)
    assert not page.locator("#status.error").count()
    shoot(page, shots / f"{name}.png")


def test_dyad_page_offers_the_busiest_dyads(page: Any, server: str) -> None:
    page.goto(f"{server}/dyad")
    page.get_by_role("link", name="AZE – IRN").click()
    page.locator('svg.dyad-chart .period[tabindex="0"]').first.wait_for()
    assert page.url.endswith("/dyad?a=AZE&b=IRN")
