"""``lead-clean`` (the default), ``textrank`` and ``lexrank``: what they pick, and bad input."""

from __future__ import annotations

import pytest

import newskit
import newskit_summarize
from newskit_summarize._graph import MAX_SENTENCES, lexrank_scores, textrank_scores

# A story about a strike; one sentence is off-topic, one says the story in brief.
STORY = [
    "Dock workers at the harbour began a strike on Monday over pay.",
    "Photo by Jane Doe.",
    "The dock workers' strike at the harbour stopped ships and cargo for a week.",
    "A local bakery won a prize for its bread at a county fair.",
    "The union said the strike by dock workers would go on until the harbour raised pay.",
    "Harbour managers said the strike cost the harbour and its ships money every day.",
]
TEXT = " ".join(STORY)


def summarize(name: str, text: str, sentences: int | None = 3, chars: int | None = None) -> str:
    component = newskit.get_plugin_manager().summarizers[name]
    article = newskit.Article(id="t", text=text)
    return component.summarize(article, newskit.Length(sentences=sentences, chars=chars))


def test_the_default_summarizer_is_lead_clean():
    pipeline = newskit.Pipeline.configure()
    assert pipeline.summarizer is not None and pipeline.summarizer.name == "lead-clean"


def test_lead_clean_skips_fragments_and_repeats_and_keeps_article_order():
    standfirst = "Dock workers at the harbour began a strike on Monday over pay, the union said."
    text = f"{standfirst} {TEXT}"
    assert summarize("lead-clean", text) == " ".join([standfirst, STORY[2], STORY[3]])
    assert summarize("lead", text) == " ".join([standfirst, STORY[0], "Photo by Jane Doe."])


def test_lead_clean_falls_back_on_skipped_sentences_when_short_of_them():
    assert summarize("lead-clean", "He was 88. He died on Monday.", sentences=2) == (
        "He was 88. He died on Monday."
    )


@pytest.mark.parametrize("name", ["textrank", "lexrank"])
def test_graph_rankers_pick_the_central_sentences_and_leave_out_the_odd_one(name):
    summary = summarize(name, TEXT, sentences=2)
    assert STORY[3] not in summary
    chosen = [s for s in STORY if s in summary]
    assert len(chosen) == 2
    assert summary == " ".join(chosen)  # article order
    assert summarize(name, TEXT, sentences=2) == summary  # deterministic


def test_scores_rank_the_off_topic_sentence_last():
    sentences = newskit.split_sentences(TEXT)
    for scores in (textrank_scores(sentences), lexrank_scores(sentences)):
        assert len(scores) == len(sentences)
        assert scores.index(min(scores)) in (1, 3)  # the caption or the bakery
        assert sum(scores) == pytest.approx(1.0)


NAMES = ["lead-clean", "lead", "textrank", "lexrank"]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ""),
        ("   \n\n ", ""),
        ("The harbour strike is over.", "The harbour strike is over."),
        ("no punctuation at all just words", "no punctuation at all just words"),
    ],
)
def test_tiny_inputs_give_defined_summaries(name, text, expected):
    assert summarize(name, text) == expected


@pytest.mark.parametrize("name", NAMES)
def test_a_text_of_100000_sentences_is_summarised(name):
    text = " ".join(f"Sentence number {i} tells of the harbour strike." for i in range(100_000))
    summary = summarize(name, text)
    first = newskit.split_sentences(text)[:MAX_SENTENCES]
    assert len(newskit.split_sentences(summary)) == 3
    assert all(any(s.text == part.text for s in first) for part in newskit.split_sentences(summary))


@pytest.mark.parametrize("name", NAMES)
def test_non_english_text_is_summarised_in_its_own_words(name):
    text = (
        "Die Hafenarbeiter streikten am Montag für höhere Löhne. "
        "Der Streik der Hafenarbeiter legte die Schiffe eine Woche lang still. "
        "Eine Bäckerei gewann einen Preis. "
        "Die Gewerkschaft sagte, der Streik der Hafenarbeiter gehe weiter."
    )
    summary = summarize(name, text, sentences=2)
    assert len(newskit.split_sentences(summary)) == 2
    assert all(s.text in text for s in newskit.split_sentences(summary))


@pytest.mark.parametrize("name", NAMES)
def test_character_limits_hold_for_every_summarizer(name):
    assert len(summarize(name, TEXT, sentences=None, chars=120)) <= 120
    assert summarize(name, TEXT, sentences=None, chars=10).endswith("\u2026")


def test_the_plugin_registers_every_summarizer():
    assert {s.name for s in newskit_summarize.newskit_register_summarizers()} == set(NAMES)
