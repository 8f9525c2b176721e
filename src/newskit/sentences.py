"""Sentence splitting without downloaded models, with character offsets.

Shared infrastructure: summarizers pick sentences, classifiers cite them as evidence,
so every sentence keeps its ``start``/``end`` offsets into the text it came from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from attrs import frozen

__all__ = ["Sentence", "split_sentences"]


@frozen
class Sentence:
    """A sentence and where it sits: ``text == source[start:end]``."""

    text: str
    start: int
    end: int


# Abbreviations that are not sentence ends (lowercase, without their final period).
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm maj gov sen rep rev hon
    pres supt insp det atty messrs mme mlle
    no nos vs etc al approx dept est fig figs vol vols ed eds pp cf ca viz
    inc ltd co corp bros llc plc
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    u.s u.k u.n e.u u.s.a e.g i.e a.m p.m d.c n.y l.a b.c a.d ph.d
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont
    neb nev okla ore pa tenn tex va vt wash wis wyo
    """.split()
)
# Abbreviations that often end a sentence too: a boundary when a sentence starter follows.
_FINAL_ABBREVIATIONS = frozenset("u.s u.k u.n e.u inc ltd co corp etc jr sr a.m p.m d.c".split())
_STARTERS = frozenset(
    """
    the a an he she it they we i you his her its their our this that these those there
    but and or so yet however meanwhile in on at for after before when while if as
    what who why how mr mrs ms dr
    """.split()
)

_PARAGRAPHS = re.compile(r"\n[ \t]*\n\s*")
_TERMINAL = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s)")
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25aa\u2013]|\d{1,3}[.)])\s+")
_WORD_BEFORE = re.compile(r"([\w.&'-]+)[.!?\u2026]+[\"'\u201d\u2019)\]]*$")
_ENDS_SENTENCE = re.compile(r"[.!?\u2026:;][\"'\u201d\u2019)\]]*\s*$")


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences, each with offsets into ``text``.

    Paragraph breaks (blank lines) always end a sentence, as do line breaks before a
    bullet or after a line with no final punctuation (a headline). Inside a line, a
    period ends a sentence unless it belongs to an abbreviation, an initial or a number.
    """
    return list(_split_cached(text))


@lru_cache(maxsize=64)
def _split_cached(text: str) -> tuple[Sentence, ...]:
    # The summarizer, each classifier and the cited-sources cleaner all split the same
    # article text one after the other: split it once.
    return tuple(_iter_sentences(text))


def _iter_sentences(text: str) -> Iterator[Sentence]:
    for start, end in _blocks(text):
        yield from _split_block(text, start, end)


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """Paragraphs, further cut at lines that cannot continue a sentence."""
    pos = 0
    for match in _PARAGRAPHS.finditer(text):
        yield from _lines(text, pos, match.start())
        pos = match.end()
    yield from _lines(text, pos, len(text))


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    block_start = start
    line_start = start
    while (nl := text.find("\n", line_start, end)) != -1:
        line = text[line_start:nl]
        nxt_end = text.find("\n", nl + 1, end)
        following = text[nl + 1 : end if nxt_end == -1 else nxt_end]
        if _BULLET.match(following) or (line.strip() and not _ENDS_SENTENCE.search(line)):
            yield block_start, nl
            block_start = nl + 1
        line_start = nl + 1
    yield block_start, end


def _split_block(text: str, start: int, end: int) -> Iterator[Sentence]:
    chunk = text[start:end]
    pos = 0
    for match in _TERMINAL.finditer(chunk):
        cut = match.end()
        if _is_boundary(chunk, pos, match.start(), cut):
            yield from _emit(text, start + pos, start + cut)
            pos = cut
    yield from _emit(text, start + pos, end)


def _emit(text: str, start: int, end: int) -> Iterator[Sentence]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield Sentence(text[start:end], start, end)


_NEXT_CHAR = re.compile(r"\S")
_NEXT_WORD = re.compile(r"[\w']+")


def _is_boundary(chunk: str, sent_start: int, punct: int, cut: int) -> bool:
    # Positions, not slices of the rest: a block may be a whole megabyte on one line.
    following = _NEXT_CHAR.search(chunk, cut)
    if following is None:
        return True
    nxt = following.group()
    if not (nxt.isupper() or nxt.isdigit() or nxt in "\"'\u201c\u2018([-\u2022*"):
        return False
    if chunk[punct] != ".":
        return True
    match = _WORD_BEFORE.search(chunk[sent_start:cut])
    if not match:
        return True
    word = match.group(1).lower().lstrip("'(\"")
    if len(word) == 1 and word.isalpha():  # an initial: "J. K. Rowling"
        return False
    if word in _ABBREVIATIONS or (
        word.count(".") and word.replace(".", "").isalpha() and len(word) <= 6
    ):
        if word in _FINAL_ABBREVIATIONS or word.count("."):
            next_word = _NEXT_WORD.match(chunk, following.start())
            return bool(next_word) and next_word.group(0).lower() in _STARTERS
        return False
    return True
