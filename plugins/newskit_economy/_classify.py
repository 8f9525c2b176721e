"""Score an article for economy, business or finance as its main topic.

Evidence, sentence by sentence
    Each sentence (the title counts as one) gets the summed weights of the distinct
    economic terms in it (``_terms``: 3 specific, 2 likely, 1 weak), at most
    ``SENTENCE_CAP``, minus ``OTHER_WEIGHT`` for each distinct term of another topic
    (``_other``: sport, culture, party politics, crime and war, technology, health), at
    most ``OTHER_CAP`` of them. Counting distinct terms per sentence, with a cap, rewards
    evidence spread through the article over one sentence full of it.

Density
    The headline (``Article.title``, else the first sentence) weighs ``TITLE_WEIGHT``,
    the next ``LEAD_SENTENCES`` sentences ``LEAD_WEIGHT``, the rest 1; the density is the
    weighted mean over the sentences, with ``PSEUDO_SENTENCES`` empty sentences added so
    that very short texts need more than one weak word::

        density = sum(weight_i * evidence_i) / (sum(weight_i) + PSEUDO_SENTENCES)

    A passing mention ("the economic cost of the war") in a long article on another
    topic adds little to the mean; an article whose sentences keep coming back to
    prices, firms, markets or jobs scores high.

Calibration
    ``score = 1 / (1 + exp(-(SLOPE * density + INTERCEPT)))``: a logistic function with
    two constants fitted on economy-bbc (2,225 BBC articles, the business section as
    positive), so that a score of 0.8 is right about 8 times in 10 on news like it. A
    text without any economic term scores 0 (none of the 635 such BBC articles is a
    business story). The label is ``score >= threshold`` (``THRESHOLD`` = 0.5 unless
    :func:`make_classifier` is given another). Calibration holds for a mix of topics like
    the BBC's (23% business); where economic news is rarer, scores run high.

Sub-topics
    An article labelled economy also gets one category of scheme ``economy-topic`` for
    each sub-topic with evidence (``macroeconomy``, ``markets``, ``companies``,
    ``trade``, ``labour``), main sub-topic first. Its score is the sub-topic's share of
    the article's weighted economic evidence (the shares add up to 1; not a
    probability); its label says whether that share reaches ``SUBTOPIC_SHARE``.

Language
    The terms are English (``ENGLISH_ONLY``). An article in another language (its
    ``language`` set and not English; when it is unset, a text mostly in another script,
    or of at least ``MIN_WORDS`` words of which fewer than ``MIN_ENGLISH_SHARE`` are
    common English function words) gets one ``economy`` category with no score, no
    label and no evidence.

Measured on economy-bbc (``benchmarks/classification.py``)
    F1 0.926 (precision 0.929, recall 0.924); 5-fold cross-validation, refitting
    ``SLOPE`` and ``INTERCEPT`` (and choosing ``OTHER_WEIGHT`` and ``SENTENCE_CAP``
    from a grid) on four folds, gives F1 0.924-0.929 and a calibration error of 0.012
    (10 bins). The term weights were set by hand, partly after reading term counts on
    the same articles: the term lists as first written scored F1 0.91. Most remaining
    errors are politics-section stories on budgets, taxes, pensions and strikes, which
    are economic topics in the Comparative Agendas Project's sense. On the first two
    paragraphs only, F1 is 0.86; on titles alone, 0.60.

    ======  =====  ==========  ==========
    score   texts  mean score  business
    ======  =====  ==========  ==========
    0-0.1    1608       0.008       0.006
    0.1-0.2    59       0.140       0.119
    0.2-0.3    22       0.238       0.455
    0.3-0.4    17       0.349       0.471
    0.4-0.5    13       0.453       0.385
    0.5-0.6    15       0.552       0.600
    0.6-0.7    24       0.648       0.708
    0.7-0.8    30       0.753       0.833
    0.8-0.9    37       0.857       0.919
    0.9-1     400       0.984       0.965
    ======  =====  ==========  ==========

    (cross-validated scores, 5 folds)
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections.abc import Sequence

import newskit

from ._matcher import TermFinder
from ._other import ENGLISH_WORDS, NEUTRAL, OTHER_TOPICS
from ._terms import SUBTOPICS

__all__ = [
    "ENGLISH_ONLY",
    "SCHEME",
    "SUBTOPIC_SCHEME",
    "THRESHOLD",
    "classify",
    "density",
    "is_english",
    "make_classifier",
    "score",
]

SCHEME = "economy"
SUBTOPIC_SCHEME = "economy-topic"
THRESHOLD = 0.5
ENGLISH_ONLY = True

SENTENCE_CAP = 4
OTHER_CAP = 3
OTHER_WEIGHT = 1.5
TITLE_WEIGHT = 2.0
LEAD_WEIGHT = 1.5
LEAD_SENTENCES = 2
PSEUDO_SENTENCES = 1.0
SLOPE = 3.6
INTERCEPT = -2.8
SUBTOPIC_SHARE = 0.25

MIN_WORDS = 20
MIN_ENGLISH_SHARE = 0.04
_LANGUAGE_SAMPLE = 1500  # characters
_OTHER_SCRIPT = re.compile(r"[^\W\d_a-zA-Z\u00c0-\u024f]")  # letters not in Latin script

# Economic term -> (sub-topic, weight); other-topic terms; and one finder for all, the
# neutral phrases included so that they hide the words inside them.
_ECONOMIC: dict[str, tuple[str, int]] = {
    term: (subtopic, weight)
    for subtopic, weights in SUBTOPICS.items()
    for term, weight in weights.items()
}
_OTHER = frozenset(t for terms in OTHER_TOPICS.values() for t in terms)
_FINDER = TermFinder([*_ECONOMIC, *_OTHER, *NEUTRAL])


class _Unit:
    """A sentence (or the title) with its position weight and the terms found in it."""

    __slots__ = ("economic", "end", "other", "start", "text", "weight")

    def __init__(self, text: str, start: int | None, end: int | None, weight: float) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.weight = weight
        self.economic: dict[str, tuple[str, int]] = {}  # in order of first occurrence
        self.other: set[str] = set()

    def add(self, term: str) -> None:
        found = _ECONOMIC.get(term)
        if found is not None:
            self.economic.setdefault(term, found)
        elif term in _OTHER:
            self.other.add(term)

    def evidence(self, subtopic: str | None = None) -> newskit.Evidence:
        terms = [t for t, (s, _) in self.economic.items() if subtopic in (None, s)]
        return newskit.Evidence(text=self.text, start=self.start, end=self.end, terms=terms)


def classify(article: newskit.Article) -> list[newskit.Category]:
    """The ``economy`` category, and its ``economy-topic`` sub-topics when it is one."""
    return _classify(article, threshold=THRESHOLD)


def make_classifier(threshold: float = THRESHOLD) -> newskit.Classifier:
    """The ``economy`` classifier component, labelling ``score >= threshold``."""
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)):
        raise newskit.ConfigError(f"economy: threshold must be a number, not {threshold!r}")
    if not 0.0 <= threshold <= 1.0:
        raise newskit.ConfigError(
            f"economy: threshold {threshold} is outside 0-1; scores are probabilities, "
            f"so pick a value such as {THRESHOLD}"
        )
    return newskit.Classifier(
        name="economy",
        classify=functools.partial(_classify, threshold=float(threshold)),
        description=(
            "Economy, business or finance as the main topic: calibrated probability from "
            "weighted economic terms per sentence, less other-topic terms; sub-topics "
            "macroeconomy, markets, companies, trade, labour."
        ),
        languages=("en",),
    )


def _classify(article: newskit.Article, threshold: float) -> list[newskit.Category]:
    if not is_english(article):
        return [newskit.Category(name="economy", scheme=SCHEME, score=None, label=None)]
    units = _read(article)
    value = score(density(units)) if any(u.economic for u in units) else 0.0
    label = value >= threshold
    categories = [
        newskit.Category(
            name="economy",
            scheme=SCHEME,
            score=value,
            label=label,
            evidence=[u.evidence() for u in units if u.economic],
        )
    ]
    if label:
        categories.extend(_subtopics(units))
    return categories


def density(units: Sequence[_Unit]) -> float:
    """Position-weighted mean evidence per sentence (see the module's docstring)."""
    total = 0.0
    weights = PSEUDO_SENTENCES
    for unit in units:
        economic = min(SENTENCE_CAP, sum(w for _, w in unit.economic.values()))
        other = min(OTHER_CAP, len(unit.other))
        total += unit.weight * (economic - OTHER_WEIGHT * other)
        weights += unit.weight
    return total / weights


def score(value: float) -> float:
    """The calibrated probability for a density, rounded to four decimals."""
    return round(1.0 / (1.0 + math.exp(-(SLOPE * value + INTERCEPT))), 4)


def is_english(article: newskit.Article) -> bool:
    """Whether the article is English: its ``language`` if set, else a word count."""
    if article.language:
        return article.language.lower().split("-")[0].split("_")[0] == "en"
    sample = article.text[:_LANGUAGE_SAMPLE]
    if not sample.isascii() and len(_OTHER_SCRIPT.findall(sample)) * 4 > len(sample):
        return False  # mostly another script: Cyrillic, Greek, Arabic, CJK...
    words = sample.lower().split()
    if len(words) < MIN_WORDS:
        return True  # too little text to tell; the terms decide
    english = sum(1 for word in words if word in ENGLISH_WORDS)
    return english >= MIN_ENGLISH_SHARE * len(words)


def _read(article: newskit.Article) -> list[_Unit]:
    """The title (unless the text starts with it) and the sentences, with their terms."""
    text = article.text
    sentences = newskit.split_sentences(text)
    units: list[_Unit] = []
    title = " ".join((article.title or "").split())
    if title and not text.lstrip().startswith(title):
        unit = _Unit(title, None, None, TITLE_WEIGHT)
        for term, _, _ in _FINDER.find(title):
            unit.add(term)
        units.append(unit)
    for i, sentence in enumerate(sentences, start=len(units)):
        weight = TITLE_WEIGHT if i == 0 else LEAD_WEIGHT if i <= LEAD_SENTENCES else 1.0
        units.append(_Unit(sentence.text, sentence.start, sentence.end, weight))
    body = units[len(units) - len(sentences) :]
    starts = [s.start for s in sentences]
    for term, start, _ in _FINDER.find(text):
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0:
            body[i].add(term)
    return units


def _subtopics(units: Sequence[_Unit]) -> list[newskit.Category]:
    """One ``economy-topic`` category per sub-topic with evidence, largest share first."""
    weights = dict.fromkeys(SUBTOPICS, 0.0)
    for unit in units:
        for subtopic, weight in unit.economic.values():
            weights[subtopic] += unit.weight * weight
    total = sum(weights.values())
    found = sorted((s for s in SUBTOPICS if weights[s]), key=lambda s: -weights[s])
    return [
        newskit.Category(
            name=subtopic,
            scheme=SUBTOPIC_SCHEME,
            score=round(weights[subtopic] / total, 4),
            label=weights[subtopic] / total >= SUBTOPIC_SHARE,
            evidence=[
                u.evidence(subtopic)
                for u in units
                if any(s == subtopic for s, _ in u.economic.values())
            ],
        )
        for subtopic in found
    ]
