"""Author-bio cues: a short paragraph about the writer, not about the news.

A bio holds at least two different kinds of cue (``bio_cues(text) >= 2``): a newsroom
role ("Editor-In-Chief of", "staff writer at"), what the author covers ("Covering
conflicts"), years of experience ("12+ years"), a way to reach them ("Follow her on
Twitter", an @handle or an e-mail address), or a career told in the third person ("his
work has appeared in"). One cue alone is common in news ("a reporter for the BBC"), so
it never counts.

Speed: most lines hold no cue, and the patterns are slow to search. Every match of a
kind's pattern holds one of that kind's plain words (``_WORDS``, in lowercase), which
``str.find`` looks for fast; :func:`bio_cue_counts` looks for them in all the lines of a
dump at once, and searches a line's patterns only for the kinds whose words it holds.
A pattern added to ``_CUES`` needs its words in ``_WORDS``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ._phrases import lines_holding

__all__ = ["bio_cue_counts", "bio_cues"]

#: Lines longer than this (in words) are no bio.
MOST_WORDS = 120

_CUES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # a newsroom role
        r"\b(?:editor[- ]in[- ]chief|founder of|staff (?:writer|reporter)"
        r"|(?:managing|senior|deputy|executive|contributing|news|associate) editor"
        r"|(?:freelance|independent) (?:journalist|writer|reporter)"
        r"|(?:reporter|correspondent|journalist|columnist|contributor|writer|editor|producer)"
        r" (?:for|at|with|based in|covering))\b",
        # what the author covers
        r"(?:^|[.!?]\s+|\b(?:he|she|they|and)\s+)"
        r"(?:cover(?:s|ing)|writ(?:es|ing) about|report(?:s|ing) on)\b",
        # years of experience
        r"\b\d+\+\s*years?\b|\b\d+ years? (?:of|in) (?:experience|journalism|reporting)\b"
        r"|\bmore than (?:a|two|three) decades? (?:of|in) (?:journalism|reporting)\b",
        # how to reach or follow the author
        r"\bfollow (?:him|her|them|me) (?:on|at)\b"
        r"|\b(?:reach|contact|email) (?:him|her|them|me) at\b"
        r"|(?:^|\s)@\w{2,}|\b[\w.-]+@[\w-]+\.\w+",
        # a career told in the third person
        r"\b(?:his|her|their) (?:work|writing|reporting) has appeared in\b"
        r"|\bhas (?:written|reported) for\b|\b(?:previously|formerly) (?:worked|wrote|reported)\b"
        r"|\bis (?:a|an) (?:graduate|alumn\w+) of\b|\b(?:he|she) (?:lives|is based) in\b"
        r"|\bis the author of\b",
    )
)

# For each pattern of _CUES, words of which every match holds one (in lowercase).
_WORDS: tuple[tuple[str, ...], ...] = (
    (
        "editor", "founder of", "staff ", "journalist", "writer", "reporter",
        "correspondent ", "columnist ", "contributor ", "producer ",
    ),
    ("cover", "writ", "report"),
    ("year", "decade"),
    ("follow ", "reach ", "contact ", "email ", "@"),
    (
        "appeared in", "written for", "reported for", "previously ", "formerly ",
        "graduate ", "alumn", "lives in", "is based in", "author of",
    ),
)  # fmt: skip
_WORDS_FLAT = tuple(word for words in _WORDS for word in words)
_KIND_OF = tuple(kind for kind, words in enumerate(_WORDS) for _ in words)


def bio_cues(text: str, n_words: int) -> int:
    """How many kinds of author-bio cue ``text`` holds (0 for lines over 120 words)."""
    return bio_cue_counts([text], [n_words])[0]


def bio_cue_counts(texts: Sequence[str], n_words: Sequence[int]) -> list[int]:
    """:func:`bio_cues` of each text, looking for the words of all of them at once."""
    counts = [0] * len(texts)
    held = lines_holding([_fold(text) for text in texts], _WORDS_FLAT)
    for line, words in held.items():
        if n_words[line] <= MOST_WORDS:
            text = texts[line]
            kinds = {_KIND_OF[w] for w in words}
            counts[line] = sum(1 for kind in kinds if _CUES[kind].search(text))
    return counts


def _fold(text: str) -> str:
    """Lowercase, so that a pattern's word matched case-insensitively is found as is.

    ``re.IGNORECASE`` also matches "i" to "\u0130" and "\u0131", and "s" to "\u017f".
    """
    if text.isascii():
        return text.lower()
    return text.replace("\u0130", "i").lower().replace("\u0131", "i").replace("\u017f", "s")
