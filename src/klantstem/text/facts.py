"""Facts in a story: durations and waits, channels mentioned, and promises as data for the promise register."""

from __future__ import annotations

import re
from dataclasses import replace

from klantstem.dates import MONTH_NAMES, WEEKDAY_NAMES
from klantstem.text.durations import DURATION_RE, find_durations
from klantstem.text.patterns import Prefiltered
from klantstem.text.promise_clauses import opening_name, told_clause
from klantstem.text.results import ChannelMention, Duration, Facts, PromiseMention, Span

CHANNELS: dict[str, str] = {
    "phone": r"telefo\w*|gebeld|bellen|belde|belden|belt|terugbel\w*|teruggebeld|0900\w*|call-?cent\w+|"
    r"phone\w*|called|calling|rang|on hold|in de wacht",
    "email": r"e-?mail\w*|gemaild|mailen|mailde|mailtje",
    "web": r"website\w*|webform\w*|contactformulier\w*|portaal|mijn omgeving|inlog\w*|log in|login|online|site",
    "app": r"app|apps|de app|the app",
    "chat": r"chat\w*|livechat",
    "whatsapp": r"whats ?app\w*|appje",
    "letter": r"brief|brieven|per post|letter|letters",
    "sms": r"sms\w*|text message\w*",
    "social": r"twitter|facebook|instagram|linkedin|social media|sociale media",
    "in_person": r"balie|loket|winkel|filiaal|showroom|langs geweest|langsgegaan|desk|branch|in person|counter",
}
_CHANNEL_RE = Prefiltered("|".join(rf"\b(?P<{name}>{pattern})\b" for name, pattern in CHANNELS.items()))

