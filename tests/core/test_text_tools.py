"""Sentences and lexicons: the shared text tools plugins build on."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

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


_TERMS = ["elit*", "*betray*", "stock market", "stock", "gdp", "ruling*", "people", "u.s."]
_WORDS = [
    "self",
    "elites",
    "betrayal",
    "stock",
    "market",
    "GDP",
    "overruling",
    "people",
    "U.S.",
    "a",
]


@given(
    st.lists(
        st.tuples(st.sampled_from(_WORDS), st.sampled_from([" ", "  ", "-", ", ", "", "\n"])),
        max_size=12,
    ),
    st.lists(st.sampled_from(_TERMS), min_size=1, max_size=5),
)
@example([("stock", " "), ("market", "")], ["stock", "stock market"])
@example([("self", "-"), ("betrayal", " ")], ["*betray*", "u.s."])
def test_lexicon_finds_what_each_term_alone_finds_leftmost_and_longest_first(pieces, terms):
    # The reference: at each position, the first term (longest first) whose own
    # pattern matches there; then go on after the match. The compiled alternation
    # must give exactly this.
    text = "".join(word + sep for word, sep in pieces)
    lex = Lexicon(terms)
    singles = [(t, Lexicon([t])._any) for t in sorted(lex.terms, key=len, reverse=True)]
    expected, pos = [], 0
    while pos < len(text):
        hit = next(((t, m) for t, rx in singles if (m := rx.match(text, pos))), None)
        if hit is None:
            pos += 1
            continue
        expected.append((hit[0], hit[1].start(), hit[1].end()))
        pos = hit[1].end()
    assert [(m.term, m.start, m.end) for m in lex.find(text)] == expected
