"""Actors across the store: the actors of every compared story, joined when they name one
real-world actor.

Each compared story has resolved its articles' entities to actors already
(``compare.actors``: 'HTS' = 'Hay'at Tahrir al-Sham' inside one story). Across stories the
join is stricter, since two stories can name two different people 'Mustafa':

- a person's name of two words or more joins the people of other stories named with the
  same words, maybe reordered. Spelling variants of a person join only where one story
  has tied them: a consonant skeleton is too loose across stories ('Omar Hassan' and
  'Omar Hussein' share one);
- a name of an organisation or a place joins the actors of other stories that carry one
  spelling of it (``names.similar``: same skeleton, same words in another order, or a
  close spelling: 'Kfar Nabouda' = 'Kafr Nabudah'). An acronym a story has tied to its long
  form ('HTS') so joins the stories that only use it;
- a person that a story names by one word only ('Erdogan') joins the person of the store
  whose full name starts or ends with that word when that person is the only one, or is
  written in full far more often than any other; otherwise it stays on its own;
- a person and a place never join ('Jordan'); across kinds, only one spelling joins
  ('Idlib' read as a place and as an organisation).

A story's actor joins through its core spellings only, those that name one actor with its
most used name, so a misread spelling in one story ('Donald Trump-Kim' among the names of
Kim Jong Un) does not bridge two actors.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any
from weakref import WeakKeyDictionary

from rashomon.enrich import names
from rashomon.enrich.entities import FAMILY, same_actor
from rashomon.errors import NotFound
from rashomon.store.base import Store


class _Union:
    """Union-find over member positions; the smaller position is the root."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _members(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One member per (story, story actor) with a usable name and kind."""
    out = []
    for row in rows:
        for actor in row.get("actors") or []:
            if not isinstance(actor, dict) or actor.get("kind") not in FAMILY:
                continue
            spellings = Counter()
            for n in actor.get("names") or []:
                if isinstance(n, dict) and isinstance(n.get("text"), str) and n["text"].strip():
                    spellings[n["text"]] += _count(n.get("count"))
            if not spellings and isinstance(actor.get("name"), str) and actor["name"].strip():
                spellings[actor["name"]] = 1
            if spellings:
                member = {
                    "story": row,
                    "actor": actor,
                    "names": spellings,
                    "family": FAMILY[actor["kind"]],
                }
                member["core"] = _core(member)
                member["full"] = sorted({_folded(n) for n in member["core"]})
                out.append(member)
    return out


def _display(spellings: Counter[str], core: Counter[str], kind: str) -> str:
    """The name to show: the most used core spelling that opens with a letter or digit and is
    no acronym (a person's full name before a lone surname, then the longest); any spelling
    when there is no core."""
    pool = core or spellings
    return max(
        pool,
        key=lambda n: (
            n[:1].isalnum(),  # not a handle ('@CNN') or a stray mark
            not names.is_acronym(n),
            kind != "person" or len(n.split()) >= 2,
            pool[n],
            len(n.split()),
            n,
        ),
    )


def _folded(name: str) -> str:
    return names.strip_titles(names.fold(name))


def _joinable(a: dict[str, Any], b: dict[str, Any], name_a: str, name_b: str) -> bool:
    """Whether two members that share a blocking key name one actor."""
    fams = {a["family"], b["family"]}
    if fams == {"person", "place"}:
        return False
    if len(fams) > 1 or "person" in fams:
        # across families only one spelling joins
        if len(fams) > 1:
            return name_a == name_b
        # people: the same words, maybe reordered; a skeleton is too loose across stories
        # ('Omar Hassan' and 'Omar Hussein' share one)
        return set(name_a.split()) - names.STOP == set(name_b.split()) - names.STOP
    return names.similar(name_a, name_b)