_STAFF = r"(?:monteur|monteurs|technicus|technieker|engineer|technician)"
_PROMISE_TRIGGERS: tuple[tuple[str, str, bool], ...] = (
    # (action, regex, passive: the subject is the customer, so the actor is the organisation)
    (
        "visit",
        rf"\b(?:stuurt|sturen|komt|komen|zal|zullen|zou|zouden)\b[^.!?]{{0,30}}?\b{_STAFF}\b|"
        rf"\b{_STAFF}\b[^.!?]{{0,30}}?\b(?:komt|komen|langs|langskomen)\b",
        False,
    ),
    ("call_back", r"\bbel(?:len|t)?\b[^.!?]{0,40}?\bterug\b|\bterug(?:te)?bellen\b", False),
    (
        "call_back",
        r"\b(?:wordt|word|worden|zal|zou|zult)\b[^.!?]{0,40}?\b(?:terug)?gebeld\b|"
        r"\b(?:terug)?gebeld\s+(?:zou\s+|zal\s+)?word(?:t|en)?\b",
        True,
    ),
    ("call_back", r"\b(?:zal|zullen|zou|zouden|gaat|gaan)\b[^.!?]{0,40}?\bbellen\b", False),
    (
        "contact",
        r"\b(?:neemt|nemen|zal|zullen|zou|zouden)\b[^.!?]{0,40}?\bcontact\b[^.!?]{0,30}?\bop(?:nemen)?\b",
        False,
    ),
    (
        "contact",
        r"\b(?:laten|laat)\b[^.!?]{0,40}?\bweten\b|\bkom(?:en|t)\b[^.!?]{0,40}?\bop terug\b|"
        r"\bgeven\b[^.!?]{0,40}?\buitsluitsel\b",
        False,
    ),
    ("contact", r"\b(?:u|je)\s+hoort\b|\bhoort\s+(?:u|je)\b", True),
    ("refund", r"\b(?:storten|stort|betalen|betaalt)\b[^.!?]{0,40}?\bterug\b", False),
    (
        "send",
        r"\b(?:stuurt|sturen|zal|zullen|zou|zouden)\b[^.!?]{0,30}?\b(?:sturen|opsturen|toesturen|mailen)\b|"
        r"\b(?:stuur|stuurt|sturen|mail|mailt|mailen)\b[^.!?]{0,40}?\b(?:toe|op|na)\b|"
        r"\b(?:we|wij|ik)\s+(?:stuur|sturen|mail|mailen)\b|\b(?:stuur|sturen|mailen)\s+(?:we|wij|ik)\b",
        False,
    ),
    (
        "send",
        r"\b(?:ontvangt|krijgt)\s+(?:u|je)\b|\b(?:u|je)\s+(?:ontvangt|krijgt)\b|"
        r"\bzou(?:den)?\b[^.!?]{0,50}?\b(?:krijgen|ontvangen)\b|"
        # "... in mijn mailbox zou hebben", not "... te laat betaald zou hebben"
        r"\b(?!(?:ge|be|ver|ont|her)[a-z]+[dt]\b)[a-z]+\s+zou(?:den)?\s+hebben\b|"
        r"\bword(?:t|en)\b[^.!?]{0,40}?\b(?:verstuurd|verzonden|opgestuurd|toegestuurd|gestuurd)\b",
        True,
    ),
    ("visit", r"\b(?:komt|komen|zal|zullen|zou|zouden)\b[^.!?]{0,30}?\blangs(?:komen)?\b", False),
    (
        "resolve",
        r"\bword(?:t|en)\b[^.!?]{0,30}?\b(?:opgelost|geregeld|verwerkt|aangepast|hersteld|gerepareerd)\b|"
        r"\b(?:lossen|lost)\b[^.!?]{0,30}?\bop\b|\boplos(?:sen|t)\b|\b(?:passen|past)\b[^.!?]{0,40}?\baan\b|"
        r"\bzorg(?:en|t)?\b(?:\s+ervoor)?\s+dat\b",
        True,
    ),
    (
        "deliver",
        r"\bword(?:t|en)\b[^.!?]{0,40}?\b(?:geleverd|bezorgd|gebracht)\b|"
        r"\bin ontvangst\s+(?:mag|mogen|kan|kunt)\s+nemen\b",
        True,
    ),
    ("deliver", r"\b(?:zal|zullen|zou|zouden)\b[^.!?]{0,40}?\b(?:brengen|bezorgen|leveren)\b", False),
    # the customer as the one promised to: "mij is beloofd", "I was promised": the organisation promised it
    (
        "promise",
        r"\b(?:is|werd|ben|zijn|was|were|been|are|am)\s+(?:\w+\s+){0,2}?(?:beloofd|toegezegd|promised)\b",
        True,
    ),
    ("promise", r"\bbeloofd(?:e|en)?\b|\btoegezegd\b", False),
    ("call_back", r"\b(?:call|ring|phone)\s+(?:you|me|him|her|them|us)\s+back\b", False),
    ("call_back", r"\b(?:will|would|'ll)\s+be\s+called\b", True),
    (
        "call_back",
        r"\b(?:will|'ll|would|shall)\s+(?:\w+\s+){0,2}?(?:call|ring|phone)\s+(?:you|me|him|her|them|us)\b",
        False,
    ),
    (
        "contact",
        r"\b(?:will|'ll|would|shall)\s+(?:\w+\s+){0,2}?(?:contact|reach out|be in touch|get in touch|let you know)\b|"
        r"\bget back to (?:you|me)\b",
        False,
    ),
    ("contact", r"\bhear from us\b", True),
    ("visit", r"\bsupposed to (?:come|visit)\b", False),
    ("call_back", r"\bsupposed to call\b", False),
    ("send", r"\b(?:will|'ll|would)\s+(?:\w+\s+){0,2}?(?:send|email|mail)\b", False),
    ("send", r"\b(?:you|i)(?:'ll|'d| will| would)\s+(?:receive|get)\b", True),
    (
        "visit",
        r"\b(?:will|'ll|would|'d)\s+(?:\w+\s+){0,2}?(?:come|visit|stop by|attend|be round|come round|pop round)\b",
        False,
    ),
    ("refund", r"\b(?:will|'ll|would)\s+be\s+(?:refunded|credited)\b|\brefund will be processed\b", True),
    (
        "resolve",
        r"\b(?:will|'ll|would)\s+(?:\w+\s+){0,2}?(?:fix|resolve|sort)\b|\bwill be (?:processed|fixed|resolved)\b",
        False,
    ),
    ("deliver", r"\b(?:will|'ll|would)\s+(?:\w+\s+){0,2}?(?:arrive|be delivered)\b", True),
    ("deliver", r"\b(?:will|'ll|would)\s+(?:\w+\s+){0,2}?deliver\b", False),
    ("promise", r"\bpromised\b", False),
)
# A sentence that asks for a promise or denies one: "Kunt u mij terugbellen?", "Niemand belt terug."
_NOT_A_PROMISE = re.compile(
    r"\b(?:niet|nooit|niemand|niets|geen|never|nobody|nothing|not|didn't|won't|wil|wilt|could you|would you|"
    r"can you|please)\b"
)
# A request in the imperative at the start of a sentence: "Bel me morgen maar terug", "Send me the form by Friday"
_IMPERATIVE = re.compile(
    r"\s*(?:(?:bel|stuur|mail|app|kom|laat|neem|geef|call|ring|phone|send|email|text|let)\s+(?:me|mij|ons|us)|"
    r"(?:kunt|kan|wilt|zou|zoudt)\s+(?:u|je|jij|jullie))\b"
)
# A sentence that does what it names in the message itself: what is enclosed ("Bijgaand ontvangt u de
# eindafrekening") or told right here ("laten wij u het volgende weten") is done, not promised.
_DONE_HERE = re.compile(
    r"\b(?:bijgaand\w*|bijgevoegd\w*|hierbij|bij deze|in de bijlage|als bijlage|het volgende|attached|enclosed|"
    r"herewith|hereby|please find|the following)\b"
)
# "Hierbij bevestig ik dat de monteur maandag komt": what is confirmed here is still to be done
_CONFIRMS = re.compile(r"\b(?:bevestig\w*|confirm\w*)\b[^.!?]*\b(?:dat|that)\b")
# A request in the writer's own words: "Graag zou ik een kopiefactuur ontvangen", "I would like to receive ..."
_WISH = re.compile(
    r"\b(?:graag\s+zou(?:den)?|zou(?:den)?\s+(?:ik|wij|we)\s+graag|(?:ik|wij|we)\s+(?:wil|willen)\s+graag|"
    r"(?:i|we)\s+would\s+like|(?:i|we)'d like|would like to)\b"
)
# The event a promise waits for instead of a time: "zodra het pakket onderweg is", "once the parcel ships"
_UPON = re.compile(
    r"\b(?:zodra|zo gauw|na ontvangst van|as soon as|once\s+(?:the|it|we|you|your|our|this|that))\b[^.!?\n]*"
)
# A promise told in the present tense with a time ahead, as people mostly say it: "De monteur komt dinsdag",
# "Een collega belt u binnen twee uur", "Het bedrag staat binnen vijf werkdagen op uw rekening", "U kunt de pas
# woensdag verwachten", "Your refund will reach your account within 3 days". These verbs make a promise only with
# a time ahead in the sentence (_AHEAD); without one they tell what happens or happened. The action "content" is
# named by what the sentence is about (_CONTENT_KINDS).
# a past participle: "geleverd", "behandeld", "afgehandeld", "teruggestort", "verwerkt"
_PARTICIPLE = r"(?:(?:af|op|aan|in|uit|door|terug|toe|na|over|mee|bij|weg|vast|langs)?ge|be|ver|ont|her)[a-z]{2,}[dt]"
_PRESENT_TRIGGERS: tuple[tuple[str, str, bool], ...] = (
    ("call_back", r"\bbel(?:t|len)\s+(?:ik\s+|wij\s+|we\s+)?(?:u|je|jou|jullie)\b", False),
    ("visit", r"\b(?:komt|komen|passeert|passeren)\b", False),
    ("content", r"\b(?:staa?t|staan|ligt|liggen)\b[^.!?]{0,40}?\b(?:bij (?:u|je|jou)|klaar)\b", False),
    (
        "contact",
        r"\b(?:reageert|reageren|antwoordt|antwoorden|beslist|beslissen|besluit|besluiten|contacteert|contacteren)\b",
        False,
    ),
    ("content", rf"\bword(?:t|en)\b[^.!?]{{0,40}}?\b{_PARTICIPLE}\b", True),
    ("content", r"\b(?:zal|zullen|zou|zouden)\b[^.!?]{0,40}?\b[a-z]{3,}en\b", False),
    ("deliver", r"\b(?:bezorgt|bezorgen|levert|leveren)\b", False),
    ("send", r"\b(?:stuurt|sturen|verstuurt|versturen|mailt|mailen)\b", False),
    ("resolve", r"\b(?:regelt|regelen|repareert|repareren|vervangt|vervangen|herstelt|herstellen)\b", False),
    (
        "refund",
        r"\bop\s+(?:uw|je|jouw|mijn|your|my)\s+(?:bank)?rekening\b|\b(?:stort|storten)\b|"
        r"\b(?:your|my)\s+(?:bank\s+)?account\b",
        True,
    ),
    ("content", r"\b(?:heeft|hebt|krijgt|ontvangt)\s+(?:u|je)\b|\b(?:u|je)\s+(?:heeft|hebt)\b", True),
    ("content", r"(?<!\bik )(?<!\bi )(?:\bverwacht(?:en)?\b|\bexpect\b)", True),  # "ik verwacht": the customer's hope
    ("content", r"\b(?:will|'ll|shall)\s+(?:\w+\s+){0,2}?[a-z]+\b", False),
    ("content", r"\b(?:arrives|is due|are due|is scheduled|are scheduled|is booked)\b", False),
    ("content", r"\b(?:gaat|gaan)\b[^.!?]{0,40}?\b[a-z]{3,}en\b", False),  # "Morgen gaat de monteur kijken"
    ("content", r"\b(?:is|are|'s|'re)\s+(?:\w+\s+)?[a-z]{3,}ing\b", False),  # "The installer is coming on ..."
)
# A time ahead: a day, a weekday, "binnen ...", "over twee weken", "volgende week", "deze week", a date.
_WEEKDAYS = "|".join(WEEKDAY_NAMES)
_MONTHS = "|".join(MONTH_NAMES)
_AHEAD = re.compile(
    rf"\b(?:morgen\w*|vandaag|vanmiddag|vanavond|vanochtend|vanmorgen|binnen|within|uiterlijk|tomorrow|today|"
    rf"tonight|this (?:afternoon|morning|evening|week)|deze week|volgende week|komende week|next week|"
    rf"(?:eind|einde) van de(?:ze)? week|end of (?:the|this) week|voor het weekend|before the weekend|"
    rf"over (?:\d+|\w+) (?:half )?(?:minuten|minuutje|uur|uurtje|dagen|dagje|werkdagen|weken)|"
    rf"in (?:\d+|\w+) (?:minutes|hours|days|weeks)|(?:{_WEEKDAYS})\w*|\d{{1,2}}-\d{{1,2}}(?:-\d{{4}})?|"
    rf"\d{{1,2}} (?:{_MONTHS}))\b"
)
# What a promise is about, when its verb does not say ("U kunt de nieuwe pas woensdag verwachten"), first match wins.
_CONTENT_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (action, re.compile(rx))
    for action, rx in (
        (
            "refund",
            r"\b(?:geld|bedrag|terugbetal\w*|teveel\w*|restitutie|tegoed|refund\w*|deposit|money)\b|"
            r"\bop\s+(?:uw|je|jouw|mijn|your|my)\s+(?:bank)?rekening\b|\b(?:your|my)\s+(?:bank\s+)?account\b",
        ),
        (
            "visit",
            r"\b(?:monteur\w*|technicus|technieker\w*|engineer\w*|technician\w*|installateur\w*|installer\w*|"
            r"driver\w*|chauffeur\w*|op de stoep|voor de deur|geplaatst|plaatsen|installe\w*|collect\w*|ophal\w*)\b",
        ),
        ("call_back", r"\b(?:terugbel\w*|telefonisch|call\w*|phone\w*)\b"),
        (
            "deliver",
            r"\b(?:pakket\w*|bestelling\w*|levering\w*|zending\w*|bezorger\w*|koerier\w*|package\w*|parcel\w*|order|"
            r"delivery|courier)\b",
        ),
        (
            "send",
            r"\b(?:brief|pas|pasje|kaart|formulier\w*|factuur|offerte|brievenbus|schriftelijk\w*|letter|card|"
            r"written|invoice|form|contract)\b",
        ),
        (
            "contact",
            r"\b(?:antwoord|bericht|reactie|uitsluitsel|duidelijkheid|nieuws|weten|answer|reply|update|news|know)\b",
        ),
        (
            "resolve",
            r"\b(?:opgelost|oplos\w*|gerepareerd|repar\w*|hersteld|herstel\w*|behandel\w*|afgehandeld|afhandel\w*|"
            r"verwerk\w*|fix\w*|resolved?|sorted)\b",
        ),
    )
)
_PROMISE_RE = [(action, Prefiltered(rx), passive) for action, rx, passive in _PROMISE_TRIGGERS]
_PRESENT_RE = [(action, Prefiltered(rx), passive) for action, rx, passive in _PRESENT_TRIGGERS]
# every trigger at once: one pass tells whether a text can hold a promise at all (most cannot)
_ANY_PROMISE = Prefiltered("|".join(f"(?:{rx})" for _, rx, _ in _PROMISE_TRIGGERS))
_ANY_PRESENT = Prefiltered("|".join(f"(?:{rx})" for _, rx, _ in _PRESENT_TRIGGERS))
_ACTOR = re.compile(
    r"\b(?:we|wij|ik|ze|zij|hij|iemand|jullie|(?:de|een|onze|uw|mijn|jullie) \w+|you|they|he|she|someone|somebody|i|"
    r"(?:the|a|an|our|your|my) \w+)\b"
)
# the subject after its verb, as Dutch puts it after an opening phrase: "Na ontvangst ... sturen wij ..."
_INVERTED_SUBJECT = re.compile(r"[a-z]+\s+(wij|we|ik)\b")
_OURS = ("onze ", "ons ", "our ")
# "van", "from" between two named parties: the second belongs to the first ("een collega van de afdeling")
_OF = re.compile(r"\s*(?:van|from|of|bij|at)\s*")
# a name opening a sentence, written as firms write theirs ("PostNL bezorgt het pakket donderdag", "DHL will ..."):
# a capital after the first letter, which no ordinary word at the start of a sentence has (unless shouted)
_OPENING_NAME = re.compile(r"\s*([A-Z][A-Za-z0-9&-]*[A-Z][A-Za-z0-9&-]*)\s")
_NOT_NAMES = frozenset({
    "het", "dit", "dat", "er", "daar", "hier", "uiterlijk", "over", "deze", "straks", "dan", "nu", "ook", "graag",
    "helaas", "it", "this", "that", "there", "here", "next", "by", "on", "at", "please", "your", "our", "my", "uw",
    "onze", "mijn", "je", "jullie", "we", "wij", "ik", "i", "you", "u",
})  # fmt: skip
_BY = re.compile(r"\b(?:door|by)\s+")
_SOURCE = re.compile(r"\b(?:volgens|according to|van|from)\s+")
_PRONOUNS = frozenset({"we", "wij", "ik", "ze", "zij", "hij", "you", "they", "he", "she", "i", "iemand", "someone"})
_NOT_ACTORS = frozenset({
    "de keer", "een keer", "de week", "een week", "the time", "a week", "de telefoon", "een half", "een uur",
    "een kwartier", "een dag", "een uurtje", "a half", "an hour", "a day",
})  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?\n]")
# a dot inside a number or a word ("13.00", "z.s.m", "www.x.nl"), or ending a short abbreviation ("z.s.m.", "o.a.",
# "bijv.", "ca.", "nr."): no end of a sentence
_INNER_DOT = re.compile(
    r"(?<=\w)\.(?=\w)|(?<=\.\w)\.|(?:(?<=\bbijv)|(?<=\bca)|(?<=\bnr)|(?<=\btel)|(?<=\bdhr)|(?<=\bmevr))\."
)
# what tells that a sentence with a weekday or a time word speaks of the past
_PAST = re.compile(
    r"\b(?:gisteren|eergisteren|vorige|afgelopen|geleden|yesterday|last|ago|was|waren|had|kwam|kwamen|belde|belden|"
    r"stuurde|stuurden|stond|stonden|lag|lagen|kreeg|kregen|ontving|called|came|sent|said|zei|zeiden)\b(?![^.!?]*\bzou)|"
    rf"\b(?:heb|heeft|hebt|hebben)\b[^.!?]*\b{_PARTICIPLE}\b"
)
# A time ahead as the structure rule needs it (`_told_by_structure`): stricter than _AHEAD, which a trigger verb
# backs up. "within your account", "3-5 days", "today" alone (mostly the past) and "Het is nu donderdag" are no
# time ahead; "the 30th", "ten laatste" and a clock time with "voor" are.
_NUMBER_WORD = (
    r"(?:\d{1,3}|een|één|a|an|one|two|three|four|five|ten|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf|"
    r"veertien|\d+-\d+)"
)
_TIME_UNIT = (
    r"(?:minuten|minuutje|minuut|minutes?|uur|uurtje|uren|hours?|dagen|dag|days?|werkdagen|werkdag|working days?|"
    r"business days?|weken|week|weeks?|kwartier)"
)
_TIME_AHEAD = re.compile(
    rf"\b(?:morgen\w*|overmorgen|tomorrow|tmrw|tonight|vanavond|vanmiddag|this (?:afternoon|evening)|later today|"
    rf"(?:vandaag|today)\s+(?:nog|still)|nog\s+vandaag|"
    rf"(?:binnen|within|in|(?<!for )over)\s+(?:het\s+|de\s+|the\s+)?"
    rf"(?:{_NUMBER_WORD}\s+(?:(?:to|tot|à)\s+{_NUMBER_WORD}\s+)?)?(?:half\s+)?{_TIME_UNIT}|"
    rf"deze week|this week|volgende week|komende week|next week|(?:eind|einde) van de(?:ze)? (?:week|maand|dag)|"
    rf"end of (?:the |to)?day|close of business|end of business|\beod\b|"
    rf"(?:eind|einde|end of|the end of)\s+(?:{_MONTHS}|the month|this month)|"
    rf"end of (?:the|this) week|voor het weekend|before the weekend|uiterlijk|ten laatste|no later than|"
    rf"(?<!het is )(?<!het is nu )(?<!it is )(?<!it's )(?:{_WEEKDAYS})\w*|"
    rf"\d{{1,2}}-\d{{1,2}}-\d{{2,4}}|(?!24/7)\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|\d{{1,2}}\s+(?:{_MONTHS})|(?:the|de)\s+\d{{1,2}}(?:st|nd|rd|th|ste|de|e)|"
    rf"(?:om|voor|vóór|tegen|at|before|by)\s+\d{{1,2}}(?:[:.]\d{{2}})?\s*(?:uur|u|h|am|pm))\b"
)
# what _TIME_AHEAD reads beyond _AHEAD, behind a cheap test: most texts have neither, and skip _TIME_AHEAD
_MORE_AHEAD = Prefiltered(
    r"\b(?:tmrw|overmorgen|ten laatste|no later than|(?:the|de)\s+\d{1,2}(?:st|nd|rd|th|ste|de|e)|\d{1,2}/\d{1,2}|"
    r"(?:om|voor|vóór|tegen|at|before|by)\s+\d|eind|einde|end of|close of|eod|\d\s+(?:to|tot|à)\s+\d)"
)
# a story of the past: its time, and a sign that something in it was or is still to come
_TO_YOU = re.compile(r"\b(?:u|uw|je|jou|jouw|jullie|ge|you|your)\b")
_PAST_STORY = re.compile(
    r"\b(?:gisteren|eergisteren|yesterday|vorige week|last week|geleden|ago|sinds|since)\b|"
    r"\b(?:is|zijn|was|waren|ben|bent)\b[^.!?]*\b(?:geweest|gekomen|langsgekomen)\b"
)
# what was booked or planned, told in a note without a finite verb ("Monteur ingepland op vrijdag", "Your engineer
# appointment: Tuesday 1 December", "Call back booked for Thu 26/11 at 2pm")
_BOOKED = re.compile(
    r"\b(?:ingepland|gepland|geboekt|vastgelegd|afgesproken|booked|scheduled|arranged|afspraak|appointment|"
    r"tijdslot|tijdvak|leverdatum|bezorgdatum|(?:delivery|time) slot|delivery date|expected delivery|"
    r"verwachte (?:levering|leverdatum|bezorging))\b"
)
# a general rule, not a promise to this customer: "Refunds usually take 5-10 days", "Meestal binnen een week"
_GENERIC = re.compile(
    r"\b(?:usually|typically|normally|generally|in most cases|often|meestal|doorgaans|gewoonlijk|normaal gesproken|"
    r"in de regel|vaak)\b"
)
_TO_COME = re.compile(
    r"\b(?:zou|zouden|would|'d|will|'ll|zal|zullen|beloofd\w*|toegezegd|promised|gezegd|zei|zeiden|said|told|"
    r"morgen|tomorrow|volgende|next)\b"
)
# a condition opening the sentence: "Als u de meterstanden voor vrijdag doorgeeft, ...", "If you send it by Friday"
_CONDITION = re.compile(r"\s*(?:als|indien|mocht|mochten|tenzij|wanneer|if|unless|in case|should you|when)\b")
# a promise reported: what follows the saying is the promise ("zei dat", "heeft gezegd dat", "said", "told me")
_SAID = re.compile(
    r"\b(?:zei|zeiden|gezegd|beloofd|beloofde|beloofden|toegezegd|verteld|uitgelegd|gemeld|aangegeven|"
    r"medegedeeld|laten weten|said|told(?: (?:me|us|her|him|them))?|promised|advised|explained|informed|"
    r"confirmed|bevestig|bevestigen|bevestigd)\b"
    r"(?:(?:\s+(?:ik|wij|we|i))?\s+(?:dat|that))?"
)
# a reporter who is the organisation or one of its people: the promise is the organisation's
_ORGANISATION_WORDS = re.compile(
    r"\b(?:we|wij|jullie|you|they|ze|zij|uw|your|onze|our|collega|colleague|medewerker|agent|monteur|engineer|"
    r"klantenservice|customer service|organisation)\b"
)
_DAY_WORDS = {"vandaag": 0.0, "morgen": 86400.0, "today": 0.0, "tomorrow": 86400.0}


