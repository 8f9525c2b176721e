"""The terms that mark economic, business and financial news, by sub-topic and weight.

Five sub-topics follow the economic major topics of the Comparative Agendas Project
(macroeconomics; banking, finance and domestic commerce; foreign trade; labour):

``macroeconomy``  growth, inflation, central banks and interest rates, public finances
``markets``       stock, bond, currency and commodity markets; banks, lenders, investors
``companies``     firms and their results, deals, bosses, industries
``trade``         exports, imports, tariffs, trade deals and the WTO
``labour``        jobs, wages, unions, strikes and lay-offs

Each term has a weight that says how surely it marks economic content on its own:

``3`` specific: rarely used outside economic news ("GDP", "shareholders", "tariffs");
``2`` likely: usually economic, sometimes not ("economy", "bank", "jobs", "revenue");
``1`` weak: economic only in company ("company", "prices", "tax", "market").

The core of ``macroeconomy`` is the "economic"/"economy" term set of the Economic Policy
Uncertainty index (Baker, Bloom & Davis 2016). The rest were written by hand as general
news vocabulary, without outlet-specific words or company names; each weight was set by
its meaning and then checked against how often the term occurs in business and other
news (benchmarks/classification.py). Wildcards follow :class:`newskit.Lexicon`:
``profit*`` is any word starting with "profit"; phrases match across any whitespace.
"""

from __future__ import annotations

__all__ = ["CITATION", "EPU_TERMS", "SUBTOPICS", "TERMS"]

CITATION = (
    "Baker, S. R., Bloom, N. & Davis, S. J. (2016). Measuring economic policy "
    "uncertainty. The Quarterly Journal of Economics 131(4), 1593-1636."
)

EPU_TERMS: tuple[str, ...] = ("economic", "economy")


def _weights(specific: str, likely: str, weak: str) -> dict[str, int]:
    """Term -> weight, from three ``;``-separated lists."""
    weights: dict[str, int] = {}
    for weight, terms in ((3, specific), (2, likely), (1, weak)):
        for term in terms.split(";"):
            term = " ".join(term.split())
            if term:
                weights[term] = weight
    return weights


MACROECONOMY = _weights(
    specific="""
        GDP; gross domestic product; inflation; inflationary; deflation; disinflation;
        stagflation; recession*; central bank*; federal reserve; European Central Bank; ECB;
        Bank of England; Bank of Japan; monetary policy; fiscal policy; interest rate*;
        base rate; rate cut*; rate rise*; rate hike*; economist; economists; macroeconomic;
        economic growth; economic output; economic activity; economic recovery;
        economic slowdown; consumer price*; producer price*; CPI; consumer spending;
        consumer confidence; consumer sentiment; domestic demand; consumer demand;
        annual growth; borrowing costs; percentage point*; budget deficit*;
        budget surplus*; public debt; national debt; sovereign debt; quantitative easing;
        International Monetary Fund; IMF; OECD; unemployment rate*; jobless rate*;
        jobless claims; retail sales; industrial output; industrial production;
        manufacturing output; purchasing managers; housing starts; economic data;
        economic indicators; growth forecast*; cost of living
    """,
    likely="""
        economy; economies; economic; economics; unemployment; jobless; slowdown; downturn;
        stimulus; austerity; productivity; mortgage*; deficit*; household debt; growth rate;
        finance minister*; finance ministry; treasury secretary; tax revenue*; corporate tax;
        purchasing power; prices rose; prices fell; price rise*; price increase*; fiscal;
        monetary; house prices; home sales; housing market; public finances; public spending;
        government borrowing; public borrowing; living costs; debts; World Bank; G7; G20;
        bailout*; privatis*; privatiz*; state-owned
    """,
    weak="""
        growth; prices; spending; debt; forecast*; budget; budgets; surplus; taxes; tax;
        tax cut*; tax rise*; tax increase*; tax band*; income tax; VAT; treasury; consumers;
        consumer; demand; output; recovery; households; economically; expansion; contraction
    """,
)

