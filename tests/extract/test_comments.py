"""Comment sections: where they start, authors, grouping, replies and spam."""

from __future__ import annotations

from rashomon.extract.comments import author_lines, is_label, parse_thread, thread_start
from rashomon.extract.lines import split_lines

ARTICLE = [
    "The regional assembly approved the new water budget on Thursday after a long debate.",
    "Farmers had asked for a larger share of the reservoir, saying the drought hurt them.",
    "The minister said the plan would be reviewed in the spring if the rains fail again.",
]
THREAD = [
    "Related coverage:", "",
    "Maria Lopez", "",
    "About time they did something, the reservoir has been low for years.", "",
    "Second thought: the farmers should have been heard earlier.", "", "",
    "Nobody listens to the small farmers anyway.", "",
    "Tom K", "",
    "@Maria Lopez the farmers were heard, read the minutes.", "",
    "Amira S", "",
    "Hi dear, I am a lonely woman looking for a real man and love. Visit my profile.",
]


def lines_and_body(thread: list[str]) -> tuple[list, list[bool]]:
    text = "\n\n".join(ARTICLE) + "\n\n" + "\n".join(thread)
    lines = split_lines(text)
    body = [ln.text in ARTICLE for ln in lines]
    # the line model often calls comment prose body: the thread must still be found
    body = [b or len(ln.text) > 40 for b, ln in zip(body, lines, strict=True)]
    return lines, body


def test_bare_thread_starts_at_first_author() -> None:
    lines, body = lines_and_body(THREAD)
    start = thread_start(lines, body)
    assert start is not None and lines[start].text == "Maria Lopez"


def test_thread_parts() -> None:
    lines, body = lines_and_body(THREAD)
    start = thread_start(lines, body)
    assert start is not None
    thread = parse_thread(lines, start)
    authors = [c.author for c in thread.comments]
    assert authors == ["Maria Lopez", None, "Tom K", "Amira S"]
    first = thread.comments[0]
    assert "Second thought" in first.text  # one blank line: same comment
    assert thread.comments[2].parent == 0  # '@Maria Lopez' replies to the first comment
    assert [c.spam for c in thread.comments] == [False, False, False, True]
    for c in thread.comments:
        text = "\n\n".join(ARTICLE) + "\n\n" + "\n".join(THREAD)
        assert text[c.author_start : c.author_end] == c.author if c.author else True


def test_widget_labels_open_the_thread() -> None:
    thread = ["Notify of", "Newest Most Voted", "Inline Feedbacks", "Lee Park", "",
              "Good summary of the debate, thanks."]
    lines, body = lines_and_body(thread)
    start = thread_start(lines, body)
    assert start is not None and lines[start].text == "Notify of"
    parsed = parse_thread(lines, start)
    assert [r.kind for r in parsed.removed] == ["comment-label"] * 3
    assert [c.author for c in parsed.comments] == ["Lee Park"]


def test_no_thread_in_a_plain_article() -> None:
    lines, body = lines_and_body(["Share this article", "Privacy policy"])
    assert thread_start(lines, body) is None


def test_a_prompt_over_site_menus_opens_no_thread() -> None:
    # 'Have your say' with no comment under it: a newsletter prompt and menu entries follow
    menus = ["Have your say. Send us your views.", "Sign up for our newsletter.", "Weather",
             "Podcasts", "About", "Contact Us", "Careers"]
    lines, body = lines_and_body(menus)
    assert thread_start(lines, body) is None
    # ... and with a reader's text under it, the prompt opens the thread
    lines, body = lines_and_body(menus[:1] + ["Pia Moreau", "",
                                              "The reservoir was low all summer, as usual."])
    start = thread_start(lines, body)
    assert start is not None and lines[start].text.startswith("Have your say")


def test_an_author_box_is_no_comment() -> None:
    # the post's author box inside the widget: her name, then a bio that opens with it
    found = comments_of(["2 Comments", "", "Odile Marsh", "",
                         "Odile Marsh is a hydrologist who writes about rivers and farms.", "",
                         "Ravi", "", "The minutes of that session are worth reading."])
    assert found == [("Ravi", "The minutes of that session are worth reading.")]