def find_facts(text: str, lower: str) -> Facts:
    durations = find_durations(text, lower)
    return Facts(tuple(durations), tuple(find_channels(text, lower)), tuple(find_promises(text, lower, durations)))


def find_channels(text: str, lower: str) -> list[ChannelMention]:
    found: list[ChannelMention] = []
    for m in _CHANNEL_RE.finditer(lower):
        name = m.lastgroup or ""
        found.append(ChannelMention(name, Span(m.start(), m.end(), text[m.start() : m.end()])))
    return found


def find_promises(text: str, lower: str, durations: list[Duration]) -> list[PromiseMention]:
    ahead = _AHEAD.search(lower) is not None  # a promise in the present tense needs a time ahead
    strictly_ahead = (ahead or _MORE_AHEAD.search(lower) is not None) and _TIME_AHEAD.search(lower) is not None
    if not ahead and not strictly_ahead and not _ANY_PROMISE.search(lower):
        return []
    lower = _inner_dots_masked(lower)
    found: list[PromiseMention] = []
    taken: list[tuple[int, int]] = []
    for action, regex, passive in _PROMISE_RE:
        for m in regex.finditer(lower):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            bounds = _sentence_bounds(lower, m.start(), m.end())
            if _denied_or_asked(lower, m.end(), bounds) or _told_as_past(lower, bounds):
                continue
            taken.append((m.start(), m.end()))
            kind = _named_kind(lower, bounds, action)
            found.append(_promise(text, lower, (m.start(), m.end()), bounds, kind, passive, durations))
    told = {p.span.start for p in found}
    for action, regex, passive in _PRESENT_RE if ahead else ():
        for m in regex.finditer(lower):
            bounds = left, right = _sentence_bounds(lower, m.start(), m.end())
            if left in told or not _ahead_only(lower, left, right) or _denied_or_asked(lower, m.end(), bounds):
                continue
            kind = _named_kind(lower, bounds, action)
            if kind == "content":
                continue  # "It will be closed on Monday": nothing a customer is promised
            told.add(left)
            found.append(_promise(text, lower, (m.start(), m.end()), bounds, kind, passive, durations))
    if strictly_ahead:
        found.extend(_told_by_structure(text, lower, told, durations))
    return sorted(found, key=lambda p: p.span.start)


