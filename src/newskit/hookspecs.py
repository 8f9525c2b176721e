"""The hooks a newskit plugin can implement.

A plugin is a module (or object) with functions decorated by :data:`newskit.hookimpl`,
named after the hooks below, and registered under the ``newskit`` entry-point group::

    [project.entry-points.newskit]
    conflict = "newskit_conflict"

Registration hooks return components; they do not touch articles. The pipeline runs the
components in the order the user's configuration names. Each hook is called once per
plugin manager, so a hook may build expensive state (a compiled lexicon) when called.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    import click

    from .components import Classifier, Cleaner, Format, Reader, Summarizer

__all__ = ["hookimpl", "hookspec"]

hookspec = pluggy.HookspecMarker("newskit")
hookimpl = pluggy.HookimplMarker("newskit")


@hookspec
def newskit_register_readers() -> Iterable[Reader]:
    """Return the readers this plugin provides, one per input kind.

    A reader turns an :class:`~newskit.Input` (raw bytes, with a name and maybe a URL)
    into articles. It is chosen by file extension, then by its ``sniff`` function::

        @newskit.hookimpl
        def newskit_register_readers():
            return [newskit.Reader(name="csv", extensions=[".csv"], read=read_csv)]
    """


@hookspec
def newskit_register_cleaners() -> Iterable[Cleaner]:
    """Return the cleaners this plugin provides.

    A cleaner takes an article and returns a new one (``attrs.evolve``), recording what
    it took out in ``removed`` with a reason::

        @newskit.hookimpl
        def newskit_register_cleaners():
            return [newskit.Cleaner(name="strip-emoji", clean=strip_emoji, order=50)]
    """


@hookspec
def newskit_register_summarizers() -> Iterable[Summarizer]:
    """Return the summarizers this plugin provides.

    A summarizer takes an article and a :class:`~newskit.Length` and returns the summary
    text::

        @newskit.hookimpl
        def newskit_register_summarizers():
            return [newskit.Summarizer(name="first-line", summarize=first_line)]
    """


@hookspec
def newskit_register_classifiers() -> Iterable[Classifier]:
    """Return the classifiers this plugin provides.

    A classifier takes an article and returns :class:`~newskit.Category` records, each
    with a score between 0 and 1, a yes/no label and its evidence::

        @newskit.hookimpl
        def newskit_register_classifiers():
            return [newskit.Classifier(name="conflict", classify=classify_conflict)]
    """


@hookspec
def newskit_register_formats() -> Iterable[Format]:
    """Return the output formats this plugin provides.

    A format writes an iterator of articles to a stream, without listing it first::

        @newskit.hookimpl
        def newskit_register_formats():
            return [newskit.Format(name="tsv", extensions=[".tsv"], write=write_tsv)]
    """


@hookspec
def newskit_register_commands(cli: click.Group) -> None:
    """Add commands to the ``newskit`` command line.

    ``cli`` is the top-level :class:`click.Group`::

        @newskit.hookimpl
        def newskit_register_commands(cli):
            @cli.command()
            def hello():
                click.echo("hello from my plugin")
    """
