"""Corrections of the line model's output from the article's layout.

The line model reads each line with a few neighbours; eleven page-wide patterns it misses
are put right here, on its probabilities, before they are cut at even odds:
- a run of headlines (short capitalised lines without punctuation, one after another): links
  to other articles, under a label the model does not know ('MUST WATCH');
- a headline with a byline under it, after the article has begun: a teaser of another story;
- prose at the edges of the article, past a caption or a photo credit: the model doubts
  paragraphs whose neighbours look like chrome, most often at the article's start;
- a list the article introduces with a colon ('The tour dates:' then one line per date):
  short lines of one shape that the model takes for navigation, or of which it kept a few;
- a run of short list items after a sentence of the article (a meal plan, a sowing
  calendar, the steps of a workout): lower-case words rather than Title Case headlines,
  no chrome word, no byline or date, not repeated elsewhere on the page;
- the same list running into the article's first body line from the sentence that opens
  the article (a checklist under a one-paragraph introduction the model doubted);
- a prose line between body lines (a paragraph the model doubted, as on a one-paragraph
  page whose neighbours look like teasers);
- prose anywhere between two body lines with no label between them (a product roundup
  whose paragraphs stand among captions, prices and shop links);
- a short lone line far from any other body line (a form prompt or a teaser the model let
  in);
- a body without a single sentence (archive links, a tag cloud) on a page that has prose:
  its likeliest prose line is the article (a one-paragraph story under hundreds of menu
  lines, which the model scored at 0.02-0.7 across cross-validation repetitions);
- an island of body lines without running text or list items, apart from the article's
  (a menu or a tag cloud the model let in).

Measured with the cross-validation of ``scripts/train_line_model.py`` (page-grouped 5-fold,
held-out body F1 of the whole extractor): headline runs, teasers, edges, colon lists, prose
between body lines and lone lines together raise it on every one of six repetitions, from
0.9346 to about 0.950 on average, and each raised it when it was added; the sentence a body
must hold raised it from 0.9507 to 0.9544 (and from 0.9455 to 0.9537 with 80 trees
a stage instead of 50: the one-paragraph page collapsed with some models and not others).
The thresholds below are round values; moving them (list reach 40 to 150 lines,
intro probability 0.2 to 0.4, edge gap 1 to 3 lines, edge probability 0.05 to 0.2) moved
the figure by 0.0012 at most. The list items after a sentence, the enclosed prose, the
islands and the colon lists read on through kept lines then raised it from 0.9536 to 0.9607
(mean of seeds 0-2; without any one of the four it was 0.9571 to 0.9605), and the F1 of
the pages written for the project (bench/extract_text.py) from 0.843 to 0.875, mostly from
the list items (without them: 0.847). The list leading into the article left the
cross-validation figure as it was (no benchmark page has one) and raised the written pages
to 0.882.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

from rashomon.extract.kinds import inline_kind
from rashomon.extract.lines import (
    CHROME_WORDS,
    COMMENT_WORDS,
    OPENER_WORDS,
    RELATED_MARKER,
    STOPWORDS,
    Line,
    is_comment_marker,
    is_thread_opener,
)

#: probability given to a line these rules move into the body (just over even odds, so
#: that the rules after this one still see how sure the model was)
PROMOTED = 0.51
#: ... and to a line they move out of it
DEMOTED = 0.49

#: how a prose line ends (closing a sentence or a quote)
SENTENCE_ENDS = (".", "!", "?", '"', "”")

#: a headline has this many words (fewer: a label or a menu item; more: a sentence) ...
HEADLINE_WORDS = (4, 14)
#: ... and ends without any of these
HEADLINE_NOT_ENDS = SENTENCE_ENDS + (":", ";", ",")
#: this many headlines in a row are a list of links (two may be a heading and a dateline)
HEADLINE_RUN = 3

#: the article grows over a prose line next to its first or last body line with up to this
#: many other lines between (a caption and its credit) ...
EDGE_GAP = 2
#: ... of this many words at least ...
EDGE_WORDS = 8
#: ... unless the model all but ruled it out
EDGE_PROB = 0.1

#: labels of related-article lists and comment sections in other languages (the line
#: features know the English ones): Portuguese, Spanish, French, German, Italian, Russian,
#: Indonesian and Dutch
FOREIGN_LABEL = re.compile(
    r"^(?:leia também|veja também|você pode gostar|notícias relacionadas|mais lidas"
    r"|lee también|(?:también )?te puede interesar|noticias relacionadas|lo más leído"
    r"|(?:à )?lire aussi|vous aimerez aussi|sur le même sujet|articles similaires"
    r"|lesen sie auch|mehr zum thema|das könnte sie auch interessieren|ähnliche artikel"
    r"|leggi anche|potrebbe interessarti|articoli correlati"
    r"|читайте также|смотрите также|похожие (?:статьи|новости)|по теме"
    r"|baca juga|artikel terkait|berita terkait|lees ook|gerelateerde artikelen"
    r"|comentários|comentarios|commentaires|kommentare|commenti|комментарии|komentar"
    r"|reacties)\b",
    re.IGNORECASE,
)
#: a label is short (a sentence that opens with 'Lee también' is not one)
LABEL_WORDS = 6

#: an introducing line has at least this many words ('Tour dates:' or 'Share:' are labels)
INTRO_WORDS = 4
#: ... a body line among the lines just above it (it belongs to the article's flow)
INTRO_FLOW = 3
#: ... and the model gave it at least this much (an unsure line may introduce a list; a
#: line it rejected outright is a form or widget prompt)
INTRO_PROB = 0.3
#: at least this many items make a list (two lines after a colon may be anything)
LIST_MIN_ITEMS = 3
#: a list stops after this many lines (a long tour or menu; sidebars are not reached, as a
#: shape break or a body line ends the list first)
LIST_MAX_ITEMS = 60

#: a prose line of this many words ...
PROSE_WORDS = 10
#: ... and counts as body with body lines within this many lines above and below it
PROSE_REACH = 3
#: ... unless the model all but ruled it out
PROSE_PROB = 0.1

#: a list item after a sentence of the article has this many words (one word: a menu entry;
#: ingredient lines run to about 30) ...
ITEM_WORDS = (2, 30)
#: ... and the article's lists run for this many items at least ...
ITEM_RUN = 3
#: ... with up to this many other lines in a row between items (a heading such as 'Meal 2',
#: a price) ...
ITEM_GAP = 2
#: ... that are at least this share of the run's lines
ITEM_SHARE = 0.6
#: the list follows a body line that closes a sentence or opens a list (after a headline
#: the model let in come more headlines) ...
ITEM_INTRO_ENDS = SENTENCE_ENDS + (":",)
#: ... with running text among it and this many lines above it (the article's flow)
ITEM_FLOW = 2
#: the items of an article's list are short (on the benchmark's dev pages, the runs of other
#: articles' headlines this test alone rules out averaged 11 to 13 words a line; the lists
#: of the written pages 3 to 9) ...
ITEM_MEAN_WORDS = 10
#: ... few of their words are capitalised (headlines are often Title Case; 0.3 and 0.45
#: gave the same held-out figure within 0.001) ...
ITEM_CAPS = 0.35
#: ... and few of the run's lines recur elsewhere on the page (menus and widgets do)
ITEM_REPEATED = 0.1

#: prose between two body lines is the article's when at most this many lines stand
#: between them (a roundup of a dozen products, each with a caption, a price and a link;
#: 50 and 1000 measured the same)
ENCLOSED_LINES = 100

#: when no line reaches even odds, the lines with at least this share of the page's best
#: probability are the body (an empty article is never the right answer for a news page)
UNSURE_SHARE = 0.5

#: share of stopwords in running text (the line features' test of a prose line)
RUNNING_TEXT_STOPWORDS = 0.2

#: a body line with no other within this many lines is lone ...
LONE_REACH = 10
#: ... and is dropped unless the model was this sure of it ...
LONE_PROB = 0.8
#: ... or it has this many words (a paragraph, not a prompt: on the pages written for the
#: project a lone paragraph was the article's lead three times, and dropping only shorter
#: lines raised their F1 by 0.005 for 0.0003 of the benchmark's held-out F1)
LONE_WORDS = 20
#: body lines with at most this many lines between them form one island ...
ISLAND_REACH = LONE_REACH
#: ... kept without running text when this share of its lines are list items (a meal plan
#: far below the article's introduction)
ISLAND_ITEMS = 0.5


def _shape(line: Line) -> tuple[bool, bool]:
    """How a list item opens: with a digit, with a capital, or otherwise."""
    first = line.text[:1]
    return first.isdigit(), first.isupper()


def _prose(line: Line, words: int) -> bool:
    """A line of ``words`` words or more that closes a sentence."""
    return len(line.words) >= words and line.text.endswith(SENTENCE_ENDS)


# every comment-marker match holds one of these words ('1 point' the singular), every
# thread-opener match one of ``OPENER_WORDS``: their patterns, slow to scan a line, run only
# on lines that hold one
_MARKER_WORDS = COMMENT_WORDS | {"point"}


def _boundary(line: Line) -> bool:
    """A related-list label, a comment-section label or a copyright line: the article does
    not run past it."""
    text, words = line.text, line.words
    return (
        "©" in text
        or RELATED_MARKER.search(text) is not None
        or not _MARKER_WORDS.isdisjoint(words) and is_comment_marker(text)
        or not OPENER_WORDS.isdisjoint(words) and is_thread_opener(text)
        or (len(words) <= LABEL_WORDS and FOREIGN_LABEL.search(text) is not None)
    )


def _headline(line: Line) -> bool:
    """A short capitalised line without closing punctuation."""
    lo, hi = HEADLINE_WORDS
    text = line.text
    return (
        lo <= len(line.words) <= hi and text[:1].isupper() and not text.endswith(HEADLINE_NOT_ENDS)
    )


def headline_runs(lines: Sequence[Line], prob: np.ndarray) -> np.ndarray:
    """Demote runs of body lines that are all headlines."""
    run: list[int] = []
    # (a sentinel past the last line ends the last run)
    for i in np.flatnonzero(prob >= 0.5).tolist() + [len(lines) + 1]:
        head = i < len(lines) and _headline(lines[i])  # tested once a line
        if head and (not run or run[-1] == i - 1):
            run.append(i)
            continue
        if len(run) >= HEADLINE_RUN:
            prob[run] = DEMOTED
        run = [i] if head else []
    return prob


def teasers(lines: Sequence[Line], prob: np.ndarray) -> np.ndarray:
    """Demote headlines with a byline under them, past the first body line."""
    body = np.flatnonzero(prob >= 0.5).tolist()
    for i in body[1:]:  # the first may be the article's own headline
        if (
            i + 1 < len(lines)
            and _headline(lines[i])
            and inline_kind(lines[i + 1].text) == "byline"
        ):
            prob[i] = DEMOTED
    return prob


def prose_edges(lines: Sequence[Line], prob: np.ndarray) -> np.ndarray:
    """Promote prose lines that continue the article past its first and last body lines."""
    body = np.flatnonzero(prob >= 0.5)
    if len(body) == 0:
        return prob
    n = len(lines)
    for at, step in ((int(body[0]), -1), (int(body[-1]), 1)):
        j, skipped = at + step, 0
        while 0 <= j < n and skipped <= EDGE_GAP and not _boundary(lines[j]):
            if _prose(lines[j], EDGE_WORDS):
                if prob[j] < EDGE_PROB:
                    break
                prob[j] = max(prob[j], PROMOTED)
                j, skipped = j + step, 0  # go on from the promoted line
                continue
            j, skipped = j + step, skipped + 1
    return prob


def colon_lists(lines: Sequence[Line], prob: np.ndarray) -> np.ndarray:
    """Promote the items of lists that a body line introduces with a colon."""
    n = len(lines)
    done = 0  # lines before this one are already read as items
    for i in [i for i, ln in enumerate(lines[: n - 1]) if ln.text.endswith(":")]:
        intro = lines[i]
        if not (
            i >= done
            and len(intro.words) >= INTRO_WORDS
            and prob[i] >= INTRO_PROB
            and (prob[max(0, i - INTRO_FLOW) : i] >= 0.5).any()
            and RELATED_MARKER.search(intro.text) is None
            and not is_comment_marker(intro.text)
        ):
            continue
        first = lines[i + 1]
        shape = _shape(first)
        # an item runs to about three times the first one's words ('June 9 -- Arena,
        # City' beside 'June 14 -- Arena (Formerly ...), City'), not to a paragraph, and
        # to a third of them at least (a one-word 'Facebook' after it is a button)
        longest = 3 * max(len(first.words), 3) + 5
        shortest = len(first.words) // 3
        j = i + 1
        # a line the model kept is read on as an item too (a list it took in part), unless
        # it is a paragraph or a label
        while j < n and j - i <= LIST_MAX_ITEMS and (prob[j] < 0.5 or not (
                _prose(lines[j], PROSE_WORDS) or _boundary(lines[j]))):
            size = len(lines[j].words)
            if _shape(lines[j]) != shape or not shortest <= size <= longest:
                break
            j += 1
        if j - i - 1 >= LIST_MIN_ITEMS:
            prob[i:j] = np.maximum(prob[i:j], PROMOTED)
        done = j
    return prob


def _item(line: Line) -> bool:
    """A line that reads as an item of the article's own list: a few words, some of them
    lower-case after the first (not a Title Case headline), no chrome word."""
    lo, hi = ITEM_WORDS
    words = line.words
    if not lo <= len(words) <= hi or not CHROME_WORDS.isdisjoint(words):
        return False
    return any(w[:1].islower() for w in line.text.split()[1:]) and not _boundary(line)


def _teaser_part(line: Line) -> bool:
    """A byline or a date line: other articles' teasers carry them, lists of the article
    do not."""
    return inline_kind(line.text) in ("byline", "date")


def _capitalised(line: Line) -> float:
    """Share of a line's words that open with a capital."""
    words = line.text.split()
    return sum(w[:1].isupper() for w in words) / len(words)


