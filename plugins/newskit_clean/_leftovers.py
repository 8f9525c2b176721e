"""Leftovers in a body that a reader already cut from a page's markup.

An HTML extractor keeps the article's container, and with it what sat inside: an
"Advertisement" label, "Read more: ..." links, a newsletter sign-up, share-button
labels, a photo credit. The dump heuristics of the ``furniture`` cleaner would also
remove a body's short paragraphs for their position, which in an extracted body are
article (a subheading, a list). Here only what says what it is goes: a paragraph whose
whole text is a furniture phrase (:mod:`._phrases`) that is never article text, a
teaser-list or comments heading, or an image caption or credit.
"""

from __future__ import annotations

from ._lines import Line
from ._phrases import END, HARD, HEADING

__all__ = ["CAPTION", "leftover_reasons"]

CAPTION = "image caption or credit"
_ALWAYS = frozenset({HARD, HEADING, END})


def leftover_reasons(lines: list[Line]) -> dict[int, str]:
    """The removal reason of each leftover line, by line index."""
    return {
        line.index: line.cue.reason
        for line in lines
        if line.cue is not None and (line.cue.kind in _ALWAYS or line.cue.reason == CAPTION)
    }
