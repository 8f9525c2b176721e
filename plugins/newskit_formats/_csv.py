"""The ``csv`` format: one row per article, for spreadsheets and data frames.

The file is RFC 4180 CSV written with :mod:`csv` (``QUOTE_MINIMAL``, ``"\\r\\n"`` row
endings); line breaks inside a cell are kept inside its quotes. It starts with a UTF-8
byte order mark, which Excel needs to read the file as UTF-8 instead of the local code
page (without it, ``Müller`` shows as ``MÃ¼ller``). Python reads it back with
``encoding="utf-8-sig"``; pandas and ``newskit evaluate`` skip it on their own.

Columns, in this order:

- ``id``, ``url``, ``title``, ``published`` (ISO 8601), ``language``, ``source`` and
  ``source_domain`` (the publisher), ``authors`` and ``cited_sources`` (names, joined
  by ``"; "``), ``sections`` and ``tags`` (categories of scheme ``section`` and ``tag``,
  joined by ``"; "``), ``summary``, ``text``;
- ``score_<name>`` and ``label_<name>`` for each classifier category (every category
  whose scheme is neither ``section`` nor ``tag``) of the *first article that is not an
  error record*: the score as a number, the label as ``1`` or ``0``, empty for none;
- ``categories``: every classifier category of the row as a JSON list of
  ``{"name", "scheme", "score", "label"}``, complete whatever the header holds;
- ``warnings`` and ``errors``: one ``step: message`` per line.

Why the header comes from the first article: the header must precede the first row,
the writer streams (it writes each row before it pulls the next article, in constant
memory) and ``write`` cannot be told which classifiers ran (``--model`` adds some that
no plugin registers). In a run every article goes through the same classifiers, and
each classifier gives every article its main category (the pipeline adds an unscored
one when a classifier skips a language), so the first article names the columns that
all rows fill. Categories that vary from article to article, such as the ``economy``
sub-topics, get columns only if the first article has them; any category without a
column is still in ``categories``. Error records (inputs that could not be read) carry
no categories, so leading ones are held back, at most :data:`MAX_HELD`, until an
article names the columns; past that, or at the end, the header has no category
columns.

CSV injection: a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return gets a leading ``'``, as OWASP advises, so that no spreadsheet runs it
as a formula. NUL characters are dropped and lone surrogates become U+FFFD.

Reading the file back does not give the articles again. Lost are: evidence (of
categories and cited sources), what cleaning removed, ``meta``, the publisher's URL and
kind, the cited sources' domain, URL and kind, the split of list items that contain
``"; "``, whether an empty field was ``None`` or ``""`` (both give an empty cell),
dropped NUL characters, and the exact text of neutralised cells, which gain a leading
``'``. Use ``jsonl`` for an exact copy.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from typing import IO

from newskit import Article, Category, Problem

__all__ = ["MAX_HELD", "columns_for", "write_csv"]

#: Leading error records held back at most while waiting for an article that names the
#: category columns.
MAX_HELD = 1000

#: Metadata schemes: their categories go to ``sections`` and ``tags``, not to columns.
_METADATA = {"section": "sections", "tag": "tags"}

_HEAD = [
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
_TAIL = ["categories", "warnings", "errors"]

_BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_UNWRITABLE = re.compile("[\x00\ud800-\udfff]")
_LABEL = {True: "1", False: "0", None: ""}


def write_csv(articles: Iterable[Article], stream: IO[str]) -> None:
    """Write a byte order mark, the header, then one row per article as it arrives."""
    held: list[Article] = []
    writer: _Writer | None = None
    try:
        for article in articles:
            if writer is None:
                if article.failed and len(held) < MAX_HELD:
                    held.append(article)
                    continue
                writer = _Writer(stream, columns_for(article))
                writer.rows(held)
                held = []
            writer.row(article)
    finally:
        # No article named the columns (or the input broke first): still write what came.
        if writer is None:
            _Writer(stream, columns_for(None)).rows(held)


def columns_for(article: Article | None) -> list[str]:
    """The header that ``article`` (the first that is not an error record) gives."""
    names = _classifier_calls(article.categories) if article is not None else {}
    scores = [f"{kind}_{name}" for name in names for kind in ("score", "label")]
    return [*_HEAD, *scores, *_TAIL]


class _Writer:
    """Writes the byte order mark and header when built, then rows."""

    def __init__(self, stream: IO[str], columns: list[str]) -> None:
        self.names = [c.removeprefix("score_") for c in columns if c.startswith("score_")]
        stream.write(_BOM)
        self.csv = csv.writer(stream, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        self.csv.writerow(columns)

    def rows(self, articles: Iterable[Article]) -> None:
        for article in articles:
            self.row(article)

    def row(self, article: Article) -> None:
        self.csv.writerow(self._cells(article))

    def _cells(self, article: Article) -> Iterator[str]:
        source = article.source
        by_scheme: dict[str, list[str]] = {"sections": [], "tags": []}
        for category in article.categories:
            if category.scheme in _METADATA:
                by_scheme[_METADATA[category.scheme]].append(category.name)
        texts = [
            article.id,
            article.url or "",
            article.title or "",
            article.published.isoformat() if article.published else "",
            article.language or "",
            source.name if source else "",
            (source.domain or "") if source else "",
            "; ".join(article.authors),
            "; ".join(s.name for s in article.cited_sources),
            "; ".join(by_scheme["sections"]),
            "; ".join(by_scheme["tags"]),
            article.summary,
            article.text,
        ]
        yield from map(_safe, texts)
        calls = _classifier_calls(article.categories)
        for name in self.names:
            call = calls.get(name)
            yield "" if call is None or call.score is None else repr(call.score)
            yield "" if call is None else _LABEL[call.label]
        yield _safe(_categories_json(article.categories))
        yield _safe(_problems(article.warnings))
        yield _safe(_problems(article.errors))


def _classifier_calls(categories: Iterable[Category]) -> dict[str, Category]:
    """Classifier categories by name, in order; the first of a name wins."""
    calls: dict[str, Category] = {}
    for category in categories:
        if category.scheme not in _METADATA:
            calls.setdefault(category.name, category)
    return calls


def _categories_json(categories: Iterable[Category]) -> str:
    records = [
        {"name": c.name, "scheme": c.scheme, "score": c.score, "label": c.label}
        for c in categories
        if c.scheme not in _METADATA
    ]
    return json.dumps(records, ensure_ascii=False, separators=(",", ":"))


def _problems(problems: Iterable[Problem]) -> str:
    return "\n".join(f"{p.step}: {p.message}" if p.step else p.message for p in problems)


def _safe(text: str) -> str:
    """``text`` as a cell: writable in UTF-8, and never read as a formula."""
    text = _UNWRITABLE.sub(lambda m: "" if m.group() == "\x00" else "\ufffd", text)
    return "'" + text if text.startswith(_FORMULA_START) else text