MARKETS = _weights(
    specific="""
        stock market*; stock exchange*; stock price*; share price*; shares in; shares of;
        its shares; shareholder*; stockholder*; equities; equity market*; bond market*;
        bond yield*; government bonds; treasury yield*; Wall Street; Dow Jones; the Dow;
        Nasdaq; NYSE; S&P 500; S&P; Standard & Poor's; Moody's; FTSE; Nikkei; Hang Seng;
        Sensex; hedge fund*; private equity; venture capital; securities; currency;
        currencies; exchange rate*; foreign exchange; forex; investors; initial public offering;
        market value; market capitalisation; market capitalization; bull market; bear market;
        sell-off; benchmark index; blue-chip; commodity price*; oil price*; crude oil;
        crude prices; per barrel; brent crude; gold price*; investment bank*; fund manager*;
        asset manager*; credit rating*; brokerage; stockbroker*; financial markets;
        banking sector; bank shares; money markets; eurozone; euro zone; insurer*; lender*;
        valuation; pension fund*; creditors; shareholding*; per share
    """,
    likely="""
        shares; stocks; bonds; investor; investment; investments; banks; banking; yen; yuan;
        loans; lending; assets; stake in; trading; traders; sterling; IPO; dividend*;
        financial services; capital markets; commodities; markets; bank; invested;
        financial regulator*; securities regulator*; portfolio; credit card*; savers;
        cryptocurrenc*; bitcoin
    """,
    weak="""
        dollar; dollars; euro; euros; analysts; index; invest; investing; credit; loan;
        insurance; finance; financial; financing; funds; market; futures; savings
    """,
)

COMPANIES = _weights(
    specific="""
        profit*; earnings; pre-tax; net income; net loss; operating income; takeover*;
        merger*; bankrupt*; insolven*; chapter 11; quarterly; first-quarter; second-quarter;
        third-quarter; fourth-quarter; full-year; annual results; half-year; restructuring;
        chief financial officer; board of directors; subsidiary; subsidiaries;
        conglomerate*; buyout; sales rose; sales fell; sales grew; sales jumped;
        sales dropped; sales increased; annual sales; carmaker*; automaker*; chipmaker*;
        multinational*; airline*; oil company; oil companies; oil firm*; energy company;
        energy companies; energy firm*; accounting fraud
    """,
    likely="""
        revenue*; turnover; acquisition*; chief executive*; chief operating officer; CEO; CFO;
        joint venture; market share; losses; retailer*; manufacturer*; manufacturing;
        corporate; sales; businesses; factory; factories; sector; sectors; retail;
        first quarter; second quarter; third quarter; fourth quarter; shopper*; supplier*;
        executives; monopoly; antitrust; competition regulator*; competition authorit*;
        accounting; boardroom; mining; price war*; consumer goods; supply chain*
    """,
    weak="""
        company; companies; firm; firms; business; industry; industries; brand*; customers;
        stores; plant; production; products; enterprise*; entrepreneur*; start-up*;
        startup*; corporation*; staff; oil; gas; regulator*; fraud; bosses; tycoon*;
        oligarch*; supermarket*; advertising campaign*; marketing campaign*; ad campaign*
    """,
)

TRADE = _weights(
    specific="""
        exports; imports; exporter*; importer*; tariff*; trade deficit*; trade surplus*;
        trade gap; trade balance; trade deal*; trade agreement*; free trade; free-trade;
        trade war*; trade talks; trade barrier*; trade dispute*; trade policy;
        trade minister*; World Trade Organization; World Trade Organisation; WTO;
        anti-dumping; protectionis*; trading partner*; current account; import duties;
        import quota*; export quota*
    """,
    likely="export; exporting; imported; importing; single market; customs union",
    weak="trade; goods; import; exported",
)

LABOUR = _weights(
    specific="""
        minimum wage; pay rise*; pay raise*; pay deal*; pay freeze; pay claim; pay talks;
        trade union*; labor union*; labour union*; union members; strike action;
        industrial action; walkout*; went on strike; on strike; general strike; job cuts;
        job losses; job creation; jobs report; job market; jobs market; layoff*; laid off;
        redundanc*; labour market; labor market; labour shortage*; labor shortage*;
        workforce; payroll*; collective bargaining; labour costs; labor costs
    """,
    likely="""
        wage*; employment; employers; unemployed; hiring; jobs; workers; employees; unions
    """,
    weak="pay; salar*; pension*; overtime; workplace; worker; employee; employer",
)

#: Sub-topic name -> {term: weight}. A term belongs to one sub-topic only.
SUBTOPICS: dict[str, dict[str, int]] = {
    "macroeconomy": MACROECONOMY,
    "markets": MARKETS,
    "companies": COMPANIES,
    "trade": TRADE,
    "labour": LABOUR,
}

#: Every economic term, sub-topic by sub-topic.
TERMS: tuple[str, ...] = tuple(term for weights in SUBTOPICS.values() for term in weights)
