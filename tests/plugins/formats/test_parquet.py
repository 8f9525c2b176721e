"""The parquet format and reader: a pinned schema, row groups of 1,000 written as the
articles arrive, an empty file that is still valid, hostile text that reads back equal,
and bad rows that become error records without stopping the read."""

from __future__ import annotations

import io
import math
import sys
from itertools import repeat

import pytest

from newskit import Article, ComponentError, Input, InputError, MissingDependencyError
from newskit.readers.parquet import looks_like_parquet, read_parquet
from newskit_formats import _parquet
from newskit_formats._parquet import ROW_GROUP_SIZE, parquet_schema, write_parquet

EVIDENCE = "{text!: string, start: int64, end: int64, terms!: list<string!>}"
SOURCE = (
    f"{{name!: string, domain: string, url: string, kind!: string, evidence!: list<{EVIDENCE}!>}}"
)
CATEGORY = (
    f"{{name!: string, scheme!: string, score: double, label: bool, evidence!: list<{EVIDENCE}!>}}"
)
PROBLEM = "{step!: string, message!: string}"
# The published schema, version 1. Changing it means a new SCHEMA_VERSION.
SCHEMA_V1 = {
    "id": "string!",
    "url": "string",
    "title": "string",
    "text": "string!",
    "summary": "string!",
    "source": SOURCE,
    "cited_sources": f"list<{SOURCE}!>!",
    "authors": "list<string!>!",
    "published": "string",
    "language": "string",
    "categories": f"list<{CATEGORY}!>!",
    "removed": "list<{text!: string, reason!: string, step!: string}!>!",
    "warnings": f"list<{PROBLEM}!>!",
    "errors": f"list<{PROBLEM}!>!",
    "meta": "string!",
}


@pytest.fixture
def pq():
    pytest.importorskip("pyarrow")
    import pyarrow.parquet

    return pyarrow.parquet


def _shape(type_) -> str:
    import pyarrow as pa

    if pa.types.is_list(type_):
        element = type_.value_field
        return f"list<{_shape(element.type)}{'' if element.nullable else '!'}>"
    if pa.types.is_struct(type_):
        fields = [type_.field(i) for i in range(type_.num_fields)]
        inner = (f"{f.name}{'' if f.nullable else '!'}: {_shape(f.type)}" for f in fields)
        return "{" + ", ".join(inner) + "}"
    return str(type_)


def _column_shapes(schema) -> dict[str, str]:
    return {f.name: _shape(f.type) + ("" if f.nullable else "!") for f in schema}


def _write(articles) -> bytes:
    stream = io.BytesIO()
    write_parquet(articles, stream)
    return stream.getvalue()


def _read(data: bytes, name: str = "out.parquet") -> list[Article]:
    return list(read_parquet(Input(id="out", name=name, data=data, extension=".parquet")))


def _numbered(make_article, count: int):
    for i in range(count):
        yield make_article(id=f"art-{i}", title=f"Story {i}")


def test_schema_columns_and_types_are_pinned(pq, make_article):
    assert _column_shapes(parquet_schema()) == SCHEMA_V1
    assert list(parquet_schema().names) == list(SCHEMA_V1)  # order too
    assert parquet_schema().metadata == {b"newskit_schema": b"1"}

    written = pq.read_schema(io.BytesIO(_write([make_article()])))
    assert written.equals(parquet_schema(), check_metadata=True)


def test_schema_columns_are_the_record_fields(pq, make_article):
    assert list(parquet_schema().names) == list(make_article().to_dict())


def test_articles_read_back_equal(pq, articles):
    assert _read(_write(iter(articles))) == articles


def test_a_2500_article_generator_gives_three_row_groups(pq, make_article):
    data = _write(_numbered(make_article, 2500))

    metadata = pq.ParquetFile(io.BytesIO(data)).metadata
    assert ROW_GROUP_SIZE == 1000
    assert [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)] == [
        1000,
        1000,
        500,
    ]
    back = _read(data)
    assert [a.id for a in back] == [f"art-{i}" for i in range(2500)]


def test_the_writer_pulls_articles_lazily_a_row_group_at_a_time(pq, make_article):
    stream = io.BytesIO()
    sizes: list[int] = []  # the stream's size when each article was pulled
    article = make_article()

    def generate():
        for _ in range(2 * ROW_GROUP_SIZE + 1):
            sizes.append(stream.tell())
            yield article

    generator = generate()
    write_parquet(generator, stream)

    assert next(generator, None) is None  # consumed exactly once
    assert len(set(sizes[:ROW_GROUP_SIZE])) == 1  # nothing written within the first group
    assert sizes[ROW_GROUP_SIZE] > sizes[0]  # group 1 written before article 1001 is pulled
    assert sizes[2 * ROW_GROUP_SIZE] > sizes[ROW_GROUP_SIZE]
    assert len(_read(stream.getvalue())) == 2 * ROW_GROUP_SIZE + 1