def _list_like(lines: Sequence[Line], run: range, page_keys: Counter[str]) -> bool:
    """Whether a run of lines reads as a list of the article rather than other articles'
    headlines or site widgets (see ``ITEM_MEAN_WORDS``, ``ITEM_CAPS``, ``ITEM_REPEATED``)."""
    items = [lines[k] for k in run if _item(lines[k])]
    own = Counter(lines[k].key for k in run)
    repeated = sum(page_keys[lines[k].key] > own[lines[k].key] for k in run)
    return (
        sum(len(ln.words) for ln in items) <= ITEM_MEAN_WORDS * len(items)
        and sum(map(_capitalised, items)) <= ITEM_CAPS * len(items)
        and repeated <= ITEM_REPEATED * len(run)
    )


def item_runs(lines: Sequence[Line], prob: np.ndarray) -> np.ndarray:
    """Promote runs of list items after a sentence of the article (a meal plan, a calendar,
    a packing list) that the model took for navigation (see ``ITEM_WORDS`` to
    ``ITEM_REPEATED``)."""
    body = (prob >= 0.5).tolist()
    n = len(lines)
    page_keys: Counter[str] | None = None  # counted for the first run found
    for i in np.flatnonzero(prob >= 0.5).tolist():
        if i + 1 >= n or body[i + 1] or not lines[i].text.endswith(ITEM_INTRO_ENDS):
            continue
        # the run: items, and up to ITEM_GAP other lines in a row, to the next body line or
        # label (the lines between items are tested for one only when an item follows them)
        j, gap, items, last = i + 1, 0, 0, i
        while j < n and not body[j] and gap <= ITEM_GAP:
            if _item(lines[j]):
                if any(_boundary(lines[k]) for k in range(j - gap, j)):
                    break
                items, last, gap = items + 1, j, 0
            else:
                gap += 1
            j += 1
        # ... after running text; a byline or a date among the lines read makes it teasers
        if items < ITEM_RUN or items < ITEM_SHARE * (last - i) or not any(
                body[k] and _running_text(lines[k]) for k in range(max(0, i - ITEM_FLOW), i + 1)
        ) or any(_teaser_part(lines[k]) for k in range(i + 1, j)):
            continue
        if page_keys is None:
            page_keys = Counter(ln.key for ln in lines)
        run = range(i + 1, last + 1)
        if _list_like(lines, run, page_keys):
            _promote_items(lines, prob, run)
    return prob


