"""WARC read speed: FastWARC against warcio, and the newskit reader (hand-run; asserts nothing).

    .venv/bin/python benchmarks/warc.py [--data DIR] [--records N] [--runs R] [--extract N]

Builds a synthetic WARC.gz in a temporary directory (deleted after): ``--records``
(2,000) HTML responses, each after its request record, with a metadata record every
tenth. Two pages in three are the real pages of extraction/aeb/html in the data
directory (``--data``, ``$NEWSKIT_DATA`` or ../shared/data; read-only, cycled); the
rest are small pages written here. Every tenth page is sent with
``Content-Encoding: gzip``. ``benchmarks/batch.py`` builds its archives and reads
them with the same functions.

Then, best of ``--runs`` (3), each library iterates the whole archive and reads every
response's HTTP body (decoded, as the reader needs it): records/s counts the HTML
responses, MB/s is over the compressed file and over the payload bytes. Last, the
newskit ``warc`` reader (FastWARC plus extraction by ``article_from_html``) reads the
first ``--extract`` (300) pages, to show where the time goes.
"""

from __future__ import annotations

import argparse
import gzip
import io
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from _common import find_data

#: Where the real pages are, under the data directory.
AEB_PAGES = Path("extraction", "aeb", "html")


def small_page(n: int) -> bytes:
    text = " ".join(f"Paragraph {n} tells the news of the day in plain words." for _ in range(30))
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>Story {n}</title></head>"
        f"<body><nav>Home | World</nav><article><h1>Story {n}</h1><p>{text}</p>"
        f"<p>{text}</p></article><footer>© News</footer></body></html>"
    ).encode()


def build(
    path: Path, records: int, pages: Path, first: int = 0, small: bool = True
) -> tuple[int, int]:
    """Write the archive, with the real pages of ``pages``; return (HTML responses,
    payload bytes). ``first`` numbers the first page, for archives that continue;
    ``small=False`` leaves out the small pages (every page is a real one)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    real = [gzip.decompress(p.read_bytes()) for p in sorted(pages.glob("*.html.gz"))]
    payload = 0
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "bench"}))
        for n in range(first, first + records):
            url = f"https://news.example/{n}"
            body = real[n % len(real)] if real and (n % 3 or not small) else small_page(n)
            payload += len(body)
            headers = [("Content-Type", "text/html; charset=utf-8")]
            if n % 10 == 0:
                body = gzip.compress(body)
                headers.append(("Content-Encoding", "gzip"))
            request = StatusAndHeaders(
                "GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True
            )
            writer.write_record(
                writer.create_warc_record(
                    url, "request", payload=io.BytesIO(b""), http_headers=request
                )
            )
            response = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body), http_headers=response
                )
            )
            if n % 10 == 0:
                writer.write_record(
                    writer.create_warc_record(
                        url,
                        "metadata",
                        payload=io.BytesIO(b"fetchTimeMs: 10\n"),
                        warc_content_type="application/warc-fields",
                    )
                )
    return records, payload


def read_warcio(path: Path) -> tuple[int, int]:
    from warcio.archiveiterator import ArchiveIterator

    count = size = 0
    with path.open("rb") as f:
        for record in ArchiveIterator(f):
            if record.rec_type != "response":
                continue
            content_type = record.http_headers.get_header("Content-Type") or ""
            if content_type.startswith("text/html"):
                record.rec_headers.get_header("WARC-Target-URI")
                size += len(record.content_stream().read())
                count += 1
    return count, size


def read_fastwarc(path: Path) -> tuple[int, int]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    count = size = 0
    with path.open("rb") as f:
        records = ArchiveIterator(f, record_types=WarcRecordType.response, auto_decode="all")
        for record in records:
            if (record.http_content_type or "").startswith("text/html"):
                record.headers.get("WARC-Target-URI")
                size += len(record.reader.read())
                count += 1
    return count, size


def best_of(
    read: Callable[[Path], tuple[int, int]], path: Path, runs: int
) -> tuple[int, int, float]:
    """(HTML responses, payload bytes, seconds) of the fastest of ``runs`` reads."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        count, size = read(path)
        best = min(best, time.perf_counter() - start)
    return count, size, best


def read_newskit(path: Path, limit: int) -> tuple[int, int]:
    from newskit.readers.warc import read_warc_file

    count = failed = 0
    for article in read_warc_file(path):
        count += 1
        failed += article.failed
        if count >= limit:
            break
    return count, failed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path)
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--extract", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.warc.gz"
        pages = find_data(args.data) / AEB_PAGES
        records, payload = build(path, args.records, pages)
        file_mb = path.stat().st_size / 1e6
        print(
            f"archive: {records:,} HTML responses, {file_mb:.1f} MB gzipped, "
            f"{payload / 1e6:.1f} MB of HTML ({len(list(pages.glob('*.html.gz')))} real pages)"
        )
        print(f"{'library':<10} {'records/s':>10} {'MB/s gz':>9} {'MB/s html':>10}  seconds")
        for name, read in (("warcio", read_warcio), ("fastwarc", read_fastwarc)):
            try:
                count, size, best = best_of(read, path, args.runs)
            except ImportError as exc:
                print(f"{name:<10} not installed ({exc})")
                continue
            print(
                f"{name:<10} {count / best:>10,.0f} {file_mb / best:>9.1f} "
                f"{size / 1e6 / best:>10.1f}  {best:.2f}"
            )
        start = time.perf_counter()
        count, failed = read_newskit(path, args.extract)
        seconds = time.perf_counter() - start
        print(
            f"newskit warc reader with extraction: {count} pages ({failed} failed) in "
            f"{seconds:.1f} s = {count / seconds:,.0f} pages/s"
        )


if __name__ == "__main__":
    sys.exit(main())
