"""The data newskit produces: :class:`Article` and the records it holds.

Every type here is immutable (``attrs`` frozen, keyword-only) and validated when it is
built. Steps never modify an article; they return a new one with :func:`attrs.evolve`.
``to_dict()`` gives plain JSON-safe data and ``from_dict()`` reads it back, so an
article written as JSON and read again is equal to the original.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any, TypeVar

import attrs
from attrs import field, frozen
from attrs import validators as v

from .errors import InputError

__all__ = ["READ_STEP", "Article", "Category", "Evidence", "Problem", "Removal", "Source"]

#: The step name of errors raised while reading an input. An article carrying such an
#: error is an error record: the pipeline passes it through untouched.
READ_STEP = "read"

_T = TypeVar("_T")


def _tuple(value: Iterable[_T] | None) -> tuple[_T, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, bytes, Mapping)):
        raise TypeError(f"expected a sequence, got {type(value).__name__}")
    return tuple(value)


def _tuple_of(cls: type) -> Any:
    return v.deep_iterable(v.instance_of(cls), v.instance_of(tuple))


_opt_str = v.optional(v.instance_of(str))


def _non_empty(_inst: Any, attribute: attrs.Attribute, value: str) -> None:
    if not value.strip():
        raise ValueError(f"{attribute.name} must not be empty")


def _score(_inst: Any, _attribute: attrs.Attribute, value: float | None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"score must be a number between 0 and 1 or None, got {value!r}")
    if math.isnan(value) or not 0.0 <= value <= 1.0:
        raise ValueError(f"score must be between 0 and 1, got {value!r}")


def _offsets(inst: Evidence, _attribute: attrs.Attribute, value: int | None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"evidence offsets must be non-negative integers, got {value!r}")


@frozen(kw_only=True)
class Evidence:
    """Why a call was made: a passage of the article and the terms that matched in it.

    ``start`` and ``end`` are character offsets into ``Article.text`` (so that
    ``article.text[start:end] == text``), or ``None`` when the passage is not in the
    body (for example a title).
    """

    text: str = field(validator=v.instance_of(str))
    start: int | None = field(default=None, validator=_offsets)
    end: int | None = field(default=None, validator=_offsets)
    terms: tuple[str, ...] = field(default=(), converter=_tuple, validator=_tuple_of(str))

    def __attrs_post_init__(self) -> None:
        if (self.start is None) != (self.end is None):
            raise ValueError("evidence needs both start and end offsets, or neither")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"evidence end {self.end} is before start {self.start}")

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "terms": list(self.terms)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Evidence:
        return _build(cls, data, "evidence")


@frozen(kw_only=True)
class Source:
    """A publisher, or an organisation an article cites.

    ``kind`` says which: ``"publisher"`` for who published the article, ``"wire"`` for a
    news agency, ``"outlet"`` for another news organisation, ``"organisation"`` for any
    other body. Cited sources carry the sentences that cite them as ``evidence``.
    """

    name: str = field(validator=[v.instance_of(str), _non_empty])
    domain: str | None = field(default=None, validator=_opt_str)
    url: str | None = field(default=None, validator=_opt_str)
    kind: str = field(default="publisher", validator=[v.instance_of(str), _non_empty])
    evidence: tuple[Evidence, ...] = field(
        default=(), converter=_tuple, validator=_tuple_of(Evidence)
    )

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "domain": self.domain,
            "url": self.url,
            "kind": self.kind,
            "evidence": [e.to_dict() for e in self.evidence],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Source:
        data = dict(data)
        data["evidence"] = [_sub(Evidence, e) for e in data.get("evidence") or ()]
        return _build(cls, data, "source")


@frozen(kw_only=True)
class Category:
    """A label on an article, with where it came from.

    ``scheme`` names what assigned it: a classifier (``"economy"``, ``"populism"``) or
    page metadata (``"section"``, ``"tag"``). ``score`` is the classifier's confidence
    between 0 and 1, or ``None`` for a label read from metadata. ``label`` is the
    yes/no decision. ``evidence`` holds the passages behind the call.
    """

    name: str = field(validator=[v.instance_of(str), _non_empty])
    scheme: str = field(validator=[v.instance_of(str), _non_empty])
    score: float | None = field(default=None, validator=_score)
    label: bool | None = field(default=None, validator=v.optional(v.instance_of(bool)))
    evidence: tuple[Evidence, ...] = field(
        default=(), converter=_tuple, validator=_tuple_of(Evidence)
    )

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "score": self.score,
            "label": self.label,
            "scheme": self.scheme,
            "evidence": [e.to_dict() for e in self.evidence],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Category:
        data = dict(data)
        data["evidence"] = [_sub(Evidence, e) for e in data.get("evidence") or ()]
        return _build(cls, data, "category")


@frozen(kw_only=True)
class Removal:
    """A piece of the input that a cleaner took out of the text, and why."""

    text: str = field(validator=v.instance_of(str))
    reason: str = field(validator=[v.instance_of(str), _non_empty])
    step: str = field(default="", validator=v.instance_of(str))  # e.g. "clean:furniture"

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "reason": self.reason, "step": self.step}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Removal:
        return _build(cls, data, "removed")


@frozen(kw_only=True)
class Problem:
    """A warning or an error, with the step that reported it."""

    step: str = field(validator=v.instance_of(str))
    message: str = field(validator=v.instance_of(str))

    def to_dict(self) -> dict[str, Any]:
        return {"step": self.step, "message": self.message}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Problem:
        return _build(cls, data, "problem")


def _published(value: date | datetime | str | None) -> date | datetime | None:
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, str):
        return parse_iso_date(value)
    raise TypeError(f"published must be a date, a datetime or an ISO 8601 string, got {value!r}")


def parse_iso_date(value: str) -> date | datetime:
    """Parse ISO 8601: ``2023-06-27`` gives a date, anything with a time a datetime."""
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        if text.endswith(("Z", "z")):  # Python 3.10's fromisoformat has no "Z"
            text = text[:-1] + "+00:00"
        return datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"published {value!r} is not an ISO 8601 date") from None


@frozen(kw_only=True)
class Article:
    """One news article, as clean typed data.

    ``text`` is the clean body, paragraphs separated by a blank line. ``removed`` keeps
    what cleaning took out and why, so nothing is lost silently. ``warnings`` and
    ``errors`` say what went wrong in which step. An article whose ``errors`` include
    the ``"read"`` step is an error record for an input that could not be read.
    """

    id: str = field(default="", validator=v.instance_of(str))
    url: str | None = field(default=None, validator=_opt_str)
    title: str | None = field(default=None, validator=_opt_str)
    text: str = field(default="", validator=v.instance_of(str))
    summary: str = field(default="", validator=v.instance_of(str))
    source: Source | None = field(default=None, validator=v.optional(v.instance_of(Source)))
    cited_sources: tuple[Source, ...] = field(
        default=(), converter=_tuple, validator=_tuple_of(Source)
    )
    authors: tuple[str, ...] = field(default=(), converter=_tuple, validator=_tuple_of(str))
    published: date | datetime | None = field(default=None, converter=_published)
    language: str | None = field(default=None, validator=_opt_str)
    categories: tuple[Category, ...] = field(
        default=(), converter=_tuple, validator=_tuple_of(Category)
    )
    removed: tuple[Removal, ...] = field(default=(), converter=_tuple, validator=_tuple_of(Removal))
    warnings: tuple[Problem, ...] = field(
        default=(), converter=_tuple, validator=_tuple_of(Problem)
    )
    errors: tuple[Problem, ...] = field(default=(), converter=_tuple, validator=_tuple_of(Problem))
    meta: dict[str, Any] = field(factory=dict, validator=v.instance_of(dict), hash=False)

    # -- convenience -------------------------------------------------------------------

    @classmethod
    def failure(cls, id: str, message: str, *, step: str = READ_STEP, **fields: Any) -> Article:
        """An error record: the article for an input that failed, holding only the error."""
        return cls(id=id, errors=(Problem(step=step, message=message),), **fields)

    @property
    def failed(self) -> bool:
        """True for an error record, an input that could not be read at all."""
        return any(e.step == READ_STEP for e in self.errors)

    def category(self, name: str) -> Category | None:
        """The first category called ``name``, or ``None``."""
        return next((c for c in self.categories if c.name == name), None)

    def with_error(self, step: str, message: str) -> Article:
        return attrs.evolve(self, errors=(*self.errors, Problem(step=step, message=message)))

    def with_warning(self, step: str, message: str) -> Article:
        return attrs.evolve(self, warnings=(*self.warnings, Problem(step=step, message=message)))

    # -- plain data ------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-safe data in the record shape other tools read."""
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "text": self.text,
            "summary": self.summary,
            "source": self.source.to_dict() if self.source else None,
            "cited_sources": [s.to_dict() for s in self.cited_sources],
            "authors": list(self.authors),
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
            "categories": [c.to_dict() for c in self.categories],
            "removed": [r.to_dict() for r in self.removed],
            "warnings": [w.to_dict() for w in self.warnings],
            "errors": [e.to_dict() for e in self.errors],
            "meta": dict(self.meta),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, source: str = "article record") -> Article:
        """Build an article from :meth:`to_dict` data, validating it.

        Raises :class:`~newskit.InputError` naming ``source`` and the bad field.
        """
        if not isinstance(data, Mapping):
            raise InputError(source, f"expected a JSON object, got {type(data).__name__}")
        try:
            fields = dict(data)
            if fields.get("source") is not None:
                fields["source"] = _sub(Source, fields["source"])
            for key, sub in _NESTED.items():
                if fields.get(key) is not None:
                    fields[key] = [_sub(sub, item) for item in _list(fields[key], key)]
            if fields.get("meta") is None:
                fields.pop("meta", None)
            for key in ("cited_sources", "authors", "categories", "removed", "warnings", "errors"):
                if fields.get(key) is None:
                    fields.pop(key, None)
            for key in ("text", "summary", "id"):
                if key in fields and fields[key] is None:
                    fields[key] = ""
            return _build(cls, fields, "article")
        except (TypeError, ValueError) as exc:
            raise InputError(source, f"invalid article record: {_reason(exc)}") from None


_NESTED: dict[str, type] = {
    "cited_sources": Source,
    "categories": Category,
    "removed": Removal,
    "warnings": Problem,
    "errors": Problem,
}


def _list(value: Any, key: str) -> list[Any]:
    if not isinstance(value, (list, tuple)):
        raise TypeError(f"{key} must be a list, got {type(value).__name__}")
    return list(value)


def _sub(cls: Any, value: Any) -> Any:
    if isinstance(value, cls):
        return value
    if not isinstance(value, Mapping):
        raise TypeError(f"expected an object for {cls.__name__}, got {value!r}")
    return cls.from_dict(value)


def _build(cls: type[_T], data: Mapping[str, Any], what: str) -> _T:
    names = {a.name for a in attrs.fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(data) - names)
    if unknown:
        raise ValueError(f"unknown field(s) in {what}: {', '.join(unknown)}")
    if not isinstance(data, dict):
        data = dict(data)
    return cls(**data)


def _reason(exc: Exception) -> str:
    """The message of ``exc``; attrs' validators raise with (message, attribute, type,
    value) as arguments, whose str() is the whole tuple."""
    if len(exc.args) > 1 and isinstance(exc.args[0], str):
        return exc.args[0].rstrip(".")
    return str(exc)
