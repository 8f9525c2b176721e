"""Sentences and lexicons: the shared text tools plugins build on."""

from __future__ import annotations

import pytest

from newskit import Lexicon, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith met Gen. Allen on Jan. 5. They talked.", ["Mr. Smith met Gen. Allen on Jan. 5.", "They talked."]),
        ("The U.S. Army left. It was over.", ["The U.S. Army left.", "It was over."]),
        ("Officials in the U.S. The talks ended.", ["Officials in the U.S.", "The talks ended."]),
        ("Shares rose 3.5% to $12.40. Analysts cheered.", ["Shares rose 3.5% to $12.40.", "Analysts cheered."]),
        ("J. K. Rowling spoke. Fans wept.", ["J. K. Rowling spoke.", "Fans wept."]),
        ('"Leave now." He left.', ['"Leave now."', "He left."]),
        ("It ended (finally.) Then rain.", ["It ended (finally.)", "Then rain."]),
        ("Big Headline Here\nThe story starts.", ["Big Headline Here", "The story starts."]),
        ("Items:\n- one\n- two", ["Items:", "- one", "- two"]),
        ("Para one.\n\nPara two", ["Para one.", "Para two"]),
        ("e.g. this stays together. Next.", ["e.g. this stays together.", "Next."]),
        ("Really? Yes! Fine…  Done.", ["Really?", "Yes!", "Fine…", "Done."]),
        ("", []),
    ],
)  # fmt: skip
def test_split_sentences(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_sentence_offsets_point_into_the_text():
    text = "  First one.  Second one!\n\nThird\n- bullet"
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text


def test_lexicon_wildcards_phrases_and_word_boundaries():
    lex = Lexicon(["elit*", "*betray*", "stock market", "gdp", "ruling*"])
    text = "Elites betrayed us; the stock   market fell; GDP rose. Celite and gdps and overruling."
    found = [(m.term, m.text) for m in lex.find(text)]
    assert found == [
        ("elit*", "Elites"),
        ("*betray*", "betrayed"),
        ("stock market", "stock   market"),
        ("gdp", "GDP"),
    ]
    assert lex.terms_in("the ruling class") == ["ruling*"]


def test_lexicon_rejects_empty_terms():
    with pytest.raises(ValueError, match="no terms"):
        Lexicon(["", "  "])
    with pytest.raises(ValueError, match="only wildcards"):
        Lexicon(["**"])


def test_lexicon_terms_may_start_or_end_with_punctuation():
    lex = Lexicon(["(a", "u.s.", "*deceit*"])
    assert [(m.term, m.text) for m in lex.find("x(a b; the u.s. and self-deceitful")] == [
        ("(a", "(a"),
        ("u.s.", "u.s."),
        ("*deceit*", "deceitful"),
    ]
