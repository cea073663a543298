"""The interview around a story (seeds 000 and 002): open follow-up questions with answers, and the summary read
back to the customer for confirmation. Dutch and English; written for this project."""

# ruff: noqa: E501  (prose: sentences are not wrapped)

from __future__ import annotations

# fmt: off
QUESTIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "nl": {
        "bad": ("Wat had u op dat moment verwacht?", "Wat had het voor u beter gemaakt?", "Hoe voelde u zich daarbij?",
                "Wat bedoelt u precies met '{quote}'?", "Wat heeft dat u gekost, in tijd of anderszins?"),
        "normal": ("Kunt u daar iets meer over vertellen?", "Hoe lang duurde dat ongeveer?", "Wat vond u daarvan?"),
        "excellent": ("Wat maakte dit voor u zo goed?", "Wat zou u willen dat andere organisaties hiervan leren?"),
        "staff": ("Wat had u nodig gehad om dit sneller op te lossen?", "Wie had hierover kunnen beslissen?",
                  "Hoe vaak komt dit voor?", "Wat zou u morgen anders willen doen?"),
    },
    "en": {
        "bad": ("What did you expect at that moment?", "What would have made it better for you?", "What exactly do you mean by '{quote}'?"),
        "normal": ("Could you tell me a bit more about that?", "How long did that take, roughly?"),
        "excellent": ("What made this so good for you?",),
        "staff": ("What would you have needed to solve this faster?",),
    },
}

ANSWERS: dict[str, dict[str, tuple[str, ...]]] = {
    "nl": {
        "bad": ("Gewoon dat iemand zegt: ik regel het, en het dan ook doet.", "Dat ze terugbellen als ze dat beloven.",
                "Eén aanspreekpunt. Niet elke keer iemand anders.", "Dat ze opschrijven wat ik vertel, zodat ik het niet drie keer hoef te doen.",
                "Een brief in gewone mensentaal.", "Eerlijkheid. Zeg dan gewoon dat het tien dagen duurt.",
                "Een halve vrije dag en heel veel ergernis.", "Ik voelde me niet serieus genomen."),
        "normal": ("Het was oké, niet meer en niet minder.", "Een dag of twee, denk ik.", "Het ging zoals ik verwachtte."),
        "excellent": ("Dat ze echt luisterden en meedachten.", "Dat ze deden wat ze zeiden. Zo simpel is het.",
                      "De aandacht. Je voelt je gewoon welkom."),
        "staff": ("Mandaat om het zelf op te lossen, zonder drie handtekeningen.", "Eén systeem waarin ik alles van de klant kan zien.",
                  "Een leverancier die zijn levertijden haalt, of in elk geval eerlijke levertijden in ons systeem.",
                  "Dat klanten hun documenten in één keer compleet sturen.", "Meer mensen op de drukke uren.",
                  "Dat komt elke week voor. Iedereen weet het, niemand is eigenaar."),
    },
    "en": {
        "bad": ("Simply someone saying: I'll sort it, and then doing it.", "That they call back when they say they will.",
                "One point of contact, not someone new every time."),
        "normal": ("It was OK, nothing more.", "A day or two, I think."),
        "excellent": ("They really listened.", "They did what they said. It's that simple."),
        "staff": ("The mandate to solve it myself.",),
    },
}

SUMMARY_OPENINGS: dict[str, tuple[str, ...]] = {
    "nl": ("Als ik u goed begrijp:", "Even samenvatten:", "Ik vat het samen, corrigeert u mij als het niet klopt:",
           "Dus als ik het goed heb:"),
    "en": ("If I understand you correctly:", "Let me sum up:", "So, to summarise:"),
}
SUMMARY_BAD: dict[str, tuple[str, ...]] = {
    "nl": ("het knelpunt zat vooral bij {worst}", "het meest vervelend vond u {worst}", "wat echt misging was {worst}"),
    "en": ("the main problem was {worst}", "what bothered you most was {worst}"),
}
SUMMARY_GOOD: dict[str, tuple[str, ...]] = {
    "nl": ("positief was {best}", "wat goed ging: {best}"),
    "en": ("what went well: {best}",),
}
SUMMARY_STEPS: dict[str, str] = {
    "nl": "u heeft {n} stappen doorlopen rond {topic}",
    "en": "you went through {n} steps around {topic}",
}
CORRECTIONS: dict[str, tuple[str, ...]] = {
    "nl": ("Nee, dat klopt niet helemaal: het ging vooral om het wachten.", "Bijna: het probleem was vooral dat niemand terugbelde.",
           "Niet helemaal, de dealer was het probleem, niet de klantenservice."),
    "en": ("Not quite: it was mostly about the waiting.", "Almost: the real problem was that nobody called back."),
}
CORRECTION_QUESTION: dict[str, str] = {"nl": "Klopt deze samenvatting?", "en": "Is this summary correct?"}
# fmt: on
