"""Write scikit-learn's English stop-word list to src/rashomon/stories/data/stopwords.txt.

Story clustering drops these words from its term vectors. Reading them from a small file
keeps scikit-learn (a second-long import) out of every ``rashomon`` command; the list is
scikit-learn's (BSD-3-Clause, licence copied beside it), unchanged.

    python scripts/export_stopwords.py
"""

from __future__ import annotations

from importlib.metadata import distribution
from pathlib import Path

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

OUT = Path(__file__).resolve().parents[1] / "src" / "rashomon" / "stories" / "data"


def main() -> None:
    dist = distribution("scikit-learn")
    words = sorted(ENGLISH_STOP_WORDS)
    header = f"# scikit-learn {dist.version} ENGLISH_STOP_WORDS, BSD-3-Clause (stopwords.LICENSE)\n"
    (OUT / "stopwords.txt").write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    licence = next(f for f in dist.files or [] if f.name in ("COPYING", "LICENSE"))
    (OUT / "stopwords.LICENSE").write_text(licence.read_text(), encoding="utf-8")
    print(f"wrote {len(words)} words to {OUT / 'stopwords.txt'}")


if __name__ == "__main__":
    main()