def test_post_excerpts_under_the_form_end_the_thread() -> None:
    # an empty comment form, then a sidebar of other posts: titles over excerpts cut '[…]'
    found = comments_of(["Leave a Reply", "Log in to comment", "",
                         "Pump station upgrade", "The old pumps were installed in 1974 and […]",
                         "", "Spring planting notes", "Seed potatoes went in late this year [...]"])
    assert found == []


def test_labels_and_names() -> None:
    assert is_label("12 Comments")
    assert is_label("2 days ago at 08:49 am")
    assert not is_label("The minister said the plan would be reviewed.")
    lines = split_lines("Jo Bloggs\n\nGreat piece, thank you.\n\nAnother Name\n\nMenu")
    assert author_lines(lines, 0, len(lines)) == [0]


def test_blog_count_heading_and_sort_labels_open_a_thread() -> None:
    thread = [
        '4 thoughts on "Water budget approved after a long and heated night of debate in the '
        'regional assembly"', "",
        "Subscribe", "Login", "Notify of", "new follow-up comments", "new replies to my comments",
        "Sort by", "Oldest", "Newest", "",
        "Maria Lopez", "About time they did something, the reservoir has been low for years.",
        "Reply", "",
        "Tom K", "The farmers were heard, read the minutes of the last session.", "Reply",
    ]
    lines, body = lines_and_body(thread)
    start = thread_start(lines, body)
    assert start is not None and lines[start].text.startswith("4 thoughts on")
    parsed = parse_thread(lines, start)
    assert [c.author for c in parsed.comments] == ["Maria Lopez", "Tom K"]
    assert is_label("Oldest") and is_label("new replies to my comments")
    assert not is_label("Oldest trees in the park were cut down")


def test_spam_spread_over_two_lines_of_one_comment() -> None:
    # neither line is spam alone (a lure, then a solicitation); the comment they form is
    text = ("Comments\n\nMarta Quill\n\nI have been so lonely since the move to the coast.\n"
            "Visit my profile and say hello sometime.\n\nOtto Brandt\n\n"
            "The ferry schedule in the story is out of date, sadly.\n")
    lines = split_lines(text)
    thread = parse_thread(lines, 1, page_text=text)
    assert [(c.author, c.spam) for c in thread.comments] == [("Marta Quill", True),
                                                            ("Otto Brandt", False)]
    assert "\n" in thread.comments[0].text


def test_extra_labels_in_two_halves() -> None:
    from rashomon.extract.comments import _EXTRA_LABELS, _extra_label

    texts = ["Please comment below", "We would love your thoughts, please", "(View all)",
             "Stay logged in to reply.", "Reply", "10:42 pm", "[ 3 comments ]",
             "Newest first", "xplease comment", "please commenting", "Cancel reply", "the reply",
             "ſhare", "LOGGED IN TO REPLY", "Be the first to comment on this report.",
             "Sign in to join the conversation", "Maybe the first to comment",
             "rejoin the discussion"]
    found = [_extra_label(t) for t in texts]
    assert found == [_EXTRA_LABELS.search(t) is not None for t in texts]
    assert found.count(False) == 5 and not found[8] and not found[9] and not found[11]
    assert found[14] and found[15] and not found[16] and not found[17]


def comments_of(thread: list[str]) -> list[tuple[str | None, str]]:
    lines, body = lines_and_body(thread)
    start = thread_start(lines, body)
    if start is None:
        return []
    return [(c.author, c.text) for c in parse_thread(lines, start).comments]


def test_an_empty_widget_or_a_comment_button_opens_no_thread() -> None:
    teasers = ["Ferry fares to rise again next spring, council says.",
               "New harbour lights switched on after a year of delays."]
    assert comments_of(["0 Comments", "Popular Posts", *teasers]) == []
    assert comments_of(["Share", "Tweet", "Comment", *teasers]) == []


