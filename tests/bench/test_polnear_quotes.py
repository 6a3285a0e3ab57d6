"""Span scoring of the PolNeAR benchmark: one-to-one overlap, exact and token overlap."""

from __future__ import annotations

import importlib.util
import sys
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "polnear_quotes", ROOT / "bench" / "polnear_quotes.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


TEXT = "The mayor said the bridge will reopen in May, and she added: it is safe."


def _at(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def test_a_content_cut_in_two_matches_once_but_keeps_its_tokens(bench: ModuleType) -> None:
    gold = [[_at("the bridge will reopen in May")]]
    pred = [[_at("the bridge will")], [_at("reopen in May")]]
    tally: dict[str, float] = defaultdict(float)
    bench.score_doc(TEXT, pred, gold, tally)
    # one-to-one: one of the two halves matches the gold span, the other is a false positive
    assert (tally["overlap"], tally["pred"], tally["gold"]) == (1, 2, 1)
    assert tally["exact"] == 0
    # tokens: all six gold tokens are covered and nothing else is predicted
    assert (tally["token_tp"], tally["token_pred"], tally["token_gold"]) == (6, 6, 6)


def test_tokens_count_once_and_a_cut_word_counts_whole(bench: ModuleType) -> None:
    gold = [[_at("she")], [_at("she")]]
    start, end = _at("she")
    pred = [[(start + 1, end)]]  # "he" inside "she"
    tally: dict[str, float] = defaultdict(float)
    bench.score_doc(TEXT, pred, gold, tally)
    assert (tally["token_tp"], tally["token_pred"], tally["token_gold"]) == (1, 1, 1)


def test_punctuation_is_a_token_of_its_own(bench: ModuleType) -> None:
    assert len(bench._tokens(TEXT, [_at("it is safe.")])) == 4


def test_the_table_prints_each_roles_overlap_figures(
    bench: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    tallies = {role: defaultdict(float) for role in bench.ROLES}
    bench.score_doc(
        TEXT,
        [[_at("the bridge will")]],
        [[_at("the bridge will reopen in May")]],
        tallies["content"],
    )
    bench.print_table(tallies)
    rows = {line.split()[0]: line.split() for line in capsys.readouterr().out.splitlines()}
    assert rows["content"][1:4] == ["1", "1", "1.000/1.000/1.000"]
    assert rows["source"][1:4] == ["0", "0", "0.000/0.000/0.000"]
