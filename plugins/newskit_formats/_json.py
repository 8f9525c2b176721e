"""The ``jsonl`` and ``json`` formats: article records exactly as ``Article.to_dict()``.

Both stream: a record is written as soon as its article arrives, and neither holds
the list. Output is strict JSON (no ``NaN``) in UTF-8 with non-ASCII text kept as is,
except U+0085, U+2028 and U+2029, which are written as ``\\u`` escapes because many
line readers (Python's ``str.splitlines``, JavaScript) treat them as line breaks.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from newskit import Article, ComponentError

__all__ = ["write_json", "write_jsonl"]

_LINE_BREAKS = (("\x85", "\\u0085"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def _record(article: Article, fmt: str, **options: Any) -> str:
    """One article as JSON text, or a :class:`ComponentError` naming the article."""
    try:
        text = json.dumps(article.to_dict(), ensure_ascii=False, allow_nan=False, **options)
    except (TypeError, ValueError) as exc:
        raise ComponentError(
            fmt,
            article.id,
            f"the record is not plain JSON data ({exc}); keep meta values to str, int, "
            "finite float, bool, None, and lists and dicts of those",
        ) from exc
    # str.replace is ~100 times faster than str.translate here, and most texts hold
    # none of these characters at all.
    for char, escape in _LINE_BREAKS:
        if char in text:
            text = text.replace(char, escape)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ComponentError(
            fmt, article.id, f"the record holds text that is not valid Unicode ({exc.reason})"
        ) from exc
    return text


def write_jsonl(articles: Iterable[Article], stream: IO[str]) -> None:
    """Write one compact JSON record per line, each ended by ``"\\n"``."""
    for article in articles:
        stream.write(_record(article, "jsonl", separators=(",", ":")) + "\n")


def write_json(articles: Iterable[Article], stream: IO[str]) -> None:
    """Write a JSON array of records, indented by 2; no articles give ``[]``.

    The text equals ``json.dumps(records, indent=2, ensure_ascii=False)`` plus a final
    newline, but is written record by record.
    """
    stream.write("[")
    first = True
    for article in articles:
        # Raw newlines in dumped JSON are only ever structure (strings escape theirs),
        # so indenting every line nests the record one level inside the array.
        record = _record(article, "json", indent=2).replace("\n", "\n  ")
        stream.write(("\n  " if first else ",\n  ") + record)
        first = False
    stream.write("]\n" if first else "\n]\n")
