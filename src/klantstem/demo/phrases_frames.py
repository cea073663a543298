"""The words around the words: topics per scenario, channel verbs, greetings and sign-offs, subjects, story
openings and endings, connectors and feelings, in Dutch and English. Written for this project."""

# ruff: noqa: E501  (prose: sentences are not wrapped)

from __future__ import annotations

# fmt: off
TOPICS: dict[str, dict[str, tuple[str, ...]]] = {
    "nl": {
        "simkaart": ("geen bereik op mijn telefoon", "mijn mobiel die geen verbinding meer maakte"),
        "wachtrij": ("een vraag over mijn abonnement", "het verlengen van mijn contract", "mijn databundel"),
        "factuur": ("mijn factuur", "een dubbele afschrijving", "de kosten op mijn rekening"),
        "brief": ("de wijziging van mijn tarief", "een brief over mijn betalingsregeling", "de jaarafrekening"),
        "brief_incasso": ("een aanmaning", "een brief van het incassobureau", "een ingebrekestelling"),
        "storing": ("een storing in mijn wijk", "geen internet en tv", "een haperende verbinding"),
        "opzeggen": ("het opzeggen van mijn abonnement", "mijn opzegging"),
        "online": ("het wijzigen van mijn bundel", "een adreswijziging", "het aanvragen van een nummerbehoud"),
        "verhaal3x": ("een verkeerd aangesloten abonnement", "mijn nummerbehoud dat misging", "een toestel dat niet geleverd werd"),
        "vergadering": ("een openstaande klacht", "mijn aanvraag voor een zakelijk abonnement", "een terugbetaling"),
        "geen_antwoord": ("een terugbetaling", "mijn klacht over de factuur"),
        "glasvezel": ("een glasvezelaansluiting", "de aanleg van glasvezel"),
        "top_service": ("mijn voicemail", "een nieuwe simkaart", "roaming in het buitenland", "mijn pincode"),
        "verhuizing": ("mijn verhuizing", "het overzetten van internet naar mijn nieuwe adres"),
        "bestelling": ("mijn nieuwe telefoon", "mijn bestelling"),
        "proefrit": ("een proefrit",),
        "onderhoud": ("een onderhoudsbeurt", "de APK van mijn auto"),
        "lease": ("private lease", "een leasecontract"),
        "whatsapp_kwijt": ("een klacht over de levering", "mijn ervaring in de winkel"),
        "mandaat": ("een vergoeding voor de storing", "compensatie voor de schade"),
        "soep": ("ons bezoek aan de brasserie",),
        "restaurant_top": ("een tafel voor zaterdag",),
        "reservering": ("een reservering",),
    },
    "en": {
        "simkaart": ("having no signal on my phone",),
        "wachtrij": ("a question about my subscription", "renewing my contract"),
        "factuur": ("my bill", "a double charge"),
        "brief": ("the change to my tariff", "my annual statement"),
        "brief_incasso": ("a payment reminder", "a letter from a debt collector"),
        "storing": ("an outage in my area", "having no internet"),
        "opzeggen": ("cancelling my subscription",),
        "online": ("changing my bundle", "an address change"),
        "verhaal3x": ("a number transfer that went wrong", "a phone that was never delivered"),
        "vergadering": ("an open complaint", "a refund"),
        "geen_antwoord": ("a refund", "my complaint about the bill"),
        "glasvezel": ("a fibre connection",),
        "top_service": ("my voicemail", "a new SIM card", "roaming abroad"),
        "verhuizing": ("my move", "moving my internet to my new address"),
        "bestelling": ("my new phone", "my order"),
        "proefrit": ("a test drive",),
        "onderhoud": ("a car service",),
        "lease": ("private lease",),
        "whatsapp_kwijt": ("a complaint about a delivery",),
        "mandaat": ("compensation for the outage",),
        "soep": ("our visit to the brasserie",),
        "restaurant_top": ("a table for Saturday",),
        "reservering": ("a reservation",),
    },
}

VERBS: dict[str, dict[str, tuple[str, str]]] = {  # channel: (past tense phrase, infinitive)
    "nl": {
        "phone": ("belde de klantenservice", "bellen"), "email": ("mailde de klantenservice", "mailen"),
        "whatsapp": ("stuurde een WhatsApp-bericht", "appen"),
        "web_form": ("vulde het contactformulier op de website in", "het formulier invullen"),
        "visit": ("ging langs in de winkel in {town}", "langsgaan"), "letter": ("stuurde een brief", "een brief sturen"),
        "social_media": ("stuurde een bericht via Facebook", "een bericht sturen"),
        "review_site": ("schreef een review", "een review schrijven"),
    },
    "en": {
        "phone": ("called customer service", "call"), "email": ("e-mailed customer service", "e-mail"),
        "whatsapp": ("sent a WhatsApp message", "message them"),
        "web_form": ("filled in the contact form on the website", "use the form"),
        "visit": ("went to the shop in {town}", "go to the shop"), "letter": ("wrote a letter", "write"),
        "social_media": ("sent a message on Facebook", "post"), "review_site": ("wrote a review", "write a review"),
    },
}

CHANNEL_NAMES: dict[str, str] = {
    "phone": "de telefoon", "email": "e-mail", "whatsapp": "WhatsApp", "web_form": "het webformulier",
    "letter": "een brief", "visit": "een bezoek aan de winkel", "social_media": "social media",
    "review_site": "een reviewsite",
}

WEEKDAYS: dict[str, tuple[str, ...]] = {
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}

