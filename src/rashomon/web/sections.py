"""The sections of a story page, derived from the story's JSON context: the coverage
table, the neutral summary, labels, quotes, loaded wording, contradictions and sourcing.

Comparison keys are read defensively: a key the compare stage has not filled, or fills in
a shape not known here, gives an empty section (the page then shows it generically).
"""

from __future__ import annotations

import re
from typing import Any

from rashomon.web.present import article_index, collect, dicts, outlet_of, story_outlets

#: support levels, most widely told first; the coverage table sorts facts by them
SUPPORT_ORDER = {"all": 0, "most": 1, "some": 2, "unique": 3}


def _ids(value: Any) -> list[str]:
    """Fact or article ids given as a string, a list of strings or dicts with an id."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [str(value["id"])] if "id" in value else []
    if isinstance(value, list):
        return [i for v in value for i in _ids(v)]
    return []


def coverage(story: dict[str, Any]) -> dict[str, Any]:
    """The outlets x facts table: each cell reported, contradicted, omitted or blank.

    Returns:
        ``{outlets, rows: [{fact, cells: [{state, article}]}]}`` with facts sorted from the
        most widely told to the unique ones.
    """
    outlets = story_outlets(story)
    omitted = {(o.get("outlet"), f.get("fact")) for o in dicts(story.get("omissions"))
               for f in dicts(o.get("facts"))}
    contradicted: set[tuple[str, str]] = set()
    for c in dicts(story.get("contradictions")):
        fids = _ids(c.get("fact")) + _ids(c.get("facts"))
        for o in collect(c, "outlet"):
            for fid in fids:
                contradicted.add((str(o), fid))
    rows = []
    facts = sorted(dicts(story.get("facts")),
                   key=lambda f: (SUPPORT_ORDER.get(str(f.get("support")), 9),
                                  -(f["n_outlets"] if isinstance(f.get("n_outlets"), int)
                                    else 0)))
    for f in facts:
        fid = str(f.get("id", ""))
        by_outlet: dict[str, str] = {}
        for a in dicts(f.get("articles")):
            by_outlet.setdefault(outlet_of(a), str(a.get("id", "")))
        cells = []
        for o in outlets:
            if (o, fid) in contradicted:
                state = "contradicted"
            elif o in by_outlet:
                state = "reported"
            elif (o, fid) in omitted:
                state = "omitted"
            else:
                state = ""
            cells.append({"state": state, "article": by_outlet.get(o)})
        rows.append({"fact": f, "cells": cells})
    return {"outlets": outlets, "rows": rows}


def citations(refs: Any, index: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Sources of a summary sentence as ``{id, outlet}``, the first article of each outlet
    (ids unknown to the story kept)."""
    out, seen, outlets = [], set(), set()
    for ref in refs if isinstance(refs, list) else [refs]:
        if isinstance(ref, dict):
            aid = str(ref.get("id") or ref.get("article") or "")
            outlet = ref.get("outlet") or outlet_of(index.get(aid, ref))
        elif isinstance(ref, str):
            aid, outlet = ref, outlet_of(index.get(ref, {"id": ref}))
        else:
            continue
        if aid and aid not in seen and str(outlet) not in outlets:  # one citation per outlet
            seen.add(aid)
            outlets.add(str(outlet))
            out.append({"id": aid, "outlet": str(outlet), "known": aid in index})
    return out


def summary(story: dict[str, Any]) -> dict[str, Any]:
    """The neutral summary's sentences with their cited articles.

    When the compare stage left no summary, the facts told by all or most outlets stand in,
    and ``fallback`` says so.
    """
    index = article_index(story)
    sentences: list[dict[str, Any]] = []
    summary_items = story.get("summary")
    for s in summary_items if isinstance(summary_items, list) else []:
        if isinstance(s, str):
            sentences.append({"text": s, "sources": []})
        elif isinstance(s, dict):
            text = s.get("text") or s.get("sentence") or ""
            refs: Any = next((s[k] for k in ("sources", "articles", "citations", "evidence")
                              if s.get(k)), [])
            sentences.append({"text": str(text), "sources": citations(refs, index)})
    if sentences:
        return {"sentences": sentences, "fallback": False}
    facts = [f for f in dicts(story.get("facts")) if f.get("support") in ("all", "most")]
    return {"sentences": [{"text": str(f.get("text", "")),
                           "sources": citations(dicts(f.get("articles")), index)}
                          for f in facts[:8]], "fallback": True}


def label_rows(labels: Any) -> list[dict[str, Any]]:
    """Per actor, the terms each outlet uses: ``[{actor, outlets: {outlet: [terms]}}]``.

    Accepts ``{actor: {outlet: terms}}`` or ``[{actor|entity|name, outlets|by_outlet|terms}]``
    where terms are a list, a string or a ``{term: count}`` dict.
    """
    items: list[tuple[str, Any]] = []
    if isinstance(labels, dict):
        items = [(str(k), v) for k, v in labels.items()]
    elif isinstance(labels, list):
        for row in dicts(labels):
            name = row.get("actor") or row.get("entity") or row.get("name") or "?"
            body: Any = next((row[k] for k in ("outlets", "by_outlet", "terms", "labels")
                              if isinstance(row.get(k), dict | list)), {})
            items.append((str(name), body))
    rows = []
    for actor, body in items:
        per: dict[str, list[str]] = {}
        if isinstance(body, dict):
            for outlet, terms in body.items():
                per[str(outlet)] = _terms(terms)
        elif isinstance(body, list):
            for t in dicts(body):
                outlet = str(t.get("outlet") or "?")
                per.setdefault(outlet, []).extend(_terms(t.get("terms") or t.get("term")
                                                         or t.get("label")))
        rows.append({"actor": actor, "outlets": per})
    return rows


