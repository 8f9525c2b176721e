"""What one input may cost: its bytes, its decompressed bytes, its HTML, its time.

Pages from the open web are written by anyone. :class:`Limits` bounds what reading one
of them may take, so that no page can crash a batch, stall a worker or eat the memory.
Each limit has a default that no real news page comes near, an option of
``newskit analyze``, and a message naming the input and the limit when it is hit:

- ``max_bytes`` (``--max-bytes``, 50 MiB): a file, standard input or a WARC record
  bigger than this is an error record; it is not read into memory.
- ``max_decompressed_bytes`` (``--max-decompressed``, 50 MiB): a ``.gz`` input or a
  compressed HTTP payload that inflates past this is an error record. A gzip bomb is
  never expanded further than the limit.
- ``max_elements`` (``--max-elements``, 30,000): the rest of an HTML page is dropped,
  with a warning. A real page has a few thousand elements.
- ``max_depth`` (``--max-depth``, 512; at most 2,048): elements nested deeper are
  dropped, with a warning. The deepest of the 181 pages of the article-extraction
  benchmark nests 51 levels; a page nested 2,000 deep made readability take seconds
  (its cost grows with the square of the depth). 2,048 is libxml2's ceiling: past it
  the parser stops, and the rest of the page is lost (with a warning).
- ``timeout`` (``--timeout``, 30 s; ``None`` or ``--timeout 0`` for none): a document
  that takes longer to read and analyse becomes an error record, and the batch goes on.

The batch functions take a ``limits=`` argument and make it the limits in force while
an input is read (:meth:`Limits.current`), which is how readers, including a plugin's,
find them.

The time limit is per document: reading one article and running the pipeline on it.
It is enforced with ``SIGALRM`` (:func:`time_limit`), which needs a Unix main thread.
Elsewhere (Windows, a worker thread) a document cannot be interrupted: it runs to its
end and is then recorded as over the limit, so the result is the same, but a page that
never ends still stalls that thread. A long call into C code (a regular expression,
libxml2) is interrupted when it returns to Python.
"""

from __future__ import annotations

import contextlib
import re
import signal
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

import attrs
from attrs import frozen

from .errors import ConfigError
from .model import Article

if TYPE_CHECKING:
    from .components import Input

__all__ = [
    "DEFAULT_TIMEOUT",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_ELEMENTS",
    "PARSER_MAX_DEPTH",
    "Limits",
    "TimeLimitExceeded",
    "can_interrupt",
    "parse_size",
    "time_limit",
    "within_limits",
]

MAX_BYTES = 50 * 1024 * 1024
MAX_ELEMENTS = 30_000
#: libxml2 reads no deeper than this, even with ``huge_tree``: the rest of the page is lost.
PARSER_MAX_DEPTH = 2_048
MAX_DEPTH = 512
DEFAULT_TIMEOUT = 30.0

#: The option that sets each limit, for messages.
OPTIONS = {
    "max_bytes": "--max-bytes",
    "max_decompressed_bytes": "--max-decompressed",
    "max_elements": "--max-elements",
    "max_depth": "--max-depth",
    "timeout": "--timeout",
}


def _whole(low: int, high: int | None = None, why: str = "") -> Any:
    def check(_inst: Any, attribute: attrs.Attribute, value: Any) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value < low:
            raise ConfigError(
                f"limit {attribute.name} must be a whole number >= {low}, not {value!r}"
            )
        if high is not None and value > high:
            raise ConfigError(
                f"limit {attribute.name} must be at most {high:,}{why}, not {value:,}"
            )

    return check


def _seconds(_inst: Any, attribute: attrs.Attribute, value: Any) -> None:
    ok = value is None or (
        not isinstance(value, bool) and isinstance(value, (int, float)) and 0 < value < 1e9
    )
    if not ok:
        raise ConfigError(
            f"limit {attribute.name} must be a number of seconds above 0, or None for no "
            f"limit, not {value!r}"
        )


