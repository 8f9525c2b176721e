"""The ``parquet`` format: article records as an Apache Parquet file (extra ``parquet``).

pyarrow is imported on first use, so this plugin loads without it; writing without it
raises :class:`newskit.MissingDependencyError` naming ``pip install 'newskit[parquet]'``.
The stream is a binary one. Articles are written ``ROW_GROUP_SIZE`` (1,000) to a row
group as they arrive (turned into Arrow data 100 at a time), so memory stays constant
however many there are; no articles give a valid file with the schema and no rows.
Compression is zstd.

The schema (:func:`parquet_schema`) is stable: a change to it bumps
``SCHEMA_VERSION``, stored in the file's key/value metadata as ``newskit_schema``.
Version 1 has one row per article and these columns, in this order (``!`` = never
null; a list is never null and its items never are):

- ``id`` string!: the input id. ``url``, ``title`` string: as on the article.
- ``text`` string!: the clean body, paragraphs separated by a blank line.
- ``summary`` string!: ``""`` when there is none.
- ``source`` struct (null when unknown): the publisher, a *source struct*: ``name``
  string!, ``domain`` string, ``url`` string, ``kind`` string! (``publisher``,
  ``wire``, ``outlet``, ``organisation``) and ``evidence`` list<*evidence struct*>!
  (the publisher's is almost always empty; it is kept so that every article reads back
  equal).
- ``cited_sources`` list<source struct>!: the agencies, outlets and organisations the
  article cites, each with the passages that cite it as ``evidence``.
- *evidence struct*: ``text`` string!, ``start`` int64 and ``end`` int64 (character
  offsets into ``text``, both null for a passage outside the body) and ``terms``
  list<string>! (the terms that matched).
- ``authors`` list<string>!.
- ``published`` string: ISO 8601 as ``date.isoformat()``/``datetime.isoformat()`` give
  it: ``2023-06-27``, ``2023-06-27T14:05:09``, ``2023-06-27T14:05:09.250000+02:00``.
  Text, not a Parquet DATE or TIMESTAMP, because those lose what the article said: a
  TIMESTAMP is either an instant normalised to UTC (the publisher's offset, ``+02:00``,
  is gone) or a wall time with no offset, and DATE is a separate type, so one column
  could not hold a day for one article and an aware time for the next. The string
  reads back to the exact ``date`` or ``datetime`` (offset included); engines cast it
  (DuckDB ``CAST(published AS TIMESTAMPTZ)``, Spark ``to_timestamp``).
- ``language`` string: an ISO 639-1 code, or null.
- ``categories`` list<struct>!: ``name`` string!, ``scheme`` string! (the classifier,
  or ``section``/``tag``), ``score`` double (0 to 1; null for a metadata label),
  ``label`` bool (the yes/no call, or null) and ``evidence`` list<evidence struct>!.
- ``removed`` list<struct>!: what cleaning took out: ``text`` string!, ``reason``
  string!, ``step`` string!.
- ``warnings``, ``errors`` list<struct>!: ``step`` string!, ``message`` string!. An
  error at step ``read`` marks an error record (an input that could not be read).
- ``meta`` string!: the free-form ``meta`` dict as compact JSON text (``{}`` when
  empty), since its shape differs from article to article. Non-ASCII is kept as is.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice
from typing import IO, Any

from newskit import Article, ComponentError, MissingDependencyError

__all__ = ["ROW_GROUP_SIZE", "SCHEMA_VERSION", "parquet_schema", "write_parquet"]

#: The schema's version, stored in the file metadata under ``newskit_schema``.
SCHEMA_VERSION = 1
#: Articles per row group: what the writer holds in memory at most.
ROW_GROUP_SIZE = 1000
#: Articles turned into Arrow data at a time (it divides ``ROW_GROUP_SIZE``): only
#: these are held as Python objects, the rest of the row group as Arrow data.
CHUNK_SIZE = 100
COMPRESSION = "zstd"

_STEP = "parquet"


def _require(module: str) -> Any:
    """Import ``module``, or say which extra installs it (as newskit's own ``require``
    does; plugins use only the public API)."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingDependencyError(
            "Parquet output needs the optional package 'pyarrow', which is not "
            "installed: pip install 'newskit[parquet]'"
        ) from exc


