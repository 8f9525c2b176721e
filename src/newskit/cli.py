"""The ``newskit`` command line: a thin layer over the library."""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import time
from collections.abc import Iterator
from typing import IO, Any

import attrs
import click

from . import batch
from . import evaluate as evaluate_module
from . import fetch as fetch_module
from ._version import __version__
from .components import Format, Length
from .errors import NewskitError
from .fetch import USER_AGENT
from .limits import (
    DEFAULT_TIMEOUT,
    MAX_DEPTH,
    MAX_ELEMENTS,
    PARSER_MAX_DEPTH,
    Limits,
    parse_size,
)
from .pipeline import STEP_BUDGET, Pipeline, StepReport, check_components
from .plugins import SLOW_LOAD, PluginManager, get_plugin_manager
from .report import report_command

__all__ = ["cli", "main"]

_DEFAULT_FORMAT = "jsonl"


def _names(value: str | None) -> list[str] | None:
    if value is None:
        return None
    if value.strip().lower() == "none":
        return []
    return [n.strip() for n in value.split(",") if n.strip()]


def _size(ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
    try:
        return None if value is None else parse_size(value)
    except NewskitError as exc:
        raise click.BadParameter(str(exc)) from None


def _limit_options(command: Any) -> Any:
    """The options of :class:`~newskit.Limits`: what one input may cost."""
    options = [
        click.option(
            "--max-bytes",
            metavar="SIZE",
            callback=_size,
            help="Refuse an input (file, stdin, WARC record) bigger than this, e.g. 50M. "
            "[default: 50M]",
        ),
        click.option(
            "--max-decompressed",
            "max_decompressed_bytes",
            metavar="SIZE",
            callback=_size,
            help="Refuse a .gz input or a compressed payload that inflates past this. "
            "[default: 50M]",
        ),
        click.option(
            "--max-elements",
            type=click.IntRange(min=1),
            help=f"Read at most this many HTML elements of a page. [default: {MAX_ELEMENTS}]",
        ),
        click.option(
            "--max-depth",
            type=click.IntRange(min=1, max=PARSER_MAX_DEPTH),
            help=f"Drop HTML elements nested deeper than this (at most {PARSER_MAX_DEPTH}). "
            f"[default: {MAX_DEPTH}]",
        ),
        click.option(
            "--timeout",
            type=click.FloatRange(min=0),
            metavar="SECONDS",
            help="A document that takes longer becomes an error record; 0 for no limit. "
            f"[default: {DEFAULT_TIMEOUT:g}]",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="newskit")
def cli() -> None:
    """newskit: turn news pages into clean, typed, analysed articles.

    \b
    Start with:
      newskit analyze examples/atlas-mali.txt --format markdown
      newskit plugins        what is installed
      newskit formats        the output formats
    """


@cli.command(short_help="Analyse news pages and write the articles.")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--url", help="The page's address, for a single input: gives publisher, date, section."
)
@click.option(
    "-f",
    "--format",
    "format_name",
    metavar="FMT",
    help="Output format (see `newskit formats`). Default: from -o's extension, "
    f"else {_DEFAULT_FORMAT}.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, allow_dash=True),
    help="Write here instead of standard output.",
)
@click.option(
    "--clean",
    "cleaners",
    metavar="NAMES",
    help="Cleaners to run, comma-separated, in order; 'default' for the defaults, 'none' for none.",
)
@click.option(
    "--summarizer",
    default="default",
    show_default=True,
    metavar="NAME",
    help="Summarizer to use, or 'none'.",
)
@click.option(
    "--classify",
    "classifiers",
    metavar="NAMES",
    help="Classifiers to run, comma-separated; 'default' for the defaults, 'none' for none.",
)
@click.option(
    "--threshold",
    "thresholds",
    multiple=True,
    metavar="NAME=SCORE",
    help="Label category NAME true from this score on, e.g. economy=0.7 (repeatable).",
)
@click.option(
    "--classifier",
    "models",
    multiple=True,
    metavar="NAME=MODEL",
    help="Also run a classifier trained with `newskit train` (repeatable).",
)
@click.option(
    "--sentences",
    type=click.IntRange(min=1),
    default=3,
    show_default=True,
    help="Summary length in sentences.",
)
@click.option("--chars", type=click.IntRange(min=1), help="Maximum summary length in characters.")
@click.option(
    "--strict", is_flag=True, help="Stop at the first failing step instead of recording it."
)
@click.option(
    "--store",
    type=click.Path(dir_okay=False),
    help="Store the articles in this SQLite file; a rerun skips inputs stored already.",
)
@click.option(
    "--retry-failed", is_flag=True, help="With --store: read again inputs that failed before."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Worker processes (default: every core when there are several input files).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Analyse in local processes, or on a Dask cluster (newskit[dask]), one file a task.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="With --engine dask: the scheduler, e.g. tcp://10.0.0.5:8786 "
    "(default: a cluster on this machine).",
)
@click.option(
    "--fetch",
    is_flag=True,
    help="Download the http(s) URLs among the PATHs (nothing is fetched without it).",
)
@click.option(
    "--user-agent",
    metavar="TEXT",
    help=f"User-Agent of --fetch requests. [default: {USER_AGENT}]",
)
@click.option(
    "--step-budget",
    type=click.FloatRange(min=0),
    default=STEP_BUDGET,
    show_default=True,
    metavar="SECONDS",
    help="Warn on an article when one step takes longer than this; 0: never.",
)
@_limit_options
def analyze(
    paths: tuple[str, ...],
    url: str | None,
    format_name: str | None,
    output: str | None,
    cleaners: str | None,
    summarizer: str,
    classifiers: str | None,
    thresholds: tuple[str, ...],
    models: tuple[str, ...],
    sentences: int,
    chars: int | None,
    strict: bool,
    store: str | None,
    retry_failed: bool,
    jobs: int | None,
    engine: str,
    scheduler: str | None,
    fetch: bool,
    user_agent: str | None,
    step_budget: float,
    **limit_values: Any,
) -> None:
    """Analyse news pages: clean, summarize, classify, and write the articles.

    PATH is a file (.html, .txt, .jsonl, each optionally .gz), a directory (walked for
    such files), a glob pattern, or - for standard input. Inputs that fail become error
    records in the output, are reported on stderr, and make the exit code 1; so does
    an input over a limit (--max-bytes, --max-decompressed, --timeout).

    \b
    Examples:
      newskit analyze page.html
      newskit analyze saved-pages/ -o articles.jsonl
      newskit analyze dump.txt --url https://example.com/world/2024/05/01/story/ -f markdown
      newskit analyze --fetch https://example.com/world/2024/05/01/story/
    """
    pm = get_plugin_manager()
    fetcher = _fetcher(paths, url, fetch, user_agent)
    if url and (len(paths) > 1 or os.path.isdir(paths[0])):
        raise click.UsageError("--url describes one page: give a single file or '-' with it")
    spec = batch.PipelineSpec(
        config={
            "cleaners": _names(cleaners),
            "summarizer": None if summarizer.lower() == "none" else summarizer,
            "classifiers": _names(classifiers),
            "sentences": sentences,
            "chars": chars,
            "strict": strict,
            "thresholds": _thresholds(thresholds),
            "step_budget": step_budget or None,
        },
        models=tuple(_model_paths(models)),
        limits=_limits(limit_values),
    )
    try:
        fmt = _pick_format(pm, format_name, output)
        pipeline = spec.build(pm)
    except NewskitError as exc:
        raise click.UsageError(str(exc)) from None
    tally = batch.Tally()
    dask = _check_engine(engine, scheduler, jobs, paths, url, fetcher)
    if store is not None:
        with spec.limits.applied():  # what the store's reads and batch.process use
            _analyze_into_store(
                store, retry_failed, paths, url, pipeline, pm, tally, output, fmt,
                fetcher=fetcher, spec=spec, dask=dask,
                workers=1 if fetcher else _workers(jobs, paths, url),
            )  # fmt: skip
        if tally.failed:
            sys.exit(1)
        return
    workers = 1 if fetcher else _workers(jobs, paths, url)
    if dask is not None:
        found = _on_dask(scheduler, paths, spec, pm)
    elif workers > 1:
        found = batch.run_parallel(paths, spec=spec, plugins=pm, jobs=workers)
    else:
        found = batch.run(
            paths, pipeline=pipeline, plugins=pm, url=url, limits=spec.limits, fetcher=fetcher
        )
    steps = StepReport()
    articles = steps.count(tally.count(_progress(found, tally)))
    try:
        with _open_output(output, fmt) as stream:
            fmt.write(_report_failures(articles), stream)
    except NewskitError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"newskit: {tally.summary()}", err=True)
    for line in steps.lines(pm):
        click.echo(f"newskit: {line}", err=True)
    if tally.failed:
        sys.exit(1)


