"""Fetching web pages, only when the user asks (``newskit analyze --fetch URL``).

newskit never goes to the network on its own: an ``http(s)://`` input is an error that
says to pass ``--fetch`` (``fetch=True`` in :func:`newskit.analyze`). When asked, a
:class:`Fetcher` downloads each page with the standard library (:mod:`http.client`,
no automatic redirects, no other URL handlers) and these limits, each configurable:

- only ``http`` and ``https`` URLs, checked again on every redirect (``file:``,
  ``ftp:``, ``data:`` and the rest are refused);
- at most ``max_redirects`` redirects (5);
- ``connect_timeout`` (10 s) to connect, ``read_timeout`` (30 s) for each read, and
  ``total_timeout`` (60 s) for the whole download, so a server that sends a byte now
  and then cannot hold newskit;
- ``max_bytes`` (10 MiB): a body is read in chunks and refused as soon as it passes the
  cap (or at once, when ``Content-Length`` says so); a gzip or deflate body
  (``Content-Encoding``) must also decompress to no more than the cap;
- only HTML (``text/html``, ``application/xhtml+xml``) and plain text (``text/plain``);
  any other declared ``Content-Type`` is refused;
- every request says who it is: ``User-Agent: newskit/<version> (+<project URL>)``
  (:data:`USER_AGENT`), or your own (``--user-agent``, ``$NEWSKIT_USER_AGENT``).

Proxies (``$HTTP_PROXY``, ``$HTTPS_PROXY``) are not used. A page that cannot be fetched
becomes an error record for that URL, as an unreadable file does. The article's URL is
the page's final URL, after redirects; its id comes from the URL as given
(:func:`url_id`), made safe to use as a file name.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import re
import ssl
import time
import zlib
from collections.abc import Collection, Iterable, Iterator
from typing import TYPE_CHECKING
from urllib.parse import quote, urljoin, urlsplit

from attrs import field, frozen
from attrs import validators as v

from ._version import __version__
from .components import Input
from .errors import InputError
from .model import Article

if TYPE_CHECKING:
    from .limits import Limits

__all__ = [
    "PROJECT_URL",
    "USER_AGENT",
    "Fetcher",
    "Response",
    "is_url",
    "iter_inputs",
    "not_fetched",
    "url_id",
]

#: Where the User-Agent points people who see newskit in their logs.
PROJECT_URL = "https://pypi.org/project/newskit/"
#: The User-Agent newskit sends unless told otherwise.
USER_AGENT = f"newskit/{__version__} (+{PROJECT_URL})"
#: An environment variable that replaces :data:`USER_AGENT`.
USER_AGENT_ENV = "NEWSKIT_USER_AGENT"

_SCHEMES = frozenset({"http", "https"})
# Schemes that name something other than a local file even without "//".
_OTHER_SCHEMES = frozenset({"file", "ftp", "ftps", "sftp", "data", "javascript", "gopher"})
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):")
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_TYPES = {"text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt"}
_CHUNK = 64 * 1024
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9._-]+")
_ID_CHARS = 120
# Characters kept as they are in a request target; the rest is percent-encoded.
_TARGET_SAFE = "/%:@!$&'()*+,;=-._~?"


def is_url(name: str) -> bool:
    """Whether an input ``name`` is a URL rather than a path: ``http(s)://…``, any
    ``scheme://…``, or a ``file:``, ``ftp:``, ``data:`` … URL. A file that exists by
    that name is a path."""
    match = _SCHEME.match(name)
    if match is None:
        return False
    scheme = match.group(1).lower()
    if scheme not in _SCHEMES | _OTHER_SCHEMES and not name[match.end() :].startswith("//"):
        return False
    return not os.path.exists(name)


def not_fetched(name: str) -> str:
    """The error for a URL given as an input when fetching was not asked for."""
    match = _SCHEME.match(name)
    scheme = match.group(1).lower() if match else ""
    if scheme in _SCHEMES:
        return (
            "this is a URL, and newskit does not download anything unless asked: "
            "pass --fetch (fetch=True in Python) to fetch it, or give a saved file"
        )
    return (
        f"this is a URL with the scheme {scheme!r}, not a file; "
        "newskit fetches only http and https URLs"
    )


def url_id(url: str) -> str:
    """An article id for ``url``, safe as a file name: host and path with every run of
    characters other than letters, digits, ``.``, ``_`` and ``-`` made one ``-`` (so no
    ``/``, ``..``, NUL or leading dot), at most 120 characters; a query, or a longer
    URL, adds 10 hex digits of its SHA-1, so different pages keep different ids."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
    except ValueError:
        parts, host = None, ""
    base = f"{host}/{parts.path}" if parts is not None else url
    slug = _UNSAFE_ID.sub("-", base)
    slug = re.sub(r"\.{2,}", ".", slug).strip("-.") or "page"
    digest = hashlib.sha1(url.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    if len(slug) > _ID_CHARS or (parts is not None and parts.query):
        slug = slug[: _ID_CHARS - 11].rstrip("-.") + "-" + digest
    return slug


@frozen(kw_only=True)
class Response:
    """A page as fetched: its final ``url`` (after redirects), status, media type,
    declared charset (or None) and decoded body."""

    url: str
    status: int
    content_type: str | None
    charset: str | None
    body: bytes = field(repr=lambda b: f"<{len(b)} bytes>")


def _positive(_inst: object, attribute: object, value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise ValueError(f"{attribute.name} must be a positive number, not {value!r}")  # type: ignore[attr-defined]


@frozen(kw_only=True)
class Fetcher:
    """Downloads pages within limits; see the module documentation for each one."""

    connect_timeout: float = field(default=10.0, validator=_positive)
    read_timeout: float = field(default=30.0, validator=_positive)
    total_timeout: float = field(default=60.0, validator=_positive)
    max_bytes: int = field(default=10 * 1024 * 1024, validator=[v.instance_of(int), _positive])
    max_redirects: int = field(default=5, validator=[v.instance_of(int), v.ge(0)])
    user_agent: str = field(
        factory=lambda: os.environ.get(USER_AGENT_ENV) or USER_AGENT,
        validator=v.instance_of(str),
    )

    def get(self, url: str, *, types: Collection[str] | None = None) -> Response:
        """Fetch ``url``, following redirects; raises :class:`~newskit.InputError`
        naming the URL and what went wrong. A page whose declared media type is not in
        ``types`` (when given) is refused before its body is read."""
        deadline = time.monotonic() + self.total_timeout
        current = url.strip()
        for hop in range(self.max_redirects + 1):
            _check_url(url, current, redirected=hop > 0)
            status, headers, body = self._request(url, current, deadline, types)
            if status in _REDIRECTS:
                location = headers.get("location")
                if not location:
                    raise InputError(url, f"HTTP {status} redirect without a Location header")
                current = urljoin(current, location.strip())
                continue
            if not 200 <= status < 300:
                reason = http.client.responses.get(status, "")
                raise InputError(url, f"HTTP {status} {reason}".rstrip() + f" from {current}")
            media, charset = _content_type(headers.get("content-type"))
            return Response(
                url=current, status=status, content_type=media, charset=charset, body=body
            )
        raise InputError(
            url, f"more than {self.max_redirects} redirects (the last one to {current})"
        )

    def fetch(self, url: str) -> Input:
        """Fetch ``url`` as an :class:`~newskit.Input` for the readers: id from
        :func:`url_id`, URL the final one. Refuses what is not HTML or plain text.
        A charset declared by the server is applied (re-encoded as UTF-8 with a BOM)."""
        response = self.get(url, types=_TYPES)
        extension = _TYPES.get(response.content_type or "", "")
        return Input(
            id=url_id(url),
            name=url,
            data=_to_utf8(response.body, response.charset),
            url=response.url,
            extension=extension,
        )

    # -- one request -----------------------------------------------------------------

    def _request(
        self, url: str, current: str, deadline: float, types: Collection[str] | None
    ) -> tuple[int, dict[str, str], bytes]:
        parts = urlsplit(current)
        try:
            host = parts.hostname or ""
            port = parts.port
            ascii_host = host.encode("idna").decode("ascii")
        except (ValueError, UnicodeError) as exc:
            raise InputError(url, f"invalid URL {current!r}: {exc}") from None
        target = quote(parts.path or "/", safe=_TARGET_SAFE)
        if parts.query:
            target += "?" + quote(parts.query, safe=_TARGET_SAFE)
        timeout = min(self.connect_timeout, _left(url, deadline))
        if parts.scheme.lower() == "https":
            conn: http.client.HTTPConnection = http.client.HTTPSConnection(
                ascii_host, port, timeout=timeout, context=ssl.create_default_context()
            )
        else:
            conn = http.client.HTTPConnection(ascii_host, port, timeout=timeout)
        try:
            conn.connect()
            conn.request(
                "GET",
                target,
                headers={
                    "User-Agent": self.user_agent,
                    "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
                    "Accept-Encoding": "gzip, deflate",
                    "Connection": "close",
                },
            )
            if conn.sock is not None:
                conn.sock.settimeout(min(self.read_timeout, _left(url, deadline)))
            response = conn.getresponse()
            headers = {k.lower(): v for k, v in response.getheaders()}
            if response.status in _REDIRECTS or not 200 <= response.status < 300:
                return response.status, headers, b""
            media = _content_type(headers.get("content-type"))[0]
            if types is not None and media is not None and media not in types:
                raise InputError(
                    url,
                    f"content type {media!r} is not a web page: newskit reads " + ", ".join(types),
                )
            body = self._read(url, response, conn, headers, deadline)
            return response.status, headers, _decode_body(url, body, headers, self.max_bytes)
        except InputError:
            raise
        except TimeoutError:
            raise InputError(url, f"timed out fetching {current}") from None
        except ssl.SSLError as exc:
            raise InputError(url, f"TLS error fetching {current}: {exc}") from None
        except (OSError, http.client.HTTPException) as exc:
            raise InputError(url, f"cannot fetch {current}: {_describe(exc)}") from None
        finally:
            conn.close()

    def _read(
        self,
        url: str,
        response: http.client.HTTPResponse,
        conn: http.client.HTTPConnection,
        headers: dict[str, str],
        deadline: float,
    ) -> bytes:
        cap = self.max_bytes
        length = headers.get("content-length", "").strip()
        if length.isdigit() and int(length) > cap:
            raise InputError(url, f"the page is {int(length):,} bytes, over the {cap:,}-byte cap")
        chunks: list[bytes] = []
        size = 0
        while True:
            if conn.sock is not None:
                conn.sock.settimeout(min(self.read_timeout, _left(url, deadline)))
            chunk = response.read1(_CHUNK)  # one recv: the deadline is checked between
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > cap:
                raise InputError(url, f"the page is over the {cap:,}-byte cap; refused")
            chunks.append(chunk)
            _left(url, deadline)


def _left(url: str, deadline: float) -> float:
    """Seconds left before ``deadline``; past it, the fetch has timed out."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise InputError(url, "timed out: the download took longer than the total time limit")
    return left


def _check_url(url: str, current: str, *, redirected: bool) -> None:
    try:
        parts = urlsplit(current)
    except ValueError as exc:
        raise InputError(url, f"invalid URL {current!r}: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme not in _SCHEMES:
        what = f"redirected to {current!r}" if redirected else f"a {scheme or 'relative'} URL"
        raise InputError(url, f"{what}: newskit fetches only http and https URLs; refused")
    if not parts.hostname:
        raise InputError(url, f"invalid URL {current!r}: no host")


def _content_type(value: str | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    media, *params = (p.strip() for p in value.split(";"))
    charset = None
    for param in params:
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset":
            charset = val.strip().strip("\"'").lower() or None
    return media.lower() or None, charset


def _decode_body(url: str, body: bytes, headers: dict[str, str], cap: int) -> bytes:
    encoding = headers.get("content-encoding", "").strip().lower()
    if encoding in ("", "identity"):
        return body
    if encoding in ("gzip", "x-gzip"):
        wbits = 16 + zlib.MAX_WBITS
    elif encoding == "deflate":  # zlib-wrapped, or raw as some servers send it
        wbits = zlib.MAX_WBITS if body[:1] == b"\x78" else -zlib.MAX_WBITS
    else:
        raise InputError(url, f"unsupported Content-Encoding {encoding!r}")
    decompressor = zlib.decompressobj(wbits)
    try:
        out = decompressor.decompress(body, cap + 1)
    except zlib.error as exc:
        raise InputError(url, f"the {encoding} body is damaged ({exc})") from None
    if len(out) > cap or decompressor.unconsumed_tail:
        raise InputError(url, f"the page decompresses to over the {cap:,}-byte cap; refused")
    return out


def _to_utf8(body: bytes, charset: str | None) -> bytes:
    """``body`` in the charset the server declared, as UTF-8 with a BOM, so that the
    readers (which honour a BOM first) use it; unchanged without a known charset, or
    when the body starts with a BOM of its own (which wins, as in browsers)."""
    if not charset or body.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return body
    try:
        text = body.decode(charset, errors="replace")
    except LookupError:
        return body
    return b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")


def _describe(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


def iter_inputs(
    paths: Iterable[str | os.PathLike[str]],
    *,
    fetcher: Fetcher | None,
    url: str | None = None,
    extensions: Collection[str] = (),
    stream_extensions: Collection[str] = (),
    limits: Limits | None = None,
) -> Iterator[Input | Article]:
    """:func:`newskit.inputs.iter_inputs`, with URLs fetched by ``fetcher``: every
    input in order, as an :class:`Input` or an error record. Without a fetcher, a URL
    gives an error record that says to pass ``--fetch``."""
    from . import inputs

    for path in paths:
        name = os.fspath(path)
        if fetcher is not None and is_url(name):
            try:
                yield fetcher.fetch(name)
            except InputError as exc:
                yield Article.failure(url_id(name), str(exc), url=name)
        else:
            yield from inputs.iter_inputs(
                [name],
                url=url,
                extensions=extensions,
                stream_extensions=stream_extensions,
                limits=limits,
            )
