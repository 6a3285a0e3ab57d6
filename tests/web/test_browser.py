"""End to end in a real headless Chromium: Debian's ``chromium`` driven by Playwright through
its executable path. Skips when either is missing (``.ci/services.d/chromium.sh`` installs
them). Screenshots go to a temporary folder (``RASHOMON_TEST_SCREENSHOTS`` to keep them)."""

from __future__ import annotations

import logging
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rashomon.store import SQLiteStore

from .conftest import build_store

pytestmark = [pytest.mark.browser, pytest.mark.slow]
log = logging.getLogger(__name__)

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _demo_or_built(folder: Path) -> Path:
    """The demo corpus analysed into a store; the hand-built store when it cannot be."""
    db = folder / "demo.db"
    if DEMO.is_dir():
        try:
            from rashomon.cli import analyze_paths

            analyze_paths([str(DEMO)], str(db))
            with SQLiteStore(db, readonly=True) as store:
                if store.list_stories(limit=1):
                    return db
        except Exception as exc:  # the pipeline is not under test here
            log.warning("demo corpus not analysable (%s); using the hand-built store", exc)
    db = folder / "built.db"
    build_store(db)
    return db


@pytest.fixture(scope="module")
def browser_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Any, Path]]:
    """(base URL, Chromium context, screenshot folder) over the demo store served by uvicorn."""
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium (run .ci/services.d/chromium.sh)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install '.[web-test]'")
    import uvicorn

    from rashomon.web import create_app

    folder = tmp_path_factory.mktemp("browser")
    db = _demo_or_built(folder)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    shots = Path(os.environ.get("RASHOMON_TEST_SCREENSHOTS") or folder / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    profile = folder / "profile"
    try:
        with sync_api.sync_playwright() as pw:
            ctx = pw.chromium.launch_persistent_context(
                str(profile), executable_path=str(CHROMIUM), headless=True, args=ARGS,
                viewport={"width": 1280, "height": 900})
            try:
                yield f"http://127.0.0.1:{port}", ctx, shots
            finally:
                ctx.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        shutil.rmtree(profile, ignore_errors=True)


def test_reader_follows_the_biggest_story_to_an_article_and_an_outlet(
        browser_site: tuple[str, Any, Path]) -> None:
    base, ctx, shots = browser_site
    page = ctx.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    page.goto(base + "/")
    assert page.title().startswith("Stories")
    first = page.locator(".story-card h3 a").first
    title = first.inner_text()
    page.screenshot(path=str(shots / "home.png"), full_page=True)

    first.click()
    page.wait_for_load_state()
    assert "/stories/" in page.url
    assert page.locator("h1").inner_text() == title
    assert page.locator("#summary h2").is_visible()
    assert page.locator("table.articles tbody tr").count() >= 2
    page.screenshot(path=str(shots / "story.png"), full_page=True)

    page.locator("table.articles tbody tr td:nth-child(3) a").first.click()
    page.wait_for_load_state()
    assert "/articles/" in page.url
    assert page.locator(".page .r-body").count() >= 1
    body_color = page.locator(".page .r-body").first.evaluate(
        "e => getComputedStyle(e).color")
    assert body_color  # the stylesheet loaded under the strict policy
    # hiding the left-out parts works without any script
    if page.locator(".page .r-removed").count():
        page.locator("label[for=show-removed]").click()
        assert not page.locator(".page .r-removed").first.is_visible()
    page.screenshot(path=str(shots / "article.png"), full_page=True)

    outlet = page.locator(".lede a.outlet").first
    if outlet.count():
        name = outlet.inner_text()
        outlet.click()
        page.wait_for_load_state()
        assert "/outlets/" in page.url
        assert page.locator("h1").inner_text() == name
        assert page.locator("table.outlet-stories tbody tr").count() >= 1
        page.screenshot(path=str(shots / "outlet.png"), full_page=True)
    assert not errors, errors


def test_hostile_text_never_runs(browser_site: tuple[str, Any, Path],
                                 tmp_path: Path) -> None:
    base, ctx, shots = browser_site
    db = tmp_path / "hostile.db"
    arts = build_store(db)
    page = ctx.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    # the served store may be the demo one: load the hostile page as a file instead
    from rashomon.web.report import report_html

    with SQLiteStore(db, readonly=True) as store:
        html = report_html(store, "s1")
    report = tmp_path / "report.html"
    report.write_text(html, encoding="utf-8")
    page.goto(report.as_uri())
    assert "<script>alert(1)</script>" in page.locator("body").inner_text()
    assert page.locator("h1").evaluate("e => getComputedStyle(e).fontWeight") == "700"
    page.screenshot(path=str(shots / "report.png"), full_page=True)
    assert dialogs == []
    assert arts["patriot"].title and "<script>" in arts["patriot"].title
