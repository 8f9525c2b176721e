"""The organisations ``cited-sources`` knows by name, with the names they go by.

Each :class:`Outlet` has a canonical name, a domain, a kind (``"wire"`` for a news
agency, ``"outlet"`` for another news organisation, ``"organisation"`` for any other
body) and its aliases. Aliases are matched case-sensitively, as proper names are
written ("AP", never "ap"); aliases listed in ``loose`` also match in capitals, for
headlines set in capitals.

``bad_next`` lists lowercase words that turn a mention into something else ("AP
exam"); ``person`` marks names that are also people's names ("Bloomberg said" may be
Michael Bloomberg), for which "said" alone is no citation.

The ``organisation`` entries are only the few bodies usually cited by an acronym or a
one-word name ("the IMF", "Greenpeace"); any other organisation is recognised by the
shape of its name (:mod:`._cited_orgs`).
"""

from __future__ import annotations

from attrs import field, frozen

__all__ = ["OUTLETS", "Outlet"]


@frozen(kw_only=True)
class Outlet:
    name: str
    domain: str | None
    kind: str
    aliases: tuple[str, ...]
    loose: tuple[str, ...] = ()
    bad_next: frozenset[str] = field(default=frozenset())
    person: bool = False


def _o(
    kind: str,
    name: str,
    domain: str | None,
    *aliases: str,
    loose: tuple[str, ...] = (),
    bad_next: str = "",
    person: bool = False,
) -> Outlet:
    return Outlet(
        name=name,
        domain=domain,
        kind=kind,
        aliases=aliases or (name,),
        loose=loose,
        bad_next=frozenset(bad_next.split()),
        person=person,
    )


def _the(*names: str) -> tuple[str, ...]:
    """ "The X", "the X" and "X" for each name."""
    return tuple(form for n in names for form in (f"The {n}", f"the {n}", n))


_AP_NOT = """
    exam exams test tests class classes course courses score scores credit credits student
    students teacher teachers program programs government govt police assembly minister
    chief cm high polls poll-takers stylebook
"""

_WIRES = (
    _o(
        "wire",
        "Reuters",
        "reuters.com",
        "Reuters",
        "Reuters TV",
        "Reuters Television",
        loose=("Reuters",),
    ),
    _o(
        "wire",
        "Associated Press",
        "apnews.com",
        *_the("Associated Press"),
        "AP News",
        "AP",
        loose=("Associated Press",),
        bad_next=_AP_NOT,
    ),
    _o(
        "wire",
        "Agence France-Presse",
        "afp.com",
        "Agence France-Presse",
        "Agence France Presse",
        "France-Presse",
        "AFP",
        loose=("Agence France-Presse", "Agence France Presse"),
    ),
    _o(
        "wire",
        "Bloomberg",
        "bloomberg.com",
        "Bloomberg News",
        "Bloomberg Television",
        "Bloomberg TV",
        "Bloomberg",
        loose=("Bloomberg News",),
        person=True,
        bad_next="administration campaign foundation philanthropies",
    ),
    _o("wire", "dpa", "dpa.com", "Deutsche Presse-Agentur", "German Press Agency", "dpa", "DPA"),
    _o("wire", "EFE", "efe.com", "Agencia EFE", "EFE", "Efe"),
    _o("wire", "ANSA", "ansa.it"),
    _o("wire", "Xinhua", "news.cn", "Xinhua News Agency", "Xinhua", loose=("Xinhua",)),
    _o("wire", "TASS", "tass.com", "ITAR-TASS", "TASS", "Tass"),
    _o("wire", "Interfax", "interfax.com", "Interfax-Ukraine", "Interfax", loose=("Interfax",)),
    _o("wire", "Kyodo News", "kyodonews.net", "Kyodo News", "Kyodo", loose=("Kyodo",)),
    _o("wire", "Yonhap", "yna.co.kr", "Yonhap News Agency", "Yonhap", loose=("Yonhap",)),
    _o("wire", "United Press International", "upi.com", "United Press International", "UPI"),
    _o("wire", "PA Media", "pamediagroup.com", "PA Media", "Press Association", "PA news agency"),
    _o("wire", "Anadolu Agency", "aa.com.tr", "Anadolu Agency", "Anadolu Ajansi", "Anadolu"),
    _o("wire", "Press Trust of India", "ptinews.com", "Press Trust of India", "PTI"),
    _o("wire", "Asian News International", "aninews.in", "Asian News International", "ANI"),
    _o("wire", "The Canadian Press", "thecanadianpress.com", *_the("Canadian Press")),
    _o("wire", "Australian Associated Press", "aap.com.au", "Australian Associated Press", "AAP"),
    _o("wire", "Jiji Press", "jiji.com", "Jiji Press", "Jiji"),
    _o("wire", "RIA Novosti", "ria.ru"),
    _o("wire", "Sputnik", "sputniknews.com"),
    _o("wire", "IRNA", "irna.ir", "Islamic Republic News Agency", "IRNA"),
    _o("wire", "Europa Press", "europapress.es"),
    _o("wire", "Dow Jones Newswires", "dowjones.com"),
    _o("wire", "Bernama", "bernama.com"),
    _o("wire", "Antara", "antaranews.com", "Antara News Agency", "Antara"),
    _o("wire", "Lusa", "lusa.pt", "Lusa News Agency", "Lusa"),
    _o("wire", "Ukrinform", "ukrinform.net"),
    _o("wire", "KCNA", "kcna.kp", "Korean Central News Agency", "KCNA"),
    _o("wire", "SANA", "sana.sy", "Syrian Arab News Agency", "SANA"),
    _o("wire", "Saudi Press Agency", "spa.gov.sa"),
    _o("wire", "Polish Press Agency", "pap.pl"),
    _o("wire", "Middle East News Agency", "mena.org.eg"),
    _o("wire", "Emirates News Agency", "wam.ae"),
    _o("wire", "Kuwait News Agency", "kuna.net.kw", "Kuwait News Agency", "KUNA"),
    _o("wire", "Vietnam News Agency", "vnanet.vn"),
)

