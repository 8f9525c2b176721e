"""Lines of a page dump and their features: what the furniture decision looks at.

A page dump has one block of the page per line. Each non-empty line becomes a
:class:`Line` with features that are cheap, language-light and explainable: length,
final punctuation, how many function words it holds, how many words are capitalised,
whether it repeats elsewhere, and which furniture phrase (if any) it matches. The
decision in :mod:`._furniture` only reads these features, so a later, learned decision
can reuse them unchanged.
"""

from __future__ import annotations

import re
from collections import Counter

from attrs import field, frozen

from ._bio import bio_cues
from ._phrases import Cue, match_cue

__all__ = ["Line", "normalize_key", "split_lines"]

_WORD = re.compile(r"[^\W_]+(?:['\u2019.-][^\W_]+)*")
# Final punctuation of a sentence, allowing closing quotes and brackets after it.
_TERMINAL = re.compile("[.!?\u2026\u3002\uff01\uff1f][\"'\u201d\u2019)\\]\u300d\u300f]*$")
# A sentence end inside a line: final punctuation, then a space and a capital letter.
_INNER_END = re.compile(
    "[.!?][\"'\u201d\u2019)]*\\s+[\"'\u201c\u2018(]?[A-Z\u00c0-\u00de]|[\u3002\uff01\uff1f]"
)
# Scripts written without spaces between words: count two characters as a word.
_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_TRUNCATED = re.compile("(?:\\.\\.\\.|\u2026)\\s*[\"'\u201d\u2019)\\]]*$")
_BULLET = re.compile("^(?:[-*\u2022\u00b7\u25aa\u25cf\u2013]\\s|\\d{1,3}[.)]\\s)")
_KEY_STRIP = re.compile(r"^[\W_]+|[\W_]+$")
_KEY_SPACE = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2032": "'"})

# Function words of English and of the largest European languages. Prose is full of
# them; menus, headlines and tag lists have few.
_STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers him his how i if in into is
    it its itself just me more most my no nor not now of off on once only or other our
    out over own same she should so some such than that the their them then there these
    they this those through to too under until up very was we were what when where which
    while who whom why will with would you your said says
    el la los las de del en y que un una por con para es al lo como pero sus su se
    le les des et du est il elle au aux pas une dans qui sur ce cette ont sont
    der die das und den dem des von zu mit sich auf ist im nicht ein eine als auch dass
    il di che non per della sono nel alla gli da um uma com os não
    """.split()
)


@frozen(kw_only=True)
class Line:
    """One non-empty line of a dump, with its features."""

    index: int  # position among the non-empty lines
    block: int  # which blank-line-separated block it belongs to
    text: str  # the line, stripped
    key: str  # lowercase, outer punctuation stripped, single spaces: for comparisons
    n_words: int
    stop_ratio: float  # share of function words
    cap_ratio: float  # share of words starting with a capital letter
    terminal: bool  # ends like a sentence
    truncated: bool  # a short line ending with "..." or an ellipsis: a cut-off teaser
    inner_ends: bool  # holds a sentence end before its last word
    bullet: bool  # starts with a list marker
    commas: int  # how many commas (and semicolons) it holds
    repeats: int  # how many lines of the dump have the same key
    cue: Cue | None = field(default=None)  # a furniture phrase it matches
    bio_cues: int = 0  # how many author-bio cues it holds

    @property
    def prose(self) -> bool:
        """Reads like running text: a sentence, or a long line of ordinary words."""
        if self.truncated or self.n_words == 0:
            return False
        if self.terminal:
            return self.n_words >= 3 or self.stop_ratio > 0
        if self.commas * 4 >= self.n_words:
            return False  # a list of names or tags
        return self.n_words >= 15 and (self.stop_ratio >= 0.2 or self.inner_ends)

    @property
    def headline_like(self) -> bool:
        """Could be a headline: a few words, no full stop at the end."""
        if not 2 <= self.n_words <= 30 or len(self.text) > 300 or self.truncated:
            return False
        return not self.text.rstrip("\"'\u201d\u2019)").endswith((".", ";", ",", ":"))


def normalize_key(text: str) -> str:
    """A comparison key: lowercase, straight apostrophes, no outer punctuation."""
    key = _KEY_SPACE.sub(" ", text.translate(_APOSTROPHES).lower())
    return _KEY_STRIP.sub("", key)


def split_lines(text: str) -> list[Line]:
    """The non-empty lines of ``text`` with their features."""
    raw: list[tuple[int, str]] = []
    block = 0
    for piece in re.split(r"\r\n|\r|\n", text):
        stripped = piece.strip()
        if stripped:
            raw.append((block, stripped))
        elif raw and raw[-1][0] == block:
            block += 1
    keys = [normalize_key(t) for _, t in raw]
    counts = Counter(keys)
    return [
        _features(index, block, line, key, counts[key])
        for index, ((block, line), key) in enumerate(zip(raw, keys, strict=True))
    ]


def _features(index: int, block: int, text: str, key: str, repeats: int) -> Line:
    words = _WORD.findall(text)
    n_words = sum(_word_count(w) for w in words)
    stops = sum(1 for w in words if w.lower() in _STOPWORDS)
    caps = sum(1 for w in words if w[0].isupper())
    truncated = n_words <= 40 and bool(_TRUNCATED.search(text))
    return Line(
        index=index,
        block=block,
        text=text,
        key=key,
        n_words=n_words,
        stop_ratio=stops / n_words if n_words else 0.0,
        cap_ratio=caps / n_words if n_words else 0.0,
        terminal=bool(_TERMINAL.search(text)) and not truncated,
        truncated=truncated,
        inner_ends=bool(_INNER_END.search(text.rstrip()[:-1])),
        bullet=bool(_BULLET.match(text)),
        commas=text.count(",") + text.count(";") + text.count("\u3001"),
        repeats=repeats,
        cue=match_cue(key, n_words),
        bio_cues=bio_cues(text, n_words),
    )


def _word_count(word: str) -> int:
    unspaced = len(_UNSPACED.findall(word))
    return 1 + unspaced // 2 if unspaced else 1