def _fetcher(
    paths: tuple[str, ...], url: str | None, fetch: bool, user_agent: str | None
) -> fetch_module.Fetcher | None:
    """The fetcher for --fetch; a URL among the paths without it is a usage error."""
    urls = [p for p in paths if fetch_module.is_url(p)]
    if urls and not fetch:
        raise click.UsageError(f"{urls[0]}: {fetch_module.not_fetched(urls[0])}")
    if urls and url:
        raise click.UsageError("--url is the address of a saved page; a fetched page has its own")
    if not fetch:
        return None
    return fetch_module.Fetcher(**({"user_agent": user_agent} if user_agent else {}))


def _limits(values: dict[str, Any]) -> Limits:
    fields = attrs.fields_dict(Limits)
    given = {name: value for name, value in values.items() if value is not None and name in fields}
    if given.get("timeout") == 0:
        given["timeout"] = None
    try:
        return Limits(**given)
    except NewskitError as exc:
        raise click.UsageError(str(exc)) from None


def _report_failures(articles: Iterator[Any]) -> Iterator[Any]:
    for article in articles:
        if article.failed:
            for error in article.errors:
                click.echo(f"error: {error.message}", err=True)
        yield article


def _pick_format(pm: PluginManager, name: str | None, output: str | None) -> Format:
    formats = pm.formats
    if name:
        return formats[name]
    if output and output != "-":
        lower = output.lower()
        for fmt in formats.values():
            if any(lower.endswith(ext) for ext in fmt.extensions):
                return fmt
        raise click.UsageError(
            f"no format writes {os.path.basename(output)!r}; name one with --format"
        )
    return formats[_DEFAULT_FORMAT]


