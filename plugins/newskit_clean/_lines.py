"""Lines of a page dump and their features: what the furniture decision looks at.

A page dump has one block of the page per line. Each non-empty line becomes a
:class:`Line` with features that are cheap, language-light and explainable: length,
final punctuation, how many function words it holds, how many words are capitalised,
whether it repeats elsewhere, and which furniture phrase (if any) it matches. The
decision in :mod:`._furniture` only reads these features, so a later, learned decision
can reuse them unchanged.

Speed matters: the cleaner reads every line of every dump. So :func:`split_lines`
computes the features of each distinct text once, and finds the words it needs (of
furniture phrases, author bios) in all the lines of a dump at once with ``str.find``;
it counts words on bytes when it can; the features that the decision rarely reads
(``stop_ratio``, ``cap_ratio``, ``inner_ends``) are computed when asked for; and a
:class:`Line` is a named tuple, which is several times faster to build than an attrs
class. Whatever the shortcut, a feature's value is the one that its plain definition
(the regular expressions below) gives.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from ._bio import bio_cue_counts
from ._phrases import Cue, match_cues

__all__ = ["Line", "normalize_key", "split_lines"]

_WORD = re.compile(r"[^\W_]+(?:['\u2019.-][^\W_]+)*")
# A sentence end inside a line: final punctuation, then a space and a capital letter.
_INNER_END = re.compile(
    "[.!?][\"'\u201d\u2019)]*\\s+[\"'\u201c\u2018(]?[A-Z\u00c0-\u00de]|[\u3002\uff01\uff1f]"
)
# Scripts written without spaces between words: count two characters as a word.
_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_BULLET = re.compile("^(?:[-*\u2022\u00b7\u25aa\u25cf\u2013]\\s|\\d{1,3}[.)]\\s)")
# Final punctuation of a sentence, allowing closing quotes and brackets after it (as
# the pattern "[.!?\u2026\u3002\uff01\uff1f][\"'\u201d\u2019)\]\u300d\u300f]*$").
_TERMINAL = (".", "!", "?", "\u2026", "\u3002", "\uff01", "\uff1f")
_TERMINAL_AFTER = "\"'\u201d\u2019)]\u300d\u300f"
# A cut-off teaser ends with an ellipsis, then spaces, then closing quotes or brackets
# (as the pattern "(?:\.\.\.|\u2026)\s*[\"'\u201d\u2019)\]]*$").
_ELLIPSIS = ("...", "\u2026")
_ELLIPSIS_AFTER = "\"'\u201d\u2019)]"
# From the first to the last letter or digit: a key without outer punctuation.
_KEY_SPAN = re.compile(r"[^\W_](?:.*[^\W_])?", re.DOTALL)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# A letter or a digit beyond ASCII.
_NON_ASCII_ALNUM = re.compile(r"[^\W_\x00-\x7f]")
# Each ASCII byte's class for counting words on bytes: "a" for a letter or a digit, "j"
# for a character that joins two words into one (_WORD), a line break as itself, else
# a space. Bytes beyond ASCII (of characters that are no letters) are spaces.
_BYTE_CLASSES = bytes(
    ord("a") if chr(b).isalnum() else ord("j") if chr(b) in "'.-" else b if b == 10 else 32
    for b in range(128)
) + bytes([32] * 128)
_JOINER_TO_SPACE = bytes(32 if b == ord("j") else b for b in range(256))

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


class Line(NamedTuple):
    """One non-empty line of a dump, with its features (built by :func:`split_lines`).

    A new feature is a field computed in ``_features`` (once per distinct text), or a
    property when the decision reads it for few lines.
    """

    index: int  # position among the non-empty lines
    block: int  # which blank-line-separated block it belongs to
    text: str  # the line, stripped
    key: str  # lowercase, outer punctuation stripped, single spaces: for comparisons
    repeats: int  # how many lines of the dump have the same key
    n_words: int
    terminal: bool  # ends like a sentence
    truncated: bool  # a short line ending with "..." or an ellipsis: a cut-off teaser
    bullet: bool  # starts with a list marker
    commas: int  # how many commas (and semicolons) it holds
    #: Reads like running text: a sentence, or a long line of ordinary words.
    prose: bool
    #: Could be a headline: a few words, no full stop at the end.
    headline_like: bool
    cue: Cue | None = None  # a furniture phrase it matches
    bio_cues: int = 0  # how many author-bio cues it holds

    @property
    def stop_ratio(self) -> float:
        """Share of function words."""
        return _stop_ratio(self.text, self.n_words)

    @property
    def cap_ratio(self) -> float:
        """Share of words starting with a capital letter."""
        if not self.n_words:
            return 0.0
        return sum(1 for w in _WORD.findall(self.text) if w[0].isupper()) / self.n_words

    @property
    def inner_ends(self) -> bool:
        """Holds a sentence end before its last word."""
        return _inner_ends(self.text)


def normalize_key(text: str) -> str:
    """A comparison key: lowercase, straight apostrophes, no outer punctuation."""
    if not text.isascii():
        text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2032", "'")
    key = text.lower()
    # Squeeze spaces only if there are any to squeeze: every whitespace character but
    # " " is unprintable.
    if not key.isprintable() or "  " in key:
        key = " ".join(key.split())
    if key and key[0].isalnum() and key[-1].isalnum():
        return key
    match = _KEY_SPAN.search(key)
    return match.group() if match else ""


def split_lines(text: str) -> list[Line]:
    """The non-empty lines of ``text`` with their features."""
    raw: list[tuple[int, str]] = []
    block = 0
    for piece in _LINE_BREAK.split(text):
        stripped = piece.strip()
        if stripped:
            raw.append((block, stripped))
        elif raw and raw[-1][0] == block:
            block += 1
    # Page dumps repeat lines (menus, titles, teasers): features are per distinct text.
    keys: dict[str, str] = {}
    for _, line in raw:
        if line not in keys:
            keys[line] = normalize_key(line)
    texts = list(keys)
    n_words = _word_counts(texts)
    cues = match_cues(list(keys.values()), n_words)
    bios = bio_cue_counts(texts, n_words)
    features = {
        line: (*_features(line, n), cue, bio)
        for line, n, cue, bio in zip(texts, n_words, cues, bios, strict=True)
    }
    repeats = Counter(keys[line] for _, line in raw)
    make = Line._make
    return [
        make((index, block, line, keys[line], repeats[keys[line]], *features[line]))
        for index, (block, line) in enumerate(raw)
    ]


def _features(text: str, n_words: int) -> tuple[int, bool, bool, bool, int, bool, bool]:
    """``n_words`` to ``headline_like`` of a stripped line (see :class:`Line`)."""
    # As the patterns in the comments above: the line ends with no space, so "$" is its end.
    truncated = n_words <= 40 and text.rstrip(_ELLIPSIS_AFTER).rstrip().endswith(_ELLIPSIS)
    terminal = not truncated and text.rstrip(_TERMINAL_AFTER).endswith(_TERMINAL)
    commas = text.count(",") + text.count(";") + text.count("\u3001")
    if truncated or n_words == 0:
        prose = False
    elif terminal:
        prose = n_words >= 3 or _stop_ratio(text, n_words) > 0
    elif commas * 4 >= n_words:
        prose = False  # a list of names or tags
    else:
        prose = n_words >= 15 and (_stop_ratio(text, n_words) >= 0.2 or _inner_ends(text))
    headline_like = (
        2 <= n_words <= 30
        and len(text) <= 300
        and not truncated
        and not text.rstrip("\"'\u201d\u2019)").endswith((".", ";", ",", ":"))
    )
    return (
        n_words,
        terminal,
        truncated,
        bool(_BULLET.match(text)),
        commas,
        prose,
        headline_like,
    )


def _stop_ratio(text: str, n_words: int) -> float:
    if not n_words:
        return 0.0
    return sum(1 for w in _WORD.findall(text) if w.lower() in _STOPWORDS) / n_words


def _inner_ends(text: str) -> bool:
    return bool(_INNER_END.search(text.rstrip()[:-1]))


def _word_counts(texts: list[str]) -> list[int]:
    """How many words (``_WORD``) each line holds; two characters of CJK count as one.

    Lines whose letters and digits are all ASCII are counted together on bytes (see
    :func:`_ascii_word_counts`), the others word by word.
    """
    counts = [0] * len(texts)
    simple: list[int] = []
    for i, text in enumerate(texts):
        if text.isascii() or not _NON_ASCII_ALNUM.search(text):
            simple.append(i)
        elif _UNSPACED.search(text):
            counts[i] = sum(_word_count(w) for w in _WORD.findall(text))
        else:
            counts[i] = len(_WORD.findall(text))
    for i, n in zip(simple, _ascii_word_counts([texts[i] for i in simple]), strict=True):
        counts[i] = n
    return counts


def _ascii_word_counts(texts: list[str]) -> list[int]:
    """``len(_WORD.findall(text))`` of lines with no letter or digit beyond ASCII.

    Each byte becomes its class (``_BYTE_CLASSES``); a joiner between two letters joins
    them ("aja" -> "aaa", twice as ``bytes.replace`` does not overlap), the others are
    spaces; with a space before each line, a word starts at each " a".
    """
    if not texts:
        return []
    data = (" " + "\n ".join(texts)).replace("\u2019", "'").encode().translate(_BYTE_CLASSES)
    data = data.replace(b"aja", b"aaa").replace(b"aja", b"aaa").translate(_JOINER_TO_SPACE)
    return [line.count(b" a") for line in data.split(b"\n")]


def _word_count(word: str) -> int:
    unspaced = len(_UNSPACED.findall(word))
    return 1 + unspaced // 2 if unspaced else 1
