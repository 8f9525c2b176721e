"""The acceptance run on the seed: `newskit analyze examples/atlas-mali.txt --url … --format json`,
through the installed command line, checked field by field."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newskit import split_sentences
from tests.conftest import SEED, SEED_URL

BODY_STARTS = (
    "The United Nations is reportedly",
    "This comes as the mission",
    "The junta has also",
    "The future of Wagner",
)


@pytest.fixture(scope="module")
def record() -> dict:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "newskit",
            "analyze",
            str(SEED),
            "--url",
            SEED_URL,
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (record,) = json.loads(result.stdout)
    return record


def seed_lines() -> list[str]:
    return [
        " ".join(line.split())
        for line in SEED.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def test_title_and_exactly_the_four_body_paragraphs(record):
    assert record["title"] == "UN to End Peacekeeping Mission in Mali, Per Reuters"
    body = [line for line in seed_lines() if line.startswith(BODY_STARTS)]
    assert len(body) == 4
    assert record["text"] == "\n\n".join(body)
    assert "month and will withdraw" in record["text"]  # "month \xa0and" normalised


def test_every_piece_of_furniture_is_removed_with_a_reason(record):
    furniture = [line for line in seed_lines() if not line.startswith(BODY_STARTS)]
    removed = record["removed"]
    assert all(r["reason"].strip() for r in removed)
    removed_text = [" ".join(r["text"].split()) for r in removed]
    for line in furniture:
        assert any(line in text for text in removed_text), f"not in removed: {line!r}"
    assert (
        sum(
            text.count("UN to End Peacekeeping Mission in Mali, Per Reuters")
            for text in removed_text
        )
        == 2
    )
    assert sum(text.count("- Sponsor -spot_img") for text in removed_text) == 2


def test_publisher_section_and_date_come_from_the_url(record):
    assert record["source"]["domain"] == "theatlasnews.co"
    assert record["published"] == "2023-06-27"
    sections = [c["name"] for c in record["categories"] if c["scheme"] == "section"]
    assert sections == ["conflict"]


def test_reuters_is_a_cited_wire(record):
    reuters = [s for s in record["cited_sources"] if s["name"] == "Reuters"]
    assert len(reuters) == 1 and reuters[0]["kind"] == "wire"
    assert any("seen by Reuters" in e["text"] for e in reuters[0]["evidence"])


def test_doubled_say_is_warned_about_and_kept(record):
    assert "did say say, however" in record["text"]
    assert any("say say" in w["message"] for w in record["warnings"])
    assert record["errors"] == []


def test_summary_is_made_of_the_bodys_own_sentences(record):
    assert record["summary"]
    body_sentences = {s.text for s in split_sentences(record["text"])}
    for sentence in split_sentences(record["summary"]):
        assert sentence.text in body_sentences


@pytest.mark.parametrize("name", ["economy", "populism"])
def test_both_classifiers_say_no_with_a_score_and_evidence(record, name):
    (category,) = [c for c in record["categories"] if c["name"] == name]
    assert category["label"] is False
    assert 0.0 <= category["score"] < 0.5
    assert isinstance(category["evidence"], list)
    for evidence in category["evidence"]:
        assert record["text"][evidence["start"] : evidence["end"]] == evidence["text"]
