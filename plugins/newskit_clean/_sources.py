"""The news agencies and outlets ``cited-sources`` knows, with the names they go by.

Each :class:`Outlet` has a canonical name, a domain, a kind (``"wire"`` for a news
agency, ``"outlet"`` for another news organisation) and its aliases. Aliases are
matched case-sensitively, as proper names are written ("AP", never "ap"); aliases
listed in ``loose`` also match in any case, for headlines set in capitals.

``bad_next`` lists lowercase words that turn a mention into something else ("AP
exam"); ``person`` marks names that are also people's names ("Bloomberg said" may be
Michael Bloomberg), for which "said" alone is no citation.
"""

from __future__ import annotations

from attrs import field, frozen

__all__ = ["OUTLETS", "Outlet"]


@frozen(kw_only=True)
class Outlet:
    name: str
    domain: str
    kind: str
    aliases: tuple[str, ...]
    loose: tuple[str, ...] = ()
    bad_next: frozenset[str] = field(default=frozenset())
    person: bool = False


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_AP_NOT = _words(
    """
    exam exams test tests class classes course courses score scores credit credits student
    students teacher teachers program programs government govt police assembly minister
    chief cm high polls poll-takers stylebook
    """
)

_WIRES = (
    Outlet(
        name="Reuters", domain="reuters.com", kind="wire", aliases=("Reuters",), loose=("Reuters",)
    ),
    Outlet(
        name="Associated Press",
        domain="apnews.com",
        kind="wire",
        aliases=(
            "The Associated Press",
            "the Associated Press",
            "Associated Press",
            "AP News",
            "AP",
        ),
        loose=("Associated Press",),
        bad_next=_AP_NOT,
    ),
    Outlet(
        name="Agence France-Presse",
        domain="afp.com",
        kind="wire",
        aliases=("Agence France-Presse", "Agence France Presse", "France-Presse", "AFP"),
        loose=("Agence France-Presse", "Agence France Presse"),
    ),
    Outlet(
        name="Bloomberg",
        domain="bloomberg.com",
        kind="wire",
        aliases=("Bloomberg News", "Bloomberg Television", "Bloomberg TV", "Bloomberg"),
        loose=("Bloomberg News",),
        person=True,
        bad_next=_words("administration campaign foundation philanthropies"),
    ),
    Outlet(
        name="dpa",
        domain="dpa.com",
        kind="wire",
        aliases=("Deutsche Presse-Agentur", "German Press Agency", "dpa"),
    ),
    Outlet(name="EFE", domain="efe.com", kind="wire", aliases=("Agencia EFE", "EFE", "Efe")),
    Outlet(name="ANSA", domain="ansa.it", kind="wire", aliases=("ANSA",)),
    Outlet(
        name="Xinhua",
        domain="news.cn",
        kind="wire",
        aliases=("Xinhua News Agency", "Xinhua"),
        loose=("Xinhua",),
    ),
    Outlet(name="TASS", domain="tass.com", kind="wire", aliases=("ITAR-TASS", "TASS", "Tass")),
    Outlet(
        name="Interfax",
        domain="interfax.com",
        kind="wire",
        aliases=("Interfax-Ukraine", "Interfax"),
        loose=("Interfax",),
    ),
    Outlet(
        name="Kyodo News",
        domain="kyodonews.net",
        kind="wire",
        aliases=("Kyodo News", "Kyodo"),
        loose=("Kyodo",),
    ),
    Outlet(
        name="Yonhap",
        domain="yna.co.kr",
        kind="wire",
        aliases=("Yonhap News Agency", "Yonhap"),
        loose=("Yonhap",),
    ),
    Outlet(
        name="United Press International",
        domain="upi.com",
        kind="wire",
        aliases=("United Press International", "UPI"),
    ),
    Outlet(
        name="PA Media",
        domain="pamediagroup.com",
        kind="wire",
        aliases=("PA Media", "Press Association", "PA news agency"),
    ),
    Outlet(
        name="Anadolu Agency",
        domain="aa.com.tr",
        kind="wire",
        aliases=("Anadolu Agency", "Anadolu Ajansi", "Anadolu"),
    ),
    Outlet(
        name="Press Trust of India",
        domain="ptinews.com",
        kind="wire",
        aliases=("Press Trust of India", "PTI"),
    ),
    Outlet(
        name="Asian News International",
        domain="aninews.in",
        kind="wire",
        aliases=("Asian News International", "ANI"),
    ),
    Outlet(
        name="The Canadian Press",
        domain="thecanadianpress.com",
        kind="wire",
        aliases=("The Canadian Press", "the Canadian Press", "Canadian Press"),
    ),
    Outlet(
        name="Australian Associated Press",
        domain="aap.com.au",
        kind="wire",
        aliases=("Australian Associated Press", "AAP"),
    ),
    Outlet(name="Jiji Press", domain="jiji.com", kind="wire", aliases=("Jiji Press", "Jiji")),
    Outlet(name="RIA Novosti", domain="ria.ru", kind="wire", aliases=("RIA Novosti",)),
    Outlet(
        name="IRNA", domain="irna.ir", kind="wire", aliases=("Islamic Republic News Agency", "IRNA")
    ),
    Outlet(name="Europa Press", domain="europapress.es", kind="wire", aliases=("Europa Press",)),
    Outlet(
        name="Dow Jones Newswires",
        domain="dowjones.com",
        kind="wire",
        aliases=("Dow Jones Newswires",),
    ),
)

