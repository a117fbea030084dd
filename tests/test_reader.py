"""Reading articles: decoding, normalization, boilerplate removal, metadata and its provenance."""
from __future__ import annotations

from pathlib import Path

import pytest

from load.cleaning import clean_lines
from load.reader import SkipFile, find_files, normalize_text, read_article

from .conftest import FIXTURES, SEEDS

MESSY = FIXTURES / "messy"


def seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


# --- site furniture -------------------------------------------------------------------

def test_menus_breadcrumbs_and_sidebar_are_dropped():
    article = read_article(MESSY / "menu_and_sidebar.txt")
    assert article.text.startswith("Kenya Expands Rail Link to Uganda Border\n\nNAIROBI:")
    for furniture in ("HomeWorld", "Skip to content", "Share this", "RELATED STORIES", "Rail Strike Ends", "Most Read"):
        assert furniture not in article.text
    assert article.text.rstrip().endswith("after a cabinet meeting.")


def test_everything_after_a_published_line_is_dropped():
    article = read_article(MESSY / "published_line_sidebar.txt")
    assert "Published in" not in article.text
    assert "Water woes" not in article.text and "Editorial" not in article.text
    assert article.text.rstrip().endswith("finished her speech.")


def test_seed_furniture_is_dropped_by_general_rules():
    for prefix, furniture in [("000", "Back to top button"), ("000", "IranPakistan"),
                              ("001", "RELATED ARTICLES"), ("001", "Advertisment"), ("001", "Translate"),
                              ("001", "Most Popular"), ("002", "Asia-Pacific"), ("003", "Newsroom logo"),
                              ("004", "Free and fair?"), ("004", "Editorial")]:
        assert furniture not in read_article(seed(prefix)).text, (prefix, furniture)


def test_headings_and_captions_inside_the_body_are_kept():
    text = read_article(seed("004")).text
    assert "Release of border guards, Afghan peace discussed at meeting" in text
    caption = read_article(seed("002")).text
    assert "(Photo by IRNA)" in caption


def test_body_keeps_short_lines_between_paragraphs_but_not_web_words():
    cleaned = clean_lines("A headline for the story\n\nFirst paragraph of the story is here and it is long enough.\n"
                          "Advertisement\nSecond paragraph follows the advert and is long enough too.\n")
    assert "Advertisement" not in cleaned.text
    assert "Second paragraph" in cleaned.text


# --- normalization --------------------------------------------------------------------

def test_typographic_quotes_and_dashes_map_one_to_one():
    raw = "\u201cWe\u2019re ready\u201d \u2013 he said\u2014twice\u00a0today"
    normalized = normalize_text(raw)
    assert normalized == "\"We're ready\" - he said-twice today"
    assert len(normalized) == len(raw)


def test_windows_1252_file_is_decoded_right():
    article = read_article(MESSY / "windows_1252.txt")
    assert "Café Pera" in article.text
    assert '"new corridor"' in article.text
    assert "next year - a first" in article.text