def _promote_items(lines: Sequence[Line], prob: np.ndarray, run: range) -> None:
    """Promote the lines of a list run: the items and the lines between them join the body,
    but for chrome such as 'Print'."""
    for k in run:
        if CHROME_WORDS.isdisjoint(lines[k].words):
            prob[k] = max(prob[k], PROMOTED)


def lead_list(lines: Sequence[Line], prob: np.ndarray) -> np.ndarray:
    """Promote a list that runs into the article's first body line from a sentence above
    it, with that sentence: a checklist under a one-paragraph introduction, whose items
    the model took for navigation and whose introduction it doubted (``item_runs`` read
    upwards; the sentence needs ``INTRO_PROB``)."""
    body = np.flatnonzero(prob >= 0.5)
    if len(body) == 0:
        return prob
    first_body = int(body[0])
    j, gap, items, first = first_body - 1, 0, 0, first_body
    while j >= 0 and gap <= ITEM_GAP:
        line = lines[j]
        if _running_text(line) and line.text.endswith(ITEM_INTRO_ENDS):
            break
        if _item(line):
            items, first, gap = items + 1, j, 0
        else:
            gap += 1
        j -= 1
    run = range(j + 1, first_body)
    if j < 0 or gap > ITEM_GAP or prob[j] < INTRO_PROB or items < ITEM_RUN or \
            items < ITEM_SHARE * len(run) or first != j + 1 or \
            any(_boundary(lines[k]) or _teaser_part(lines[k]) for k in run):
        return prob
    if _list_like(lines, run, Counter(ln.key for ln in lines)):
        prob[j] = max(prob[j], PROMOTED)
        _promote_items(lines, prob, run)
    return prob


