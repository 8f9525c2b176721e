"""The article body of an HTML page: prune the tree, run readability-lxml, clean its output.

readability-lxml finds the article's container well but is slow on full pages and keeps
some furniture inside that container. Around it, without forking it:

1. ``prune`` drops, in one pass over the tree, what can never be article text: scripts,
   styles, comments, forms, navigation, hidden elements, and blocks whose class or id
   names furniture (share bars, newsletters, related links), unless they hold the prose.
   The same pass does readability's first step (its "unlikely candidates"), in a way
   that can be undone for readability's second, lenient try.
2. ``_Readability`` skips readability's own cleaning and link rewriting, which the pruning
   made redundant and which took half its time.
3. ``blocks`` (in ``_blocks``) turns readability's output into paragraphs that know their
   link density, and ``keep`` drops those that are mostly link text: teasers and menus
   that sat inside the article's container.
4. The headline is left out of the body, and when readability finds no article, the
   longest run of prose in the pruned page is the fallback.
"""

from __future__ import annotations

import copy
import itertools
import re
from collections.abc import Iterable
from typing import Any

import lxml.etree
import lxml.html
from attrs import frozen
from readability import Document
from readability.readability import REGEXES as _READABILITY
from readability.readability import Unparseable

from ._blocks import Block, blocks, keep

__all__ = ["MIN_ARTICLE_WORDS", "SHORT_ARTICLE_WORDS", "article_blocks", "prune", "restore"]

# Elements that never hold article text.
_DROP = frozenset(
    "script style noscript template svg canvas iframe object embed video audio source track "
    "button select option textarea input label link meta head title base map area "
    "dialog menu".split()
)
# Page regions that hold furniture unless the article itself sits inside them.
_REGIONS = frozenset("nav aside footer form header figure figcaption".split())
_ROLES = frozenset(
    "navigation banner contentinfo complementary search menu menubar dialog alert".split()
)
# Class or id words that name furniture.
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|social|newsletter|related|breadcrumbs?|advert\w*|ads?|"
    r"promo\w*|subscri\w+|cookies?|popup|modal|comments?|sidebar|recommend\w*|trending|"
    r"most-?(?:read|popular)|popular|outbrain|taboola|toolbar|byline|author-?bio|"
    r"signup|paywall|masthead|skip|sponsor\w*|caption|credits?|photo-?credit|widget)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
