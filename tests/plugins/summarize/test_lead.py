"""The ``lead`` summarizer: first sentences, within sentence and character limits."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import newskit
import newskit_summarize
from newskit_summarize._fit import compose

S1 = "Mr. Smith went to Washington on Monday."
S2 = "He met Dr. Jones to discuss the budget."
S3 = "The talks lasted three hours."
S4 = "No deal was reached."
S5 = "Both men said they would meet again."
TEXT = f"{S1} {S2} {S3}\n\n{S4} {S5}"

SEED = Path(__file__).resolve().parents[3] / "examples" / "atlas-mali.txt"


def lead(text: str, sentences: int | None = 3, chars: int | None = None) -> str:
    article = newskit.Article(id="t", text=text)
    return newskit_summarize.lead(article, newskit.Length(sentences=sentences, chars=chars))


def seed_body() -> str:
    paragraphs = re.split(r"\n\s*\n", SEED.read_text(encoding="utf-8"))
    return "\n\n".join(p.strip() for p in paragraphs[2:6])


def test_first_k_sentences_joined_by_one_space() -> None:
    assert lead(TEXT, sentences=1) == S1
    assert lead(TEXT, sentences=2) == f"{S1} {S2}"
    assert lead(TEXT) == f"{S1} {S2} {S3}"


def test_no_sentence_limit_takes_all_across_paragraphs() -> None:
    assert lead(TEXT, sentences=None) == f"{S1} {S2} {S3} {S4} {S5}"
    assert lead(TEXT, sentences=50) == f"{S1} {S2} {S3} {S4} {S5}"


def test_abbreviations_do_not_end_a_sentence() -> None:
    summary = lead(TEXT, sentences=1)
    assert summary.startswith("Mr. Smith")
    assert summary.endswith("on Monday.")
    assert "Dr. Jones" in lead(TEXT, sentences=2)


def test_char_limit_takes_whole_sentences_that_fit() -> None:
    two = len(S1) + 1 + len(S2)
    assert lead(TEXT, sentences=None, chars=two) == f"{S1} {S2}"
    assert lead(TEXT, sentences=None, chars=two - 1) == S1
    assert lead(TEXT, sentences=None, chars=len(S1)) == S1


def test_sentence_limit_applies_before_char_limit() -> None:
    assert lead(TEXT, sentences=1, chars=1000) == S1


def test_first_sentence_too_long_is_cut_at_a_word_boundary() -> None:
    summary = lead(TEXT, chars=20)
    assert summary == "Mr. Smith went to\u2026"
    assert len(summary) <= 20


@pytest.mark.parametrize("chars", [2, 5, 12, 25, 38])
def test_cut_summary_is_a_prefix_within_the_limit(chars: int) -> None:
    summary = lead(TEXT, chars=chars)
    assert len(summary) <= chars
    assert summary.endswith("\u2026")
    assert S1.startswith(summary[:-1])


def test_cut_drops_dangling_punctuation() -> None:
    text = "Yesterday, in a statement released late at night, the ministry denied it."
    assert lead(text, chars=12) == "Yesterday\u2026"


def test_a_single_overlong_word_is_cut_inside_the_word() -> None:
    text = "Supercalifragilisticexpialidocious is a word."
    assert lead(text, chars=10) == "Supercali\u2026"


def test_line_breaks_inside_a_sentence_become_spaces() -> None:
    assert lead("He said:\nwe will win.  Then he left.", sentences=1) == "He said: we will win."


@pytest.mark.parametrize("text", ["", "   \n\n  \t"])
def test_empty_text_gives_empty_summary(text: str) -> None:
    assert lead(text) == ""
    assert lead(text, chars=10) == ""


def test_deterministic() -> None:
    assert {lead(TEXT, sentences=2, chars=60) for _ in range(5)} == {S1}


def test_selection_is_printed_in_article_order() -> None:
    sentences = newskit.split_sentences(TEXT)
    ranked = [sentences[4], sentences[0], sentences[2], sentences[1], sentences[3]]
    assert compose(ranked, newskit.Length(sentences=3)) == f"{S1} {S3} {S5}"


def test_seed_article_lead() -> None:
    summary = lead(seed_body(), sentences=1)
    assert summary.startswith("The United Nations is reportedly planning")
    assert summary.endswith("that was seen by Reuters.")


def test_lead_through_a_registry() -> None:
    pm = newskit.PluginManager(entry_points=False)
    pm.register(newskit_summarize, name="summarize")
    assert list(pm.summarizers) == ["lead-clean", "lead", "textrank", "lexrank"]

    pipeline = newskit.Pipeline.configure(
        plugins=pm, cleaners=[], summarizer="lead", classifiers=[], sentences=2
    )
    article = pipeline.run(newskit.Article(id="t", text=TEXT))
    assert article.errors == ()
    assert article.summary == f"{S1} {S2}"

    default = newskit.Pipeline.configure(plugins=pm, cleaners=[], classifiers=[])
    assert default.summarizer is not None
    assert default.summarizer.name == "lead-clean"
