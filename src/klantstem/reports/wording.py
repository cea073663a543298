"""The report's words in Dutch and English, and how figures are written in each language."""

from __future__ import annotations

LANGUAGES = ("nl", "en")

WORDS: dict[str, dict[str, str]] = {
    "title": {"nl": "Managementrapportage klantstem", "en": "klantstem management report"},
    "period": {"nl": "Periode", "en": "Period"},
    "compared_with": {"nl": "vergeleken met", "en": "compared with"},
    "department": {"nl": "Afdeling", "en": "Department"},
    "all_departments": {"nl": "alle afdelingen", "en": "all departments"},
    "made_at": {"nl": "Gemaakt op", "en": "Made on"},
    "contents": {"nl": "Inhoud", "en": "Contents"},
    "takeaways": {"nl": "Belangrijkste bevindingen", "en": "Key takeaways"},
    "no_takeaways": {
        "nl": "Geen verandering ten opzichte van {before} is groot genoeg om meer dan toeval te zijn (toets op "
              "5%, Holm-gecorrigeerd).",
        "en": "No change against {before} is large enough to be more than chance (tested at 5%, Holm-corrected).",
    },
    "takeaway_method": {
        "nl": "Alleen veranderingen die een toets doorstaan (twee proporties, 5%, Holm-correctie over {tests} "
              "toetsen).",
        "en": "Only changes that pass a test (two proportions, 5%, Holm correction over {tests} tests).",
    },
    "problems": {"nl": "Structurele problemen", "en": "Structural problems"},
    "trend": {"nl": "Verloop over de laatste perioden", "en": "Over the last periods"},
    "trend_bad": {"nl": "% stappen slecht", "en": "% steps bad"},
    "trend_kept": {"nl": "% afspraken nagekomen", "en": "% promises kept"},
    "steps": {"nl": "Hoe klanten elke stap beoordeelden", "en": "How customers judged each step"},
    "steps_intro": {
        "nl": "Elke stap uit de verhalen van klanten is slecht, normaal of uitstekend (de voorbeeldenmethode). "
              "Stap = de afdeling waar de stap gebeurde.",
        "en": "Every step of customers' stories is bad, normal or excellent (the critical incident technique). "
              "Step = the department where it happened.",
    },
    "criteria": {"nl": "Waar klanten op letten", "en": "What customers judge by"},
    "process": {"nl": "De stem van het proces", "en": "The voice of the process"},
    "promises": {"nl": "Afspraken", "en": "Promises"},
    "repeats": {"nl": "Herhaalcontact en opnieuw vertellen", "en": "Repeat contacts and telling it again"},
    "done": {"nl": "Wat er gedaan is", "en": "What was done"},
    "step": {"nl": "Stap (afdeling)", "en": "Step (department)"},
    "unknown_step": {"nl": "onbekende afdeling", "en": "unknown department"},
    "bad": {"nl": "slecht", "en": "bad"},
    "normal": {"nl": "normaal", "en": "normal"},
    "excellent": {"nl": "uitstekend", "en": "excellent"},
    "steps_judged": {"nl": "beoordeelde stappen", "en": "judged steps"},
    "before": {"nl": "ervoor", "en": "before"},
    "quotes": {"nl": "Wat klanten zeiden", "en": "What customers said"},
    "lead_time": {"nl": "Doorlooptijd per zaak", "en": "Lead time per case"},
    "median": {"nl": "mediaan", "en": "median"},
    "mean": {"nl": "gemiddeld", "en": "mean"},
    "p90": {"nl": "90% binnen", "en": "90% within"},
    "calendar": {"nl": "kalendertijd", "en": "calendar time"},
    "business": {"nl": "kantoortijd", "en": "business hours"},
    "cases": {"nl": "zaken", "en": "cases"},
    "waiting": {"nl": "Waar klanten wachten en waarom", "en": "Where customers wait and why"},
    "waiting_intro": {
        "nl": "Beide kanten veroorzaken wachttijd: de klant, de organisatie en derden (dagen wachten, alle zaken "
              "samen; naar de status van de zaak).",
        "en": "Both sides cause waiting: the customer, the organisation and third parties (days waited, all cases "
              "together; by the status of the case).",
    },
    "cause.customer": {"nl": "wacht op klant", "en": "waiting on the customer"},
    "cause.organisation": {"nl": "wacht op organisatie", "en": "waiting on the organisation"},
    "cause.third_party": {"nl": "wacht op derde", "en": "waiting on a third party"},
    "status": {"nl": "Status", "en": "Status"},
    "cause": {"nl": "Oorzaak", "en": "Cause"},
    "hours": {"nl": "uur", "en": "hours"},
    "days": {"nl": "dagen", "en": "days"},
    "bottlenecks": {"nl": "Stappen met de meeste wachttijd ervoor", "en": "Steps with the most waiting before"},
    "share_of_waiting": {"nl": "deel van de wachttijd", "en": "share of waiting"},
    "handovers": {"nl": "Overdrachten tussen teams", "en": "Hand-overs between teams"},
    "ping_pong": {"nl": "Pingpong (A → B → A)", "en": "Ping-pong (A → B → A)"},
    "from": {"nl": "van", "en": "from"},
    "to": {"nl": "naar", "en": "to"},
    "team": {"nl": "team", "en": "team"},
    "other_team": {"nl": "ander team", "en": "other team"},
    "times": {"nl": "keer", "en": "times"},
    "first_line": {"nl": "Opgelost in de eerste lijn", "en": "Solved in the first line"},
    "ping_pong_cases": {"nl": "Zaken met pingpong", "en": "Cases with ping-pong"},
    "teams_per_case": {"nl": "Teams per zaak (gemiddeld)", "en": "Teams per case (mean)"},
    "no_process": {"nl": "Geen procesgebeurtenissen in deze periode.", "en": "No process events in this period."},
    "kept_rate": {"nl": "% nagekomen", "en": "% kept"},
    "kind": {"nl": "Soort afspraak", "en": "Kind of promise"},
    "third_party": {"nl": "Derde partij", "en": "Third party"},
    "kept": {"nl": "nagekomen", "en": "kept"},
    "broken": {"nl": "gebroken", "en": "broken"},
    "open": {"nl": "open", "en": "open"},
    "made": {"nl": "gemaakt", "en": "made"},
    "most_broken": {"nl": "Vaakst gebroken afspraken", "en": "Promises broken most"},
    "promise": {"nl": "Afspraak", "en": "Promise"},
    "promises_rule": {
        "nl": "Afspraken gemaakt in de periode; een open afspraak na de termijn telt als gebroken.",
        "en": "Promises made in the period; an open promise past its due time counts as broken.",
    },
    "no_promises": {"nl": "Geen afspraken gemaakt in deze periode.", "en": "No promises made in this period."},
    "reopened": {"nl": "Heropende zaken", "en": "Reopened cases"},
    "came_back": {"nl": "Klanten die binnen {days} dagen terugkwamen", "en": "Customers back within {days} days"},
    "repeat_contacts": {"nl": "Zaken met meer dan één contact van de klant",
                        "en": "Cases with more than one contact from the customer"},
    "told_again": {"nl": "Verhalen waarin de klant het opnieuw moest vertellen",
                   "en": "Stories in which the customer had to tell it again"},
    "figure": {"nl": "Cijfer", "en": "Figure"},
    "now": {"nl": "nu", "en": "now"},
    "stories": {"nl": "verhalen", "en": "stories"},
    "coverage": {"nl": "In deze periode", "en": "In this period"},
    "contacts": {"nl": "contacten", "en": "contacts"},
    "events": {"nl": "procesgebeurtenissen", "en": "process events"},
    "not_ranked": {
        "nl": "Dit rapport meet uitkomsten voor klanten. Het rangschikt geen medewerkers naar gespreksduur of "
              "aantallen gesprekken.",
        "en": "This report measures outcomes for customers. It never ranks staff by handle time or call counts.",
    },
    "anonymised": {"nl": "Citaten zijn geanonimiseerd.", "en": "Quotes are anonymised."},
    "page": {"nl": "Pagina", "en": "Page"},
    "impact": {"nl": "Impact", "en": "Impact"},
    "impact_rule": {
        "nl": "Impact = getroffen klanten × hoeveel keer vaker dan gewoonlijk de stap gemeld wordt × dagen getroffen "
              "(van eerst gezien tot opgelost of tot het eind van de periode). Gevonden door `klantstem problems "
              "detect`.",
        "en": "Impact = customers affected × how many times more often than usual the step is reported × days "
              "affected (first seen to fixed, or to the end of the period). Found by `klantstem problems detect`.",
    },
    "no_problems": {
        "nl": "Geen structurele problemen of incidenten in deze periode (of `klantstem problems detect` is nog niet "
              "gedraaid).",
        "en": "No structural problems or incidents in this period (or `klantstem problems detect` has not run yet).",
    },
    "problems_alive": {"nl": "Problemen in de periode", "en": "Problems in the period"},
    "structural": {"nl": "structureel", "en": "structural"},
    "problem": {"nl": "Probleem (stap · onderwerp)", "en": "Problem (step · topic)"},
    "kind.structural": {"nl": "structureel", "en": "structural"},
    "kind.incident": {"nl": "incident", "en": "incident"},
    "usual": {"nl": "gewoonlijk", "en": "usual"},
    "fixed": {"nl": "Opgelost", "en": "Fixed"},
    "verified": {"nl": "Geverifieerd", "en": "Verified"},
    "loops_closed": {"nl": "Lus gesloten (alle melders geïnformeerd)", "en": "Loops closed (every reporter told)"},
    "nothing_done": {"nl": "In deze periode is geen probleem opgelost of geverifieerd.",
                     "en": "No problem was fixed or verified in this period."},
    "status.new": {"nl": "nieuw", "en": "new"},
    "status.acknowledged": {"nl": "erkend", "en": "acknowledged"},
    "status.cause_known": {"nl": "oorzaak bekend", "en": "cause known"},
    "status.fix_underway": {"nl": "oplossing onderweg", "en": "fix underway"},
    "status.fixed": {"nl": "opgelost", "en": "fixed"},
    "status.verified": {"nl": "geverifieerd", "en": "verified"},
    "status.risk_accepted": {"nl": "risico geaccepteerd", "en": "risk accepted"},
    "owner": {"nl": "Eigenaar", "en": "Owner"},
    "days_old": {"nl": "dagen oud", "en": "days old"},
    "told_share": {"nl": "melders ingelicht", "en": "reporters told"},
    "customers": {"nl": "klanten", "en": "customers"},
    "nobody": {"nl": "niemand", "en": "nobody"},
}

