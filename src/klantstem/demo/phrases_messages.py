"""What the organisation writes: agents' call and visit notes (always Dutch, as agents write them), and messages
to customers by e-mail, letter, WhatsApp or a reply on a review site (Dutch and English).

{promise} is the promise made in that contact, written into the text as a customer would hear it.
Written for this project.
"""

# ruff: noqa: E501  (prose: sentences are not wrapped)

from __future__ import annotations

# fmt: off
NOTES: dict[str, tuple[str, ...]] = {
    "gen.intake": ("Klant belt over {topic_n}. Vraag genoteerd.", "Klant meldt zich over {topic_n}. Gegevens gecontroleerd.",
                   "Vraag klant: {topic_n}. Klant verwacht snel reactie."),
    "gen.callback": ("Klant teruggebeld over {topic_n}. Stand van zaken besproken.", "Terugbelafspraak nagekomen, klant geïnformeerd."),
    "gen.ask_info": ("Klant gebeld: getekend formulier ontbreekt nog. Klant stuurt het op.",),
    "gen.resolve": ("Klant gebeld: oplossing doorgegeven. Zaak kan dicht.", "Klant geïnformeerd over de afhandeling; akkoord."),
    "gen.info_sent": ("Klant belt: formulier is verstuurd. Ontvangst gecontroleerd.",),
    "sim.menu": ("Klant belt: geen bereik sinds {weekday}. Klaagt over wachttijd ({hold} min) en keuzemenu. Doorgezet naar Storingsdienst.",
                 "Geen bereik op mobiel. Klant heeft {hold} minuten in de wacht gestaan, zeer ontevreden."),
    "sim.wife": ("Partner van klant belt namens klant. Geen machtiging geregistreerd, dus geen informatie verstrekt. Klant moet zelf bellen.",),
    "sim.call_again": ("Klant belt opnieuw: na reparatie toestel nog steeds geen bereik. Eerdere gesprekken doorgenomen, opnieuw naar Storingsdienst.",),
    "sim.defect": ("Klant gebeld: simkaart defect vastgesteld. Nieuwe kaart besteld. Toegezegd: {promise}.",),
    "sim.chase": ("Klant belt: simkaart nog niet ontvangen. Navraag Logistiek: leverancier heeft achterstand, levering binnen 10 dagen. Klant zeer ontevreden, heeft telefoon nodig voor werk.",),
    "hold.menu": ("Klant belt over {topic_n}. Wachttijd {hold} min; klant ontevreden over keuzemenu.",),
    "hold.answer": ("Vraag klant over {topic_n} genoteerd. Naam en adres gecontroleerd.",),
    "letter.call": ("Klant belt over brief ({topic_n}); begrijpt de inhoud niet. Vraag uitgezet bij afzender.",),
    "letter.explained": ("Klant gebeld en brief toegelicht. Klant begrijpt het nu. Voorstel gedaan om de brieftekst te verduidelijken.",),
    "cancel.retention": ("Klant gebeld n.a.v. opzegging. Behoudaanbod gedaan (drie maanden halve prijs). Klant wil toch opzeggen.",),
    "cancel.wrong_bill": ("Klant belt over eindafrekening: een maand te veel berekend. Doorgezet naar Facturatie.",),
    "repeat.first": ("Klant belt over {topic_n}. Uitgebreid verhaal; doorgezet naar tweede lijn.",),
    "repeat.third": ("Klant teruggebeld. Klant geeft aan het verhaal nu voor de derde keer te doen; eerdere notities onvolledig.",),
    "meeting.ask": ("Klant vraagt naar behandelaar {owner}. Behandelaar in overleg. Terugbelverzoek: {promise}.",),
    "meeting.again": ("Klant belt opnieuw voor {owner}; nog niet teruggebeld. Klant geïrriteerd ('altijd in vergadering').",),
    "meeting.callback": ("Klant teruggebeld door {owner}. Excuses aangeboden voor de late reactie.",),
    "noanswer.reminder2": ("Klant belt: nog geen reactie op e-mail. Mail teruggevonden in wachtrij Mutaties, prioriteit verhoogd.",),
    "survey.call1": ("Tevredenheidsonderzoek na installatie afgenomen (5 vragen). Klant wilde meer kwijt over de planning; valt buiten de vragenlijst.",),
    "great.followup": ("Klant nagebeld zoals toegezegd. Alles werkt, klant tevreden.",),
    "proef.callback": ("Klant gebeld n.a.v. proefritaanvraag {model}. Gegevens gecontroleerd. Lead naar {dealer}: {promise}.",),
    "proef.dealer_call": ("Klant gebeld voor afspraak proefrit {model}.",),
    "proef.chase": ("Klant belt: nog niet gebeld door dealer, aanvraag {waited} geleden doorgezet. Verwezen naar {dealer}, nummer gegeven.",),
    "proef.dealer_maze": ("Klant belt over proefrit. Doorverbonden met verkoop; agenda niet in te zien.", "Klant belt voor afspraak proefrit, verkoper niet aanwezig."),
    "proef.aftersales1": ("Nazorggesprek proefrit {model}. Klant deelt ervaring: lang gewacht op dealer, weinig uitleg over techniek. Bedankt voor de tips.",),
    "proef.aftersales2": ("Nazorggesprek proefrit. Klant geeft aan al eerder gebeld te zijn; in systeem niets terug te vinden. Klant hing op.",),
    "mandate.claim": ("Klant vraagt compensatie voor {topic_n}. Bedrag boven mandaat eerste lijn.",),
    "soup.order": ("Tafel voor {guests}. Bestelling: soep van de dag.",),
    "top.welcome": ("Reservering {guests} personen ontvangen.",),
    "res.arrive": ("Reservering {guests} personen ontvangen.",),
    "res.arrive_late": ("Reservering niet gevonden in systeem; gasten aan de bar geplaatst tot tafel vrij was.",),
    "proef.drive": ("Proefrit {model}, 60 minuten.",),
    "service.done": ("Onderhoudsbeurt {model} uitgevoerd.",),
    "fiber.install": ("Installatie glasvezel uitgevoerd, modem geplaatst.",),
    "lease.delivery": ("Aflevering {model}, uitleg gegeven.",),
}

