"""JSON Lines (and JSON): one article a line, full records or minimal ones.

A line holds either a full article record (``Article.to_dict()``, as newskit writes it),
or a minimal one: ``{"id", "text"}``, ``{"id", "title", "text"}`` or
``{"id", "html", "url"}``. A bad line becomes an error record and the rest go on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import attrs

from ..components import Input
from ..errors import InputError
from ..limits import Limits, TimeLimitExceeded
from ..model import Article
from ._decode import decode
from .html import article_from_html
from .text import article_from_text

__all__ = ["looks_like_jsonl", "read_jsonl"]

_HTML_RECORD = frozenset({"id", "html", "url", "title"})


def looks_like_jsonl(head: bytes) -> bool:
    """True when the first non-blank line is a JSON object."""
    for line in head.lstrip(b"\xef\xbb\xbf").splitlines():
        if line.strip():
            try:
                return isinstance(json.loads(line), dict)
            except ValueError:
                return False
    return False


def read_jsonl(inp: Input) -> Iterator[Article]:
    """Reader entry. A ``.json`` file may also hold one object or an array of them."""
    text = decode(inp.data, inp.name)
    stripped = text.lstrip()
    if stripped.startswith("[") or (inp.extension == ".json" and stripped.startswith("{")):
        yield from _read_json_document(text, inp)
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{inp.name} line {number}"
        fallback_id = f"{inp.id}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            message = f"{where}: not valid JSON ({exc.msg} at column {exc.colno})"
            yield Article.failure(fallback_id, message)
            continue
        yield _record(record, where, fallback_id)


def _read_json_document(text: str, inp: Input) -> Iterator[Article]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise InputError(inp.name, f"not valid JSON ({exc})") from None
    records = data if isinstance(data, list) else [data]
    for number, record in enumerate(records, start=1):
        yield _record(record, f"{inp.name} item {number}", f"{inp.id}:{number}")


def _record(record: Any, where: str, fallback_id: str) -> Article:
    """One JSON value to an article, or to an error record naming where it was."""
    if not isinstance(record, dict):
        return Article.failure(
            fallback_id, f"{where}: expected a JSON object, got {type(record).__name__}"
        )
    record_id = record.get("id")
    record_id = fallback_id if record_id in (None, "") else str(record_id)
    try:
        if "html" in record:
            unknown = sorted(set(record) - _HTML_RECORD)
            if unknown:
                raise InputError(where, f"unknown field(s) beside html: {', '.join(unknown)}")
            bad = [k for k in ("html", "url", "title") if not isinstance(record.get(k, ""), str)]
            bad = [k for k in bad if k == "html" or record[k] is not None]
            if bad:
                raise InputError(where, f"{', '.join(bad)} must be a string")
            article = article_from_html(
                record["html"], id=record_id, url=record.get("url"), name=where
            )
            title = record.get("title")
            return article if title is None else attrs.evolve(article, title=title)
        if set(record) <= {"id", "text", "title", "url"} and isinstance(record.get("text"), str):
            return article_from_text(
                record["text"],
                id=record_id,
                url=record.get("url"),
                title=record.get("title"),
                name=where,
            )
        return Article.from_dict({**record, "id": record_id}, source=where)
    except InputError as exc:
        return Article.failure(record_id, str(exc))
    except (TypeError, ValueError) as exc:
        return Article.failure(record_id, f"{where}: invalid record: {exc}")
    except TimeLimitExceeded as exc:  # this record's; the next one gets its own time
        message = f"{where}: {exc} while reading it; the record was skipped"
        return Article.failure(record_id, f"{message} ({Limits.hint('timeout')})")
