"""Tests of the newskit-conflict plugin, with the helpers newskit's own tests use."""

from __future__ import annotations

import csv
from pathlib import Path

import newskit
from newskit.testing import analyze_with, plugin_manager

import newskit_conflict

CODED = Path(__file__).with_name("coded.csv")

SHELLING = (
    "Artillery shelling hit the outskirts of the city overnight. Two civilians were "
    "killed. The army said its troops had returned fire."
)


def test_a_war_report_is_conflict_with_its_sentences_as_evidence():
    (category,) = newskit_conflict.classify(newskit.Article(id="a", text=SHELLING))
    assert category.name == "conflict"
    assert category.label is True
    assert category.score > 0.5
    assert [e.terms for e in category.evidence] == [
        ("artillery", "shelling"),
        ("killed",),
        ("army", "troops"),
    ]
    for evidence in category.evidence:  # offsets point into the text
        assert SHELLING[evidence.start : evidence.end] == evidence.text


def test_a_trade_war_is_not_a_war():
    text = (
        "The trade war deepened as tariffs rose again. Exporters warned of job losses."
    )
    (category,) = newskit_conflict.classify(newskit.Article(id="b", text=text))
    assert (category.score, category.label, category.evidence) == (0.0, False, ())


def test_the_hook_registers_the_classifier_and_the_pipeline_runs_it():
    pm = plugin_manager(newskit_conflict)
    assert "conflict" in pm.classifiers
    (article,) = analyze_with(
        pm,
        [newskit.Article(id="c", text=SHELLING)],
        classifiers=["conflict"],
        summarizer=None,
    )
    assert article.category("conflict").label is True
    assert article.errors == ()


def test_articles_in_another_language_are_not_scored():
    pm = plugin_manager(newskit_conflict)
    french = newskit.Article(id="d", text="Les combats ont repris.", language="fr")
    (article,) = analyze_with(pm, [french], classifiers=["conflict"], summarizer=None)
    category = article.category("conflict")
    assert (category.score, category.label) == (None, None)
    assert "reads en only" in article.warnings[0].message


def test_every_coded_example_is_classified_as_coded():
    with CODED.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 20
    for row in rows:
        (category,) = newskit_conflict.classify(
            newskit.Article(id=row["id"], text=row["text"])
        )
        assert category.label == (row["label"] == "1"), row["id"]
