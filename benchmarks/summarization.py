"""ROUGE and speed of newskit's summarizers beside sumy's, in one run (hand-run; asserts nothing).

    .venv/bin/python benchmarks/summarization.py [--data DIR] [--file JSONL] [--sentences K]
        [--limit N] [--no-sumy]

Reads summarization/cnndm-dev.jsonl (247 CNN/DailyMail test articles with their human
highlights, ``{id, article, reference}``) from the evaluation data directory: ``--data``,
else ``$NEWSKIT_DATA``, else ``../shared/data`` beside the repository. The data stays
there: nothing is copied into the project. ``--file`` scores another JSONL of the same
shape instead (a path, or one relative to the data directory), such as
summarization/bbc-news-summary.jsonl, whose references are machine-made extracts: a
second opinion only. The rows are read once, ``--limit`` keeps the first N.

Every method takes ``--sentences`` K sentences (default 3) of each article:

1. every summarizer newskit has installed (``newskit.get_plugin_manager().summarizers``),
   through ``newskit.evaluate.evaluate_summaries``; its speed is the summarizer alone;
2. when sumy is importable (and not ``--no-sumy``), sumy's LexRank, TextRank, Luhn and
   LSA, each with sumy's English stemmer and stop words. sumy's own tokenizer needs
   nltk's punkt data, which is not downloaded here, so sumy gets a tokenizer built on
   ``newskit.split_sentences`` and ``\\w+`` words: the run is offline, and both sides
   cut sentences alike. The speed counts parsing and summarising, not scoring. An
   article on which sumy raises is counted as a failure and scores 0; it is never fatal.

Scores are the mean F1 x 100 of ROUGE-1, ROUGE-2 and ROUGE-Lsum from ``rouge-score`` with
Porter stemming, summary sentences on lines of their own, the best reference when there
are several: sumy's summaries are scored by ``score`` below, which does what
newskit.evaluate does, and the run checks that the two agree on newskit's lead summaries.
Each method first summarises a few articles untimed (a warm-up). One process; times from
``time.perf_counter``.

It prints the table sorted by ROUGE-1, the published anchors (data README: cnndm-dev,
3 sentences) and the targets, each marked against the figures measured in this run:
the default summarizer's ROUGE-1 >= lead-K's + 1.0, above every sumy method, and
>= 1,000 articles/s.
"""

from __future__ import annotations

import argparse
import platform
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import newskit
import newskit.evaluate

DATASET = "summarization/cnndm-dev.jsonl"
MEASURES = ("rouge1", "rouge2", "rougeLsum")
TARGET_MARGIN = 1.0  # default ROUGE-1 over lead-K, at least (F1 x 100)
TARGET_SPEED = 1000.0  # default summarizer, articles/s, at least
WARM_UP = 3  # articles summarised untimed before each method's timed pass

#: Published figures on cnndm-dev, 3 sentences (data README): R-1, R-2, R-Lsum, articles/s.
ANCHORS: tuple[tuple[str, float, float, float, str], ...] = (
    ("oracle (best 3 sentences knowing the reference)", 54.1, 31.8, 49.8, "-"),
    ("lead-3", 41.2, 18.8, 37.3, "~1,400"),
    ("newspaper4k summary", 33.9, 12.3, 30.5, "253"),
    ("sumy LexRank", 33.4, 14.2, 30.2, "97"),
    ("sumy Luhn", 32.6, 14.4, 29.4, "100"),
    ("sumy TextRank", 31.3, 14.1, 28.3, "113"),
)

Row = tuple[str, str, list[str]]  # id, article, references


