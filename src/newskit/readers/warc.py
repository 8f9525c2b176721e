"""WARC web archives (``.warc``, ``.warc.gz``): each HTML response becomes an article.

Records are read one at a time with FastWARC (``pip install 'newskit[warc]'``), so memory
holds one record, whatever the size of the archive. A ``response`` record whose HTTP
status is 2xx and whose HTTP ``Content-Type`` is ``text/html`` or
``application/xhtml+xml`` is read: its HTTP body is de-chunked and decompressed
(``Content-Encoding`` gzip, deflate or br), decoded with the HTTP charset (else the
page's own declaration) and extracted by :func:`~newskit.readers.article_from_html`.
Every other record (warcinfo, request, metadata, revisit, a redirect, an image) is
skipped and counted in :class:`WarcStats`; the ``warc`` reader logs the counts.

An article from a record has:

- ``id``: the ``WARC-Record-ID`` without its angle brackets (``urn:uuid:…``), else
  ``<input id>:<offset>``;
- ``url``: the ``WARC-Target-URI``;
- ``meta["crawl_date"]``: the ``WARC-Date`` as an ISO 8601 string.

The crawl date is **not** used as ``published`` when the page gives none: it is when
the page was fetched, which for an archive crawl can be years after it was published,
and a wrong date that looks right is worse than no date. Use ``meta["crawl_date"]``
as an upper bound when you need one.

Bad input never stops the read. A record with a broken payload (bad gzip, broken
chunked encoding, HTML that cannot be parsed) becomes an error record for that record
and the read goes on. A file cut mid-record gives the records before the cut, then one
error record naming the file and the offset of the cut record. A corrupt compressed
stream gives the records before the damage, then one error record naming the offset
of the last good record.
"""

from __future__ import annotations

import io
import logging
import os
import re
import zlib
from collections.abc import Iterator
from datetime import datetime
from typing import IO, Any

import attrs

from .._optional import require
from ..components import Input
from ..errors import InputError, MissingDependencyError
from ..limits import MAX_BYTES, Limits, TimeLimitExceeded
from ..model import Article
from ._decode import check_not_binary, declared_html_charset, decode
from .html import article_from_html

__all__ = [
    "HTML_TYPES",
    "MAX_PAYLOAD_BYTES",
    "WarcStats",
    "iter_warc",
    "looks_like_warc",
    "read_warc",
    "read_warc_file",
]

log = logging.getLogger(__name__)

#: HTTP content types read as pages; every other response is skipped.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: The default limit of a record's size and of what its payload inflates to; set them
#: with :class:`~newskit.Limits` (``max_bytes``, ``max_decompressed_bytes``).
MAX_PAYLOAD_BYTES = MAX_BYTES

