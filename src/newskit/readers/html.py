"""HTML pages: the body through readability-lxml, metadata from the page's own tags."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

import lxml.etree
import lxml.html

from ..components import Input
from ..errors import InputError
from ..language import detect_language
from ..limits import MAX_ELEMENTS, PARSER_MAX_DEPTH, Limits
from ..model import READ_STEP, Article
from ._blocks import blocks
from ._decode import declared_html_charset, decode
from ._extract import article_blocks
from ._htmlmeta import page_metadata

__all__ = ["MAX_ELEMENTS", "article_from_html", "html_to_text", "read_html"]

# Every element as a plain HtmlElement, chosen in C. lxml.html's own lookup picks
# special classes for forms and inputs in Python, once per element proxy: a tenth of
# the extraction's time, for methods nothing here uses.
_LOOKUP = lxml.etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement,
    comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)
_COUNT_ELEMENTS = lxml.etree.XPath("count(//*)")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# Characters libxml2 parses into text but lxml refuses to set as text: a page holding
# one made readability fail (with a traceback on stderr) and lose the article.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_NOT_XML_SPACE = re.compile("[\x0b\x0c]")


def read_html(inp: Input) -> Iterator[Article]:
    """Reader entry: decode with the page's declared charset, then extract."""
    text = decode(inp.data, inp.name, declared=declared_html_charset(inp.data))
    yield article_from_html(text, id=inp.id, url=inp.url, name=inp.name)


def article_from_html(
    html: str,
    *,
    id: str,
    url: str | None = None,
    name: str = "",
    limits: Limits | None = None,
) -> Article:
    """Extract one article from an HTML string.

    Raises :class:`~newskit.InputError` naming ``name`` when the page cannot be parsed.
    A page with no article text (an index page, a login wall) gives an article with an
    empty body and a ``read`` warning that says why. Elements past ``limits.max_elements``
    or nested deeper than ``limits.max_depth`` (default: :meth:`Limits.current`) are
    dropped, with a warning.
    """
    name = name or id
    tree, problems = _parse(html, name, limits if limits is not None else Limits.current())
    meta = page_metadata(tree, url=url)  # before pruning takes bylines and scripts away
    page_url = url or meta.canonical_url
    found, problem = article_blocks(tree, titles=(meta.title, meta.page_title))
    if problem and tree.find(".//frameset") is not None:
        frames = [f.get("src") for f in tree.iter("frame") if f.get("src")]
        listed = ", ".join(frames[:5]) or "none named"
        problem = f"a frameset page: its text is in its frames ({listed}); read those pages"
    text = "\n\n".join(block.text for block in found)
    extra = {"extractor": "html"} | {
        key: value
        for key, value in (
            ("canonical_url", meta.canonical_url),
            ("description", meta.description),
            ("image", meta.image),
        )
        if value
    }
    article = Article(
        id=id,
        url=page_url,
        title=meta.title,
        text=text,
        source=meta.source,
        authors=meta.authors,
        published=meta.published,
        language=detect_language(text, meta.declared_language),
        categories=meta.categories,
        meta=extra,
    )
    for message in [*problems, f"{name}: {problem}"] if problem else problems:
        article = article.with_warning(READ_STEP, message)
    return article


def _parse(html: str, name: str, limits: Limits) -> tuple[lxml.html.HtmlElement, list[str]]:
    """The page's tree, and what had to be left out of it to read it in bounded time.

    libxml2 silently stops at 256 levels of nesting and at text nodes over 10 MB (a
    big inline script), losing the rest of the page; ``huge_tree`` lifts those limits
    to 2,048 levels and none. Elements nested deeper than ``limits.max_depth`` (512
    unless set) are dropped: readability's time grows with the square of the depth.
    Past ``limits.max_elements`` elements (a real page has a few thousand), the rest
    of the page is dropped so that extraction stays fast.
    """
    html = _XML_DECLARATION.sub("", html, count=1)
    if _NOT_XML.search(html):  # form feeds become spaces; the rest is dropped
        html = _NOT_XML.sub("", _NOT_XML_SPACE.sub(" ", html))
    if not html.strip():
        raise InputError(name, "empty file")
    parser = lxml.html.HTMLParser(huge_tree=True)
    parser.set_element_class_lookup(_LOOKUP)
    try:
        tree = lxml.html.document_fromstring(html, parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise InputError(name, f"malformed HTML: {exc}") from None
    problems = []
    if any(e.type == lxml.etree.ErrorTypes.ERR_RESOURCE_LIMIT for e in parser.error_log):
        problems.append(
            f"{name}: tags nested too deep; the page was read down to {PARSER_MAX_DEPTH:,} "
            "levels (libxml2's ceiling), and the rest of it was lost"
        )
    depth = limits.max_depth
    if depth < PARSER_MAX_DEPTH and _prune_deeper(tree, depth):
        problems.append(
            f"{name}: tags nested deeper than {depth:,} levels; the elements below that "
            f"were not read ({Limits.hint('max_depth')})"
        )
    most = limits.max_elements
    if _truncate(tree, most):
        problems.append(
            f"{name}: over {most:,} elements; only the first {most:,} were read "
            f"({Limits.hint('max_elements')})"
        )
    return tree, problems


@functools.lru_cache(maxsize=8)
def _at_depth(depth: int) -> lxml.etree.XPath:
    """The elements ``depth`` levels down (the root element is at level 1)."""
    return lxml.etree.XPath("/*" * depth)


def _prune_deeper(tree: lxml.html.HtmlElement, depth: int) -> bool:
    """Drop every element nested deeper than ``depth`` levels; True when there was one."""
    deeper = _at_depth(depth + 1)(tree)
    for element in deeper:
        element.drop_tree()  # keeps its tail text, which belongs to its parent
    return bool(deeper)


def _truncate(tree: lxml.html.HtmlElement, limit: int) -> bool:
    """Drop the ``limit``-th element and everything after it, in document order."""
    if _COUNT_ELEMENTS(tree) <= limit:  # counted in C; most pages stop here
        return False
    last = next(itertools.islice(tree.iter(), limit, None))
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
