"""The ``furniture`` cleaner's two special cases: HTML bodies, and pages without prose."""

from __future__ import annotations

import newskit
from newskit_clean._furniture import clean_furniture

PARAGRAPHS = [
    "The council voted on Tuesday to close the harbour bridge to lorries after engineers "
    "found cracks in two of its steel girders.",
    "Advertisement",
    "The vote",
    "Traffic will be diverted through the ring road for six months, the council said.",
    "Read more: Why the harbour bridge was built in a hurry",
    "Sign up for our free newsletter to get the headlines in your inbox",
    "Share on Facebook",
    "Photo: Jane Doe / Getty Images",
    "Paris",
    "Shop owners said they feared losing custom over the winter.",
    "You may also like",
]


def _extracted(paragraphs: list[str]) -> newskit.Article:
    return newskit.Article(
        id="a", title="Bridge closed", text="\n\n".join(paragraphs), meta={"extractor": "html"}
    )


def test_leftovers_go_with_their_reasons_and_short_article_paragraphs_stay():
    article = clean_furniture(_extracted(PARAGRAPHS))
    assert article.text.split("\n\n") == [
        PARAGRAPHS[0],
        "The vote",
        PARAGRAPHS[3],
        "Paris",
        PARAGRAPHS[9],
    ]
    assert [(r.text, r.reason, r.step) for r in article.removed] == [
        ("Advertisement", "advertisement slot", "clean:furniture"),
        (PARAGRAPHS[4], "read-more link", "clean:furniture"),
        (PARAGRAPHS[5], "newsletter sign-up", "clean:furniture"),
        ("Share on Facebook", "share buttons", "clean:furniture"),
        ("Photo: Jane Doe / Getty Images", "image caption or credit", "clean:furniture"),
        ("You may also like", "teaser-list heading", "clean:furniture"),
    ]
    assert article.title == "Bridge closed"


def test_an_extracted_body_without_leftovers_is_untouched():
    body = _extracted([PARAGRAPHS[0], "The vote", PARAGRAPHS[3], "Paris"])
    assert clean_furniture(body) == body


def test_the_same_short_lines_in_a_dump_are_judged_by_position():
    # Without an extractor, a dump's lines around the article are furniture when the
    # page shows furniture at all: "Paris" after the article goes as page footer.
    dump = newskit.Article(id="d", title=None, text="\n".join(PARAGRAPHS))
    reasons = {r.text: r.reason for r in clean_furniture(dump).removed}
    assert reasons["Advertisement"] == "advertisement slot"
    assert "Paris" in reasons


def test_a_dump_with_no_prose_has_no_article_and_says_so():
    menu = "Home\nNews\nSport\nWeather\nContact us\n\u00a9 2024 The Daily Ledger"
    article = clean_furniture(newskit.Article(id="menu", title=None, text=menu))
    assert article.text == ""
    assert len(article.removed) == 6
    assert {r.reason for r in article.removed} == {"no prose on the page: furniture only"}
    assert article.warnings[0].message.startswith("no article: none of the 6 lines")


def test_a_short_text_is_not_mistaken_for_a_page_without_prose():
    for text in ("Rates held.", "Rates held\nBank of England"):
        article = newskit.Article(id="short", title=None, text=text)
        assert clean_furniture(article).text == text