# Notes for a beat the customer did not experience as bad, where the usual note records a complaint (the planted
# problems run healthy before they start; see demo/plants.py).
CALM_NOTES: dict[str, tuple[str, ...]] = {
    "hold.menu": ("Klant belt over {topic_n}. Snel te woord gestaan, vraag genoteerd.",),
    "letter.call": ("Klant belt over brief ({topic_n}); vraag over de inhoud beantwoord.",),
}
INBOUND_NOTE_FALLBACK = ("Klant neemt contact op over {topic_n}.", "Klant belt over {topic_n}.")
OUTBOUND_NOTE_FALLBACK = ("Klant gebeld over {topic_n}.", "Klant geïnformeerd over de voortgang.")

MESSAGES: dict[str, dict[str, tuple[str, ...]]] = {
    "nl": {
        "gen.ask_info": ("Om uw aanvraag af te ronden hebben wij nog een ondertekend formulier van u nodig. Wilt u dit binnen 14 dagen terugsturen?",
                         "Wij missen nog een kopie van uw legitimatiebewijs. Zonder dit document kunnen wij uw verzoek niet in behandeling nemen."),
        "gen.reminder": ("Wij hebben het gevraagde formulier nog niet van u ontvangen. Zonder dit formulier kunnen wij uw aanvraag niet verwerken.",),
        "gen.resolve": ("Uw vraag over {topic_u} is afgehandeld. Mocht u nog vragen hebben, dan horen wij het graag.",
                        "Wij hebben uw melding over {topic_u} opgelost. Excuses voor het ongemak."),
        "gen.survey": ("Hoe tevreden bent u over de afhandeling van uw vraag? Geef een cijfer van 1 tot 10. Het invullen duurt 2 minuten.",),
        "gen.autoreply": ("Bedankt voor uw bericht. {promise_cap}. Dit is een automatisch gegenereerd bericht.",),
        "letter.sent": (
            "Op grond van artikel 7.3 lid 2 van de Algemene Voorwaarden delen wij u mede dat de in de overeenkomst overeengekomen tarieven met ingang van de eerstvolgende factuurperiode worden geïndexeerd, tenzij u binnen de daartoe gestelde termijn schriftelijk bezwaar maakt, onverminderd het bepaalde in artikel 9.",
            "Ingevolge de betalingsregeling d.d. {date} en met inachtneming van het openstaande saldo verzoeken wij u het resterende bedrag, vermeerderd met de wettelijke rente en buitengerechtelijke kosten conform de staffel, binnen de gestelde termijn te voldoen.",
        ),
        "letter.sent@brief_incasso": (
            "Ondanks eerdere herinneringen hebben wij van u geen betaling mogen ontvangen. Wij stellen u hierbij in gebreke en sommeren u het openstaande bedrag, vermeerderd met de buitengerechtelijke incassokosten ex art. 6:96 BW, binnen veertien dagen na dagtekening te voldoen, bij gebreke waarvan de vordering ter incasso uit handen wordt gegeven.",
            "Hierbij delen wij u mede dat de vordering inzake het in de aanhef genoemde contractnummer, na verrekening van de door u verrichte deelbetalingen en met inachtneming van de wettelijke rente, thans opeisbaar is geworden.",
        ),
        "letter.explained": ("Zoals telefonisch besproken: de brief betekent dat {topic_u} per volgende maand wijzigt. U hoeft niets te doen.",),
        "outage.update": ("Er is een storing in uw omgeving. Onze monteurs zijn ermee bezig. {promise_cap}.",),
        "cancel.confirmed": ("Wij bevestigen de opzegging van uw abonnement. {promise_cap}.",),
        "cancel.final_bill": ("Bijgaand ontvangt u de eindafrekening van uw abonnement.",),
        "noanswer.answer": ("Naar aanleiding van uw e-mail over {topic_u} laten wij u het volgende weten. Excuses voor de late reactie.",),
        "fiber.plan": ("De installatie van uw glasvezelaansluiting is ingepland. {promise_cap}.",),
        "survey.call2": ("Wij horen graag hoe u de installatie heeft ervaren. Vraag 1: Heeft de monteur u netjes te woord gestaan? Vraag 2: Was de monteur op tijd?",),
        "order.confirm": ("Bedankt voor uw bestelling van {product}. {promise_cap}. U ontvangt een track-en-tracecode zodra het pakket onderweg is.",),
        "move.done": ("Uw verhuizing is verwerkt. Vanaf de verhuisdatum werken uw diensten op uw nieuwe adres.",),
        "service.planned": ("Uw afspraak voor onderhoud van uw {model} bij {dealer} is bevestigd.",),
        "service.extra_cost": ("Tijdens het onderhoud zijn aanvullende werkzaamheden uitgevoerd. De kosten hiervan treft u aan op bijgaande factuur.",),
        "lease.offer": ("In de bijlage vindt u de offerte en het contract voor private lease van de {model}. Wilt u het contract op alle pagina's ondertekenen?",),
        "lease.delivery": ("Uw {model} staat klaar voor aflevering bij {dealer}.",),
        "wa.nothing": ("Wij kunnen uw eerdere bericht helaas niet terugvinden in ons systeem. Wilt u uw vraag opnieuw toelichten?",),
        "soup.reply": ("Beste gast, excuses voor het ongemak. Wij nemen uw feedback mee.",
                       "Wat vervelend dat u zo lang moest wachten. Dat is niet hoe wij het willen. Wij nodigen u graag opnieuw uit."),
        "res.confirm": ("Hierbij bevestigen wij uw reservering voor {guests} personen. {promise_cap}.",),
        "res.voucher": ("Onze excuses voor de gang van zaken bij uw bezoek. Als goedmaker ontvangt u een tegoedbon.",),
        "mandate.letter": ("Na zorgvuldige afweging van alle belangen heeft de directie besloten u bij wijze van coulance en zonder erkenning van aansprakelijkheid een eenmalige tegemoetkoming toe te kennen.",),
        "noanswer.mail": ("Bedankt voor uw e-mail.",),
        "move.request": ("Bedankt voor het doorgeven van uw verhuizing.",),
        "great.solved": ("Zoals besproken is het probleem opgelost. {promise_cap}.",),
    },
    "en": {
        "gen.ask_info": ("To complete your request we still need a signed form. Could you send it back within 14 days?",),
        "gen.reminder": ("We have not yet received the form we asked for. Without it we cannot process your request.",),
        "gen.resolve": ("Your question about {topic_u} has been resolved. Let us know if there is anything else.",),
        "gen.survey": ("How satisfied are you with how we handled your question? Please rate us from 1 to 10.",),
        "gen.autoreply": ("Thank you for your message. {promise_cap}. This is an automatic reply.",),
        "letter.sent": ("Pursuant to article 7.3(2) of the General Terms and Conditions, the agreed tariffs will be indexed as of the next billing period, unless you object in writing within the prescribed period, without prejudice to article 9.",),
        "letter.sent@brief_incasso": ("Despite earlier reminders we have not received payment. We hereby give you notice of default and demand that the outstanding amount, increased by the extrajudicial collection costs pursuant to art. 6:96 of the Dutch Civil Code, be paid within fourteen days, failing which the claim will be handed over for collection.",),
        "outage.update": ("There is an outage in your area. Our engineers are working on it. {promise_cap}.",),
        "cancel.confirmed": ("We confirm the cancellation of your subscription. {promise_cap}.",),
        "noanswer.answer": ("Regarding your e-mail about {topic_u}: please find our answer below. Apologies for the late reply.",),
        "fiber.plan": ("Your fibre installation has been scheduled. {promise_cap}.",),
        "survey.call2": ("We would like to hear about your installation. Question 1: Was the engineer polite? Question 2: Was the engineer on time?",),
        "order.confirm": ("Thank you for ordering {product}. {promise_cap}. You will receive a tracking code once the parcel is on its way.",),
        "wa.nothing": ("Unfortunately we cannot find your earlier message in our system. Could you explain your question again?",),
        "res.confirm": ("We confirm your reservation for {guests}. {promise_cap}.",),
        "res.voucher": ("We apologise for what happened during your visit. As a gesture we are sending you a voucher.",),
        "great.solved": ("As discussed, the problem has been solved. {promise_cap}.",),
    },
}

