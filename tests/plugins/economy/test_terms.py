"""The term lists are tidy, and the plugin's term finder agrees with newskit.Lexicon."""

from __future__ import annotations

import re

import pytest

import newskit
import newskit_economy
from newskit_economy import _other
from newskit_economy._matcher import TermFinder


def all_terms() -> list[str]:
    return [
        *newskit_economy.TERMS,
        *(t for terms in newskit_economy.OTHER_TOPICS.values() for t in terms),
        *_other.NEUTRAL,
    ]


def test_no_term_is_listed_twice():
    lowered = [t.lower() for t in all_terms()]
    assert sorted(t for t in set(lowered) if lowered.count(t) > 1) == []


def test_weights_are_1_2_or_3():
    for subtopic, weights in newskit_economy.SUBTOPICS.items():
        assert weights, subtopic
        assert set(weights.values()) <= {1, 2, 3}, subtopic


def test_the_epu_terms_are_kept():
    assert newskit_economy.SUBTOPICS["macroeconomy"]["economy"] == 2
    assert newskit_economy.SUBTOPICS["macroeconomy"]["economic"] == 2


def test_terms_are_general_vocabulary_not_one_outlets():
    for term in all_terms():
        assert not re.search(r"\b(bbc|reuters|bloomberg|£)\b", term.lower()), term


FINDER = TermFinder(all_terms())


@pytest.mark.parametrize("term", all_terms())
def test_every_term_finds_itself(term):
    text = f"Before {term.rstrip('*')} after."
    assert [found for found, _, _ in FINDER.find(text)] == [term]


SAMPLES = [
    "Shares in the bank rose; bank shares and banking stocks led the FTSE 100 higher.",
    "Interest\nrates, INTEREST RATES and interest-rate moves: the central banks' week.",
    "The profit warning hit profits, and the profitable unit was sold off in a sell-off.",
    "Pre-tax profit at S&P 500 firms; Standard & Poor's cut the rating. Moody's did not.",
    "Trade unions and trade union members; the World Trade Center; free-trade deals.",
    "Exporters export exports; the exporting nations' exported goods were imported.",
    "Holiday season sales at the West Bank food bank; the season ended in the cup.",
    "GDPR is not GDP; a gdp figure; the economy's economies; economically speaking.",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_the_finder_matches_what_newskit_lexicon_matches(text):
    terms = all_terms()
    lexicon = newskit.Lexicon(terms)
    expected = [(m.term, m.start, m.end) for m in lexicon.find(text)]
    assert list(TermFinder(terms).find(text)) == expected


def test_the_finder_rejects_what_it_cannot_match():
    with pytest.raises(ValueError, match="final"):
        TermFinder(["*betray*"])
    with pytest.raises(ValueError, match="earlier term"):
        TermFinder(["Bank", "bank"])