@contextlib.contextmanager
def _open_output(output: str | None, fmt: Format) -> Iterator[IO[Any]]:
    if output is None or output == "-":
        if fmt.binary:
            yield sys.stdout.buffer
            sys.stdout.buffer.flush()
        else:
            sys.stdout.flush()
            stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
            try:
                yield stream
            finally:
                stream.detach().flush()  # flushes; leaves sys.stdout open
        return
    mode = "wb" if fmt.binary else "w"
    kwargs = {} if fmt.binary else {"encoding": "utf-8", "newline": ""}
    with open(output, mode, **kwargs) as stream:
        yield stream


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")
@click.option(
    "--check",
    is_flag=True,
    help="Also run every cleaner, summarizer and classifier on a sample article and "
    "report those that fail, return the wrong type or take over --step-budget.",
)
@click.option(
    "--step-budget",
    type=click.FloatRange(min=0, min_open=True),
    default=STEP_BUDGET,
    show_default=True,
    metavar="SECONDS",
    help="With --check: the time one step may take.",
)
def plugins(as_json: bool, check: bool, step_budget: float) -> None:
    """List installed plugins: version, status, components and hooks, and what went
    wrong with each (failed to import or register, a hook that raised or returned the
    wrong type; with --check, components that fail on a sample article or are slow)."""
    pm = get_plugin_manager()
    infos = pm.plugins()
    if check:
        found = check_components(pm, step_budget=step_budget)
        infos = [attrs.evolve(i, errors=(*i.errors, *found.get(i.name, ()))) for i in infos]
    if as_json:
        click.echo(json.dumps([i.to_dict() for i in infos], indent=2))
        return
    for info in infos:
        version = info.version or "?"
        click.echo(f"{info.name} {version}  [{info.status}]  {info.module or ''}".rstrip())
        if info.load_seconds is not None and info.load_seconds >= SLOW_LOAD:
            click.echo(f"    {'slow:':<13}took {info.load_seconds:.1f} s to import and register")
        for kind, names in sorted(info.components.items()):
            click.echo(f"    {kind + 's:':<13}{', '.join(names)}")
        other_hooks = [h for h in info.hooks if h == "newskit_register_commands"]
        if other_hooks:
            click.echo(f"    {'hooks:':<13}{', '.join(other_hooks)}")
        for error in info.errors:
            click.echo(f"    error:       {error}")