def _told_by_structure(text: str, lower: str, told: set[int], durations: list[Duration]) -> list[PromiseMention]:
    """Promises in the sentences no trigger read, told by their structure (`promise_clauses`): a subject that can
    promise, a finite verb in the present or future and a time ahead, in a sentence that is no question, request,
    condition, denial or story of the past. What is reported ("De aannemer heeft gezegd dat hij maandag komt",
    "The agent said the engineer is coming on Monday") is read from the words after the saying."""
    found: list[PromiseMention] = []
    seen: set[int] = set()
    for time in _TIME_AHEAD.finditer(lower):  # only the sentences with a time ahead
        bounds = start, end = _sentence_bounds(lower, time.start(), time.end())
        if start in seen or start in told or end - start < 8 or _CONDITION.match(lower, start):
            continue
        seen.add(start)
        said = _SAID.search(lower, start, end)
        from_ = said.end() if said else start
        if not _TIME_AHEAD.search(lower, from_, end) or _told_as_past(lower, bounds):
            continue
        booked = _BOOKED.search(lower, start, end)
        if booked and not _denied_or_asked(lower, booked.end(), bounds):
            # a note of what was booked: "Monteur ingepland op vrijdag 4 december", "Call back booked for Thu";
            # "Ik heb morgen een afspraak bij de tandarts" is the writer's own
            kind = _named_kind(lower, bounds, "promise")
            own = told_clause(text, lower, start, end)
            mine = own is not None and own.subject in ("ik", "i")
            named = "ik" if mine else opening_name(text, lower, start, end, followed=False)
            mention = _promise(text, lower, booked.span(), bounds, kind, True, durations)
            found.append(replace(mention, actor=named) if named else mention)
            continue
        if _PAST.search(lower, from_, end):
            continue
        that = bool(said) and lower[said.end() - 4 : said.end()] in (" dat", "that")  # type: ignore[union-attr]
        clause = told_clause(
            text, lower, from_, end, start, lambda a, b: bool(_TIME_AHEAD.search(lower, a, b)), subordinate=that
        )
        if clause is None or _denied_or_asked(lower, clause.verb_end, bounds):
            continue
        if clause.subject in ("ik", "i") and not _TO_YOU.search(lower, start, end):
            continue  # "Per 1 januari verhuis ik": a plan of the writer's own; staff promise to someone ("ik app je")
        kind = _named_kind(lower, bounds, "promise")
        reporter = _actor(text, lower, start, said.start(), said.end()) if said else None
        actor = reporter if reporter and not _ORGANISATION_WORDS.search(reporter) else clause.subject
        mention = _promise(text, lower, (clause.verb_start, clause.verb_end), bounds, kind, False, durations)
        found.append(replace(mention, actor=actor))
    return found


