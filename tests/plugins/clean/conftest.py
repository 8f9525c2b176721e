"""Shared inputs for the newskit_clean tests."""

from __future__ import annotations

from pathlib import Path

import pytest

import newskit

SEED = Path(__file__).parents[3] / "examples" / "atlas-mali.txt"
FIXTURES = Path(__file__).parent / "fixtures"
SEED_URL = "https://theatlasnews.co/conflict/2023/06/27/un-to-end-peacekeeping-mission-in-mali-per-reuters/"


def read_dump(path: Path) -> str:
    """The text as the core text reader gives it: newlines normalised, nothing else."""
    return path.read_bytes().decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


@pytest.fixture
def seed_text() -> str:
    return read_dump(SEED)


@pytest.fixture
def seed_article(seed_text: str) -> newskit.Article:
    return newskit.Article(id="atlas-mali", url=SEED_URL, title=None, text=seed_text)


@pytest.fixture
def clean_text() -> str:
    return read_dump(FIXTURES / "clean-article.txt").strip()


@pytest.fixture
def furniture_dump() -> str:
    return read_dump(FIXTURES / "dump-furniture.txt")
