"""What customers write: the first message of a case per scenario, chasers and replies, and the contacts that
belong to no case (questions, posts, reviews). Dutch and English; written for this project."""

# ruff: noqa: E501  (prose: sentences are not wrapped)

from __future__ import annotations

# fmt: off
REQUESTS: dict[str, dict[str, tuple[str, ...]]] = {
    "nl": {
        "simkaart": ("Ik heb sinds {weekday} geen bereik meer op mijn telefoon. Ik heb hem nodig voor mijn werk, mijn klanten moeten mij kunnen bellen.",),
        "wachtrij": ("Ik heb een vraag over mijn abonnement. Kan ik tussentijds overstappen naar een grotere bundel?",),
        "factuur": ("Op mijn factuur van deze maand staat een bedrag dat ik niet herken. Kunt u uitleggen waar dat vandaan komt?",
                    "Er is twee keer geld afgeschreven voor dezelfde maand. Graag terugstorten.",
                    "Mijn rekening is ineens veel hoger dan normaal, terwijl ik niets heb veranderd."),
        "brief": ("Ik heb een brief ontvangen over {topic}, maar ik begrijp er niets van. Wat moet ik doen?",),
        "brief_incasso": ("Ik kreeg een brief van een incassobureau, terwijl ik volgens mij alles heb betaald. Wat is hier aan de hand?",),
        "storing": ("Ik heb sinds vanochtend geen internet en geen tv. Is er een storing?", "Al twee dagen valt mijn internet steeds weg."),
        "opzeggen": ("Ik wil graag mijn abonnement opzeggen per de eerstvolgende mogelijke datum.",),
        "online": ("Ik probeer al de hele avond mijn bundel te wijzigen in Mijn Dijkzicht, maar ik krijg steeds een foutmelding.",
                   "Het formulier op jullie website werkt niet. Na de laatste stap gebeurt er niets."),
        "verhaal3x": ("Mijn nummerbehoud is misgegaan en ik ben al dagen onbereikbaar op mijn oude nummer.",),
        "vergadering": ("Ik wil graag de behandelaar van mijn klacht spreken. Ik wacht al lang op een reactie.",),
        "geen_antwoord": ("Ik heb recht op een terugbetaling van een dubbel betaalde factuur. Wilt u dit regelen?",
                          "Graag een reactie op mijn klacht over de factuur van vorige maand."),
        "glasvezel": ("Wij willen graag glasvezel laten aanleggen op ons adres.",),
        "top_service": ("Ik heb een vraag over {topic}. Kunt u mij helpen?", "Hallo, ik kom er niet uit met {topic}."),
        "bestelling": ("Bestelling: {product} met nieuw toestel.", "Ik bestel graag een nieuwe telefoon met {product}."),
        "verhuizing": ("Wij verhuizen over een maand. Kunnen internet en tv mee naar ons nieuwe adres?",),
        "proefrit": ("Ik wil graag een proefrit maken in de {model}. Voorkeur voor een zaterdag.",),
        "onderhoud": ("Ik wil graag een afspraak maken voor de onderhoudsbeurt van mijn {model}.",),
        "lease": ("Ik ben geïnteresseerd in private lease van de {model}. Kunt u mij een offerte sturen?",),
        "whatsapp_kwijt": ("Hoi, ik wil graag een klacht indienen over de levering van mijn bestelling. Er klopte niks van.",),
        "mandaat": ("Ik heb vier dagen zonder internet gezeten en daardoor niet kunnen thuiswerken. Ik wil hiervoor een vergoeding.",),
        "soep": ("Graag een tafel voor vanavond.",),
        "restaurant_top": ("Wij willen graag een tafel reserveren voor {guests} personen, zaterdag om 19.00 uur.",),
        "reservering": ("Graag een tafel voor {guests} personen op vrijdag om 18.30 uur.",),
    },
    "en": {
        "simkaart": ("I have had no signal on my phone since {weekday}. I need it for work.",),
        "wachtrij": ("I have a question about my subscription. Can I upgrade my bundle before the contract ends?",),
        "factuur": ("My bill this month has an amount I don't recognise. Could you explain it?",),
        "brief": ("I received a letter about {topic} but I don't understand it. What do I need to do?",),
        "brief_incasso": ("I received a letter from a debt collector although I think I paid everything.",),
        "storing": ("I have had no internet since this morning. Is there an outage?",),
        "opzeggen": ("I would like to cancel my subscription as soon as possible.",),
        "online": ("I've been trying to change my bundle online all evening but I keep getting an error.",),
        "verhaal3x": ("My number transfer went wrong and nobody can reach me on my old number.",),
        "vergadering": ("I would like to speak to the person handling my complaint.",),
        "geen_antwoord": ("I am entitled to a refund for an invoice I paid twice. Could you arrange this?",),
        "glasvezel": ("We would like to get fibre at our address.",),
        "top_service": ("I have a question about {topic}. Could you help me?",),
        "bestelling": ("Order: {product} with a new phone.",),
        "verhuizing": ("We are moving next month. Can our internet move with us?",),
        "proefrit": ("I would like to test drive the {model}, preferably on a Saturday.",),
        "onderhoud": ("I would like to book a service for my {model}.",),
        "lease": ("I'm interested in private lease of the {model}. Could you send me a quote?",),
        "whatsapp_kwijt": ("Hi, I want to complain about the delivery of my order.",),
        "mandaat": ("I was without internet for four days and couldn't work from home. I'd like compensation.",),
        "soep": ("A table for tonight, please.",),
        "restaurant_top": ("We'd like to book a table for {guests} on Saturday at 7 pm.",),
        "reservering": ("A table for {guests} on Friday at 6:30 pm, please.",),
    },
}

