"""The Rooduijn & Pauwels (2011) English populism dictionary.

The 16 terms as collected in J. Gründl's popdictR (CC0). Wildcards follow the
dictionary's conventions, which :class:`newskit.Lexicon` implements: ``elit*`` is any
word starting with "elit", ``*betray*`` any word containing "betray".
"""

from __future__ import annotations

import newskit

__all__ = ["CITATION", "LEXICON", "TERMS"]

CITATION = (
    "Rooduijn, M. & Pauwels, T. (2011). Measuring populism: Comparing two methods of "
    "content analysis. West European Politics 34(6), 1272-1283."
)

TERMS: tuple[str, ...] = (
    "elit*",
    "consensus*",
    "undemocratic*",
    "referend*",
    "corrupt*",
    "propagand*",
    "politici*",
    "*deceit*",
    "*deceiv*",
    "*betray*",
    "shame*",
    "scandal*",
    "truth*",
    "dishonest*",
    "establishm*",
    "ruling*",
)

LEXICON = newskit.Lexicon(TERMS, name="rooduijn-pauwels-2011-en")
