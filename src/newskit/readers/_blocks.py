"""An HTML element's text as paragraphs that know how much of them is link text."""

from __future__ import annotations

import re
from typing import Any

import lxml.etree
from attrs import frozen

__all__ = ["Block", "blocks", "keep"]

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd details div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody "
    "td tfoot th thead tr ul".split()
)
_SKIP_TAGS = frozenset("script style noscript template head svg math iframe object".split())
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_SPACE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")


@frozen
class Block:
    """A paragraph of the article: its text, how much of it is link text, and its tag."""

    text: str
    link_chars: int
    tag: str

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


def blocks(root: Any) -> list[Block]:
    """The paragraphs under ``root``: a new one at every block element's start and end."""
    out: list[Block] = []
    parts: list[str] = []
    link_parts: list[str] = []
    in_link = 0
    tag_of_block = "p"

    def flush() -> None:
        text = _SPACE.sub(" ", "".join(parts)).strip()
        if text:
            links = len(_SPACE.sub(" ", "".join(link_parts)).strip())
            out.append(Block(text, min(links, len(text)), tag_of_block))
        parts.clear()
        link_parts.clear()

    skipping: Any = None
    for event, el in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        if skipping is not None:
            if event == "end" and el is skipping:
                skipping = None
                _add(el.tail, parts, link_parts, in_link)
            continue
        if event == "start":
            if tag is None or tag in _SKIP_TAGS:
                skipping = el
                continue
            if tag in _BLOCK_TAGS:
                flush()
                tag_of_block = tag
            elif tag == "a":
                in_link += 1
            _add(el.text, parts, link_parts, in_link)
        else:
            if tag in _BLOCK_TAGS:
                flush()
            elif tag == "a":
                in_link -= 1
            if el is not root:
                _add(el.tail, parts, link_parts, in_link)
    flush()
    return out


def _add(text: str | None, parts: list[str], link_parts: list[str], in_link: int) -> None:
    if text:
        parts.append(text)
        if in_link:
            link_parts.append(text)


def keep(found: list[Block]) -> list[Block]:
    """The blocks that are article text: all but link-list items (see the module doc)."""
    return [block for block in found if not _link_list_item(block)]


def _link_list_item(block: Block) -> bool:
    """Mostly link text, and neither a heading nor a bare address: a teaser or menu item.

    Measured on AEB, these rules were tried and left out because they cost more recall
    than they gained precision: dropping repeated blocks, caption-like blocks, and short
    unpunctuated blocks before or after the prose.
    """
    if block.link_density <= 0.5 or block.tag in _HEADINGS:
        return False
    return not block.text.startswith(("http://", "https://", "www."))
