"""Issue 22's outlet, byline and leaked-furniture errors, on hand-made pages."""
import pytest

from reportedly.ingest.html import read_html
from reportedly.ingest.html.meta.clean import clean_author
from reportedly.ingest.html.steps.boilerplate import boilerplate_reason

BODY = ("<h1>Harbour plan approved</h1>"
        "<p>The council approved the harbour plan on Monday after a long debate about ferries.</p>"
        "<p>The mayor said the first ferries would run in the spring, weather permitting.</p>"
        "<p>Officials said the cost would be shared between the city and the port authority.</p>")


def page(head="", body=BODY):
    return f"<html><head><title>Harbour plan approved</title>{head}</head><body><article>{body}</article></body></html>"


def test_a_twitter_handle_is_not_the_outlet():
    assert read_html(page("<meta name='twitter:site' content='@SputnikInt'>"), "t").outlet is None
    assert read_html(page("<meta name='twitter:site' content='SputnikInt'>"), "t").outlet is None
    # Named otherwise than the site: no outlet rather than the account's name.
    head = "<link rel='canonical' href='https://sputniknews.com/a'><meta name='twitter:site' content='@SputnikInt'>"
    assert read_html(page(head), "t").outlet is None


def test_a_handle_that_is_the_sites_own_domain_name_is_the_outlet():
    head = "<link rel='canonical' href='https://about.gitlab.com/blog/a'><meta name='twitter:site' content='@gitlab'>"
    assert read_html(page(head), "t").outlet == "gitlab"
    head = "<meta property='og:url' content='https://www.upwork.com/x'><meta name='twitter:site' content='@Upwork'>"
    assert read_html(page(head), "t").outlet == "Upwork"
    # A declared name still comes first.
    head += "<meta property='og:site_name' content='Upwork Blog'>"
    assert read_html(page(head), "t").outlet == "Upwork Blog"


def test_the_outlet_is_the_next_declared_name_after_a_handle_or_url():
    head = ("<meta property='og:site_name' content='http://www.tmz.com'>"
            "<meta name='twitter:site' content='@tmz'>"
            "<script type='application/ld+json'>{\"@type\": \"Organization\", \"name\": \"TMZ\"}</script>")
    assert read_html(page(head), "t").outlet == "TMZ"
    assert read_html(page("<meta property='og:site_name' content='Salon.com'>"), "t").outlet == "Salon.com"


@pytest.mark.parametrize("raw, name", [
    ("Tom Davies Associated Press", "Tom Davies"),
    ("Jane Doe Reuters", "Jane Doe"),
    ("Ana Ruiz AP", "Ana Ruiz"),
    ("Associated Press", "Associated Press"),  # wire copy: the agency is the byline
    ("Michael Bloomberg", "Michael Bloomberg"),  # a surname, not the agency
])
def test_an_agency_fused_to_the_reporters_name_is_cut_off(raw, name):
    assert clean_author(raw) == name


def test_a_byline_fused_with_its_agency_keeps_the_person():
    art = read_html(page(body="<p class='byline'>By Tom Davies Associated Press</p>" + BODY), "b")
    assert art.bylines == ("Tom Davies",)


@pytest.mark.parametrize("line", ["css-1dbjc4n r-13awgt0 r-18u37iz", "md:text-lg font-bold text-gray-900",
                                  "card__title card--wide visible", "flex items-center justify-between gap-2 px-4"])
def test_a_run_of_css_class_names_is_furniture(line):
    assert boilerplate_reason(line) == "a run of CSS class names"


@pytest.mark.parametrize("line", ["well-known long-term follow-up", "covid-19 long-term effects",
                                  "The state-of-the-art plan", "e-mail sign-up"])
def test_hyphenated_words_are_not_class_names(line):
    assert boilerplate_reason(line) != "a run of CSS class names"