# What a takeaway is about, as the subject of a sentence.
SUBJECTS: dict[str, dict[str, str]] = {
    "bad_steps": {"nl": "Het deel van de stappen dat klanten slecht noemden",
                  "en": "The share of steps customers called bad"},
    "excellent_steps": {"nl": "Het deel van de stappen dat klanten uitstekend noemden",
                        "en": "The share of steps customers called excellent"},
    "bad_step": {"nl": "Het deel slechte stappen bij {name}", "en": "The share of bad steps at {name}"},
    "kept_rate": {"nl": "Het deel nagekomen afspraken", "en": "The share of promises kept"},
    "kept_kind": {"nl": "Het deel nagekomen afspraken van de soort '{name}'",
                  "en": "The share of '{name}' promises kept"},
    "kept_third_party": {"nl": "Het deel nagekomen afspraken van {name}", "en": "The share of promises kept by {name}"},
    "kept_department": {"nl": "Het deel nagekomen afspraken van {name}", "en": "The share of promises kept by {name}"},
    "first_line": {"nl": "Het deel zaken opgelost in de eerste lijn",
                   "en": "The share of cases solved in the first line"},
    "ping_pong": {"nl": "Het deel zaken met pingpong tussen teams",
                  "en": "The share of cases with ping-pong between teams"},
    "came_back": {"nl": "Het deel klanten dat binnen 7 dagen terugkwam",
                  "en": "The share of customers back within 7 days"},
    "reopened": {"nl": "Het deel heropende zaken", "en": "The share of reopened cases"},
    "told_again": {"nl": "Het deel verhalen waarin de klant het opnieuw moest vertellen",
                   "en": "The share of stories in which the customer had to tell it again"},
}