def test_no_articles_give_a_valid_file_with_the_schema_and_no_rows(pq):
    data = _write(iter([]))

    assert looks_like_parquet(data) and data.endswith(b"PAR1")
    file = pq.ParquetFile(io.BytesIO(data))
    assert file.metadata.num_rows == 0
    assert file.schema_arrow.equals(parquet_schema(), check_metadata=True)
    assert _read(data) == []


HOSTILE = [
    "NUL \x00 and controls \x01\x1b[31m\x7f",
    "line\rbreaks\r\n\x85\u2028\u2029\x0b\x0c end",
    "bidi \u202eevil\u202c zero\u200bwidth \ufeff BOM",
    "emoji 🧨👩🏽‍🚀 and CJK 新闻 and Arabic أخبار",
    "PAR1 in the text PAR1",
    '{"id": "json-looking", "meta": "}"}',
    "",
]


def test_hostile_text_reads_back_equal(pq, make_article):
    items = [
        make_article(
            id=f"h-{i}" + text,
            title=text,
            text=text,
            summary=text,
            authors=(text, text),
            meta={text: text, "n": [-0.0, 1e308, 2**63 - 1, None, {"": text}]},
        )
        for i, text in enumerate(HOSTILE)
    ]
    items.append(make_article(id="big", text="x" * 1_000_000 + "é"))

    assert _read(_write(iter(items))) == items


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"text": "lone surrogate \ud800"}, "cannot be stored in Parquet"),
        ({"meta": {"score": math.nan}}, "meta is not plain JSON data"),
        ({"meta": {"when": {1, 2}}}, "meta is not plain JSON data"),
    ],
)
def test_an_unstorable_article_is_named_and_earlier_groups_stay_valid(
    pq, make_article, changes, message
):
    def generate():
        yield from repeat(make_article(), ROW_GROUP_SIZE)
        yield make_article(id="ok-too")
        yield make_article(id="bad-one", **changes)

    stream = io.BytesIO()
    with pytest.raises(ComponentError, match=f"bad-one.*parquet.*{message}"):
        write_parquet(generate(), stream)

    assert len(_read(stream.getvalue())) == ROW_GROUP_SIZE


def test_a_bad_row_is_an_error_record_naming_file_and_row(pq):
    import pyarrow as pa

    table = pa.Table.from_pylist(
        [
            {"id": "a", "text": "Fine.", "published": "2023-06-27", "meta": "{}"},
            {"id": "b", "text": "Bad date.", "published": "last Tuesday", "meta": "{}"},
            {"id": "c", "text": "Bad meta.", "published": None, "meta": "[1]"},
            {"id": "", "text": "No id.", "published": None, "meta": None},
        ]
    )
    stream = io.BytesIO()
    pq.write_table(table, stream, row_group_size=2)

    back = _read(stream.getvalue(), name="feed.parquet")

    assert [a.id for a in back] == ["a", "b", "c", "out:4"]
    assert not back[0].failed and back[0].text == "Fine."
    assert back[1].failed and "feed.parquet row 2" in back[1].errors[0].message
    assert "not an ISO 8601 date" in back[1].errors[0].message
    assert back[2].failed and "feed.parquet row 3" in back[2].errors[0].message
    assert not back[3].failed and back[3].text == "No id."


def test_files_the_reader_refuses(pq, make_article):
    import pyarrow as pa

    good = _write([make_article()])
    with pytest.raises(InputError, match=r"out\.parquet: not a Parquet file"):
        _read(good[: len(good) // 2])

    newer = parquet_schema().with_metadata({b"newskit_schema": b"2"})
    stream = io.BytesIO()
    pq.write_table(pa.Table.from_pylist([], schema=newer), stream)
    with pytest.raises(InputError, match="schema 2, newer .* upgrade newskit"):
        _read(stream.getvalue())

    stream = io.BytesIO()
    pq.write_table(pa.table({"id": ["a"], "colour": ["red"]}), stream)
    with pytest.raises(InputError, match="column.s. colour are not article fields"):
        _read(stream.getvalue())


def test_sniff_looks_for_the_magic_bytes():
    assert looks_like_parquet(b"PAR1\x15\x04")
    assert not looks_like_parquet(b'{"id": "PAR1"}')


def test_without_pyarrow_the_plugin_loads_and_names_the_extra(monkeypatch, make_article):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now fails
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    parquet_schema.cache_clear()
    try:
        with pytest.raises(MissingDependencyError, match=r"pip install 'newskit\[parquet\]'"):
            write_parquet([make_article()], io.BytesIO())
        with pytest.raises(InputError, match=r"x\.parquet: .*newskit\[parquet\]"):
            _read(b"PAR1...PAR1", name="x.parquet")
    finally:
        parquet_schema.cache_clear()
    assert _parquet.write_parquet is write_parquet