_GZIP_MAGIC = b"\x1f\x8b"
_CHARSET = re.compile(r"""charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
_CHUNK_SIZE = re.compile(rb"^[0-9a-fA-F]+[ \t]*(?:;[^\r\n]*)?\r?\n")
_FEATURE = "Reading WARC archives"


@attrs.define
class WarcStats:
    """What a read met: records read as pages, and records skipped, by reason."""

    records: int = 0
    articles: int = 0
    errors: int = 0
    skipped: dict[str, int] = attrs.field(factory=dict)

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1

    def summary(self) -> str:
        skipped = ", ".join(f"{n} {why}" for why, n in sorted(self.skipped.items()))
        return (
            f"{self.records} records: {self.articles} pages, {self.errors} errors, "
            f"{sum(self.skipped.values())} skipped ({skipped or 'none'})"
        )


def looks_like_warc(head: bytes) -> bool:
    """True for an uncompressed WARC (``WARC/1.0`` or ``WARC/1.1`` first)."""
    return head.startswith(b"WARC/")


def read_warc(inp: Input) -> Iterator[Article]:
    """Reader entry: the pages of the WARC file ``inp.path``, read as a stream, or of
    ``inp.data`` when the input holds the whole archive (gzipped or not)."""
    stats = WarcStats()
    if inp.path is not None:
        yield from read_warc_file(inp.path, stats=stats)
    else:
        yield from iter_warc(io.BytesIO(inp.data), name=inp.name, id=inp.id, stats=stats)
    log.info("%s: %s", inp.name, stats.summary())


def read_warc_file(
    path: str | os.PathLike[str], *, stats: WarcStats | None = None
) -> Iterator[Article]:
    """The pages in a WARC file read from disk as a stream, however large it is.

    A ``.warc.gz`` is decompressed record by record, never whole.
    """
    name = os.fspath(path)
    base = os.path.basename(name)
    id = base.split(".warc")[0] if ".warc" in base.lower() else base
    try:
        f = open(name, "rb")  # noqa: SIM115 - closed below, in the generator
    except OSError as exc:
        yield Article.failure(id, f"{name}: cannot be read: {exc.strerror or exc}")
        return
    with f:
        yield from iter_warc(f, name=name, id=id, stats=stats)


def iter_warc(
    stream: IO[bytes], *, name: str, id: str, stats: WarcStats | None = None
) -> Iterator[Article]:
    """Every HTML response in a WARC stream as an article, or an error record.

    Never raises for bad data: a damaged archive ends with one error record. The
    limits in force (:meth:`Limits.current`) bound each record: its size, what its
    payload inflates to, its HTML; a record that runs out of time (under a batch's
    time limit) is an error record, and the read goes on with the next one.
    """
    try:
        warc = require("fastwarc.warc", extra="warc", feature=_FEATURE)
    except MissingDependencyError as exc:
        raise InputError(name, str(exc)) from None
    stats = stats if stats is not None else WarcStats()
    limits = Limits.current()
    head = stream.read(6)
    stream.seek(0)
    if not (head.startswith(_GZIP_MAGIC) or looks_like_warc(head)):
        raise InputError(name, f"not a WARC file (it starts {head!r}, not WARC/)")
    records = warc.ArchiveIterator(
        stream, parse_http=False, verify_digests=False, stream_detect=True
    )
    offset = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            cut = _cut_at(stream, offset if stats.records else 0, head.startswith(_GZIP_MAGIC))
            if cut is not None:
                stats.errors += 1
                message = (
                    f"{name} offset {cut}: the file is cut in a record (or damaged "
                    f"there); the records before it were read"
                )
                yield Article.failure(f"{id}:{cut}", message)
            return
        except (OSError, ValueError) as exc:
            stats.errors += 1
            where = f"{name} after offset {offset}" if stats.records else name
            message = f"{where}: unreadable WARC data ({exc}); the rest of the file is lost"
            yield Article.failure(f"{id}:{offset}", message)
            return
        offset = record.stream_pos
        stats.records += 1
        try:
            article = _record_article(
                record, name=name, id=id, offset=offset, stats=stats, limits=limits
            )
        except _Truncated as cut:
            stats.errors += 1
            yield cut.article
            return
        except TimeLimitExceeded as exc:  # this record's; the archive's next one gets its own
            message = f"{name} offset {offset}: {exc}; the record was skipped"
            article = Article.failure(
                (record.record_id or "").strip().strip("<>") or f"{id}:{offset}",
                f"{message} ({Limits.hint('timeout')})",
                url=record.headers.get("WARC-Target-URI") or None,
            )
        if article is not None:
            stats.articles += not article.failed
            stats.errors += article.failed
            yield article


def _record_article(
    record: Any, *, name: str, id: str, offset: int, stats: WarcStats, limits: Limits
) -> Article | None:
    """The article for one record, an error record, or None for a record skipped."""
    where = f"{name} offset {offset}"
    record_id = (record.record_id or "").strip().strip("<>") or f"{id}:{offset}"
    kind = (record.headers.get("WARC-Type") or "").strip().lower()
    if kind != "response":
        stats.skip(kind or "no WARC-Type")
        return None
    if not (record.headers.get("Content-Type") or "").lower().startswith("application/http"):
        stats.skip("response not HTTP")
        return None
    url = record.headers.get("WARC-Target-URI") or None
    try:
        most = limits.max_bytes
        block = record.reader.read(most + 1)
        if len(block) > most:
            hint = Limits.hint("max_bytes")
            raise InputError(where, f"record over the {most:,}-byte limit; skipped ({hint})")
        if len(block) < record.content_length:
            message = (
                f"{where}: the file is cut in this record ({len(block):,} of "
                f"{record.content_length:,} bytes); the rest of the file is lost"
            )
            raise _Truncated(Article.failure(record_id, message, url=url))
        status, headers, body = _parse_http(block, where)
        if not 200 <= status < 300:
            stats.skip(f"HTTP {status // 100}xx")
            return None
        content_type = headers.get("content-type", "")
        if content_type.split(";")[0].strip().lower() not in HTML_TYPES:
            stats.skip("not HTML")
            return None
        body = _decode_body(body, headers, where, limits.max_decompressed_bytes)
        check_not_binary(body, where)
        match = _CHARSET.search(content_type)
        charset = match.group(1) if match else declared_html_charset(body)
        html = decode(body, where, declared=charset)
        article = article_from_html(html, id=record_id, url=url, name=where, limits=limits)
    except InputError as exc:
        return Article.failure(record_id, str(exc), url=url)
    except (OSError, ValueError, EOFError, zlib.error) as exc:
        message = f"{where}: unreadable record ({type(exc).__name__}: {exc})"
        return Article.failure(record_id, message, url=url)
    crawl_date = _crawl_date(record)
    if crawl_date:
        article = attrs.evolve(article, meta={**article.meta, "crawl_date": crawl_date})
    return article


def _cut_at(stream: IO[bytes], last: int, gz: bool) -> int | None:
    """Where an archive that FastWARC ended quietly was cut, or None when it is whole.

    FastWARC stops without an error at a gzip member or a record cut short. Its tail,
    from the last record read (at most one record and a part), is checked here.
    """
    try:
        if not stream.seekable():
            return None
        stream.seek(last)
    except (OSError, ValueError):
        return None
    return _gzip_cut(stream, last) if gz else _plain_cut(stream, last)


def _gzip_cut(stream: IO[bytes], start: int) -> int | None:
    if stream.read(2) != _GZIP_MAGIC:
        return None  # not one gzip member a record (a whole file gzipped): cannot tell
    stream.seek(start)
    member = start  # where the member being inflated began
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
    pos = start
    fed = False
    while chunk := stream.read(1 << 20):
        while chunk:
            try:
                inflater.decompress(chunk, 1 << 20)
                while inflater.unconsumed_tail:
                    inflater.decompress(inflater.unconsumed_tail, 1 << 20)
            except zlib.error:
                return member
            fed = True
            if not inflater.eof:
                pos += len(chunk)
                break
            rest = inflater.unused_data
            pos += len(chunk) - len(rest)
            member = pos
            inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
            fed = False
            chunk = rest
    return member if fed else None


def _plain_cut(stream: IO[bytes], start: int) -> int | None:
    pos = start
    while True:
        head = stream.read(1 << 16)
        if not head.strip():
            return None
        skip = len(head) - len(head.lstrip())
        end = head.find(b"\r\n\r\n")
        match = re.search(rb"(?im)^content-length:[ \t]*(\d+)", head[: max(end, 0)])
        if end < 0 or match is None:
            return pos + skip
        record_end = pos + end + 4 + int(match.group(1))
        stream.seek(0, io.SEEK_END)
        if stream.tell() < record_end:
            return pos + skip
        stream.seek(record_end)
        pos = record_end


class _Truncated(Exception):
    """The archive ends inside a record: its error record ends the read."""

    def __init__(self, article: Article) -> None:
        super().__init__(article.errors[0].message)
        self.article = article


def _crawl_date(record: Any) -> str | None:
    try:
        date = record.record_date
    except (ValueError, OSError):
        date = None
    if isinstance(date, datetime):
        return date.isoformat().replace("+00:00", "Z")
    raw = record.headers.get("WARC-Date")
    return raw or None


def _parse_http(block: bytes, where: str) -> tuple[int, dict[str, str], bytes]:
    """The status, headers (lower-case names, last one wins) and body of an HTTP response."""
    end = block.find(b"\r\n\r\n")
    sep = 4
    if end < 0 or (0 <= block.find(b"\n\n") < end):
        end, sep = block.find(b"\n\n"), 2
    if end < 0:
        raise InputError(where, "HTTP headers have no end")
    lines = block[:end].decode("latin-1").splitlines()
    parts = lines[0].split(None, 2) if lines else []
    if len(parts) < 2 or not parts[0].upper().startswith("HTTP/") or not parts[1].isdigit():
        raise InputError(where, f"not an HTTP response (status line {lines[:1]!r})")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        key, colon, value = line.partition(":")
        if colon:
            headers[key.strip().lower()] = value.strip()
    return int(parts[1]), headers, block[end + sep :]


def _decode_body(body: bytes, headers: dict[str, str], where: str, most: int) -> bytes:
    """The body without its transfer and content encodings, inflated to ``most`` bytes
    at most (an error record past that)."""
    if "chunked" in headers.get("transfer-encoding", "").lower() and _CHUNK_SIZE.match(body):
        body = _dechunk(body, where)  # crawlers often store it de-chunked: then left as is
    for coding in reversed(headers.get("content-encoding", "").lower().split(",")):
        coding = coding.strip()
        if coding in ("", "identity", "none"):
            continue
        if coding in ("gzip", "x-gzip", "deflate"):
            if coding == "deflate" and not body.startswith(b"\x78"):
                wbits = -zlib.MAX_WBITS  # raw deflate, as some servers send
            else:
                wbits = zlib.MAX_WBITS | (32 if coding != "deflate" else 0)
            try:
                inflater = zlib.decompressobj(wbits)
                out = inflater.decompress(body, most + 1)
            except zlib.error as exc:
                raise InputError(where, f"broken {coding} payload ({exc})") from None
            if len(out) > most:
                raise _inflates_past(where, most)
            if not inflater.eof:
                raise InputError(where, f"broken {coding} payload (it ends early)")
            body = out
        elif coding == "br":
            try:
                brotli = require("brotli", extra="warc", feature="Brotli-encoded pages")
                body = _unbrotli(brotli, body, where, most)
            except MissingDependencyError as exc:
                raise InputError(where, str(exc)) from None
            except InputError:
                raise
            except Exception as exc:  # noqa: BLE001 - brotli.error is not an OSError
                raise InputError(where, f"broken br payload ({exc})") from None
        else:
            raise InputError(where, f"unknown Content-Encoding {coding!r}")
    return body


def _inflates_past(where: str, most: int) -> InputError:
    hint = Limits.hint("max_decompressed_bytes")
    return InputError(where, f"payload inflates past {most:,} bytes; refused ({hint})")


def _unbrotli(brotli: Any, body: bytes, where: str, most: int) -> bytes:
    inflater = brotli.Decompressor()
    try:
        out = inflater.process(body, output_buffer_limit=most + 1)
    except TypeError:  # brotli before 1.2 cannot bound its output
        out = inflater.process(body)
    if len(out) > most:
        raise _inflates_past(where, most)
    if not inflater.is_finished():
        raise InputError(where, "broken br payload (it ends early)")
    return out


def _dechunk(body: bytes, where: str) -> bytes:
    out = bytearray()
    pos = 0
    while True:
        line_end = body.find(b"\n", pos)
        if line_end < 0:
            raise InputError(where, "broken chunked payload (a chunk size has no end)")
        size_text = body[pos:line_end].split(b";")[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            raise InputError(where, f"broken chunked payload (chunk size {size_text!r})") from None
        if size == 0:
            return bytes(out)
        start = line_end + 1
        if start + size > len(body):
            raise InputError(where, "broken chunked payload (a chunk ends early)")
        out += body[start : start + size]
        pos = start + size
        if body.startswith(b"\r\n", pos):
            pos += 2
        elif body.startswith(b"\n", pos):
            pos += 1
