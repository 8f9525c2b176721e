"""Fitting chosen sentences into a :class:`newskit.Length`, shared by all summarizers.

A summarizer ranks sentences; :func:`compose` takes them in rank order while they fit,
then prints them in their order in the article. The rules:

* at most ``length.sentences`` sentences (``None``: no limit);
* at most ``length.chars`` characters in all, counting the single spaces that join the
  sentences (``None``: no limit); sentences are taken whole, and the first sentence
  that does not fit ends the selection;
* if not even the best-ranked sentence fits, it is cut at a word boundary and ends
  with "…", so that a summary is never empty when the article is not;
* whitespace inside a sentence (line breaks from the page) becomes a single space.
"""

from __future__ import annotations

from collections.abc import Sequence

import newskit

__all__ = ["ELLIPSIS", "compose", "truncate"]

ELLIPSIS = "\u2026"
# Trailing characters dropped before the ellipsis, so a cut reads "the elite…" rather
# than "the elite, …".
_DANGLING = " \t\n,;:-\u2013\u2014([{\"'\u201c\u2018"


def compose(ranked: Sequence[newskit.Sentence], length: newskit.Length) -> str:
    """The summary text from ``ranked`` sentences, best first, within ``length``."""
    if not ranked:
        return ""
    texts = [_squash(s.text) for s in ranked]
    limit = length.sentences if length.sentences is not None else len(ranked)
    chosen: list[int] = []
    used = 0
    for index, text in enumerate(texts[:limit]):
        cost = len(text) + (1 if chosen else 0)
        if length.chars is not None and used + cost > length.chars:
            break
        chosen.append(index)
        used += cost
    if not chosen:  # only possible when the first sentence alone exceeds length.chars
        assert length.chars is not None
        return truncate(texts[0], length.chars)
    chosen.sort(key=lambda i: ranked[i].start)
    return " ".join(texts[i] for i in chosen)


def truncate(text: str, chars: int) -> str:
    """``text`` cut to at most ``chars`` characters at a word boundary, ending in "…".

    A single word longer than the budget is cut inside the word.
    """
    if len(text) <= chars:
        return text
    budget = chars - len(ELLIPSIS)
    if budget <= 0:
        return ELLIPSIS[:chars]
    cut = text[:budget]
    if not text[budget].isspace():  # the cut falls inside a word: drop that word
        space = cut.rfind(" ")
        if space > 0:
            cut = cut[:space]
    cut = cut.rstrip(_DANGLING) or text[:budget]
    return cut + ELLIPSIS


def _squash(text: str) -> str:
    return " ".join(text.split())