@dataclass
class Result:
    """One method's mean scores (0-1), speed and failures."""

    method: str
    kind: str  # "newskit" or "sumy"
    rouge1: float
    rouge2: float
    rougeLsum: float
    per_second: float
    articles: int
    failed: int = 0
    first_error: str | None = None

    def cells(self) -> list[str]:
        speed = f"{self.per_second:,.0f}" if self.per_second else "-"
        return [self.method, *(f"{100 * getattr(self, m):.1f}" for m in MEASURES), speed]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="evaluation data directory")
    parser.add_argument(
        "--file", type=Path, help=f"score this JSONL instead of {DATASET} (a second opinion)"
    )
    parser.add_argument(
        "--sentences", type=int, default=3, metavar="K", help="summary sentences (default 3)"
    )
    parser.add_argument("--limit", type=int, metavar="N", help="score the first N articles only")
    parser.add_argument("--no-sumy", action="store_true", help="skip sumy's summarizers")
    args = parser.parse_args(argv)
    if args.sentences < 1:
        parser.error("--sentences must be at least 1")
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")

    try:
        data = newskit.evaluate.find_data(args.data)
        path = data / DATASET
        if args.file is not None:
            path = args.file if args.file.is_file() else data / args.file
        rows = newskit.evaluate.read_summary_data(path)
    except newskit.InputError as exc:
        sys.exit(f"error: {exc}")
    rows = rows[: args.limit] if args.limit is not None else rows
    k = args.sentences
    sumy = None if args.no_sumy else _import_sumy()
    print_header(sumy, args.no_sumy)
    label = str(path.relative_to(data)) if path.is_relative_to(data) else str(path)
    print(f"data     {label}: {len(rows)} articles; {k} sentences a summary")
    is_cnndm = path.resolve() == (data / DATASET).resolve()
    if not is_cnndm:
        print(f"note     {second_opinion(path)}")
    print()

    registry = newskit.get_plugin_manager().summarizers
    default = next((name for name in registry if registry[name].default), None)
    results: list[Result] = []
    for name in registry:
        results.append(run_newskit(rows, name, k, default=name == default))
    lead = next((r for r in results if r.method == "newskit lead"), None)
    if sumy is not None:
        stemmer, stop_words, classes = sumy
        for method, cls in classes.items():
            results.append(run_sumy(rows, method, cls, stemmer, stop_words, k))

    print_table(results)
    print()
    print("published anchors (data README: cnndm-dev, 3 sentences, one process):")
    print_rows(
        ["method", "ROUGE-1", "ROUGE-2", "ROUGE-Lsum", "articles/s"],
        [
            [name, f"{r1:.1f}", f"{r2:.1f}", f"{rl:.1f}", speed]
            for name, r1, r2, rl, speed in ANCHORS
        ],
    )
    if not is_cnndm or k != 3:
        print("(measured on cnndm-dev with 3 sentences: not comparable with this run)")
    print()
    by_name = {r.method: r for r in results}
    default_result = by_name.get(f"newskit {default} (default)") if default else None
    print_targets(default_result, lead, [r for r in results if r.kind == "sumy"], k, sumy)
    print()
    check_scoring(rows, k, lead)
    failures = [r for r in results if r.failed]
    if failures:
        print()
        for r in failures:
            print(f"failures {r.method}: {r.failed} of {r.articles} articles: {r.first_error}")
    return 0


# newskit


def run_newskit(rows: list[Row], name: str, k: int, *, default: bool) -> Result:
    method = f"newskit {name}" + (" (default)" if default else "")
    length = newskit.Length(sentences=k)
    try:
        newskit.evaluate.evaluate_summaries(rows[:WARM_UP], summarizer=name, length=length)
        report = newskit.evaluate.evaluate_summaries(rows, summarizer=name, length=length)
    except Exception as exc:  # noqa: BLE001 - a summarizer that cannot start is a figure
        message = f"{type(exc).__name__}: {exc}"
        return Result(method, "newskit", 0.0, 0.0, 0.0, 0.0, len(rows), len(rows), message)
    errors = [a.error for a in report.articles if a.error]
    return Result(
        method,
        "newskit",
        *(report.mean(m) for m in MEASURES),
        per_second=report.per_second,
        articles=len(report.articles),
        failed=len(errors),
        first_error=errors[0] if errors else None,
    )


# sumy


class NewskitTokenizer:
    """sumy's tokenizer interface on newskit's sentence splitter: no nltk data needed."""

    language = "english"
    _word = re.compile(r"\w+")

    def to_sentences(self, paragraph: str) -> list[str]:
        return [s.text for s in newskit.split_sentences(paragraph)]

    def to_words(self, sentence: str) -> list[str]:
        return self._word.findall(sentence)


