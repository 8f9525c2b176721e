"""Where inputs come from: files, directories, globs and stdin, gzip read transparently."""

from __future__ import annotations

import glob
import gzip
import io
import os
import sys
import zlib
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path

from .components import Input
from .errors import InputError
from .model import Article

__all__ = [
    "MAX_INPUT_BYTES",
    "input_from_bytes",
    "input_id",
    "iter_inputs",
    "iter_paths",
    "load_file",
]

#: Inputs larger than this (compressed or not) are refused with a clear error.
MAX_INPUT_BYTES = 50 * 1024 * 1024
_GZIP_MAGIC = b"\x1f\x8b"
_GLOB_CHARS = frozenset("*?[")


def input_id(name: str, extensions: Collection[str] = ()) -> str:
    """An input's id: its file name without ``.gz`` and without a reader's extension."""
    base = os.path.basename(name.rstrip("/\\")) or name
    if base.lower().endswith(".gz"):
        base = base[:-3]
    stem, ext = os.path.splitext(base)
    if stem and (ext.lower() in extensions or ext.lower() in {".html", ".htm", ".txt"}):
        return stem
    return base


def _extension(name: str) -> str:
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return os.path.splitext(lower)[1]


def input_from_bytes(
    data: bytes,
    *,
    name: str,
    id: str | None = None,
    url: str | None = None,
    extensions: Collection[str] = (),
    max_bytes: int = MAX_INPUT_BYTES,
) -> Input:
    """An :class:`Input` from raw bytes, gunzipped when they are gzip data."""
    if len(data) > max_bytes:
        raise InputError(name, f"input is {len(data):,} bytes, over the {max_bytes:,}-byte limit")
    if data.startswith(_GZIP_MAGIC):
        data = _gunzip(data, name, max_bytes)
    return Input(
        id=id if id is not None else input_id(name, extensions),
        name=name,
        data=data,
        url=url,
        extension=_extension(name),
    )


def _gunzip(data: bytes, name: str, max_bytes: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            out = f.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(name, f"not a valid gzip file ({exc})") from None
    if len(out) > max_bytes:
        raise InputError(
            name, f"decompresses to more than {max_bytes:,} bytes; refused (a gzip bomb?)"
        )
    return out


def load_file(
    path: str | os.PathLike[str],
    *,
    url: str | None = None,
    extensions: Collection[str] = (),
    max_bytes: int = MAX_INPUT_BYTES,
    stream_extensions: Collection[str] = (),
) -> Input:
    """Read one file into an :class:`Input`; raises :class:`InputError` naming the path.

    A file whose extension is in ``stream_extensions`` (a streaming reader's) is not
    read: the input holds its first 4 KiB and its ``path``.
    """
    name = os.fspath(path)
    if _extension(name) in stream_extensions:
        return _stream_input(name, url, extensions)
    try:
        size = os.path.getsize(name)
        if size > max_bytes:
            raise InputError(name, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit")
        with open(name, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        raise InputError(name, "no such file or directory") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as exc:
        raise InputError(name, f"cannot be read: {exc.strerror or exc}") from None
    return input_from_bytes(data, name=name, url=url, extensions=extensions, max_bytes=max_bytes)


def _stream_input(name: str, url: str | None, extensions: Collection[str]) -> Input:
    try:
        with open(name, "rb") as f:
            head = f.read(4096)
    except FileNotFoundError:
        raise InputError(name, "no such file or directory") from None
    except OSError as exc:
        raise InputError(name, f"cannot be read: {exc.strerror or exc}") from None
    return Input(
        id=input_id(name, extensions),
        name=name,
        data=head,
        url=url,
        extension=_extension(name),
        path=name,
    )


def iter_inputs(
    paths: Iterable[str | os.PathLike[str]],
    *,
    url: str | None = None,
    extensions: Collection[str] = (),
    stream_extensions: Collection[str] = (),
) -> Iterator[Input | Article]:
    """Each input named by ``paths``, in order; an unreadable one as an error record.

    A directory is walked (sorted, hidden entries skipped) for files whose extension,
    after any ``.gz``, a reader knows. A pattern with ``*``, ``?`` or ``[`` is expanded.
    ``-`` reads standard input. ``url`` is the page address of every input.
    """
    for path in paths:
        name = os.fspath(path)
        try:
            if name == "-":
                data = sys.stdin.buffer.read()
                yield input_from_bytes(
                    data, name="<stdin>", id="stdin", url=url, extensions=extensions
                )
            elif os.path.isdir(name):
                for file in _walk(Path(name), extensions):
                    yield _load(file, url, extensions, stream_extensions)
            elif not os.path.exists(name) and _GLOB_CHARS & set(name):
                matches = sorted(glob.glob(name, recursive=True))
                if not matches:
                    raise InputError(name, "no file matches this pattern")
                yield from iter_inputs(
                    matches, url=url, extensions=extensions, stream_extensions=stream_extensions
                )
            else:
                yield load_file(
                    name, url=url, extensions=extensions, stream_extensions=stream_extensions
                )
        except InputError as exc:
            yield Article.failure(input_id(name, extensions), str(exc), url=url)


def iter_paths(
    paths: Iterable[str | os.PathLike[str]], *, extensions: Collection[str] = ()
) -> Iterator[str | Article]:
    """The files ``paths`` name, as :func:`iter_inputs` finds them but without reading
    them: for workers that load their own input. A path that names nothing gives an
    error record. ``-`` (standard input) is not a file: use :func:`iter_inputs`."""
    for path in paths:
        name = os.fspath(path)
        if os.path.isdir(name):
            yield from (str(file) for file in _walk(Path(name), extensions))
        elif not os.path.exists(name) and _GLOB_CHARS & set(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                yield Article.failure(
                    input_id(name, extensions),
                    str(InputError(name, "no file matches this pattern")),
                )
            yield from iter_paths(matches, extensions=extensions)
        else:
            yield name


def _load(
    path: Path, url: str | None, extensions: Collection[str], stream_extensions: Collection[str]
) -> Input | Article:
    try:
        return load_file(path, url=url, extensions=extensions, stream_extensions=stream_extensions)
    except InputError as exc:
        return Article.failure(input_id(str(path), extensions), str(exc), url=url)


def _walk(root: Path, extensions: Collection[str]) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            if not filename.startswith(".") and _extension(filename) in extensions:
                yield Path(dirpath, filename)
