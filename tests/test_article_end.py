"""find_article_end on hand-made lists of extracted lines."""
from __future__ import annotations

from reportedly.ingest.html.steps.article_end import find_article_end
from reportedly.ingest.html import read_html

PROSE = [
    "The council voted on Tuesday to expand the bus network to the northern suburbs after a long "
    "debate about costs, routes and the timetable for the first new lines next spring.",
    "Opponents said the plan would cost far more than the budget allows and that the money would "
    "be better spent on repairing roads that have been neglected for more than a decade now.",
    "Residents of the northern suburbs have long complained that they cannot reach the centre "
    "without a car, and several local groups welcomed the decision on Tuesday evening.",
]
TITLES = ["How the tram line was built in 1902", "Five walks along the river this autumn",
          "Why the old depot is being turned into flats"]


def test_related_heading_over_a_list_of_titles_is_cut():
    lines = PROSE + ["Related Posts:"] + TITLES
    assert find_article_end(lines) == len(PROSE)


def test_related_list_followed_by_legal_notes_is_cut():
    notes = ["The content of this post is for general information only and is not advice. " * 5] * 3
    teasers = [TITLES[0], "A short summary of the post in a sentence or two.", TITLES[1], TITLES[2]]
    lines = PROSE * 4 + ["Recent Articles"] + teasers + notes
    assert find_article_end(lines) == len(PROSE) * 4
    lines = PROSE * 2 + ["Further reading"] + TITLES
    assert find_article_end(lines) == len(PROSE) * 2


def test_teaser_heading_over_cards_of_title_and_summary_is_cut():
    summary = ("Five quick steps to set up your desk to improve your posture, comfort and the way "
               "you work at home.")
    lines = PROSE * 2 + ["Explore more", TITLES[0], summary, summary, TITLES[1], summary]
    assert find_article_end(lines) == len(PROSE) * 2


def test_related_heading_over_prose_is_a_section_of_the_article():
    lines = PROSE + ["Related risks"] + PROSE
    assert find_article_end(lines) == len(lines)


def test_generic_section_heading_is_never_a_cut():
    lines = PROSE + ["Other costs"] + TITLES
    assert find_article_end(lines) == len(lines)


def test_short_author_box_is_cut_but_a_long_one_is_not():
    bio = "Jane Doe covers transport and city hall for the paper and has lived in the city since 2004."
    assert find_article_end(PROSE + ["About the Author", bio]) == len(PROSE)
    assert find_article_end(PROSE + ["About the author"] + PROSE * 3) == len(PROSE) * 4 + 1


def test_author_name_alone_over_a_short_bio_is_an_author_box():
    bio = "Jane Doe covers transport and city hall for the paper and has lived in the city since 2004."
    for heading in ("Jane Doe", "Written by Jane Doe", "By Jane Doe"):
        lines = PROSE * 2 + [heading, bio]
        assert find_article_end(lines, bylines=["Jane Doe"]) == len(PROSE) * 2
        assert find_article_end(lines) == len(lines)  # no byline known: nothing to go by
    # A speaker's label over a long answer (an interview) is the article's own.
    lines = PROSE * 2 + ["Jane Doe"] + PROSE * 2
    assert find_article_end(lines, bylines=["Jane Doe"]) == len(lines)


def test_reviewer_credit_with_bio_and_disclosures_is_an_author_box():
    bio = "Jane Doe covers transport and city hall for the paper and has lived in the city since 2004."
    notes = "Advisory services are only offered to clients where the firm is registered. " * 8
    for heading in ("Reviewed by,", "Article written by:", "Author", "Contributor"):
        lines = PROSE * 3 + [heading, "Jane Doe, CFP", bio, notes]
        assert find_article_end(lines) == len(PROSE) * 3


def test_cookie_banner_and_its_buttons_are_cut():
    lines = PROSE + ["We use cookies on our website to give you the most relevant experience.",
                     "Manage consent", "Accept", "Necessary cookies are essential for the site to work."]
    assert find_article_end(lines) == len(PROSE)


def test_feedback_prompt_or_appeal_closes_the_article():
    bio = "Jane Doe covers transport and city hall for the paper and has lived in the city since 2004."
    for prompt in ("Was this article helpful?", "Did you find this content helpful?",
                   "Enjoyed this piece? We need your help to keep publishing.",
                   "| Rate this article | |", "Would you like to receive notifications about new posts?",
                   "Learn more about our editorial process."):
        assert find_article_end(PROSE * 2 + [prompt, "Yes", "No", bio] + PROSE) == len(PROSE) * 2
    # A question of the article's own is not a prompt.
    lines = PROSE + ["Was this the right call?"] + PROSE
    assert find_article_end(lines) == len(lines)


def test_paywall_prompt_closes_the_article():
    offer = ["- Daily insights from the newsroom", "- Early access to new tools"]
    for prompt in ("Become a paid subscriber to Every to unlock this piece and learn about:",
                   "This article is exclusive to STAT+ subscribers"):
        assert find_article_end(PROSE * 2 + [prompt] + offer) == len(PROSE) * 2
    # A feature list that mentions a subscription is not a paywall.
    lines = PROSE * 2 + ["- Subscription required to unlock all its best features"] + PROSE
    assert find_article_end(lines) == len(lines)


def test_notes_about_the_article_and_form_prompts_close_it():
    fine_print = "The views expressed are the author's own and do not reflect those of the site."
    for note in ("This story was developed in partnership with Ferah Catering by the content team.",
                 "This article was originally written by Jamie Johnson.",
                 "Contact staff writer Jane Doe at 212-678-3595 or jane@example.org.",
                 "Fill out the form to get a copy of our ebook."):
        assert find_article_end(PROSE * 2 + [note, fine_print]) == len(PROSE) * 2
    # A sentence of the article about a form is not a prompt.
    lines = PROSE * 2 + ["Residents can fill out the form at city hall until Friday."] + PROSE
    assert find_article_end(lines) == len(lines)


