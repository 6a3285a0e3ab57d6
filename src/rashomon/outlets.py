"""One name per outlet across pages.

Pages name their outlet in different ways: 'Kessary Daily' in a byline, 'Kessary Daily Media
Ltd' in the copyright line, 'The Northern Ledger' and 'Northern Ledger News', 'ONB News' and
'Orsenian National Broadcaster'. Comparison is per outlet, so these must be one. Names are
matched by a key (case, a leading 'the', trailing corporate and generic words removed) and by
acronyms (initials of another known name); the first name seen for an outlet, in the store
or in the run, is the one kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from rashomon.model import Article
from rashomon.pipeline import Step, register
from rashomon.store.base import Store

#: Words that end many outlet names without telling outlets apart ('Media Ltd', 'Group').
_CORPORATE = {"ltd", "limited", "inc", "llc", "plc", "co", "corp", "corporation", "group",
              "gmbh", "sa", "ag", "company", "holdings", "media", "publishing", "publications"}
#: Words that end outlet names but may also be all that tells two outlets apart ('ABC News'
#: vs 'ABC'): dropped only when the shorter name is already known.
_GENERIC = {"news", "online", "com", "net", "org", "daily", "newspaper", "magazine", "tv",
            "radio", "network", "agency", "media"}
_SMALL = {"the", "of", "and", "for", "de", "la", "el", "al", "&"}
_WORD = re.compile(r"[\w']+")


def name_keys(name: str) -> list[str]:
    """Match keys of an outlet name, most specific first."""
    words = [w.lower() for w in _WORD.findall(name.replace(".", " "))]
    while words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in _CORPORATE:
        words = words[:-1]
    keys = [" ".join(words)]
    while len(words) > 1 and words[-1] in _GENERIC:
        words = words[:-1]
        keys.append(" ".join(words))
    return [k for k in keys if k]


def acronym(name: str) -> str | None:
    """The initials of a multi-word name ('Orsenian National Broadcaster' -> 'onb')."""
    words = [w for w in _WORD.findall(name) if w.lower() not in _SMALL]
    while len(words) > 1 and words[-1].lower() in _CORPORATE:
        words = words[:-1]
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return None
    return "".join(w[0] for w in words).lower()


def _acronyms_in(name: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(name) if 2 <= len(w) <= 6 and w.isupper()]


class OutletNames:
    """Known outlet names and the canonical name each maps to."""

    def __init__(self, known: Iterable[str] = ()) -> None:
        self.by_key: dict[str, str] = {}
        self.by_acronym: dict[str, str] = {}
        for name in known:
            self.canonical(name)

    def canonical(self, name: str) -> str:
        """The name to store for ``name``; learns it when it is new."""
        keys = name_keys(name)
        for key in keys:
            if key in self.by_key:
                return self.by_key[key]
        for acr in _acronyms_in(name):
            if acr in self.by_acronym:
                return self.by_acronym[acr]
        own = acronym(name)
        if own and own in self.by_key:  # 'ONB' known before 'Orsenian National Broadcaster'
            return self.by_key[own]
        for key in keys:
            self.by_key.setdefault(key, name)
        if own:
            self.by_acronym.setdefault(own, name)
        for acr in _acronyms_in(name):
            self.by_acronym.setdefault(acr, name)
        return name


@register
class CanonicalOutlets(Step):
    """Give each stored article its outlet's canonical name.

    Runs on the driver after the articles are written (writers may be many processes), so
    one registry of names sees the whole stream in order.
    """

    name = "rashomon.outlets"
    version = "1"

    def __init__(self, store: Store, batch: int = 200) -> None:
        super().__init__()
        self.store, self.batch = store, batch
        self.names = OutletNames(row["outlet"] for row in store.outlets())

    def run(self, items: Iterable[Article]) -> Iterator[Article]:
        renames: list[tuple[str, str]] = []
        for article in items:
            if article.outlet:
                name = self.names.canonical(article.outlet)
                if name != article.outlet:
                    article.meta["outlet_as_named"] = article.outlet
                    article.outlet = name
                    renames.append((article.id, name))
                    self.stats["renamed"] += 1
            if len(renames) >= self.batch:
                self.store.rename_outlets(renames)
                renames = []
            yield article
        if renames:
            self.store.rename_outlets(renames)
