"""The ``doubled-words`` cleaner: warn about accidental doubled words, change nothing.

A word written twice in a row ("did say say") is reported as a warning on the step
``clean:doubled-words``, quoting the pair and two words of context on each side. The
text is never changed: a journalist's words are theirs, even when they slip.

Not reported, because they are usually meant:

* grammatical doubles: "had had", "that that", "do do" ("what they do do is"), and
  "her her" ("gave her her coat");
* reduplications and intensifiers of speech: "bye bye", "so so", "no no", "very very",
  "really really", "ha ha" and the like (see ``_MEANT``);
* numbers ("10 10"), and pairs of capitalised words, which are names ("Walla Walla",
  "Sirhan Sirhan", the band "The The");
* pairs joined to a neighbouring word by a hyphen or apostrophe ("well-being being").

Reported even so: "is is", "the the" and every other double, inside quotes or not,
since a transcribed stammer and a typo look the same; a reader can judge from the
quoted context. Pairs split by a line break or punctuation are not doubles.
"""

from __future__ import annotations

import re

import attrs

import newskit

__all__ = ["STEP", "clean_doubled_words", "find_doubled_words"]

STEP = "clean:doubled-words"
#: How many doubled pairs one article lists at most.
MAX_WARNINGS = 20
# How far to look for context on each side of a pair, in characters.
_WINDOW = 120

_MEANT = frozenset(
    """
    had that do her
    bye so no yes yeah ha haha he hee ho hey oh ooh ah aah well there now tut chop
    knock night very really much many far long way too more boo choo tsk hush
    pooh pom dum la na din bling bang cha chi yum hip hubba tick tock cuckoo
    """.split()
)
_PAIR = re.compile(r"(?<![\w'\u2019-])([^\W\d_]+)[ \t\u00a0]+(\1)(?![\w'\u2019-])", re.IGNORECASE)
_LEFT = re.compile(r"(?:[^\s]+[ \t\u00a0]+){0,2}$")
_RIGHT = re.compile(r"^(?:[^\w\n]*[\w'\u2019-]+){0,2}[^\w\s]*")


def find_doubled_words(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of every doubled pair that is reported."""
    found = []
    for match in _PAIR.finditer(text):
        first, second = match.group(1), match.group(2)
        if first.lower() in _MEANT:
            continue
        if first[0].isupper() and second[0].isupper() and not first.isupper() and len(first) > 1:
            continue  # a name
        found.append((match.start(), match.end()))
    return found


def _context(text: str, start: int, end: int) -> str:
    line_start = max(text.rfind("\n", max(0, start - _WINDOW), start) + 1, start - _WINDOW)
    line_end = text.find("\n", end, end + _WINDOW)
    if line_end == -1:
        line_end = min(len(text), end + _WINDOW)
    before = text[line_start:start]
    after = text[end:line_end]
    left = _LEFT.search(before)
    right = _RIGHT.match(after)
    left_text = left.group(0) if left else ""
    right_text = right.group(0) if right else ""
    prefix = "\u2026" if len(left_text) < len(before) else ""
    suffix = "\u2026" if len(right_text) < len(after.rstrip()) else ""
    return f"{prefix}{left_text}{text[start:end]}{right_text}{suffix}"


def _messages(text: str, where: str, room: int) -> tuple[list[str], int]:
    """Messages for the first ``room`` pairs, and how many pairs there are in all."""
    found = find_doubled_words(text)
    listed = [
        f'doubled word "{text[start:end]}" {where} "{_context(text, start, end)}"'
        for start, end in found[: max(room, 0)]
    ]
    return listed, len(found)


def clean_doubled_words(article: newskit.Article) -> newskit.Article:
    """The ``doubled-words`` cleaner: one warning per doubled pair, title first.

    At most ``MAX_WARNINGS`` pairs are listed; a last warning counts the rest.
    """
    messages, total = _messages(article.title or "", "in the title", MAX_WARNINGS)
    listed, in_text = _messages(article.text, "in", MAX_WARNINGS - len(messages))
    messages += listed
    total += in_text
    if total > MAX_WARNINGS:
        messages.append(f"{total - MAX_WARNINGS} more doubled words not listed")
    problems = tuple(newskit.Problem(step=STEP, message=m) for m in messages)
    return attrs.evolve(article, warnings=(*article.warnings, *problems))