def test_a_comments_button_over_the_articles_last_paragraph_opens_no_thread() -> None:
    last = "The minister will answer questions on the budget before the assembly next week."
    promo = "If you liked this report, our members get every story first. Join them today."
    widget = ["Comments", last, "Comments", "A Note to Readers", promo, "More in Farming"]
    lines, body = lines_and_body(widget)
    prob = [0.95 if b else 0.1 for b in body]
    # the model is sure of the paragraph; the same label again is the button shown twice;
    # a heading ("A Note to Readers") is no commenter's name over the promotion under it
    assert thread_start(lines, body, prob=prob) is None
    # ... while a first comment the model is less sure of still opens the thread
    prob[[ln.text for ln in lines].index(last)] = 0.8
    assert thread_start(lines, body, prob=prob) is not None


def test_a_title_case_heading_is_no_commenters_name() -> None:
    lines = split_lines("Notes to Keep in Mind\n\nA promotion of the site, with a long text.")
    assert author_lines(lines, 0, len(lines)) == []
    lines = split_lines("Jen from Ohio\n\nThanks, this was a useful read for me today.")
    assert author_lines(lines, 0, len(lines)) == [0]


def test_the_thread_ends_at_a_list_of_posts_or_when_closed() -> None:
    head = ["12 Comments", "Lee Park", "Good summary of the debate, thanks."]
    teasers = ["Ferry fares to rise again next spring, council says.",
               "New harbour lights switched on after a year of delays."]
    assert comments_of([*head, "Popular Posts", *teasers]) == [
        ("Lee Park", "Good summary of the debate, thanks.")]
    assert comments_of([*head, "Comments are closed.", *teasers]) == [
        ("Lee Park", "Good summary of the debate, thanks.")]


def test_dated_author_lines_timestamps_and_form_print() -> None:
    thread = ["3 thoughts on “Water budget”",
              "Ana Ruiz on March 4, 2024 at 9:12 am said:",
              "The farmers deserve a bigger share, the spring was dry.",
              "Ben Cole", "March 5, 2024 at 7:40 pm",
              "Agreed, and the reservoir is at its lowest in years.",
              "Dee Marsh March 6, 2024 - 1:01 pm", "Nobody asked the small farmers at all.",
              "Leave a Reply",
              "Save my name, email and site address on this device for my later replies."]
    assert comments_of(thread) == [
        ("Ana Ruiz", "The farmers deserve a bigger share, the spring was dry."),
        ("Ben Cole", "Agreed, and the reservoir is at its lowest in years."),
        ("Dee Marsh", "Nobody asked the small farmers at all.")]


def test_a_dated_author_line_is_cut_at_exact_offsets() -> None:
    thread = ["2 Comments", "Dee Marsh  on March 6, 2024 at 1:01 pm said:",
              "Nobody asked the small farmers at all.", "Popular Posts",
              "Ferry fares to rise again next spring, council says."]
    text = "\n\n".join(ARTICLE) + "\n\n" + "\n".join(thread)
    lines = split_lines(text)
    body = [ln.text in ARTICLE for ln in lines]
    start = thread_start(lines, body)
    assert start is not None
    parsed = parse_thread(lines, start, page_text=text)
    assert (parsed.start, len(parsed.comments)) == (start, 1)  # and it ends at the list
    c = parsed.comments[0]
    assert c.author == "Dee Marsh" and text[c.author_start : c.author_end] == "Dee Marsh"
    stamp = [r for r in parsed.removed if "2024" in r.text]
    assert [text[r.start : r.end] for r in stamp] == ["on March 6, 2024 at 1:01 pm said:"]
    assert [r.text for r in stamp] == ["on March 6, 2024 at 1:01 pm said:"]


def test_a_link_to_the_whole_thread_ends_the_comments_shown() -> None:
    thread = ["12 Comments", "Lee Park", "Good summary of the debate, thanks.",
              "[ Read All Comments ]", "Guides",
              "How to read a water budget, line by line, with examples.",
              "Why reservoirs fill unevenly across a dry winter season."]
    assert comments_of(thread) == [("Lee Park", "Good summary of the debate, thanks.")]


