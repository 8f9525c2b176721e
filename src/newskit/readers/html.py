"""HTML pages: the body through readability-lxml, metadata from the page's own tags."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import lxml.etree
import lxml.html

from ..components import Input
from ..errors import InputError
from ..model import READ_STEP, Article, Source
from ._decode import declared_html_charset, decode
from ._extract import article_blocks, blocks
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

    Raises :class:`~newskit.InputError` naming ``name`` when the page cannot be parsed.
    A page with no article text (an index page, a login wall) gives an article with an
    empty body and a ``read`` warning that says why.
    """
    name = name or id
    tree = _parse(html, name)
    meta = MetaTags(tree)
    page_url = url or meta.canonical_url()
    found, problem = article_blocks(tree)
    text = "\n\n".join(block.text for block in found)
    site = meta.site_name()
    extra = {"extractor": "html"} | {
        k: v for k, v in (("description", meta.description()), ("image", meta.image(page_url))) if v
    }
    article = Article(
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
    return article.with_warning(READ_STEP, f"{name}: {problem}") if problem else article


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
    return "\n\n".join(block.text for block in blocks(root))


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return (host[4:] if host.startswith("www.") else host) or None
