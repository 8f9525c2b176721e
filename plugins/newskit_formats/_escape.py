"""Escaping hostile article content for Markdown.

Article text comes from arbitrary web pages. Everything taken from an article goes
through these helpers, so that nothing in it can become markup when the report is
rendered, whether the renderer allows raw HTML or not:

- ``<``, ``>`` and ``&`` become the entities ``&lt;``, ``&gt;``, ``&amp;``: no raw
  HTML, no autolinks, no entity tricks. Entities work in every renderer, while a
  backslash before ``<`` is not an escape in Python-Markdown.
- The inline syntax characters ``\\ ` * _ [ ] { }`` are backslash-escaped (both
  CommonMark and Python-Markdown honour these escapes), so no link, image, emphasis,
  code span or attribute list (``{: onclick=…}``) can form. ``~`` and ``|``
  (strikethrough, tables) become entities, as Python-Markdown has no escape for them.
- Block syntax only counts at the start of a line: leading blanks are dropped (no
  indented code blocks) and a leading ``# + - = ! :`` or list number is neutralised
  (``:`` starts a definition in Python-Markdown's ``def_list``).

Links are only ever emitted by the report itself, for ``http``/``https`` URLs, as
autolinks whose visible text is the target. Any other URL is shown as plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import quote, urlsplit

from newskit import Lexicon

__all__ = [
    "emphasize",
    "heading_text",
    "inline",
    "link",
    "one_line",
    "paragraphs",
    "safe_url",
]

_INLINE = re.compile(r"[\\`*_\[\]{}<>&~|]")
_REPLACE = {"<": "&lt;", ">": "&gt;", "&": "&amp;", "~": "&#126;", "|": "&#124;"}
_LINE_START = {"#": "\\#", "+": "\\+", "-": "\\-", "!": "\\!", "=": "&#61;", ":": "&#58;"}
_LIST_NUMBER = re.compile(r"^(\d{1,9})([.)])")
_SPACE = re.compile(r"\s+")

_LINK_SCHEMES = frozenset({"http", "https"})
# Kept as they are in a link; everything else (blanks, quotes, <>, `, \, non-ASCII)
# is percent-encoded. "%" stays so that existing escapes are not encoded twice.
_URL_SAFE = "!#$%&()*+,/:;=?@[]~-._"


def inline(text: str) -> str:
    """``text`` with every Markdown and HTML syntax character made literal."""
    return _INLINE.sub(lambda m: _REPLACE.get(m.group(), "\\" + m.group()), text)


def _guard_start(line: str) -> str:
    """Neutralise block syntax (heading, list, setext underline) at a line's start."""
    if line and line[0] in _LINE_START:
        return _LINE_START[line[0]] + line[1:]
    return _LIST_NUMBER.sub(r"\1\\\2", line, count=1)


def one_line(text: str) -> str:
    """``text`` on one line (blanks collapsed), escaped, safe at the start of a line."""
    return _guard_start(inline(_SPACE.sub(" ", text).strip()))


def heading_text(text: str) -> str:
    """One-line escaped text for a heading; ``#`` is escaped everywhere, as a trailing
    ``#`` run would otherwise be dropped as a closing sequence."""
    pieces = _SPACE.sub(" ", text).strip().split("#")
    return _guard_start("\\#".join(inline(piece) for piece in pieces))


def paragraphs(text: str) -> str:
    """Multi-line ``text`` escaped line by line; runs of blank lines become one."""
    lines: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if line:
            lines.append(_guard_start(inline(line)))
        elif lines and lines[-1]:
            lines.append("")
    return "\n".join(lines).strip("\n")


def safe_url(url: str | None) -> str | None:
    """``url`` ready for an autolink ``<…>`` if it is http(s), else ``None``."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in _LINK_SCHEMES or not parts.netloc:
        return None
    return quote(url, safe=_URL_SAFE)


def link(url: str | None) -> str:
    """An autolink for an http(s) ``url``, otherwise the URL as escaped text."""
    target = safe_url(url)
    if target is not None:
        return f"<{target}>"
    return one_line(url or "")


@lru_cache(maxsize=1024)
def _lexicon(term: str) -> Lexicon | None:
    try:
        return Lexicon([term])
    except ValueError:
        return None


def _spans(text: str, term: str) -> list[tuple[int, int]]:
    """Where ``term`` (a lexicon term such as ``elit*``, or plain words) occurs."""
    found: list[tuple[int, int]] = []
    lexicon = _lexicon(term)
    if lexicon is not None:
        found = [(m.start, m.end) for m in lexicon.find(text)]
    if found:
        return found
    literal = term.strip().strip("*").strip()
    if not literal:
        return []
    return [(m.start(), m.end()) for m in re.finditer(re.escape(literal), text, re.IGNORECASE)]


def emphasize(text: str, terms: Iterable[str]) -> str:
    """``text`` on one line and escaped, with each occurrence of ``terms`` in bold."""
    text = _SPACE.sub(" ", text).strip()
    found = sorted(s for term in dict.fromkeys(terms) for s in _spans(text, term) if s[1] > s[0])
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:  # overlapping or touching: one bold run
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    out: list[str] = []
    pos = 0
    for start, end in merged:
        out.append(inline(text[pos:start]))
        out.append(f"**{inline(text[start:end])}**")
        pos = end
    out.append(inline(text[pos:]))
    return _guard_start("".join(out))
