"""The pipeline: cleaners, then a summarizer, then classifiers, in the configured order.

It is the only code that calls components. A component that raises, or returns the
wrong type, leaves an error on that article (its step and the message) and the
pipeline goes on with the next step; ``strict=True`` raises instead.

Each step is timed (``time.perf_counter``). A step that takes longer than
``step_budget`` seconds (:data:`STEP_BUDGET` by default) keeps its result, and leaves
a warning on the article that names the step and the time, starting ``slow:``. The
pipeline cannot stop a step that hangs: the per-document time limit of a batch does.
Plugins that failed to load (:meth:`PluginManager.faults`) are named in a warning on
every article that :meth:`Pipeline.configure` builds a pipeline for, since their
components did not run.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import partial
from typing import Any

import attrs

from .components import DEFAULT, Classifier, Cleaner, Length, Summarizer
from .errors import ComponentError, ConfigError
from .model import Article, Category, Problem
from .plugins import PluginManager, Registry, get_plugin_manager

__all__ = ["PLUGINS_STEP", "SLOW", "STEP_BUDGET", "Pipeline", "StepReport", "check_components"]

#: Seconds one step may take on one article before it is reported as slow.
STEP_BUDGET = 5.0
#: How the warning for a slow step starts.
SLOW = "slow: "
#: The step of the warnings that name plugins that failed to load.
PLUGINS_STEP = "plugins"


@attrs.frozen(kw_only=True)
class Pipeline:
    """Runs components on articles. Build it with :meth:`configure` from names, or
    directly from component records.

    >>> pipeline = Pipeline.configure(cleaners=["whitespace"], summarizer=None, classifiers=[])
    >>> pipeline.steps
    ('clean:whitespace',)
    """

    cleaners: tuple[Cleaner, ...] = attrs.field(default=(), converter=tuple)
    summarizer: Summarizer | None = None
    classifiers: tuple[Classifier, ...] = attrs.field(default=(), converter=tuple)
    length: Length = attrs.field(factory=Length)
    strict: bool = False
    #: Decision thresholds by category name: a category's label becomes
    #: ``score >= threshold`` (categories without a score are left alone).
    thresholds: Mapping[str, float] = attrs.field(
        factory=dict,
        converter=lambda m: dict(m or {}),
        validator=lambda i, a, v: _check_thresholds(v),
    )
    #: Seconds a step may take on one article before a ``slow:`` warning; None: no limit.
    step_budget: float | None = attrs.field(
        default=STEP_BUDGET, validator=lambda i, a, v: _check_budget(v)
    )
    #: Warnings added to every article this pipeline runs (plugins that failed to load).
    notices: tuple[Problem, ...] = attrs.field(default=(), converter=tuple)

    @classmethod
    def configure(
        cls,
        *,
        cleaners: Sequence[str] | None = None,
        summarizer: str | None = DEFAULT,
        classifiers: Sequence[str] | None = None,
        sentences: int | None = 3,
        chars: int | None = None,
        strict: bool = False,
        thresholds: Mapping[str, float] | None = None,
        step_budget: float | None = STEP_BUDGET,
        plugins: PluginManager | None = None,
    ) -> Pipeline:
        """Build a pipeline from component names.

        ``cleaners`` and ``classifiers`` are lists of names, run in that order; the name
        ``"default"`` stands for the components their plugins mark as default, and
        ``None`` means ``["default"]``. ``summarizer`` is one name, ``"default"``, or
        ``None`` for no summary. ``sentences`` and ``chars`` bound the summary length.
        ``thresholds`` maps category names to the score from which their label is true.
        ``step_budget`` is the seconds a step may take on one article before it is
        reported as slow (``None``: never). Unknown names raise
        :class:`~newskit.ConfigError` listing what is installed. Every plugin fault
        ``plugins`` knows of becomes a warning on every article (step ``"plugins"``).
        """
        pm = plugins or get_plugin_manager()
        try:
            length = Length(sentences=sentences, chars=chars)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"invalid summary length: {exc}") from None
        return cls(
            cleaners=_resolve(pm.cleaners, cleaners, ordered=True),
            summarizer=_resolve_summarizer(pm.summarizers, summarizer),
            classifiers=_resolve(pm.classifiers, classifiers, ordered=False),
            length=length,
            strict=strict,
            thresholds=thresholds or {},
            step_budget=step_budget,
            notices=_fault_notices(pm),
        )

    _plan: tuple[tuple[str, Callable[[Article], Article]], ...] = attrs.field(
        init=False, repr=False, eq=False
    )

    def __attrs_post_init__(self) -> None:
        plan = [(f"clean:{c.name}", partial(_clean, c)) for c in self.cleaners]
        if self.summarizer is not None:
            step = f"summarize:{self.summarizer.name}"
            plan.append((step, partial(_summarize, self.summarizer, self.length)))
        plan += [(f"classify:{c.name}", partial(_classify, c)) for c in self.classifiers]
        if self.thresholds and self.classifiers:
            plan.append(("classify:thresholds", partial(_apply_thresholds, self.thresholds)))
        object.__setattr__(self, "_plan", tuple(plan))

    @property
    def steps(self) -> tuple[str, ...]:
        """The step names in the order they run, as they appear in error records."""
        return tuple(step for step, _ in self._plan)

    def run(self, article: Article) -> Article:
        """Run every step on ``article`` and return the new article.

        Error records (articles that failed to read) pass through untouched.
        """
        if article.failed:
            return article
        if self.notices:
            article = attrs.evolve(article, warnings=(*article.warnings, *self.notices))
        budget = self.step_budget
        for step, fn in self._plan:
            start = time.perf_counter()
            try:
                article = fn(article)
            except (Exception, SystemExit) as exc:  # SystemExit: a plugin must not end a run
                message = (
                    str(exc) if isinstance(exc, _WrongType) else f"{type(exc).__name__}: {exc}"
                )
                if self.strict:
                    raise ComponentError(step, article.id, message) from exc
                article = article.with_error(step, message)
            seconds = time.perf_counter() - start
            if budget is not None and seconds > budget:
                article = article.with_warning(
                    step, f"{SLOW}took {seconds:.3g} s, over the {budget:g} s budget of a step"
                )
        return article

    __call__ = run

    def run_many(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Run the pipeline over an iterable, lazily."""
        for article in articles:
            yield self.run(article)