@cli.command()
def formats() -> None:
    """List the output formats, with their file extensions."""
    for name, fmt in sorted(get_plugin_manager().formats.items()):
        exts = " ".join(fmt.extensions)
        click.echo(f"{name:<10} {exts:<20} {fmt.description}".rstrip())


@cli.group(short_help="Score newskit against benchmarks' ground truth.")
def evaluate() -> None:
    """Score newskit's output against a benchmark's ground truth.

    \b
    Examples:
      newskit evaluate extraction ../shared/data/extraction/aeb
      newskit evaluate pagetext --data ../shared/data --worst 20
      newskit evaluate extraction --clean none      # the HTML reader alone
      newskit evaluate summary ../shared/data/summarization/cnndm-dev.jsonl
    """


_DATA_OPTION = click.option(
    "--data",
    type=click.Path(file_okay=False),
    help="Evaluation data directory, used when no path is given "
    "(default: $NEWSKIT_DATA, else ../shared/data).",
)
_LIMIT_OPTION = click.option(
    "--limit", type=click.IntRange(min=1), help="Score only the first N items."
)
_JSON_OPTION = click.option("--json", "as_json", is_flag=True, help="Print every score as JSON.")


def _text_dataset_command(dataset: str, layout: str) -> None:
    @evaluate.command(
        dataset,
        short_help=f"F1 of the article text on {layout} pages.",
        help=f"""Score the article text newskit gets from {layout} pages.

        DIRECTORY holds {evaluate_module.DATASETS[dataset]}/<id> files and
        ground-truth.json, as ScrapingHub's article-extraction-benchmark does; it
        defaults to {dataset}/aeb in the evaluation data directory. Prints precision,
        recall and F1 over 4-word shingles (the benchmark's own metric) and the worst
        pages.""",
    )
    @click.argument("directory", required=False, type=click.Path(file_okay=False))
    @_DATA_OPTION
    @click.option(
        "--clean",
        "cleaners",
        metavar="NAMES",
        help="Cleaners to run after reading; 'none' scores the reader alone. "
        "Default: the defaults.",
    )
    @click.option(
        "--worst", default=10, show_default=True, help="How many of the worst pages to list."
    )
    @_LIMIT_OPTION
    @_JSON_OPTION
    def command(
        directory: str | None,
        data: str | None,
        cleaners: str | None,
        worst: int,
        limit: int | None,
        as_json: bool,
    ) -> None:
        pm = get_plugin_manager()
        try:
            if directory is None:
                directory = str(evaluate_module.find_data(data) / dataset / "aeb")
            pipeline = Pipeline.configure(
                cleaners=_names(cleaners), summarizer=None, classifiers=[], plugins=pm
            )
            report = evaluate_module.evaluate_dataset(
                directory, dataset, pipeline=pipeline, plugins=pm, limit=limit
            )
        except NewskitError as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(json.dumps(report.to_dict(), indent=2) if as_json else report.format(worst))


_text_dataset_command("extraction", "HTML")
_text_dataset_command("pagetext", "text-dump")