OPENINGS: dict[str, dict[str, tuple[str, ...]]] = {
    "nl": {
        "formal": ("Ik wil graag mijn ervaring met {brand} delen.", "Graag vertel ik hoe het is gegaan.",
                   "Hierbij mijn verhaal over {topic}.", ""),
        "informal": ("Nou, waar zal ik beginnen.", "Oké, dit is wat er gebeurde.", "Even mijn verhaal kwijt.",
                     "Lang verhaal, maar goed.", "", ""),
    },
    "en": {
        "formal": ("I would like to share my experience with {brand}.", "Here is what happened.", ""),
        "informal": ("Right, where do I start.", "OK so this is what happened.", "", ""),
    },
}

CONNECTORS: dict[str, tuple[str, ...]] = {
    "nl": ("Daarna", "Toen", "Vervolgens", "Een paar dagen later", "Uiteindelijk", "Daarop", "Later"),
    "en": ("Then", "After that", "Later", "A few days later", "Eventually", "Next"),
}

ENDINGS: dict[str, dict[str, tuple[str, ...]]] = {
    "nl": {
        "bad": ("Ik ben er klaar mee.", "Dit kan echt beter.", "Ik overweeg over te stappen.",
                "Ze zijn vast aardige mensen, maar zo werkt het niet.", "Geen service, wel een rekening.",
                "Ik heb het aan iedereen op mijn werk verteld.", ""),
        "normal": ("Al met al redelijk geholpen.", "Niet slecht, niet geweldig.", "Het is goed gekomen.", ""),
        "excellent": ("Zo hoort het!", "Petje af.", "Mijn verwachtingen werden overtroffen.",
                      "Ik raad het iedereen aan.", "Hier kunnen anderen wat van leren.", ""),
    },
    "en": {
        "bad": ("I'm done with them.", "This really needs to improve.", "I'm thinking of switching.", ""),
        "normal": ("All in all, fair enough.", "It worked out in the end.", ""),
        "excellent": ("That's how it should be!", "Hats off.", "Exceeded my expectations.", ""),
    },
}

STAFF_ENDINGS: dict[str, tuple[str, ...]] = {
    "bad": ("Dit zien we elke week.", "Hier moeten we echt iets aan doen, maar wie is de eigenaar?",
            "Het ligt niet aan één persoon; zo zit het proces in elkaar.", "Ik snap dat de klant boos was.", ""),
    "normal": ("Eigenlijk een normale zaak.", "Zo gaat het meestal.", ""),
    "excellent": ("Zo zou het altijd moeten gaan.", "Hier was ik trots op.", ""),
}
STAFF_OPENINGS = ("Vanuit onze kant ging het zo.", "Ik kan me deze zaak nog goed herinneren.", "", "")

FEELINGS: dict[str, dict[str, tuple[str, ...]]] = {
    "nl": {
        "bad": ("Daar baalde ik echt van.", "Ongelooflijk.", "Echt waar.", "Dat vond ik heel vervelend.", "Zucht."),
        "normal": ("Prima.", "Dat was in orde.", "Oké."),
        "excellent": ("Super.", "Daar was ik echt blij mee.", "Heel fijn.", "Top!"),
    },
    "en": {
        "bad": ("Really annoying.", "Unbelievable.", "Sigh."),
        "normal": ("Fine.", "That was OK."),
        "excellent": ("Great.", "I was really pleased.", "Lovely."),
    },
}

GREETINGS: dict[str, dict[str, tuple[str, ...]]] = {
    "nl": {"formal": ("Geachte heer, mevrouw,", "Geachte klantenservice,", "Beste medewerker,"),
           "informal": ("Hallo,", "Hoi,", "Goedemiddag,", "Beste,")},
    "en": {"formal": ("Dear Sir or Madam,", "Dear customer service,"), "informal": ("Hi,", "Hello,")},
}
SIGN_OFFS: dict[str, dict[str, tuple[str, ...]]] = {
    "nl": {"formal": ("Met vriendelijke groet,", "Hoogachtend,", "Vriendelijke groeten,"),
           "informal": ("Groeten,", "Gr.", "Groetjes,", "Alvast bedankt!")},
    "en": {"formal": ("Kind regards,", "Yours faithfully,"), "informal": ("Thanks,", "Cheers,", "Best,")},
}

SUBJECTS: dict[str, tuple[str, ...]] = {
    "nl": ("Vraag over {topic}", "Klacht over {topic}", "{topic}", "Graag reactie", "Re: {topic}", "Dringend"),
    "en": ("Question about {topic}", "Complaint: {topic}", "{topic}", "Re: {topic}"),
}

STORY_TITLES: dict[str, dict[str, tuple[str, ...]]] = {
    "nl": {
        "bad": ("Slechte ervaring met {topic}", "{topic}: nooit meer", "Hoe het niet moet", "Van het kastje naar de muur",
                "Beloofd is beloofd?", "Klant koning? Niet hier"),
        "normal": ("Mijn ervaring met {topic}", "Over {topic}", "Redelijk geholpen"),
        "excellent": ("Top service bij {topic}", "Zo hoort het", "Blij verrast", "Verwachtingen overtroffen"),
    },
    "en": {
        "bad": ("Bad experience with {topic}", "How not to do it", "Promises, promises"),
        "normal": ("My experience with {topic}", "About {topic}"),
        "excellent": ("Great service with {topic}", "How it should be done"),
    },
}
# fmt: on
