from __future__ import annotations

from datetime import date

import pytest

from newskit import Article, Category, Source
from newskit.urls import enrich_from_url, parse_url


@pytest.mark.parametrize(
    ("url", "domain", "section", "published"),
    [
        ("https://theatlasnews.co/conflict/2023/06/27/un-to-end-peacekeeping-mission-in-mali-per-reuters/",
         "theatlasnews.co", "conflict", date(2023, 6, 27)),
        ("https://www.bbc.co.uk/news/business-68012345", "bbc.co.uk", "news", None),
        ("https://www.theguardian.com/world/2024/feb/03/story-slug", "theguardian.com", "world", None),
        ("https://example.com/2024-05-01/big-story.html", "example.com", None, date(2024, 5, 1)),
        ("https://example.com/en/politics/20240501/slug", "example.com", "politics", date(2024, 5, 1)),
        ("https://example.com/article/12345/slug", "example.com", None, None),
        ("https://example.com/2023/02/30/not-a-date/", "example.com", None, None),
        ("https://example.com/story", "example.com", None, None),
        ("not a url", None, None, None),
    ],
)  # fmt: skip
def test_parse_url(url, domain, section, published):
    info = parse_url(url)
    assert (info.domain, info.section, info.published) == (domain, section, published)


def test_enrich_fills_only_what_is_missing():
    url = "https://news.example/sport/2024/01/05/match/"
    filled = enrich_from_url(Article(url=url))
    assert filled.source == Source(
        name="news.example", domain="news.example", url="https://news.example/"
    )
    assert filled.published == date(2024, 1, 5)
    assert filled.categories == (Category(name="sport", scheme="section", label=True),)
    kept = Article(
        url=url,
        source=Source(name="News Example"),
        published=date(2024, 1, 4),
        categories=[Category(name="Football", scheme="section", label=True)],
    )
    enriched = enrich_from_url(kept)
    assert enriched.source == Source(
        name="News Example", domain="news.example", url="https://news.example/"
    )
    assert enriched.published == date(2024, 1, 4)
    assert [c.name for c in enriched.categories] == ["Football"]
