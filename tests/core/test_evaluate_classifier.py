"""``newskit evaluate classifier``: a classifier against hand-coded articles."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import newskit
from newskit.cli import cli
from newskit.errors import InputError
from newskit.evaluate import evaluate_classifier, read_coded
from newskit.testing import plugin_manager


class _BankPlugin:
    """A toy classifier: 'bank' in the text scores 0.9, else 0.1, with the sentence."""

    @newskit.hookimpl
    def newskit_register_classifiers(self):
        def classify(article):
            hit = "bank" in article.text.lower()
            evidence = [newskit.Evidence(text=article.text, start=0, end=len(article.text))]
            return [
                newskit.Category(
                    name="banking",
                    scheme="banking",
                    score=0.9 if hit else 0.1,
                    label=hit,
                    evidence=evidence if hit else [],
                ),
                newskit.Category(name="extra", scheme="banking-detail", score=0.5, label=True),
            ]

        return [newskit.Classifier(name="banking", classify=classify)]


ROWS = [
    ("a", "The bank raised rates.", 1),
    ("b", "The central bank held rates.", 1),
    ("c", "Rates rose at lenders.", 1),  # missed: no 'bank'
    ("d", "The river bank flooded.", 0),  # false alarm
    ("e", "The match ended in a draw.", 0),
    ("f", "A film won a prize.", 0),
]


def _csv(path: Path, rows=ROWS) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "text", "label"])
        writer.writerows(rows)
    return path


@pytest.fixture
def pm():
    return plugin_manager(("bank", _BankPlugin()))


def test_precision_recall_calibration_and_worst_errors(tmp_path, pm):
    report = evaluate_classifier("banking", _csv(tmp_path / "coded.csv"), plugins=pm)
    assert (report.precision, report.recall) == (2 / 3, 2 / 3)
    assert report.f1 == pytest.approx(2 / 3)
    # Bins: 0.1 -> three articles, one coded 1; 0.9 -> three articles, two coded 1.
    assert [
        (n, round(mean, 2), round(share, 3)) for _, _, n, mean, share in report.calibration()
    ] == [
        (3, 0.1, 0.333),
        (3, 0.9, 0.667),
    ]
    assert report.calibration_error == pytest.approx((3 * (1 / 3 - 0.1) + 3 * (0.9 - 2 / 3)) / 6)
    worst = report.worst(2)
    assert [(w.id, w.label) for w in worst] == [("d", True), ("c", False)]
    assert worst[0].evidence == ("The river bank flooded.",)
    text = report.format(worst=2)
    assert "false positive, score 0.900: d" in text
    assert "evidence: The river bank flooded." in text


def test_a_threshold_replaces_the_classifiers_own_label(tmp_path, pm):
    report = evaluate_classifier("banking", _csv(tmp_path / "c.csv"), threshold=0.05, plugins=pm)
    assert (report.precision, report.recall) == (0.5, 1.0)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("id,body\n1,x\n", "missing \\['label', 'text'\\]"),
        ("id,text,label\n1,x,maybe\n", "line 2: label 'maybe' is not 1 or 0"),
        ("id,text,label\n", "no rows"),
    ],
)
def test_bad_coded_files_are_named(tmp_path, content, problem):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        read_coded(path)


def test_labels_may_be_words(tmp_path):
    rows = read_coded(_csv(tmp_path / "w.csv", [("a", "x", "true"), ("b", "y", "No")]))
    assert [label for _, _, label in rows] == [True, False]


def test_the_command_runs_an_installed_classifier(tmp_path):
    path = _csv(tmp_path / "coded.csv", [(r[0], r[1], r[2]) for r in ROWS])
    result = CliRunner().invoke(cli, ["evaluate", "classifier", "economy", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["classifier"] == "economy" and data["articles"] == 6
    assert {item["id"] for item in data["items"]} == {r[0] for r in ROWS}
