"""Which populist statements a sentence makes: the sentence-level rules.

A single word is weak evidence ("the government" in a policy pledge; "failed" about a
harvest), so a sentence counts only when terms of different kinds meet in it:

``elite-blame`` (anti-elitism)
    An elite (a group from ``ELITE`` or an institution from ``INSTITUTION``) followed
    within ``BLAME_WINDOW`` words, in the same clause, by a negative evaluation:
    "politicians have betrayed", "Westminster is held in contempt". The elite is the
    one doing wrong.
``elite-criticism`` (anti-elitism, weaker)
    An elite and a negative evaluation within ``NEAR_WINDOW`` words otherwise ("the
    arrogance of the government"), or blame inside the speaker's own pledge.
``people-and-elite`` (people-centrism)
    The people (``PEOPLE``) and an elite in the same sentence, mostly set against each
    other: "Brussels imposes rules on the British people", "the few, not the many",
    "MPs must answer to the people". Requiring a negative word as well lowered F1.
``common-sense`` (people-centrism)
    An appeal to common sense: the people's wisdom against experts and elites.
``sovereignty`` (popular sovereignty)
    A demand that the people decide: "take back control", "let the people decide", a
    referendum.

What stops a sentence from counting:

- Negation. An evaluation or a demand with ``not``, ``never``, ``no`` ... up to
  ``NEGATION_WINDOW`` words before it in the same clause does not count ("they are not
  corrupt"), nor does an elite right after one ("no government can ignore this").
- Whose institution. "A new government", "our government", "in government", "local
  government" are the speaker's, hypothetical or a lower tier; "the Labour government",
  "the Heath government" (a capitalised name between a determiner and the institution,
  other than British, European and the like) are one party's. Attacks on one party are
  everyday politics, not anti-elitism: the NCCR coders did not count them, and counting
  them lowered F1.
- Pledges. When the speaker promises ("we will cut the waste in Whitehall"), the elite
  is the object of a policy, not of an accusation: such a sentence counts at most as
  ``elite-criticism``, and never as ``people-and-elite``.
- Denial. A sentence whose only negative evaluations are negated ("politicians never
  lie to voters") does not count as ``people-and-elite`` either.
"""

from __future__ import annotations

import bisect

from ._lexicons import KINDS, NEGATORS, NOT_ELITE_BEFORE, OWN, PLEDGE_MODALS, SPEAKERS
from ._match import TOKEN, Hit, Matcher, tokenize

__all__ = [
    "BLAME_WINDOW",
    "COMMON_SENSE",
    "ELITE_BLAME",
    "ELITE_CRITICISM",
    "KINDS_OF_SENTENCE",
    "NEAR_WINDOW",
    "NEGATION_WINDOW",
    "PEOPLE_AND_ELITE",
    "SOVEREIGNTY",
    "analyse",
]

ELITE_BLAME = "elite-blame"
ELITE_CRITICISM = "elite-criticism"
PEOPLE_AND_ELITE = "people-and-elite"
COMMON_SENSE = "common-sense"
SOVEREIGNTY = "sovereignty"
#: Every kind of populist sentence, in a fixed order.
KINDS_OF_SENTENCE = (ELITE_BLAME, ELITE_CRITICISM, PEOPLE_AND_ELITE, COMMON_SENSE, SOVEREIGNTY)

BLAME_WINDOW = 6
NEAR_WINDOW = 12
NEGATION_WINDOW = 3

_MATCHER = Matcher(KINDS)
_CLAUSE_MARKS = frozenset(',;:()"\u201c\u201d\u2013\u2014')
_TRIGGERS = frozenset({"elite", "institution", "sovereignty", "appeal"})
_DETERMINERS = frozenset("the a an this that these those his her its their".split())
# Capitalised words before an institution that still name the ruling one.
_NATIONAL = frozenset(
    "british uk westminster english european eu brussels central federal national".split()
)


