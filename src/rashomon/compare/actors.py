"""Actors of a story: the entities of its articles, one per real-world actor.

Each article's enrichment names its entities under the spellings it uses; the story
resolves them across articles (``enrich.resolve_entities``: 'Hay'at Tahrir al-Sham' = 'HTS',
'Recep Tayyip Erdogan' = 'Erdogan') and counts who names each actor how often.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from rashomon.compare.text import outlet_key
from rashomon.model import Article


def _display_name(spellings: Counter[str]) -> str:
    """The fullest spelling: not an acronym, most words, most used."""
    from rashomon.enrich import names

    return max(
        spellings,
        key=lambda n: (not names.is_acronym(n), len(n.split()), spellings[n], n),
    )


def story_actors(articles: list[Article]) -> list[dict[str, Any]]:
    """Actors named in the enriched articles, most mentioned first.

    Returns:
        ``[{id, name, kind, mentions, names: [{text, count}], outlets: {outlet: count},
        by_outlet: {outlet: [{text, count}]}, articles: [article id], entities: [entity
        id]}]`` (``by_outlet``: the spellings each outlet uses); empty when no article is
        enriched.
    """
    enriched = [a for a in articles if (a.enrichment or {}).get("entities")]
    if not enriched:
        return []
    from rashomon.enrich import resolve_entities  # loads spaCy: only for enriched stories

    canon = resolve_entities(enriched)
    found: dict[str, dict[str, Any]] = {}
    for art in enriched:
        outlet = outlet_key(art)
        for ent in art.enrichment["entities"]:
            cid = canon.get(ent.get("id"))
            if cid is None:
                continue
            rec = found.setdefault(
                cid,
                {
                    "kinds": Counter(),
                    "names": Counter(),
                    "outlets": Counter(),
                    "by_outlet": {},
                    "articles": [],
                    "entities": [],
                },
            )
            spellings = [m.get("text") for m in ent.get("mentions") or []] or [ent.get("name")]
            spellings = [s for s in spellings if s]
            rec["kinds"][ent.get("kind")] += len(spellings)
            rec["names"].update(spellings)
            rec["outlets"][outlet] += len(spellings)
            rec["by_outlet"].setdefault(outlet, Counter()).update(spellings)
            rec["entities"].append(ent["id"])
            if art.id not in rec["articles"]:
                rec["articles"].append(art.id)
    out = []
    for cid, rec in found.items():
        if not rec["names"]:
            continue
        out.append(
            {
                "id": cid,
                "name": _display_name(rec["names"]),
                "kind": _kind(cid, rec["kinds"]),
                "mentions": sum(rec["names"].values()),
                "names": [{"text": t, "count": n} for t, n in rec["names"].most_common()],
                "outlets": dict(rec["outlets"].most_common()),
                "by_outlet": {
                    o: [{"text": t, "count": n} for t, n in rec["by_outlet"][o].most_common()]
                    for o, _ in rec["outlets"].most_common()
                },
                "articles": rec["articles"],
                "entities": rec["entities"],
            }
        )
    out.sort(key=lambda a: (-len(a["outlets"]), -a["mentions"], a["name"]))
    return out


def _kind(cid: str, kinds: Counter[str]) -> str:
    """The most used kind of the family the actor was resolved as ('place:velm' is a place
    even where the tagger read 'Velm' as a person)."""
    from rashomon.enrich.entities import FAMILY  # loaded with ``resolve_entities`` already

    family = FAMILY.get(cid.split(":", 1)[0])
    fitting = [k for k, _ in kinds.most_common() if family is None or FAMILY.get(k) == family]
    return fitting[0] if fitting else cid.split(":", 1)[0]