def _pyarrow() -> Any:
    return _require("pyarrow")


@lru_cache(maxsize=1)
def parquet_schema() -> Any:
    """The ``pyarrow.Schema`` of the files this format writes (see the module doc)."""
    pa = _pyarrow()

    def req(name: str, type_: Any) -> Any:
        return pa.field(name, type_, nullable=False)

    def opt(name: str, type_: Any) -> Any:
        return pa.field(name, type_, nullable=True)

    def list_of(type_: Any) -> Any:
        return pa.list_(pa.field("element", type_, nullable=False))

    string = pa.string()
    evidence = pa.struct(
        [
            req("text", string),
            opt("start", pa.int64()),
            opt("end", pa.int64()),
            req("terms", list_of(string)),
        ]
    )
    source = pa.struct(
        [
            req("name", string),
            opt("domain", string),
            opt("url", string),
            req("kind", string),
            req("evidence", list_of(evidence)),
        ]
    )
    category = pa.struct(
        [
            req("name", string),
            req("scheme", string),
            opt("score", pa.float64()),
            opt("label", pa.bool_()),
            req("evidence", list_of(evidence)),
        ]
    )
    removal = pa.struct([req("text", string), req("reason", string), req("step", string)])
    problem = pa.struct([req("step", string), req("message", string)])
    return pa.schema(
        [
            req("id", string),
            opt("url", string),
            opt("title", string),
            req("text", string),
            req("summary", string),
            opt("source", source),
            req("cited_sources", list_of(source)),
            req("authors", list_of(string)),
            opt("published", string),
            opt("language", string),
            req("categories", list_of(category)),
            req("removed", list_of(removal)),
            req("warnings", list_of(problem)),
            req("errors", list_of(problem)),
            req("meta", string),
        ],
        metadata={b"newskit_schema": str(SCHEMA_VERSION).encode("ascii")},
    )


def write_parquet(articles: Iterable[Article], stream: IO[bytes]) -> None:
    """Write the articles to the binary ``stream``, one row group per 1,000 articles.

    Raises :class:`newskit.ComponentError` naming an article whose record cannot be
    stored (``meta`` that is not plain JSON data, text that is not valid Unicode); the
    row groups written before it stay in a valid file.
    """
    pa = _pyarrow()
    pq = _require("pyarrow.parquet")
    schema = parquet_schema()
    with pq.ParquetWriter(stream, schema, compression=COMPRESSION) as writer:
        pending: list[Any] = []  # Arrow tables of the row group being filled
        rows = 0
        for chunk in _batches(articles, CHUNK_SIZE):
            pending.append(_table(pa, schema, chunk))
            rows += len(chunk)
            if rows >= ROW_GROUP_SIZE:
                writer.write_table(pa.concat_tables(pending), row_group_size=ROW_GROUP_SIZE)
                pending, rows = [], 0
        if pending:
            writer.write_table(pa.concat_tables(pending), row_group_size=ROW_GROUP_SIZE)


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


def _table(pa: Any, schema: Any, batch: list[Article]) -> Any:
    rows = [_row(article) for article in batch]
    errors = (pa.ArrowException, ValueError, TypeError, OverflowError)
    try:
        return pa.Table.from_pylist(rows, schema=schema)
    except errors:
        for article, row in zip(batch, rows, strict=True):  # name the article at fault
            try:
                pa.Table.from_pylist([row], schema=schema)
            except errors as exc:
                raise ComponentError(
                    _STEP, article.id, f"the record cannot be stored in Parquet: {exc}"
                ) from exc
        raise


def _row(article: Article) -> dict[str, Any]:
    record = article.to_dict()
    try:
        record["meta"] = json.dumps(
            record["meta"], ensure_ascii=False, allow_nan=False, separators=(",", ":")
        )
    except (TypeError, ValueError) as exc:
        raise ComponentError(
            _STEP,
            article.id,
            f"meta is not plain JSON data ({exc}); keep meta values to str, int, "
            "finite float, bool, None, and lists and dicts of those",
        ) from exc
    return record
