"""Plain text: a page's text dump as a crawler saved it, or a clean article body."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..components import Input
from ..errors import InputError
from ..language import MAX_CHARS, detect_language
from ..model import Article
from ._decode import decode

__all__ = ["article_from_text", "read_text"]

# Control characters (Unicode category Cc) but tab, line feed, vertical tab, form feed.
_CONTROL = re.compile("[\x00-\x08\x0d-\x1f\x7f-\x9f]")
# Share of control characters above which decoded "text" is really binary data.
_MAX_CONTROL_SHARE = 0.01


def read_text(inp: Input) -> Iterator[Article]:
    """Reader entry: decode, normalise line ends, keep everything else for the cleaners."""
    yield article_from_text(decode(inp.data, inp.name), id=inp.id, url=inp.url, name=inp.name)


def article_from_text(
    text: str, *, id: str, url: str | None = None, title: str | None = None, name: str = ""
) -> Article:
    """An article whose text is ``text`` as given: cleaners decide what is furniture.

    Raises :class:`~newskit.InputError` when the text is empty or is binary data.
    """
    name = name or id
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise InputError(name, "empty input: there is no text in it")
    sample = text[:20000]
    if len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise InputError(name, "binary data (control characters), not HTML, text or JSONL")
    return Article(id=id, url=url, title=title, text=text, language=_language(text))


def _language(text: str) -> str | None:
    """The language of a dump's prose: its longest lines (menus are short, and often in
    the site's default language), up to what the detector reads."""
    lines = sorted(
        (line for line in text.split("\n", 2000) if len(line) > 40), key=len, reverse=True
    )
    sample, size = [], 0
    for line in lines[:20]:
        sample.append(line)
        size += len(line)
        if size >= MAX_CHARS:
            break
    return detect_language(" ".join(sample))
