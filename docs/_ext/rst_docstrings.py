"""A griffe extension: newskit's reStructuredText docstring idioms, as Markdown.

newskit's docstrings use ``double backticks``, roles such as :class:`~newskit.Input`,
``::`` before literal blocks and ``>>>`` examples. mkdocstrings renders docstrings as
Markdown, so this extension rewrites them when the API reference is built: roles that
name the public API become cross-references, other roles plain code, and examples
fenced code. An attrs class also gets a table of its fields (name, type, default),
which its docstring leaves to the code. The source files are not changed.
"""

from __future__ import annotations

import re
from typing import Any

import attrs
import griffe

import newskit

_PUBLIC = frozenset(newskit.__all__)
_ROLE = re.compile(r":(?:class|meth|func|data|attr|mod|exc|obj):`(~?)([^`]+)`")
_LITERAL = re.compile(r"``(.+?)``")


def _target(name: str) -> str | None:
    """The public API identifier ``name`` refers to, if it names one."""
    parts = name.split(".")
    if parts[0] == "newskit":
        parts = parts[1:]
    if parts and parts[0] in _PUBLIC and len(parts) <= 2:
        return "newskit." + ".".join(parts)
    return None


def _role(match: re.Match[str]) -> str:
    short, name = match.group(1), match.group(2)
    shown = name.rsplit(".", 1)[-1] if short else name
    target = _target(name)
    return f"[`{shown}`][{target}]" if target else f"`{shown}`"


def _fence_examples(lines: list[str]) -> list[str]:
    """Wrap each run of ``>>>`` lines (with their output, up to a blank line) in a
    ``pycon`` fence, and turn ``::`` before an indented block into ``:``."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.lstrip().startswith(">>>"):
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}```pycon")
            while i < len(lines) and lines[i].strip():
                out.append(lines[i])
                i += 1
            out.append(f"{indent}```")
            continue
        if line.rstrip().endswith("::"):
            stripped = line.rstrip()[:-2].rstrip()
            line = stripped + ":" if stripped else ""
        out.append(line)
        i += 1
    return out


def markdown(text: str) -> str:
    """``text`` (a docstring in newskit's reST idioms) as Markdown."""
    text = _ROLE.sub(_role, text)
    text = _LITERAL.sub(r"`\1`", text)
    return "\n".join(_fence_examples(text.split("\n")))


def _default(field: attrs.Attribute) -> str:
    default = field.default
    if default is attrs.NOTHING:
        return "required"
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        default = default.factory() if not default.takes_self else None
    return f"`{default!r}`"


def fields_table(cls: type) -> str:
    """A Markdown table of an attrs class's init fields: name, type and default."""
    rows = [f"| `{f.name}` | `{f.type}` | {_default(f)} |" for f in attrs.fields(cls) if f.init]
    keyword = all(f.kw_only for f in attrs.fields(cls) if f.init)
    title = "Fields (keyword arguments)" if keyword else "Fields"
    return "\n".join([f"**{title}:**", "", "| Field | Type | Default |", "|---|---|---|", *rows])


class RestructuredTextRoles(griffe.Extension):
    """Rewrite every docstring that griffe loads (see the module docstring)."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = markdown(obj.docstring.value)
        if isinstance(obj, griffe.Class) and obj.docstring is not None:
            try:
                runtime = griffe.dynamic_import(obj.path)
            except ImportError:
                return
            if attrs.has(runtime):
                obj.docstring.value += "\n\n" + fields_table(runtime)
