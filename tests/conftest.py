from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "atlas-mali.txt"
SEED_URL = "https://theatlasnews.co/conflict/2023/06/27/un-to-end-peacekeeping-mission-in-mali-per-reuters/"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(autouse=True)
def _plugin_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests start from a plain environment: no plugin disabled, strict mode off."""
    monkeypatch.delenv("NEWSKIT_DISABLE_PLUGINS", raising=False)
    monkeypatch.delenv("NEWSKIT_STRICT_PLUGINS", raising=False)
