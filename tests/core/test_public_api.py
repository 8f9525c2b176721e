"""The public API is exactly ``newskit.__all__``, and the layering rules hold."""

from __future__ import annotations

import ast
import types
from pathlib import Path

import newskit

ROOT = Path(__file__).resolve().parents[2]


def test_all_is_exactly_the_public_names():
    public = {
        name
        for name, value in vars(newskit).items()
        if not name.startswith("_")
        and not isinstance(value, types.ModuleType)
        and name != "annotations"
    }
    assert public | {"__version__"} == set(newskit.__all__)
    assert newskit.__all__ == sorted(newskit.__all__)
    for name in newskit.__all__:
        assert getattr(newskit, name) is not None


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.module, [alias.name for alias in node.names]))
    return found


def test_plugins_use_only_the_public_api_and_never_each_other():
    for plugin_dir in sorted((ROOT / "plugins").iterdir()):
        if not plugin_dir.name.startswith("newskit_"):
            continue
        for path in plugin_dir.rglob("*.py"):
            for module, names in _imports(path):
                where = f"{path.relative_to(ROOT)} imports {module}"
                if module == "newskit":
                    assert set(names) <= set(newskit.__all__), f"{where}: {names} not public"
                else:
                    assert not module.startswith("newskit."), f"{where}: private core module"
                    top = module.split(".")[0]
                    assert top in {"newskit", plugin_dir.name} or not top.startswith("newskit"), (
                        where
                    )


def test_the_core_never_imports_a_plugin():
    for path in (ROOT / "src" / "newskit").rglob("*.py"):
        for module, _ in _imports(path):
            assert not module.startswith("newskit_"), f"{path} imports plugin {module}"


def test_every_hook_has_a_docstring_with_an_example():
    from newskit import hookspecs

    hooks = [n for n in dir(hookspecs) if n.startswith("newskit_")]
    assert len(hooks) == 6
    for name in hooks:
        doc = getattr(hookspecs, name).__doc__ or ""
        assert "@newskit.hookimpl" in doc, f"{name} has no example"
