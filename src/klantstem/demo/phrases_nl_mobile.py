"""How Dutch-speaking customers tell the steps of Dijkzicht Mobiel cases, per appraisal.

Written for this project. Slots in braces are filled per case (see texts.py).
"""

# ruff: noqa: E501  (prose: sentences are not wrapped)

from __future__ import annotations

# fmt: off
MOBILE: dict[str, dict[str, tuple[str, ...]]] = {
    "sim.menu": {
        "bad": (
            "Ik had geen bereik meer op mijn telefoon. Voordat ik de juiste persoon had, was ik {hold} minuten aan het bellen, op een betaalnummer.",
            "Eerst dat keuzemenu: toets 1, toets 3, toets 2. Daarna {hold} minuten in de wacht. Voor een telefoon zonder bereik.",
            "Ik belde omdat ik geen bereik had. Het bandje leek ontworpen om je te laten ophangen. Na {hold} minuten kreeg ik eindelijk een mens.",
        ),
        "normal": ("Ik belde de klantenservice omdat ik geen bereik had. Ik moest wel even wachten.",),
    },
    "sim.device": {
        "bad": ("Ik moest mijn telefoon opsturen, terwijl ik hem nodig heb voor mijn werk.",),
        "normal": (
            "Ze vonden dat het aan het toestel lag, dus ik moest mijn telefoon opsturen.",
            "De telefoon zou kapot zijn en moest ter reparatie.",
        ),
        "excellent": ("Ik kon mijn telefoon in de winkel afgeven en kreeg meteen een leentoestel mee.",),
    },
    "sim.device_back": {
        "bad": (
            "Na {waited} kreeg ik hem terug. En je raadt het al: weer geen bereik.",
            "Toen de telefoon terugkwam, deed hij het nog steeds niet. Er was dus helemaal niets mis mee.",
        ),
        "normal": ("Na {waited} kreeg ik de telefoon terug, maar het probleem was er nog.",),
    },
    "sim.wife": {
        "bad": (
            "{partner_cap} wilde voor mij bellen, want ik werk overdag. Maar dat mocht niet, ik moest zelf bellen.",
            "{partner_cap} belde, maar kreeg te horen dat ze alleen mij te woord mochten staan. Terwijl ik de hele dag op de bouw sta.",
        ),
        "normal": ("{partner_cap} heeft gebeld, maar ze wilden het toch met mij zelf bespreken.",),
    },
    "sim.call_again": {
        "bad": ("Dus ik weer bellen. Weer alles uitleggen.",),
        "normal": (
            "Dus ik zelf weer bellen. Dit keer hoefde ik gelukkig niet zo lang te wachten.",
            "Ik heb opnieuw gebeld, dit keer ging het sneller.",
        ),
        "excellent": ("Ik belde opnieuw en werd nu meteen goed geholpen.",),
    },
    "sim.defect": {
        "bad": ("Toen bleek ineens de simkaart defect. Waarom heeft niemand dat meteen gecontroleerd?",),
        "normal": (
            "Nu werd er gezegd dat de simkaart defect was. Ik zou binnen twee werkdagen een nieuwe krijgen.",
            "De simkaart was kapot, kreeg ik te horen. Er zou een nieuwe worden gestuurd.",
        ),
        "excellent": ("De monteur zag meteen dat het de simkaart was en regelde direct een nieuwe.",),
    },
    "sim.chase": {
        "bad": (
            "Na {waited} nog steeds geen simkaart. Ik heb weer gebeld en kreeg te horen dat het nog wel tien dagen kon duren.",
            "Twee werkdagen, zeiden ze. Ik heb na {waited} gebeld: de leverancier had 'een achterstand'.",
        ),
        "normal": ("Ik heb nog een keer gebeld om te vragen waar de simkaart bleef.",),
    },
    "sim.delivered": {
        "bad": (
            "Pas na {since_promise} kwam de nieuwe simkaart binnen. Twee werkdagen, hadden ze gezegd. Zo lang zonder telefoon, voor iemand die zijn klanten moet kunnen bereiken!",
            "Uiteindelijk kwam de simkaart na {since_promise}. Wat een service.",
        ),
        "normal": ("De nieuwe simkaart kwam na {since_promise} met de post en daarna deed alles het weer.",),
        "excellent": ("De simkaart lag keurig binnen twee dagen in de bus, precies zoals beloofd.",),
    },
    "hold.menu": {
        "bad": (
            "Ik heb {hold} minuten in de wacht gestaan. {hold} minuten! Met steeds hetzelfde muziekje.",
            "Eerst een keuzemenu dat nergens op sloeg, toen {hold} minuten wachten. Ik had bijna opgehangen.",
            "Het computerbandje leek erop gemaakt dat je de telefoon neerlegt. Daarna nog {hold} minuten wachtmuziek.",
        ),
        "normal": ("Ik moest een tijdje wachten voordat ik iemand aan de lijn had.",),
    },
    "hold.answer": {
        "bad": ("Toen ik eindelijk iemand had, moest ik eerst mijn hele verhaal doen en daarna nog mijn naam en adres.",),
        "normal": (
            "Uiteindelijk kreeg ik een echt mens te spreken, die wel vriendelijk was.",
            "De medewerker was vriendelijk en noteerde mijn vraag.",
        ),
        "excellent": ("De medewerker verontschuldigde zich voor het wachten en nam echt de tijd voor me.",),
    },
    "hold.note_only": {
        "bad": (
            "Veel meer dan noteren wat me was overkomen leverde het gesprek niet op.",
            "Ze schreef alles op, maar oplossen kon ze niets. 'Dat moet via een andere afdeling.'",
        ),
        "normal": ("Ze noteerde alles en zou het doorgeven.",),
    },
    "bill.intake": {
        "bad": ("Ik {verb} over mijn factuur, die veel hoger was dan normaal. Ik snapte er niks van.",),
        "normal": (
            "Ik {verb} over mijn factuur van deze maand, want er stond een bedrag op dat ik niet herkende.",
            "Mijn rekening was ineens hoger, dus ik {verb} om uitleg.",
        ),
        "excellent": ("Ik {verb} over mijn factuur en werd meteen geholpen door {agent}.",),
    },
    "bill.explain": {
        "bad": ("De uitleg was zo ingewikkeld dat ik het na afloop nog steeds niet begreep.",),
        "normal": ("De medewerker legde uit waar het bedrag vandaan kwam.",),
        "excellent": (
            "{agent} nam de factuur regel voor regel met me door. Eindelijk snapte ik het.",
            "Binnen vijf minuten was duidelijk wat er mis was gegaan. Heel helder uitgelegd.",
        ),
    },
    "bill.correct": {
        "bad": ("De creditnota klopte ook weer niet.",),
        "normal": ("Ik kreeg een creditnota voor het verschil.", "Het bedrag werd gecorrigeerd."),
        "excellent": ("Het geld stond binnen twee dagen terug op mijn rekening.",),
    },
    "letter.sent": {
        "bad": (
            "Ik kreeg een brief over {topic}. Die brief snapt toch niemand?",
            "Er viel een brief op de mat vol juridische termen. Ik heb hem drie keer gelezen en wist nog steeds niet wat ik moest doen.",
            "De brief ging over {topic}, denk ik. Helemaal zeker weet ik het nog steeds niet.",
        ),
        "normal": ("Ik kreeg een brief over {topic}.",),
    },
    "letter.call": {
        "bad": ("Ik belde om te vragen wat die brief betekende, maar de klantenservice wist het ook niet.",),
        "normal": (
            "Ik {verb} om te vragen wat er nu eigenlijk van mij verwacht werd.",
            "Dus ik {verb}: wat moet ik hiermee?",
        ),
        "excellent": ("Ik belde en de medewerker had de brief meteen voor zich en legde het rustig uit.",),
    },
    "letter.nobody": {
        "bad": (
            "Niemand aan de telefoon kon me uitleggen wat er in de brief stond. 'Die komt van een andere afdeling.'",
            "Ze moesten het navragen bij de afdeling die de brief had gestuurd.",
        ),
        "normal": ("De medewerker moest het even navragen.",),
    },
    "letter.explained": {
        "bad": ("Ik werd teruggebeld, maar het werd er niet duidelijker op.",),
        "normal": ("Iemand van {team} belde me terug en legde uit wat de brief betekende.",),
        "excellent": (
            "{agent} belde me terug, legde in gewone taal uit wat er stond en zei dat ze de brief zouden aanpassen.",
            "De uitleg was helder. Waarom kan dat niet gewoon in de brief?",
        ),
    },
    "outage.report": {
        "bad": ("Ik had al twee dagen geen internet en moest dat zelf melden.",),
        "normal": (
            "Ik {verb} omdat mijn internet eruit lag.",
            "Ik meldde een storing: geen internet en geen tv.",
        ),
        "excellent": ("Ik meldde de storing en kreeg meteen te horen dat ze ermee bezig waren.",),
    },
    "outage.update": {
        "bad": ("De update die ik kreeg zei alleen dat ze 'ermee bezig' waren.",),
        "normal": ("Ik kreeg een berichtje dat er een storing in de wijk was.",),
        "excellent": (
            "Ik kreeg een WhatsApp-bericht met uitleg en een verwachte hersteltijd. Zo wil ik het.",
            "Ze hielden me netjes op de hoogte, elke paar uur een update.",
        ),
    },
    "outage.engineer": {
        "bad": ("De monteur kon pas over drie dagen komen.",),
        "normal": ("Er werd een monteur ingepland.",),
        "excellent": ("Er kwam dezelfde dag nog een monteur.",),
    },
    "outage.fixed": {
        "bad": ("Na {waited} deed alles het weer. Compensatie moest ik zelf aanvragen.",),
        "normal": ("Na {waited} was de storing verholpen.", "Daarna werkte alles weer."),
        "excellent": (
            "De storing was sneller opgelost dan beloofd, en ik kreeg vanzelf een tegemoetkoming.",
            "Binnen een paar uur werkte alles weer. Knap gedaan.",
        ),
    },
    "cancel.request": {
        "bad": ("Ik wilde opzeggen, maar dat kon alleen telefonisch.",),
        "normal": (
            "Ik {verb} om mijn abonnement op te zeggen.",
            "Ik wilde mijn contract beëindigen, ik ga naar een andere aanbieder.",
        ),
        "excellent": ("Opzeggen kon gewoon online, dat was zo gebeurd.",),
    },
    "cancel.retention": {
        "bad": (
            "Ik werd gebeld met het ene aanbod na het andere. Ik had toch duidelijk gezegd dat ik wilde opzeggen?",
            "Een verkoper bleef maar doordrammen over een 'speciale aanbieding'. Ik wil gewoon weg.",
        ),
        "normal": ("Ze belden nog met een aanbod om te blijven. Vriendelijk, maar niet nodig.",),
    },
    "cancel.confirmed": {
        "bad": ("De bevestiging van mijn opzegging kwam pas na {waited}, en de datum klopte niet.",),
        "normal": ("Ik kreeg een mail dat de opzegging was verwerkt en dat de eindafrekening binnen vijf werkdagen zou komen.",),
        "excellent": ("Binnen een dag had ik een heldere bevestiging met alle data erin.",),
    },
    "cancel.final_bill": {
        "bad": ("De eindafrekening kwam pas na {since_promise}, veel later dan beloofd.",),
        "normal": ("Daarna kwam de eindafrekening per post.",),
        "excellent": ("De eindafrekening was duidelijk en ik kreeg zelfs nog geld terug.",),
    },
    "cancel.wrong_bill": {
        "bad": (
            "Op de eindafrekening stond nog een maand te veel. Dus weer bellen.",
            "De eindafrekening klopte niet, ze rekenden door tot na mijn opzegdatum.",
        ),
        "normal": ("Ik had nog een vraag over de eindafrekening.",),
    },
    "online.broken": {
        "bad": (
            "Ik wilde het online regelen, maar hun online systeem werkte niet!",
            "In Mijn Dijkzicht kreeg ik steeds een foutmelding. Dus toch maar {verb_inf}.",
            "Het formulier op de site bleef hangen bij de laatste stap. Drie keer geprobeerd.",
        ),
        "normal": ("Online lukte het niet, dus ik {verb}.",),
    },
    "online.workaround": {
        "bad": ("De medewerker zei dat ik het 'gewoon online' moest doen. Dat was nou juist het probleem.",),
        "normal": ("De medewerker heeft het toen met de hand voor me ingevoerd.",),
        "excellent": ("De medewerker regelde het meteen zelf in het systeem. Fijn.",),
    },
    "online.again": {
        "bad": (
            "Na {waited} nog eens geprobeerd. Nog steeds dezelfde foutmelding.",
            "Ik heb het later weer geprobeerd, maar de website deed het nog steeds niet.",
        ),
        "normal": ("Later nog eens geprobeerd, toen ging het half.",),
    },
    "repeat.first": {
        "bad": ("Ik belde en deed mijn verhaal. Lang verhaal, maar goed.",),
        "normal": ("Ik belde en legde uit wat er aan de hand was.", "Ik belde over {topic} en vertelde alles."),
        "excellent": ("Ik belde en de eerste medewerker luisterde goed.",),
    },
    "repeat.second": {
        "bad": (
            "Bij de volgende medewerker kon ik weer helemaal opnieuw beginnen.",
            "Weer alles uitleggen. Schrijven ze dan niets op?",
        ),
        "normal": ("De volgende medewerker vroeg nog een keer naar de details.",),
    },
    "repeat.third": {
        "bad": (
            "Toen werd ik teruggebeld door weer iemand anders, en voor de derde keer deed ik mijn verhaal. Ik moest mijn verhaal telkens opnieuw vertellen, schrijven ze niets op?",
            "Derde medewerker, derde keer hetzelfde verhaal. Het stond nergens in het systeem.",
        ),
        "normal": ("Ik werd teruggebeld en moest het nog een keer kort uitleggen.",),
    },
    "meeting.ask": {
        "bad": (
            "Ik belde om mijn behandelaar te spreken. Die zat in een vergadering.",
            "Ik kreeg ze niet te pakken, ze zijn altijd in vergadering.",
            "Ik vroeg naar {owner}. 'Die zit in overleg, ze belt u vandaag nog terug.'",
        ),
        "normal": ("Ik vroeg naar mijn behandelaar, die zou me terugbellen.",),
    },
    "meeting.again": {
        "bad": (
            "Niet teruggebeld. Dus ik belde weer: weer in vergadering.",
            "Ik heb het nog eens geprobeerd. 'Ze is in een overleg.' Altijd in een overleg.",
            "Weer gebeld, weer niet bereikbaar. Ik begon me af te vragen of die persoon wel bestond.",
        ),
        "normal": ("Ik heb nog een keer gebeld, ze was nog niet beschikbaar.",),
    },
    "meeting.callback": {
        "bad": ("Na {since_promise} belde {owner} eindelijk terug, zonder uitleg waarom het zo lang duurde.",),
        "normal": ("Uiteindelijk belde {owner} me terug.",),
        "excellent": ("{owner} belde terug, bood excuses aan en had het meteen opgelost.",),
    },
    "noanswer.mail": {
        "bad": ("Ik stuurde een e-mail en kreeg alleen een automatisch antwoord.",),
        "normal": (
            "Ik stuurde een e-mail over {topic}.",
            "Ik heb per mail om uitleg gevraagd over {topic}.",
        ),
        "excellent": ("Ik mailde over {topic} en kreeg dezelfde dag een persoonlijk antwoord.",),
    },
    "noanswer.reminder": {
        "bad": (
            "Na {waited} had ik nog steeds niets gehoord. Ik stuurde een herinnering.",
            "Het duurde weken voordat ik antwoord kreeg. Na {waited} heb ik maar een herinnering gestuurd.",
        ),
        "normal": ("Ik heb na {waited} nog een herinnering gestuurd.",),
    },
    "noanswer.reminder2": {
        "bad": (
            "Ook op de herinnering kwam niets, dus ik heb gebeld. Mijn mail was 'in behandeling'.",
            "Toen maar gebeld. Ze konden mijn mail niet eens vinden.",
        ),
        "normal": ("Ik heb ook nog gebeld om te vragen hoe het ermee stond.",),
    },
    "noanswer.answer": {
        "bad": ("Na {since_promise} kwam er een antwoord, dat mijn vraag niet eens beantwoordde.",),
        "normal": ("Uiteindelijk kreeg ik per mail een antwoord.", "Na {since_promise} kwam het antwoord."),
        "excellent": ("Het antwoord was uitgebreid en helemaal duidelijk.",),
    },
    "fiber.order": {
        "bad": ("Ik vroeg glasvezel aan, wat al meteen ingewikkeld was.",),
        "normal": ("We vroegen een glasvezelaansluiting aan.", "Ik {verb} om glasvezel aan te vragen."),
        "excellent": ("Glasvezel aanvragen ging heel vlot, binnen tien minuten geregeld.",),
    },
    "fiber.plan": {
        "bad": ("De afspraak met de monteur kon pas over twee weken.",),
        "normal": ("Ik kreeg een mail met een afspraak voor de installatie, tussen 8 en 13 uur.",),
        "excellent": ("Ik mocht zelf een moment kiezen voor de installatie. Handig.",),
    },
    "fiber.noshow": {
        "bad": (
            "Ik had een dag vrij genomen, maar de monteur kwam niet opdagen. Niemand belde af.",
            "Tussen 8 en 13 uur, zeiden ze. Om drie uur 's middags nog niemand gezien.",
        ),
        "normal": ("De monteur kwam niet op de afgesproken dag.",),
    },
    "fiber.install": {
        "bad": ("De monteur was er uiteindelijk, maar liet een bende achter.",),
        "normal": ("De monteur heeft alles aangelegd.", "De installatie zelf ging prima."),
        "excellent": ("De monteur was keurig, legde alles uit en ruimde zelfs op.",),
    },
    "survey.call1": {
        "bad": (
            "Daarna belde een dame of ze vijf vragen mocht stellen. De eerste: of de monteur ons netjes te woord had gestaan. Ja, maar daar gaat het toch niet om?",
            "Toen kwam de enquête. Onbenullige vragen, en toen ik iets anders wilde vertellen, stond dat niet op haar lijstje.",
        ),
        "normal": ("Ik werd gebeld voor een tevredenheidsonderzoek.",),
    },
    "survey.call2": {
        "bad": (
            "Een week later kreeg ik een mail met precies dezelfde vragen. Weten ze dat zelf niet?",
            "En daarna nog een keer dezelfde enquête, nu per mail. Twee keer hetzelfde vragen en niks doen met het antwoord.",
        ),
        "normal": ("Later kwam er nog een enquête per mail.",),
    },
    "great.intake": {
        "bad": ("Ik {verb} over {topic}, met weinig hoop.",),
        "normal": ("Ik {verb} over {topic}.",),
        "excellent": (
            "Ik {verb} over {topic}. Binnen een minuut had ik {agent} aan de lijn.",
            "Ik {verb} over {topic} en werd direct geholpen, zonder keuzemenu.",
        ),
    },
    "great.solved": {
        "normal": ("Het werd in één keer opgelost.",),
        "excellent": (
            "{agent} stelde eerst een paar vragen, vatte samen wat ik bedoelde en loste het meteen op.",
            "Ze luisterde echt, vroeg door en regelde het tijdens het gesprek. Mijn verwachtingen werden overtroffen.",
            "In één gesprek opgelost, en ze zei dat ze de volgende dag even zou nabellen.",
        ),
    },
    "great.followup": {
        "bad": ("Ze zou de volgende dag nabellen. Pas na {since_promise} hoorde ik weer iets.",),
        "normal": ("De volgende dag werd ik nagebeld.",),
        "excellent": (
            "De volgende dag belde {agent} inderdaad even na om te horen of alles werkte. Dat maak je zelden mee.",
            "En ze belde de volgende dag echt terug, zoals beloofd. Chapeau.",
        ),
    },
    "order.placed": {
        "bad": ("Ik bestelde online een nieuwe telefoon. De webshop liep twee keer vast bij het betalen.",),
        "normal": ("Ik bestelde online een nieuwe telefoon met {product}.", "Via de webshop bestelde ik {topic}."),
        "excellent": ("Bestellen ging in een paar minuten, heel overzichtelijk.",),
    },
    "order.delivered": {
        "bad": ("Twee werkdagen, stond er. Het pakket kwam pas na {since_promise}.", "De bezorger belde niet aan en nam het pakket weer mee."),
        "normal": ("Het pakket werd netjes bezorgd.", "Na {since_promise} had ik de telefoon in huis."),
        "excellent": ("De volgende ochtend stond de bezorger al voor de deur. Top!",),
    },
    "move.request": {
        "bad": ("Ik gaf mijn verhuizing door, maar dat kon alleen met een papieren formulier.",),
        "normal": ("Ik gaf mijn verhuizing door.", "Ik {verb} om mijn nieuwe adres door te geven."),
        "excellent": ("Mijn verhuizing doorgeven ging razendsnel.",),
    },
    "move.missed": {
        "bad": ("Ik was een afspraak vergeten, dat geef ik toe, maar een nieuwe afspraak duurde weer twee weken.",),
        "normal": ("Ik had de afspraak gemist, dus er moest een nieuwe worden gemaakt.",),
        "excellent": ("Ik had de afspraak gemist, maar ze planden zonder gedoe een nieuwe.",),
    },
    "move.done": {
        "bad": ("Het was geregeld, maar op mijn oude adres kwam nog steeds post.",),
        "normal": ("Daarna was de verhuizing verwerkt.",),
        "excellent": ("Alles was op tijd geregeld: internet werkte op de eerste dag in het nieuwe huis.",),
    },
}
# fmt: on
