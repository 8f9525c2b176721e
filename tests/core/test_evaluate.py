"""``newskit evaluate``: the AEB shingle metric, ROUGE for summaries, and the commands."""

from __future__ import annotations

import gzip
import json
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newskit import Length, MissingDependencyError
from newskit.cli import cli
from newskit.errors import InputError
from newskit.evaluate import (
    Report,
    evaluate_dataset,
    evaluate_summaries,
    find_data,
    read_summary_data,
    score_page,
    score_pages,
)

BODY = (
    "The council voted on Tuesday to close the harbour bridge to lorries after engineers "
    "found cracks in two of its girders.\n\nTraffic will be diverted for six months while "
    "the girders are replaced, the council said."
)


def test_identical_text_scores_one_whatever_the_spacing():
    page = score_page("p", BODY, BODY.replace("\n\n", " "))
    assert (page.precision, page.recall, page.f1) == (1.0, 1.0, 1.0)


def test_shingles_are_counted_as_a_multiset_and_normalised_per_page():
    # truth: "a b c d e" -> {abcd, bcde}; predicted: "a b c d x" -> {abcd, bcdx}
    page = score_page("p", "a b c d e", "a b c d x")
    assert (page.tp, page.fp, page.fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert (page.precision, page.recall) == pytest.approx((0.5, 0.5))
    # A shingle repeated in the output but once in the truth counts once.
    twice = score_page("p", "a b c d", "a b c d a b c d")
    assert twice.recall == 1.0
    assert twice.precision == pytest.approx(1 / 5)  # abcd bcda cdab dabc abcd: one matches


def test_texts_shorter_than_a_shingle_are_one_shingle():
    assert score_page("p", "Breaking news", "Breaking news").f1 == 1.0
    assert score_page("p", "Breaking news", "Breaking").f1 == 0.0


def test_an_empty_output_counts_against_recall_only():
    report = score_pages({"a": (BODY, BODY), "b": (BODY, "")})
    assert report.pages[1].precision is None
    assert report.pages[1].recall == 0.0
    assert report.precision == 1.0
    assert report.recall == 0.5
    assert report.f1 == pytest.approx(2 * 1.0 * 0.5 / 1.5)


def test_the_report_lists_the_worst_pages_first():
    report = score_pages({"good": (BODY, BODY), "bad": (BODY, "nothing alike at all here")})
    assert [p.id for p in report.worst(2)] == ["bad", "good"]
    text = report.format(worst=1)
    assert "precision 0.500  recall 0.500  F1 0.500" in text
    assert text.splitlines()[-1].endswith("bad")
    assert Report(dataset="x", pages=()).f1 == 0.0


def _dataset(root: Path) -> Path:
    """A two-page extraction dataset in AEB's layout, and a page whose file is missing."""
    (root / "html").mkdir(parents=True)
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))
    page = (
        "<html><head><title>Bridge closed</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Bridge closed</h1>{paragraphs}</article></body></html>"
    )
    (root / "html" / "one.html.gz").write_bytes(gzip.compress(page.encode()))
    (root / "html" / "two.html").write_text(page, encoding="utf-8")
    truth = {
        "one": {"articleBody": BODY, "url": "https://example.com/2024/05/01/bridge"},
        "two": {"articleBody": BODY, "url": None},
        "gone": {"articleBody": BODY, "url": None},
    }
    (root / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return root


def test_a_dataset_is_read_scored_and_missing_pages_count(tmp_path):
    report = evaluate_dataset(_dataset(tmp_path / "aeb"), "extraction")
    scores = {p.id: p for p in report.pages}
    assert scores["one"].f1 == 1.0
    assert scores["two"].f1 == 1.0
    assert scores["gone"].error == "input file missing"
    assert scores["gone"].recall == 0.0
    assert [p.id for p in report.failed] == ["gone"]


def test_a_directory_that_is_no_dataset_is_named_in_the_error(tmp_path):
    with pytest.raises(InputError, match="needs html/ and ground-truth.json") as info:
        evaluate_dataset(tmp_path, "extraction")
    assert str(tmp_path) in str(info.value)


def test_data_comes_from_the_option_then_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSKIT_DATA", str(tmp_path))
    assert find_data() == tmp_path
    assert find_data(tmp_path / ".") == tmp_path
    with pytest.raises(InputError, match="--data names no directory"):
        find_data(tmp_path / "nowhere")
    monkeypatch.setenv("NEWSKIT_DATA", str(tmp_path / "nowhere"))
    with pytest.raises(InputError, match="NEWSKIT_DATA names no directory"):
        find_data()


def test_the_command_prints_the_scores_and_the_worst_pages(tmp_path):
    directory = _dataset(tmp_path / "aeb")
    result = CliRunner().invoke(cli, ["evaluate", "extraction", str(directory), "--worst", "2"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("extraction: 3 pages, 1 failed")
    assert lines[1] == "precision 1.000  recall 0.667  F1 0.800"
    assert "gone  (input file missing)" in result.output


def test_the_command_finds_the_dataset_under_the_data_directory_and_prints_json(tmp_path):
    _dataset(tmp_path / "extraction" / "aeb")
    result = CliRunner().invoke(
        cli, ["evaluate", "extraction", "--data", str(tmp_path), "--json", "--clean", "none"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["pages"], data["failed"]) == (3, 1)
    assert {s["id"]: s["f1"] for s in data["scores"]}["one"] == 1.0


def test_the_command_names_a_bad_directory(tmp_path):
    result = CliRunner().invoke(cli, ["evaluate", "pagetext", os.fspath(tmp_path)])
    assert result.exit_code == 1
    assert "needs text/ and ground-truth.json" in result.output


# -- summaries ------------------------------------------------------------------------------

ARTICLE = (
    "The council closed the harbour bridge to lorries on Tuesday. Engineers found cracks in "
    "two girders. Traffic will use the ring road for six months. Shop owners fear a quiet "
    "winter. The mayor promised them a fund."
)


def _summary_data(path: Path, rows: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_a_summary_equal_to_its_reference_scores_one_and_the_best_reference_counts(tmp_path):
    lead3 = "The council closed the harbour bridge to lorries on Tuesday.\nEngineers found "
    lead3 += "cracks in two girders.\nTraffic will use the ring road for six months."
    data = _summary_data(
        tmp_path / "s.jsonl",
        [{"id": "a", "article": ARTICLE, "references": ["Cats sleep all day.", lead3]}],
    )
    report = evaluate_summaries(data, summarizer="lead")
    (score,) = report.articles
    assert (score.rouge1, score.rouge2, score.rougeLsum) == (1.0, 1.0, 1.0)
    assert report.summarizer == "lead"
    assert score.words == len(lead3.split())


def test_summary_scores_follow_the_summary_length(tmp_path):
    reference = "The council closed the harbour bridge to lorries on Tuesday."
    data = _summary_data(
        tmp_path / "s.jsonl", [{"id": "a", "article": ARTICLE, "reference": reference}]
    )
    one = evaluate_summaries(data, summarizer="lead", length=Length(sentences=1))
    three = evaluate_summaries(data, summarizer="lead", length=Length(sentences=3))
    assert one.mean("rouge1") == 1.0
    assert 0 < three.mean("rouge1") < 1.0


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("not json", "line 1: not JSON"),
        ('["a list"]', "line 1: each line must be a JSON object"),
        ('{"id": "x", "article": "Text."}', 'line 1: needs "article" and "reference"'),
        ('{"id": "x", "article": "Text.", "references": []}', "line 1: needs"),
    ],
)
def test_bad_summary_data_names_the_line(tmp_path, line, problem):
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        read_summary_data(path)


def test_rouge_scoring_without_its_extra_names_the_extra(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "rouge_score", None)
    monkeypatch.setitem(sys.modules, "rouge_score.rouge_scorer", None)
    data = _summary_data(tmp_path / "s.jsonl", [{"id": "a", "article": ARTICLE, "reference": "x"}])
    with pytest.raises(MissingDependencyError, match=r"pip install 'newskit\[rouge\]'"):
        evaluate_summaries(data)


def test_the_summary_command_prints_rouge(tmp_path):
    data = _summary_data(
        tmp_path / "s.jsonl",
        [
            {"id": str(i), "article": ARTICLE, "reference": "The council closed the bridge."}
            for i in range(3)
        ],
    )
    result = CliRunner().invoke(
        cli, ["evaluate", "summary", str(data), "--summarizer", "lead", "--worst", "1"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("lead: 3 articles, 0 failed")
    assert "ROUGE-1 " in result.output.splitlines()[1]
