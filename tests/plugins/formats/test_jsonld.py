"""The jsonld format: schema.org NewsArticle nodes, always valid JSON, streamed."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newskit
from newskit import Article, Category, Evidence, Source
from newskit_formats._jsonld import article_iri, node, write_jsonld

JSONLD = newskit.Format(
    name="jsonld",
    extensions=[".jsonld"],
    write=write_jsonld,
    description="schema.org NewsArticle nodes in one JSON-LD document (@graph).",
)


def _write(items) -> str:
    stream = io.StringIO()
    JSONLD.write(iter(items), stream)
    return stream.getvalue()


def _graph(text: str) -> list[dict]:
    document = json.loads(text)
    assert document["@context"] == "https://schema.org"
    assert list(document) == ["@context", "@graph"]
    return document["@graph"]


def test_an_article_maps_to_a_news_article(make_article):
    article = make_article(
        categories=(
            *make_article().categories,
            Category(name="Mali", scheme="tag", label=True),
            Category(name="labour", scheme="economy-topic", label=True),
        )
    )
    (item,) = _graph(_write([article]))

    assert item == {
        "@type": "NewsArticle",
        "@id": "https://example.com/world/2023/06/27/elites",
        "identifier": "art-1",
        "headline": "Müller — “Elites” and the economy",
        "url": "https://example.com/world/2023/06/27/elites",
        "datePublished": "2023-06-27",
        "inLanguage": "en",
        "author": [
            {"@type": "Person", "name": "Anna Müller"},
            {"@type": "Person", "name": "Jean Dupont"},
        ],
        "publisher": {
            "@type": "Organization",
            "name": "Example News",
            "url": "https://example.com/",
        },
        "articleSection": ["World"],
        "keywords": ["Mali"],
        "about": [
            {
                "@type": "DefinedTerm",
                "name": "populism",
                "inDefinedTermSet": {"@type": "DefinedTermSet", "name": "populism"},
                "additionalProperty": {
                    "@type": "PropertyValue",
                    "name": "score",
                    "value": 0.8125,
                },
            },
            {
                "@type": "DefinedTerm",
                "name": "labour",
                "inDefinedTermSet": {"@type": "DefinedTermSet", "name": "economy-topic"},
            },
        ],
        "citation": [
            {
                "@type": "CreativeWork",
                "author": {
                    "@type": "Organization",
                    "name": "Reuters",
                    "url": "https://www.reuters.com/",
                },
                "text": "The U.S. economy grew 3.5% in 2023, according to Reuters.",
            }
        ],
        "abstract": "Elites betrayed the people, Müller says.",
        "articleBody": article.text,
        "wordCount": 19,
    }


def test_the_document_is_indented_json_with_error_records_left_out(articles):
    text = _write(articles)

    graph = [node(a) for a in articles[:2]]
    expected = {"@context": "https://schema.org", "@graph": graph}
    assert text == json.dumps(expected, indent=2, ensure_ascii=False) + "\n"
    assert graph[1]["datePublished"] == "2023-06-27T14:05:09+02:00"


@pytest.mark.parametrize("items", [[], [Article.failure("x", "x.txt: empty file")]])
def test_no_articles_give_an_empty_graph(items):
    text = _write(items)

    assert text == '{\n  "@context": "https://schema.org",\n  "@graph": []\n}\n'
    assert _graph(text) == []


def test_a_bare_article_has_only_what_it_holds():
    (item,) = _graph(_write([Article(id="dir/a b.txt")]))

    assert item == {
        "@type": "NewsArticle",
        "@id": "urn:newskit:article:dir%2Fa%20b.txt",
        "identifier": "dir/a b.txt",
    }


@pytest.mark.parametrize(
    ("url", "id", "expected"),
    [
        ("https://example.com/a?b=1&c=2", "x", "https://example.com/a?b=1&c=2"),
        ("https://example.com/a b", "x", "https://example.com/a%20b"),
        ("javascript:alert(1)", "x", "urn:newskit:article:x"),
        (None, "", None),
    ],
)
def test_article_iri(url, id, expected):
    assert article_iri(Article(id=id, url=url)) == expected


HOSTILE = 'He said "no" \\ C:\\path </script><script>alert(1)</script> & a\u2028b\u2029c\x85d'


def test_hostile_text_is_escaped_and_reads_back(make_article):
    article = make_article(
        title=HOSTILE,
        text=HOSTILE + "\n\n" + HOSTILE,
        authors=(HOSTILE,),
        source=Source(name=HOSTILE, url="https://example.com/?a=<b>"),
        cited_sources=(Source(name=HOSTILE, evidence=(Evidence(text=HOSTILE),)),),
        categories=(Category(name=HOSTILE, scheme=HOSTILE, score=0.5, label=True),),
    )
    text = _write([article, article])

    assert not set("<>&\u2028\u2029\x85") & set(text)
    assert "\\u003c/script\\u003e" in text
    first, second = _graph(text)
    assert first == second == json.loads(json.dumps(node(article)))
    assert first["headline"] == HOSTILE
    assert first["author"][0]["name"] == HOSTILE
    assert first["citation"][0]["text"] == HOSTILE
    assert first["about"][0]["name"] == HOSTILE


def test_lone_surrogates_are_escaped_so_utf8_can_encode_them():
    text = _write([Article(id="a", title="x\ud800y")])

    text.encode("utf-8")
    assert _graph(text)[0]["headline"] == "x\ud800y"


def test_lone_surrogates_in_urls_and_ids_give_an_encodable_iri():
    assert article_iri(Article(id="a", url="https://e.example/\ud800")) == (
        "https://e.example/%EF%BF%BD"
    )
    assert article_iri(Article(id="x\udc00")) == "urn:newskit:article:x%EF%BF%BD"


def test_each_node_is_written_before_the_next_article_is_pulled(
    make_article, recording_stream, lazy_source
):
    items = [make_article(id=f"id-{i}", title=f"Story number {i}") for i in range(4)]
    source = lazy_source(items, recording_stream)

    JSONLD.write(iter(source), recording_stream)

    assert source.exhausted
    for i, seen in enumerate(source.seen):
        for j, item in enumerate(items):
            assert (item.title in seen) == (j < i), (i, j)
    assert len(_graph(recording_stream.getvalue())) == 4


def test_an_error_midway_leaves_earlier_nodes_written(make_article):
    def generate():
        yield make_article(id="first", title="First story")
        raise RuntimeError("the reader broke")

    stream = io.StringIO()
    with pytest.raises(RuntimeError, match="the reader broke"):
        JSONLD.write(generate(), stream)

    assert '"headline": "First story"' in stream.getvalue()


@given(title=st.text(), body=st.text())
def test_any_text_gives_valid_json_that_reads_back(title, body):
    text = _write([Article(id="a", title=title or None, text=body)])

    (item,) = _graph(text)
    assert item.get("headline") == (title or None)
    assert item.get("articleBody", "") == body
