from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.settings import SETTINGS, Settings

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_setting_is_documented_in_the_readme() -> None:
    text = README.read_text()
    missing = [s.name for s in SETTINGS if f"`{s.name}`" not in text]
    assert missing == []


def test_environment_overrides_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASHOMON_WRITE_BATCH", "7")
    settings = Settings.load()
    assert settings.write_batch == 7
    assert Settings.load(write_batch=3).write_batch == 3
    assert Settings.load().max_page_bytes == 20_000_000