def _import_sumy() -> tuple[Any, Any, dict[str, type]] | None:
    try:
        from sumy.nlp.stemmers import Stemmer
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.summarizers.lsa import LsaSummarizer
        from sumy.summarizers.luhn import LuhnSummarizer
        from sumy.summarizers.text_rank import TextRankSummarizer
        from sumy.utils import get_stop_words
    except ImportError:
        return None
    classes = {
        "sumy LexRank": LexRankSummarizer,
        "sumy TextRank": TextRankSummarizer,
        "sumy Luhn": LuhnSummarizer,
        "sumy LSA": LsaSummarizer,
    }
    return Stemmer("english"), frozenset(get_stop_words("english")), classes


def run_sumy(
    rows: list[Row], method: str, cls: type, stemmer: Any, stop_words: frozenset[str], k: int
) -> Result:
    from sumy.parsers.plaintext import PlaintextParser

    tokenizer = NewskitTokenizer()
    summarizer = cls(stemmer)
    summarizer.stop_words = stop_words
    scorer = _scorer()

    def summarise(text: str) -> list[str]:
        document = PlaintextParser.from_string(text, tokenizer).document
        return [str(sentence) for sentence in summarizer(document, k)]

    for _, text, _ in rows[:WARM_UP]:
        try:
            summarise(text)
        except Exception:  # noqa: BLE001 - the timed pass counts it
            continue
    summaries: list[list[str]] = []
    seconds = 0.0
    failed = 0
    first_error = None
    for id, text, _ in rows:
        start = time.perf_counter()
        try:
            summary = summarise(text)
        except Exception as exc:  # noqa: BLE001 - a failing article is a figure
            summary = []
            failed += 1
            first_error = first_error or f"{id}: {type(exc).__name__}: {exc}"
        seconds += time.perf_counter() - start
        summaries.append(summary)
    means = _means(scorer, summaries, rows)
    return Result(
        method,
        "sumy",
        *means,
        per_second=len(rows) / seconds if seconds else 0.0,
        articles=len(rows),
        failed=failed,
        first_error=first_error,
    )


# scoring


def _scorer() -> Any:
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(list(MEASURES), use_stemmer=True)


def score(scorer: Any, summary_sentences: Sequence[str], references: Sequence[str]) -> list[float]:
    """ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (0-1) of one summary, as newskit.evaluate scores:
    the summary re-split with newskit.split_sentences, one sentence a line; for each
    measure the best of the references."""
    summary = "\n".join(
        s.text for sentence in summary_sentences for s in newskit.split_sentences(sentence)
    )
    best = dict.fromkeys(MEASURES, 0.0)
    for reference in references:
        result = scorer.score(reference, summary)
        for measure in MEASURES:
            best[measure] = max(best[measure], result[measure].fmeasure)
    return [best[m] for m in MEASURES]


def _means(scorer: Any, summaries: Sequence[Sequence[str]], rows: list[Row]) -> list[float]:
    totals = [0.0] * len(MEASURES)
    for summary, (_, _, refs) in zip(summaries, rows, strict=True):
        for i, value in enumerate(score(scorer, summary, refs)):
            totals[i] += value
    return [t / len(rows) if rows else 0.0 for t in totals]


def check_scoring(rows: list[Row], k: int, lead: Result | None) -> None:
    """Score newskit's lead summaries with ``score`` and compare with evaluate_summaries."""
    if lead is None or lead.failed == lead.articles:
        print("scoring  check skipped: newskit's lead summarizer is not installed")
        return
    pipeline = newskit.Pipeline.configure(
        cleaners=[], summarizer="lead", classifiers=[], sentences=k
    )
    summaries = [[pipeline.run(newskit.Article(id=id, text=text)).summary] for id, text, _ in rows]
    ours = _means(_scorer(), summaries, rows)
    theirs = [getattr(lead, m) for m in MEASURES]
    agree = all(abs(100 * a - 100 * b) < 0.005 for a, b in zip(ours, theirs, strict=True))
    print(
        "scoring  this file's score() on newskit lead's summaries: "
        + "/".join(f"{100 * x:.2f}" for x in ours)
        + ", evaluate_summaries: "
        + "/".join(f"{100 * x:.2f}" for x in theirs)
        + (" (agree to 2 decimals)" if agree else " (DISAGREE: sumy's scores are not comparable)")
    )


