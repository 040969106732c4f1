"""Leading furniture (breadcrumbs, nav words, TOC headings, a date alone) above the article."""
from __future__ import annotations

import pytest

from reportedly.ingest.html.steps.boilerplate import is_boilerplate, is_leading_furniture, split_boilerplate

PROSE = ("The harbour authority approved a plan on Monday to dredge the eastern channel, which has "
         "silted up so badly that the larger ferries can no longer dock at low tide.")


@pytest.mark.parametrize("line", [
    "July 29, 2025", "- Sep 26, 2022", "- 2 min read", "Friday, November 14, 2025", "19/12/2025",
    "2025-12-18", "3 January, 2025", "December 15, 2025 // 8 min read",
    "Jun 08, 2023 • 11 Minute Read", "2–3 minutes", "Estimated reading time:", "Table of Contents",
    "On this page", "In this article", "Skip to content", "Back to blog", "- Home", "You are here:",
    "Home » Guides", "Guides > Gardening > Soil and compost",
])
def test_furniture_lines(line):
    assert is_leading_furniture(line)


@pytest.mark.parametrize("line", [
    PROSE, "May 2024 was a hard month for everyone in the town.", "Why the channel silted up",
    "Home is where the harbour is", "Contents of a ferry's emergency kit",
])
def test_article_lines_are_not_furniture(line):
    assert not is_leading_furniture(line)


def test_furniture_is_dropped_only_above_the_first_kept_line():
    lines = ["Home > News > Local", "March 3, 2025", "Table of Contents", PROSE, "March 4, 2025",
             PROSE.replace("Monday", "Tuesday")]
    kept, dropped, _ = split_boilerplate(lines)
    assert [i for i, _ in dropped] == [0, 1, 2]
    assert [i for i, _ in kept] == [3, 4, 5]  # the later date line may be the article's own


def test_a_paragraph_printed_twice_is_dropped():
    lines = [PROSE, "Why the channel silted up", PROSE]
    kept, dropped, _ = split_boilerplate(lines)
    assert [i for i, _ in dropped] == [2]


def test_a_list_item_repeated_in_another_list_is_kept():
    # A training plan repeats its warm-up week after week; each week is the article's own.
    warm_up = "- Warm up: 10 to 20 minutes of easy jogging and five strides"
    lines = [PROSE, "- Tuesday: intervals", warm_up, "- Main set: five times one kilometre hard",
             "- Thursday: steady run", warm_up, "- Main set: twenty minutes at tempo effort"]
    kept, dropped, _ = split_boilerplate(lines)
    assert dropped == []


def test_a_list_printed_twice_is_dropped_as_a_copy():
    items = ["- Labour: skilled trades cost more here than anywhere else in the state",
             "- Materials: most stone and timber is shipped in from far away"]
    lines = [PROSE, *items, "Why the channel silted up", *items]
    kept, dropped, _ = split_boilerplate(lines)
    assert [i for i, _ in dropped] == [4, 5]


def test_template_placeholder_text_is_boilerplate_at_any_length():
    filler = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
              "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud "
              "exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.")
    assert len(filler) > 200
    assert is_boilerplate(filler)
    assert is_boilerplate("Lorem Ipsum") and is_boilerplate("- Lorem ipsum 3")
    # Prose about the placeholder is an article's sentence.
    assert not is_boilerplate("Lorem ipsum is the placeholder text designers have used since the 1500s.")
