"""All scenarios of the demo, and how often each happens."""

from __future__ import annotations

import random

from klantstem.demo.model import Scenario
from klantstem.demo.scenarios_mobile import MOBILE
from klantstem.demo.scenarios_other import OTHER

SCENARIOS: tuple[Scenario, ...] = MOBILE + OTHER
BY_KEY: dict[str, Scenario] = {s.key: s for s in SCENARIOS}

BRANDS = {
    "mobiel": "Dijkzicht Mobiel",
    "auto": "Dijkzicht Auto",
    "brasserie": "Brasserie Dijkzicht",
    "algemeen": "Dijkzicht",
}


def pick(rng: random.Random) -> Scenario:
    return rng.choices(SCENARIOS, weights=[s.weight for s in SCENARIOS])[0]


# how the case is named in the organisation's own system
CASE_TITLES: dict[str, tuple[str, ...]] = {
    "simkaart": ("Geen bereik mobiel", "Geen bereik - simkaart defect", "Storing mobiel nummer"),
    "wachtrij": ("Vraag abonnement", "Wijziging bundel", "Contractverlenging"),
    "factuur": ("Vraag factuur", "Dubbele afschrijving", "Factuurcorrectie"),
    "brief": ("Vraag over brief tariefwijziging", "Uitleg jaarafrekening"),
    "brief_incasso": ("Vraag over aanmaning", "Incassobrief onduidelijk"),
    "storing": ("Storing internet/tv", "Storingsmelding"),
    "opzeggen": ("Opzegging abonnement",),
    "online": ("Mijn Dijkzicht werkt niet", "Foutmelding webformulier"),
    "verhaal3x": ("Nummerbehoud mislukt", "Levering toestel", "Verkeerd abonnement"),
    "vergadering": ("Klacht - terugbelverzoek behandelaar", "Terugbetaling"),
    "geen_antwoord": ("E-mail klant: terugbetaling", "Klacht factuur per e-mail"),
    "glasvezel": ("Aanvraag glasvezel", "Installatie glasvezel"),
    "top_service": ("Vraag voicemail", "Roaming", "Nieuwe simkaart"),
    "verhuizing": ("Verhuizing diensten",),
    "bestelling": ("Bestelling toestel", "Webshoporder"),
    "proefrit": ("Proefritaanvraag",),
    "onderhoud": ("Onderhoudsafspraak", "APK-afspraak"),
    "lease": ("Private lease offerte",),
    "whatsapp_kwijt": ("Klacht via WhatsApp",),
    "mandaat": ("Verzoek compensatie", "Schadeclaim"),
    "soep": ("Klacht wachttijd brasserie",),
    "restaurant_top": ("Reservering",),
    "reservering": ("Reservering", "Klacht reservering"),
}