@attrs.define
class StepReport:
    """Counts, over a run, the articles on which each step failed or was slow.

    Wrap the articles with :meth:`count`; :meth:`lines` then gives one line per step
    that failed or was slow, with how often, the plugin and the first case.
    """

    failed: dict[str, int] = attrs.field(factory=dict)
    slow: dict[str, int] = attrs.field(factory=dict)
    first: dict[tuple[str, str], str] = attrs.field(factory=dict)

    def count(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            if not article.failed:
                self._add(article, "failed", article.errors, lambda p: True)
                self._add(article, "slow", article.warnings, lambda p: p.message.startswith(SLOW))
            yield article

    def _add(self, article: Article, kind: str, problems: Iterable[Problem], keep: Any) -> None:
        counts = getattr(self, kind)
        for step in dict.fromkeys(p.step for p in problems if keep(p)):
            counts[step] = counts.get(step, 0) + 1
            message = next(p.message for p in problems if p.step == step and keep(p))
            message = message.removeprefix(SLOW)
            self.first.setdefault((kind, step), f"{article.id or '<no id>'}: {message}")

    def lines(self, plugins: PluginManager | None = None) -> list[str]:
        out = []
        for kind, verb in (("failed", "failed"), ("slow", "was slow")):
            for step, n in getattr(self, kind).items():
                owner = _owner(plugins, step)
                by = f" (plugin {owner!r})" if owner else ""
                noun = "article" if n == 1 else "articles"
                first = self.first[kind, step]
                out.append(f"step {step!r}{by} {verb} on {n} {noun}; first on {first}")
        return out


_KINDS = {"clean": "cleaner", "summarize": "summarizer", "classify": "classifier"}


def _owner(plugins: PluginManager | None, step: str) -> str | None:
    kind, _, name = step.partition(":")
    if plugins is None or kind not in _KINDS:
        return None
    registry = plugins.components(_KINDS[kind])
    return registry.owner(name) if name in registry else None


_SAMPLE = Article(
    id="newskit-check",
    title="Parliament passes the budget after a long debate",
    language="en",
    text=(
        "The parliament passed the budget on Tuesday after a debate that lasted two days, "
        "according to Reuters. The finance minister said inflation would fall next year.\n\n"
        "Opposition leaders said the plan ignored ordinary people and served the elites. "
        "Unions plan a strike next week."
    ),
)


def check_components(
    plugins: PluginManager, *, step_budget: float | None = STEP_BUDGET
) -> dict[str, list[str]]:
    """Run every installed cleaner, summarizer and classifier once on a small sample
    article; return, by plugin, each step that failed, returned the wrong type or
    went over ``step_budget`` seconds. ``newskit plugins --check`` shows these."""
    found: dict[str, list[str]] = {}
    budget = step_budget
    pipelines = [
        *(Pipeline(cleaners=[c], step_budget=budget) for c in plugins.cleaners.values()),
        *(Pipeline(summarizer=s, step_budget=budget) for s in plugins.summarizers.values()),
        *(Pipeline(classifiers=[c], step_budget=budget) for c in plugins.classifiers.values()),
    ]
    for pipeline in pipelines:
        result = pipeline.run(_SAMPLE)
        problems = [*result.errors, *(w for w in result.warnings if w.message.startswith(SLOW))]
        for problem in problems:
            owner = _owner(plugins, problem.step) or "?"
            found.setdefault(owner, []).append(f"check: {problem.step}: {problem.message}")
    return found


class _WrongType(TypeError):
    """A component returned something other than what its kind must return."""

    def __init__(self, value: object, expected: str) -> None:
        super().__init__(f"returned {type(value).__name__}, expected {expected}")


def _clean(cleaner: Cleaner, article: Article) -> Article:
    result = cleaner.clean(article)
    if not isinstance(result, Article):
        raise _WrongType(result, "an Article")
    return result


def _summarize(summarizer: Summarizer, length: Length, article: Article) -> Article:
    summary = summarizer.summarize(article, length)
    if not isinstance(summary, str):
        raise _WrongType(summary, "a str")
    return attrs.evolve(article, summary=summary)


def _classify(classifier: Classifier, article: Article) -> Article:
    languages = classifier.languages
    language = (article.language or "").split("-")[0].split("_")[0].lower()
    if languages and language and language not in languages:
        unknown = Category(name=classifier.name, scheme=classifier.name, score=None, label=None)
        kept = tuple(c for c in article.categories if c.scheme != classifier.name)
        return attrs.evolve(article, categories=(*kept, unknown)).with_warning(
            f"classify:{classifier.name}",
            f"not classified: {classifier.name!r} reads {', '.join(languages)} only, "
            f"and the article is in {article.language!r}",
        )
    result = classifier.classify(article)
    if isinstance(result, Category):
        found: tuple[Category, ...] = (result,)
    elif result is None:
        found = ()
    elif isinstance(result, (str, bytes, Mapping)) or not isinstance(result, Iterable):
        raise _WrongType(result, "Category records")  # not a dict's keys, one by one
    else:
        found = tuple(result)
    for item in found:
        if not isinstance(item, Category):
            raise _WrongType(item, "Category records")
    schemes = {c.scheme for c in found}
    kept = tuple(c for c in article.categories if c.scheme not in schemes)
    return attrs.evolve(article, categories=(*kept, *found))


def _check_budget(value: float | None) -> None:
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0
    ):
        raise ConfigError(f"step budget must be a positive number of seconds, not {value!r}")