def _told_as_past(lower: str, bounds: tuple[int, int]) -> bool:
    """A story of what happened ("Gisteren kwam de monteur langs"), with nothing in it that was promised or is to
    come ("zou", "would", "beloofd", "said")."""
    return bool(_PAST_STORY.search(lower, *bounds)) and not _TO_COME.search(lower, *bounds)


def _inner_dots_masked(lower: str) -> str:
    """`lower` with the dots that end no sentence ("13.00 uur", "z.s.m.", "o.a.", "bijv.") made ':' (same length).
    Every match of `_INNER_DOT` is one dot, so only the dots are tried (the pattern opens with look-behinds, which
    the regex engine would try at every position)."""
    parts: list[str] = []
    done = 0
    dot = lower.find(".")
    while dot >= 0:
        if _INNER_DOT.match(lower, dot):
            parts.append(lower[done:dot])
            parts.append(":")
            done = dot + 1
        dot = lower.find(".", dot + 1)
    return "".join(parts) + lower[done:] if parts else lower


def _ahead_only(lower: str, left: int, right: int) -> bool:
    """A time ahead in the sentence, and nothing that tells it is past ("gisteren", "vorige week", "gebeld")."""
    return bool(_AHEAD.search(lower, left, right)) and not _PAST.search(lower, left, right)


