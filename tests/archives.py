"""Test archives: WARC files of HTML responses, written with warcio (the reference
implementation, so that newskit's FastWARC reader is checked against another writer)."""

from __future__ import annotations

import io

Record = tuple[str, bytes, tuple[tuple[str, str], ...]]


def warc(records: list[Record]) -> tuple[bytes, list[int]]:
    """A gzipped WARC of HTML responses (url, body, extra HTTP headers), and the offset
    where each record starts."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    offsets = []
    for url, body, headers in records:
        http = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8"), *headers], protocol="HTTP/1.1"
        )
        offsets.append(out.tell())
        writer.write_record(
            writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
        )
    return out.getvalue(), offsets
