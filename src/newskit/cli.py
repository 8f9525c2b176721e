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
from ._version import __version__
from .components import Format, Length
from .errors import NewskitError
from .pipeline import Pipeline
from .plugins import PluginManager, get_plugin_manager

__all__ = ["cli", "main"]

_DEFAULT_FORMAT = "jsonl"


def _names(value: str | None) -> list[str] | None:
    if value is None:
        return None
    if value.strip().lower() == "none":
        return []
    return [n.strip() for n in value.split(",") if n.strip()]


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
) -> None:
    """Analyse news pages: clean, summarize, classify, and write the articles.

    PATH is a file (.html, .txt, .jsonl, each optionally .gz), a directory (walked for
    such files), a glob pattern, or - for standard input. Inputs that fail become error
    records in the output, are reported on stderr, and make the exit code 1.

    \b
    Examples:
      newskit analyze page.html
      newskit analyze saved-pages/ -o articles.jsonl
      newskit analyze dump.txt --url https://example.com/world/2024/05/01/story/ -f markdown
    """
    pm = get_plugin_manager()
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
        },
        models=tuple(_model_paths(models)),
    )
    try:
        fmt = _pick_format(pm, format_name, output)
        pipeline = spec.build(pm)
    except NewskitError as exc:
        raise click.UsageError(str(exc)) from None
    tally = batch.Tally()
    if store is not None:
        _analyze_into_store(store, retry_failed, paths, url, pipeline, pm, tally, output, fmt)
        if tally.failed:
            sys.exit(1)
        return
    workers = _workers(jobs, paths, url)
    if workers > 1:
        found = batch.run_parallel(paths, spec=spec, plugins=pm, jobs=workers)
    else:
        found = batch.run(paths, pipeline=pipeline, plugins=pm, url=url)
    articles = tally.count(_progress(found, tally))
    try:
        with _open_output(output, fmt) as stream:
            fmt.write(_report_failures(articles), stream)
    except NewskitError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"newskit: {tally.summary()}", err=True)
    if tally.failed:
        sys.exit(1)


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
def plugins(as_json: bool) -> None:
    """List installed plugins: version, status, components and hooks."""
    infos = get_plugin_manager().plugins()
    if as_json:
        click.echo(json.dumps([i.to_dict() for i in infos], indent=2))
        return
    for info in infos:
        version = info.version or "?"
        click.echo(f"{info.name} {version}  [{info.status}]  {info.module or ''}".rstrip())
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
) -> None:
    """Store every input's articles, one transaction per input, skipping inputs the
    store holds already (same id, same content): a killed run resumes where it was."""
    from .inputs import iter_inputs
    from .readers import known_extensions, stream_extensions
    from .store import Store

    readers = pm.readers
    inputs = iter_inputs(
        paths,
        url=url,
        extensions=known_extensions(readers.values()),
        stream_extensions=stream_extensions(readers.values()),
    )
    try:
        with Store(path) as store:
            stored = store.ingest(
                inputs,
                lambda inp: batch.process(inp, pipeline, readers),
                retry_failed=retry_failed,
            )
            articles = _report_failures(tally.count(_progress(stored, tally)))
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


def main() -> None:
    """Console-script entry: add plugin commands, then run."""
    get_plugin_manager().add_commands(cli)
    cli()