def _named_kind(lower: str, bounds: tuple[int, int], action: str) -> str:
    """The action a general trigger ("beloofd", "verwachten", "will be") leaves open, named by what the sentence
    is about; any other action as it is."""
    if action not in ("content", "promise"):
        return action
    left, right = bounds
    return next((kind for kind, rx in _CONTENT_KINDS if rx.search(lower, left, right)), action)


def _denied_or_asked(lower: str, end: int, bounds: tuple[int, int]) -> bool:
    """A negation or a request in the sentence up to the end of the trigger, a question mark ending it, or a request
    in the imperative opening it; or a sentence that does what it names in the message itself (an enclosure, an
    answer given right here). `bounds` is the sentence's (start, end)."""
    left, right = bounds
    if _NOT_A_PROMISE.search(lower, left, end) or _WISH.search(lower, left, end):
        return True
    if _IMPERATIVE.match(lower, left):
        return True
    if _GENERIC.search(lower, left, right):
        return True  # a general rule ("Refunds usually take 5 days"), not a promise to this customer
    done_here = _DONE_HERE.search(lower, left, right) and not _CONFIRMS.search(lower, left, right)
    return lower[right : right + 1] == "?" or bool(done_here)


def _sentence_bounds(lower: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _SENTENCE_END.finditer(lower, 0, start)), default=0)
    stop = _SENTENCE_END.search(lower, end)
    return left, stop.start() if stop else len(lower)


