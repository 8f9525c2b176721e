"""Is a text English? The lexicons and rules are (``ENGLISH_ONLY``).

``Article.language`` decides when it is set. Otherwise a cheap test on the first
``SAMPLE_CHARS`` characters says a text is not English when

- most of its letters are not Latin (Arabic, Chinese, Cyrillic, Greek ... script), or
- it has at least ``MIN_WORDS`` words, and more of them are common function words of
  French, German, Spanish, Italian, Portuguese, Dutch or Welsh (``OTHER_WORDS``) than of
  English (``ENGLISH_WORDS``).

Comparing the two counts, rather than testing the English share alone, keeps tweets
that are mostly links, hashtags and names English. Shorter texts count as English:
there is too little to tell, and the rules find nothing in other languages anyway.
"""

from __future__ import annotations

import re

import newskit

__all__ = ["ENGLISH_ONLY", "ENGLISH_WORDS", "MIN_WORDS", "OTHER_WORDS", "is_english"]

ENGLISH_ONLY = True
MIN_WORDS = 20
MIN_LETTERS = 20
SAMPLE_CHARS = 1000

ENGLISH_WORDS = frozenset(
    """
    the and of to is was that for with it are by from this have has be which at as but
    not were said their they he she his her its will would been an or there who had
    than into about after could when more also what we our you your them these those
    """.split()
)

# Frequent function words of other languages written in Latin script, leaving out
# those that are also English words ("die", "in", "per", "son", "den", "do").
OTHER_WORDS = frozenset(
    """
    le la les des du une est et pour dans que qui sur pas avec sont au aux ont nous vous
    mais être été
    der das und ist nicht ein eine mit dem für auf sich auch von zu sie wir ihr bei
    nach wird werden
    el los las del por para una es su sus como más pero está fue
    di che della delle dei gli sono anche nel alla è più
    os da dos uma não mais são foi
    het een niet op zijn voor ook aan maar bij wordt
    yn yr mae ac ar gyda bod ein hefyd wedi nid
    """.split()
)

_WORD = re.compile(r"[^\W\d_]+")
_NOT_LATIN = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]+")


def is_english(article: newskit.Article) -> bool:
    """Whether ``article`` is English: its ``language`` if set, else its words."""
    if article.language:
        return article.language.lower().replace("_", "-").split("-")[0] == "en"
    sample = article.text[:SAMPLE_CHARS].lower()
    words = _WORD.findall(sample)
    if not sample.isascii():
        letters = sum(map(len, words))
        other_script = sum(map(len, _NOT_LATIN.findall(sample)))
        if letters >= MIN_LETTERS and other_script > letters / 2:
            return False
    if len(words) < MIN_WORDS:
        return True
    english = sum(map(ENGLISH_WORDS.__contains__, words))
    other = sum(map(OTHER_WORDS.__contains__, words))
    return english >= other
