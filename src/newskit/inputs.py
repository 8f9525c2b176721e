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

import attrs

from .components import Input
from .errors import InputError
from .fetch import is_url, not_fetched, url_id
from .limits import MAX_BYTES, Limits
from .model import Article

__all__ = [
    "MAX_INPUT_BYTES",
    "input_from_bytes",
    "input_id",
    "iter_inputs",
    "iter_paths",
    "load_file",
]

#: The default of :attr:`Limits.max_bytes <newskit.Limits.max_bytes>`: inputs larger
#: than this are refused with a clear error.
MAX_INPUT_BYTES = MAX_BYTES
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


def _limits(limits: Limits | None, max_bytes: int | None) -> Limits:
    limits = limits if limits is not None else Limits.current()
    if max_bytes is not None:  # the older argument: one limit for both sizes
        limits = attrs.evolve(limits, max_bytes=max_bytes, max_decompressed_bytes=max_bytes)
    return limits


def _too_big(name: str, what: str, size: int, limit: int, *, more: bool = False) -> InputError:
    size_text = f"more than {limit:,}" if more else f"{size:,}"
    return InputError(
        name,
        f"{what} is {size_text} bytes, over the {limit:,}-byte limit ({Limits.hint('max_bytes')})",
    )


def input_from_bytes(
    data: bytes,
    *,
    name: str,
    id: str | None = None,
    url: str | None = None,
    extensions: Collection[str] = (),
    max_bytes: int | None = None,
    limits: Limits | None = None,
) -> Input:
    """An :class:`Input` from raw bytes, gunzipped when they are gzip data.

    ``limits`` (default: :meth:`Limits.current`) bound the size of ``data`` and what
    it may decompress to; ``max_bytes``, if given, sets both.
    """
    limits = _limits(limits, max_bytes)
    if len(data) > limits.max_bytes:
        raise _too_big(name, "input", len(data), limits.max_bytes)
    if data.startswith(_GZIP_MAGIC):
        data = _gunzip(data, name, limits.max_decompressed_bytes)
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
            name,
            f"decompresses to more than {max_bytes:,} bytes; refused (a gzip bomb?) "
            f"({Limits.hint('max_decompressed_bytes')})",
        )
    return out


def load_file(
    path: str | os.PathLike[str],
    *,
    url: str | None = None,
    extensions: Collection[str] = (),
    max_bytes: int | None = None,
    stream_extensions: Collection[str] = (),
    limits: Limits | None = None,
) -> Input:
    """Read one file into an :class:`Input`; raises :class:`InputError` naming the path.

    A file whose extension is in ``stream_extensions`` (a streaming reader's) is not
    read: the input holds its first 4 KiB and its ``path``. ``limits`` (default:
    :meth:`Limits.current`) bound the sizes; ``max_bytes``, if given, sets both.
    """
    name = os.fspath(path)
    if _extension(name) in stream_extensions:
        return _stream_input(name, url, extensions)
    limits = _limits(limits, max_bytes)
    try:
        size = os.path.getsize(name)
        if size > limits.max_bytes:
            raise _too_big(name, "file", size, limits.max_bytes)
        with open(name, "rb") as f:
            data = f.read(limits.max_bytes + 1)  # the file may grow after its size was read
        if len(data) > limits.max_bytes:
            raise _too_big(name, "file", len(data), limits.max_bytes, more=True)
    except FileNotFoundError:
        raise InputError(name, "no such file or directory") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as exc:
        raise InputError(name, f"cannot be read: {exc.strerror or exc}") from None
    return input_from_bytes(data, name=name, url=url, extensions=extensions, limits=limits)


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
    limits: Limits | None = None,
) -> Iterator[Input | Article]:
    """Each input named by ``paths``, in order; an unreadable one as an error record.

    A directory is walked (sorted, hidden entries skipped) for files whose extension,
    after any ``.gz``, a reader knows. A pattern with ``*``, ``?`` or ``[`` is expanded.
    ``-`` reads standard input. ``url`` is the page address of every input. An input
    over a size limit of ``limits`` (default: :meth:`Limits.current`) is an error record.
    """
    limits = limits if limits is not None else Limits.current()
    for path in paths:
        name = os.fspath(path)
        try:
            if is_url(name):  # fetched only when asked: see newskit.fetch
                yield Article.failure(url_id(name), str(InputError(name, not_fetched(name))))
                continue
            if name == "-":
                data = sys.stdin.buffer.read(limits.max_bytes + 1)
                if len(data) > limits.max_bytes:  # not read to its end: its size is unknown
                    raise _too_big("<stdin>", "input", len(data), limits.max_bytes, more=True)
                yield input_from_bytes(
                    data, name="<stdin>", id="stdin", url=url, extensions=extensions, limits=limits
                )
            elif os.path.isdir(name):
                for file in _walk(Path(name), extensions):
                    yield _load(file, url, extensions, stream_extensions, limits)
            elif not os.path.exists(name) and _GLOB_CHARS & set(name):
                matches = sorted(glob.glob(name, recursive=True))
                if not matches:
                    raise InputError(name, "no file matches this pattern")
                yield from iter_inputs(
                    matches,
                    url=url,
                    extensions=extensions,
                    stream_extensions=stream_extensions,
                    limits=limits,
                )
            else:
                yield load_file(
                    name,
                    url=url,
                    extensions=extensions,
                    stream_extensions=stream_extensions,
                    limits=limits,
                )
        except InputError as exc:
            failed_id = "stdin" if name == "-" else input_id(name, extensions)
            yield Article.failure(failed_id, str(exc), url=url)


def iter_paths(
    paths: Iterable[str | os.PathLike[str]], *, extensions: Collection[str] = ()
) -> Iterator[str | Article]:
    """The files ``paths`` name, as :func:`iter_inputs` finds them but without reading
    them: for workers that load their own input. A path that names nothing gives an
    error record. ``-`` (standard input) is not a file: use :func:`iter_inputs`."""
    for path in paths:
        name = os.fspath(path)
        if is_url(name):  # fetched only when asked: see newskit.fetch
            yield Article.failure(url_id(name), str(InputError(name, not_fetched(name))))
        elif os.path.isdir(name):
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
    path: Path,
    url: str | None,
    extensions: Collection[str],
    stream_extensions: Collection[str],
    limits: Limits,
) -> Input | Article:
    try:
        return load_file(
            path,
            url=url,
            extensions=extensions,
            stream_extensions=stream_extensions,
            limits=limits,
        )
    except InputError as exc:
        return Article.failure(input_id(str(path), extensions), str(exc), url=url)


def _walk(root: Path, extensions: Collection[str]) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            if not filename.startswith(".") and _extension(filename) in extensions:
                yield Path(dirpath, filename)
