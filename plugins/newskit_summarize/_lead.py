"""The ``lead`` summarizer: the first sentences of the article body."""

from __future__ import annotations

import newskit

from ._fit import compose

__all__ = ["lead"]


def lead(article: newskit.Article, length: newskit.Length) -> str:
    """The first ``length.sentences`` sentences of ``article.text`` that fit in
    ``length.chars``, joined by single spaces.

    News puts the essentials first, so the lead is the baseline every other
    summarizer has to beat. The title is not used: it is not part of the body.
    """
    return compose(newskit.split_sentences(article.text), length)
