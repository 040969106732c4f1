"""Mojibake is repaired where the text shows it, and clean text is never touched."""
from __future__ import annotations

import pytest

from reportedly.ingest import read_article
from reportedly.ingest.html import read_html
from reportedly.ingest.mojibake import repair_mojibake

# "today’s" and friends as UTF-8 read by a tool as windows-1252, as Latin-1, or twice.
DAMAGED = [
    ("It is todayâ€™s news.", "It is today’s news."),          # windows-1252
    ("It is todayâ\x80\x99s news.", "It is today’s news."),      # Latin-1 (C1 controls)
    ("The Ã©tÃ© cafÃ© in SÃ£o Paulo", "The été café in São Paulo"),
    ("The Â£5 fee â€” paid â€œat onceâ€\x9d", "The £5 fee — paid “at once”"),
    ("Because we\x92re so used to it", "Because we’re so used to it"),  # one cp1252 byte read as Latin-1
    ("ï¿½ replaced", "� replaced"),
]
CLEAN = [
    "São Paulo, naïve café, Zürich, Łódź, Ærøskøbing, Mötley Crüe, Beyoncé",
    "€20, £5, ©2024, ±3 °C, ½ cup, 5×5, ¿Qué? ¡Sí!",
    "“Curly quotes”, ‘single’, — dashes –, … ellipsis, • bullets, ™ and ®",
    "Ελληνικά, Русский, العربية, עברית, 日本語, 中文, 한국어, हिन्दी",
    "ÀÁÂÃÄÅ àáâãäå: accented capitals in a row",
    "Emoji 👍🏽 and symbols ♥ ★ ✓",
    "Plain ASCII text with 'straight quotes' and -- dashes.",
]


@pytest.mark.parametrize("damaged, repaired", DAMAGED)
def test_mojibake_is_repaired(damaged, repaired):
    assert repair_mojibake(damaged) == repaired


@pytest.mark.parametrize("clean", CLEAN)
def test_clean_text_is_never_touched(clean):
    assert repair_mojibake(clean) == clean


def test_only_the_damaged_lines_change():
    clean = "\n".join(CLEAN)
    text = clean + "\nIt is todayâ€™s news.\n" + clean
    assert repair_mojibake(text) == clean + "\nIt is today’s news.\n" + clean


def test_plain_text_reader_repairs():
    article = read_article("The minister said todayâ€™s vote was â€œhistoricâ€\x9d.\n")
    assert "today’s vote was “historic”" in article.text


def test_html_reader_repairs():
    body = "<p>The minister said todayâ€™s vote in the Ã‰lysÃ©e was historic and long overdue.</p>" * 3
    page = f"<html><head><title>Vote</title></head><body><article>{body}</article></body></html>"
    article = read_html(page.encode("utf-8"), "vote")
    assert "today’s vote in the Élysée" in article.text and "â€" not in article.text