def test_links_to_the_neighbouring_posts_are_not_comments() -> None:
    thread = ["1 comment", "previous post", "Ten quick suppers for a busy week",
              "next post", "How we keep the garden green in a dry summer",
              "Lee Park", "Good summary of the debate, thanks."]
    assert comments_of(thread) == [("Lee Park", "Good summary of the debate, thanks.")]


def test_a_name_cut_to_its_initial_is_a_commenter() -> None:
    found = comments_of(["3 Comments", "Ines R.", "", "The bridge was shut all of last winter too.",
                         "Tomas", "", "@Ines R. and nobody explained why."])
    assert found == [("Ines R.", "The bridge was shut all of last winter too."),
                     ("Tomas", "@Ines R. and nobody explained why.")]


def test_form_fields_empty_state_and_footer_are_no_comments() -> None:
    found = comments_of(["Comments", "Be the first to comment on this report.", "Leave a Reply",
                         "Name *", "Email *", "Website",
                         "Remember my details on this laptop for later replies.",
                         "Post Comment", "Ravi", "",
                         "The minutes of that session are worth reading.",
                         "© 2024 Valley Courier. All rights reserved.", "Powered by a blog engine"])
    assert found == [("Ravi", "The minutes of that session are worth reading.")]


def test_blog_engine_says_lines_name_the_commenter() -> None:
    thread = ["2 responses", "pond_keeper says:", "June 3, 2024 at 8:15 pm",
              "Our frogs came back after the council cleared the drain.", "Reply"]
    text = "\n\n".join(ARTICLE) + "\n\n" + "\n".join(thread)
    lines = split_lines(text)
    body = [ln.text in ARTICLE for ln in lines]
    parsed = parse_thread(lines, thread_start(lines, body), page_text=text)
    c = parsed.comments[0]
    assert (c.author, c.text) == ("pond_keeper", thread[3])
    assert text[c.author_start : c.author_end] == "pond_keeper"
    label = [r for r in parsed.removed if r.text == "says:"]
    assert [text[r.start : r.end] for r in label] == ["says:"]


def test_headlines_over_standfirsts_under_a_label_are_no_bare_thread() -> None:
    teasers = ["Editor's picks",
               "Harbour ferry adds late summer crossing",
               "The operator said demand had doubled since the bridge closed.",
               "Volunteers repaint the old lighthouse",
               "It is the first fresh coat the tower has had in twenty years.",
               "Council weighs seafront car ban",
               "Traders fear the change would keep visitors away in winter."]
    assert comments_of(teasers) == []
    # ... while short names over what readers wrote are a thread
    thread = ["Editor's picks", "Ines R.", "The ferry was full every evening last week.",
              "Tomas", "Good to see the lighthouse looked after at last.",
              "Ada Park", "A car ban would hurt the cafes on the front."]
    assert [a for a, _ in comments_of(thread)] == ["Ines R.", "Tomas", "Ada Park"]


def test_a_name_the_widget_cut_short_is_the_author_over_a_time() -> None:
    found = comments_of(["12 Comments", "harbourwatch", "3 hours ago",
                         "The late crossing was full again tonight.",
                         "lenny_b...", "2 hours ago", "Same on the early one, standing room only."])
    assert found == [("harbourwatch", "The late crossing was full again tonight."),
                     ("lenny_b...", "Same on the early one, standing room only.")]


def test_a_reply_that_names_an_earlier_commenter_answers_them() -> None:
    thread = ["3 thoughts on “Harbour ferry”", "Ines Roca", "March 4, 2024 at 9:12 am",
              "The late crossing was full again, Dana, you should add a boat.",
              "Tomas", "March 4, 2024 at 9:30 am", "Full on the early one too.",
              "Dana Holt", "March 4, 2024 at 11:02 am",
              "Thanks for telling us, Ines. A second boat starts in May."]
    lines, body = lines_and_body(thread)
    parsed = parse_thread(lines, thread_start(lines, body))
    # 'Dana' in the first comment is the site's writer, not a commenter above it
    assert [(c.author, c.parent) for c in parsed.comments] == [
        ("Ines Roca", None), ("Tomas", None), ("Dana Holt", 0)]
