"""The ``whitespace`` cleaner: normalise spacing and line breaks, never the words.

What it does, in order:

* line breaks: ``\\r\\n``, ``\\r``, NEL, LINE SEPARATOR, vertical tab and form feed become
  ``\\n``; PARAGRAPH SEPARATOR becomes a blank line;
* invisible characters: zero-width space, word joiner, byte-order mark, soft hyphen,
  Mongolian vowel separator and control characters are removed. Zero-width (non-)joiners
  are kept between two visible characters, where they shape Persian, Indic and emoji text,
  and removed elsewhere. Bidirectional marks are kept: they matter in Arabic and Hebrew;
* every other Unicode space (no-break space, thin space, ideographic space, tab, ...) is a
  plain space; runs of spaces collapse to one; lines are stripped;
* paragraphs are separated by exactly one blank line; single line breaks inside a block
  stay (a text dump keeps one block per line); the text is stripped.

The title gets the same treatment on one line; a title left empty becomes ``None``.
"""

from __future__ import annotations

import re

import attrs

import newskit

__all__ = ["clean_whitespace", "normalize_title", "normalize_whitespace"]

_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028]")
_PARAGRAPH_SEPARATOR = "\u2029"
# Always invisible and never part of a word.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u180e\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")
# Zero-width (non-)joiners: kept between two visible characters only.
_STRAY_JOINER = re.compile(r"(?:(?<=\s)|^)[\u200c\u200d]+|[\u200c\u200d]+(?=\s|$)", re.MULTILINE)
# Every horizontal space, including no-break, thin and ideographic spaces and tabs: a
# run of them, except a single plain space, which is left alone (most of the text).
_SPACE = "[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
_SPACES = re.compile(f"(?: {_SPACE}+|[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]{_SPACE}*)")
_BLANK_LINES = re.compile(r"\n{3,}")


def normalize_whitespace(text: str) -> str:
    """Return ``text`` with normalised whitespace and the same words."""
    if not text:
        return ""
    text = _LINE_BREAKS.sub("\n", text).replace(_PARAGRAPH_SEPARATOR, "\n\n")
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    if "\u200c" in text or "\u200d" in text:
        text = _STRAY_JOINER.sub("", text)
    lines = [line.strip(" ") for line in text.split("\n")]
    text = "\n".join(lines)
    return _BLANK_LINES.sub("\n\n", text).strip("\n ")


def normalize_title(title: str | None) -> str | None:
    """A title on one line with single spaces, or ``None`` if nothing is left."""
    if title is None:
        return None
    cleaned = " ".join(normalize_whitespace(title).split())
    return cleaned or None


def clean_whitespace(article: newskit.Article) -> newskit.Article:
    """The ``whitespace`` cleaner."""
    return attrs.evolve(
        article,
        text=normalize_whitespace(article.text),
        title=normalize_title(article.title),
    )
