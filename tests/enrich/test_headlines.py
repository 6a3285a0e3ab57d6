from __future__ import annotations

from rashomon.enrich import enrich_article
from rashomon.enrich.headlines import sentence_cased
from rashomon.model import Article

BODY = (
    "Mayor Lena Morvik Rips Port Budget As A Giveaway To Shippers\n\n"
    "The mayor said the port budget was a giveaway to shippers. Lena Morvik rips into"
    " every budget, her critics say, and the shippers deny any giveaway."
)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for para in text.split("\n\n"):
        out.append((pos, len(para)))
        pos += len(para) + 2
    return out


def test_common_words_of_a_title_case_paragraph_are_lower_cased_and_names_kept():
    got = sentence_cased(BODY, _paragraphs(BODY))
    assert got.split("\n\n")[0] == "Mayor Lena Morvik rips port budget as a giveaway to shippers"
    assert got.split("\n\n")[1] == BODY.split("\n\n")[1]  # running text is left alone
    assert len(got) == len(BODY)


def test_a_sentence_full_of_names_is_not_title_case():
    text = "Barack Obama met Vladimir Putin in Geneva.\n\nObama said the talks went well."
    assert sentence_cased(text, _paragraphs(text)) == text


def test_a_word_the_text_capitalises_mid_sentence_stays_a_name():
    text = (
        "Senate Votes To Fund Harbour Works In Velm\n\n"
        "Velm voted first. The Harbour Trust said the Harbour Trust would pay, and"
        " the harbour would reopen."
    )
    head = sentence_cased(text, _paragraphs(text)).split("\n\n")[0]
    assert head == "Senate votes to fund Harbour works in Velm"


def test_text_with_no_title_case_paragraph_is_returned_as_is():
    text = "The levy passed. Farmers said it would hurt."
    assert sentence_cased(text, _paragraphs(text)) is text


def test_the_report_of_a_title_case_paragraph_is_found(nlp):
    paras = [
        "Harbour Union Slams Mayor Over Port Budget Cuts",
        "The union said the cuts would cost jobs at the port, and the mayor denied it.",
    ]
    text = "\n\n".join(paras)
    art = enrich_article(Article(id="a", source="t", source_id="a", text=text, body=paras), nlp)
    got = {a["cue"]["text"]: a for a in art.enrichment["attributions"]}
    assert got["Slams"]["source"]["text"] == "Harbour Union"  # the page's own capitals
    assert got["Slams"]["content"]["text"] == "Mayor Over Port Budget Cuts"
    assert got["said"]["content"]["text"] == "the cuts would cost jobs at the port"


def test_a_name_with_a_possessive_ending_stays_a_name():
    text = (
        "Harbour Workers Question Velm’s Port Plan And The Budget\n\n"
        "Velm wants the port to grow. The workers doubt the plan."
    )
    head = sentence_cased(text, _paragraphs(text)).split("\n\n")[0]
    assert head == "Harbour workers question Velm’s port plan and the budget"


def test_a_negated_helper_marks_a_title_case_paragraph():
    text = "Why Farmers Won’t Forgive Velm\n\nVelm closed the mill. The farmers were angry."
    head = sentence_cased(text, _paragraphs(text)).split("\n\n")[0]
    assert head == "Why farmers won’t forgive Velm"
