"""The number words enrichment and comparison share read alike on both sides."""

import pytest

from rashomon.compare.figures import find_figures
from rashomon.enrich.figures import parse_number


@pytest.mark.parametrize(
    ("phrase", "low", "high"),
    [
        ("dozens", 24.0, 99.0),
        ("tens", 20.0, 99.0),
        ("thousands", 2e3, 9999.0),
        ("tens of thousands", 2e4, 99999.0),
        ("hundreds of thousands", 2e5, 999999.0),
        ("tens of millions", 2e7, 9.99e7),
        ("twelve", 12.0, 12.0),
        ("3.5 million", 3.5e6, 3.5e6),
    ],
)
def test_enrichment_and_comparison_read_a_figure_alike(phrase: str, low: float, high: float
                                                       ) -> None:
    value = parse_number(phrase)
    assert value == ([low, high] if low != high else low)
    (fig,) = find_figures(f"Officials counted {phrase} of the tents by the river.")
    assert (fig.low, fig.high) == (low, high)
