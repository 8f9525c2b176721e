"""HTML pages: the body through readability-lxml, metadata from the page's own tags."""

from __future__ import annotations

import itertools
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
#: Elements read from one page at most; the rest is dropped with a warning.
MAX_ELEMENTS = 30_000
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
    tree, problems = _parse(html, name)
    meta = MetaTags(tree)
    page_url = url or meta.canonical_url()
    site = meta.site_name()
    title = meta.title(site, _domain(page_url))
    found, problem = article_blocks(tree, titles=(title, tree.findtext(".//title")))
    text = "\n\n".join(block.text for block in found)
    extra = {"extractor": "html"} | {
        k: v for k, v in (("description", meta.description()), ("image", meta.image(page_url))) if v
    }
    article = Article(
        id=id,
        url=page_url,
        title=title,
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
    for message in [*problems, f"{name}: {problem}"] if problem else problems:
        article = article.with_warning(READ_STEP, message)
    return article


def _parse(html: str, name: str) -> tuple[lxml.html.HtmlElement, list[str]]:
    """The page's tree, and what had to be left out of it to read it in bounded time.

    libxml2 silently stops at 256 levels of nesting and at text nodes over 10 MB (a
    big inline script), losing the rest of the page; ``huge_tree`` lifts those limits
    to 2,048 levels and none. Past ``MAX_ELEMENTS`` elements (a real page has a few
    thousand), the rest of the page is dropped so that extraction stays fast.
    """
    html = _XML_DECLARATION.sub("", html, count=1)
    if not html.strip():
        raise InputError(name, "empty file")
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        tree = lxml.html.document_fromstring(html, parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise InputError(name, f"malformed HTML: {exc}") from None
    problems = []
    if any(e.type == lxml.etree.ErrorTypes.ERR_RESOURCE_LIMIT for e in parser.error_log):
        problems.append(f"{name}: tags nested too deep; the page was read down to 2,048 levels")
    if _truncate(tree, MAX_ELEMENTS):
        problems.append(
            f"{name}: over {MAX_ELEMENTS:,} elements; only the first {MAX_ELEMENTS:,} were read"
        )
    return tree, problems


def _truncate(tree: lxml.html.HtmlElement, limit: int) -> bool:
    """Drop the ``limit``-th element and everything after it, in document order."""
    last = next(itertools.islice(tree.iter(), limit, None), None)
    if last is None:
        return False
    node = last
    while (parent := node.getparent()) is not None:
        for sibling in list(node.itersiblings()):
            parent.remove(sibling)
        node = parent
    last.getparent().remove(last)
    return True


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