# the promise as the customer hears it, in English (Dutch promises are written in the scenarios)
PROMISES_EN: dict[str, str] = {
    "u ontvangt de nieuwe simkaart binnen 2 werkdagen": "you will receive the new SIM card within 2 working days",
    "we houden u op de hoogte tot de storing is opgelost": "we will keep you updated until the outage is fixed",
    "u ontvangt binnen 5 werkdagen de eindafrekening": "you will receive the final bill within 5 working days",
    "uw behandelaar belt u vandaag nog terug": "your case handler will call you back today",
    "u ontvangt binnen 5 werkdagen een inhoudelijke reactie": "you will receive a full answer within 5 working days",
    "de monteur komt tussen 8 en 13 uur": "the engineer will come between 8 am and 1 pm",
    "ik bel u morgen even na om te horen of alles werkt": "I will call you tomorrow to check everything works",
    "we bellen u binnen 30 minuten": "we will call you within 30 minutes",
    "de dealer neemt contact met u op om een afspraak te maken": "the dealer will contact you to make an appointment",
    "uw bestelling wordt binnen 2 werkdagen bezorgd": "your order will be delivered within 2 working days",
    "uw tafel staat op de afgesproken tijd voor u klaar": "your table will be ready at the agreed time",
}
# fmt: on