def prose_between(lines: Sequence[Line], prob: np.ndarray) -> np.ndarray:
    """Promote prose lines that stand between body lines."""
    body = prob >= 0.5
    for i in np.flatnonzero(~body & (prob >= PROSE_PROB)).tolist():
        if not _prose(lines[i], PROSE_WORDS):
            continue
        if body[max(0, i - PROSE_REACH) : i].any() and body[i + 1 : i + 1 + PROSE_REACH].any():
            prob[i] = PROMOTED
    return prob


def enclosed_prose(lines: Sequence[Line], prob: np.ndarray) -> np.ndarray:
    """Promote the prose lines of a stretch between two body lines with no label in it (a
    product roundup or a gallery whose paragraphs the model doubted among their captions
    and prices), unless the page repeats them (a caption shown twice)."""
    idx = np.flatnonzero(prob >= 0.5)
    keys: Counter[str] | None = None
    # (pairs of body lines with other lines between them)
    for g in np.flatnonzero(np.diff(idx) > 1).tolist():
        a, b = int(idx[g]), int(idx[g + 1])
        if b - a - 1 > ENCLOSED_LINES:
            continue
        inside = [k for k in range(a + 1, b) if _prose(lines[k], PROSE_WORDS)]
        if not inside or any(_boundary(lines[k]) for k in range(a, b + 1)):
            continue
        if keys is None:
            keys = Counter(ln.key for ln in lines)
        for k in inside:
            if keys[lines[k].key] == 1:
                prob[k] = PROMOTED
    return prob


