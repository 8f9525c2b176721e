"""Parquet files of article records, as the ``parquet`` format writes them.

The file is read one row group at a time. A row that is not a valid article becomes an
error record naming the file and the row (counted from 1 over the whole file), and a
row group that cannot be decoded becomes one error record; the rest of the file is
still read. So does a row group whose declared uncompressed size is over
:attr:`Limits.max_decompressed_bytes <newskit.Limits.max_decompressed_bytes>`: a small
file can hold gigabytes of compressed text, and pyarrow would expand it whole. As in
JSONL, a row with an empty ``id`` gets ``<input id>:<row>``.

Files from other tools are read too when their columns are article fields (any
subset); ``meta`` may then be a struct instead of JSON text, and ``published`` a date
or timestamp. A file whose ``newskit_schema`` version is newer than this reader's is
refused with the fix (upgrade newskit). Needs pyarrow: ``pip install
'newskit[parquet]'``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import attrs

from .._optional import require
from ..components import Input
from ..errors import InputError, MissingDependencyError
from ..limits import Limits
from ..model import Article

__all__ = ["SCHEMA_VERSION", "looks_like_parquet", "read_parquet"]

#: The newest ``newskit_schema`` version this reader knows (see ``newskit_formats``).
SCHEMA_VERSION = 1
MAGIC = b"PAR1"

_FIELDS = frozenset(a.name for a in attrs.fields(Article))


def looks_like_parquet(head: bytes) -> bool:
    """True when the data starts with Parquet's magic bytes ``PAR1``."""
    return head.startswith(MAGIC)


def read_parquet(inp: Input) -> Iterator[Article]:
    """Reader entry: every row of every row group, in order, as an article."""
    try:
        pa = require("pyarrow", extra="parquet", feature="Reading Parquet")
        pq = require("pyarrow.parquet", extra="parquet", feature="Reading Parquet")
    except MissingDependencyError as exc:
        raise InputError(inp.name, str(exc)) from None
    if not (inp.data.startswith(MAGIC) and inp.data.endswith(MAGIC)):
        raise InputError(inp.name, "not a Parquet file (no PAR1 magic at both ends)")
    try:
        file = pq.ParquetFile(pa.BufferReader(inp.data))
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise InputError(inp.name, f"not a readable Parquet file ({exc})") from None
    _check_schema(file.schema_arrow, inp.name)
    most = Limits.current().max_decompressed_bytes
    row = 0
    for group in range(file.num_row_groups):
        declared = file.metadata.row_group(group)
        if declared.total_byte_size > most:
            rows = declared.num_rows
            where = f"{inp.name} row group {group + 1} (rows {row + 1} to {row + rows})"
            message = (
                f"{where}: decompresses to {declared.total_byte_size:,} bytes, over the "
                f"{most:,}-byte limit; not read ({Limits.hint('max_decompressed_bytes')})"
            )
            yield Article.failure(f"{inp.id}:{row + 1}", message)
            row += rows
            continue
        try:
            records = file.read_row_group(group).to_pylist()
        except (pa.ArrowException, OSError, ValueError) as exc:
            rows = file.metadata.row_group(group).num_rows
            where = f"{inp.name} row group {group + 1} (rows {row + 1} to {row + rows})"
            yield Article.failure(f"{inp.id}:{row + 1}", f"{where}: unreadable ({exc})")
            row += rows
            continue
        for record in records:
            row += 1
            yield _article(record, f"{inp.name} row {row}", f"{inp.id}:{row}")


def _check_schema(schema: Any, name: str) -> None:
    metadata = schema.metadata or {}
    version = metadata.get(b"newskit_schema")
    if version is not None:
        try:
            number = int(version)
        except ValueError:
            raise InputError(name, f"bad newskit_schema version {version!r}") from None
        if number > SCHEMA_VERSION:
            raise InputError(
                name,
                f"written with newskit Parquet schema {number}, newer than this newskit "
                f"reads ({SCHEMA_VERSION}): upgrade newskit",
            )
    unknown = [column for column in schema.names if column not in _FIELDS]
    if unknown:
        raise InputError(
            name,
            f"column(s) {', '.join(unknown)} are not article fields; expected some of "
            f"{', '.join(sorted(_FIELDS))}",
        )


def _article(record: dict[str, Any], where: str, fallback_id: str) -> Article:
    record_id = record.get("id")
    record_id = fallback_id if record_id in (None, "") else str(record_id)
    try:
        meta = record.get("meta")
        if isinstance(meta, str):
            try:
                meta = json.loads(meta)
            except ValueError as exc:
                raise ValueError(f"meta is not JSON text ({exc})") from None
        if meta is not None and not isinstance(meta, dict):
            raise ValueError(f"meta must be a JSON object, got {type(meta).__name__}")
        return Article.from_dict({**record, "id": record_id, "meta": meta}, source=where)
    except InputError as exc:
        return Article.failure(record_id, str(exc))
    except (TypeError, ValueError) as exc:
        return Article.failure(record_id, f"{where}: invalid record: {exc}")