def test_company_contact_prompt_closes_the_article():
    faq = ["Can you help me grow my followers?", "Yes, our plans start at $59 a month."]
    for prompt in ("Have any questions?", "You got questions, we got answers!", "Contact Us",
                   "Still have questions?", "NEED MORE HELP?"):
        assert find_article_end(PROSE * 2 + [prompt] + faq + PROSE) == len(PROSE) * 2
    # A sentence that asks about questions is the article's own.
    lines = PROSE + ["Have any questions been answered by the council yet?"] + PROSE
    assert find_article_end(lines) == len(lines)


def test_trailing_run_of_links_is_cut_only_when_they_are_links():
    lines = PROSE + ["December 8, 2025"] + TITLES
    assert find_article_end(lines, set(TITLES)) == len(PROSE)
    assert find_article_end(lines, set()) == len(lines)
    assert find_article_end(lines, {TITLES[-1]}) == len(lines)  # one link is not a list


def test_trailing_titles_printed_with_their_dates_are_links():
    lines = PROSE + [f"- {title} - December 8, 2025" for title in TITLES]
    assert find_article_end(lines, set(TITLES)) == len(PROSE)
    assert find_article_end(lines, set()) == len(lines)


def test_trailing_cards_of_title_and_summary_are_cut():
    summary = "How our advisers help middle-market companies raise capital and close deals."
    cards = [TITLES[0], summary, TITLES[1], "Investment Banking", summary]
    lines = PROSE + cards
    assert find_article_end(lines, set(TITLES)) == len(PROSE)
    # An FAQ whose questions are links (accordion toggles) keeps its answers.
    questions = ["What measures can enhance blockchain security?",
                 "Why is data management important in blockchain?"]
    lines = PROSE + [questions[0], summary, questions[1], summary]
    assert find_article_end(lines, set(questions)) == len(lines)


def test_nothing_is_cut_in_the_first_half():
    lines = ["Related Posts:"] + TITLES + PROSE
    assert find_article_end(lines) == len(lines)


def test_dated_feed_under_a_teaser_heading_is_cut_even_in_the_first_half():
    summary = ("A look at how the city's bus routes changed over the last decade and what riders "
               "said about the new timetable, the fares and the late buses this winter.")
    feed = [line for title in TITLES * 2 for line in ("Dec 19, 2025", title, summary)]
    lines = PROSE * 2 + ["Read This Next"] + feed
    assert find_article_end(lines) == len(PROSE) * 2
    # Without the posts' dates it may be a box inside the article; too early to tell.
    undated = [line for line in feed if line != "Dec 19, 2025"]
    lines = PROSE * 2 + ["Read This Next"] + undated
    assert find_article_end(lines) == len(lines)


def test_post_excerpts_in_the_second_half_open_a_feed():
    posts = ["When the agency denies your claim it can feel like a dead end, but there are ways",
             "Navigating the appeals process can be overwhelming while you deal with an illness"]
    excerpts = [post + " Read More" for post in posts]
    testimonial = "\u201cThe best firm in town, they handled my case in under six months!\u201d"
    lines = PROSE * 3 + [TITLES[0], posts[0], TITLES[1], posts[1], testimonial]
    assert find_article_end(lines, excerpts=excerpts) == len(PROSE) * 3 + 1
    # One excerpt is not a feed, and a feed in the first half is the page's own list.
    assert find_article_end(PROSE * 3 + posts[:1], excerpts=excerpts) == len(PROSE) * 3 + 1
    lines = posts * 2 + PROSE * 3
    assert find_article_end(lines, excerpts=excerpts) == len(lines)



def test_a_listicle_made_of_excerpts_is_the_article():
    # "The city's best restaurants": each entry a name and an excerpt-classed summary, which
    # hold most of the words; the entries after the halfway point are not a feed.
    entries = [f"Entry number {i} serves a small menu of dishes from the chef's childhood, "
               f"weaving in influences from three continents." for i in range(8)]
    lines = [PROSE[0]] + [line for i, e in enumerate(entries) for line in (f"Place {i}", e)]
    assert find_article_end(lines, excerpts=entries) == len(lines)

def test_read_html_leaves_related_links_out_and_records_them():
    items = "".join(f"<p><a href='/p{i}'>{t}</a></p>" for i, t in enumerate(TITLES))
    body = "".join(f"<p>{p} Part {n} of the report.</p>" for n in (1, 2) for p in PROSE)
    html = ("<html><body><article><h1>Council expands bus network</h1>" + body
            + f"<h3>Related Posts</h3>{items}</article></body></html>")
    art = read_html(html, "rel")
    assert art.text.endswith("Part 2 of the report.")
    assert any(span.text == "Related Posts" for span in art.boilerplate)


def test_read_html_leaves_a_feed_of_post_excerpts_out():
    body = "".join(f"<p>{p} Part {n} of the report.</p>" for n in (1, 2) for p in PROSE)
    cards = "".join(
        f"<article class='post'><h3><a href='/p{i}'>{t}</a></h3><div class='post-excerpt'><p>{p}"
        f" about the bus network in the suburbs.</p></div></article>"
        for i, (t, p) in enumerate(zip(TITLES, ["Drivers say the new depot", "The mayor explains",
                                                "Riders are asked"])))
    html = ("<html><body><main><h1>Council expands bus network</h1>" + body
            + f"<h2>Latest News</h2>{cards}</main></body></html>")
    art = read_html(html, "feed")
    assert art.text.endswith("Part 2 of the report.")