def _promise(
    text: str,
    lower: str,
    trigger: tuple[int, int],
    bounds: tuple[int, int],
    action: str,
    passive: bool,
    durations: list[Duration],
) -> PromiseMention:
    left, right = bounds
    actor = _agent(text, lower, trigger[0], right, left) if passive else _actor(text, lower, left, *trigger)
    if actor == "unspecified":  # "Zaterdag komt de bezorger van Coolblue": the subject after its verb
        clause = told_clause(text, lower, left, right)
        actor = clause.subject if clause is not None else actor
    within = next((d for d in durations if left <= d.span.start < right and d.kind == "promise"), None)
    within_seconds = within.seconds if within else None
    within_text = within.span.text if within else None
    if within is None:
        for word, seconds in _DAY_WORDS.items():
            pos = lower.find(word, left, right)
            if pos >= 0 and (pos == 0 or not lower[pos - 1].isalnum()):
                within_seconds, within_text = seconds, text[pos : pos + len(word)]
                break
    channel = "phone" if action == "call_back" else None
    span = Span(left, right, text[left:right])
    upon = _UPON.search(lower, left, right)
    waits_for = text[upon.start() : upon.end()].strip() if upon else None
    return PromiseMention(span, actor, action, within_seconds, within_text, channel, waits_for)


