"""Content words of a sentence: what the rankers compare sentences by."""

from __future__ import annotations

import re

__all__ = ["STOPWORDS", "content_words", "overlap"]

_WORD = re.compile(r"\w+")
#: English function words; in other languages every word counts, which only makes
#: similarities a little flatter.
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just me more most my myself no nor not now of off on once
    only or other our ours ourselves out over own same she should so some such than that
    the their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would you
    your yours yourself yourselves said says say told mr mrs ms s t
    """.split()
)


def content_words(text: str) -> list[str]:
    """The lowercased words of ``text`` that are not function words or numbers."""
    return [w for w in _WORD.findall(text.lower()) if w not in STOPWORDS and not w.isdigit()]


def overlap(a: set[str], b: set[str]) -> float:
    """How much of the smaller set the other holds (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))