@evaluate.command(short_help="ROUGE of summaries against human references.")
@click.argument("file", required=False, type=click.Path(dir_okay=False))
@_DATA_OPTION
@click.option(
    "--summarizer",
    default="default",
    show_default=True,
    metavar="NAME",
    help="The summarizer to score (see `newskit plugins`).",
)
@click.option("--sentences", type=click.IntRange(min=1), default=3, show_default=True)
@click.option("--chars", type=click.IntRange(min=1), help="Maximum summary length in characters.")
@click.option("--worst", default=0, show_default=True, help="How many of the worst to list.")
@_LIMIT_OPTION
@_JSON_OPTION
def summary(
    file: str | None,
    data: str | None,
    summarizer: str,
    sentences: int,
    chars: int | None,
    worst: int,
    limit: int | None,
    as_json: bool,
) -> None:
    """Score a summarizer with ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (rouge-score, stemmed).

    FILE is JSON Lines of {"id", "article", "reference"} or {"id", "article",
    "references": [...]}; with several references, the best one counts. It defaults
    to summarization/cnndm-dev.jsonl in the evaluation data directory. Needs
    `pip install 'newskit[rouge]'`.
    """
    try:
        if file is None:
            file = str(evaluate_module.find_data(data) / "summarization" / "cnndm-dev.jsonl")
        report = evaluate_module.evaluate_summaries(
            file,
            summarizer=summarizer,
            length=Length(sentences=sentences, chars=chars),
            plugins=get_plugin_manager(),
            limit=limit,
        )
    except NewskitError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(json.dumps(report.to_dict(), indent=2) if as_json else report.format(worst))


@evaluate.command(short_help="A classifier against your own hand-coded articles.")
@click.argument("name", metavar="NAME")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--threshold",
    type=click.FloatRange(0, 1),
    help="Count a score at or above this as 1 (default: the classifier's own label).",
)
@click.option("--worst", default=5, show_default=True, help="How many errors to show.")
@_LIMIT_OPTION
@_JSON_OPTION
def classifier(
    name: str, file: str, threshold: float | None, worst: int, limit: int | None, as_json: bool
) -> None:
    """Check classifier NAME on hand-coded articles: errors and calibration.

    NAME is an installed classifier, or NAME=MODEL.json for one made by `newskit
    train`. FILE is a CSV file with the columns id, text and label (1 or 0): articles
    you coded yourself. Prints precision, recall and F1, a calibration table (is a score
    of 0.8 right 8 times in 10?) and the most confident errors with their evidence.

    \b
    Examples:
      newskit evaluate classifier economy my-coded-sample.csv
      newskit evaluate classifier populism coded.csv --threshold 0.3 --worst 10
    """
    try:
        model = _model_classifiers((name,))[0] if "=" in name else None
        report = evaluate_module.evaluate_classifier(
            model.name if model else name,
            file,
            threshold=threshold,
            plugins=get_plugin_manager(),
            limit=limit,
            classifier=model,
        )
    except NewskitError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(json.dumps(report.to_dict(), indent=2) if as_json else report.format(worst))


def _thresholds(values: tuple[str, ...]) -> dict[str, float]:
    found = {}
    for value in values:
        name, sep, number = value.partition("=")
        try:
            found[name] = float(number)
        except ValueError:
            sep = ""
        if not sep or not name:
            raise click.UsageError(f"--threshold takes NAME=SCORE, like economy=0.7, not {value!r}")
    return found


