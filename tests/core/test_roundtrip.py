"""Every format that stores whole records reads back equal: write articles as jsonl,
json and parquet, read the output with newskit's readers, and get the same articles.

The articles are generated (hypothesis) with any Unicode text, dates and datetimes
(naive, or with UTC offsets down to the second), scores, evidence and JSON meta. Two
limits are stated rather than hidden: ids are non-empty (readers give a record with an
empty id the id ``<input>:<line>``), and meta holds plain JSON data (finite floats).
"""

from __future__ import annotations

import io
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newskit
from newskit import Article, Category, Evidence, Input, Problem, Removal, Source
from newskit.readers.jsonl import read_jsonl
from newskit_formats._json import write_json, write_jsonl

FORMATS = {"jsonl": ".jsonl", "json": ".json", "parquet": ".parquet"}

_text = st.text(max_size=40)
_names = st.text(min_size=1, max_size=20).filter(str.strip)
_evidence = st.builds(
    lambda t, a, n, terms: Evidence(text=t, start=a, end=a + n, terms=terms),
    _text,
    st.integers(0, 10_000),
    st.integers(0, 500),
    st.lists(_text, max_size=3),
) | st.builds(Evidence, text=_text, terms=st.lists(_text, max_size=2))
_source = st.builds(
    Source,
    name=_names,
    domain=st.none() | _text,
    url=st.none() | _text,
    kind=st.sampled_from(["publisher", "wire", "outlet", "organisation"]),
    evidence=st.lists(_evidence, max_size=2),
)
_category = st.builds(
    Category,
    name=_names,
    scheme=_names,
    score=st.none() | st.floats(0, 1) | st.sampled_from([0, 1]),
    label=st.none() | st.booleans(),
    evidence=st.lists(_evidence, max_size=2),
)
# A UTC offset, not a zone name: with a named zone an ambiguous DST time compares unequal
# to its fixed-offset self (PEP 495), and no format stores zone names.
_offsets = st.integers(-86_399, 86_399).map(lambda s: timezone(timedelta(seconds=s)))
_published = st.none() | st.dates() | st.datetimes(timezones=st.none() | _offsets)
_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | _text,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(_text, children, max_size=3),
    max_leaves=6,
)
_problem = st.builds(Problem, step=_text, message=_text)


_urls = st.none() | _text


def articles(url: st.SearchStrategy[str | None] = _urls) -> st.SearchStrategy:
    return st.builds(
        Article,
        id=st.text(min_size=1, max_size=40),
        url=url,
        title=st.none() | _text,
        text=_text,
        summary=_text,
        source=st.none() | _source,
        cited_sources=st.lists(_source, max_size=2),
        authors=st.lists(_text, max_size=3),
        published=_published,
        language=st.none() | _text,
        categories=st.lists(_category, max_size=3),
        removed=st.lists(st.builds(Removal, text=_text, reason=_names, step=_text), max_size=2),
        warnings=st.lists(_problem, max_size=2),
        errors=st.lists(_problem, max_size=2),
        meta=st.dictionaries(_text, _json, max_size=3),
    )


def _write(name: str, items: list[Article]) -> bytes:
    if name == "parquet":
        from newskit_formats._parquet import write_parquet

        binary = io.BytesIO()
        write_parquet(iter(items), binary)
        return binary.getvalue()
    text = io.StringIO()
    {"jsonl": write_jsonl, "json": write_json}[name](iter(items), text)
    return text.getvalue().encode("utf-8")


def _read(name: str, data: bytes) -> list[Article]:
    inp = Input(id="out", name=f"out{FORMATS[name]}", data=data, extension=FORMATS[name])
    if name == "parquet":
        from newskit.readers.parquet import read_parquet

        return list(read_parquet(inp))
    return list(read_jsonl(inp))


@pytest.fixture(scope="module", params=list(FORMATS))
def fmt(request: pytest.FixtureRequest) -> str:
    if request.param == "parquet":
        pytest.importorskip("pyarrow")
    return request.param


def _same(back: list[Article], items: list[Article]) -> None:
    assert back == items
    # == would let a date pass for a midnight datetime's kin; check the kinds too.
    assert [type(a.published) for a in back] == [type(a.published) for a in items]


_SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(items=st.lists(articles(), max_size=4))
def test_any_articles_read_back_equal(fmt: str, items: list[Article]) -> None:
    _same(_read(fmt, _write(fmt, items)), items)


@_SETTINGS
@given(items=st.lists(articles(url=st.none()), min_size=1, max_size=3))
def test_newskit_read_gives_back_equal_articles(fmt: str, items: list[Article]) -> None:
    # newskit.read fills a missing publisher, date or section from an article's URL
    # (enrichment, not storage), so the property is stated for articles without one.
    if FORMATS[fmt] not in {e for r in _plugins().readers.values() for e in r.extensions}:
        pytest.skip(f"no reader registered for {FORMATS[fmt]} yet")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"articles{FORMATS[fmt]}"
        path.write_bytes(_write(fmt, items))
        back = list(newskit.read(path, plugins=_plugins()))
    _same(back, items)


def _plugins() -> newskit.PluginManager:
    return newskit.get_plugin_manager()


def _aware(**offset: int) -> datetime:
    return datetime(2023, 6, 27, 14, 5, 9, 250_000, tzinfo=timezone(timedelta(**offset)))


@pytest.mark.parametrize(
    "published",
    [
        date(2023, 6, 27),
        date(1, 1, 1),
        datetime(2023, 6, 27, 0, 0),
        datetime(9999, 12, 31, 23, 59, 59, 999_999),
        _aware(hours=2),
        _aware(hours=-9, minutes=-30),
        _aware(hours=5, minutes=45, seconds=15),
        datetime(2023, 6, 27, 8, 0, tzinfo=timezone.utc),
    ],
    ids=str,
)
def test_dates_and_datetimes_keep_their_kind_and_offset(fmt: str, published) -> None:
    item = Article(id="d", text="Body.", published=published)
    [back] = _read(fmt, _write(fmt, [item]))
    assert back == item
    assert type(back.published) is type(published)
    assert back.published.isoformat() == published.isoformat()  # offset kept, not UTC


def test_an_error_record_reads_back_as_an_error_record(fmt: str) -> None:
    record = Article.failure("bad.html", "bad.html: empty input")
    [back] = _read(fmt, _write(fmt, [record]))
    assert back == record and back.failed
