"""The sentence splitter against its hand-written case file, its invariants and big inputs.

tests/fixtures/sentences/cases.jsonl holds one case a line: ``text``, the expected
``sentences`` and a ``note`` that starts with the case's category ("abbreviation: ...").
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newskit import Sentence, split_sentences

CASES_FILE = Path(__file__).resolve().parents[1] / "fixtures" / "sentences" / "cases.jsonl"


def _load_cases() -> list[dict]:
    with CASES_FILE.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


CASES = _load_cases()


def _case_id(index: int, case: dict) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", case["note"].lower()).strip("-")
    return f"{index:03d}-{slug[:60]}"


def test_the_case_file_is_big_and_well_formed():
    assert len(CASES) >= 120
    for case in CASES:
        assert set(case) == {"text", "sentences", "note"}
        assert isinstance(case["text"], str) and ":" in case["note"]
        assert all(isinstance(s, str) and s == s.strip() and s for s in case["sentences"])
    assert len({case["text"] for case in CASES}) == len(CASES), "a case is repeated"


@pytest.mark.parametrize(
    "case", CASES, ids=[_case_id(i, case) for i, case in enumerate(CASES, start=1)]
)
def test_case(case):
    text = case["text"]
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == case["sentences"], case["note"]
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text


def _check_invariants(text: str, sentences: list[Sentence]) -> None:
    previous_end = 0
    for sentence in sentences:
        assert 0 <= previous_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        assert not text[previous_end : sentence.start].strip()
        previous_end = sentence.end
    assert not text[previous_end:].strip()
    # Every non-space character belongs to exactly one sentence.
    assert "".join("".join(s.text for s in sentences).split()) == "".join(text.split())


# Pieces that exercise the splitter's decisions, mixed with arbitrary text.
_PIECES = st.sampled_from(
    [
        "U.S.", "Mr.", "Inc.", "a.m.", "e.g.", "No.", "J.", "etc.", "Jan.", "St.", "3.5",
        "1.", "2)", "-", "•", "*", "...", "…", ".", "?", "!", "?!", "。", "！", "」", "“",
        "”", '"', "'", "(", ")", "[", "]", "«", "»", "¿", "¡", "„", ":", ";", ",", "\u037e",
        " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u00a0", "\u2028", "The", "He", "the", "x",
        "Smith", "said", "asked", "Officials", "iPhone", "Oktober", "12", "1998", "www.a.com",
    ]
)  # fmt: skip
_TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=60).map("".join),
)


@given(_TEXTS)
@settings(max_examples=400, deadline=None)
@example("")
@example(" \n ")
@example("He moved to the U.S. The move. \r\n\r\n- a\n- b")
@example("Mr. . . . ?! 。」x\n\n\u2028")
def test_sentences_are_ordered_disjoint_trimmed_and_cover_the_text(text):
    _check_invariants(text, split_sentences(text))


def test_a_text_of_100000_sentences():
    parts = [
        f"Mr. Smith paid ${i}.50 to the U.S. Army on Jan. {i % 28 + 1}. It was No. {i}."
        for i in range(50_000)
    ]
    text = " ".join(parts)
    sentences = split_sentences(text)
    assert len(sentences) == 100_000
    assert sentences[0].text == "Mr. Smith paid $0.50 to the U.S. Army on Jan. 1."
    assert sentences[-1].text == "It was No. 49999."
    assert text[sentences[-1].start : sentences[-1].end] == sentences[-1].text


def test_a_one_megabyte_line_without_punctuation():
    text = "word " * 200_000 + "end"
    assert [(s.start, s.end) for s in split_sentences(text)] == [(0, len(text))]


def test_a_one_megabyte_line_of_abbreviations_that_never_ends_a_sentence():
    text = "Mr. J. e.g. U.S. Army " * 50_000
    sentences = split_sentences(text)
    assert len(sentences) == 1 and sentences[0].text == text.strip()


def test_one_hundred_thousand_headlines():
    text = "Short Headline Here\n" * 100_000
    sentences = split_sentences(text)
    assert len(sentences) == 100_000
    assert {s.text for s in sentences} == {"Short Headline Here"}


def test_results_are_fresh_lists_of_the_cached_sentences():
    first = split_sentences("One. Two.")
    first.append(Sentence(text="x", start=0, end=1))
    assert [s.text for s in split_sentences("One. Two.")] == ["One.", "Two."]
