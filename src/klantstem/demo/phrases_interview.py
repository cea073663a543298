"""The interview around a story (seeds 000 and 002): open follow-up questions with answers, and the summary read
back to the customer for confirmation. Dutch and English; written for this project."""

# ruff: noqa: E501  (prose: sentences are not wrapped)

from __future__ import annotations

# fmt: off
QA = tuple[tuple[str, tuple[str, ...]], ...]
# open questions per kind of step, each with the answers narrators give to it
QUESTIONS: dict[str, dict[str, QA]] = {
    "nl": {
        "bad": (
            ("Wat had u op dat moment verwacht?", ("Gewoon dat iemand zegt: ik regel het, en het dan ook doet.",
                                                 "Dat ze terugbellen als ze dat beloven.",
                                                 "Eerlijkheid. Zeg dan gewoon meteen hoe lang het duurt.")),
            ("Wat had het voor u beter gemaakt?", ("Eén aanspreekpunt. Niet elke keer iemand anders.",
                                                  "Dat ze opschrijven wat ik vertel, zodat ik het niet drie keer hoef te doen.",
                                                  "Een brief in gewone mensentaal.", "Even een berichtje dat het later werd.")),
            ("Hoe voelde u zich daarbij?", ("Ik voelde me niet serieus genomen.", "Boos, maar vooral machteloos.",
                                           "Alsof ik een nummer was.")),
            ("Wat bedoelt u precies met '{quote}'?", ("Precies wat ik zeg: het duurde gewoon veel te lang.",
                                                     "Dat niemand zich verantwoordelijk voelde.",
                                                     "Dat ik het gevoel had tegen een muur te praten.")),
            ("Wat heeft dat u gekost, in tijd of anderszins?", ("Een halve vrije dag en heel veel ergernis.",
                                                               "Klanten die mij niet konden bereiken. Dat kost gewoon geld.",
                                                               "Uren aan de telefoon, bij elkaar.")),
        ),
        "normal": (
            ("Kunt u daar iets meer over vertellen?", ("Niet zoveel eigenlijk, het ging gewoon zoals het hoort.",
                                                     "Het was oké, niet meer en niet minder.")),
            ("Hoe lang duurde dat ongeveer?", ("Een dag of twee, denk ik.", "Een paar minuten.", "Dat weet ik niet meer precies.")),
            ("Wat vond u daarvan?", ("Prima, zo verwacht je het.", "Het ging zoals ik verwachtte.")),
        ),
        "excellent": (
            ("Wat maakte dit voor u zo goed?", ("Dat ze echt luisterden en meedachten.", "De aandacht. Je voelt je gewoon welkom.",
                                               "Dat ze deden wat ze zeiden. Zo simpel is het.")),
            ("Wat zou u willen dat andere organisaties hiervan leren?", ("Doe wat je belooft.",
                                                                        "Vraag eerst wat iemand nodig heeft, en vat het samen.")),
        ),
        "staff": (
            ("Wat had u nodig gehad om dit sneller op te lossen?", ("Mandaat om het zelf op te lossen, zonder drie handtekeningen.",
                                                                   "Eén systeem waarin ik alles van de klant kan zien.",
                                                                   "Een leverancier met eerlijke levertijden in ons systeem.")),
            ("Wie had hierover kunnen beslissen?", ("Mijn teamleider, maar die zat vol met overleggen.",
                                                   "Eigenlijk niemand: elke afdeling heeft zijn eigen budget.")),
            ("Hoe vaak komt dit voor?", ("Dat komt elke week voor. Iedereen weet het, niemand is eigenaar.",
                                        "Vaker dan we denken. Het zit in het proces, niet in de mensen.")),
            ("Wat zou u morgen anders willen doen?", ("De klant meteen vragen om alle documenten in één keer.",
                                                     "Zelf terugbellen in plaats van het door te zetten.",
                                                     "Meer mensen inroosteren op de drukke uren.")),
        ),
    },
    "en": {
        "bad": (
            ("What did you expect at that moment?", ("Simply someone saying: I'll sort it, and then doing it.",
                                                    "That they call back when they say they will.")),
            ("What would have made it better for you?", ("One point of contact, not someone new every time.",
                                                        "A letter in plain language.")),
            ("What exactly do you mean by '{quote}'?", ("Exactly that: it simply took far too long.",
                                                       "That nobody felt responsible.")),
        ),
        "normal": (
            ("Could you tell me a bit more about that?", ("Not much, it went as it should.",)),
            ("How long did that take, roughly?", ("A day or two, I think.", "A few minutes.")),
        ),
        "excellent": (
            ("What made this so good for you?", ("They really listened.", "They did what they said. It's that simple.")),
        ),
        "staff": (
            ("What would you have needed to solve this faster?", ("The mandate to solve it myself.",)),
        ),
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