REPLIES: dict[str, dict[str, tuple[str, ...]]] = {
    "nl": {
        "gen.info_sent": ("In de bijlage het ondertekende formulier.", "Hierbij de gevraagde gegevens.", "Zie bijlage. Ik hoop dat het zo goed is."),
        "sim.chase": ("Ik wacht nu al {waited} op mijn simkaart. U zei twee werkdagen. Wanneer komt hij?",),
        "noanswer.reminder": ("Ik heb {waited} geleden een e-mail gestuurd en nog steeds geen antwoord gekregen. Graag alsnog een reactie.",),
        "wa.again": ("Ik heb dit al eerder gestuurd maar nooit antwoord gekregen. Nog een keer dan maar: {request}",),
        "online.again": ("Het werkt nog steeds niet. Zelfde foutmelding als {waited} geleden.",),
        "letter.call": ("Ik heb een brief gekregen over {topic}. Wat betekent dit voor mij?",),
        "res.complain": ("Gisteren hadden wij een reservering voor {guests} personen, maar die was nergens te vinden. We hebben twintig minuten aan de bar gestaan. Niet zoals het hoort.",),
        "proef.whatsapp": ("Even wat feedback over mijn proefrit. Het duurde een week voordat ik iets hoorde van de dealer, ik heb drie keer moeten bellen en tijdens de proefrit wist de verkoper weinig van de techniek. Tip: laat de dealer echt binnen een dag bellen.",),
        "wa.feedback": ("{request}",),
    },
    "en": {
        "gen.info_sent": ("Please find the signed form attached.", "Here are the details you asked for."),
        "sim.chase": ("I have been waiting {waited} for my SIM card. You said two working days. When will it arrive?",),
        "noanswer.reminder": ("I sent an e-mail {waited} ago and still have no answer. Please reply.",),
        "wa.again": ("I sent this before and never got an answer. Once more: {request}",),
        "online.again": ("It still doesn't work. Same error as {waited} ago.",),
        "letter.call": ("I received a letter about {topic}. What does this mean for me?",),
        "res.complain": ("Yesterday we had a reservation for {guests} but it couldn't be found. We stood at the bar for twenty minutes.",),
        "proef.whatsapp": ("Some feedback on my test drive: it took a week before the dealer contacted me, I had to call three times, and the salesman knew little about the technology.",),
        "wa.feedback": ("{request}",),
    },
}

STANDALONE: dict[str, dict[str, tuple[str, ...]]] = {
    "nl": {
        "phone": ("Klant belt met vraag over de openingstijden van de winkel in {town}.", "Klant vraagt naar de status van een bestelling.",
                  "Klant belt over een sms die hij niet vertrouwt; uitgelegd dat wij nooit om een pincode vragen.",
                  "Vraag over het bellen naar het buitenland. Uitgelegd.", "Klant wil weten wanneer de nieuwe telefoons binnenkomen."),
        "email": ("Kan ik mijn bundel ook in het buitenland gebruiken?", "Hoe kan ik een kopie van mijn contract krijgen?",
                  "Graag zou ik een kopiefactuur ontvangen van maart.", "Hebben jullie ook abonnementen voor studenten?"),
        "whatsapp": ("Hoi! Zijn jullie zaterdag open?", "Hoe lang duurt het voordat mijn nummer is overgezet?", "wat kost een extra simkaart?"),
        "web_form": ("Ik wil graag informatie over zakelijke abonnementen.", "Mijn adres is gewijzigd, graag aanpassen.",
                     "Ik zoek een vakantiebaan, hebben jullie plek?"),
        "letter": ("Hierbij maak ik bezwaar tegen de verhoging van mijn tarief.", "Ik verzoek u mijn gegevens te verwijderen uit uw bestanden.",
                   "Hierbij stuur ik u een klacht over de bejegening in uw winkel."),
        "visit": ("Klant in winkel voor een nieuwe telefoon, geadviseerd.", "Klant komt simkaart ophalen.",
                  "Klant in de winkel met vragen over de factuur; uitgelegd."),
        "social_media": ("@DijkzichtMobiel al de hele dag geen 4G in {town}?? Wat is er aan de hand", "Weer eens een storing bij Dijkzicht. Elke week hetzelfde.",
                         "Complimenten aan de winkel in {town}, super geholpen vandaag!", "Waarom moet ik {hold} minuten in de wacht staan? #klantenservice"),
        "review_site": ("Gezellige brasserie, prima eten, bediening wat traag.", "Heerlijk gegeten bij Brasserie Dijkzicht in {town}! Aanrader.",
                        "De klantenservice van Dijkzicht Mobiel is onbereikbaar. Eén ster is nog te veel.", "Auto gekocht bij Dijkzicht, prima ervaring.",
                        "Vriendelijk personeel, maar we moesten lang wachten op ons eten."),
    },
    "en": {
        "phone": ("Customer calls asking about roaming in the UK.",),
        "email": ("Can I use my bundle abroad?", "Could you send me a copy of my contract?"),
        "whatsapp": ("Hi, are you open on Saturday?",),
        "web_form": ("Do you have English-language support for business subscriptions?",),
        "letter": ("I hereby object to the increase of my tariff.",),
        "visit": ("Customer in shop for a new phone, advised (in English).",),
        "social_media": ("@DijkzichtMobiel no 4G in {town} all day?? What's going on", "Shout-out to the shop in {town}, super helpful today!"),
        "review_site": ("Lovely brasserie, great food, a bit slow.", "Customer service is impossible to reach. One star is too many."),
    },
}

STANDALONE_SHARES = {"phone": 24, "email": 14, "whatsapp": 10, "web_form": 8, "letter": 5, "visit": 9, "social_media": 15, "review_site": 15}
# fmt: on