def lone_lines(lines: Sequence[Line], prob: np.ndarray) -> np.ndarray:
    """Demote short unsure body lines with no other body line near them."""
    idx = np.flatnonzero(prob >= 0.5)
    if len(idx) < 3:  # a short article may well be one line apart from the rest
        return prob
    gaps = np.diff(idx)
    before = np.concatenate([[LONE_REACH + 1], gaps])
    after = np.concatenate([gaps, [LONE_REACH + 1]])
    short = np.fromiter((len(lines[i].words) < LONE_WORDS for i in idx), bool, len(idx))
    lone = idx[(before > LONE_REACH) & (after > LONE_REACH) & (prob[idx] < LONE_PROB) & short]
    prob[lone] = DEMOTED
    return prob


def prose_islands(lines: Sequence[Line], prob: np.ndarray) -> np.ndarray:
    """Demote islands of unsure body lines without running text (a menu, a tag cloud, an
    archive list) on a page whose article is elsewhere: an island of running text."""
    idx = np.flatnonzero(prob >= 0.5)
    if len(idx) < 2:
        return prob
    cuts = np.flatnonzero(np.diff(idx) > ISLAND_REACH) + 1
    if len(cuts) == 0:
        return prob
    islands = np.split(idx, cuts)
    prose = [any(_running_text(lines[i]) for i in isl.tolist())
             or sum(_item(lines[i]) for i in isl.tolist()) >= ISLAND_ITEMS * len(isl)
             for isl in islands]
    if not any(prose):
        return prob
    for isl, has in zip(islands, prose, strict=True):
        if not has:
            unsure = isl[prob[isl] < LONE_PROB]
            prob[unsure] = DEMOTED
    return prob