def test_crlf_line_ends_are_normalized(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Title Of The Story Here\r\n\r\nThe minister said on Monday that the plan would go ahead.\r\n")
    assert "\r" not in read_article(path).text


# --- files that are not articles -------------------------------------------------------

@pytest.mark.parametrize("content, reason", [
    (b"", "empty file"),
    (b"   \n\n\t", "empty file"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
    (b"\x00\x01\x02garbage\x00" * 100, "binary"),
    (b"\n- Advertisement -\nMost Popular\n", "no article text"),
])
def test_unusable_files_are_skipped_with_a_reason(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(SkipFile, match=reason):
        read_article(path)


def test_huge_file_is_refused_with_the_limit(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * 1_000_000)
    with pytest.raises(SkipFile, match="too large"):
        read_article(path)


def test_find_files_recurses_sorted_and_ignores_other_extensions(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("x")
    (tmp_path / "one.txt").write_text("x")
    (tmp_path / "notes.md").write_text("x")
    (tmp_path / "b" / "loop").symlink_to(tmp_path, target_is_directory=True)
    found = [p.relative_to(tmp_path).as_posix() for p in find_files([tmp_path])]
    assert found == ["one.txt", "b/two.txt"] or found == ["b/two.txt", "one.txt"]
    assert len(found) == 2


def test_a_symlink_out_of_the_given_folder_is_not_read(tmp_path):
    """Only the given files and folders are read: a link inside the folder to a file or a
    folder elsewhere is not followed out of it."""
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.txt").write_text("Not part of the corpus.")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "article.txt").write_text("x")
    (corpus / "leak.txt").symlink_to(outside / "secret.txt")
    (corpus / "more").symlink_to(outside, target_is_directory=True)
    (corpus / "alias.txt").symlink_to(corpus / "article.txt")   # inside: the same file once
    found = [p.name for p in find_files([corpus])]
    assert len(found) == 1 and found[0] in ("article.txt", "alias.txt")


# --- metadata and where it came from --------------------------------------------------

def test_byline_gives_author_and_publication_date():
    article = read_article(MESSY / "menu_and_sidebar.txt")
    assert (article.author, article.author_source) == ("Amina Otieno", "byline")
    assert (article.published, article.published_source, article.published_precision) == ("2024-03-02", "byline", "day")
    assert article.title == "Kenya Expands Rail Link to Uganda Border"
    assert article.dateline == "Nairobi"


def test_header_date_above_the_title_is_not_the_publication_date():
    article = read_article(MESSY / "header_date_only.txt")
    assert article.published is None
    assert article.title == "Budget Talks Stall in Capital"
    assert (article.outlet, article.outlet_source) == ("News Today", "logo")


def test_published_line_gives_outlet_and_date():
    article = read_article(MESSY / "published_line_sidebar.txt")
    assert (article.outlet, article.outlet_source) == ("The Daily Sun", "published-line")
    assert (article.published, article.published_source) == ("2022-06-13", "published-line")
    assert article.dateline == "Lahore"


def test_sidecar_overrides_the_text():
    article = read_article(MESSY / "with_sidecar.txt")
    assert article.url == "https://example.org/news/talks-resume"
    assert (article.outlet, article.outlet_source) == ("Example Wire", "sidecar")
    assert (article.title, article.title_source) == ("Talks resume in Doha", "sidecar")
    assert (article.published, article.published_source) == ("2023-05-14", "sidecar")


@pytest.mark.parametrize("sidecar, reason", [
    ("{not json", "invalid JSON"),
    ('{"published": "2023-02-30"}', "not a real date"),
    ('["a", "list"]', "JSON object"),
])
def test_bad_sidecar_skips_the_article_naming_the_sidecar(tmp_path, sidecar, reason):
    (tmp_path / "story.txt").write_text("The minister said on Monday that the plan would go ahead as announced.")
    (tmp_path / "story.json").write_text(sidecar)
    with pytest.raises(SkipFile, match=f"story.json.*{reason}"):
        read_article(tmp_path / "story.txt")


@pytest.mark.parametrize("prefix, published, source", [
    ("000", None, None),
    ("001", None, None),            # the site header's "Thursday, November 21, 2024" is not evidence
    ("002", None, None),
    ("003", "2019-11-22", "byline"),  # "Last update: April 26, 2024" is not the publication date
    ("004", "2019-11-20", "published-line"),
])
def test_seed_publication_dates(prefix, published, source):
    article = read_article(seed(prefix))
    assert (article.published, article.published_source) == (published, source)


def test_seed_titles_outlets_and_datelines():
    assert read_article(seed("000")).outlet == "Islamic Invitation Turkey"
    assert read_article(seed("001")).title == "Iran Vows to Build 'Comprehensive' Relationship with Pakistan"
    a3 = read_article(seed("003"))
    assert (a3.author, a3.outlet) == ("Orkhan Jalilov", "Newsroom")
    a4 = read_article(seed("004"))
    assert (a4.outlet, a4.dateline, a4.title) == ("Dawn", "Islamabad", None)


def test_published_stamp_in_the_head_and_agency_in_the_dateline():
    article = read_article(MESSY / "agency_published_stamp.txt")
    assert article.title == "Floods cut off villages in northern province"
    assert (article.published, article.published_source) == ("2024-03-05", "published-line")
    assert (article.outlet, article.outlet_source) == ("AP", "dateline-agency")
    assert article.dateline == "Kano"
    assert "Copyright" not in article.text and "Updated" not in article.text
