"""``textrank`` and ``lexrank``: sentences ranked by their centrality in a similarity graph.

* TextRank (Mihalcea & Tarau 2004): two sentences are linked by the content words they
  share, divided by the logs of their lengths; a sentence's rank is its weighted
  PageRank (damping 0.85).
* LexRank (Erkan & Radev 2004): sentences are TF-IDF vectors (IDF over the article's own
  sentences); two are linked when their cosine similarity exceeds 0.1; a sentence's rank
  is its PageRank in that graph.

Both rank at most the first ``MAX_SENTENCES`` sentences, so that a text of 100,000
sentences takes bounded time (the graph grows with the square of its size). Ties go to
the earlier sentence, and the chosen sentences are printed in article order.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

import newskit

from ._fit import compose
from ._words import content_words

__all__ = ["MAX_SENTENCES", "lexrank", "lexrank_scores", "textrank", "textrank_scores"]

#: Only the first this many sentences of an article are ranked.
MAX_SENTENCES = 400
DAMPING = 0.85
LEXRANK_THRESHOLD = 0.1
_ITERATIONS = 100
_TOLERANCE = 1e-8


def _matrix(sentences: Sequence[newskit.Sentence]) -> tuple[np.ndarray, list[list[str]]]:
    """Term counts, one row per sentence, one column per content word."""
    words = [content_words(s.text) for s in sentences]
    vocabulary: dict[str, int] = {}
    for ws in words:
        for w in ws:
            vocabulary.setdefault(w, len(vocabulary))
    counts = np.zeros((len(sentences), max(len(vocabulary), 1)))
    for row, ws in enumerate(words):
        for w in ws:
            counts[row, vocabulary[w]] += 1
    return counts, words


def _pagerank(weights: np.ndarray) -> np.ndarray:
    """PageRank of a weighted undirected graph; a sentence with no links keeps the
    teleport share only."""
    n = len(weights)
    np.fill_diagonal(weights, 0.0)
    out = weights.sum(axis=1)
    # Rows of isolated sentences spread evenly, so the ranks still sum to one.
    transition = np.where(out[:, None] > 0, weights / np.maximum(out, 1e-12)[:, None], 1.0 / n)
    rank = np.full(n, 1.0 / n)
    for _ in range(_ITERATIONS):
        new = (1 - DAMPING) / n + DAMPING * transition.T @ rank
        if np.abs(new - rank).sum() < _TOLERANCE:
            return new
        rank = new
    return rank


def textrank_scores(sentences: Sequence[newskit.Sentence]) -> list[float]:
    """TextRank of each sentence (see the module doc)."""
    if len(sentences) < 2:
        return [1.0] * len(sentences)
    counts, words = _matrix(sentences)
    present = (counts > 0).astype(float)
    shared = present @ present.T
    logs = np.array([math.log(len(set(ws))) if len(set(ws)) > 1 else 0.0 for ws in words])
    norm = logs[:, None] + logs[None, :]
    weights = np.divide(shared, norm, out=np.zeros_like(shared), where=norm > 0)
    return _pagerank(weights).tolist()


def lexrank_scores(sentences: Sequence[newskit.Sentence]) -> list[float]:
    """LexRank of each sentence (see the module doc)."""
    if len(sentences) < 2:
        return [1.0] * len(sentences)
    counts, _ = _matrix(sentences)
    idf = np.log(len(sentences) / np.maximum((counts > 0).sum(axis=0), 1))
    vectors = counts * idf
    norms = np.linalg.norm(vectors, axis=1)
    vectors = np.divide(
        vectors, norms[:, None], out=np.zeros_like(vectors), where=norms[:, None] > 0
    )
    cosine = vectors @ vectors.T
    return _pagerank((cosine > LEXRANK_THRESHOLD).astype(float)).tolist()


def _ranked(sentences: list[newskit.Sentence], scores: list[float]) -> list[newskit.Sentence]:
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    return [sentences[i] for i in order]


def textrank(article: newskit.Article, length: newskit.Length) -> str:
    """The ``textrank`` summarizer: the most central sentences, in article order."""
    sentences = newskit.split_sentences(article.text)[:MAX_SENTENCES]
    return compose(_ranked(sentences, textrank_scores(sentences)), length)


def lexrank(article: newskit.Article, length: newskit.Length) -> str:
    """The ``lexrank`` summarizer: the most central sentences, in article order."""
    sentences = newskit.split_sentences(article.text)[:MAX_SENTENCES]
    return compose(_ranked(sentences, lexrank_scores(sentences)), length)
