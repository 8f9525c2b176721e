"""Find many lexicon terms in one pass: the terms compiled into one regex shaped as a trie.

:class:`newskit.Lexicon` tries each term in turn at every word start, which is right for
a few dozen terms; this plugin matches about 580, where one alternative per term made
classification a hundred times slower. Here terms that share a beginning share one
branch of the regex (``bank(?:s|ing|\\s+shares)?``), so a word is rejected after a
character or two, and the term behind a match is looked up from the matched text (one
named group per term would make every match copy hundreds of group slots).

The syntax is the subset of :class:`newskit.Lexicon`'s that the plugin uses, with the
same meaning: case is ignored, words have edges, ``profit*`` is any word that starts
with "profit", and the words of a phrase are separated by any whitespace. Where terms
overlap, the longer one wins ("bank shares" over "bank"). The tests check that it finds
exactly what :class:`newskit.Lexicon` finds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

__all__ = ["TermFinder"]

_SPACE = " "  # tokens of a term: single characters, and these three markers
_STAR = "*"
_EDGE = "|"
_END = ""


class TermFinder:
    """Terms compiled into one trie-shaped regex; :meth:`find` yields every match."""

    def __init__(self, terms: Iterable[str]) -> None:
        self.terms: tuple[str, ...] = tuple(dict.fromkeys(" ".join(t.split()) for t in terms))
        trie: dict[str, dict] = {}
        self._exact: dict[str, str] = {}  # lowercase term -> term
        self._prefixes: dict[str, str] = {}  # lowercase term without its final "*" -> term
        for term in self.terms:
            node = trie
            for token in _tokens(term):
                node = node.setdefault(token, {})
            if _END in node:
                raise ValueError(f"term {term!r} matches what an earlier term matches")
            node[_END] = {}
            if term.endswith("*"):
                self._prefixes[term[:-1].lower()] = term
            else:
                self._exact[term.lower()] = term
        self._lengths = sorted({len(p) for p in self._prefixes}, reverse=True)
        pattern = r"(?<!\w)" + _emit(trie)
        self._lower = re.compile(pattern)  # for lowercased text, which is faster
        self._any_case = re.compile(pattern, re.IGNORECASE)

    def __len__(self) -> int:
        return len(self.terms)

    def find(self, text: str) -> Iterator[tuple[str, int, int]]:
        """``(term, start, end)`` of every match, left to right, not overlapping."""
        lower = text.lower()
        if len(lower) == len(text):  # lowercasing kept every offset
            matches = self._lower.finditer(lower)
        else:
            matches = self._any_case.finditer(text)
        for match in matches:
            yield self._term(match.group().lower()), match.start(), match.end()

    def _term(self, matched: str) -> str:
        """The term that matched: exact terms first, as the regex prefers them."""
        if not matched.isalnum():
            matched = " ".join(matched.split())
        term = self._exact.get(matched)
        if term is not None:
            return term
        for length in self._lengths:
            term = self._prefixes.get(matched[:length])
            if term is not None:
                return term
        raise AssertionError(f"no term for the match {matched!r}")  # pragma: no cover


def _tokens(term: str) -> list[str]:
    words = term.lower().split()
    if not words:
        raise ValueError("a term must not be empty")
    tokens: list[str] = []
    for i, word in enumerate(words):
        core = word.rstrip("*")
        if not core or "*" in core:
            raise ValueError(f"term {term!r}: only a final '*' is supported")
        if i == 0 and not (core[0].isalnum() or core[0] == "_"):
            raise ValueError(f"term {term!r} must start with a letter or digit")
        if i:
            tokens.append(_SPACE)
        tokens.extend(core)
        if word.endswith("*"):
            tokens.append(_STAR)
        elif i == len(words) - 1 and (core[-1].isalnum() or core[-1] == "_"):
            tokens.append(_EDGE)
    return tokens


def _emit(node: dict) -> str:
    # Longer terms first: every branch that goes on is tried before the term that ends
    # here, and a wildcard (which also ends here) after the letters that go on.
    branches = []
    for token in sorted((t for t in node if t != _END), key=lambda t: t in (_STAR, _EDGE)):
        branches.append(_token(token) + _emit(node[token]))
    if _END in node:
        branches.append("")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def _token(token: str) -> str:
    if token == _SPACE:
        return r"\s+"
    if token == _STAR:
        return r"\w*"
    if token == _EDGE:
        return r"(?!\w)"
    return re.escape(token)
