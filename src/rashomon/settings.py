"""Settings, declared once with their defaults and help text.

Each can be overridden by an environment variable ``RASHOMON_<NAME>`` (upper case). The
README lists them all; a test fails if one is missing there.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting: name, default and the help shown to users."""

    name: str
    default: int | float | str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("max_page_bytes", 20_000_000,
            "Largest page (or JSON row) read, in bytes; larger inputs are skipped. 20 MB is "
            "ten times the heaviest news page in the evaluation sets."),
    Setting("db", "rashomon.db", "Default store file for analyze, stories, story and serve."),
    Setting("write_batch", 200,
            "Articles written per transaction: small enough that a kill loses little work, "
            "large enough that commits do not dominate (about 5 ms each with WAL)."),
    Setting("enrich_min_outlets", 2,
            "Deep NLP runs on articles of stories told by at least this many outlets."),
    Setting("enrich_processes", 1, "Processes for spaCy enrichment (nlp.pipe n_process)."),
    Setting("enrich_max_articles", 60,
            "Articles parsed by deep NLP per analyze run, most-covered stories first; the "
            "rest wait for 'rashomon enrich'. At about 4,700 words/s a 600-word article "
            "takes ~0.13 s, so 60 articles keep the stage near 8 s: a bulk import or an "
            "incremental add is not held up by the slowest stage."),
    Setting("compare_max_stories", 300,
            "Stories compared per analyze run, most-covered first; the rest are compared by "
            "'rashomon enrich' or on demand when viewed. At 0.03-0.1 s a story (after "
            "enrichment), 300 stories take 10-30 s."),
    Setting("deep_min_seconds", 10.0,
            "Enrichment and comparison in an analyze run get as long as ingesting and "
            "clustering took; the first run into an empty store gets at least this long: "
            "enough to finish a pile of a few dozen pages (the spaCy model loads in ~1.5 s, "
            "then ~0.1 s an article and a story), while adding to a store stays quick."),
    Setting("deep_max_seconds", 120.0,
            "... and at most this long, so a bulk import of tens of thousands of pages is "
            "not held up; the stories not reached are compared on demand or by "
            "'rashomon enrich'."),
)


@dataclass(frozen=True, slots=True)
class Settings:
    """Resolved settings: defaults overridden by ``RASHOMON_*`` environment variables."""

    max_page_bytes: int
    db: str
    write_batch: int
    enrich_min_outlets: int
    enrich_processes: int
    enrich_max_articles: int
    compare_max_stories: int
    deep_min_seconds: float
    deep_max_seconds: float

    @classmethod
    def load(cls, **overrides: object) -> Settings:
        """Defaults, then environment, then explicit ``overrides``."""
        values: dict[str, object] = {}
        for s in SETTINGS:
            raw = os.environ.get(f"RASHOMON_{s.name.upper()}")
            values[s.name] = type(s.default)(raw) if raw is not None else s.default
        values.update({k: v for k, v in overrides.items() if v is not None})
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in names})  # type: ignore[arg-type]
