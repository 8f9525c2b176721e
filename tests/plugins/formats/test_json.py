"""The jsonl and json formats: exact record shape, round trips, strict JSON."""

from __future__ import annotations

import io
import json
import math
from datetime import datetime
from pathlib import Path

import pytest

from newskit import Article, ComponentError
from newskit_formats._json import write_jsonl


def _read_jsonl(text: str) -> list[Article]:
    assert text.endswith("\n")
    lines = text.split("\n")[:-1]
    return [Article.from_dict(json.loads(line), source=f"line {i}") for i, line in enumerate(lines)]


def _read_json(text: str) -> list[Article]:
    data = json.loads(text)
    assert isinstance(data, list)
    return [Article.from_dict(record) for record in data]


READERS = {"jsonl": _read_jsonl, "json": _read_json}


@pytest.mark.parametrize("name", ["jsonl", "json"])
def test_round_trip_gives_equal_articles(name, articles, write):
    back = READERS[name](write(name, articles))

    assert back == articles
    # Equality alone would let a date come back as midnight of a naive datetime, or an
    # aware datetime come back shifted to UTC: check the types and offsets as well.
    assert type(back[0].published) is type(articles[0].published)
    assert isinstance(back[1].published, datetime)
    assert back[1].published.utcoffset() == articles[1].published.utcoffset()
    assert back[2].failed
    assert back[2].errors == articles[2].errors


@pytest.mark.parametrize("name", ["jsonl", "json"])
def test_round_trip_through_a_utf8_file(name, formats, articles, tmp_path: Path):
    path = tmp_path / f"out.{name}"
    with path.open("w", encoding="utf-8", newline="") as stream:
        formats[name].write(iter(articles), stream)

    raw = path.read_bytes()
    assert "Müller — “quote”".encode() in raw  # UTF-8, not \u escapes
    assert b"\r" not in raw
    assert READERS[name](raw.decode("utf-8")) == articles


def test_jsonl_is_one_compact_record_per_line(articles, write):
    text = write("jsonl", articles)

    lines = text.split("\n")
    assert lines[-1] == ""
    assert len(lines) == len(articles) + 1
    for line, article in zip(lines, articles, strict=False):
        assert line == json.dumps(article.to_dict(), ensure_ascii=False, separators=(",", ":"))
    assert lines[2] == (
        '{"id":"x","url":null,"title":null,"text":"","summary":"","source":null,'
        '"cited_sources":[],"authors":[],"published":null,"language":null,"categories":[],'
        '"removed":[],"warnings":[],"errors":[{"step":"read","message":"x.txt: empty file"}],'
        '"meta":{}}'
    )


def test_json_is_an_indented_array_of_records(articles, write):
    text = write("json", articles)

    records = [a.to_dict() for a in articles]
    assert text == json.dumps(records, indent=2, ensure_ascii=False) + "\n"
    assert text.startswith('[\n  {\n    "id": "art-1",')


@pytest.mark.parametrize(("name", "expected"), [("jsonl", ""), ("json", "[]\n")])
def test_no_articles(name, expected, write):
    text = write(name, [])

    assert text == expected
    assert [json.loads(line) for line in text.splitlines()] == ([[]] if name == "json" else [])


@pytest.mark.parametrize("name", ["jsonl", "json"])
def test_unicode_line_separators_are_escaped(name, make_article, write):
    # Python's str.splitlines() and JavaScript split lines at these; JSON need not.
    article = make_article(text="one\u2028two\u2029three\x85four\nfive", summary="a\u2028b")

    text = write(name, [article, article])

    assert not {"\u2028", "\u2029", "\x85"} & set(text)
    assert "\\u2028" in text
    if name == "jsonl":
        assert len(text.splitlines()) == 2
    assert READERS[name](text) == [article, article]


@pytest.mark.parametrize("name", ["jsonl", "json"])
@pytest.mark.parametrize(
    ("meta", "problem"),
    [
        ({"when": datetime(2023, 1, 1)}, "datetime is not JSON serializable"),
        ({"x": math.nan}, "Out of range float"),
    ],
)
def test_a_record_that_is_not_plain_json_names_the_article(
    name, meta, problem, make_article, formats
):
    stream = io.StringIO()
    with pytest.raises(ComponentError) as info:
        formats[name].write(iter([make_article(id="bad-meta", meta=meta)]), stream)

    message = str(info.value)
    assert info.value.article_id == "bad-meta"
    assert info.value.step == name
    assert problem in message
    assert "meta" in message
    assert "NaN" not in stream.getvalue()


def test_text_that_is_not_valid_unicode_is_an_error_naming_the_article():
    broken = Article(id="broken", text="half a pair: \ud83d")
    with pytest.raises(ComponentError, match="broken.*not valid Unicode"):
        write_jsonl(iter([broken]), io.StringIO())


def test_line_separators_inside_text_are_escaped_and_read_back():
    article = Article(id="ls", text="one\u2028two\u2029three\x85four")
    stream = io.StringIO()
    write_jsonl(iter([article]), stream)
    line = stream.getvalue()
    assert "\u2028" not in line and "\\u2028" in line and line.count("\n") == 1
    assert Article.from_dict(json.loads(line)) == article
