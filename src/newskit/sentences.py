"""Sentence splitting without downloaded models, with character offsets.

Shared infrastructure: summarizers pick sentences, classifiers cite them as evidence,
so every sentence keeps its ``start``/``end`` offsets into the text it came from.

The rules, in order: a blank line ends a sentence; so does a line break before a bullet,
or after a line with no final punctuation (a headline) when the next line does not go on
in lowercase. Inside a line, ``!``, ``?``, ellipses and the CJK, Devanagari, Arabic and
Greek stops end a sentence when what follows can start one; a period also has to pass
the abbreviation, initial and number rules in :func:`_period_ends`. The test set is
tests/fixtures/sentences/cases.jsonl; benchmarks/sentences.py measures it.
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


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Abbreviations, lowercase and without their final period, by how they behave.
# Titles never end a sentence; they only count when capitalised ("Gen." but not "gen.").
_TITLES = _words(
    """
    mr mrs ms mx dr prof gen col lt sgt capt cmdr cdr adm maj brig cpl pvt gov sen rep rev
    hon pres supt insp det atty amb messrs mme mlle mt ft dept univ assn sra srta dra nr ee
    """
)
# Capitalised abbreviations that may end a sentence: only before a sentence starter.
_FINAL_CAPITALISED = _words(
    """
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    inc ltd co cos corp bros llc plc jr sr st ave blvd rd hwy uu
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo
    mont neb nev okla ore pa tenn tex va vt wash wis wyo
    """
)
# Abbreviations in any case that end a sentence before a capitalised word or a quote.
_LIST_ENDS = _words("etc usw")
# Abbreviations in any case that may end a sentence: only before a sentence starter.
_FINAL_ANY_CASE = _words("al")
# Dotted abbreviations that end a sentence before a quote too ('in the U.S. "We ...');
# other dotted capitals may be initials ('J.P. "The Big Bopper" Richardson').
_QUOTE_ENDS = _words("u.s u.k u.n e.u d.c u.s.a n.y l.a a.m p.m")
# Abbreviations in any case that never end a sentence.
_NEVER_FINAL = _words("vs v viz cf bzw approx e.g i.e z.b d.h u.a")
# Abbreviations in any case that stand before a number: "No. 10", "Fig. 3", "est. 1970".
_BEFORE_NUMBERS = _words("no nos nr vol vols fig figs pp art ch sec est ca op tel ed eds")

# Words that start a sentence after an abbreviation that may also end one.
_STARTERS = _words(
    """
    the a an he she it they we i you his her its their our my your this that these those
    there here but and or so yet however meanwhile instead still then now also thus
    in on at for after before when while if as since although though because despite
    during until once only even by from with without under over to about according
    what who why how where which many most some several both all each every no not none
    one two three few other others another nobody everyone someone today yesterday
    tomorrow last next earlier later mr mrs ms dr
    """
)
# Plural subjects that start a news sentence when a lowercase verb follows:
# "in the U.S. Officials say ..." (but "the U.S. Army denied ...").
_SUBJECTS = _words(
    """
    officials police analysts experts critics investors authorities residents witnesses
    researchers scientists doctors lawmakers prosecutors officers troops soldiers voters
    workers people shares prices sales markets stocks talks sources figures results
    """
)
_GERMAN_MONTHS = _words(
    "januar februar märz april mai juni juli august september oktober november dezember"
)

_CLOSERS = "\"'\u2019\u201d\u201c\u2018)\\]}\u00bb\u203a\u300d\u300f\uff09\u3011\u300b\u3009"
_OPENERS = "\"'\u201c\u2018\u201e\u201a\u00ab\u2039([{\u00bf\u00a1\u300c\u300e\uff08\u3010\u300a"
_QUOTES = "\"'\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb\u2039\u203a\u300c\u300d"
_DASHES = "-\u2013\u2014\u2022*\u25aa"

_PARAGRAPHS = re.compile(r"\n(?:[^\S\n]*\n)+")
_BULLET = re.compile(r"[^\S\n]*(?:[-*\u2022\u25aa\u2013\u2014]|\d{1,3}[.)])[^\S\n]+")
# A stop and its closing quotes or brackets (French puts a space before "»"). Latin-style
# stops need whitespace after them; the CJK ones do not.
_TERMINAL = re.compile(
    r"(?P<cjk>[\u3002\uff01\uff1f\uff61]+[" + _CLOSERS + r"]*)"
    r"|(?P<stop>[.!?\u2026\u037e\u061f\u06d4\u0964\u0965\u0589\u1362\u104b]+)"
    r"(?P<closers>(?:[" + _CLOSERS + r"]|[ \u00a0\u202f](?=[\u00bb\u203a]))*)(?=\s)"
)
_NEXT_CHAR = re.compile(r"\S")
_NEXT_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_CAMEL = re.compile(r"[a-z]+[A-Z]")  # "iPhone", "eBay": a lowercase sentence start
_ACRONYM = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")  # U.S, a.m, Ph.D, J.R.R
# '"Is it over?" Smith asked.': the speaker after a quoted question is not a new sentence.
_ATTRIBUTION = re.compile(
    r"(?:[A-Z][\w'.\u2019-]*\s+){1,3}(?:said|says|asked|asks|shouted|shouts|replied|added"
    r"|wrote|told|cried|yelled|screamed|whispered|insisted|answered|warned|exclaimed)"
    r"(?=\s*(?:[.,]|$))"
)
_LOOKBACK = 40  # longest abbreviation or number looked at before a period


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences, each with offsets into ``text``.

    Paragraph breaks (blank lines) always end a sentence, as do line breaks before a
    bullet or after a line with no final punctuation (a headline). Inside a line, a
    period ends a sentence unless it belongs to an abbreviation, an initial or a number.
    No sentence is empty or has outer whitespace, and together they hold every
    non-space character of ``text``.
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
        if _BULLET.match(text, nl + 1, end) or (
            _line_is_open(text, line_start, nl) and not _goes_on_lowercase(text, nl + 1, end)
        ):
            yield block_start, nl
            block_start = nl + 1
        line_start = nl + 1
    yield block_start, end


def _line_is_open(text: str, start: int, end: int) -> bool:
    """Whether a non-blank line ends without punctuation, like a headline."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in _CLOSERS):
        end -= 1
    return end > start and text[end - 1] not in ".!?\u2026:;,\u037e\u3002\uff01\uff1f-\u2013\u2014"


