"""HTML pages: the body through readability-lxml, metadata from the page's own tags."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
from readability import Document
from readability.readability import Unparseable

from ..components import Input
from ..errors import InputError
from ..model import Article, Source
from ._decode import declared_html_charset, decode
from ._htmlmeta import MetaTags

__all__ = ["article_from_html", "html_to_text", "read_html"]

# Elements whose start and end break the text into paragraphs.
_BLOCKS = frozenset(
    "address article aside blockquote body br dd details div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody "
    "td tfoot th thead tr ul".split()
)
_SKIP = frozenset("script style noscript template head svg math iframe object".split())
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def read_html(inp: Input) -> Iterator[Article]:
    """Reader entry: decode with the page's declared charset, then extract."""
    text = decode(inp.data, inp.name, declared=declared_html_charset(inp.data))
    yield article_from_html(text, id=inp.id, url=inp.url, name=inp.name)


def article_from_html(html: str, *, id: str, url: str | None = None, name: str = "") -> Article:
    """Extract one article from an HTML string.

    Raises :class:`~newskit.InputError` naming ``name`` when the page cannot be parsed
    or holds no article text.
    """
    name = name or id
    tree = _parse(html, name)
    meta = MetaTags(tree)
    page_url = url or meta.canonical_url()
    try:
        body = Document(tree, url=page_url).summary(html_partial=True)
    except Unparseable as exc:
        raise InputError(name, f"malformed HTML: readability could not parse it ({exc})") from None
    text = html_to_text(lxml.html.fragment_fromstring(body, create_parent="div"))
    if not text:
        raise InputError(
            name, "malformed HTML or no article in it: no body text could be extracted"
        )
    site = meta.site_name()
    extra = {
        k: v for k, v in (("description", meta.description()), ("image", meta.image(page_url))) if v
    }
    return Article(
        id=id,
        url=page_url,
        title=meta.title(site, _domain(page_url)),
        text=text,
        source=Source(name=site, domain=_domain(page_url), url=None, kind="publisher")
        if site
        else None,
        authors=meta.authors(),
        published=meta.published(),
        language=meta.language(),
        categories=meta.categories(),
        meta=extra,
    )


def _parse(html: str, name: str) -> lxml.html.HtmlElement:
    html = _XML_DECLARATION.sub("", html, count=1)
    if not html.strip():
        raise InputError(name, "empty file")
    try:
        return lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise InputError(name, f"malformed HTML: {exc}") from None


def html_to_text(root: lxml.html.HtmlElement) -> str:
    """Text of an element tree, with a paragraph break around every block element.

    Unlike lxml's ``text_content()``, words in adjacent paragraphs are never glued.
    Whitespace inside a paragraph collapses to single spaces; paragraphs are separated
    by a blank line.
    """
    paragraphs: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        joined = " ".join("".join(buffer).split())
        if joined:
            paragraphs.append(joined)
        buffer.clear()

    skipping: Any = None
    for event, el in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else None
        if skipping is not None:
            if event == "end" and el is skipping:
                skipping = None
                if el.tail:
                    buffer.append(el.tail)
            continue
        if event == "start":
            if tag is None or tag.lower() in _SKIP:
                skipping = el
                continue
            if tag.lower() in _BLOCKS:
                flush()
            if el.text:
                buffer.append(el.text)
        else:
            if tag.lower() in _BLOCKS:
                flush()
            if el.tail and el is not root:
                buffer.append(el.tail)
    flush()
    return "\n\n".join(paragraphs)


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return (host[4:] if host.startswith("www.") else host) or None
