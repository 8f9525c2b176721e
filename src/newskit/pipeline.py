"""The pipeline: cleaners, then a summarizer, then classifiers, in the configured order.

It is the only code that calls components. A component that raises, or returns the
wrong type, leaves an error on that article (its step and the message) and the
pipeline goes on with the next step; ``strict=True`` raises instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import partial
from typing import Any

import attrs

from .components import DEFAULT, Classifier, Cleaner, Length, Summarizer
from .errors import ComponentError, ConfigError
from .model import Article, Category
from .plugins import PluginManager, Registry, get_plugin_manager

__all__ = ["Pipeline"]


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
        plugins: PluginManager | None = None,
    ) -> Pipeline:
        """Build a pipeline from component names.

        ``cleaners`` and ``classifiers`` are lists of names, run in that order; the name
        ``"default"`` stands for the components their plugins mark as default, and
        ``None`` means ``["default"]``. ``summarizer`` is one name, ``"default"``, or
        ``None`` for no summary. ``sentences`` and ``chars`` bound the summary length.
        ``thresholds`` maps category names to the score from which their label is true.
        Unknown names raise :class:`~newskit.ConfigError` listing what is installed.
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
        for step, fn in self._plan:
            try:
                article = fn(article)
            except Exception as exc:
                message = (
                    str(exc) if isinstance(exc, _WrongType) else f"{type(exc).__name__}: {exc}"
                )
                if self.strict:
                    raise ComponentError(step, article.id, message) from exc
                article = article.with_error(step, message)
        return article

    __call__ = run

    def run_many(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Run the pipeline over an iterable, lazily."""
        for article in articles:
            yield self.run(article)


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
    else:
        found = tuple(result)
    for item in found:
        if not isinstance(item, Category):
            raise _WrongType(item, "Category records")
    schemes = {c.scheme for c in found}
    kept = tuple(c for c in article.categories if c.scheme not in schemes)
    return attrs.evolve(article, categories=(*kept, *found))


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
