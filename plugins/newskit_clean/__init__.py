"""newskit's first-party cleaners.

* ``whitespace`` (order 10): normalise spaces and line breaks, never the words;
* ``furniture`` (order 20): remove page furniture (repeated titles, navigation, sponsor
  slots, author bios, teaser lists) from text dumps, recording each removal and why;
* ``cited-sources`` (order 80): find the wire agencies and outlets an article cites,
  with the sentences that cite them;
* ``doubled-words`` (order 90): warn about accidental doubled words ("say say"),
  without changing the text.
"""

from __future__ import annotations

import newskit

from ._cited import clean_cited_sources
from ._doubled import clean_doubled_words
from ._furniture import clean_furniture
from ._whitespace import clean_whitespace

__all__ = ["newskit_register_cleaners"]


@newskit.hookimpl
def newskit_register_cleaners() -> list[newskit.Cleaner]:
    return [
        newskit.Cleaner(
            name="whitespace",
            clean=clean_whitespace,
            order=10,
            description="Normalise spaces, invisible characters and paragraph breaks.",
        ),
        newskit.Cleaner(
            name="furniture",
            clean=clean_furniture,
            order=20,
            description="Remove page furniture from text dumps (and leftovers from HTML bodies).",
        ),
        newskit.Cleaner(
            name="cited-sources",
            clean=clean_cited_sources,
            order=80,
            description="Find the news agencies and outlets an article cites, with evidence.",
        ),
        newskit.Cleaner(
            name="doubled-words",
            clean=clean_doubled_words,
            order=90,
            description="Warn about accidental doubled words; the text is not changed.",
        ),
    ]
