"""The reference pages cover what the code defines: every hook in hookspecs.py has a
section in docs/hooks.md with its signature and an example, and every name of
``newskit.__all__`` is in the API reference."""

from __future__ import annotations

import inspect
import re

import newskit
from newskit import hookspecs
from tests.docs.markdown_examples import ROOT

HOOKS_PAGE = ROOT / "docs" / "hooks.md"
API_PAGE = ROOT / "docs" / "api.md"


def hooks() -> dict[str, object]:
    """Every hook newskit declares: the functions in hookspecs.py marked as specs."""
    marker = f"{hookspecs.hookspec.project_name}_spec"
    return {
        name: function
        for name, function in inspect.getmembers(hookspecs, inspect.isfunction)
        if hasattr(function, marker)
    }


def signature(function: object) -> str:
    """``name(arg: Type) -> Return``, annotations as written in hookspecs.py."""
    sig = inspect.signature(function)  # type: ignore[arg-type]
    params = ", ".join(
        f"{p.name}: {p.annotation}" if p.annotation is not inspect.Parameter.empty else p.name
        for p in sig.parameters.values()
    )
    return f"{function.__name__}({params}) -> {sig.return_annotation}"  # type: ignore[attr-defined]


def sections(text: str) -> dict[str, str]:
    """The page's ``## `name` `` sections, by name."""
    parts = re.split(r"^## `([^`]+)`[ \t]*$", text, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_the_hooks_are_found():
    assert {"newskit_register_readers", "newskit_register_commands"} <= set(hooks())
    assert signature(hooks()["newskit_register_commands"]) == (
        "newskit_register_commands(cli: click.Group) -> None"
    )


def undocumented(page: str) -> list[str]:
    """What a hook reference page leaves out: a section per hook, each with the hook's
    signature and an example; and sections for hooks that do not exist."""
    found = sections(page)
    problems = [f"no section for {name}" for name in sorted(set(hooks()) - set(found))]
    for name, function in sorted(hooks().items()):
        section = found.get(name)
        if section is None:
            continue
        if f"**Signature:** `{signature(function)}`" not in section:
            problems.append(f"{name}: no signature `{signature(function)}`")
        if "```python" not in section:
            problems.append(f"{name}: no example")
    problems += [f"a section for {name}, which is no hook" for name in set(found) - set(hooks())]
    return problems


def test_every_hook_has_a_section_with_its_signature_and_an_example():
    assert undocumented(HOOKS_PAGE.read_text(encoding="utf-8")) == []


def test_a_hook_without_a_section_or_signature_is_found():
    page = HOOKS_PAGE.read_text(encoding="utf-8")
    cut = re.sub(r"## `newskit_register_formats`.*?(?=^## )", "", page, flags=re.S | re.M)
    assert undocumented(cut) == ["no section for newskit_register_formats"]
    wrong = page.replace("newskit_register_readers() -> Iterable[Reader]", "readers()")
    assert undocumented(wrong) == [
        "newskit_register_readers: no signature `newskit_register_readers() -> Iterable[Reader]`"
    ]
    extra = page + "\n## `newskit_register_engines`\n"
    assert undocumented(extra) == ["a section for newskit_register_engines, which is no hook"]


def test_the_api_reference_shows_every_public_name():
    text = API_PAGE.read_text(encoding="utf-8")
    shown = set(re.findall(r"^::: newskit\.(\w+)", text, flags=re.MULTILINE))
    missing = sorted(set(newskit.__all__) - shown)
    assert not missing, f"docs/api.md has no '::: newskit.NAME' for {missing}"
    # Besides newskit.__all__: the testing helpers and the public modules for corpora.
    assert shown - set(newskit.__all__) <= {"testing", "batch", "store", "dask", "report"}
