"""How staff tell the same steps from their side of the desk (seed 000): own budgets per department, systems that
fail, too little mandate, and customers who do not send documents, do not call back or miss appointments.

Per beat key and the staff member's own appraisal of the step. Written for this project.
"""

# ruff: noqa: E501  (prose: sentences are not wrapped)

from __future__ import annotations

# fmt: off
STAFF: dict[str, dict[str, tuple[str, ...]]] = {
    "gen.intake": {
        "bad": ("De klant kwam binnen via {channel_nl}, maar ons systeem liet zijn gegevens niet zien. Dus alles handmatig.",),
        "normal": ("De vraag kwam binnen via {channel_nl} en is geregistreerd.",
                   "Ik heb de melding aangenomen en de klantgegevens gecontroleerd."),
        "excellent": ("Ik kon de vraag meteen plaatsen, alle gegevens stonden goed in het dossier.",),
    },
    "gen.transfer": {
        "bad": ("Ik moest het doorzetten naar {team}: ik heb geen rechten in hun systeem en zij hebben hun eigen budget.",
                "Dit hoort bij {team}. Ik had het graag zelf opgelost, maar daar heb ik het mandaat niet voor."),
        "normal": ("Het is doorgezet naar {team}, daar ligt de verantwoordelijkheid.",),
        "excellent": ("Ik heb het met een warme overdracht naar {team} gebracht, met alle info erbij.",),
    },
    "gen.pingpong": {
        "bad": ("Het kwam bij ons terug omdat het formulier niet compleet was. Wij werken met andere codes dan zij.",
                "{team} stuurde het terug: 'niet onze afdeling'. Dat gebeurt vaker dan je denkt."),
        "normal": ("Het ging nog een keer terug voor aanvulling.",),
    },
    "gen.silence": {
        "bad": ("Die weken hadden we een achterstand van honderden zaken. We zijn met te weinig mensen.",
                "Het lag in de wachtrij. Iedereen ziet dat, maar niemand is eigenaar van de wachtrij."),
        "normal": ("Het stond in de wachtrij en werd op volgorde opgepakt.",),
    },
    "gen.callback": {
        "bad": ("Ik belde terug, maar had zelf de notities van de vorige collega niet kunnen openen.",),
        "normal": ("Ik heb de klant teruggebeld zoals afgesproken.",),
        "excellent": ("Ik had alles uitgezocht voordat ik terugbelde, dus ik kon meteen een antwoord geven.",),
    },
    "gen.ask_info": {
        "bad": ("We misten een handtekening. Zonder getekend formulier mogen we niets doen, hoe graag we ook willen.",
                "Klanten sturen de documenten vaak niet mee, en dan ligt alles stil."),
        "normal": ("We hebben de ontbrekende documenten opgevraagd.",),
        "excellent": ("Ik heb precies uitgelegd welk document nodig was, dat scheelt een rondje.",),
    },
    "gen.info_sent": {
        "bad": ("Pas na twee herinneringen kwam het formulier terug, en toen nog zonder handtekening.",
                "De klant belde niet terug en reageerde niet op de mail. Daar ging een week overheen."),
        "normal": ("De stukken kwamen binnen en konden we verwerken.",),
        "excellent": ("De klant stuurde alles dezelfde dag. Dan kunnen wij ook snel zijn.",),
    },
    "gen.resolve": {
        "bad": ("Het is opgelost, maar het heeft veel te lang geduurd. Dat weten wij ook.",),
        "normal": ("De oplossing is aan de klant doorgegeven en de zaak is afgesloten.",),
        "excellent": ("We hebben het goed opgelost en de klant was tevreden.",),
    },
    "sim.menu": {
        "bad": ("Die ochtend stonden er zestig mensen in de wachtrij en we waren met vier man. Het menu is niet door ons bedacht.",),
        "normal": ("Een drukke ochtend. De klant had lang gewacht en was daar terecht boos over.",),
    },
    "sim.device": {
        "bad": ("Het script zegt: eerst het toestel laten nakijken. Ik zag wel dat het waarschijnlijk de simkaart was, maar ik mag daar niet van afwijken.",),
        "normal": ("Volgens de procedure hebben we eerst het toestel onderzocht.",),
    },
    "sim.device_back": {
        "bad": ("De reparatie kon niets vinden. Dat hadden we kunnen weten als we de simkaart eerst hadden getest.",),
        "normal": ("Het toestel kwam ongewijzigd terug, er was niets aan.",),
    },
    "sim.wife": {
        "bad": ("Zijn vrouw belde, maar zij stond niet als gemachtigde geregistreerd. Dan mogen we niets zeggen, vanwege de privacy. Vervelend, maar zo is de regel.",),
        "normal": ("Er belde iemand namens de klant, zonder machtiging. Ik heb uitgelegd hoe je een machtiging regelt.",),
    },
    "sim.call_again": {
        "normal": ("De klant belde opnieuw. Ik heb het hele dossier nog eens doorgenomen.",),
        "excellent": ("Ik zag de geschiedenis en heb het direct naar techniek gestuurd.",),
    },
    "sim.defect": {
        "bad": ("Simkaart defect. Ik heb 'twee werkdagen' gezegd, want dat staat in ons systeem. Dat de leverancier in batches levert, zie ik niet.",),
        "normal": ("De simkaart bleek defect; een nieuwe is besteld.",),
    },
    "sim.chase": {
        "bad": ("De leverancier levert eens per week. Daar hebben wij geen invloed op, en inkoop zit bij een andere afdeling met een eigen budget.",),
        "normal": ("De klant vroeg naar de levering. Ik heb bij logistiek nagevraagd wanneer hij kwam.",),
    },
    "sim.delivered": {
        "bad": ("Tien dagen voor een simkaart. Ik schaam me er eerlijk gezegd voor.",),
        "normal": ("De kaart is door de koerier bezorgd.",),
    },
    "hold.menu": {
        "bad": ("De wachttijd is ellendig, maar we worden afgerekend op gesprekken per uur. Dus iedereen jaagt klanten er snel doorheen.",
                "Het keuzemenu stuurt mensen vaak naar de verkeerde wachtrij. Dat melden we al maanden."),
        "normal": ("Het was druk, de wachttijd liep op.",),
    },
    "hold.answer": {
        "normal": ("Ik heb de vraag aangenomen en genoteerd.",),
        "excellent": ("Ik heb eerst vragen gesteld om te snappen wat de klant echt nodig had, en het daarna samengevat.",),
    },
    "hold.note_only": {
        "bad": ("Ik kon alleen noteren. Voor een oplossing moet het naar de tweede lijn; ik heb daar geen mandaat voor.",),
        "normal": ("Ik heb de notitie vastgelegd voor de tweede lijn.",),
    },
    "bill.explain": {
        "normal": ("Ik heb de factuur met de klant doorgenomen.",),
        "excellent": ("Ik heb de factuur regel voor regel uitgelegd; de klant snapte het daarna helemaal.",),
    },
    "bill.correct": {
        "bad": ("Een creditnota maken kan alleen Facturatie. Ik moet een verzoek indienen en wachten.",),
        "normal": ("Facturatie heeft de creditnota aangemaakt.",),
    },
    "letter.sent": {
        "bad": ("Die brief is een standaardtekst van Juridische zaken. Wij mogen er geen letter aan veranderen.",),
        "normal": ("De brief is standaard verstuurd.",),
    },
    "letter.call": {
        "bad": ("Wij zien de brief niet eens in ons systeem. Hoe moet ik die dan uitleggen?",),
        "normal": ("De klant belde met vragen over de brief.",),
    },
    "letter.nobody": {
        "bad": ("Ik kon de brief niet uitleggen; ik heb het doorgezet naar de afdeling die hem verstuurt.",),
        "normal": ("Ik heb de vraag uitgezet bij de afzender van de brief.",),
    },
    "letter.explained": {
        "normal": ("Ik heb de klant gebeld en de brief uitgelegd.",),
        "excellent": ("Ik heb het in gewone taal uitgelegd en voorgesteld de brief te herschrijven.",),
    },
    "outage.update": {
        "normal": ("We hebben de klanten in de wijk een update gestuurd.",),
        "excellent": ("We stuurden elke paar uur een update, ook als er geen nieuws was.",),
    },
    "outage.fixed": {
        "bad": ("Compensatie gaat niet automatisch; daar is geen budget voor vrijgemaakt.",),
        "normal": ("De storing is verholpen door het netwerkteam.",),
        "excellent": ("Het netwerkteam had het sneller opgelost dan verwacht.",),
    },
    "cancel.retention": {
        "bad": ("Ik moet bij elke opzegging een aanbod doen, dat is een target. Ik merk dat klanten daar geïrriteerd door raken.",),
        "normal": ("Ik heb het behoudaanbod gedaan, zoals de procedure voorschrijft.",),
    },
    "cancel.final_bill": {
        "bad": ("De eindafrekening draait in een maandelijkse batch. Daar kunnen wij niet omheen.",),
        "normal": ("De eindafrekening is verstuurd.",),
    },
    "cancel.wrong_bill": {
        "bad": ("De opzegdatum kwam niet goed door in het factuursysteem. Twee systemen die elkaar niet kennen.",),
    },
    "online.broken": {
        "bad": ("Mijn Dijkzicht lag er die week regelmatig uit. Wij hoorden het ook pas van klanten.",),
        "normal": ("De klant kon het niet online regelen.",),
    },
    "online.workaround": {
        "bad": ("Ik mocht het niet handmatig invoeren, dat moest via het webformulier. Dat werkte nou net niet.",),
        "normal": ("Ik heb het met de hand ingevoerd.",),
        "excellent": ("Ik heb het meteen zelf ingevoerd, dan is de klant geholpen.",),
    },
    "online.again": {
        "bad": ("De storing was bekend bij IT, maar er was geen datum voor een oplossing. Wij konden niets toezeggen.",),
    },
    "repeat.first": {
        "normal": ("Ik heb het gesprek aangenomen en de vraag genoteerd.",),
    },
    "repeat.second": {
        "bad": ("De notitie van de eerste lijn was één regel. Dan moet ik het wel opnieuw vragen.",
                "Ik kon de notities van de vorige collega niet zien, die staan in een ander systeem."),
        "normal": ("Ik heb de details nog eens nagevraagd om zeker te zijn.",),
    },
    "repeat.third": {
        "bad": ("Er stond niets in het dossier over de eerdere gesprekken. Ik snap dat de klant boos werd.",),
        "normal": ("Ik heb de klant teruggebeld en het verhaal nog eens kort doorgenomen.",),
    },
    "meeting.ask": {
        "bad": ("Ik zat echt de hele week in overleggen over de reorganisatie. Mijn bakje liep vol.",),
        "normal": ("De klant vroeg naar de behandelaar; ik heb een terugbelnotitie gemaakt.",),
    },
    "meeting.again": {
        "bad": ("Terugbelnotities komen in een gedeelde mailbox die niemand leest. Dat weet iedereen.",),
    },
    "meeting.callback": {
        "bad": ("Ik heb teruggebeld zodra ik kon. Te laat, dat geef ik toe.",),
        "normal": ("Ik heb de klant teruggebeld.",),
    },
    "noanswer.reminder": {
        "bad": ("De mailbox had een achterstand van drie weken. We werken op volgorde van binnenkomst.",),
    },
    "noanswer.answer": {
        "normal": ("Ik heb de vraag inhoudelijk beantwoord.",),
        "excellent": ("Ik heb er de tijd voor genomen en alles uitgezocht.",),
    },
    "fiber.noshow": {
        "bad": ("De installateur is een externe partij. Als die niet komt, horen wij het pas als de klant belt.",),
    },
    "survey.call1": {
        "bad": ("Die enquête wordt extern gedaan, met vaste vragen. Wij krijgen alleen een cijfer terug, geen verhalen.",),
    },
    "great.solved": {
        "excellent": ("Ik heb eerst goed doorgevraagd, samengevat en het meteen opgelost. Daar krijg ik energie van.",
                      "Ik had het mandaat om het direct te regelen. Dat scheelt iedereen tijd."),
        "normal": ("Ik heb het direct opgelost.",),
    },
    "great.followup": {
        "excellent": ("Ik had beloofd na te bellen, dus dat deed ik.",),
        "normal": ("Ik heb nagebeld.",),
    },
    "move.missed": {
        "bad": ("De klant was niet thuis op de afspraak en had niet afgebeld. Dan begint het plannen opnieuw.",),
        "normal": ("De afspraak ging niet door omdat de klant niet thuis was.",),
    },
    "proef.callback": {
        "normal": ("Ik heb de klant binnen 30 minuten gebeld en de aanvraag doorgenomen.",),
        "excellent": ("Binnen tien minuten gebeld; dat is onze belofte en die houden we.",),
    },
    "proef.to_dealer": {
        "bad": ("Ik stuur de lead door naar de dealer. Wat de dealer daarna doet, zien wij niet. Zij hebben hun eigen systeem.",),
        "normal": ("De aanvraag is doorgestuurd naar de dealer.",),
    },
    "proef.chase": {
        "bad": ("Wij kunnen niet in de agenda van de dealer kijken. Ik kon alleen het nummer van de dealer geven.",),
    },
    "proef.whatsapp": {
        "bad": ("WhatsApp-berichten komen in een aparte tool die niet gekoppeld is aan het klantdossier. Die maand viel de koppeling ook nog uit.",),
        "normal": ("Het bericht kwam binnen bij webcare.",),
    },
    "proef.aftersales1": {
        "bad": ("Wij bellen van een lijst. Wat de klant eerder via WhatsApp heeft gestuurd, zien wij niet.",),
        "normal": ("Ik heb het nazorggesprek gevoerd volgens het belscript.",),
    },
    "proef.aftersales2": {
        "bad": ("De bellijst werd twee keer ingeladen na een storing. Ik wist niet dat een collega al had gebeld.",),
    },
    "lease.unsigned": {
        "bad": ("Het contract kwam ongetekend terug. Dat gebeurt bij de helft van de contracten.",),
        "normal": ("Er ontbrak een handtekening, dus het contract ging terug naar de klant.",),
    },
    "service.noshow": {
        "bad": ("De klant kwam niet opdagen en belde niet af. Die plek in de werkplaats is dan verloren.",),
    },
    "wa.nothing": {
        "bad": ("Ik kon het eerdere bericht nergens vinden. Er staat niks in het systeem; dat is voor ons ook frustrerend.",),
    },
    "mandate.no": {
        "bad": ("Ik mag tot vijfentwintig euro compenseren. Alles daarboven moet naar een leidinggevende of naar Juridische zaken.",
                "Ik wilde het wel oplossen, maar ik heb te weinig mandaat om zaken in gang te zetten."),
        "normal": ("Het verzoek ging boven mijn mandaat, dus ik heb het voorgelegd.",),
    },
    "mandate.decision": {
        "bad": ("Juridische zaken beoordeelt alles op precedentwerking. Dat duurt.",),
        "normal": ("Het besluit over de compensatie is genomen.",),
    },
    "soup.served": {
        "bad": ("De keuken had die avond twee man ziek. De soep stond klaar, maar er was niemand om hem uit te serveren.",),
        "normal": ("Het was druk in de keuken, de soep kwam later dan normaal.",),
    },
    "soup.complain": {
        "bad": ("Ik had twintig tafels alleen. Dan reageer je niet altijd zoals je zou willen.",),
        "normal": ("De gast klaagde over de wachttijd; ik heb het aan de keuken doorgegeven.",),
    },
    "top.service": {
        "excellent": ("We waren die avond met genoeg mensen en hadden tijd voor elke tafel.",),
        "normal": ("Een gewone avond, alles liep.",),
    },
    "top.booking": {
        "normal": ("De reservering kwam binnen via {channel_nl} en stond meteen in het systeem.",),
        "excellent": ("Bij de reservering vroeg ik meteen naar allergieën; dat noteren we altijd.",),
    },
    "top.welcome": {
        "normal": ("We hadden de tafel op tijd klaargezet.",),
        "excellent": ("Ik herkende de gasten van een vorig bezoek en heb ze bij naam begroet.",),
    },
    "top.food": {
        "normal": ("De keuken draaide die avond gewoon door.",),
        "excellent": ("De keuken stond op volle sterkte; alles ging in één keer de pas over.",),
    },
    "top.coats": {
        "normal": ("We hebben de gasten uitgezwaaid.",),
        "excellent": ("Jassen aangeven en gedag zeggen hoort bij ons; dat leer je hier in je eerste week.",),
    },
    "top.review": {
        "normal": ("De review hebben we gelezen.",),
        "excellent": ("Die review hebben we met het hele team gedeeld. Daar doe je het voor.",),
    },
    "soup.order": {
        "normal": ("Ik nam de bestelling op; het leek een rustige avond.",),
        "bad": ("De bestelling ging op papier naar de keuken, het bonnensysteem lag eruit.",),
    },
    "soup.review": {
        "bad": ("De review zagen we pas twee dagen later; niemand houdt die sites bij in het weekend.",),
        "normal": ("De gast heeft een review geplaatst.",),
    },
    "soup.reply": {
        "normal": ("Webcare heeft een standaardreactie geplaatst.",),
        "excellent": ("Ik heb de gast persoonlijk geantwoord en uitgenodigd.",),
    },
    "res.booking": {
        "normal": ("De reservering kwam binnen via {channel_nl}.",),
    },
    "res.arrive": {
        "normal": ("De tafel stond klaar toen de gasten kwamen.",),
        "excellent": ("We hadden de tafel extra mooi gedekt.",),
    },
    "res.complain": {
        "bad": ("De klacht kwam binnen bij het klachtenteam; wij in de zaak horen daar vaak pas later van.",),
        "normal": ("De gast heeft een klacht gemaild.",),
    },
    "res.voucher": {
        "normal": ("We hebben een tegoedbon gestuurd, zoals de richtlijn zegt.",),
        "excellent": ("De manager heeft zelf gebeld. Dat werkt beter dan welke bon ook.",),
    },
    "res.arrive_late": {
        "bad": ("De reservering stond in het oude systeem en niet in het nieuwe. Die week draaiden we met twee systemen.",),
    },
}