_OUTLETS = (
    Outlet(
        name="BBC",
        domain="bbc.com",
        kind="outlet",
        aliases=(
            "BBC News",
            "BBC World Service",
            "BBC Persian",
            "BBC Arabic",
            "BBC Russian",
            "BBC Ukrainian",
            "BBC Monitoring",
            "BBC Radio",
            "British Broadcasting Corporation",
            "BBC",
        ),
    ),
    Outlet(
        name="CNN",
        domain="cnn.com",
        kind="outlet",
        aliases=("CNN Business", "CNN International", "CNN Politics", "CNN"),
    ),
    Outlet(
        name="The New York Times",
        domain="nytimes.com",
        kind="outlet",
        aliases=("The New York Times", "the New York Times", "New York Times", "NYT"),
        loose=("New York Times",),
    ),
    Outlet(
        name="The Washington Post",
        domain="washingtonpost.com",
        kind="outlet",
        aliases=("The Washington Post", "the Washington Post", "Washington Post", "WaPo"),
        loose=("Washington Post",),
    ),
    Outlet(
        name="The Wall Street Journal",
        domain="wsj.com",
        kind="outlet",
        aliases=(
            "The Wall Street Journal",
            "the Wall Street Journal",
            "Wall Street Journal",
            "WSJ",
        ),
        loose=("Wall Street Journal",),
    ),
    Outlet(
        name="Financial Times",
        domain="ft.com",
        kind="outlet",
        aliases=("The Financial Times", "the Financial Times", "Financial Times", "FT"),
        loose=("Financial Times",),
    ),
    Outlet(
        name="The Guardian",
        domain="theguardian.com",
        kind="outlet",
        aliases=("The Guardian", "the Guardian"),
    ),
    Outlet(
        name="Al Jazeera",
        domain="aljazeera.com",
        kind="outlet",
        aliases=("Al Jazeera", "Al-Jazeera", "Aljazeera"),
        loose=("Al Jazeera",),
    ),
    Outlet(name="Politico", domain="politico.com", kind="outlet", aliases=("Politico", "POLITICO")),
    Outlet(name="Axios", domain="axios.com", kind="outlet", aliases=("Axios",)),
    Outlet(name="NPR", domain="npr.org", kind="outlet", aliases=("National Public Radio", "NPR")),
    Outlet(name="NBC News", domain="nbcnews.com", kind="outlet", aliases=("NBC News", "NBC")),
    Outlet(name="CBS News", domain="cbsnews.com", kind="outlet", aliases=("CBS News", "CBS")),
    Outlet(name="ABC News", domain="abcnews.go.com", kind="outlet", aliases=("ABC News",)),
    Outlet(
        name="Fox News",
        domain="foxnews.com",
        kind="outlet",
        aliases=("Fox News Channel", "Fox News"),
    ),
    Outlet(name="Sky News", domain="news.sky.com", kind="outlet", aliases=("Sky News",)),
    Outlet(name="CNBC", domain="cnbc.com", kind="outlet", aliases=("CNBC",)),
    Outlet(
        name="The Economist",
        domain="economist.com",
        kind="outlet",
        aliases=("The Economist", "the Economist"),
    ),
    Outlet(
        name="The Times",
        domain="thetimes.co.uk",
        kind="outlet",
        aliases=("The Times of London", "the Times of London"),
    ),
    Outlet(
        name="The Telegraph",
        domain="telegraph.co.uk",
        kind="outlet",
        aliases=("The Daily Telegraph", "Daily Telegraph", "The Telegraph", "the Telegraph"),
    ),
    Outlet(
        name="The Independent",
        domain="independent.co.uk",
        kind="outlet",
        aliases=("The Independent", "the Independent"),
    ),
    Outlet(
        name="Daily Mail",
        domain="dailymail.co.uk",
        kind="outlet",
        aliases=("The Daily Mail", "the Daily Mail", "Daily Mail", "MailOnline"),
    ),
    Outlet(
        name="Los Angeles Times",
        domain="latimes.com",
        kind="outlet",
        aliases=(
            "The Los Angeles Times",
            "the Los Angeles Times",
            "Los Angeles Times",
            "L.A. Times",
            "LA Times",
        ),
    ),
    Outlet(
        name="USA Today", domain="usatoday.com", kind="outlet", aliases=("USA Today", "USA TODAY")
    ),
    Outlet(name="The Atlantic", domain="theatlantic.com", kind="outlet", aliases=("The Atlantic",)),
    Outlet(name="The Hill", domain="thehill.com", kind="outlet", aliases=("The Hill",)),
    Outlet(
        name="Business Insider",
        domain="businessinsider.com",
        kind="outlet",
        aliases=("Business Insider",),
    ),
    Outlet(name="Forbes", domain="forbes.com", kind="outlet", aliases=("Forbes",), person=True),
    Outlet(name="ProPublica", domain="propublica.org", kind="outlet", aliases=("ProPublica",)),
    Outlet(
        name="The Intercept",
        domain="theintercept.com",
        kind="outlet",
        aliases=("The Intercept", "the Intercept"),
    ),
    Outlet(name="Semafor", domain="semafor.com", kind="outlet", aliases=("Semafor",)),
    Outlet(name="Deutsche Welle", domain="dw.com", kind="outlet", aliases=("Deutsche Welle", "DW")),
    Outlet(
        name="Der Spiegel",
        domain="spiegel.de",
        kind="outlet",
        aliases=("Der Spiegel", "Spiegel"),
        person=True,
    ),
    Outlet(name="Le Monde", domain="lemonde.fr", kind="outlet", aliases=("Le Monde",)),
    Outlet(name="France 24", domain="france24.com", kind="outlet", aliases=("France 24",)),
    Outlet(
        name="El Pa\u00eds", domain="elpais.com", kind="outlet", aliases=("El Pa\u00eds", "El Pais")
    ),
    Outlet(name="Haaretz", domain="haaretz.com", kind="outlet", aliases=("Haaretz",)),
    Outlet(
        name="The Times of Israel",
        domain="timesofisrael.com",
        kind="outlet",
        aliases=("The Times of Israel", "the Times of Israel", "Times of Israel"),
    ),
    Outlet(
        name="South China Morning Post",
        domain="scmp.com",
        kind="outlet",
        aliases=(
            "The South China Morning Post",
            "the South China Morning Post",
            "South China Morning Post",
            "SCMP",
        ),
    ),
    Outlet(
        name="Nikkei Asia",
        domain="asia.nikkei.com",
        kind="outlet",
        aliases=("Nikkei Asian Review", "Nikkei Asia", "Nikkei"),
    ),
    Outlet(
        name="Global Times",
        domain="globaltimes.cn",
        kind="outlet",
        aliases=("The Global Times", "the Global Times", "Global Times"),
    ),
    Outlet(
        name="The Times of India",
        domain="timesofindia.indiatimes.com",
        kind="outlet",
        aliases=("The Times of India", "the Times of India", "Times of India"),
    ),
    Outlet(
        name="Kyiv Independent",
        domain="kyivindependent.com",
        kind="outlet",
        aliases=("The Kyiv Independent", "the Kyiv Independent", "Kyiv Independent"),
    ),
)

#: Every known organisation, wires first.
OUTLETS: tuple[Outlet, ...] = _WIRES + _OUTLETS
