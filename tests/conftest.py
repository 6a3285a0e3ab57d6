"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest
from pagekit import HARBOUR, ORCHARD, text_page

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture
def pages_dir(tmp_path: Path) -> Path:
    """A folder with two pages of one story and one unrelated page."""
    d = tmp_path / "pages"
    d.mkdir()
    (d / "ledger-strike.txt").write_text(text_page("Velmora dockworkers strike over shifts",
                                                   HARBOUR))
    (d / "courier-strike.txt").write_text(text_page(
        "Port of Velmora halted as dockers walk out", HARBOUR[1:] + HARBOUR[:1],
        outlet="Harbour Courier", comments=True))
    (d / "frost.txt").write_text(text_page("Frost hits Castrel apple growers", ORCHARD,
                                           date="Thu, 6 Mar 2025 08:00 GMT"))
    return d


@pytest.fixture
def shared() -> Path:
    """The shared evaluation folder beside the repository; skips when absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED
