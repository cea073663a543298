"""Dutch appraisal cues, written for this project (Netherlands Dutch and Flemish forms).

Weights: about +-2 for strong words, +-1 for ordinary ones, below 0.5 for mild ones that stay "normal".
Patterns use the syntax of `patterns.py`. FACTUAL holds complaints told without an emotional word,
each with the facet it is evidence for (None when the words alone do not say which).
"""

from __future__ import annotations

from klantstem.text.tokens import word_set

# Patterns that are words of the other language too, with another meaning (English "kind" is a Dutch
# child): left out when a text in the other language is read with this lexicon as its second one.
FALSE_FRIENDS: frozenset[str] = word_set("bot ramp content vers verse direct proper* straf best wat te licht vrij zout")

# fmt: off
POSITIVE: dict[str, float] = {
    "uitstekend*": 2.0, "fantastisch*": 2.0, "geweldig*": 2.0, "perfect*": 2.0, "top": 1.8, "toppie": 1.8,
    "tip top": 1.8, "super": 1.8, "subliem*": 2.0, "voortreffelijk*": 2.0, "uitmuntend*": 2.0,
    "schitterend*": 2.0, "prachtig*": 1.8, "excellent*": 2.0, "heerlijk*": 1.8, "overheerlijk*": 2.0,
    "fenomenaal": 2.0, "onvergetelijk*": 2.0, "aanrader": 1.8, "aanbevel*": 1.5, "aan te raden": 1.5,
    "boven verwachting": 2.0, "overtroffen": 2.0, "petje af": 2.0, "chapeau": 2.0, "meer dan tevreden": 2.0,
    "dik tevreden": 2.0, "zeker terug": 1.5, "uitzonderlijk*": 1.6, "fabelachtig*": 2.0, "briljant*": 2.0,
    "fijne service": 1.5, "top service": 2.0, "toegewijd*": 1.5, "gastvrij*": 1.5, "hartelijk*": 1.3,
    "goed": 0.8, "goede": 0.8, "goeie": 0.8, "beter": 0.6, "vriendelijk*": 1.0, "klantvriendelijk*": 1.2,
    "behulpzaam*": 1.2, "attent*": 1.2, "lekker*": 1.0, "smakelijk*": 1.0, "snel": 0.8, "snelle": 0.8,
    "vlot*": 1.0, "netjes": 0.8, "fijn*": 1.0, "prettig*": 1.0, "tevreden": 1.0, "blij": 1.0, "aangenaam*": 1.0,
    "gezellig*": 1.0, "leuk*": 0.8, "mooi*": 0.8, "correct*": 0.6, "duidelijk*": 0.8, "helder*": 0.8,
    "goed geholpen": 1.5, "professioneel*": 1.0, "deskundig*": 1.0, "vakkundig*": 1.0, "kundig*": 1.0,
    "bereikbaar": 0.6, "bedankt": 0.5, "dankbaar": 0.8, "vers": 0.8, "verse": 0.8,
    "verzorgd*": 1.0, "sfeervol*": 1.0, "betaalbaar*": 0.8, "goedkoop": 0.6, "goedkope": 0.6,
    "waar voor je geld": 1.2, "waar voor ons geld": 1.2, "geduldig*": 1.0, "meedenk*": 1.0, "denkt mee": 1.2,
    "dachten mee": 1.2, "dacht mee": 1.2, "keurig*": 1.0, "zorgvuldig*": 1.0, "punctueel": 1.0, "op tijd": 0.6,
    "stipt": 0.8, "efficiënt*": 1.0, "adequaat": 0.6, "ruim*": 0.4, "rustig*": 0.4, "goed bereikbaar": 1.2,
    "gauw": 0.5, "meteen": 0.5, "direct": 0.4, "binnen no time": 1.2, "prima": 0.5, "oké": 0.4, "ok": 0.4,
    "oke": 0.4, "redelijk*": 0.3, "voldoende": 0.3, "acceptabel*": 0.3, "degelijk*": 0.5, "in orde": 0.5,
    "zoals verwacht": 0.3, "normaal": 0.2, "gewoon goed": 0.5, "zalig*": 1.8, "plezant*": 1.0, "content": 1.0,
    "tof*": 1.0, "straf": 1.0, "schoon": 0.8, "proper*": 0.8, "goe": 0.8, "keigoed*": 1.8, "keilekker*": 1.8,
    "keitof*": 1.8, "deugd": 1.0, "wreed goed": 1.8, "wreed lekker": 1.8, "nen aanrader": 1.8,
    "vriendelijke bediening": 1.2, "aardig*": 1.0, "geduld": 0.8, "overzichtelijk*": 0.8, "makkelijk*": 0.6,
    "gemakkelijk*": 0.6, "eerlijk*": 0.8, "begrijpelijk*": 0.8, "vlekkeloos": 1.5, "soepel*": 1.0,
    "merci": 0.5,
    # praise without a praise word: what good service does, told as a fact
    "eindelijk iemand": 1.2, "niets|niks aan te merken": 2.0, "niets|niks op aan te merken": 2.0,
    "niets|niks slecht|slechts ... zeggen": 1.5, "geen enkele klacht|klachten": 1.5, "nam|namen ... de tijd": 1.0,
    "voelde|voel ... gehoord": 1.5, "serieus genomen": 1.0, "zonder discussie|gedoe|moeite": 0.8,
    "in één|een keer|gesprek|telefoontje|bezoek": 0.8, "binnen één|een telefoontje|gesprek": 0.8,
    "wist|wisten ... precies|meteen|direct": 1.0, "wist|wisten ... wat er": 0.8, "met me|mij mee": 1.0,
    "meer ... dan ik|verwacht": 1.2, "sneller dan": 1.2, "hielden ... aan de afspraak": 1.5,
    "hebben|heeft ... ook gedaan": 1.0, "precies ... afgesproken|afgesproken": 1.2, "zoals afgesproken": 1.0,
    "op de hoogte gehouden|hielden": 1.2, "hoefde|hoefden ... niets|niks ... herhalen": 1.5,
    "juiste persoon|afdeling": 0.8, "voordat ik ... vroeg": 1.2, "al geregeld": 1.0, "dezelfde dag": 1.0,
    "de volgende dag|dag erna": 0.6, "supersnel*": 1.8, "razendsnel*": 1.8, "uit coulance": 1.2,
    "dank jullie|je|u wel": 0.5, "hartelijk dank": 0.8, "heel erg bedankt": 1.2,
    "uit de brand geholpen": 1.5, "bravo": 1.5, "goed bezig": 1.0, "goed geregeld": 1.2,
    # the common words of praise for service and for the people who give it
    "begripvol*": 1.2, "empathisch*": 1.2, "oplossingsgericht*": 1.2, "klantgericht*": 1.0, "proactief": 1.2,
    "proactieve": 1.2, "respectvol*": 1.2, "grondig*": 0.8, "gebruiksvriendelijk*": 1.2, "verademing": 1.8,
    "opgelucht": 1.0, "tien met een griffel": 2.0, "hulde": 1.5, "compliment*": 1.2, "pluim": 1.2,
    "dikke merci": 1.5, "meegedacht": 1.2, "meedacht": 1.2, "in een mum van tijd": 1.2, "zo geregeld": 1.0,
    "de beste": 1.5, "beste ... ooit": 2.0, "niets|niks dan lof": 2.0, "kon|kan ... niet beter": 2.0,
    "niet beter gekund": 2.0, "makkelijker|eenvoudiger|duidelijker|beter|prettiger dan": 1.2,
    "zonder problemen|poespas|omhaal|gezeur": 0.8,
    # what good service does: nothing needed from the customer, done unasked, the same or the next morning, calm
    # under pressure, explained with care
    "hoefde|hoefden ... niet|niets|niks|geen|nergens": 1.2, "hoefde|hoefden ... maar één|een keer": 1.2,
    "zonder dat ik ... vroeg|vragen|hoefde|belde": 1.2, "uit zichzelf|zichzelf": 0.8, "uit eigen beweging": 1.2,
    "dezelfde middag|ochtend|avond|week": 0.8, "de volgende ochtend|morgen|middag": 0.8,
    "bleef|bleven ... rustig|kalm|geduldig|vriendelijk|beleefd|correct": 1.2,
    "legde|legden|heeft|hebben ... alles|precies|rustig|geduldig|stap ... uit": 1.0,
    "kende|kenden|wist|wisten ... situatie|dossier|geschiedenis|verhaal|voorgeschiedenis": 1.0,
    # thanks for what someone did (not for a message: that is courtesy), intensified thanks, help judged by how it
    # went, a promise kept, nothing wrong
    "bedankt|dank ... voor ... hulp|moeite|geduld|inzet|uitleg|meedenken|hulpvaardigheid": 1.2,
    "ontzettend|enorm|superveel|hartstikke|reuze|vreselijk|duizendmaal|nogmaals|super ... bedankt": 1.2,
    "prima|snel|vlot|super|top|uitstekend|perfect|keurig|fantastisch|geweldig|netjes|fijn|correct ... geholpen": 1.2,
    "voelde|voel ... geholpen|begrepen|gehoord": 1.2, "zoals beloofd|toegezegd": 1.0,
    "doet|deed|deden|doen ... wat ... belooft|beloofde|beloofd|beloven": 1.2,
    "niets|niks mis": 0.3,
    "ga|gaan ... zo door": 1.5, "noem ik ... service": 1.8, "vijf sterren": 1.8, "fan van": 1.2,
    "met een glimlach|lach": 1.0, "raad|raden ... aan": 1.2, "aangeraden": 1.0,
    "geen|niet makkelijker|sneller|beter|eenvoudiger|vlotter|soepeler ... kunnen": 2.0,
    "precies wat ik ... nodig": 1.5, "topper": 1.8, "held": 1.2, "onder de indruk": 1.5, "afgehandeld": 0.6,
    "binnen enkele minuten": 1.0, "binnen een paar minuten": 1.0,
}