def own_spelling(actor: dict[str, Any], outlet: str) -> str | None:
    """The spelling an outlet uses most for an actor, when it is more than a short form or
    another case of the shown name ('HTS' or 'Daesh', not 'Vasko' for 'Radek Vasko')."""
    by_outlet = actor.get("by_outlet")
    used = dicts(by_outlet.get(outlet)) if isinstance(by_outlet, dict) else []
    text = used[0].get("text") if used else None
    if not isinstance(text, str) or not text.strip():
        return None
    shown = set(re.findall(r"\w+", str(actor.get("name") or "").casefold()))
    return None if set(re.findall(r"\w+", text.casefold())) <= shown else text


def _terms(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [f"{k} ×{v}" if isinstance(v, int) and v > 1 else str(k) for k, v in value.items()]
    if isinstance(value, list):
        out: list[str] = []
        for v in value:
            if isinstance(v, dict):
                term, n = v.get("term") or v.get("text") or "", v.get("count")
                out.append(f"{term} ×{n}" if isinstance(n, int) and n > 1 and term else
                           str(term))
            else:
                out.append(str(v))
        return [t for t in out if t]
    return []


def quote_text(q: dict[str, Any]) -> str:
    """The words of a quote record, whatever key holds them."""
    for k in ("text", "quote", "content", "words"):
        v = q.get(k)
        if isinstance(v, str):
            return v
        if isinstance(v, dict) and isinstance(v.get("text"), str):
            return str(v["text"])
    return ""


def loaded_by_outlet(story: dict[str, Any]) -> list[dict[str, Any]]:
    """Loaded-wording spans grouped by outlet: ``[{outlet, spans: [{text, kind, article}]}]``."""
    index = article_index(story)
    groups: dict[str, list[dict[str, Any]]] = {}
    for s in dicts(story.get("loaded")):
        aid = str(s.get("article") or s.get("article_id") or "")
        outlet = str(s.get("outlet") or (outlet_of(index[aid]) if aid in index else "?"))
        groups.setdefault(outlet, []).append({
            "text": str(s.get("text") or ""), "kind": str(s.get("kind") or "loaded"),
            "article": aid if aid in index else None, "start": s.get("start")})
    return [{"outlet": o, "spans": groups[o]} for o in sorted(groups)]


def _ref_id(ref: Any) -> str:
    """The article id of a reference given as an id or an ``{id, ...}`` dict."""
    if isinstance(ref, dict):
        return str(ref.get("id") or ref.get("article") or "")
    return str(ref) if isinstance(ref, str) else ""


def pieces(sentence: str, part: str) -> list[tuple[str, bool]]:
    """``sentence`` cut around the first case-insensitive occurrence of ``part``."""
    pos = sentence.lower().find(part.lower()) if part else -1
    if pos < 0:
        return [(sentence, False)]
    end = pos + len(part)
    return [(x, hit) for x, hit in ((sentence[:pos], False), (sentence[pos:end], True),
                                    (sentence[end:], False)) if x]


def contradictions(story: dict[str, Any]) -> list[dict[str, Any]]:
    """Contradictions with one row per telling: outlet, the differing value marked inside
    its sentence, and the publication time. Records without ``values`` keep ``record``."""
    index = article_index(story)
    out = []
    for c in dicts(story.get("contradictions")):
        rows = []
        for v in dicts(c.get("values") or c.get("sides")):
            aid = _ref_id(v.get("article"))
            ref: dict[str, Any] = v["article"] if isinstance(v.get("article"), dict) else {}
            outlet = v.get("outlet") or ref.get("outlet") or outlet_of(index.get(aid, {"id": aid}))
            value = str(v.get("value") or v.get("text") or "")
            sentence = str(v.get("sentence") or "")
            rows.append({"article": aid if aid in index else None, "outlet": str(outlet),
                         "value": value, "sentence": pieces(sentence, value) if sentence else [],
                         "published": v.get("published") or index.get(aid, {}).get("published")})
        out.append({"kind": c.get("kind"), "status": c.get("status"), "text": c.get("text"),
                     "note": c.get("note"), "fact": c.get("fact"), "rows": rows,
                     "record": None if rows else c})
    return out


def quotes(story: dict[str, Any]) -> list[dict[str, Any]]:
    """Quotes across outlets: the words, their speakers, how they changed, and each outlet's
    version ``{outlet, article, speaker, text}``."""
    index = article_index(story)
    out: list[dict[str, Any]] = []
    for q in dicts(story.get("quotes")):
        versions = []
        for a in dicts(q.get("articles")):
            aid = _ref_id(a)
            versions.append({"outlet": str(a.get("outlet") or outlet_of(index.get(aid, a))),
                             "article": aid if aid in index else None,
                             "speaker": a.get("speaker"), "text": a.get("text")})
        refs: list[Any] = q["articles"] if isinstance(q.get("articles"), list) else []
        for aid in [a for a in refs if isinstance(a, str)]:
            versions.append({"outlet": outlet_of(index.get(aid, {"id": aid})),
                             "article": aid if aid in index else None, "speaker": None,
                             "text": None})
        speakers = q.get("speakers")
        if not isinstance(speakers, list):
            speakers = [q["speaker"]] if isinstance(q.get("speaker"), str) else []
        named: list[Any] = q["outlets"] if isinstance(q.get("outlets"), list) else []
        outlets = {v["outlet"] for v in versions} | {o for o in named if isinstance(o, str)}
        out.append({"text": quote_text(q), "speakers": [str(s) for s in speakers if s],
                    "change": q.get("change"), "speaker_conflict": bool(q.get("speaker_conflict")),
                    "versions": versions, "n_outlets": len(outlets), "record": q})
    out.sort(key=lambda q: (-q["n_outlets"], not q["change"]))
    return out


def quote_counts(quotes: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """How many of the quotes each outlet carries, most first."""
    counts: dict[str, int] = {}
    for q in quotes:
        for o in {v["outlet"] for v in q["versions"]}:
            counts[o] = counts.get(o, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _share(value: Any) -> float:
    return max(0.0, min(1.0, float(value))) if isinstance(value, int | float) else 0.0


def sourcing(story: dict[str, Any]) -> dict[str, Any]:
    """Per article the share of its own reporting, reused passages and wire copy (with the
    bar widths of a 100-unit SVG), the reused passages, citations, and any other keys."""
    index = article_index(story)
    src: dict[str, Any] = story["sourcing"] if isinstance(story.get("sourcing"), dict) else {}
    rows = []
    for a in dicts(src.get("articles")):
        aid = _ref_id(a)
        own, reused, wire = (_share(a.get(k)) for k in ("own_share", "reused_share",
                                                        "wire_share"))
        wires = a.get("wires")
        rows.append({"id": aid if aid in index else None,
                     "outlet": str(a.get("outlet") or outlet_of(index.get(aid, a))),
                     "title": index.get(aid, {}).get("title"),
                     "own": own, "reused": reused, "wire": wire,
                     "bars": {"own": round(own * 100, 1), "reused": round(reused * 100, 1),
                              "wire": round(wire * 100, 1)},
                     "reused_from": sorted(map(str, a.get("reused_from") or {})),
                     "wires": sorted(map(str, wires)) if isinstance(wires, dict | list) else []})
    reuse = []
    for r in dicts(src.get("reuse")):
        aid, sid = _ref_id(r.get("article")), _ref_id(r.get("source"))
        reuse.append({"article": aid if aid in index else None,
                      "outlet": outlet_of(index.get(aid, {"id": aid})),
                      "sentence": r.get("sentence"), "kind": r.get("kind"),
                      "score": r.get("score"), "direction": r.get("direction"),
                      "source": sid if sid in index else None,
                      "source_outlet": str((r.get("source") or {}).get("outlet")
                                           if isinstance(r.get("source"), dict)
                                           else outlet_of(index.get(sid, {"id": sid}))),
                      "source_sentence": r.get("source_sentence")})
    other = {k: v for k, v in src.items() if k not in ("articles", "reuse") and v}
    return {"articles": rows, "reuse": reuse, "other": other, "matrix": reuse_matrix(reuse)}


def reuse_matrix(reuse: list[dict[str, Any]]) -> dict[str, Any]:
    """Who shares passages with whom: outlets x outlets, the count of passages of the row
    outlet that match one of the column outlet (``from`` when the column published first)."""
    names: dict[str, None] = {}
    cells: dict[tuple[str, str], dict[str, int]] = {}
    for r in reuse:
        a, b = str(r["outlet"]), str(r["source_outlet"])
        names.setdefault(a, None)
        names.setdefault(b, None)
        cell = cells.setdefault((a, b), {"n": 0, "from": 0})
        cell["n"] += 1
        cell["from"] += r.get("direction") == "from"
    order = list(names)
    return {"outlets": order,
            "rows": [{"outlet": a, "cells": [cells.get((a, b)) for b in order]} for a in order]}


def speaker_name(quote: dict[str, Any], enrichment: dict[str, Any] | None) -> str:
    """Who an enrichment quote is given to: the entity's name for an entity id, else the
    source span's text, else 'unattributed'."""
    speaker = quote.get("speaker")
    names = {str(e.get("id")): e.get("name") for e in dicts((enrichment or {}).get("entities"))}
    if isinstance(speaker, str) and speaker:
        if speaker in names and names[speaker]:
            return str(names[speaker])
        if ":" not in speaker:
            return speaker
    source = quote.get("source")
    if isinstance(source, dict) and source.get("text"):
        return str(source["text"])
    return "unattributed"