_current: ContextVar[Limits | None] = ContextVar("newskit_limits", default=None)


@frozen(kw_only=True)
class Limits:
    """Limits on one input; see the module documentation for what each does when hit.

    >>> Limits(timeout=5).max_elements
    30000
    """

    #: Bytes of one input as given: a file, standard input, a WARC record.
    max_bytes: int = attrs.field(default=MAX_BYTES, validator=_whole(1))
    #: Bytes a ``.gz`` input or a compressed HTTP payload may inflate to.
    max_decompressed_bytes: int = attrs.field(default=MAX_BYTES, validator=_whole(1))
    #: Elements of one HTML page read; the rest is dropped with a warning.
    max_elements: int = attrs.field(default=MAX_ELEMENTS, validator=_whole(1))
    #: Levels of HTML nesting read; deeper elements are dropped with a warning.
    max_depth: int = attrs.field(
        default=MAX_DEPTH,
        validator=_whole(1, PARSER_MAX_DEPTH, " (libxml2 reads no deeper)"),
    )
    #: Seconds one document may take (read and pipeline), or None for no limit.
    timeout: float | None = attrs.field(default=DEFAULT_TIMEOUT, validator=_seconds)

    @staticmethod
    def current() -> Limits:
        """The limits in force: those a batch applies while it reads an input, else
        the defaults. A plugin's reader reads its limits here."""
        return _current.get() or _DEFAULTS

    @contextlib.contextmanager
    def applied(self) -> Iterator[Limits]:
        """Make these the limits in force (:meth:`current`) inside a ``with`` block."""
        token = _current.set(self)
        try:
            yield self
        finally:
            _current.reset(token)

    @staticmethod
    def hint(field: str) -> str:
        """How a message tells the user to change a limit: ``"raise max_bytes or --max-bytes"``."""
        return f"raise {field} or {OPTIONS[field]}"


_DEFAULTS = Limits()

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}


def parse_size(text: str) -> int:
    """Bytes from ``"52428800"``, ``"50M"``, ``"50MB"``, ``"50MiB"`` or ``"1.5g"``
    (units are powers of 1,024). Raises :class:`~newskit.ConfigError`."""
    match = _SIZE.match(text)
    if not match:
        raise ConfigError(f"{text!r} is not a size: give bytes, or a number with K, M or G")
    size = int(float(match.group(1)) * _UNITS[match.group(2).lower()])
    if size < 1:
        raise ConfigError(f"{text!r} is not a size: it must be at least 1 byte")
    return size


class TimeLimitExceeded(BaseException):
    """A document ran past its time limit (raised by :func:`time_limit`).

    It derives from :class:`BaseException`, like :class:`KeyboardInterrupt`, so that the
    ``except Exception`` clauses that keep one failing step from stopping a batch do not
    swallow it: it ends the whole document, not one step. Whoever sets the limit turns
    it into an error record.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(f"exceeded the {seconds:g} s time limit")


def can_interrupt() -> bool:
    """True where :func:`time_limit` can interrupt: a Unix main thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[bool]:
    """Raise :class:`TimeLimitExceeded` in the block when it runs ``seconds`` or more.

    Yields True when the limit is enforced: a Unix main thread (``SIGALRM`` and
    ``setitimer``). Elsewhere, or when ``seconds`` is None, it yields False and does
    nothing; the caller can still compare the time taken with the limit.

    An interval timer already running (pytest-timeout's, say) keeps its deadline: the
    earlier of the two fires first, and the outer one is set again on the way out.
    """
    if not seconds or not can_interrupt():
        yield False
        return
    start = time.monotonic()
    deadline = start + seconds
    outer_delay, outer_interval = signal.getitimer(signal.ITIMER_REAL)
    outer_handler = signal.getsignal(signal.SIGALRM)
    if outer_handler is None:  # set outside Python: cannot be put back, use the default
        outer_handler = signal.SIG_DFL
    outer_deadline = start + outer_delay if outer_delay else None
    state = {"active": True, "outer_fired": False}

    def handler(signum: int, frame: Any) -> None:
        if not state["active"]:
            return
        now = time.monotonic()
        if now >= deadline - 0.001:
            state["active"] = False
            raise TimeLimitExceeded(seconds)
        # The outer timer's turn: arm ours again, then hand the signal on.
        state["outer_fired"] = True
        signal.setitimer(signal.ITIMER_REAL, deadline - now)
        if callable(outer_handler):
            outer_handler(signum, frame)
        elif outer_handler == signal.SIG_DFL:  # what the signal would have done: end
            signal.signal(signal.SIGALRM, signal.SIG_DFL)
            signal.raise_signal(signal.SIGALRM)

    signal.signal(signal.SIGALRM, handler)
    first = seconds if outer_delay == 0 else min(seconds, outer_delay)
    signal.setitimer(signal.ITIMER_REAL, first)
    try:
        yield True
    finally:
        state["active"] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, outer_handler)
        if outer_deadline is not None and not state["outer_fired"]:
            left = max(outer_deadline - time.monotonic(), 1e-6)
            signal.setitimer(signal.ITIMER_REAL, left, outer_interval)
        elif state["outer_fired"] and outer_interval:
            signal.setitimer(signal.ITIMER_REAL, outer_interval, outer_interval)