NEGATIVE: dict[str, float] = {
    "verschrikkelijk*": -2.0, "vreselijk*": -2.0, "afschuwelijk*": -2.0, "waardeloos*": -2.0,
    "waardeloze": -2.0, "belabberd*": -2.0, "bedroevend*": -2.0, "schandalig*": -2.0, "schande": -2.0,
    "rampzalig*": -2.0, "ramp": -1.8, "dramatisch*": -1.8, "abominabel*": -2.0, "onacceptabel*": -2.0,
    "onaanvaardbaar*": -2.0, "nooit meer": -2.0, "nooit weer": -2.0, "walgelijk*": -2.0, "klote": -1.8,
    "kut": -1.8, "bagger": -1.8, "onder alle kritiek": -2.0, "beneden alle peil": -2.0, "oplicht*": -2.0,
    "bedrogen": -1.8, "voor de gek gehouden": -1.8, "om te huilen": -2.0, "woedend": -1.8, "smerig*": -1.6,
    "onbeschoft*": -1.6, "respectloos": -1.6, "incompetent*": -1.6, "drama": -1.3, "ellende": -1.5,
    "puinhoop": -1.6, "janboel": -1.3, "zooitje": -1.3, "zootje": -1.3, "rommeltje": -1.0,
    "diep triest": -2.0, "nul komma nul": -1.8, "hopeloos": -1.6, "wanprestatie": -1.8, "slecht*": -1.0,
    "traag*": -1.0, "onvriendelijk*": -1.2, "onbeleefd*": -1.2, "brutaal*": -1.2, "arrogant*": -1.2,
    "ongeïnteresseerd*": -1.2, "chagrijnig*": -1.0, "nors*": -1.0, "bot": -1.0, "ontevreden": -1.0,
    "teleurgesteld*": -1.2, "teleurstel*": -1.2, "jammer": -0.6, "helaas": -0.5, "boos": -1.0, "kwaad": -1.0,
    "geïrriteerd*": -1.0, "geirriteerd*": -1.0, "irritant*": -1.0, "irritatie*": -1.0, "ergernis*": -1.0,
    "geërgerd": -1.0, "frustr*": -1.0, "balen": -1.0, "baal": -1.0, "zucht": -0.6, "klacht*": -0.6,
    "probleem": -0.6, "problemen": -0.6, "fout": -0.8, "fouten": -0.8, "vergeten": -0.8, "onduidelijk*": -1.0,
    "onbegrijpelijk*": -1.2, "onbereikbaar*": -1.2, "vies": -1.0, "vieze": -1.0, "koud": -0.6, "koude": -0.6,
    "lauw*": -0.8, "taai*": -0.8, "aangebrand*": -1.0, "duur": -0.8, "dure": -0.8, "prijzig*": -0.6,
    "langzaam*": -1.0, "rommelig*": -0.8, "vuil*": -1.0, "lawaai*": -0.8, "luidruchtig*": -0.8,
    "onprofessioneel*": -1.2, "ongeorganiseerd*": -1.0, "chaotisch*": -1.0, "chaos": -1.0, "stroef*": -0.8,
    "omslachtig*": -1.0, "bureaucratisch*": -1.0, "lastig*": -0.6, "moeizaam*": -1.0, "nalatig*": -1.0,
    "ongeduldig*": -0.8, "afgescheept": -1.3, "afgewimpeld": -1.3, "met een kluitje in het riet": -1.6,
    "gedupeerd": -1.2, "benadeeld": -1.0, "oneerlijk*": -1.0, "ongenoegen": -1.0, "tegenval*": -1.0,
    "viel|valt|vielen ... tegen": -1.0, "ontgoocheld*": -1.2, "ontgoocheling": -1.2, "onvoldoende": -1.0,
    "matig*": -0.7, "middelmatig*": -0.7, "magertjes": -0.8, "karig*": -0.6, "beperkt*": -0.4, "flauw*": -0.6,
    "smakeloos": -1.0, "zout": -0.3, "te lang": -1.0, "vervelend*": -1.0, "onhandig*": -0.8, "onzin": -1.0,
    "belachelijk*": -1.5, "absurd*": -1.3, "bizar*": -0.8, "onbenullig*": -0.8, "nutteloos": -1.2,
    "zinloos": -1.2, "ontoereikend*": -1.0, "slordig*": -1.0, "onverschillig*": -1.2, "genegeerd": -1.2,
    "niet serieus": -1.0, "ambetant*": -1.0, "zever": -1.0, "nen dikke nul": -1.8, "wreed slecht": -1.8,
    "miserie": -1.2, "ne mislukking": -1.2, "te hoog": -1.0, "te hoge": -1.0, "te weinig": -0.8,
    "te klein": -0.6, "te kleine": -0.6, "te druk": -0.8, "te ingewikkeld": -1.0, "te moeilijk": -0.8,
    "bedankt voor niets|niks": -1.5, "dank je de koekoek": -1.5, "eindeloos": -1.2, "kortaf": -1.2,
    "uitgelachen": -1.5, "afgesnauwd": -1.5, "snauw*": -1.2, "zeuren": -0.8, "leugenaar": -1.2,
    "onterecht*": -1.0, "onjuist*": -0.8, "verkeerd*": -0.8, "aan mijn|ons lot overgelaten": -1.8,
    "in rondjes": -1.2, "wachtmuziek": -0.6, "gedoe": -0.8, "lekker dan": -1.2, "was|is anders": -0.2,
    "lachertje": -1.5, "lachnummer": -1.5, "aanfluiting": -1.8, "standaardantwoord*": -0.8,
    "standaardmail*": -0.8, "automatisch antwoord|bericht": -0.8,
    # the common words of complaint: judgements, feelings, being fobbed off or misled
    "zwak*": -0.8, "ondermaats": -1.5, "onbehoorlijk*": -1.2, "neerbuigend*": -1.5, "denigrerend*": -1.5,
    "uit de hoogte": -1.2, "kafkaiaans": -1.5, "wanhopig*": -1.2, "radeloos": -1.2, "beu": -1.2,
    "ben|zijn|was|waren ... het zat": -1.5, "spuugzat": -1.8, "kotsbeu": -1.8, "klaar mee": -1.2,
    "genoeg van": -1.0, "ongehoord": -1.5,
    "te gek voor woorden": -1.5, "lamentabel": -2.0, "pover*": -1.0, "prutswerk": -1.8, "knoeiwerk": -1.5,
    "geknoei": -1.2, "amateuristisch*": -1.5, "onkundig*": -1.5, "onbekwaam*": -1.5, "stuitend": -1.5,
    "treurig*": -1.2, "triest*": -1.0, "overstuur": -1.0, "gestrest": -0.8, "stress": -0.8,
    "onmogelijk*": -0.8, "moeilijk*": -0.6, "rompslomp": -1.0, "gezeur": -0.8, "smoesje*": -1.0,
    "gelogen": -1.5, "liegen": -1.2, "misleid*": -1.5, "in de steek gelaten": -1.8,
    "aan het lijntje gehouden": -1.5, "afgepoeierd": -1.3, "onredelijk*": -1.0, "onbetrouwbaar*": -1.2,
    "onbruikbaar": -1.2, "erger": -1.0, "bah": -0.8, "onnozel*": -1.0, "om zot van te worden": -1.5,
    # questions of despair
    "hoe vaak ... nog": -1.0, "hoe kan het dat": -0.8, "hoe is het mogelijk": -1.2,
    "waarom moet|moest ik": -0.8, "wie heeft er|dit|dat bedacht": -1.2, "wie heeft bedacht": -1.2,
    # an expectation the service did not meet
    "had ... verwacht dat": -1.0, "zou ... verwachten|denken dat": -1.0, "mag ... verwachten dat": -0.8,
    # impatience: where is it, how long still, must I again, is there anyone at all
    "waar blijft|blijven": -1.2, "hoe lang ... nog": -1.0, "ooit nog": -1.0,
    "moet|moeten ik|we ... weer|opnieuw|nogmaals|alweer": -1.0, "is er ook|nou|nu ... iemand": -1.0,
    # escalation and demands: a customer who threatens to leave or to go to law has a complaint
    "geschillencommissie": -1.5, "ombudsman": -1.5, "consumentenbond": -1.2, "advocaat": -1.2,
    "juridische stappen": -1.5, "rechtszaak": -1.5, "schadevergoeding": -1.0, "compensatie": -0.8, "ik eis": -1.2,
    "eis ... terug": -1.2, "wil ... geld terug": -1.0, "andere aanbieder|leverancier|verzekeraar|provider": -0.8,
    "stap|stappen ... over naar": -1.2, "overstappen naar": -1.0, "de concurrent": -0.8,
    # the customer had to do the work: chasing, a day off, solving it alone
    "zelf achteraan|achter": -1.2, "achteraan bellen|zitten|jagen": -1.0, "vrij genomen|gevraagd": -0.8,
    "vrije dag ... opgenomen|genomen": -0.8,
    "voor niets|niks ... thuis|gewacht|gezeten|gebleven|vrij|gekomen|gereden|gebeld|opgenomen": -1.0,
    "thuis|gewacht|gezeten|gebleven|gekomen|gereden ... voor niets|niks": -1.0,
    "zelf ... uitgezocht|opgelost|geregeld|gedaan|gerepareerd|gemaakt": -1.0,
    # not even, not a single: an absence stressed
    "niet eens": -1.0, "nog niet eens": -1.0, "zelfs geen": -1.0, "geen enkele|enkel": -1.0,
    "geen excuus|excuses": -1.0,
    # being dismissed: "u moet maar afwachten", "dat ik maar moest wachten", "eigen schuld"
    "moet|moest|moeten|moesten|kan|kon|kunt ... maar ... afwachten|wachten|bellen|mailen|accepteren|betalen": -1.0,
    "maar afwachten": -1.0, "maar moest|moet|moesten|moeten ... wachten|afwachten|bellen|mailen|accepteren": -1.0,
    "wanneer ... eindelijk": -1.0, "eigen schuld": -1.2,
    "prijsverhoging*": -0.6, "prijsstijging*": -0.6,
    # what should have been, what is only said to be, what changed out of the blue, what it cost the customer
    "had|hadden ... moeten": -1.0, "zogenaamd*": -0.8, "zogezegd": -0.8, "ineens|opeens|plotseling|plots": -0.7,
    "me|mij ... gekost": -0.8, "kost|kostte ... me|mij": -0.8,
    # how it hit the customer, how they were treated
    "wakker van": -1.2, "slapeloze": -1.2, "in tranen": -1.2, "huilend": -1.0, "zo behandel*": -1.2,
    "raad|raden ... af": -1.5, "afgeraden": -1.2, "gegooid": -0.8,
    # why so long, so high; instead of what was due; more than agreed; going wrong; how it used to be
    "waarom ... zo|zoveel ... lang|hoog|duur|veel|moeilijk|ingewikkeld|traag": -1.0, "waarom duurt": -1.0,
    "hoe komt het dat": -0.6, "hoger|meer|duurder|later dan ... afgesproken|verwacht|beloofd|offerte": -1.0,
    "moest|moesten ... zelf": -1.0, "ging|gaat|liep|loopt|gingen ... mis|fout": -1.0,
    "nul reactie|hulp|communicatie": -1.2,
    "vroeger": -0.6,
    # feelings of a customer let down
    "geschokt": -1.5, "verbijsterd": -1.5, "onthutst": -1.5, "verontwaardigd": -1.5, "machteloos": -1.2,
    "moedeloos": -1.2, "pislink": -1.8, "pissig": -1.5, "schandelijk*": -2.0, "beschamend": -1.5, "schandaal": -1.8,
    "de max niet": -1.0, "ongerust": -0.6, "uitgeput": -0.8,
    "probeer|probeerde|probeerden ... al": -1.0, "van iemand anders": -1.0, "is dit|dat hoe": -1.2,
    "door ... heen praten|praatte|praatten|gepraat": -1.2,
}

# Words for a problem, which praise for solving it names ("de storing was zo verholpen"): not a complaint there.
PROBLEM_WORDS: frozenset[str] = frozenset(
    {"probleem", "problemen", "fout", "fouten", "klacht*", "storing*", "kapot", "defect*", "onterecht*"}
)

# A problem solved: praise, and it takes the sting out of the problem's word in the same clause.
RESOLVED: dict[str, float] = {
    "opgelost": 0.8, "verholpen": 1.0, "rechtgezet": 1.0, "gecorrigeerd": 0.8, "hersteld": 0.8, "gerepareerd": 0.8,
    "vervangen": 0.5, "teruggestort": 0.8, "terugbetaald": 0.8, "vergoed": 0.8, "geregeld": 0.6, "gemaakt": 0.4,
    "werkt|werken|werkte|werkten ... weer": 1.2, "weer werkt|werken": 1.2, "doet het weer": 1.2,
    "afgehandeld": 0.8,
}

# A praise word that opens a sentence ("Geweldig, weer ...") reads as irony when one of these follows
# and the sentence complains.
IRONY_MARKERS: frozenset[str] = word_set("weer wéér alweer weeral opnieuw wederom nogmaals")

NEGATORS: frozenset[str] = word_set(
    "allerminst geen geene gene nergens ni nie niemand niet niets niks noch nooit zonder "
)

INTENSIFIERS: dict[str, float] = {
    "heel": 1.5, "erg": 1.5, "zeer": 1.5, "echt": 1.3, "enorm": 1.6, "ontzettend": 1.7, "ongelooflijk": 1.7,
    "super": 1.5, "uiterst": 1.7, "bijzonder": 1.5, "hartstikke": 1.6, "reuze": 1.4, "te": 1.3, "veel": 1.2,
    "zo": 1.3, "zó": 1.4, "extreem": 1.7, "mega": 1.6, "totaal": 1.5, "volledig": 1.4, "compleet": 1.5,
    "helemaal": 1.5, "absoluut": 1.5, "werkelijk": 1.3, "uitermate": 1.7, "buitengewoon": 1.5,
    "verschrikkelijk": 1.6, "vreselijk": 1.6, "écht": 1.4, "ronduit": 1.5, "zwaar": 1.4, "kei": 1.6,
    "wreed": 1.6, "zot": 1.5, "dik": 1.4, "ferm": 1.4,
}

DOWNTONERS: dict[str, float] = {
    "beetje": 0.6, "wat": 0.7, "nogal": 0.9, "vrij": 0.8, "tamelijk": 0.8, "enigszins": 0.6, "iets": 0.7,
    "ietwat": 0.6, "licht": 0.7, "redelijk": 0.7, "best": 0.9, "vrijwel": 0.9,
}

FACTUAL: tuple[tuple[str, float, str | None], ...] = (
    # reachability
    ("altijd in vergadering", -1.2, "reachability"),
    ("in vergadering", -0.5, "reachability"),
    ("niet te pakken", -1.2, "reachability"),
    ("niet te bereiken", -1.2, "reachability"),
    ("niemand te spreken", -1.2, "reachability"),
    ("niemand aan de lijn", -1.2, "reachability"),
    ("geen gehoor", -1.0, "reachability"),
    ("nam|neemt|nemen|namen ... niet op", -1.0, "reachability"),
    ("niet opgenomen", -1.0, "reachability"),
    ("in de wacht", -0.8, "reachability"),
    ("keuzemenu*", -0.4, "reachability"),
    ("computerbandje", -0.5, "reachability"),
    ("verbinding ... verbroken", -1.0, "reachability"),
    ("lijn ... bezet", -0.8, "reachability"),
    ("niet bereikbaar", -1.2, "reachability"),
    ("slecht bereikbaar", -1.2, "reachability"),
    ("nooit iemand", -1.2, "reachability"),
    ("nooit iemand te spreken|pakken", -1.2, "reachability"),
    ("niemand te pakken", -1.2, "reachability"),
    ("buiten gebruik", -1.0, "reachability"),
    ("wordt|werd ... opgehangen", -1.2, "reachability"),
    ("alleen ... open|bereikbaar", -0.8, "reachability"),
    ("verbinding ... weg", -1.0, "reachability"),
    # trying to reach someone is told because it failed; "in gesprek", a menu that starts over
    ("probeer|probeerde|probeerden|proberen ... bereiken|pakken|spreken", -1.0, "reachability"),
    ("in gesprek", -0.6, "reachability"),
    ("telkens|steeds als|wanneer ik bel|belde", -0.6, "reachability"),
    ("elke|iedere keer als|wanneer|dat ik bel|belde", -0.6, "reachability"),
    ("kom|kwam|komt|kwamen|geraak|geraakte|geraakt ... er niet|nooit door", -1.2, "reachability"),
    ("terug naar het begin|beginscherm|hoofdmenu", -1.0, "reachability"),
    # the organisation as subject of a failure, "niemand ..."
    ("niemand|nergens", -1.0, None),
    # what should have happened and did not: delivery, answers, repairs, refunds, visits, information
    (
        "niet|nooit|geen|niets|niks ... bezorgd|geleverd|ontvangen|gekregen|aangekomen|binnengekomen|gereageerd|"
        "beantwoord|verholpen|gerepareerd|gemaakt|aangepast|verwerkt|gecorrigeerd|teruggestort|terugbetaald|"
        "vergoed|gestuurd|opgestuurd|verstuurd|gemeld|verteld|gezegd|ingelicht|bevestigd|gedaan|"
        "geregeld|gebeurd|hersteld|reageert|reageren|reageerde|terugvinden|terug|gebeld|opgehaald|geïnstalleerd|"
        "aangesloten|geactiveerd|uitbetaald|opgepakt|behandeld|ingepland|gecontacteerd|nagekeken|onderzocht",
        -1.0,
        None,
    ),
    # waiting_time
    ("duurde ... weken|maanden|dagen", -1.2, "waiting_time"),
    ("in behandeling", -0.4, "waiting_time"),
    ("op de plank", -1.0, "waiting_time"),
    ("pas na", -0.8, "waiting_time"),
    # "pas" as "not before": a late moment
    ("pas volgende|achteraf|later|overmorgen|eind|aan het eind", -0.8, "waiting_time"),
    ("pas over|binnen #", -0.8, "waiting_time"),
    ("kan|kon|komt|kwam|wordt|werd ... pas", -0.6, "waiting_time"),
    ("geleden", -0.4, None),
    ("lang ... moeten wachten", -1.0, "waiting_time"),
    ("lang wachten", -1.0, "waiting_time"),
    ("lange wachttijd*", -1.2, "waiting_time"),
    ("nog steeds geen|niet", -1.0, None),
    ("nog altijd geen|niet", -1.0, None),
    ("al dagen|weken|maanden", -0.8, None),
    ("moest|moesten|moeten ... wachten", -0.6, "waiting_time"),
    ("te laat", -1.0, "waiting_time"),
    ("vertraging*", -0.8, "waiting_time"),
    ("vertraagd", -0.8, "waiting_time"),
    ("geen reactie", -1.0, "waiting_time"),
    ("geen antwoord", -1.0, "waiting_time"),
    ("nooit antwoord", -1.2, "waiting_time"),
    ("niets|niks ... meer gehoord", -1.2, "waiting_time"),
    ("nooit meer iets gehoord", -1.2, "waiting_time"),
    ("hoor|hoorde|hoorden niets|niks", -1.0, "waiting_time"),
    ("niets|niks gehoord", -1.2, "waiting_time"),
    ("lang ... gewacht", -1.0, "waiting_time"),
    # promises
    ("niet|nooit ... teruggebeld|terugbelde|terugbellen", -1.5, "promises"),
    ("niemand ... belde ... terug", -1.5, "promises"),
    ("niet nagekomen", -1.5, "promises"),
    ("zou|zouden ... terugbellen", -0.6, "promises"),
    ("kwam|kwamen|komt ... niet opdagen", -1.2, "promises"),
    ("niet langs gekomen|geweest", -1.0, "promises"),
    ("belofte* ... niet", -1.2, "promises"),
    ("niet gebeld", -1.2, "promises"),
    ("afspraak ... niet", -0.8, "promises"),
    ("afspraak|afspraken ... verzet*|afgezegd|geannuleerd|afgebeld", -1.2, "promises"),
    ("niet|nooit ... opgedaagd|nagekomen|langsgekomen", -1.5, "promises"),
    ("niet|nooit|niemand ... gekomen|geweest|kwam|komt", -1.2, "promises"),
    ("toezegging* ... niet", -1.2, "promises"),
    # repeat_story
    ("opnieuw vertellen|uitleggen|vertelde|uitgelegd", -1.2, "repeat_story"),
    ("telkens|steeds|weer ... opnieuw", -1.0, "repeat_story"),
    ("nogmaals ... vertellen|uitleggen|vertel", -1.0, "repeat_story"),
    ("voor de tweede|derde|vierde|vijfde keer", -1.0, "repeat_story"),
    ("hetzelfde verhaal", -0.8, "repeat_story"),
    ("niets|niks in het systeem", -1.2, "repeat_story"),
    ("in het|uw|jullie systeem|dossier ... niets|niks|geen", -1.2, "repeat_story"),
    ("niets|niks ... genoteerd", -1.2, "repeat_story"),
    ("niet genoteerd", -1.2, "repeat_story"),
    ("schrijven|schreven ... niets|niks op", -1.2, "repeat_story"),
    ("weer|opnieuw dezelfde vraag|vragen", -1.0, "repeat_story"),
    ("niet doorgegeven", -1.0, "repeat_story"),
    ("kwijtgeraakt", -1.0, "repeat_story"),
    ("zoekgeraakt", -1.0, "repeat_story"),
    ("kwijt", -1.0, "repeat_story"),
    ("opnieuw|weer ... beginnen|doorgeven|opsturen|uitleggen|vertellen|bewijzen", -1.0, "repeat_story"),
    ("van voren af aan", -1.0, "repeat_story"),
    ("terug te vinden", -0.6, "repeat_story"),
    # transfers
    ("doorverbonden", -0.6, "transfers"),
    ("doorgeschakeld", -0.6, "transfers"),
    ("kastje naar de muur", -1.5, "transfers"),
    ("andere afdeling", -0.4, "transfers"),
    ("niet mijn|onze|haar|zijn afdeling", -1.0, "transfers"),
    ("verwezen naar", -0.5, "transfers"),
    ("van de ene afdeling|medewerker|persoon|loket ... naar de andere", -1.5, "transfers"),
    ("van het kastje", -1.5, "transfers"),
    ("wijst|wijzen ... naar een ander|elkaar", -1.2, "transfers"),
    ("voelt|voelde ... verantwoordelijk", -0.4, "transfers"),
    ("# keer ... doorverbonden|doorverbinden|doorgeschakeld|doorschakelen|doorgezet|doorgestuurd|verwezen",
     -1.2, "transfers"),
    ("weer|opnieuw ... bij dezelfde|hetzelfde", -1.0, "transfers"),
    ("weer|opnieuw ... bij de eerste", -1.0, "transfers"),
    # no facet of its own
    ("werkt|werkte|werken|werkten ... niet", -1.0, None),
    ("doet|deed ... het niet", -1.0, None),
    # online_systems
    ("foutmelding*", -1.0, "online_systems"),
    ("error", -0.8, "online_systems"),
    ("kan|kon|konden ... niet inloggen", -1.2, "online_systems"),
    ("inloggen lukt|lukte ... niet", -1.2, "online_systems"),
    # no facet of its own
    ("lukt|lukte niet", -0.8, None),
    ("is|zit|blijft er nog steeds|altijd", -1.0, None),
    # online_systems
    ("haperend*", -0.8, "online_systems"),
    ("vastgelopen", -1.0, "online_systems"),
    ("ligt|lag ... eruit", -1.0, "online_systems"),
    # no facet of its own
    ("storing*", -1.0, None),
    # communication
    ("snapt|snap|begrijpt ... niemand", -1.2, "communication"),
    ("niet te begrijpen", -1.2, "communication"),
    ("vakjargon", -0.8, "communication"),
    ("ambtelijk*", -0.6, "communication"),
    ("tegenstrijdig*", -1.0, "communication"),
    ("geen uitleg", -1.0, "communication"),
    ("niet uitgelegd", -1.0, "communication"),
    ("niet geïnformeerd", -1.0, "communication"),
    ("niet op de hoogte", -0.8, "communication"),
    ("niemand|nooit ... verteld|gezegd|gemeld|ingelicht|gewaarschuwd|vertelde|zei|meldde", -1.0, "communication"),
    # competence
    ("mag|mocht|mogen|mochten ... niet", -0.8, "competence"),
    ("geen machtiging|volmacht", -1.0, "competence"),
    ("niet gemachtigd", -1.0, "competence"),
    ("alleen de rekeninghouder|contracthouder|aanvrager", -1.0, "competence"),
    ("niet bevoegd", -1.0, "competence"),
    ("geen mandaat", -1.2, "competence"),
    ("niets|niks aan doen", -1.0, "competence"),
    ("niet bij machte", -1.2, "competence"),
    ("niemand ... kan|kon ... kijken", -1.0, "competence"),
    ("niet opgelost", -1.2, "competence"),
    ("geen oplossing", -1.2, "competence"),
    ("niet geholpen", -1.2, "competence"),
    ("kon|kan|konden ... niet helpen", -1.2, "competence"),
    ("zelf ... uitzoeken|oplossen|regelen|doen", -0.8, "competence"),
    ("geen stap verder", -1.2, "competence"),
    ("niets|niks voor me|mij ... doen", -1.2, "competence"),
    # price
    ("te veel betaald", -1.0, "price"),
    ("dubbel betaald|afgeschreven", -1.2, "price"),
    ("extra kosten", -0.6, "price"),
    ("verborgen kosten", -1.2, "price"),
    ("# keer ... afgeschreven|afgehouden|gefactureerd|betaald|gerekend", -1.2, "price"),
    ("aanmaning*", -1.0, "price"),
    ("administratiekosten", -0.6, "price"),
    ("verhoogd|duurder", -0.6, "price"),
    ("# keer zo hoog|duur|veel", -1.0, "price"),
    ("dubbel ... betalen|rekenen|gerekend|gefactureerd", -1.2, "price"),
    ("twee keer ... betalen|rekenen|gerekend|gefactureerd", -1.2, "price"),
    # product_quality
    ("kapot", -1.0, "product_quality"),
    ("defect*", -1.0, "product_quality"),
    ("geen bereik", -1.0, "product_quality"),
    ("beschadigd*", -1.2, "product_quality"),
    ("niet geleverd|bezorgd", -1.0, "waiting_time"),
    ("verkeerde bestelling|product|artikel", -1.0, "product_quality"),
    ("geen|zonder internet|tv|televisie|stroom|elektriciteit|gas|water|verwarming|bereik|signaal|verbinding|"
     "service|netwerk|telefoon|beeld", -1.2, "product_quality"),
    ("valt|viel|vallen ... uit", -1.0, "product_quality"),
    ("uitgevallen", -1.0, "product_quality"),
    ("ligt|lag ... plat", -1.0, "online_systems"),
    ("lekt|lekte", -1.0, "product_quality"),
    ("gebarsten", -1.2, "product_quality"),
    ("is|was|ging|gingen|alweer|weer stuk", -1.0, "product_quality"),
    ("ontbrak|ontbreekt|ontbreken|incompleet|onvolledig", -1.0, "product_quality"),
    ("geblokkeerd", -1.0, "online_systems"),
    ("blijft|bleef ... hangen", -1.0, "online_systems"),
    # staff_attitude
    ("hing|hingen ... op", -1.2, "staff_attitude"),
    ("onderbrak|onderbroken", -1.0, "staff_attitude"),
    ("zuchtte", -0.8, "staff_attitude"),
    ("behandeld als|alsof", -1.0, "staff_attitude"),
    # being told off: "ik moest niet zo zeuren", "niet mijn probleem"
    ("moest|moet|moesten ... niet zo", -1.2, "staff_attitude"),
    ("niet zo ... moest|moet|moesten", -1.2, "staff_attitude"),  # the same in a subordinate clause
    ("niet mijn|haar|zijn|ons|hun probleem", -1.2, "staff_attitude"),
    # communication
    ("zonder ... aankondiging|uitleg|reden|bericht|toestemming|overleg|waarschuwing|kennisgeving|medeweten",
     -1.0, "communication"),
    ("zonder te vragen|melden|overleggen|waarschuwen|informeren", -1.0, "communication"),
    ("zonder ... op te lossen", -1.0, "competence"),
    ("zonder iets te doen", -1.0, "competence"),
    ("stuurde|stuurden|stuurt|sturen ... weer|terug naar", -1.2, "transfers"),
    ("heen en weer", -1.2, "transfers"),
    ("weer|opnieuw ... afgeschreven|gefactureerd|gerekend|aangerekend", -1.0, "price"),
    ("zei|zeiden|zegt|zeggen|vertelde|vertelden ... iets anders", -1.0, "communication"),
    ("terug naar de|het ... beginpagina|startpagina|homepage|hoofdpagina", -1.0, "online_systems"),
    ("onbeantwoord", -1.2, "communication"),
    # lost, cancelled, locked out, charged too much, a fault that comes back
    ("is|zijn|raakte|raakten ... zoek", -1.0, None),
    ("geannuleerd", -0.8, None),
    ("buitengesloten", -1.0, "online_systems"),
    ("te veel ... gerekend|afgeschreven|gefactureerd|aangerekend|rekening", -1.2, "price"),
    ("teveel ... gerekend|afgeschreven|gefactureerd|aangerekend|rekening", -1.2, "price"),
    ("storing|probleem|lekkage|lek|fout|klacht ... kwam|komt|komen ... terug", -1.0, "product_quality"),
    ("storing|probleem|lekkage|lek|fout ... teruggekomen|terug", -1.0, "product_quality"),
    ("zonder dat iemand|ze|jullie", -1.0, "communication"),
    ("# verschillende antwoorden|verhalen|dingen|uitleggen|versies", -1.2, "communication"),
    ("verdubbeld", -1.0, "price"),
    ("het dubbele", -1.0, "price"),
    ("rommel|troep|bende|puin ... achter", -1.0, "competence"),
    ("ontweken", -1.0, "communication"),
)
# fmt: on