def test_a_leaked_class_list_is_left_out_of_the_body():
    body = BODY.replace("</p><p>The mayor", "</p><p>css-1dbjc4n r-13awgt0 r-18u37iz</p><p>The mayor")
    art = read_html(page(body=body), "c")
    assert "css-1dbjc4n" not in art.text
    assert [o.reason for o in art.boilerplate if "css-" in o.text] == ["a run of CSS class names"]


def test_the_agency_of_a_fused_byline_is_the_wire():
    art = read_html(page(body="<p class='byline'>By Tom Davies Associated Press</p>" + BODY), "w")
    assert (art.bylines, art.wire) == (("Tom Davies",), "AP")


def test_an_agency_beside_a_person_is_the_wire_not_a_coauthor():
    art = read_html(page(body="<p class='byline'>By Jane Doe and Reuters</p>" + BODY), "w")
    assert (art.bylines, art.wire) == (("Jane Doe",), "Reuters")
    art = read_html(page("<meta name='author' content='Jane Doe, AFP'>"), "w")
    assert (art.bylines, art.wire) == (("Jane Doe",), "AFP")


def test_an_agency_alone_is_the_byline_and_the_wire():
    art = read_html(page("<meta name='byl' content='By The Associated Press'>"), "w")
    assert (art.bylines, art.wire) == (("The Associated Press",), "AP")


def test_an_agency_the_page_declares_as_the_copys_source_is_the_wire():
    ld = ('{"@type": "NewsArticle", "headline": "Harbour plan approved", '
          '"author": {"@type": "Person", "name": "Jane Doe"}, '
          '"sourceOrganization": {"@type": "Organization", "name": "Agence France-Presse"}}')
    art = read_html(page(f"<script type='application/ld+json'>{ld}</script>"), "w")
    assert (art.bylines, art.wire) == (("Jane Doe",), "AFP")


@pytest.mark.parametrize("head", [
    "",  # no agency named
    "<meta name='author' content='Michael Bloomberg'>",  # a surname, not the agency
    "<meta property='og:site_name' content='Thomson Reuters Tax &amp; Accounting'>"
    "<meta name='author' content='Thomson Reuters Tax &amp; Accounting'>",  # an outlet with the name in it
])
def test_no_wire_where_no_agency_is_named_as_such(head):
    assert read_html(page(head), "w").wire is None


def test_the_wire_is_in_the_json_and_the_text_report():
    from reportedly.model import Analysis
    from reportedly.report import render_text
    from reportedly.serialize import article_dict

    art = read_html(page(body="<p class='byline'>By Tom Davies Associated Press</p>" + BODY), "w")
    assert article_dict(art)["wire"] == "AP"
    assert "By Tom Davies · via AP" in render_text(Analysis("w", art))


@pytest.mark.parametrize("name", ["U.S.", "World", "Business", "Politics", "Homepage", "Blog"])
def test_a_section_label_is_not_the_outlet(name):
    assert read_html(page(f"<meta property='og:site_name' content='{name}'>"), "s").outlet is None
    # The next declared name is.
    head = (f"<meta property='og:site_name' content='{name}'>"
            "<script type='application/ld+json'>{\"@type\": \"Organization\", \"name\": \"Harbour Times\"}</script>")
    assert read_html(page(head), "s").outlet == "Harbour Times"


def test_a_section_word_that_is_the_hosts_name_is_the_outlet():
    head = "<link rel='canonical' href='https://www.health.com/a'><meta property='og:site_name' content='Health'>"
    assert read_html(page(head), "s").outlet == "Health"


def test_a_site_name_of_no_letters_is_not_the_outlet():
    assert read_html(page("<meta property='og:site_name' content='/'>"), "s").outlet is None


NYT_LIKE = ("<html><head><title>Harbour plan approved - The Harbour Times</title></head><body>"
            "<article>{body}</article><footer><a href='/copyright'>© <span>2017</span>"
            "<span>The Harbour Times Company</span></a></footer></body></html>")


