"""``lead``: the first sentences; ``lead-clean``: the same without fragments and repeats."""

from __future__ import annotations

import re

import newskit

from ._fit import compose
from ._words import content_words, overlap

__all__ = ["MIN_WORDS", "REPEAT", "lead", "lead_clean"]

#: A sentence of fewer words is a fragment (a caption, a dateline, a label), not news.
MIN_WORDS = 6
#: A sentence whose content words are this much inside an earlier chosen one repeats it.
REPEAT = 0.7
_WORD = re.compile(r"\w+")


def lead(article: newskit.Article, length: newskit.Length) -> str:
    """The first ``length.sentences`` sentences of ``article.text`` that fit in
    ``length.chars``, joined by single spaces.

    News puts the essentials first, so the lead is the baseline every other
    summarizer has to beat. The title is not used: it is not part of the body.
    """
    return compose(newskit.split_sentences(article.text), length)


def lead_clean(article: newskit.Article, length: newskit.Length) -> str:
    """The lead, skipping fragments (fewer than ``MIN_WORDS`` words) and sentences
    that repeat an earlier chosen one (``REPEAT``): a page's captions, "He was 88.",
    a standfirst printed again as the first paragraph.

    When skipping leaves too few sentences, the skipped ones fill in, in order.
    """
    sentences = newskit.split_sentences(article.text)
    chosen: list[newskit.Sentence] = []
    chosen_words: list[set[str]] = []
    rest: list[newskit.Sentence] = []
    for sentence in sentences:
        words = set(content_words(sentence.text))
        fragment = len(_WORD.findall(sentence.text)) < MIN_WORDS
        if fragment or any(overlap(words, earlier) > REPEAT for earlier in chosen_words):
            rest.append(sentence)
            continue
        chosen.append(sentence)
        chosen_words.append(words)
        if (
            length.sentences is not None
            and len(chosen) >= length.sentences
            and length.chars is None
        ):
            break
    return compose(chosen + rest, length)
