"""The score is a probability that only moves the way the evidence does."""

from __future__ import annotations

import itertools

import pytest

import newskit
import newskit_economy
from newskit_economy import _classify

FILLER = "The weather was mild for the time of year. People walked along the river."


def score(text: str, **fields: object) -> float:
    category = newskit_economy.classify(newskit.Article(id="t", text=text, **fields))[0]
    assert category.score is not None
    return category.score


def test_the_calibration_curve_rises_and_stays_in_0_1():
    densities = [x / 10 for x in range(-80, 81)]
    scores = [_classify.score(d) for d in densities]
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert all(a <= b for a, b in itertools.pairwise(scores))
    assert scores[0] < 0.001
    assert scores[-1] > 0.999
    # the decision point of the default threshold: density 0.78
    assert _classify.score(0.7) < newskit_economy.THRESHOLD < _classify.score(0.85)


def test_more_economic_sentences_raise_the_score():
    sentences = [
        "Shares fell in early trading.",
        "Investors worried about inflation.",
        "The central bank may raise interest rates.",
        "Exports slowed for a third month.",
    ]
    scores = [score(" ".join([FILLER, *sentences[:n], FILLER])) for n in range(5)]
    assert scores[0] == 0.0
    assert all(a < b for a, b in itertools.pairwise(scores))


def test_specific_terms_weigh_more_than_weak_ones():
    weak = score(f"{FILLER} The company opened a new office. {FILLER}")
    likely = score(f"{FILLER} The economy grew. {FILLER}")
    specific = score(f"{FILLER} GDP grew. {FILLER}")
    assert 0.0 < weak < likely < specific


def test_other_topics_lower_the_score():
    base = f"{FILLER} Shares fell and investors sold bonds. {FILLER}"
    sport = f"{FILLER} Shares fell and investors sold bonds. The striker scored in the cup."
    assert score(sport) < score(base)


def test_one_sentence_full_of_terms_weighs_as_one_capped_sentence():
    packed = "Inflation, unemployment, interest rates, tariffs and GDP all rose."
    plain = "Inflation and GDP rose."
    assert score(f"{FILLER} {packed} {FILLER}") == score(f"{FILLER} {plain} {FILLER}")


@pytest.mark.parametrize("repeat", [1, 2, 10, 200])
def test_length_dilutes_a_single_mention(repeat):
    text = " ".join(["Inflation rose.", *[FILLER] * repeat])
    longer = " ".join(["Inflation rose.", *[FILLER] * (repeat + 5)])
    assert score(longer) < score(text)


def test_constants_are_the_documented_ones():
    assert newskit_economy.THRESHOLD == 0.5
    assert newskit_economy.ENGLISH_ONLY is True
    assert (_classify.SLOPE, _classify.INTERCEPT) == (3.6, -2.8)
