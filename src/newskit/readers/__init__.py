"""The built-in readers, and the choice of a reader for an input.

This package is also newskit's built-in plugin: it registers the ``html``, ``text`` and
``jsonl`` readers through the same hook third-party readers use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

from ..components import Input, Reader
from ..errors import InputError
from ..hookspecs import hookimpl
from ..model import Article
from ..urls import enrich_from_url
from ._decode import check_not_binary
from .html import article_from_html, html_to_text, read_html
from .jsonl import looks_like_jsonl, read_jsonl
from .parquet import looks_like_parquet, read_parquet
from .text import article_from_text, read_text
from .warc import looks_like_warc, read_warc

__all__ = [
    "article_from_html",
    "article_from_text",
    "choose_reader",
    "html_to_text",
    "read_input",
]

_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|\?xml)\b",
    re.IGNORECASE | re.DOTALL,
)


def _looks_like_html(head: bytes) -> bool:
    return bool(_HTML_START.match(head.lstrip(b"\xef\xbb\xbf")))


@hookimpl
def newskit_register_readers() -> list[Reader]:
    return [
        Reader(
            name="warc",
            read=read_warc,
            extensions=(".warc",),
            sniff=looks_like_warc,
            priority=30,
            binary=True,
            stream=True,
            description="WARC/WARC.gz web archives: HTML responses; needs newskit[warc]",
        ),
        Reader(
            name="parquet",
            read=read_parquet,
            extensions=(".parquet",),
            sniff=looks_like_parquet,
            priority=30,
            binary=True,
            description="Parquet files of article records (the parquet format); "
            "needs newskit[parquet]",
        ),
        Reader(
            name="jsonl",
            read=read_jsonl,
            extensions=(".jsonl", ".ndjson", ".jsonlines", ".json"),
            sniff=looks_like_jsonl,
            priority=20,
            description="JSON Lines: full article records or {id, text} / {id, html, url}",
        ),
        Reader(
            name="html",
            read=read_html,
            extensions=(".html", ".htm", ".xhtml", ".shtml"),
            sniff=_looks_like_html,
            priority=10,
            description="HTML pages: body by readability-lxml, metadata from the page",
        ),
        Reader(
            name="text",
            read=read_text,
            extensions=(".txt", ".text"),
            sniff=lambda head: True,
            priority=-100,
            description="plain text: a page's text dump (cleaners remove the furniture)",
        ),
    ]


def choose_reader(inp: Input, readers: Mapping[str, Reader]) -> Reader:
    """The reader for ``inp``: by its extension, else the first whose sniff accepts it."""
    if inp.extension:
        for reader in readers.values():
            if inp.extension in reader.extensions:
                return reader
    head = inp.data[:4096]
    for reader in sorted(readers.values(), key=lambda r: -r.priority):
        if reader.sniff is not None and reader.sniff(head):
            return reader
    known = ", ".join(readers) or "none"
    raise InputError(inp.name, f"no installed reader recognises this input (readers: {known})")


def read_input(inp: Input, readers: Mapping[str, Reader]) -> Iterator[Article]:
    """Every article in ``inp``; an input or record that fails gives an error record.

    This never raises for bad input: the caller always gets something to account for.
    """
    try:
        if not inp.data.strip():
            raise InputError(inp.name, "empty input: there is nothing in it")
        reader = choose_reader(inp, readers)
        if not reader.binary:
            check_not_binary(inp.data, inp.name)
    except InputError as exc:
        yield Article.failure(inp.id, str(exc), url=inp.url)
        return
    try:
        for article in reader.read(inp):
            yield article if article.failed else enrich_from_url(article)
    except InputError as exc:
        yield Article.failure(inp.id, str(exc), url=inp.url)
    except Exception as exc:  # noqa: BLE001 - a reader bug must not stop a batch
        message = f"{inp.name}: reader {reader.name!r} failed: {type(exc).__name__}: {exc}"
        yield Article.failure(inp.id, message, url=inp.url)


def known_extensions(readers: Iterable[Reader]) -> frozenset[str]:
    return frozenset(ext for reader in readers for ext in reader.extensions)


def stream_extensions(readers: Iterable[Reader]) -> frozenset[str]:
    """The extensions of readers that read their files themselves (``Reader.stream``)."""
    return frozenset(ext for reader in readers if reader.stream for ext in reader.extensions)
