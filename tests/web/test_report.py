from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from rashomon.errors import NotFound
from rashomon.store import SQLiteStore
from rashomon.web import write_report


def test_report_is_one_self_contained_file(built: tuple[Path, dict[str, Any]],
                                           tmp_path: Path) -> None:
    out = tmp_path / "deep" / "story.html"
    with SQLiteStore(built[0], readonly=True) as store:
        write_report(store, "s1", out)
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    assert "Dock workers strike in Valmora" in html
    assert "<style>" in html and "--ink:" in html  # the stylesheet is inlined
    assert "<script" not in html.lower()
    assert not re.search(r"""<link[^>]+href=["']?https?:""", html)
    assert not re.search(r"""\ssrc=["']?(https?:|//)""", html)
    assert not re.search(r"url\(\s*['\"]?(https?:|//)", html)
    assert 'href="/' not in html  # no link leads back to a server
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "javascript:" not in html
    # the file's own policy allows exactly its inlined stylesheet
    assert "Content-Security-Policy" in html and "'sha256-" in html


def test_report_style_hash_matches_the_inlined_css(built: tuple[Path, dict[str, Any]],
                                                   tmp_path: Path) -> None:
    import base64
    import hashlib

    out = tmp_path / "r.html"
    with SQLiteStore(built[0], readonly=True) as store:
        write_report(store, "s1", out)
    html = out.read_text(encoding="utf-8")
    css = re.search(r"<style>(.*?)</style>", html, re.S)
    assert css is not None
    digest = base64.b64encode(hashlib.sha256(css.group(1).encode()).digest()).decode()
    assert f"'sha256-{digest}'" in html


def test_report_of_unknown_story_raises_not_found(built: tuple[Path, dict[str, Any]],
                                                  tmp_path: Path) -> None:
    with SQLiteStore(built[0], readonly=True) as store, pytest.raises(NotFound):
        write_report(store, "nope", tmp_path / "x.html")
    assert not (tmp_path / "x.html").exists()


def test_report_command(built: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    from click.testing import CliRunner

    from rashomon.cli import cli

    out = tmp_path / "cli.html"
    res = CliRunner().invoke(cli, ["report", "s1", "--db", str(built[0]), "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert out.exists()
    res = CliRunner().invoke(cli, ["report", "nope", "--db", str(built[0]), "--out", str(out)])
    assert res.exit_code == 2 and "no story" in res.output


def test_serve_runs_uvicorn_on_the_app(built: tuple[Path, dict[str, Any]],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    from rashomon.web import serve

    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    serve(str(built[0]), host="127.0.0.1", port=8765)
    assert seen["port"] == 8765 and seen["host"] == "127.0.0.1"
    assert "/stories/{story_id}.json" in seen["app"].openapi()["paths"]