def _running_text(line: Line) -> bool:
    """A prose line, or one as long with the stopword share of running text (as the line
    features tell prose: a paragraph that ends without a full stop, not a tag cloud)."""
    words = line.words
    return _prose(line, PROSE_WORDS) or len(words) >= PROSE_WORDS and sum(
        map(STOPWORDS.__contains__, words)) >= RUNNING_TEXT_STOPWORDS * len(words)


def body_cut(prob: Sequence[float]) -> float:
    """The probability from which a line is body: even odds, or when no line reaches them,
    ``UNSURE_SHARE`` of the page's best (a page holds an article: its likeliest lines)."""
    top = float(np.max(prob))
    return 0.5 if top >= 0.5 else UNSURE_SHARE * top


def a_sentence(lines: Sequence[Line], prob: np.ndarray) -> np.ndarray:
    """An article holds a sentence: when no line of the body (from ``body_cut``) is running
    text but the page has prose lines, the likeliest of them joins the body."""
    if any(_running_text(lines[i]) for i in np.flatnonzero(prob >= body_cut(prob)).tolist()):
        return prob
    prose = [i for i, ln in enumerate(lines) if _prose(ln, PROSE_WORDS)]
    if prose:
        prob[max(prose, key=prob.__getitem__)] = PROMOTED
    return prob


def correct(lines: Sequence[Line], prob: Sequence[float]) -> list[float]:
    """The line model's probabilities after the layout corrections, in order."""
    p = np.asarray(prob, dtype=np.float64).copy()
    if len(p) == 0:
        return []
    p = headline_runs(lines, p)
    p = teasers(lines, p)
    p = prose_edges(lines, p)
    p = colon_lists(lines, p)
    p = item_runs(lines, p)
    p = lead_list(lines, p)
    p = prose_between(lines, p)
    p = enclosed_prose(lines, p)
    p = lone_lines(lines, p)
    p = a_sentence(lines, p)
    return prose_islands(lines, p).tolist()