def _agent(text: str, lower: str, start: int, right: int, left: int | None = None) -> str:
    """Who does what is done to the customer or their things: a firm named after "door" or "by" ("wordt morgen
    bezorgd door PostNL", "delivered by DPD"), or as the source ("Volgens PostNL wordt het pakket ...", "The
    engineer from Openreach is booked"), otherwise the organisation."""
    by = _BY.search(lower, start, right)
    named = opening_name(text, lower, by.end(), right, followed=False) if by else None
    if named and not _OF.match(lower, by.end() + len(named)):  # type: ignore[union-attr]
        return named
    return _firm(text, lower, start if left is None else left, right) or "organisation"


def _firm(text: str, lower: str, left: int, right: int) -> str | None:
    """A firm named in the sentence as a source or an employer: "volgens PostNL", "according to DPD", "de monteur
    van Enexis", "the engineer from Openreach"; None when none is named."""
    for source in _SOURCE.finditer(lower, left, right):
        named = opening_name(text, lower, source.end(), right, followed=False)
        if named and not _not_a_name(named.split()[0]):
            return named
    return None


def _not_a_name(word: str) -> bool:
    return word in _NOT_NAMES or bool(_AHEAD.fullmatch(word))


def _actor(text: str, lower: str, left: int, start: int, end: int) -> str:
    """Who does it: the last person or party named before the trigger, taking the head of "een collega van de
    technische dienst" or "someone from our billing team"; a sentence that opens with a name ("PostNL bezorgt het
    pakket donderdag") names that party; otherwise the first named after it."""
    candidates = [
        a
        for a in _ACTOR.finditer(lower, left, end)
        if a.group() not in _NOT_ACTORS and not DURATION_RE.fullmatch(a.group()) and a.start() < max(start + 1, end)
    ]
    inverted = _INVERTED_SUBJECT.match(lower, start)
    if inverted:
        return inverted.group(1)
    before = [a for a in candidates if a.end() <= start or (a.start() < start and a.group().split()[0] in _PRONOUNS)]
    ours = [a for a in before if a.group() in ("we", "wij", "ik")]  # never an object: the subject
    if ours:
        return ours[-1].group()
    while len(before) > 1 and _OF.fullmatch(lower, before[-2].end(), before[-1].start()):
        if before.pop().group().startswith(_OURS):
            return "organisation"
    if not before:
        opening = _OPENING_NAME.match(text, left)
        if opening and opening.end() <= start and not _not_a_name(opening.group(1).lower()):
            return opening.group(1).lower()
        named = opening_name(text, lower, left, end)
        if named and not _not_a_name(named.split()[0]):
            return named
    chosen = before[-1] if before else (candidates[0] if candidates else None)
    of = _OF.match(lower, chosen.end()) if chosen else None
    employer = None
    if chosen and of and of.end() > chosen.end():
        employer = opening_name(text, lower, of.end(), len(lower), followed=False)
    if employer and not _not_a_name(employer.split()[0]):
        return employer  # "the engineer from Openreach", "de monteur van Enexis": that firm's people
    return chosen.group() if chosen else "unspecified"