def test_a_title_suffix_the_copyright_line_confirms_is_the_outlet():
    assert read_html(NYT_LIKE.format(body=BODY), "n").outlet == "The Harbour Times"


def test_a_title_suffix_nothing_confirms_is_not_the_outlet():
    bare = NYT_LIKE.replace("The Harbour Times Company", "Other Owner Inc.")
    assert read_html(bare.format(body=BODY), "n").outlet is None
    # A section after the headline is never the outlet, whatever the page says.
    section = NYT_LIKE.replace(" - The Harbour Times</title>", " - Opinion</title>")
    assert read_html(section.format(body=BODY), "n").outlet is None


def test_a_title_suffix_that_names_the_host_is_the_outlet():
    head = "<link rel='canonical' href='https://www.harbourtimes.com/a'>"
    html = (f"<html><head><title>Harbour plan approved | HarbourTimes.com</title>{head}</head>"
            f"<body><article>{BODY}</article></body></html>")
    assert read_html(html, "n").outlet == "HarbourTimes.com"


@pytest.mark.parametrize("raw", ["The Russian", "the Chinese", "The Israelis", "A South Korean"])
def test_a_subject_fragment_is_not_a_byline(raw):
    assert clean_author(raw) is None


@pytest.mark.parametrize("raw", ["The Ritualist", "The Currency editors", "Thai Nguyen", "Ann French"])
def test_names_and_pen_names_are_still_bylines(raw):
    assert clean_author(raw) == raw


def test_a_subject_fragment_beside_the_headline_is_not_the_byline():
    body = BODY.replace("<p>The council", "<p>By The Russian</p><p>The council")
    assert read_html(page(body=body), "r").bylines == ()


def test_the_site_name_fused_after_the_reporters_name_is_cut_off():
    assert clean_author("Brian Truitt USA TODAY", "USA TODAY") == "Brian Truitt"
    assert clean_author("Jane Doe | Harbour Times", "The Harbour Times") == "Jane Doe"
    head = "<meta property='og:site_name' content='Harbour Times'>"
    art = read_html(page(head, body="<p class='byline'>By Jane Doe Harbour Times</p>" + BODY), "f")
    assert (art.bylines, art.outlet) == (("Jane Doe",), "Harbour Times")
    # The site's name alone is not a person's (an organisation's byline is decided elsewhere).
    assert clean_author("Harbour Times", "Harbour Times") is None


def test_a_copyright_holder_named_as_the_host_is_the_outlet():
    html = (f"<html><head><title>Harbour plan approved</title>"
            "<link rel='canonical' href='https://www.harbourmd.com/a'></head>"
            f"<body><article>{BODY}</article><footer><p>©2005-2015 HarbourMD, LLC. All rights "
            "reserved.</p></footer></body></html>")
    assert read_html(html, "c").outlet == "HarbourMD"
    # Another company's copyright says nothing of this site's name.
    assert read_html(html.replace("HarbourMD, LLC", "Acme Media, LLC"), "c").outlet is None


@pytest.mark.parametrize("raw", ["Sign In", "Sign Up", "Log out", "My Account"])
def test_an_account_menu_is_not_a_byline(raw):
    assert clean_author(raw) is None


def test_an_account_menu_classed_as_a_byline_gives_way_to_the_printed_byline():
    body = ("<div class='author-menu'>Sign In | Sign Up | My Account</div>"
            "<p class='byline'>By Jane Doe</p>" + BODY)
    assert read_html(page(body=body), "m").bylines == ("Jane Doe",)


def test_what_a_byline_prints_after_a_degree_is_no_person():
    from reportedly.ingest.html.meta.clean import split_byline

    assert split_byline("By Brenda Goodman, MA WebMD Health News") == ["Brenda Goodman, MA"]
    assert split_byline("Jane Doe and JJ Abrams") == ["Jane Doe", "JJ Abrams"]
    assert split_byline("Ana Ruiz, MS, RD") == ["Ana Ruiz, MS, RD"]