def _core(member: dict[str, Any]) -> list[str]:
    """The spellings a member joins others by: those that name one actor with its most used
    name (a person's full names only). A story's actor can hold a misread spelling ('Donald
    Trump-Kim' in a Kim Jong Un group); only its core carries it to other stories."""
    spellings, kind = member["names"], member["actor"]["kind"]
    pool = [n for n in spellings if _folded(n)]
    if member["family"] == "person":
        pool = [n for n in pool if len(_folded(n).split()) >= 2]
    if not pool:
        return []
    top = max(pool, key=lambda n: (spellings[n], len(n), n))
    # spaCy often reads a person as an organisation ('Trump'): an organisation's core also
    # takes the full names its most used name is the surname or first name of
    return [
        n
        for n in pool
        if n == top
        or same_actor([top], kind, n, kind, {})
        or member["family"] == "org"
        and same_actor([top], "person", n, "person", {})
    ]


def _keys(name: str, family: str) -> set[str]:
    """Blocking keys: names that ``_joinable`` may join share one (the skeleton, the set of
    words and, for the close spellings of organisations and places, the first word's
    skeleton and the length to within about four letters)."""
    words = sorted(set(name.split()) - names.STOP)
    skel = names.skeleton(name)
    keys = {f"s:{skel}", f"w:{' '.join(words)}"}
    if family != "person":
        keys |= {f"p:{skel.split()[0]}:{(len(name) + d) // 4}" for d in (0, 2)}
    return keys