_EMBEDDED_POST = re.compile(r"twitter-tweet|instagram-media|tiktok-embed|reddit-card", re.I)
_HIDDEN_STYLE = re.compile(r"(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.IGNORECASE)
# An element holding at least this much paragraph text is never pruned as a region.
_PROSE_CHARS = 400
#: Below this many words of text, a page holds no article (menus, a login wall).
MIN_ARTICLE_WORDS = 10
#: Below this many, the text is kept with a warning that it may be no article.
SHORT_ARTICLE_WORDS = 25
_PROSE_WORDS = 12
_WORD = re.compile(r"\w+")

_PROTECTED = lxml.etree.XPath(
    "ancestor-or-self::pre | ancestor-or-self::code | descendant-or-self::main"
    " | descendant-or-self::article | descendant-or-self::math"
)
_TEXT_LENGTH = lxml.etree.XPath("string-length(string())")
_LINK_TEXTS = lxml.etree.XPath(".//a//text()")


def _prose_chars(el: Any) -> int:
    """Characters of text in ``el`` that are not link text."""
    return int(_TEXT_LENGTH(el)) - sum(map(len, _LINK_TEXTS(el)))


def _holds_embedded_post(el: Any) -> bool:
    return any(_EMBEDDED_POST.search(q.get("class", "")) for q in el.iter("blockquote"))


def _neutralise_embedded_post(quote: Any) -> None:
    """A quoted post's text is part of the article, but readability drops it, and the
    wrappers sites put around it, for class names like "tweet" and "social-media".
    Rename the quote, and each wrapper that holds little but the quote."""
    quote.set("class", "embedded-post")
    size = len(quote.text_content())
    for wrapper in quote.iterancestors():
        if wrapper.tag in ("body", "article", "main") or (len(wrapper.text_content()) > size + 200):
            break
        wrapper.set("class", "embedded-post")
        wrapper.attrib.pop("id", None)


def _is_hidden(el: Any) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


@frozen
class _Unlikely:
    """An element readability's "unlikely candidate" rule took out, and where it was."""

    parent: Any
    index: int
    element: Any


def prune(root: lxml.html.HtmlElement) -> list[_Unlikely]:
    """Drop, in place, every element that cannot be article text (see the module doc).

    Also applies readability's own first, "ruthless" step, which drops elements whose
    class or id looks unlikely to hold the article ("comment", "sidebar", "footer"),
    in the same pass. Those removals are returned, so that ``restore`` can undo them
    when the article is not found without them, as readability's retry does.
    """
    doomed: list[Any] = []
    unlikely: list[Any] = []
    walk = lxml.etree.iterwalk(root, events=("start", "comment", "pi"))
    for _, el in walk:
        tag = el.tag
        if not isinstance(tag, str):  # comments, processing instructions, entities
            doomed.append(el)
            continue
        tag = tag.lower()
        if tag in _DROP:
            doomed.append(el)
            walk.skip_subtree()
            continue
        region = tag in _REGIONS
        if el.keys():  # most elements have no attributes: skip the lookups
            if _is_hidden(el):
                doomed.append(el)
                walk.skip_subtree()
                continue
            names = f"{el.get('class', '')} {el.get('id', '')}"
            if tag == "blockquote" and _EMBEDDED_POST.search(names):
                _neutralise_embedded_post(el)
                walk.skip_subtree()
                continue
            region = region or el.get("role") in _ROLES or bool(_FURNITURE.search(names))
            if not region and _unlikely(el, tag, names):
                unlikely.append(el)
                walk.skip_subtree()
                continue
        if (
            region
            and tag not in ("html", "body")
            and _prose_chars(el) < _PROSE_CHARS
            and not _holds_embedded_post(el)
        ):
            doomed.append(el)
            walk.skip_subtree()
    for el in doomed:
        _remove(el)
    removed = []
    for el in unlikely:
        parent = el.getparent()
        if el.tail and el.tail.strip():
            el.drop_tree()  # its tail is article text: keep it, and the removal is final
        else:
            removed.append(_Unlikely(parent, parent.index(el), el))
            parent.remove(el)
    return removed


def restore(removed: list[_Unlikely]) -> None:
    """Put back what ``prune`` returned, each element where it was."""
    for item in reversed(removed):
        item.parent.insert(item.index, item.element)


def _unlikely(el: Any, tag: str, names: str) -> bool:
    """readability's unlikely-candidate rule, with its own patterns. Embedded posts are
    spared: their wrappers are often named "twitter"."""
    return (
        len(names) >= 2
        and _READABILITY["unlikelyCandidatesRe"].search(names) is not None
        and _READABILITY["okMaybeItsACandidateRe"].search(names) is None
        and tag not in ("html", "body")
        and not _PROTECTED(el)
        and not _holds_embedded_post(el)
    )


def _remove(el: Any) -> None:
    parent = el.getparent()
    if parent is None:
        return
    if el.tail and el.tail.strip():
        el.drop_tree()  # keeps the tail text in place
    else:
        parent.remove(el)


#: How many levels above a div readability's quote lead-in test looks (see
#: ``_Readability.is_quote_lead``).
QUOTE_LEAD_LEVELS = 4


class _Readability(Document):
    """readability-lxml over an already pruned tree.

    ``Document._parse`` runs lxml's Cleaner and rewrites every link to an absolute URL;
    the pruning did the first and plain text needs neither. Its tree is a copy, because
    readability changes the tree it works on and the fallbacks need the pruned page.
    """

    def __init__(self, tree: Any) -> None:
        # No retry inside readability: ``prune`` applied its ruthless step already,
        # and ``article_blocks`` retries without it when the article comes out short.
        super().__init__(tree, retry_length=0)

    def _parse(self, input: Any) -> Any:
        return copy.deepcopy(input)

    def remove_unlikely_candidates(self) -> None:
        """Done by ``prune``, in its single pass over the page."""

    def is_quote_lead(self, elem: Any) -> bool:
        """Whether ``elem`` introduces a quote ("He wrote:" before a blockquote), so that
        readability keeps it. readability asks this of every div, walking all its
        ancestors and searching each one's next sibling: cubic in the nesting depth,
        20 s for a crafted page of 512 nested divs. A lead-in sits within a few levels
        of its quote, so only ``QUOTE_LEAD_LEVELS`` levels are walked."""
        for lead in itertools.islice(
            itertools.chain((elem,), elem.iterancestors()), QUOTE_LEAD_LEVELS
        ):
            following = lead.getnext()
            if following is None or following.find(".//blockquote") is None:
                continue
            text = " ".join((lead.text_content() or "").split())
            if len(text) >= self.min_text_length and text.endswith(":"):
                return True
        return False

    article: Any = None

    def get_clean_html(self) -> str:
        # readability strips presentational attributes here with a slow regex loop and
        # returns a string, which would have to be parsed again. Keep the element; the
        # string only serves readability's own length check.
        self.article = self.html
        return lxml.html.tostring(self.html, encoding="unicode")


def _words(found: list[Block]) -> int:
    return sum(len(_WORD.findall(block.text)) for block in found)


def _densest_run(found: list[Block]) -> list[Block]:
    """The longest stretch of prose blocks, allowing short blocks (subheads) between.

    The fallback when readability picks a container with no article in it: on a page
    readability misjudges, the article is still the longest run of real paragraphs.
    """
    best: list[Block] = []
    run: list[Block] = []
    gap = 0
    for block in found:
        if block.link_density < 0.5 and len(_WORD.findall(block.text)) >= _PROSE_WORDS:
            run.append(block)
            gap = 0
        elif run and gap < 2 and block.link_density < 0.5:
            run.append(block)
            gap += 1
        else:
            run, gap = [], 0
        if _words(run) > _words(best):
            best = list(run)
    return best


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def drop_headline(found: list[Block], titles: Iterable[str | None]) -> list[Block]:
    """``found`` without the headline printed above the article: a block before the
    first paragraph of prose whose words are those of a title (the page's own, or its
    start, as in "Headline | Site")."""
    keys = [k for k in (_key(t) for t in titles if t) if k]
    if not keys:
        return found
    out: list[Block] = []
    for i, block in enumerate(found):
        if len(_WORD.findall(block.text)) >= _PROSE_WORDS:
            return out + found[i:]
        key = _key(block.text)
        if not any(key == k or (len(key) > 20 and k.startswith(key)) for k in keys):
            out.append(block)
    return out


def _readability_blocks(tree: lxml.html.HtmlElement) -> list[Block]:
    try:
        readability = _Readability(tree)
        readability.summary(html_partial=True)
    except (Unparseable, lxml.etree.ParserError, ValueError):
        return []
    return keep(blocks(readability.article))


def article_blocks(
    tree: lxml.html.HtmlElement, titles: Iterable[str | None] = ()
) -> tuple[list[Block], str | None]:
    """The article's paragraphs in a parsed page, or none and the reason why.

    The tree is pruned in place. The headline, when it repeats one of ``titles``, is
    left out: it is the article's title, not its body. When readability finds no
    article (or fails), the longest run of prose paragraphs in the pruned page is the
    fallback. A page with fewer than ``MIN_ARTICLE_WORDS`` words of article text has
    no article; one with fewer than ``SHORT_ARTICLE_WORDS`` keeps its text with a
    warning.
    """
    unlikely = prune(tree)
    found = drop_headline(_readability_blocks(tree), titles)
    if unlikely and _words(found) < SHORT_ARTICLE_WORDS:
        restore(unlikely)
        retry = drop_headline(_readability_blocks(tree), titles)
        if _words(retry) > _words(found):
            found = retry
    if _words(found) < SHORT_ARTICLE_WORDS:
        fallback = _densest_run(blocks(tree))
        if _words(fallback) > _words(found):
            found = fallback
    words = _words(found)
    if words < MIN_ARTICLE_WORDS:
        return [], (
            f"no article found: {words} words of article text, fewer than "
            f"{MIN_ARTICLE_WORDS} (an index page, a login wall or a frameset?)"
        )
    if words < SHORT_ARTICLE_WORDS:
        return found, f"only {words} words of article text: this may be no article"
    return found, None