_OUTLETS = (
    _o(
        "outlet",
        "BBC",
        "bbc.com",
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
    _o("outlet", "CNN", "cnn.com", "CNN Business", "CNN International", "CNN Politics", "CNN"),
    _o(
        "outlet",
        "The New York Times",
        "nytimes.com",
        *_the("New York Times"),
        "NYT",
        loose=("New York Times",),
    ),
    _o(
        "outlet",
        "The Washington Post",
        "washingtonpost.com",
        *_the("Washington Post"),
        "WaPo",
        loose=("Washington Post",),
    ),
    _o(
        "outlet",
        "The Wall Street Journal",
        "wsj.com",
        *_the("Wall Street Journal"),
        "WSJ",
        loose=("Wall Street Journal",),
    ),
    _o(
        "outlet",
        "Financial Times",
        "ft.com",
        *_the("Financial Times"),
        "FT",
        loose=("Financial Times",),
    ),
    _o("outlet", "The Guardian", "theguardian.com", "The Guardian", "the Guardian"),
    _o(
        "outlet",
        "Al Jazeera",
        "aljazeera.com",
        "Al Jazeera",
        "Al-Jazeera",
        "Aljazeera",
        loose=("Al Jazeera",),
    ),
    _o("outlet", "Politico", "politico.com", "Politico", "POLITICO"),
    _o("outlet", "Axios", "axios.com"),
    _o("outlet", "NPR", "npr.org", "National Public Radio", "NPR"),
    _o("outlet", "NBC News", "nbcnews.com", "NBC News", "NBC"),
    _o("outlet", "CBS News", "cbsnews.com", "CBS News", "CBS"),
    _o("outlet", "ABC News", "abcnews.go.com"),
    _o("outlet", "Fox News", "foxnews.com", "Fox News Channel", "Fox News"),
    _o("outlet", "Sky News", "news.sky.com"),
    _o("outlet", "CNBC", "cnbc.com"),
    _o("outlet", "The Economist", "economist.com", "The Economist", "the Economist"),
    _o("outlet", "The Times", "thetimes.co.uk", "The Times of London", "the Times of London"),
    _o(
        "outlet",
        "The Telegraph",
        "telegraph.co.uk",
        "The Daily Telegraph",
        "Daily Telegraph",
        "The Telegraph",
        "the Telegraph",
    ),
    _o("outlet", "The Independent", "independent.co.uk", "The Independent", "the Independent"),
    _o("outlet", "Daily Mail", "dailymail.co.uk", *_the("Daily Mail"), "MailOnline"),
    _o(
        "outlet",
        "Los Angeles Times",
        "latimes.com",
        *_the("Los Angeles Times"),
        "L.A. Times",
        "LA Times",
    ),
    _o("outlet", "USA Today", "usatoday.com", "USA Today", "USA TODAY"),
    _o("outlet", "The Atlantic", "theatlantic.com", "The Atlantic"),
    _o("outlet", "The Hill", "thehill.com", "The Hill"),
    _o("outlet", "Business Insider", "businessinsider.com"),
    _o("outlet", "Forbes", "forbes.com", person=True),
    _o("outlet", "ProPublica", "propublica.org"),
    _o("outlet", "The Intercept", "theintercept.com", "The Intercept", "the Intercept"),
    _o("outlet", "Semafor", "semafor.com"),
    _o("outlet", "Vanity Fair", "vanityfair.com"),
    _o("outlet", "The New Yorker", "newyorker.com", "The New Yorker", "the New Yorker"),
    _o("outlet", "Newsweek", "newsweek.com"),
    _o("outlet", "HuffPost", "huffpost.com", "HuffPost", "Huffington Post"),
    _o("outlet", "Deutsche Welle", "dw.com", "Deutsche Welle", "DW"),
    _o("outlet", "Der Spiegel", "spiegel.de", "Der Spiegel", "Spiegel", person=True),
    _o("outlet", "S\u00fcddeutsche Zeitung", "sueddeutsche.de"),
    _o(
        "outlet",
        "Frankfurter Allgemeine Zeitung",
        "faz.net",
        "Frankfurter Allgemeine Zeitung",
        "Frankfurter Allgemeine",
        "FAZ",
    ),
    _o("outlet", "Die Zeit", "zeit.de"),
    _o("outlet", "Bild", "bild.de", person=True),
    _o("outlet", "Le Monde", "lemonde.fr"),
    _o("outlet", "Le Figaro", "lefigaro.fr"),
    _o("outlet", "France 24", "france24.com"),
    _o("outlet", "Corriere della Sera", "corriere.it"),
    _o("outlet", "La Repubblica", "repubblica.it"),
    _o("outlet", "El Pa\u00eds", "elpais.com", "El Pa\u00eds", "El Pais"),
    _o("outlet", "El Mundo", "elmundo.es"),
    _o("outlet", "Haaretz", "haaretz.com"),
    _o("outlet", "The Times of Israel", "timesofisrael.com", *_the("Times of Israel")),
    _o("outlet", "The Jerusalem Post", "jpost.com", *_the("Jerusalem Post")),
    _o("outlet", "Al Arabiya", "alarabiya.net"),
    _o("outlet", "Arab News", "arabnews.com"),
    _o("outlet", "South China Morning Post", "scmp.com", *_the("South China Morning Post"), "SCMP"),
    _o("outlet", "Nikkei Asia", "asia.nikkei.com", "Nikkei Asian Review", "Nikkei Asia", "Nikkei"),
    _o("outlet", "NHK", "nhk.or.jp"),
    _o("outlet", "Global Times", "globaltimes.cn", *_the("Global Times")),
    _o("outlet", "China Daily", "chinadaily.com.cn"),
    _o("outlet", "The Times of India", "timesofindia.indiatimes.com", *_the("Times of India")),
    _o("outlet", "Hindustan Times", "hindustantimes.com", *_the("Hindustan Times")),
    _o("outlet", "Kyiv Independent", "kyivindependent.com", *_the("Kyiv Independent")),
    _o("outlet", "Kyiv Post", "kyivpost.com", *_the("Kyiv Post")),
    _o("outlet", "Meduza", "meduza.io"),
    _o("outlet", "Kommersant", "kommersant.ru"),
    _o("outlet", "Voice of America", "voanews.com", "Voice of America", "VOA"),
    _o(
        "outlet",
        "Radio Free Europe/Radio Liberty",
        "rferl.org",
        "Radio Free Europe/Radio Liberty",
        "Radio Free Europe",
        "RFE/RL",
    ),
    _o("outlet", "Euronews", "euronews.com"),
)

# Bodies usually cited by an acronym or a one-word name: their names carry none of the
# words by which other organisations are recognised.
_ORGANISATIONS = (
    _o("organisation", "United Nations", "un.org", "United Nations", "UN", "U.N."),
    _o(
        "organisation",
        "World Health Organization",
        "who.int",
        "World Health Organization",
        "World Health Organisation",
        "WHO",
    ),
    _o(
        "organisation",
        "International Monetary Fund",
        "imf.org",
        "International Monetary Fund",
        "IMF",
    ),
    _o("organisation", "World Bank", "worldbank.org"),
    _o("organisation", "NATO", "nato.int", "NATO", "Nato"),
    _o("organisation", "European Union", "europa.eu", "European Union", "EU"),
    _o("organisation", "OECD", "oecd.org", "OECD"),
    _o("organisation", "OPEC", "opec.org", "OPEC", "Opec"),
    _o("organisation", "UNICEF", "unicef.org", "UNICEF", "Unicef"),
    _o("organisation", "UNHCR", "unhcr.org", "UNHCR"),
    _o("organisation", "FBI", "fbi.gov"),
    _o("organisation", "CDC", "cdc.gov"),
    _o("organisation", "Federal Reserve", "federalreserve.gov", "Federal Reserve", "Fed"),
    _o("organisation", "European Central Bank", "ecb.europa.eu", "European Central Bank", "ECB"),
    _o("organisation", "Greenpeace", "greenpeace.org"),
    _o("organisation", "Oxfam", "oxfam.org"),
    _o(
        "organisation",
        "Red Cross",
        "icrc.org",
        "International Committee of the Red Cross",
        "ICRC",
        "Red Cross",
    ),
    _o(
        "organisation",
        "Doctors Without Borders",
        "msf.org",
        "Doctors Without Borders",
        "M\u00e9decins Sans Fronti\u00e8res",
        "MSF",
    ),
)

#: Every known organisation, wires first.
OUTLETS: tuple[Outlet, ...] = _WIRES + _OUTLETS + _ORGANISATIONS
