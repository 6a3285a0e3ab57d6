"""Static sentence embeddings (model2vec, distilled from all-MiniLM-L6-v2), numpy only."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


def load_default():  # placeholder until the artifact lands
    return None
