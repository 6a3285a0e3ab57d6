"""Labels of the written training pages: body lines found in order, menu repeats stay chrome."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def train() -> ModuleType:
    pytest.importorskip("sklearn")
    spec = importlib.util.spec_from_file_location(
        "train_line_model", ROOT / "scripts" / "train_line_model.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("train_line_model", mod)
    spec.loader.exec_module(mod)
    return mod


PAGE = """Soup for a cold night | Kitchen Notes

Recipes
Ingredients
Share

Soup for a cold night

A pot of soup that feeds four people for the price of a coffee.
Ingredients
2 leeks, sliced
1 litre stock

Related
Ingredients
"""
GOLD = ("A pot of soup that feeds four people for the price of a coffee.\n\nIngredients\n\n"
        "2 leeks, sliced\n\n1 litre stock")


def test_in_order_labels_skip_menu_repeats(train: ModuleType) -> None:
    lines, y = train.label_in_order(PAGE, GOLD)
    body = [ln.text for ln, v in zip(lines, y, strict=True) if v]
    assert body == GOLD.split("\n\n")
    # the menu item and the related-list item that read "Ingredients" stay chrome
    assert [ln.lineno for ln, v in zip(lines, y, strict=True) if ln.text == "Ingredients"
            and not v] == [4, 15]


def test_missing_gold_paragraph_is_an_error(train: ModuleType) -> None:
    with pytest.raises(ValueError, match="not found in order"):
        train.label_in_order(PAGE, GOLD + "\n\nServe with bread")


def test_every_written_page_has_its_body(train: ModuleType) -> None:
    pages = train.load_extra()
    assert len(pages) >= 30
    for p in pages:
        assert 0 < p["y"].sum() < len(p["y"])