def resolve(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Join the story actors of ``rows`` (``[{id, title, ..., actors}]``, as
    ``Store.actor_lists`` gives them) into actors of the store, most stories first.

    Returns:
        ``[{id, name, kind, mentions, names: [{text, count}], outlets: {outlet: count},
        by_outlet: {outlet: [{text, count}]}, stories: [{id, title, first_published,
        last_published, actor, name, mentions}]}]``; ``by_outlet`` gives the spellings each
        outlet uses, ``stories[].actor`` the story's own actor id.
    """
    members = _members(rows)
    union = _Union(len(members))
    # blocking key -> (name, family) -> first member seen with it: a name used by thousands
    # of stories is one entry, so each member is compared with distinct names only
    index: dict[str, dict[tuple[str, str], int]] = defaultdict(dict)
    for i, m in enumerate(members):
        for name in m["full"]:
            for key in _keys(name, m["family"]):
                block = index[key]
                for (other, _), j in block.items():
                    if union.find(i) != union.find(j) and _joinable(members[j], m, other, name):
                        union.join(i, j)
                block.setdefault((name, m["family"]), i)
    _attach_surnames(members, union)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(members)):
        groups[union.find(i)].append(i)
    out = [_actor([members[i] for i in ids]) for ids in groups.values()]
    out.sort(key=lambda a: (-len(a["stories"]), -a["mentions"], a["name"]))
    seen: Counter[str] = Counter()
    for actor in out:
        seen[actor["id"]] += 1
        if seen[actor["id"]] > 1:  # two actors of one name that did not join ('Mustafa')
            actor["id"] = f"{actor['id']}~{seen[actor['id']]}"
    return out


#: a one-word name goes to the most mentioned person it can name when that person has at
#: least this many times the mentions of the next one ('Trump' in a story that never says
#: which: the one the corpus speaks of, not a relative named twice)
DOMINANT = 3
#: ... and when the stories write that person's full name at least this often
MIN_FULL = 2


def _attach_surnames(members: list[dict[str, Any]], union: _Union) -> None:
    """Join each person named by one word only to the person whose full name starts or ends
    with it: the only one, or one whose full names the stories write ``DOMINANT`` times as
    often as any other's (and at least ``MIN_FULL`` times). People
    of one identical one-word name that no one such person takes join each other."""
    # word -> member -> how often the member's full names start or end with it
    by_word: dict[str, Counter[int]] = defaultdict(Counter)
    for i, m in enumerate(members):
        if m["family"] == "person":
            for name in m["core"]:
                words = _folded(name).split()
                for word in {words[0], words[-1]}:
                    by_word[word][i] += m["names"][name]
    alone: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(members):
        if m["family"] != "person" or m["full"]:
            continue
        word = max((_folded(n) for n in m["names"]), key=len, default="")
        if not word:
            continue
        weight: Counter[int] = Counter()
        for j, count in by_word.get(word, Counter()).items():
            weight[union.find(j)] += count
        ranked = weight.most_common(2)
        # a full name written once only ('Trump's Twitter', a misread) takes no one
        if (
            ranked
            and ranked[0][1] >= MIN_FULL
            and (len(ranked) == 1 or ranked[0][1] >= DOMINANT * ranked[1][1])
        ):
            union.join(i, ranked[0][0])
        else:
            alone[word].append(i)
    for ids in alone.values():
        for i in ids[1:]:
            union.join(ids[0], i)


def _count(value: Any) -> int:
    """A stored count: a positive whole number, else 1 (one spelling seen)."""
    return value if isinstance(value, int) and value > 0 else 1


def _mentions(member: dict[str, Any]) -> int:
    count = member["actor"].get("mentions")
    return count if isinstance(count, int) and count > 0 else sum(member["names"].values())


def _actor(group: list[dict[str, Any]]) -> dict[str, Any]:
    spellings: Counter[str] = Counter()
    core: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    outlets: Counter[str] = Counter()
    by_outlet: dict[str, Counter[str]] = {}
    stories = []
    for m in group:
        actor, story = m["actor"], m["story"]
        mentions = _mentions(m)
        spellings.update(m["names"])
        core.update({n: m["names"][n] for n in m["core"]})
        kinds[actor["kind"]] += mentions
        for outlet, n in (actor.get("outlets") or {}).items():
            if isinstance(n, int):
                outlets[str(outlet)] += n
        spelled = actor.get("by_outlet")
        for outlet, used in spelled.items() if isinstance(spelled, dict) else ():
            for t in used if isinstance(used, list) else ():
                if isinstance(t, dict) and isinstance(t.get("text"), str):
                    by_outlet.setdefault(str(outlet), Counter())[t["text"]] += _count(
                        t.get("count")
                    )
        stories.append(
            {
                "id": story.get("id"),
                "title": story.get("title"),
                "first_published": story.get("first_published"),
                "last_published": story.get("last_published"),
                "actor": actor.get("id"),
                "name": _display(
                    m["names"], Counter({n: m["names"][n] for n in m["core"]}), actor["kind"]
                ),
                "mentions": mentions,
            }
        )
    kind = kinds.most_common(1)[0][0]
    name = _display(spellings, core, kind)
    stories.sort(
        key=lambda s: (s["first_published"] is None, s["first_published"] or "", str(s["id"]))
    )
    return {
        "id": f"{kind}:{names.strip_titles(names.fold(name)).replace(' ', '-')}",
        "name": name,
        "kind": kind,
        "mentions": sum(s["mentions"] for s in stories),
        "names": [{"text": t, "count": n} for t, n in spellings.most_common()],
        "outlets": dict(outlets.most_common()),
        "by_outlet": {
            o: [{"text": t, "count": n} for t, n in by_outlet[o].most_common()]
            for o in sorted(by_outlet, key=lambda o: (-outlets[o], o))
        },
        "stories": stories,
    }


def store_actors(
    store: Store, *, kind: str | None = None, limit: int | None = None, min_stories: int = 1
) -> dict[str, Any]:
    """The actors of the store's compared stories, most stories and mentions first.

    Args:
        kind: only actors of this kind (person, org, group, place, outlet).
        limit: at most this many actors.
        min_stories: only actors named in at least this many stories.
    Returns:
        ``{count, stories, actors: [...]}``: ``count`` actors match, ``stories`` stories
        have actors; each actor as ``resolve`` gives it, with ``story_count``.
    """
    n_stories, actors = _resolved(store)
    found = [
        a
        for a in actors
        if (kind is None or a["kind"] == kind) and len(a["stories"]) >= min_stories
    ]
    shown = found if limit is None else found[:limit]
    return {
        "count": len(found),
        "stories": n_stories,
        "actors": [a | {"story_count": len(a["stories"])} for a in shown],
    }


#: per store: its ``stories_version`` and what ``_resolved`` made of it then
_CACHE: WeakKeyDictionary[Store, tuple[object, tuple[int, list[dict[str, Any]]]]] = (
    WeakKeyDictionary()
)


def _resolved(store: Store) -> tuple[int, list[dict[str, Any]]]:
    """(stories with actors, resolved actors) of the store, kept until a story changes.
    Callers copy what they change: the list is shared."""
    version = store.stories_version()  # read first: a write after it only makes us redo
    hit = _CACHE.get(store) if version is not None else None
    if hit is not None and hit[0] == version:
        return hit[1]
    rows = store.actor_lists()
    out = (len(rows), resolve(rows))
    if version is not None:
        _CACHE[store] = (version, out)
    return out


def storyline_actors(store: Store, story_ids: list[str], limit: int = 20) -> list[dict[str, Any]]:
    """The actors of a storyline's stories (joined as across the store), those in most of its
    stories first: ``[{id, name, kind, stories, mentions, first_published,
    last_published}]``, the counts and dates within the storyline."""
    mine = set(story_ids)
    out = []
    for actor in _resolved(store)[1]:
        inside = [s for s in actor["stories"] if s["id"] in mine]
        if not inside:
            continue
        dates = sorted(str(s["first_published"]) for s in inside if s["first_published"])
        out.append(
            {
                "id": actor["id"],
                "name": actor["name"],
                "kind": actor["kind"],
                "stories": len(inside),
                "mentions": sum(s["mentions"] for s in inside),
                "first_published": dates[0] if dates else None,
                "last_published": dates[-1] if dates else None,
            }
        )
    out.sort(key=lambda a: (-a["stories"], -a["mentions"], a["name"]))
    return out[:limit]


def store_actor(
    store: Store, actor_id: str, story: str | None = None, quote_limit: int = 200
) -> dict[str, Any]:
    """One actor of the store by its id, or by a story's own actor id (``story`` tells which
    story when several use that id), with the quotes outlets give it (``actor_quotes``).

    Raises:
        NotFound: no actor has that id.
    """
    actors = _resolved(store)[1]
    found = next((a for a in actors if a["id"] == actor_id), None)
    if found is None:
        found = next(
            (
                a
                for a in actors
                if any(
                    s["actor"] == actor_id and (story is None or s["id"] == story)
                    for s in a["stories"]
                )
            ),
            None,
        )
    if found is None:
        raise NotFound(f"no actor {actor_id!r}")
    return found | {
        "story_count": len(found["stories"]),
        "quotes": actor_quotes(store, found, limit=quote_limit),
    }


def actor_quotes(store: Store, actor: dict[str, Any], limit: int = 200) -> list[dict[str, Any]]:
    """The quotes of an actor's stories that an outlet gives to one of its spellings:
    ``[{story, text, outlets, speakers: {outlet: speaker}}]``, by story date."""
    name, kind = actor["name"], actor["kind"]

    def fits(spelling: str) -> bool:  # a spelling of this actor, not a misread one
        return _folded(spelling) == _folded(name) or same_actor([name], kind, spelling, kind, {})

    spelled = {_folded(n["text"]) for n in actor["names"] if fits(n["text"])}
    if kind == "person":  # a one-word speaker is the person only inside its story
        spelled = {n for n in spelled if len(n.split()) >= 2} or spelled
    out: list[dict[str, Any]] = []
    for row in actor["stories"]:
        story = store.get_story(str(row["id"]))
        own = (
            {_folded(n) for n in _story_spellings(story, row["actor"]) if fits(n)}
            if story
            else set()
        )
        for quote in ((story.comparison or {}).get("quotes") or []) if story else []:
            if not isinstance(quote, dict):
                continue
            said = {}
            for art in quote.get("articles") or []:
                speaker = art.get("speaker") if isinstance(art, dict) else None
                if isinstance(speaker, str) and _folded(speaker) in spelled | own:
                    said[str(art.get("outlet") or art.get("source_id") or "?")] = speaker
            if said:
                out.append(
                    {
                        "story": row["id"],
                        "story_title": row["title"],
                        "text": quote.get("text"),
                        "outlets": quote.get("outlets") or [],
                        "speakers": said,
                    }
                )
                if len(out) >= limit:
                    return out
    return out


def _story_spellings(story: Any, actor_id: str) -> list[str]:
    """The spellings a story's own actor goes by."""
    for actor in (story.comparison or {}).get("actors") or []:
        if isinstance(actor, dict) and actor.get("id") == actor_id:
            return [
                n["text"]
                for n in actor.get("names") or []
                if isinstance(n, dict) and isinstance(n.get("text"), str)
            ]
    return []


__all__ = ["actor_quotes", "resolve", "store_actor", "store_actors", "storyline_actors"]
