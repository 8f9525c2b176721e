"""The atom format: a well-formed RFC 4287 feed, whatever the articles hold, streamed."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newskit
from newskit import Article, Category, Source
from newskit_formats._atom import rfc3339, write_atom

ATOM = newskit.Format(
    name="atom",
    extensions=[".atom"],
    write=write_atom,
    description="An Atom 1.0 feed: one entry per article with its summary and text.",
)

NS = {"a": "http://www.w3.org/2005/Atom"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _write(items) -> str:
    stream = io.StringIO()
    ATOM.write(iter(items), stream)
    return stream.getvalue()


def _feed(text: str) -> ET.Element:
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    return root


def _get(element: ET.Element, path: str) -> str | None:
    return element.findtext(path, namespaces=NS)


def test_the_feed_header():
    before = datetime.now(timezone.utc).replace(microsecond=0)
    feed = _feed(_write([]))
    after = datetime.now(timezone.utc)

    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", _get(feed, "a:id"))
    assert _get(feed, "a:title") == "newskit articles"
    updated = _get(feed, "a:updated")
    assert updated.endswith("Z")
    assert before <= datetime.fromisoformat(updated[:-1] + "+00:00") <= after
    assert _get(feed, "a:author/a:name") == "newskit"
    generator = feed.find("a:generator", NS)
    assert generator.text == "newskit"
    assert generator.get("version") == newskit.__version__
    assert feed.findall("a:entry", NS) == []


def test_each_export_is_its_own_feed():
    assert _get(_feed(_write([])), "a:id") != _get(_feed(_write([])), "a:id")


def test_an_article_becomes_an_entry(make_article):
    article = make_article(
        categories=(*make_article().categories, Category(name="Mali", scheme="tag", label=True))
    )
    (entry,) = _feed(_write([article])).findall("a:entry", NS)

    url = "https://example.com/world/2023/06/27/elites"
    assert entry.get(XML_LANG) == "en"
    assert _get(entry, "a:id") == url
    assert _get(entry, "a:title") == "Müller — “Elites” and the economy"
    assert entry.find("a:title", NS).get("type") == "text"
    (link,) = entry.findall("a:link", NS)
    assert (link.get("rel"), link.get("href")) == ("alternate", url)
    assert _get(entry, "a:published") == _get(entry, "a:updated") == "2023-06-27T00:00:00Z"
    assert [a.text for a in entry.findall("a:author/a:name", NS)] == ["Anna Müller", "Jean Dupont"]
    assert _get(entry, "a:source/a:title") == "Example News"
    assert entry.find("a:source/a:link", NS).get("href") == "https://example.com/"
    # Classifier calls labelled true (not economy, false), and the section and tag.
    assert [(c.get("term"), c.get("scheme")) for c in entry.findall("a:category", NS)] == [
        ("populism", "urn:newskit:scheme:populism"),
        ("World", "urn:newskit:scheme:section"),
        ("Mali", "urn:newskit:scheme:tag"),
    ]
    assert _get(entry, "a:summary") == article.summary
    content = entry.find("a:content", NS)
    assert content.get("type") == "text"
    assert content.text == article.text


def test_error_records_are_counted_not_entries(articles):
    text = _write(articles)

    entries = _feed(text).findall("a:entry", NS)
    assert [_get(e, "a:published") for e in entries] == [
        "2023-06-27T00:00:00Z",
        "2023-06-27T14:05:09+02:00",
    ]
    assert "<!-- 1 error record(s) not shown" in text
    assert text.endswith("</feed>\n")


def test_a_bare_article_gets_a_urn_and_the_feed_time():
    feed = _feed(_write([Article(id="dir/a b.txt", url="javascript:alert(1)", language='en" x')]))
    (entry,) = feed.findall("a:entry", NS)

    assert _get(entry, "a:id") == "urn:newskit:article:dir%2Fa%20b.txt"
    assert _get(entry, "a:title") == "dir/a b.txt"
    assert entry.findall("a:link", NS) == []
    assert entry.find("a:published", NS) is None
    assert _get(entry, "a:updated") == _get(feed, "a:updated")
    assert entry.get(XML_LANG) is None
    assert entry.find("a:summary", NS) is None
    assert _get(entry, "a:content") == ""


HOSTILE = "a & b < c > d ]]> e \"q\" 'q' \x00\x01\x08\x0b\x0c\x1f\ufffe\uffff\ud800 😀 f\r\ng\th"
CLEAN = "a & b < c > d ]]> e \"q\" 'q'  😀 f\r\ng\th"


def test_hostile_text_is_escaped_and_invalid_characters_dropped(make_article):
    article = make_article(
        title=HOSTILE,
        text=HOSTILE,
        summary=HOSTILE,
        authors=(HOSTILE,),
        source=Source(name=HOSTILE, url="https://example.com/?a=1&b=<x>"),
        categories=(Category(name=HOSTILE, scheme=HOSTILE, label=True),),
    )
    text = _write([article])

    text.encode("utf-8")  # no lone surrogate left
    (entry,) = _feed(text).findall("a:entry", NS)
    for path in ("a:title", "a:summary", "a:content", "a:author/a:name", "a:source/a:title"):
        assert _get(entry, path) == CLEAN, path
    assert entry.find("a:category", NS).get("term") == CLEAN
    assert entry.find("a:source/a:link", NS).get("href") == "https://example.com/?a=1&b=%3Cx%3E"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2023, 6, 27), "2023-06-27T00:00:00Z"),
        (datetime(2023, 6, 27, 14, 5), "2023-06-27T14:05:00Z"),
        (datetime(2023, 6, 27, 14, 5, tzinfo=timezone.utc), "2023-06-27T14:05:00Z"),
        (
            datetime(2023, 6, 27, 14, 5, 9, 500, tzinfo=timezone(timedelta(hours=-5))),
            "2023-06-27T14:05:09.000500-05:00",
        ),
        (
            datetime(1900, 1, 1, 0, 19, 32, tzinfo=timezone(timedelta(minutes=19, seconds=32))),
            "1900-01-01T00:00:00Z",
        ),
    ],
)
def test_rfc3339(value, expected):
    assert rfc3339(value) == expected


def test_each_entry_is_written_before_the_next_article_is_pulled(
    make_article, recording_stream, lazy_source
):
    items = [make_article(id=f"id-{i}", title=f"Story number {i}") for i in range(4)]
    source = lazy_source(items, recording_stream)

    ATOM.write(iter(source), recording_stream)

    assert source.exhausted
    for i, seen in enumerate(source.seen):
        for j, item in enumerate(items):
            assert (item.title in seen) == (j < i), (i, j)
    assert len(_feed(recording_stream.getvalue()).findall("a:entry", NS)) == 4


def test_an_error_midway_leaves_earlier_entries_written(make_article):
    def generate():
        yield make_article(id="first", title="First story")
        raise RuntimeError("the reader broke")

    stream = io.StringIO()
    with pytest.raises(RuntimeError, match="the reader broke"):
        ATOM.write(generate(), stream)

    assert '<title type="text">First story</title>' in stream.getvalue()


_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def test_lone_surrogates_in_urls_and_ids_are_dropped_or_replaced():
    article = Article(
        id="x\ud800",
        url="https://example.com/\ud800",
        authors=("\ud800", "Anna"),
        source=Source(name="S\udc00", url="https://s.example/\udc00"),
    )
    (entry,) = _feed(_write([article])).findall("a:entry", NS)

    assert _get(entry, "a:id") == "https://example.com/%EF%BF%BD"
    assert entry.find("a:link", NS).get("href") == "https://example.com/"
    assert [a.text for a in entry.findall("a:author/a:name", NS)] == ["Anna"]
    assert _get(entry, "a:source/a:title") == "S"


@given(
    title=st.text(), body=st.text(), author=st.text().filter(lambda t: _XML_CHAR.sub("", t).strip())
)
def test_any_text_gives_a_well_formed_feed(title, body, author):
    article = Article(id="a", title=title, text=body, summary=body, authors=(author,))
    (entry,) = _feed(_write([article])).findall("a:entry", NS)

    expected_title = _XML_CHAR.sub("", title).strip() or "a"
    assert _get(entry, "a:title") == expected_title
    assert _get(entry, "a:content") == _XML_CHAR.sub("", body)
    assert _get(entry, "a:author/a:name") == _XML_CHAR.sub("", author).strip()