def within_limits(
    inp: Input,
    articles: Iterator[Article],
    run: Callable[[Article], Article],
    limits: Limits,
) -> Iterator[Article]:
    """``run`` on each of ``articles`` (what a reader yields from ``inp``), each
    document read and run under ``limits`` and within ``limits.timeout`` seconds.

    An input that gives no article at all (an empty JSON array, a WARC without one
    HTML page) gives an error record that says so: no input is dropped silently.
    A document over the time limit becomes an error record naming the input, the step
    and the limit; the next one gets its own time. When the reader itself ran out of
    time it cannot go on (a reader that yields many documents, like the WARC reader,
    turns a slow one into an error record itself): the error record ends the input.
    Where the time limit cannot interrupt (:func:`time_limit`), a document that took
    longer becomes the same error record once it is done.
    """
    hint = Limits.hint("timeout")
    done = 0
    while True:
        start = time.monotonic()
        read: Article | None = None
        try:
            with limits.applied(), time_limit(limits.timeout) as enforced:
                read = next(articles, None)
                if read is None:
                    break
                article = run(read)
        except TimeLimitExceeded as exc:
            if read is None:  # in the reader: it is gone
                rest = f" after {done} articles; the rest was not read" if done else ""
                message = f"{inp.name}: {exc} while reading it{rest} ({hint})"
                yield Article.failure(inp.id, message, url=inp.url)
                return
            about = f" (article {read.id!r})" if read.id != inp.id else ""
            message = f"{inp.name}: {exc} in step {_step(exc)!r}{about} ({hint})"
            yield Article.failure(read.id, message, url=read.url or inp.url)
            done += 1
            continue
        took = time.monotonic() - start
        if limits.timeout is not None and took > limits.timeout and not article.failed:
            why = "" if enforced else "; it could not be interrupted here (no SIGALRM)"
            message = (
                f"{inp.name}: took {took:.1f} s, over the {limits.timeout:g} s time "
                f"limit{why} ({hint})"
            )
            article = Article.failure(article.id, message, url=article.url)
        done += 1
        yield article
    if not done:  # never silently dropped: say that there was nothing in it
        message = f"{inp.name}: no article in this input (the reader found nothing to read)"
        yield Article.failure(inp.id, message, url=inp.url)


def _step(exc: BaseException) -> str:
    """The pipeline step that was running when ``exc`` was raised, as far as known."""
    for frame, _ in traceback.walk_tb(exc.__traceback__):
        if frame.f_globals.get("__name__") == "newskit.pipeline":
            step = frame.f_locals.get("step")
            if isinstance(step, str):
                return step
    return "pipeline"
