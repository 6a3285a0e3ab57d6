"""Name keys that make spelling variants of one actor meet.

``fold`` removes accents, apostrophes and case ('Hay'at' -> 'hayat', 'Çavuşoğlu' ->
'cavusoglu'); ``skeleton`` also drops vowels and doubled letters so that transliterations
meet ('Kfar Nabouda' and 'Kafr Nabudah' -> 'kfr nbd'); ``initials`` gives the acronym a
name would have ('Hayat Tahrir al-Sham' -> 'HTS').
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

TITLES = frozenset(
    """mr mrs ms miss dr prof president vice prime minister foreign defence defense
    secretary general gen lt lieutenant col colonel maj major capt captain cpt sgt sergeant
    commander cmdr adm admiral gov governor sen senator rep representative sheikh sheik king
    queen prince princess emir sir lord lady judge justice chief officer spokesman
    spokeswoman ambassador mayor chairman chairwoman chancellor pope bishop imam rev
    reverend brig brigadier marshal field ayatollah mullah""".split()
)
STOP = frozenset({"the", "of", "for", "and", "in", "on", "a", "an", "de", "du", "la", "le"})
#: Arabic article prefixes dropped when making initials ('al-Sham' -> 'S').
ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|an|ar|as|at|az|ash|ul)[-‐]", re.I)
#: two folded names at least this similar (difflib ratio) are taken as one spelling
#: variant; 0.85 lets 'kafr nabudah' meet 'kfar nabouda' but keeps 'Iran' from 'Iraq'
#: (short names are compared on their skeleton only).
FUZZY_RATIO = 0.85
FUZZY_MIN_LEN = 8


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """Lower-case ASCII form: accents, apostrophes and punctuation removed."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("đ", "d")
    text = re.sub(r"['’‘`ʼʻ]s\b", "", text)
    text = re.sub(r"['’‘`ʼʻ]", "", text).lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


@lru_cache(maxsize=1 << 16)
def strip_titles(folded: str) -> str:
    """Drop leading titles and articles: 'captain naji mustafa' -> 'naji mustafa'."""
    words = folded.split()
    while len(words) > 1 and (words[0] in TITLES or words[0] == "the"):
        words = words[1:]
    return " ".join(words)


def _skel_word(word: str) -> str:
    if len(word) > 3 and word.endswith("h") and word[-2] in "aeiou":
        word = word[:-1]
    word = re.sub(r"(.)\1+", r"\1", word)
    return word[0] + re.sub(r"[aeiouy]", "", word[1:]) if word else word


@lru_cache(maxsize=1 << 16)
def skeleton(folded: str) -> str:
    """Consonant skeleton of a folded name: 'kafr nabudah' -> 'kfr nbd'."""
    return " ".join(_skel_word(w) for w in folded.replace("-", " ").split())


def key(name: str) -> str:
    """Matching key of a name: folded, titles stripped, skeleton."""
    return skeleton(strip_titles(fold(name)))


@lru_cache(maxsize=1 << 16)
def initials(name: str) -> str:
    """Acronym of a name from its capitalised words: 'National Liberation Front' -> 'NLF'."""
    out = []
    for word in re.split(r"[\s]+", name.strip()):
        word = ARTICLE_PREFIX.sub("", word)
        if word and word[0].isupper():
            out.append(word[0])
    return "".join(out)


def is_acronym(name: str) -> bool:
    """Two to eight capitals, maybe with dots: 'HTS', 'U.N.'."""
    bare = name.replace(".", "")
    return 2 <= len(bare) <= 8 and bare.isupper() and bare.isalpha()


@lru_cache(maxsize=1 << 16)
def similar(a: str, b: str) -> bool:
    """Whether two folded, title-stripped names look like spellings of one name (or the
    same content words in another order: 'national front for liberation')."""
    if a == b or skeleton(a) == skeleton(b):
        return True
    words_a, words_b = set(a.split()) - STOP, set(b.split()) - STOP
    if len(words_a) >= 2 and words_a == words_b:
        return True
    if min(len(a), len(b)) < FUZZY_MIN_LEN or a[0] != b[0]:
        return False
    return SequenceMatcher(None, a, b).ratio() >= FUZZY_RATIO


ACRONYM_DEF = re.compile(
    r"((?:[A-Z][\w'’-]*|al-\w+)(?:\s+(?:(?:of|the|for|and|de|du|al)\s+)*(?:[A-Z][\w'’-]*|al-\w+)){1,8})"
    r"\s*\(\s*([A-Z][A-Z.]{1,9})\s*\)"
)


def acronym_definitions(text: str) -> dict[str, str]:
    """Acronyms defined in a text: 'National Liberation Front (NLF)' -> {'NLF': 'National ...'}."""
    out: dict[str, str] = {}
    for m in ACRONYM_DEF.finditer(text):
        long, acro = m.group(1), m.group(2).replace(".", "")
        words = long.split()
        # the definition is the shortest tail of the capitalised run whose initials match
        for i in range(len(words)):
            tail = " ".join(words[i:])
            if initials(tail) == acro:
                out[acro] = tail
                break
    return out


#: First words of place names in the Levant and beyond ('village', 'monastery', 'hill',
#: 'head', 'spring', 'house', 'well', 'inn', 'mountain', 'valley', 'castle'; 'Mount',
#: 'Lake', 'Fort' ...): a name that starts with one is a place, whatever the tagger says
#: ('Kafr Nabl' is not a person). 'Tal'/'Tel' are left out: also given names.
TOPONYM_HEADS = frozenset(
    """kafr kfar kefar deir dayr tell ras ain ayn beit bayt bir khan jabal jebel jbel wadi
    qasr qalaat qalat mount lake fort cape gulf strait""".split()
)


def is_place_name(name: str) -> bool:
    """Whether a name starts with a word that only starts place names."""
    words = fold(name).split()
    return len(words) >= 2 and words[0] in TOPONYM_HEADS