SENTENCE = {
    "nl": "{subject} {moved} van {before} in {period_before} naar {now} ({n} {unit}; p {p}). {verdict}",
    "en": "{subject} {moved} from {before} in {period_before} to {now} ({n} {unit}; p {p}). {verdict}",
}
MOVED = {"nl": {True: "steeg", False: "daalde"}, "en": {True: "rose", False: "fell"}}
VERDICT = {"nl": {True: "Dat is beter voor klanten.", False: "Dat is slechter voor klanten."},
           "en": {True: "That is better for customers.", False: "That is worse for customers."}}  # fmt: skip
UNITS = {"steps": {"nl": "stappen", "en": "steps"}, "promises": {"nl": "afspraken", "en": "promises"},
         "cases": {"nl": "zaken", "en": "cases"}, "customers": {"nl": "klanten", "en": "customers"},
         "stories": {"nl": "verhalen", "en": "stories"}}  # fmt: skip


def word(key: str, lang: str, **values: object) -> str:
    text = WORDS[key][lang]
    return text.format(**values) if values else text


def number(value: float, lang: str, decimals: int = 0) -> str:
    """1,234.5 in English, 1.234,5 in Dutch."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".") if lang == "nl" else text


def percent(share: float | None, lang: str) -> str:
    if share is None:
        return "–"
    return f"{number(share * 100, lang, 0)}%"


def p_value(p: float, lang: str) -> str:
    """'< 0.001' or '= 0.012' (Dutch: with a decimal comma)."""
    return f"< {number(0.001, lang, 3)}" if p < 0.001 else f"= {number(p, lang, 3)}"
