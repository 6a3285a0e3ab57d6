"""Coverage comparison of a story: what every outlet reports and how each one tells it.

``compare_story(story, articles)`` (in ``story.py``) returns facts, omissions,
contradictions, quotes, sourcing, labels, loaded wording and a neutral summary. The
modules follow the data flow: text -> claims -> facts -> contradictions, quotes,
sourcing, framing, loaded, summary.
"""
