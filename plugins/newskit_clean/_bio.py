"""Author-bio cues: a short paragraph about the writer, not about the news.

A bio holds at least two different kinds of cue (``bio_cues(text) >= 2``): a newsroom
role ("Editor-In-Chief of", "staff writer at"), what the author covers ("Covering
conflicts"), years of experience ("12+ years"), a way to reach them ("Follow her on
Twitter", an @handle or an e-mail address), or a career told in the third person ("his
work has appeared in"). One cue alone is common in news ("a reporter for the BBC"), so
it never counts.
"""

from __future__ import annotations

import re

__all__ = ["bio_cues"]

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


def bio_cues(text: str, n_words: int) -> int:
    """How many kinds of author-bio cue ``text`` holds (0 for lines over 120 words)."""
    if n_words > 120:
        return 0
    return sum(1 for pattern in _CUES if pattern.search(text))