def _goes_on_lowercase(text: str, start: int, end: int) -> bool:
    """Whether the next line goes on with a lowercase word: hard-wrapped prose."""
    following = _NEXT_CHAR.search(text, start, end)
    return following is not None and following.group().islower()


def _split_block(text: str, start: int, end: int) -> Iterator[Sentence]:
    pos = start
    first = -1  # where the current sentence's first non-space character is
    for match in _TERMINAL.finditer(text, start, end):
        if first < pos:
            following = _NEXT_CHAR.search(text, pos, match.start() + 1)
            first = following.start() if following else match.start()
        if _is_boundary(text, first, match, end):
            yield from _emit(text, pos, match.end())
            pos = match.end()
    yield from _emit(text, pos, end)


def _emit(text: str, start: int, end: int) -> Iterator[Sentence]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield Sentence(text[start:end], start, end)


def _is_boundary(text: str, sent_start: int, match: re.Match[str], end: int) -> bool:
    """Whether ``match``, a stop in the sentence whose first character is at
    ``sent_start``, ends that sentence."""
    # Positions, not slices of the rest: a block may be a whole megabyte on one line.
    following = _NEXT_CHAR.search(text, match.end(), end)
    if following is None or match.group("cjk"):
        return True
    nxt = following.start()
    if not _can_start(text, nxt):
        return False
    stop = match.group("stop")
    closers = match.group("closers")
    if stop != "." or closers:
        # A quoted question and its speaker: '"Is it over?" Smith asked.'
        return not (
            stop[-1] in "?!"
            and any(c in _QUOTES for c in closers)
            and _ATTRIBUTION.match(text, nxt, end)
        )
    return _period_ends(text, sent_start, match.start(), nxt, end)


def _can_start(text: str, pos: int) -> bool:
    """Whether the character at ``pos`` can begin a sentence."""
    char = text[pos]
    if char.isalpha():
        return not char.islower() or bool(_CAMEL.match(text, pos))
    return char.isdigit() or char in _OPENERS or char in _DASHES


def _period_ends(text: str, sent_start: int, period: int, nxt: int, end: int) -> bool:
    """Whether a lone period followed by a possible sentence start ends the sentence."""
    token_start = period
    lowest = max(sent_start, period - _LOOKBACK)
    while token_start > lowest and not text[token_start - 1].isspace():
        token_start -= 1
    token = text[token_start:period].lstrip(_OPENERS)
    if not token:
        return True
    lower = token.lower()
    next_is_digit = text[nxt].isdigit()
    first = token_start == sent_start

    if token.isdigit():
        if len(token) <= 2 and (first or _char_before(text, sent_start, token_start) == ":"):
            return False  # a list number: "1. Mix the flour"
        word = _NEXT_WORD.match(text, nxt, end)
        return not (word and word.group().lower() in _GERMAN_MONTHS)  # "am 3. Oktober"
    if lower in _NEVER_FINAL:
        return False
    if lower in _BEFORE_NUMBERS and next_is_digit:
        return False
    if len(token) == 1 and token.isalpha():
        # An initial ("J. K. Rowling", "z. B.") unless a sentence plainly starts: "plan B. The"
        word = _NEXT_WORD.match(text, nxt, end)
        return bool(
            word and word.group().lower() in _STARTERS and not text.startswith(".", word.end())
        )
    capitalised = token[0].isupper()
    if capitalised and lower in _TITLES:
        return False
    if lower in _LIST_ENDS:
        return not first and (text[nxt].isupper() or text[nxt] in _QUOTES)
    acronym = _ACRONYM.fullmatch(token)
    if acronym or lower in _FINAL_ANY_CASE or (capitalised and lower in _FINAL_CAPITALISED):
        if first or next_is_digit:
            return False
        if text[nxt] in _QUOTES:
            return not acronym or lower in _QUOTE_ENDS
        return _starts_after_abbreviation(text, nxt, end)
    return True


def _char_before(text: str, sent_start: int, pos: int) -> str:
    while pos > sent_start and text[pos - 1].isspace():
        pos -= 1
    return text[pos - 1] if pos > sent_start else ""


def _starts_after_abbreviation(text: str, nxt: int, end: int) -> bool:
    """After "U.S." or "Inc.", whether the next word starts a sentence."""
    word = _NEXT_WORD.match(text, nxt, end)
    if word is None:
        return False
    lower = word.group().lower()
    if lower in _STARTERS:
        return True
    if lower in _SUBJECTS:
        after = _NEXT_CHAR.search(text, word.end(), end)
        return after is None or after.group().islower()
    return False
