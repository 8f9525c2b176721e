"""Articles written for these tests: one for each economic sub-topic, and stories on
other topics that mention the economy in passing."""

from __future__ import annotations

import pytest


def _article(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


MACRO = _article(
    "Inflation slows as central bank holds rates",
    "Consumer prices rose 2.1% in the year to March, down from 2.6% in February, the "
    "statistics office said on Wednesday.",
    "The central bank left its main interest rate unchanged at 4%, saying it wanted more "
    "evidence that price pressures were easing. Economists had expected inflation to fall "
    "to 2.3%.",
    "Growth has been weak, with the economy expanding by just 0.1% in the last quarter, "
    "and unemployment has edged up to 5.2%. The finance minister said the figures showed "
    "the government's plan to cut the budget deficit was working.",
    "Markets now expect the first rate cut in June.",
)

MARKETS = _article(
    "Stocks slide as bond yields climb",
    "Shares fell sharply in New York and London on Tuesday as investors sold government "
    "bonds, pushing yields to their highest level in a decade.",
    "The benchmark index lost 2.4%, its worst day since March, while the dollar rose "
    "against most other currencies. Bank shares led the decline after traders bet that "
    "borrowing costs would stay high for longer.",
    "Oil prices also dropped, with crude falling below $70 a barrel. Analysts said the "
    "sell-off could continue until the central bank signals its next move.",
    "Gold, often seen as a safe haven, edged higher.",
)

COMPANIES = _article(
    "Carmaker's profits fall as sales slow",
    "The carmaker reported a 30% fall in quarterly profits on Thursday, blaming weak "
    "demand in China and the cost of its move to electric vehicles.",
    "Revenue slipped to $41bn in the three months to September, below analysts' "
    "forecasts. The chief executive said the company would cut costs by closing two "
    "factories and would look for a partner to share the cost of new batteries.",
    "Its shares dropped 6% in early trading. The firm also scrapped its plan to buy back "
    "shares this year, disappointing shareholders.",
)

TRADE = _article(
    "Exports hit record as trade surplus widens",
    "The country's exports rose 12% last year to a record high, official figures showed "
    "on Monday, lifted by strong sales of machinery and chemicals.",
    "Imports grew more slowly, so the trade surplus widened to $85bn. The government "
    "warned that new tariffs on steel and cars could hurt exporters this year.",
    "Talks on a free trade agreement with its biggest trading partner are due to resume "
    "next month. The World Trade Organization has been asked to rule on the dispute.",
)

LABOUR = _article(
    "Rail workers back strike over pay",
    "Thousands of rail workers will walk out next month after their union backed strike "
    "action in a long-running dispute over pay and conditions.",
    "The union said its members had been offered a pay rise of 3%, well below inflation, "
    "and that staff faced job cuts at ticket offices. Employers said the offer was fair "
    "and that the industry could not afford more without raising fares.",
    "It will be the first national rail strike in three years. Talks between the two "
    "sides broke down on Friday.",
)

WAR = _article(
    "Heavy shelling hit the eastern city of Marinsk overnight, local officials said. "
    "At least twelve civilians were killed and dozens more were wounded.",
    "Rescue teams worked through the night to pull survivors from a collapsed block. "
    "The regional governor said artillery had struck two schools and a hospital.",
    "Troops on both sides have dug in along a front line that has barely moved. "
    "Commanders say they are short of ammunition and fresh soldiers.",
    "Aid agencies warned that thousands of families have no heating this winter. "
    "The Red Cross said its convoys had been turned back at checkpoints twice.",
    "Analysts say the economic cost of the war will be felt for a generation.",
    "Diplomats met in Geneva on Monday but made no progress towards a ceasefire. "
    "The foreign minister said talks would resume next month.",
    "Residents queued for water at the few wells still working. Many have already fled "
    "west, carrying what they could.",
    "The army said it had shot down six drones near the border. Journalists were not "
    "allowed into the worst-hit districts.",
)

SPORT = _article(
    "United snatch late win to go top",
    "A stoppage-time goal from their teenage striker gave United a 2-1 win over City on "
    "Saturday and sent them top of the league.",
    "City had led through a first-half penalty, but United's coach brought on two fresh "
    "players after the break and the pressure told. The equaliser came from a corner on "
    "70 minutes.",
    "The victory came despite the club's money worries: it still has large debts after "
    "building its new stadium.",
    "The fans stayed long after the final whistle to celebrate. United play away to "
    "Rovers in the cup on Wednesday.",
)

POLITICS = _article(
    "Opposition leader promises vote on electoral reform",
    "The opposition leader promised on Sunday to hold a referendum on changing the "
    "voting system if her party wins the election.",
    "Speaking to activists in the north, she said voters had lost faith in parliament "
    "and wanted their voice to count. Polls suggest the race is tight, with the two main "
    "parties level.",
    "She also accused the prime minister of neglecting the economy, but said reform of "
    "politics would come first. Her rivals said the pledge was a gimmick.",
    "The election will be held in May.",
)

CULTURE = _article(
    "Quiet drama wins top prize at film festival",
    "A low-budget drama about two sisters running a farm won the top prize at the film "
    "festival on Saturday. The jury praised the actors and the director's patient camera.",
    "The film was shot in six weeks with a cast of amateurs from the village where it "
    "is set. Its success is a boost for the festival, which has struggled to attract big "
    "stars.",
    "The director said she hoped the award would help the film find an audience in "
    "cinemas. The festival closes on Sunday with a concert.",
)

NEUTRAL = _article(
    "The village flower show opened on Saturday under clear skies.",
    "Judges praised the roses, and the prize for the largest marrow went to a retired "
    "teacher. Organisers said next year's show will add a class for children.",
)

#: Sub-topic -> an article on it.
ECONOMIC = {
    "macroeconomy": MACRO,
    "markets": MARKETS,
    "companies": COMPANIES,
    "trade": TRADE,
    "labour": LABOUR,
}
#: Stories on other topics, some with a passing mention of the economy.
OTHER = {"war": WAR, "sport": SPORT, "politics": POLITICS, "culture": CULTURE, "neutral": NEUTRAL}


@pytest.fixture
def articles() -> dict[str, str]:
    return {**ECONOMIC, **OTHER}
