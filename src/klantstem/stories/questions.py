"""Which open follow-up question to ask after a step, chosen from what the customer said. Pure functions.

Each topic has cue words in Dutch and English and one open question in both languages. A topic is asked about
once per interview (never ask the same thing twice); at most two follow-ups per step, the most specific first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPINION_QUESTION = {"nl": "Wat vond u van deze stap?", "en": "What did you think of this step?"}


@dataclass(frozen=True)
class Topic:
    key: str
    cues: re.Pattern[str]
    question_nl: str
    question_en: str

    def question(self, lang: str) -> str:
        return self.question_en if lang == "en" else self.question_nl


def _cues(*words: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")", re.IGNORECASE)


TOPICS: tuple[Topic, ...] = (
    Topic(
        "wait",
        _cues(
            r"wacht",
            r"\d+\s*(?:min|minuten|uur|dagen|weken|minutes|hours|days|weeks)",
            r"duurde",
            r"lang(?:er)? dan",
            r"een week",
            r"weken",
            r"kwartier",
            r"wait",
            r"took (?:ages|long|weeks|days)",
            r"on hold",
        ),
        "Hoe lang moest u wachten, en wat was u daarover beloofd?",
        "How long did you have to wait, and what had you been promised about it?",
    ),
    Topic(
        "promise",
        _cues(
            r"beloof",
            r"beloofd",
            r"toegezegd",
            r"zou(?:den)? (?:me |mij |u )?(?:terug)?bellen",
            r"terugbel",
            r"afspraak",
            r"promis",
            r"would call",
            r"call(?:ed)? back",
            r"said they would",
        ),
        "Wat was er precies beloofd, door wie, en is het nagekomen?",
        "What exactly was promised, by whom, and was it kept?",
    ),
    Topic(
        "transfer",
        _cues(
            r"doorverbonden",
            r"doorgestuurd",
            r"andere afdeling",
            r"kastje naar de muur",
            r"verwezen",
            r"transferred",
            r"passed (?:on|around)",
            r"another department",
            r"put through",
        ),
        "Hoe vaak werd u doorverbonden of doorgestuurd, en naar wie?",
        "How many times were you transferred or sent on, and to whom?",
    ),
    Topic(
        "repeat",
        _cues(
            r"opnieuw (?:vertellen|uitleggen)",
            r"(?:weer|nog een keer|nogmaals) (?:mijn verhaal|uitleggen|vertellen)",
            r"verhaal (?:opnieuw|weer)",
            r"(?:niets|niks) (?:genoteerd|vastgelegd|opgeschreven)",
            r"staat niets in",
            r"(?:tell|explain)\w* (?:it |my story |everything )?again",
            r"nothing (?:was )?(?:written|recorded)",
        ),
        "Aan wie moest u uw verhaal opnieuw vertellen, en hoe vaak?",
        "Who did you have to tell your story to again, and how often?",
    ),
    Topic(
        "letter",
        _cues(
            r"brief",
            r"brieven",
            r"formulier",
            r"onbegrijpelijk",
            r"onduidelijk",
            r"snapte? (?:er )?niets",
            r"begreep (?:er )?niets",
            r"letter",
            r"unclear",
            r"jargon",
            r"could not understand",
        ),
        "Wat was er onduidelijk, en wat had u willen lezen?",
        "What was unclear, and what would you have wanted to read?",
    ),
    Topic(
        "online",
        _cues(
            r"website",
            r"webpagina",
            r"app\b",
            r"online",
            r"inlog",
            r"digid",
            r"portaal",
            r"systeem",
            r"log ?in",
            r"portal",
            r"the site",
            r"error",
        ),
        "Wat lukte er online niet, en wat hebt u toen gedaan?",
        "What did not work online, and what did you do then?",
    ),
    Topic(
        "reachability",
        _cues(
            r"onbereikbaar",
            r"niet bereikbaar",
            r"niemand (?:nam|neemt) op",
            r"vergadering",
            r"in de wacht",
            r"nooit terug",
            r"niet teruggebeld",
            r"no one answered",
            r"nobody answered",
            r"unreachable",
            r"in a meeting",
            r"never called back",
        ),
        "Hoe vaak hebt u geprobeerd iemand te bereiken, en via welk kanaal?",
        "How often did you try to reach someone, and through which channel?",
    ),
)

WHY_BAD = Topic("why_bad", _cues(r"$^"), "Wat had deze stap goed gemaakt?", "What would have made this step good?")
WHY_EXCELLENT = Topic("why_excellent", _cues(r"$^"), "Wat maakte deze stap zo goed?", "What made this step so good?")
MAX_PER_STEP = 2


def topics_mentioned(text: str) -> list[str]:
    """The keys of the topics whose cue words occur in `text`, in the order of TOPICS."""
    return [topic.key for topic in TOPICS if topic.cues.search(text)]


def follow_ups_for(text: str, appraisal: str | None, asked_before: set[str], lang: str = "nl") -> list[tuple[str, str]]:
    """(topic key, question) pairs to ask after a step whose words (what happened and what the customer thought
    of it) are `text`; topics in `asked_before` are skipped."""
    chosen = [t for t in TOPICS if t.key not in asked_before and t.cues.search(text)][:MAX_PER_STEP]
    if not chosen and appraisal == "bad" and WHY_BAD.key not in asked_before:
        chosen = [WHY_BAD]
    if not chosen and appraisal == "excellent" and WHY_EXCELLENT.key not in asked_before:
        chosen = [WHY_EXCELLENT]
    return [(t.key, t.question(lang)) for t in chosen]


def topic_of_question(question: str) -> str | None:
    """The topic key a stored question was asked for (in either language), or None."""
    for topic in (*TOPICS, WHY_BAD, WHY_EXCELLENT):
        if question in (topic.question_nl, topic.question_en):
            return topic.key
    return None


def is_opinion_question(question: str) -> bool:
    return question in OPINION_QUESTION.values()