# output


def print_header(sumy: object | None, skipped: bool) -> None:
    if sumy is not None:
        state = _version("sumy")
    else:
        state = "skipped (--no-sumy)" if skipped else "not installed"
    print(f"python   {platform.python_version()} ({platform.python_implementation()})")
    print(
        f"versions newskit {newskit.__version__}, rouge-score {_version('rouge-score')}, "
        f"sumy {state}" + (f", nltk {_version('nltk')}" if sumy is not None else "")
    )


def second_opinion(path: Path) -> str:
    if "bbc-news-summary" in path.name:
        return (
            "bbc-news-summary's references are machine-made extracts (about 47% of each "
            "article's sentences, shuffled): a second opinion only; the anchors and "
            "targets are set on cnndm-dev"
        )
    return "not cnndm-dev: a second opinion only; the anchors and targets are set on cnndm-dev"


def print_table(results: list[Result]) -> None:
    ordered = sorted(results, key=lambda r: (-r.rouge1, r.method))
    print_rows(
        ["method", "ROUGE-1", "ROUGE-2", "ROUGE-Lsum", "articles/s"],
        [r.cells() + ([f"({r.failed} failed)"] if r.failed else []) for r in ordered],
    )
    print("(F1 x 100, mean over articles; articles/s: the summarizer alone, not the scoring)")


def print_rows(header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(row[i]) for row in [header, *rows] if i < len(row)) for i in range(5)]
    for row in [header, *rows]:
        cells = [
            row[0].ljust(widths[0]),
            *(c.rjust(w) for c, w in zip(row[1:5], widths[1:], strict=False)),
        ]
        print("  ".join(cells + row[5:]).rstrip())


def print_targets(
    default: Result | None,
    lead: Result | None,
    sumy_results: list[Result],
    k: int,
    sumy: object | None,
) -> None:
    print("targets (against the figures measured above):")
    if default is None or default.failed == default.articles:
        print("  no default summarizer was measured")
        return
    name = default.method.removeprefix("newskit ").removesuffix(" (default)")
    r1 = 100 * default.rouge1

    def line(target: str, detail: str, ok: bool | None) -> None:
        mark = "not measured" if ok is None else "meets" if ok else "MISSES"
        print(f"  {target:<34} {detail:<48} {mark}")

    if lead is not None and lead.failed < lead.articles:
        need = 100 * lead.rouge1 + TARGET_MARGIN
        line(
            f"ROUGE-1 >= lead-{k} + {TARGET_MARGIN:.1f}",
            f"{name} {r1:.2f} vs {100 * lead.rouge1:.2f} + {TARGET_MARGIN:.1f} = {need:.2f}",
            r1 >= need,
        )
    else:
        line(f"ROUGE-1 >= lead-{k} + {TARGET_MARGIN:.1f}", "newskit lead not measured", None)
    measured = [r for r in sumy_results if r.failed < r.articles]
    if measured:
        best = max(measured, key=lambda r: r.rouge1)
        line(
            "ROUGE-1 above every sumy method",
            f"{name} {r1:.2f} vs best sumy ({best.method.removeprefix('sumy ')}) "
            f"{100 * best.rouge1:.2f}",
            all(default.rouge1 > r.rouge1 for r in measured),
        )
        for measure, label in (("rouge2", "ROUGE-2"), ("rougeLsum", "ROUGE-Lsum")):
            beaten = [
                r.method for r in measured if getattr(r, measure) >= getattr(default, measure)
            ]
            if beaten:
                print(f"    (on {label}, {', '.join(beaten)} reach or pass {name})")
    else:
        why = "sumy skipped" if sumy is None else "every sumy method failed"
        line("ROUGE-1 above every sumy method", why, None)
    line(
        f"articles/s >= {TARGET_SPEED:,.0f}",
        f"{name} {default.per_second:,.0f} articles/s",
        default.per_second >= TARGET_SPEED,
    )


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


if __name__ == "__main__":
    sys.exit(main())