def _analyze_into_store(
    path: str,
    retry_failed: bool,
    paths: tuple[str, ...],
    url: str | None,
    pipeline: Pipeline,
    pm: PluginManager,
    tally: batch.Tally,
    output: str | None,
    fmt: Format,
    *,
    fetcher: fetch_module.Fetcher | None = None,
    spec: batch.PipelineSpec | None = None,
    workers: int = 1,
    dask: str | None = None,
) -> None:
    """Store every input's articles, one transaction per input, skipping inputs the
    store holds already (same id, same content): a killed run resumes where it was.
    With several ``workers`` or on ``dask`` (a scheduler, see :func:`_check_engine`),
    the workers read and analyse, and this process writes."""
    from .readers import known_extensions, stream_extensions
    from .store import Store

    readers = pm.readers
    steps = StepReport()
    inputs = fetch_module.iter_inputs(
        paths,
        fetcher=fetcher,
        url=url,
        extensions=known_extensions(readers.values()),
        stream_extensions=stream_extensions(readers.values()),
    )
    try:
        with Store(path) as store:
            store.check_writable()  # a locked or read-only store fails before any work
            if dask is not None:
                from .dask import ingest

                stored = ingest(
                    store, paths, spec=spec, plugins=pm, scheduler=dask or None,
                    retry_failed=retry_failed,
                )  # fmt: skip
            elif workers > 1 and spec is not None:
                stored = store.ingest_files(
                    paths, spec=spec, plugins=pm, jobs=workers, retry_failed=retry_failed
                )
            else:
                stored = store.ingest(
                    inputs,
                    lambda inp: batch.process(inp, pipeline, readers),
                    retry_failed=retry_failed,
                )
            articles = _report_failures(steps.count(tally.count(_progress(stored, tally))))
            if output is None:
                for _ in articles:  # stored: nothing to print
                    pass
            else:
                with _open_output(output, fmt) as stream:
                    fmt.write(articles, stream)
            skipped = store.skipped
    except NewskitError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"newskit: {tally.summary()}; {skipped} inputs already stored", err=True)
    for line in steps.lines(pm):
        click.echo(f"newskit: {line}", err=True)


def _check_engine(
    engine: str,
    scheduler: str | None,
    jobs: int | None,
    paths: tuple[str, ...],
    url: str | None,
    fetcher: Any,
) -> str | None:
    """For ``--engine dask``: the scheduler address ('' for a cluster on this machine),
    once the options are checked and Dask is found; None for the local engine."""
    if engine != "dask":
        if scheduler:
            raise click.UsageError("--scheduler is a Dask cluster's address: add --engine dask")
        return None
    if "-" in paths or url or fetcher:
        raise click.UsageError(
            "--engine dask reads files: not standard input, --url or --fetch (use --engine local)"
        )
    if jobs is not None:
        raise click.UsageError("--jobs is for --engine local: a Dask cluster has its own workers")
    from ._optional import require

    try:
        require("distributed", extra="dask", feature="--engine dask")
    except NewskitError as exc:
        raise click.UsageError(str(exc)) from None
    return scheduler or ""


def _on_dask(
    scheduler: str, paths: tuple[str, ...], spec: batch.PipelineSpec, pm: PluginManager
) -> Iterator[Any]:
    """The articles from :func:`newskit.dask.run`; connects now, so that a scheduler that
    does not answer is an error before any output."""
    from .dask import connect, run

    stack = contextlib.ExitStack()
    try:
        client = stack.enter_context(connect(scheduler or None))
    except NewskitError as exc:
        raise click.ClickException(str(exc)) from None

    def articles() -> Iterator[Any]:
        with stack:
            yield from run(paths, spec=spec, plugins=pm, scheduler=client)

    return articles()


def _workers(jobs: int | None, paths: tuple[str, ...], url: str | None) -> int:
    """Processes to use: ``--jobs``, else every core when there are several files.
    Standard input and ``--url`` (one page) are read in this process."""
    if "-" in paths or url:
        return 1
    if jobs is not None:
        return jobs
    several = len(paths) > 1 or any(os.path.isdir(p) or not os.path.exists(p) for p in paths)
    return (os.cpu_count() or 1) if several else 1


def _progress(articles: Iterator[Any], tally: batch.Tally) -> Iterator[Any]:
    """A one-line progress report on a terminal's stderr: done, failed, rate."""
    if not sys.stderr.isatty():
        yield from articles
        return
    start = last = time.monotonic()
    for article in articles:
        yield article
        now = time.monotonic()
        if now - last >= 0.5:
            last = now
            done = tally.articles + tally.failed
            rate = done / (now - start) if now > start else 0.0
            click.echo(
                f"\r{done:,} done, {tally.failed:,} failed, {rate:,.1f}/s ", err=True, nl=False
            )
    if last > start:
        click.echo("\r" + " " * 60 + "\r", err=True, nl=False)


