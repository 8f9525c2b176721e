"""The terms that mark economic, business and financial news.

The core is the "economy" term set of the Economic Policy Uncertainty index (Baker,
Bloom & Davis 2016): "economic", "economy". The rest were chosen by hand, before any
measurement, as words a general reader associates with economy/business/finance as a
topic rather than in passing: macroeconomic indicators, monetary policy, markets and
company results, trade. Wildcards follow :class:`newskit.Lexicon`: ``profit*`` is any
word starting with "profit"; ``interest rate*`` a phrase whose last word may go on.
"""

from __future__ import annotations

import newskit

__all__ = ["CITATION", "EPU_TERMS", "LEXICON", "TERMS"]

CITATION = (
    "Baker, S. R., Bloom, N. & Davis, S. J. (2016). Measuring economic policy "
    "uncertainty. The Quarterly Journal of Economics 131(4), 1593-1636."
)

EPU_TERMS: tuple[str, ...] = ("economic", "economy")

_MACRO = (
    "economies",
    "economically",
    "inflation",
    "deflation",
    "recession*",
    "GDP",
    "gross domestic product",
    "unemployment",
    "jobless*",
    "interest rate*",
    "central bank*",
    "federal reserve",
    "monetary policy",
    "exchange rate*",
    "budget deficit",
    "consumer spending",
)
_MARKETS = (
    "stock market*",
    "stock exchange*",
    "wall street",
    "share price*",
    "shares",
    "shareholder*",
    "investor*",
    "dividend*",
)
_COMPANIES = (
    "profit*",
    "earnings",
    "revenue*",
    "bankrupt*",
    "takeover*",
    "merger*",
)
_TRADE = (
    "tariff*",
    "trade deficit",
    "exports",
    "imports",
    "oil price*",
)

TERMS: tuple[str, ...] = (*EPU_TERMS, *_MACRO, *_MARKETS, *_COMPANIES, *_TRADE)

LEXICON = newskit.Lexicon(TERMS, name="economy")