def analyse(text: str) -> dict[str, list[str]]:
    """The kinds of populist statement that ``text`` (one sentence) makes, each with
    the lexicon terms behind it; empty when it makes none."""
    words = tokenize(text)
    hits = _MATCHER.find(words)
    if not any(hit[2] in _TRIGGERS for hit in hits):
        return {}
    found: dict[str, list[str]] = {}
    elites: list[Hit] = []
    negatives: list[Hit] = []
    people: list[Hit] = []
    denied = False
    capitals = _Capitals(text, len(words))
    for hit in hits:
        kind = hit[2]
        if kind in ("elite", "institution"):
            if _is_elite(hit, words, capitals):
                elites.append(hit)
        elif kind == "negative":
            if _negated(words, hit[0]):
                denied = True
            else:
                negatives.append(hit)
        elif kind == "people":
            people.append(hit)
        elif kind == "sovereignty":
            if not _negated(words, hit[0]):
                found.setdefault(SOVEREIGNTY, []).append(hit[3])
        elif kind == "appeal":
            found.setdefault(COMMON_SENSE, []).append(hit[3])
    if elites:
        pledge = _is_pledge(words)
        blame, near = _evaluations(elites, negatives, words)
        if blame and not pledge:
            found[ELITE_BLAME] = blame
        elif blame or near:
            found[ELITE_CRITICISM] = blame + near
        if people and not pledge and (negatives or not denied):
            found[PEOPLE_AND_ELITE] = [people[0][3], elites[0][3]]
    return {kind: list(dict.fromkeys(terms)) for kind, terms in found.items()}


def _evaluations(
    elites: list[Hit], negatives: list[Hit], words: list[str]
) -> tuple[list[str], list[str]]:
    """Terms of the (elite, evaluation) pairs: the elite doing wrong, and merely near."""
    blame: list[str] = []
    near: list[str] = []
    starts = [n[0] for n in negatives]
    for elite in elites:
        low = bisect.bisect_left(starts, elite[0] - NEAR_WINDOW)
        high = bisect.bisect_right(starts, elite[0] + NEAR_WINDOW)
        for negative in negatives[low:high]:
            if negative[0] < elite[1] and elite[0] < negative[1]:
                continue  # one phrase matched as both ("elitist")
            gap = negative[0] - elite[1]
            if 0 <= gap <= BLAME_WINDOW and _CLAUSE_MARKS.isdisjoint(words[elite[1] : negative[0]]):
                blame += [elite[3], negative[3]]
            else:
                near += [elite[3], negative[3]]
    return blame, near


class _Capitals:
    """Whether a token is written with a capital, read from the original text once."""

    def __init__(self, text: str, count: int) -> None:
        self._text = text
        self._count = count
        self._tokens: list[str] | None = None

    def __getitem__(self, index: int) -> bool:
        if self._tokens is None:
            self._tokens = TOKEN.findall(self._text.replace("\u2019", "'"))
        if len(self._tokens) != self._count:
            return False  # lowercasing changed the tokens (rare scripts): do not guess
        return self._tokens[index][:1].isupper()


def _is_elite(hit: Hit, words: list[str], capitals: _Capitals) -> bool:
    start, end, kind, term = hit
    after = NOT_ELITE_BEFORE.get(term)
    if after and end < len(words) and words[end] in after:
        return False
    if start == 0:
        return True
    before = words[start - 1]
    if before in NEGATORS:
        return False
    if kind != "institution":
        return True
    if before in OWN:
        return False
    partisan = (
        start >= 2
        and words[start - 2] in _DETERMINERS
        and before not in _NATIONAL
        and capitals[start - 1]
    )
    return not partisan


def _negated(words: list[str], index: int) -> bool:
    for j in range(index - 1, max(-1, index - 1 - NEGATION_WINDOW), -1):
        word = words[j]
        if word in _CLAUSE_MARKS:
            return False
        if word in NEGATORS:
            return True
    return False


def _is_pledge(words: list[str]) -> bool:
    return any(
        word in SPEAKERS and words[i + 1] in PLEDGE_MODALS for i, word in enumerate(words[:-1])
    )