def _model_paths(values: tuple[str, ...]) -> list[tuple[str, str]]:
    """``NAME=MODEL.json`` options as (name, path), each checked to load."""
    _model_classifiers(values)  # load each once here: a bad file is a usage error naming it
    return [(name, path) for name, _, path in (v.partition("=") for v in values)]


def _model_classifiers(values: tuple[str, ...]) -> list[Any]:
    """``NAME=MODEL.json`` options as classifier components."""
    from .trained import load_model

    found = []
    for value in values:
        name, sep, path = value.partition("=")
        if not sep or not name or not path:
            raise click.UsageError(f"--classifier takes NAME=MODEL.json, not {value!r}")
        try:
            model = load_model(path)
        except NewskitError as exc:
            raise click.UsageError(str(exc)) from None
        found.append(attrs.evolve(model, name=name).classifier())
    return found


@cli.command(short_help="Train a classifier on your own hand-coded articles.")
@click.argument("name", metavar="NAME")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="Model file to write (JSON).",
)
@click.option(
    "--folds",
    type=click.IntRange(min=2),
    default=5,
    show_default=True,
    help="Cross-validation folds.",
)
@click.option(
    "--threshold",
    type=click.FloatRange(0, 1),
    default=0.5,
    show_default=True,
    help="Score for label 1.",
)
def train(name: str, file: str, output: str, folds: int, threshold: float) -> None:
    """Fit classifier NAME on FILE, a CSV of id,text,label you coded yourself.

    TF-IDF words and word pairs with a logistic regression (needs
    `pip install 'newskit[ml]'`). Prints cross-validated precision, recall, F1 and
    calibration error, then fits on every row and writes a readable JSON model, which
    needs no scikit-learn to use:

    \b
      newskit train conflict coded.csv -o conflict.json
      newskit analyze pages/ --classifier conflict=conflict.json
    """
    from . import trained
    from .evaluate import ClassifierReport, Coded

    try:
        rows = evaluate_module.read_coded(file)
        probabilities = trained.cross_validate(rows, folds=folds)
        items = tuple(
            Coded(id=id, gold=gold, score=p, label=p >= threshold)
            for (id, _, gold), p in zip(rows, probabilities, strict=True)
        )
        report = ClassifierReport(classifier=f"{name} ({folds}-fold cross-validation)", items=items)
        click.echo(report.format(worst=0))
        model = trained.train(name, rows, threshold=threshold)
        model.save(output)
    except NewskitError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"\nwrote {output}: {len(model.terms):,} terms, trained on {len(rows):,} articles")


@cli.command(short_help="Search a store and export what matches.")
@click.argument("database", type=click.Path(dir_okay=False))
@click.argument("query", required=False)
@click.option("--category", help="Only articles labelled with this category (e.g. economy).")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many articles.")
@click.option("-f", "--format", "format_name", metavar="FMT", help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, allow_dash=True))
def query(
    database: str,
    query: str | None,
    category: str | None,
    limit: int | None,
    format_name: str | None,
    output: str | None,
) -> None:
    """Search DATABASE (made by `newskit analyze --store`) and write what matches.

    QUERY is full-text search over titles and bodies (SQLite FTS5: words, "a phrase",
    OR, NOT, prefix*), best matches first; without it, every article.

    \b
    Examples:
      newskit query news.db "inflation OR recession" --category economy -o hits.csv
      newskit query news.db --category populism --format markdown
    """
    from .store import Store

    pm = get_plugin_manager()
    try:
        fmt = _pick_format(pm, format_name, output)
        with Store(database, readonly=True) as store, _open_output(output, fmt) as stream:
            fmt.write(store.query(query or None, category=category, limit=limit), stream)
    except NewskitError as exc:
        raise click.ClickException(str(exc)) from None


cli.add_command(report_command)


def main() -> None:
    """Console-script entry: add plugin commands, then run."""
    try:
        pm = get_plugin_manager()
    except NewskitError as exc:  # a broken plugin in strict mode: a message, not a trace
        click.echo(f"Error: {exc}", err=True)
        raise SystemExit(1) from None
    pm.add_commands(cli)
    cli()
