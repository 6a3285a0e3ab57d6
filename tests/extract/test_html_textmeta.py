"""Dateline and language from the article text."""

from __future__ import annotations

from rashomon.extract.html_textmeta import dateline, guess_language


def test_dateline_places() -> None:
    assert dateline("BUFFALO, N.Y. — Hours before the game, the coach said") == "BUFFALO, N.Y."
    assert dateline("LONDON (Reuters) - Britain said on Monday") == "LONDON"
    assert dateline("SAN FRANCISCO — A man was stabbed") == "SAN FRANCISCO"
    assert dateline("BAAR, SWITZERLAND") == "BAAR, SWITZERLAND"
    assert dateline("I — and many others — disagree") is None
    assert dateline("The council - as expected - voted") is None
    assert dateline("A HUNTER who ate a rabbit - reports say") is None


def test_guess_language() -> None:
    en = ("The city council voted on Tuesday to close the old harbour bridge to cars, after "
          "engineers found cracks in two of its steel supports during a routine inspection.")
    fr = ("Le conseil municipal a voté mardi pour fermer le vieux pont du port aux voitures, "
          "après que des ingénieurs ont trouvé des fissures dans deux de ses supports.")
    assert guess_language(en) == "en"
    assert guess_language(fr) == "fr"
    assert guess_language("Home News Sport Weather Login") is None
