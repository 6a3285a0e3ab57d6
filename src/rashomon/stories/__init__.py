"""Stage 4: near-duplicates, story clustering and storylines.

``index.StoryIndex`` is the entry point: ``add`` articles (any order; placed in
publication order), read ``stories()``, ``storylines()`` and ``syndication(article_id)``,
and keep ``dump()`` between runs. Modules, in data-flow order: ``text`` (tokens, names,
shingles), ``features`` (incremental TF-IDF vectors), ``embed`` (static MiniLM vectors),
``minhash`` (syndicated copies), ``cluster`` (online average-link clustering),
``storylines`` (stories linked over months), ``persist`` (the blob).
"""
