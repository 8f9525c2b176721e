"""The components plugins register: readers, cleaners, summarizers, classifiers, formats.

A plugin's hook returns these records; it never transforms an article itself. The
pipeline runs the components in the order the user's configuration names, so the result
does not depend on which plugin registered first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import IO, Any

from attrs import field, frozen
from attrs import validators as v

from .model import Article, Category

__all__ = [
    "COMPONENT_KINDS",
    "DEFAULT",
    "Classifier",
    "Cleaner",
    "Format",
    "Input",
    "Length",
    "Reader",
    "Summarizer",
]

#: The configuration name that stands for "the components marked default".
DEFAULT = "default"

_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


def _name(_inst: Any, _attribute: Any, value: str) -> None:
    if not isinstance(value, str) or not _NAME.match(value):
        raise ValueError(
            f"component name {value!r} must be lowercase letters, digits, '-', '_' or '.'"
        )
    if value == DEFAULT:
        raise ValueError(f"{DEFAULT!r} is reserved: it stands for the default components")


def _extensions(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        value = (value,)
    return tuple(e.lower() if e.startswith(".") else "." + e.lower() for e in value)


_callable = v.is_callable()
_str = v.instance_of(str)


@frozen(kw_only=True)
class Input:
    """One input as raw bytes, before any reader has looked at it.

    ``name`` is where it came from (a path, ``<stdin>``, a WARC record) and is what error
    messages show. ``id`` becomes the article id. ``data`` is already decompressed;
    for a streaming reader (``Reader.stream``) it is only the file's first bytes, and
    ``path`` is the file to read, however large.
    """

    id: str = field(validator=_str)
    name: str = field(validator=_str)
    data: bytes = field(validator=v.instance_of(bytes), repr=lambda d: f"<{len(d)} bytes>")
    url: str | None = field(default=None, validator=v.optional(_str))
    extension: str = field(default="", validator=_str)
    path: str | None = field(default=None, validator=v.optional(_str))


@frozen(kw_only=True)
class Length:
    """How long a summary may be: at most ``sentences`` sentences and ``chars`` characters.

    Either may be ``None`` for no limit on that measure.
    """

    sentences: int | None = field(
        default=3, validator=v.optional(v.and_(v.instance_of(int), v.ge(1)))
    )
    chars: int | None = field(
        default=None, validator=v.optional(v.and_(v.instance_of(int), v.ge(1)))
    )


@frozen(kw_only=True)
class Reader:
    """Turns an :class:`Input` into articles.

    ``extensions`` (after any ``.gz``) choose the reader for files; otherwise readers whose
    ``sniff`` accepts the first 4 KiB of the data are tried, highest ``priority`` first.
    ``read`` may raise :class:`~newskit.InputError` for the whole input, or yield
    :meth:`Article.failure` records for parts of it (a bad JSONL line) and go on.
    """

    name: str = field(validator=_name)
    read: Callable[[Input], Iterable[Article]] = field(validator=_callable)
    extensions: tuple[str, ...] = field(default=(), converter=_extensions)
    sniff: Callable[[bytes], bool] | None = field(default=None, validator=v.optional(_callable))
    priority: int = field(default=0, validator=v.instance_of(int))
    description: str = field(default="", validator=_str)
    #: The reader takes binary data (Parquet, WARC): the check that refuses binary input
    #: (a PDF or an image given as a page) is left to it.
    binary: bool = field(default=False, validator=v.instance_of(bool))
    #: The reader reads its files itself from ``Input.path``, as a stream: a file with
    #: one of its extensions is not loaded, has no size limit, and may be gzipped.
    stream: bool = field(default=False, validator=v.instance_of(bool))


@frozen(kw_only=True)
class Cleaner:
    """Takes an article and returns a cleaner one (with what it removed in ``removed``).

    Cleaners marked ``default`` run when the user names none, in ascending ``order``.
    """

    name: str = field(validator=_name)
    clean: Callable[[Article], Article] = field(validator=_callable)
    order: int = field(default=100, validator=v.instance_of(int))
    default: bool = field(default=True, validator=v.instance_of(bool))
    description: str = field(default="", validator=_str)


@frozen(kw_only=True)
class Summarizer:
    """Returns a summary of an article within a :class:`Length`.

    Exactly one installed summarizer should be marked ``default``.
    """

    name: str = field(validator=_name)
    summarize: Callable[[Article, Length], str] = field(validator=_callable)
    default: bool = field(default=False, validator=v.instance_of(bool))
    description: str = field(default="", validator=_str)


@frozen(kw_only=True)
class Classifier:
    """Returns categories for an article, each with a score, a label and evidence.

    The categories a classifier returns replace any earlier ones of the same ``scheme``.
    Classifiers marked ``default`` run when the user names none. A classifier whose
    lexicons or model hold only some ``languages`` (ISO 639-1 codes) is not run on an
    article known to be in another: the pipeline gives it one category named after
    the classifier, with no score and no label, and a warning that says why, rather
    than a confident score that means nothing.
    """

    name: str = field(validator=_name)
    classify: Callable[[Article], Iterable[Category]] = field(validator=_callable)
    default: bool = field(default=True, validator=v.instance_of(bool))
    description: str = field(default="", validator=_str)
    languages: tuple[str, ...] | None = field(
        default=None, converter=lambda x: None if x is None else tuple(x)
    )


@frozen(kw_only=True)
class Format:
    """Writes articles to a stream. ``write`` consumes an iterator; it must not list it.

    Text formats get a text stream (UTF-8), ``binary`` formats a byte stream.
    ``extensions`` let ``-o FILE`` pick the format.
    """

    name: str = field(validator=_name)
    write: Callable[[Iterable[Article], IO[Any]], None] = field(validator=_callable)
    extensions: tuple[str, ...] = field(default=(), converter=_extensions)
    binary: bool = field(default=False, validator=v.instance_of(bool))
    description: str = field(default="", validator=_str)


#: Component kind -> (record class, hook name).
COMPONENT_KINDS: dict[str, tuple[type, str]] = {
    "reader": (Reader, "newskit_register_readers"),
    "cleaner": (Cleaner, "newskit_register_cleaners"),
    "summarizer": (Summarizer, "newskit_register_summarizers"),
    "classifier": (Classifier, "newskit_register_classifiers"),
    "format": (Format, "newskit_register_formats"),
}