GENERIC: dict[str, dict[str, tuple[str, ...]]] = {
    "inbound": {
        "bad": ("De klant nam contact op via {channel_nl}. We hadden die dag een flinke achterstand.",),
        "normal": ("De klant nam contact op via {channel_nl}; ik heb het in het dossier gezet.",
                   "Er kwam een bericht binnen via {channel_nl}."),
        "excellent": ("De klant nam contact op en ik kon meteen helpen.",),
    },
    "outbound": {
        "bad": ("Ik heb contact opgenomen, maar had niet alle informatie die ik nodig had.",),
        "normal": ("Ik heb de klant geïnformeerd.", "We hebben de klant op de hoogte gebracht."),
        "excellent": ("Ik heb de klant uitgebreid geïnformeerd en gevraagd of alles duidelijk was.",),
    },
    "work": {
        "bad": ("Het systeem werkte die dag slecht, alles duurde twee keer zo lang.",
                "Hiervoor moest ik toestemming vragen aan een andere afdeling, met een eigen budget."),
        "normal": ("Dit is volgens de procedure afgehandeld.", "Ik heb dit verwerkt."),
        "excellent": ("Dit ging vlot, alles klopte.",),
    },
    "third_party": {
        "bad": ("Dit lag bij {party}. Wij hebben geen zicht op hun planning.",),
        "normal": ("{party} heeft dit uitgevoerd.",),
        "excellent": ("{party} deed dit keurig op tijd.",),
    },
}
# fmt: on
