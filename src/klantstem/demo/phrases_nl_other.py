"""How Dutch-speaking customers tell the steps of car, restaurant and group-wide cases, per appraisal.

Written for this project. Slots in braces are filled per case (see texts.py).
"""

# ruff: noqa: E501  (prose: sentences are not wrapped)

from __future__ import annotations

# fmt: off
OTHER: dict[str, dict[str, tuple[str, ...]]] = {
    "proef.request": {
        "bad": ("Ik vroeg online een proefrit aan, dat formulier was nogal lang.",),
        "normal": (
            "Ik had mijn oog laten vallen op de {model} en vroeg online een proefrit aan.",
            "Via de website vroeg ik een proefrit aan in de {model}.",
        ),
        "excellent": ("Een proefrit aanvragen ging heel makkelijk via de site. Er stond dat ik binnen 30 minuten gebeld zou worden.",),
    },
    "proef.callback": {
        "bad": ("Ik werd niet binnen 30 minuten gebeld, maar pas de volgende dag.",),
        "normal": ("Ik werd gebeld door de klantenservice, zoals beloofd.",),
        "excellent": (
            "Binnen 30 minuten werd ik gebeld, precies zoals op de site stond. Dat is snel!",
            "Ik werd keurig binnen het half uur gebeld. De medewerkster vertelde vriendelijk wat ik had ingevuld.",
        ),
    },
    "proef.to_dealer": {
        "bad": ("Ze gaven mijn gegevens door aan de dealer, en daar hield het op.",),
        "normal": (
            "Mijn gegevens werden doorgegeven aan de dealer bij mij in de buurt. Die zou contact opnemen voor een afspraak.",
            "Ze zei dat {dealer} contact met me zou opnemen om een afspraak te maken.",
        ),
        "excellent": ("Ze zette alles meteen door naar {dealer} en vertelde precies wat er nu ging gebeuren.",),
    },
    "proef.dealer_call": {
        "bad": ("De dealer belde, maar wist niet welke auto ik wilde proberen.",),
        "normal": ("{dealer} belde me om een afspraak te maken.",),
        "excellent": ("{dealer} belde dezelfde dag en we hadden zo een afspraak.",),
    },
    "proef.chase": {
        "bad": (
            "Ik wachtte uiteindelijk {waited}. Toen heb ik zelf de klantenservice gebeld en kreeg te horen dat ik beter rechtstreeks de dealer kon bellen.",
            "Na {waited} nog niets van de dealer gehoord. Dus zelf gebeld. 'Dan moet u even bij de dealer zelf zijn, meneer.'",
        ),
        "normal": ("Na {waited} belde ik zelf maar eens.",),
    },
    "proef.dealer_maze": {
        "bad": (
            "Bij de dealer werd ik doorverbonden, en nog een keer. 'Niemand kan in de agenda kijken.'",
            "Weer de dealer gebeld. Weer doorverbonden. Weer iemand die niet in de agenda kon.",
            "Ik heb {dealer} gebeld en kreeg iemand die van niets wist.",
        ),
        "normal": ("Ik belde de dealer nog een keer.",),
    },
    "proef.planned": {
        "bad": ("Na drie keer bellen stond de proefrit dan eindelijk gepland.",),
        "normal": ("De proefrit werd ingepland.", "Uiteindelijk stond de proefrit gepland."),
        "excellent": ("De proefrit werd op een moment gepland dat mij goed uitkwam.",),
    },
    "proef.drive": {
        "bad": (
            "Voor ik het wist was het uurtje proefrijden voorbij. Ik had een goede indruk van de auto, maar wist nog niks van de technische snufjes.",
            "Tijdens de proefrit kon de verkoper geen enkele vraag over de techniek beantwoorden.",
        ),
        "normal": ("De proefrit zelf was prima, de auto rijdt lekker.", "Ik heb een uurtje in de {model} gereden."),
        "excellent": ("De verkoper nam alle tijd en liet alle snufjes zien. Geweldige proefrit.",),
    },
    "proef.whatsapp": {
        "bad": ("Ik deelde mijn ervaringen via WhatsApp op de website. Daar kwam nooit een reactie op.",),
        "normal": (
            "Via de WhatsApp op de website deelde ik mijn ervaringen en gaf ik tips hoe het beter kon.",
            "Ik stuurde via WhatsApp wat feedback over hoe het gegaan was.",
        ),
        "excellent": ("Via WhatsApp gaf ik feedback en kreeg meteen een bedankje.",),
    },
    "proef.aftersales1": {
        "bad": ("Na ongeveer een maand belde aftersales. Ik moest alles opnieuw vertellen, want mijn WhatsApp-bericht was nergens te vinden.",),
        "normal": (
            "Na ongeveer een maand kreeg ik een telefoontje van aftersales: hoe was de proefrit? Ik vertelde nogmaals mijn ervaringen. Ze vond het vervelend voor me en bedankte me.",
            "Een maand later belde iemand van aftersales om te vragen hoe de proefrit was.",
        ),
        "excellent": ("Aftersales belde, had mijn feedback gelezen en vertelde wat ze ermee gingen doen.",),
    },
    "proef.aftersales2": {
        "bad": (
            "En toen werd ik opnieuw gebeld, met dezelfde vraag. Zucht. 'O, daarover staat niks in het systeem.' Ik heb opgehangen.",
            "Weer een telefoontje: hoe was de proefrit? Voor de derde keer vertelde ik alles. 'Daar staat niets over in het systeem, we hadden wat problemen.'",
        ),
        "normal": ("Later belden ze nog een keer met dezelfde vraag.",),
    },
    "service.book": {
        "bad": ("Ik wilde de {model} laten onderhouden, maar online plannen kon niet.",),
        "normal": (
            "Ik {verb} om een onderhoudsbeurt voor de {model} in te plannen.",
            "Ik maakte een afspraak voor de jaarlijkse beurt.",
        ),
        "excellent": ("Onderhoud inplannen ging in twee minuten, met een keuze uit drie momenten.",),
    },
    "service.planned": {
        "bad": ("De bevestiging noemde een andere vestiging dan ik had gekozen.",),
        "normal": ("Ik kreeg een bevestiging van {dealer} met de datum.",),
        "excellent": ("{dealer} bevestigde meteen en bood een leenauto aan.",),
    },
    "service.noshow": {
        "bad": ("Ik was de afspraak vergeten. Er kwam geen herinnering, dat zou wel fijn zijn.",),
        "normal": ("Ik kon de afspraak niet halen en moest opnieuw plannen.",),
        "excellent": ("Ik had de afspraak gemist, maar ze belden meteen om een nieuwe te maken.",),
    },
    "service.done": {
        "bad": ("De auto was pas aan het eind van de dag klaar, terwijl hij om twaalf uur klaar zou zijn.",),
        "normal": ("De beurt is uitgevoerd.", "Het onderhoud ging zoals verwacht."),
        "excellent": (
            "De auto was eerder klaar dan gezegd, gewassen en wel. De monteur legde uit wat hij had gedaan.",
            "Top geregeld bij {dealer}: koffie, uitleg en de auto op tijd klaar.",
        ),
    },
    "service.extra_cost": {
        "bad": (
            "Daarna kwam er een rekening voor meerwerk waar niemand iets over had gezegd.",
            "Er stond meerwerk op de factuur zonder dat ze even hadden gebeld.",
        ),
        "normal": ("Er kwam nog een rekening voor extra werk.",),
    },
    "lease.request": {
        "bad": ("Ik vroeg een offerte aan voor private lease. Dat was een heel gedoe met formulieren.",),
        "normal": ("Ik vroeg een offerte aan voor private lease van de {model}.", "Ik {verb} voor een leaseofferte."),
        "excellent": ("Ik vroeg een offerte aan en kreeg dezelfde dag een helder voorstel.",),
    },
    "lease.offer": {
        "bad": ("De offerte stond vol kleine lettertjes.",),
        "normal": ("Ik kreeg de offerte en het contract per mail.",),
        "excellent": ("De offerte was overzichtelijk, alles stond erin.",),
    },
    "lease.unsigned": {
        "bad": ("Blijkbaar was het contract niet goed ondertekend. Dat hoorde ik pas na {waited}.",),
        "normal": (
            "Ik had het contract teruggestuurd, maar er ontbrak een handtekening op pagina vier.",
            "Het contract kwam terug omdat ik één handtekening was vergeten.",
        ),
        "excellent": ("Ze zagen dat er een handtekening ontbrak en belden meteen om het uit te leggen.",),
    },
    "lease.delivery": {
        "bad": ("De auto werd twee weken later afgeleverd dan afgesproken.",),
        "normal": ("Daarna werd de auto afgeleverd.",),
        "excellent": (
            "De aflevering was een feestje: de auto stond klaar met een strik erom en alles werd uitgelegd.",
            "Bij de aflevering nam de verkoper een uur de tijd om alles te laten zien.",
        ),
    },
    "wa.feedback": {
        "bad": ("Ik stuurde via WhatsApp een klacht, met foto's erbij.",),
        "normal": (
            "Ik stuurde mijn feedback via WhatsApp, zoals op de site stond.",
            "Ik heb via WhatsApp laten weten wat er mis ging.",
        ),
        "excellent": ("Via WhatsApp kon ik makkelijk mijn verhaal kwijt.",),
    },
    "wa.again": {
        "bad": (
            "Na {waited} nog steeds geen reactie, dus ik stuurde het opnieuw.",
            "Ik heb het nog maar eens gestuurd. Lezen ze die berichten eigenlijk wel?",
        ),
        "normal": ("Ik stuurde mijn bericht nog een keer.",),
    },
    "wa.nothing": {
        "bad": (
            "'Daar is bij ons niets van bekend', kreeg ik te horen. Mijn eerste bericht was gewoon kwijt.",
            "Ze konden mijn eerdere bericht nergens vinden. Alles wat ik had geschreven was weg.",
        ),
        "normal": ("Ze konden mijn eerste bericht niet vinden, dus ik moest het opnieuw uitleggen.",),
    },
    "mandate.claim": {
        "bad": ("Ik vroeg om een vergoeding voor de schade, en voelde me meteen een zeurpiet.",),
        "normal": (
            "Ik {verb} om een vergoeding te vragen voor de dagen zonder internet.",
            "Ik vroeg om compensatie, want ik had echt kosten gemaakt.",
        ),
        "excellent": ("Ik vroeg om compensatie en werd serieus genomen.",),
    },
    "mandate.no": {
        "bad": (
            "De medewerker mocht daar niets over beslissen. 'Dat moet ik voorleggen.'",
            "Ze gaf eerlijk toe dat ze het wel wilde, maar dat ze het niet mocht. Geen mandaat.",
            "'Maar meneer, dat kan helemaal niet wat u zegt!' Terwijl ik het zwart op wit had.",
        ),
        "normal": ("De medewerker moest het voorleggen aan een collega.",),
    },
    "mandate.decision": {
        "bad": ("Na {waited} kwam er een besluit: een tegoed van vijf euro.",),
        "normal": ("Na {waited} kreeg ik een vergoeding toegekend.",),
        "excellent": ("Ik kreeg meer vergoed dan ik had gevraagd. Dat had ik niet verwacht.",),
    },
    "mandate.letter": {
        "bad": ("Het besluit kwam per brief, in zulke ambtelijke taal dat ik het twee keer moest lezen.",),
        "normal": ("Daarna kwam er een brief met het besluit.",),
        "excellent": ("De brief was kort en duidelijk, met een persoonlijke zin erbij.",),
    },
    "soup.order": {
        "bad": ("We bestelden een kom soep. Het was happy hour en eigenlijk best rustig.",),
        "normal": (
            "Op {weekday}avond tijdens de happy hour bestelde ik een kom soep.",
            "We zaten met vrienden in de brasserie en ik bestelde alvast de soep van de dag.",
        ),
        "excellent": ("We werden vriendelijk ontvangen en bestelden snel.",),
    },
    "soup.served": {
        "bad": (
            "Ik heb meer dan drie kwartier moeten wachten op die soep. Er waren niet eens zoveel mensen.",
            "{waited} wachten op een kom soep. Soep! Hoe gaan ze het bolwerken als het druk is?",
            "Waarom zijn jullie hier zo tergend traag? Ruim drie kwartier voor een soepje.",
        ),
        "normal": ("De soep kwam na {waited}, wat wel erg lang was.",),
    },
    "soup.complain": {
        "bad": (
            "Toen ik er iets van zei, keek de ober me aan met een gezicht van: wat zeur je nou, wees blij dat je je soep hebt.",
            "De ober zei niks, maar zijn blik zei genoeg: mensen met een hoofdgerecht wachten nog langer.",
        ),
        "normal": ("Ik heb het tegen de ober gezegd. Hij knikte alleen maar.",),
    },
    "soup.review": {
        "bad": (
            "Thuis heb ik een review geschreven. Daar ga ik niet meer naartoe.",
            "Ik heb het online gezet, zodat anderen gewaarschuwd zijn.",
        ),
        "normal": ("Ik heb er een review over geschreven.",),
    },
    "soup.reply": {
        "bad": ("Op de review kwam een standaardreactie met 'excuses voor het ongemak'.",),
        "normal": ("De brasserie reageerde op mijn review.",),
        "excellent": ("De eigenaar reageerde persoonlijk en nodigde me uit om nog eens te komen.",),
    },
    "top.booking": {
        "bad": ("Reserveren ging wat stroef.",),
        "normal": ("We reserveerden een tafel voor {guests} personen.",),
        "excellent": ("Reserveren ging makkelijk, en ze vroegen meteen naar allergieën.",),
    },
    "top.welcome": {
        "normal": ("We werden ontvangen en naar onze tafel gebracht.",),
        "excellent": (
            "We werden vriendelijk ontvangen en naar de tafel begeleid waar onze vrienden al aan een drankje zaten.",
            "Bij binnenkomst werden we bij naam begroet. Dat voelde meteen goed.",
        ),
    },
    "top.service": {
        "normal": ("De bediening was vriendelijk.",),
        "excellent": (
            "De hele avond was de bediening er op het juiste moment: niet opdringerig, maar ze hielden ons in het oog.",
            "We hoefden nooit te zwaaien, er was altijd iemand op het goede moment.",
        ),
    },
    "top.food": {
        "normal": ("Het eten was goed.",),
        "excellent": ("Het eten was bovendien heerlijk.", "Elk gerecht was een feestje. Echt heerlijk gegeten."),
    },
    "top.coats": {
        "normal": ("Aan het eind rekenden we af en gingen naar huis.",),
        "excellent": (
            "Toen we opstapten werden we vriendelijk in onze jassen geholpen en gedag gezegd.",
            "Bij het weggaan hielpen ze ons in de jas. Dat soort kleine dingen maakt het.",
        ),
    },
    "top.review": {
        "normal": ("Ik heb een positieve review geschreven.",),
        "excellent": ("Ik heb meteen een lovende review geschreven. Verdiend!",),
    },
    "res.booking": {
        "bad": ("Ik reserveerde een tafel, maar kreeg geen bevestiging in mijn mailbox.",),
        "normal": ("Ik reserveerde een tafel voor {guests} personen.", "Ik {verb} om een tafel te reserveren."),
        "excellent": ("Reserveren ging snel en persoonlijk.",),
    },
    "res.arrive": {
        "bad": ("De tafel stond klaar, maar de bediening was chaotisch.",),
        "normal": ("Onze tafel stond klaar.",),
        "excellent": ("Onze tafel stond klaar, met een kaartje met onze naam erop.",),
    },
    "res.arrive_late": {
        "bad": (
            "Onze reservering was nergens te vinden. We moesten {waited} aan de bar wachten.",
            "Bij aankomst bleek onze tafel aan iemand anders gegeven. Twintig minuten staan wachten met {guests} man.",
        ),
        "normal": ("Onze reservering was even zoek, maar er kwam snel een tafel vrij.",),
    },
    "res.complain": {
        "bad": ("Ik heb een klacht gemaild over de reservering.", "Ik mailde de volgende dag mijn ongenoegen."),
        "normal": ("Ik heb laten weten wat er mis ging.",),
    },
    "res.voucher": {
        "bad": ("Ze boden een tegoedbon aan, maar zonder echt excuus.",),
        "normal": ("Ze boden excuses aan en een tegoedbon.",),
        "excellent": ("De manager belde zelf, bood oprecht excuses aan en nodigde ons uit voor een diner.",),
    },
}
# fmt: on
