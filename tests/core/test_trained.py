"""Classifiers users train on their own coded articles: ``newskit train`` and JSON models."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import newskit
from newskit.cli import cli
from newskit.errors import InputError, MissingDependencyError
from newskit.trained import LinearModel, load_model, train

ECONOMY = [
    "Shares fell as the central bank raised interest rates to fight inflation.",
    "The company reported record profits and its shares rose sharply.",
    "Exports fell and the trade deficit widened, official figures showed.",
    "Unemployment rose as factories cut jobs and wages stalled.",
    "Investors sold bonds after the bank warned of a recession.",
    "The retailer's sales and profits beat forecasts, lifting its shares.",
]
OTHER = [
    "The striker scored twice as the team won the cup final.",
    "The film won three awards at the festival on Sunday.",
    "Heavy rain flooded the village and closed the school.",
    "The band announced a tour of twenty cities next spring.",
    "The museum opened a new wing for modern sculpture.",
    "The goalkeeper saved a penalty in the last minute of the match.",
]
ROWS = [(f"e{i}", t, True) for i, t in enumerate(ECONOMY)] + [
    (f"o{i}", t, False) for i, t in enumerate(OTHER)
]


def _csv(path: Path) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "text", "label"])
        writer.writerows((i, t, int(label)) for i, t, label in ROWS)
    return path


def test_a_saved_model_scores_exactly_as_scikit_learn_does(tmp_path):
    sklearn = pytest.importorskip("sklearn")
    from newskit.trained import _pipeline

    model = train("econ", ROWS * 2)
    fitted = _pipeline(sklearn).fit([t for _, t, _ in ROWS * 2], [g for _, _, g in ROWS * 2])
    texts = ["The bank raised rates and shares fell.", "The team won the final.", ""]
    expected = fitted.predict_proba(texts)[:, 1]
    model.save(tmp_path / "m.json")
    loaded = load_model(tmp_path / "m.json")
    assert loaded == model
    for text, probability in zip(texts, expected, strict=True):
        assert loaded.score(text)[0] == pytest.approx(probability, abs=1e-12)


def test_a_model_classifies_with_evidence_sentences():
    model = train("econ", ROWS * 2)
    text = "The match was played on Sunday. Shares fell as the bank raised interest rates."
    (category,) = model.classify(newskit.Article(id="x", text=text))
    assert (category.name, category.label) == ("econ", True)
    assert [e.text for e in category.evidence] == ["Shares fell as the bank raised interest rates."]
    assert all(text[e.start : e.end] == e.text for e in category.evidence)


def test_training_needs_both_labels():
    with pytest.raises(InputError, match="coded 1 and articles coded 0"):
        train("econ", [(i, t, True) for i, t, _ in ROWS])


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("not json", "not JSON"),
        ('{"format": "other"}', "not a newskit model file"),
        ('{"format": "newskit-linear-model/1", "name": "x"}', "damaged model file"),
    ],
)
def test_bad_model_files_are_named(tmp_path, content, problem):
    path = tmp_path / "m.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        load_model(path)


def test_training_without_the_ml_extra_names_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "sklearn", None)
    with pytest.raises(MissingDependencyError, match=r"pip install 'newskit\[ml\]'"):
        train("econ", ROWS)


def test_train_then_analyze_and_evaluate_with_the_model(tmp_path):
    coded = _csv(tmp_path / "coded.csv")
    model = tmp_path / "econ.json"
    runner = CliRunner()
    result = runner.invoke(cli, ["train", "econ", str(coded), "-o", str(model), "--folds", "3"])
    assert result.exit_code == 0, result.output
    assert "3-fold cross-validation" in result.output
    assert json.loads(model.read_text(encoding="utf-8"))["name"] == "econ"

    page = tmp_path / "page.txt"
    page.write_text("Shares fell as the central bank raised interest rates.\n", encoding="utf-8")
    result = runner.invoke(
        cli, ["analyze", str(page), "--classifier", f"money={model}", "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    categories = {c["name"]: c for c in json.loads(result.stdout)[0]["categories"]}
    assert categories["money"]["label"] is True

    result = runner.invoke(cli, ["evaluate", "classifier", f"money={model}", str(coded)])
    assert result.exit_code == 0, result.output
    assert "precision 1.000  recall 1.000" in result.output

    result = runner.invoke(cli, ["analyze", str(page), "--classifier", "money"])
    assert result.exit_code == 2
    assert "NAME=MODEL.json" in result.output


def test_a_model_is_an_ordinary_classifier_component():
    model = LinearModel(name="m", terms={"bank": (1.0, 3.0)}, intercept=-1.0)
    component = model.classifier()
    assert (component.name, component.default) == ("m", False)
    article = newskit.Pipeline(classifiers=[component]).run(newskit.Article(id="a", text="A bank."))
    assert article.categories[0].score == pytest.approx(1 / (1 + 2.718281828459045**-2), abs=1e-4)
