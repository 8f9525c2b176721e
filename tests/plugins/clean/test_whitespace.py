"""The ``whitespace`` cleaner: spacing and line breaks change, words never do."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newskit
from newskit_clean._whitespace import clean_whitespace, normalize_title, normalize_whitespace


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("month \xa0and", "month and"),
        ("a\u2009b\u202fc\u3000d\te", "a b c d e"),
        ("zero\u200bwidth\ufeff and\u2060joined", "zerowidth andjoined"),
        ("soft\u00adhyphen", "softhyphen"),
        ("  lead and trail  ", "lead and trail"),
        ("a    b", "a b"),
        ("line one  \n   line two", "line one\nline two"),
        ("one\r\ntwo\rthree", "one\ntwo\nthree"),
        ("para one\n\n\n\n\npara two", "para one\n\npara two"),
        ("para one\n \t \n\xa0\npara two", "para one\n\npara two"),
        ("sep\u2028line\u2029para", "sep\nline\n\npara"),
        ("\n\n\ntext\n\n\n", "text"),
        ("nul\x00 and bell\x07", "nul and bell"),
        ("", ""),
    ],
)
def test_normalize_whitespace(raw: str, expected: str) -> None:
    assert normalize_whitespace(raw) == expected


def test_joiners_kept_inside_words_and_dropped_at_edges() -> None:
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # ZWNJ inside a word
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # an emoji sequence
    assert normalize_whitespace(persian) == persian
    assert normalize_whitespace(family) == family
    assert normalize_whitespace("a \u200dword\u200c b") == "a word b"


def test_single_line_breaks_inside_a_block_stay() -> None:
    dump = "- Sponsor -spot_img\n- Sponsor -spot_img\n\nWeek's Top Stories"
    assert normalize_whitespace(dump) == dump


def test_titles_become_one_line_or_none() -> None:
    assert normalize_title("  UN to End\n Mission\xa0in Mali ") == "UN to End Mission in Mali"
    assert normalize_title(" \u200b ") is None
    assert normalize_title(None) is None


def test_cleaner_returns_a_new_article_and_leaves_other_fields() -> None:
    article = newskit.Article(id="a", url="https://example.org/x", title=" T ", text="a\xa0 b")
    cleaned = clean_whitespace(article)
    assert cleaned is not article
    assert (cleaned.title, cleaned.text, cleaned.url, cleaned.id) == (
        "T",
        "a b",
        "https://example.org/x",
        "a",
    )


def test_clean_text_is_unchanged(clean_text: str) -> None:
    assert normalize_whitespace(clean_text) == clean_text


_WORDS = re.compile(r"[^\s\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x1f\x7f-\x9f]+")


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_words_survive_and_the_result_is_stable(text: str) -> None:
    once = normalize_whitespace(text)
    assert normalize_whitespace(once) == once
    assert "\n\n\n" not in once and "  " not in once
    assert once == once.strip()
    # The same visible characters, in the same order.
    assert "".join(_WORDS.findall(once)) == "".join(_WORDS.findall(text)).replace("\u180e", "")


_ALL_SPACES = re.compile("[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")


@given(st.text(alphabet=st.sampled_from(list("ab \t\u00a0\u3000\u2009\n.")), max_size=60))
def test_space_runs_collapse_exactly_as_one_plain_space_each(text):
    # The cleaner leaves single plain spaces alone for speed; the result must be the
    # same as replacing every run of any spaces with one space.
    expected = "\n".join(line.strip(" ") for line in _ALL_SPACES.sub(" ", text).split("\n"))
    expected = re.sub(r"\n{3,}", "\n\n", expected).strip("\n ")
    assert normalize_whitespace(text) == expected
