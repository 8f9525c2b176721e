"""The ``doubled-words`` cleaner: warnings only, never a changed text."""

from __future__ import annotations

import pytest

import newskit
from newskit_clean._doubled import MAX_WARNINGS, STEP, clean_doubled_words, find_doubled_words


def _pairs(text: str) -> list[str]:
    return [text[start:end] for start, end in find_doubled_words(text)]


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Lavrov did say say, however, that Wagner would stay.", ["say say"]),
        ("He went to the the store.", ["the the"]),
        ("The The results were late.", []),  # two capitals: read as a name
        ("The the results were late.", ["The the"]),
        ('"It is is a disgrace," she said.', ["is is"]),
        ("I I don't know.", ["I I"]),
        ("A a typo.", ["A a"]),
        ("She had had enough.", []),
        ("He said that that was wrong.", []),
        ("What they do do is complain.", []),
        ("He gave her her coat.", []),
        ("Bye bye, said the child.", []),
        ("The food was so so.", []),
        ("It was very very cold.", []),
        ("They scored 10 10 times.", []),
        ("Walla Walla is in Washington.", []),
        ("Sirhan Sirhan was convicted.", []),
        ("Their well-being being at risk, they left.", []),
        ("The mayor said, say, thirty.", []),
        ("He stopped.\nStopped again.", []),
        ("in in and on on", ["in in", "on on"]),
    ],
)
def test_which_pairs_are_reported(text: str, pairs: list[str]) -> None:
    assert _pairs(text) == pairs


def test_warning_quotes_the_pair_and_its_context_and_keeps_the_text(seed_text: str) -> None:
    article = newskit.Article(title="A title", text=seed_text)
    flagged = clean_doubled_words(article)
    assert flagged.text == seed_text
    assert flagged.title == "A title"
    assert [(w.step, w.message) for w in flagged.warnings] == [
        (STEP, 'doubled word "say say" in "\u2026Lavrov did say say, however, that\u2026"')
    ]


def test_context_at_the_edges_has_no_ellipsis() -> None:
    (warning,) = clean_doubled_words(newskit.Article(text="the the end")).warnings
    assert warning.message == 'doubled word "the the" in "the the end"'


def test_title_is_checked_too() -> None:
    article = clean_doubled_words(newskit.Article(title="Talks fail fail again", text="Fine."))
    (warning,) = article.warnings
    assert warning.message == 'doubled word "fail fail" in the title "Talks fail fail again"'


def test_no_warning_for_clean_text(clean_text: str) -> None:
    article = newskit.Article(text=clean_text, warnings=(newskit.Problem(step="x", message="y"),))
    result = clean_doubled_words(article)
    assert result.warnings == article.warnings
    assert result is not article


def test_many_pairs_are_capped() -> None:
    result = clean_doubled_words(newskit.Article(text="go go " * 100))
    assert len(result.warnings) == MAX_WARNINGS + 1
    assert result.warnings[-1].message == "80 more doubled words not listed"
