"""The tutorial plugin, installed for the tests that need it, and for them alone.

``pip install`` puts newskit-conflict (docs/tutorial) into a directory of its own, and
only the subprocesses of the tests that ask for it see that directory (on their
``PYTHONPATH``). The test process itself never imports the plugin, so the tests that
list or count plugins, or compare a page's output, see the plugins newskit ships.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = ROOT / "docs" / "tutorial"


@attrs.frozen
class InstalledPlugin:
    """Where the tutorial plugin is installed, and the environment that sees it."""

    target: Path

    @property
    def env(self) -> dict[str, str]:
        return {"PYTHONPATH": str(self.target)}

    def pip(self, args: list[str]) -> None:
        """A page's ``pip install [-e] WHAT``: the tutorial's path, which this fixture
        installed already, or packages this environment has already (such as pytest)."""
        for what in (a for a in args if not a.startswith("-")):
            if "/" in what or what == ".":
                assert (Path.cwd() / what).resolve() == TUTORIAL.resolve(), what
            else:
                importlib.metadata.version(what)  # raises if it is not installed


@pytest.fixture(scope="session")
def conflict_plugin(tmp_path_factory: pytest.TempPathFactory) -> InstalledPlugin:
    """newskit-conflict, installed with pip from docs/tutorial into a fresh directory.

    The build backend (hatchling) is taken from this environment when it is there,
    so that nothing is downloaded; the plugin's dependency, newskit, is this one.
    """
    target = tmp_path_factory.mktemp("conflict-plugin")
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps"]
    if importlib.util.find_spec("hatchling") is not None:
        command += ["--no-build-isolation", "--no-index"]
    command += ["--target", str(target), str(TUTORIAL)]
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (target / "newskit_conflict" / "__init__.py").is_file()
    return InstalledPlugin(target=target)