def _fault_notices(pm: PluginManager) -> tuple[Problem, ...]:
    return tuple(
        Problem(step=PLUGINS_STEP, message=f"plugin {name!r} did not load fully: {error}")
        for name, errors in pm.faults().items()
        for error in errors
    )


def _check_thresholds(thresholds: Mapping[str, float]) -> None:
    for name, value in thresholds.items():
        if not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise ConfigError(f"threshold for {name!r} must be a number from 0 to 1, not {value!r}")


def _apply_thresholds(thresholds: Mapping[str, float], article: Article) -> Article:
    categories = tuple(
        attrs.evolve(c, label=c.score >= thresholds[c.name])
        if c.name in thresholds and c.score is not None
        else c
        for c in article.categories
    )
    return attrs.evolve(article, categories=categories)


def _resolve(registry: Registry[Any], names: Sequence[str] | None, *, ordered: bool) -> list[Any]:
    if isinstance(names, str):
        names = [n.strip() for n in names.split(",") if n.strip()]
    out: list[Any] = []
    for name in [DEFAULT] if names is None else names:
        if name == DEFAULT:
            defaults = [c for c in registry.values() if c.default]
            if ordered:
                defaults.sort(key=lambda c: (c.order, c.name))
            else:
                defaults.sort(key=lambda c: c.name)
            out.extend(c for c in defaults if c not in out)
        else:
            out.append(registry[name])
    return out


def _resolve_summarizer(registry: Registry[Summarizer], name: str | None) -> Summarizer | None:
    if name is None or name == "none":
        return None
    if name != DEFAULT:
        return registry[name]
    defaults = [s for s in registry.values() if s.default]
    if len(defaults) > 1:
        claims = ", ".join(f"{s.name!r} (plugin {registry.owner(s.name)!r})" for s in defaults)
        raise ConfigError(f"several summarizers claim to be the default: {claims}; name one")
    return defaults[0] if defaults else None
