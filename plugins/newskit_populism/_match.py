"""Find lexicon phrases among a sentence's words, fast.

A sentence is cut into lowercase word tokens (``hard-working`` and ``don't`` stay one
word, a possessive ``'s`` is dropped) and clause marks (``, ; : ( ) "`` and dashes),
which the rules use as scope boundaries. Phrases are indexed by their first word and,
for longer phrases, their second, so one pass over the tokens finds every phrase of
every kind with about one dictionary look-up per word. What a word can start is cached,
so prefix terms (``betray*``) are resolved once per distinct word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

__all__ = ["TOKEN", "Hit", "Matcher", "tokenize"]

TOKEN = re.compile(r"\w+(?:[-']\w+)*|[,;:()\"\u201c\u201d\u2013\u2014]")
_CACHE_LIMIT = 100_000
_UNSEEN = object()

#: A found phrase: first token, one past its last token, its kind, the term as written.
Hit = tuple[int, int, str, str]
# One lexicon word: the word (without "*") and whether it is a prefix.
_Word = tuple[str, bool]
# A phrase after its second word, with kind and term.
_Tail = tuple[tuple[_Word, ...], str, str]


def tokenize(text: str) -> list[str]:
    """Lowercase word tokens and clause marks of ``text``."""
    words = TOKEN.findall(text.lower().replace("\u2019", "'"))
    if "'s" in text or "\u2019s" in text:
        words = [w[:-2] if w.endswith("'s") else w for w in words]
    return words


def _word(word: str) -> _Word:
    return word.rstrip("*").removesuffix("'s"), word.endswith("*")


def _fits(word: str, spec: _Word) -> bool:
    return word.startswith(spec[0]) if spec[1] else word == spec[0]


class _Starts:
    """Everything that can start at one word: one-word terms found, and the longer
    phrases keyed by their second word (exact) or listed (second word a prefix)."""

    __slots__ = ("by_second", "other_second", "single")

    def __init__(self) -> None:
        self.single: list[tuple[str, str]] = []
        self.by_second: dict[str, list[_Tail]] = {}
        self.other_second: list[tuple[_Word, tuple[_Word, ...], str, str]] = []


class Matcher:
    """Every phrase of every kind that occurs in a list of tokens."""

    def __init__(self, kinds: Mapping[str, Iterable[str]]) -> None:
        # first word (without "*") -> [(is_prefix, rest of the phrase, kind, term)]
        self._exact: dict[str, list[tuple[tuple[_Word, ...], str, str]]] = {}
        self._prefix: dict[str, list[tuple[tuple[_Word, ...], str, str]]] = {}
        for kind, terms in kinds.items():
            for term in terms:
                words = [_word(w) for w in term.lower().replace("\u2019", "'").split()]
                (first, is_prefix), rest = words[0], tuple(words[1:])
                table = self._prefix if is_prefix else self._exact
                table.setdefault(first, []).append((rest, kind, term))
        self._lengths = sorted({len(stem) for stem in self._prefix})
        self._cache: dict[str, _Starts | None] = {}

    def _starts(self, word: str) -> _Starts | None:
        entries = list(self._exact.get(word, ()))
        for length in self._lengths:
            if length > len(word):
                break
            entries.extend(self._prefix.get(word[:length], ()))
        if not entries:
            return None
        starts = _Starts()
        # Longest phrases first, so that at one position a phrase wins over its start.
        for rest, kind, term in sorted(entries, key=lambda e: -len(e[0])):
            if not rest:
                starts.single.append((kind, term))
            elif rest[0][1]:
                starts.other_second.append((rest[0], rest[1:], kind, term))
            else:
                starts.by_second.setdefault(rest[0][0], []).append((rest[1:], kind, term))
        return starts

    def find(self, words: list[str]) -> list[Hit]:
        """Hits left to right. Within one kind, a phrase inside an earlier one is
        dropped, and at one position the longest phrase wins."""
        hits: list[Hit] = []
        covered: dict[str, int] = {}  # kind -> end of its last hit
        cache = self._cache
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
        # Most words start nothing: look them all up at once, then visit the others.
        found: list = [cache.get(word, _UNSEEN) for word in words]
        n = len(words)
        for i in [i for i, starts in enumerate(found) if starts is not None]:
            starts = found[i]
            if starts is _UNSEEN:
                starts = cache[words[i]] = self._starts(words[i])
                if starts is None:
                    continue
            if i + 1 < n:
                following = words[i + 1]
                for tail, kind, term in starts.by_second.get(following, ()):
                    self._add(hits, covered, words, i, i + 2, tail, kind, term)
                for second, tail, kind, term in starts.other_second:
                    if _fits(following, second):
                        self._add(hits, covered, words, i, i + 2, tail, kind, term)
            for kind, term in starts.single:
                if covered.get(kind, 0) <= i:
                    hits.append((i, i + 1, kind, term))
                    covered[kind] = i + 1
        return hits

    @staticmethod
    def _add(
        hits: list[Hit],
        covered: dict[str, int],
        words: list[str],
        start: int,
        at: int,
        tail: tuple[_Word, ...],
        kind: str,
        term: str,
    ) -> None:
        end = at + len(tail)
        if covered.get(kind, 0) > start or end > len(words):
            return
        if all(_fits(words[at + j], spec) for j, spec in enumerate(tail)):
            hits.append((start, end, kind, term))
            covered[kind] = end
