"""Term lists (dictionaries) matched against text, as social-science dictionaries are.

Terms use the conventions of published dictionaries: ``elit*`` matches words that start
with "elit", ``*betray*`` words that contain "betray", and ``stock market`` a phrase.
Matching ignores case and respects word boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from attrs import frozen

from .model import Evidence
from .sentences import Sentence

__all__ = ["Lexicon", "TermMatch"]


@frozen
class TermMatch:
    """One occurrence of a lexicon term: ``text[start:end]`` matched ``term``."""

    term: str
    start: int
    end: int
    text: str


def _pattern(term: str, *, hoisted: bool = False) -> str:
    """The regex of ``term``. With ``hoisted``, the word edge before its first word is
    left out: the caller puts one edge in front of the whole alternation."""
    words = term.strip().split()
    if not words:
        raise ValueError("a lexicon term must not be empty")
    parts = []
    for i, word in enumerate(words):
        bare = word.strip("*")
        if not bare:
            raise ValueError(f"lexicon term {term!r} has a word that is only wildcards")
        core = re.escape(bare)
        # Word edges are enforced where the term has a word character; lookarounds, not
        # \b, and anchored even before a leading wildcard, which makes scans fast.
        edge_before = r"(?<!\w)" if _starts_word(bare) and not (hoisted and i == 0) else ""
        edge_after = r"(?!\w)" if bare[-1].isalnum() or bare[-1] == "_" else ""
        prefix = edge_before + r"\w*" if word.startswith("*") else edge_before
        suffix = r"\w*" if word.endswith("*") else edge_after
        parts.append(f"{prefix}{core}{suffix}")
    return r"\s+".join(parts)


def _starts_word(term: str) -> bool:
    first = term.strip().lstrip("*")[:1]
    return first.isalnum() or first == "_"


class Lexicon:
    """A compiled list of terms. ``find(text)`` gives every match, left to right.

    >>> Lexicon(["elit*", "corrupt*"]).terms_in("Corrupt elites rule.")
    ['corrupt*', 'elit*']
    """

    def __init__(self, terms: Iterable[str], *, name: str = "") -> None:
        self.name = name
        self.terms: tuple[str, ...] = tuple(dict.fromkeys(t.strip() for t in terms if t.strip()))
        if not self.terms:
            raise ValueError(f"lexicon {name!r} has no terms")
        # Longest alternatives first, so a phrase wins over a word it starts with. Each
        # term is a named group, so a match names its term. When every term starts with
        # a word character, one word edge in front of the alternation lets the scan
        # reject positions inside words at once instead of trying every term there.
        self._ordered = sorted(self.terms, key=len, reverse=True)
        hoisted = all(_starts_word(t) for t in self._ordered)
        groups = "|".join(
            f"(?P<t{i}>{_pattern(t, hoisted=hoisted)})" for i, t in enumerate(self._ordered)
        )
        self._any = re.compile(rf"(?<!\w)(?:{groups})" if hoisted else groups, re.IGNORECASE)

    def __repr__(self) -> str:
        return f"Lexicon({self.name!r}, {len(self.terms)} terms)"

    def __len__(self) -> int:
        return len(self.terms)

    def find(self, text: str) -> Iterator[TermMatch]:
        """Every match in ``text``, with the term that produced it."""
        ordered = self._ordered
        for match in self._any.finditer(text):
            term = ordered[int(match.lastgroup[1:])]  # type: ignore[index]
            yield TermMatch(term=term, start=match.start(), end=match.end(), text=match.group(0))

    def terms_in(self, text: str) -> list[str]:
        """The distinct terms that occur in ``text``, in order of first occurrence."""
        return list(dict.fromkeys(m.term for m in self.find(text)))

    def evidence(self, sentences: Iterable[Sentence]) -> list[Evidence]:
        """One :class:`~newskit.Evidence` per sentence that holds a term, listing the
        terms found in it; offsets are the sentences' own."""
        found = []
        for sentence in sentences:
            terms = self.terms_in(sentence.text)
            if terms:
                found.append(
                    Evidence(
                        text=sentence.text, start=sentence.start, end=sentence.end, terms=terms
                    )
                )
        return found
