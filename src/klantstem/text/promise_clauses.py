"""A promise told by its structure, whatever its verb: a subject that can promise, a finite verb in the present or
the future, and a time ahead. "De aannemer begint volgende week", "ik app je vanavond terug", "De creditnota volgt
binnen drie werkdagen", "Your replacement phone ships tomorrow", "Over een uur belt een specialist u terug".

The verb is recognised by its form against the lemma dictionary (`klantstem.text.lemmas`): a Dutch stem, stem + t
or plural of a verb the dictionary knows ("app", "begint", "bezorgen"), an English verb + s ("ships"), or an
auxiliary ("zal", "gaat", "wordt", "will", "'ll"); not from a list of promise verbs. The subject is found by word
order: before the verb ("ik app", "de creditnota volgt") or, after an opening phrase, right after it ("Morgen gaat
de monteur", "Over een uur belt een specialist"). `facts.find_promises` checks the time ahead, the past, questions,
negations, requests and conditions before it asks this module. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import simplemma

from klantstem.text.lemmas import lemma
from klantstem.text.tokens import word_set

_TOKEN = re.compile(r"'ll|'s|'re|'d|'ve|'m|[a-z0-9\u00e0-\u00ff]+(?:-[a-z\u00e0-\u00ff]+)*")
_CLAUSE_BREAK = re.compile(r"[;\u2013\u2014()]|[,:](?!\d)|\s-\s")  # not inside "14:00" or "1,5"

SUBJECT_PRONOUNS = word_set(
    "ik wij we hij zij ze u je jij ge gij jullie iemand men er het dit i he she they you someone somebody it this"
)
_ENGLISH = re.compile(r"\b(?:the|you|we|will|'ll|i|my|your|our|is|are|and|to|of|on|by|it)\b")
_DUTCH = re.compile(r"\b(?:de|het|een|u|je|wij|ik|van|en|op|uw|onze|met|voor|wordt|nog|dat|niet)\b")
# words that end a subject: prepositions and times ("the chat answered within seconds" has no subject "the chat
# answered within")
_STOP = word_set(
    "binnen within op on in at om voor vóór before by to naar met with tot until na after over tegen morgen tomorrow "
    "vandaag today en and of or maar but dat that als if"
)
_OWNER = word_set("van from bij")
_OPENERS = word_set(
    "volgens na daarna dan nu straks vervolgens hierna hierbij dus ook alvast zodra direct meteen eerst "
    "uiterlijk ten tegen rond vanaf sinds later binnenkort spoedig zo"
)
_TIME_WORD = re.compile(
    r"(?:morgen|overmorgen|vandaag|vanavond|vanmiddag|vanochtend|volgende|komende|deze|eind|begin|"
    r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|week|maand|uur|kwartier|minuten|dagen|werkdagen)"
)
_PLURAL_PRONOUNS = word_set("wij we zij ze jullie")
_SPEAKER_OR_ADDRESSEE = word_set("ik je jij ge gij")
_ENGLISH_PERSONS = word_set("i we they you")
_PERSONAL = word_set("ik we wij u je jij ge gij hij zij ze men i they you he she")
# words that open a sentence and are no name, though the dictionary does not know them
_OPENING_WORDS = word_set("hierbij vervolgens alvast helaas ondertussen oké np thanks ps hoi hallo dag")
_ADVERBS = word_set("also just still always never only even already all really usually typically normally often "
                    "now then too both each")
_DETERMINERS = word_set(
    "de het een onze ons uw jouw jullie mijn je zijn haar hun deze die dit the a an our your my his her their this "
    "that"
)
_INDEFINITE = word_set("een a an")
# the customer, spoken to: a promise to them only when they are to receive ("U ontvangt", "you'll get"); "u kunt
# ons bellen" or "u stuurt ons de foto's" is the customer's own doing
_ADDRESSEE = word_set("u je jij ge gij jullie you")
_RECEIVING = word_set(
    "krijgen ontvangen horen hebben zien vernemen get receive hear have see"
)
# auxiliaries and common irregular forms, present and future, which the stem rule below does not reach
_FINITE_NL = word_set(
    "zal zullen zult zou zouden gaat gaan ga wordt worden word komt komen kom staat staan sta ligt liggen heeft "
    "hebben heb hebt krijgt krijg is zijn ben bent kan kunnen kunt mag mogen moet moeten wil wilt willen doet doen "
    "doe zit zitten"
)
_FINITE_EN = word_set("will 'll 'd shall should would is are am 's 're 've 'm can may must has have gets goes does")
# forms of "to be" and "can": a state or a possibility, not a commitment ("Het loket is morgen gesloten", "It will be
# a long week", "u kunt ons maandag bellen"), unless what follows moves ("is coming", "will be with you")
_BE = word_set("is zijn ben bent be are am 's 're 'm")
_MAY = word_set("kan kunnen kunt mag mogen moet moeten wil wilt willen can may must could might want wants")
_BE_MOVING = re.compile(
    r"\b(?:[a-z]+ing|with you|bij (?:u|je|jou)|klaar|terug|back|langs|expected|verwacht|due|scheduled|gepland)\b"
)
_PASSIVE = word_set("wordt word worden will 'll")
_HAVE = word_set("heb hebt heeft hebben have has had 've")
_EN_PARTICIPLES = word_set(
    "sent done been seen given taken made got gotten told paid spent had gone come heard left bought kept lost "
    "found put set known brought"
)
_FUTURE = word_set("zal zullen zult will 'll shall")
# who can promise: people and parties by what they are called; a thing as subject ("de creditnota volgt", "your
# phone ships") is what the organisation sends
_PERSON_SUFFIX = re.compile(r"(?:eur|aar|ier|ist|man|vrouw|ster|or|ian|ant|ent|dienst|team|afdeling|desk)s?$")
PEOPLE = word_set(
    "monteur monteurs technicus technieker collega medewerker medewerkster adviseur aannemer bezorger loodgieter "
    "verhuurder beheerder netbeheerder leverancier dealer installateur schilder timmerman gemeente verzekeraar "
    "hovenier makelaar huisbaas eigenaar chauffeur koerier postbode bank klantenservice klantendienst helpdesk "
    "engineer engineers technician driver courier installer landlord plumber builder contractor manager adviser "
    "advisor member colleague partner provider supplier carrier council insurer agent agency company firm "
    "someone somebody iemand"
)


@dataclass(frozen=True, slots=True)
class Clause:
    """A finite verb and its subject in one clause, as offsets into the lower-cased text."""

    verb_start: int
    verb_end: int
    subject: str  # the subject as written ("de aannemer", "ik"), or "organisation" for a thing or the addressee
    future: bool


def told_clause(
    text: str,
    lower: str,
    left: int,
    right: int,
    sentence: int | None = None,
    timed: Callable[[int, int], bool] | None = None,
    subordinate: bool = False,
) -> Clause | None:
    """The first clause of lower[left:right] with a subject that can promise and a finite verb in the present or
    the future (and, with `timed`, a time ahead of its own: "I moved out on 30 September ..., yet I'm still being
    billed" has none); None when there is none. The language is told by the whole sentence, from `sentence` on."""
    start = left if sentence is None else sentence
    english = len(_ENGLISH.findall(lower, start, right)) > len(_DUTCH.findall(lower, start, right))
    start = left
    for brk in [*_CLAUSE_BREAK.finditer(lower, left, right), None]:
        stop = brk.start() if brk else right
        found = _clause(text, lower, start, stop, english)
        if found is None and subordinate and not english:
            found = _verb_last(lower, start, stop)
        subordinate = False  # only the clause right after "dat" puts its verb last
        if found is not None and (timed is None or timed(start, stop)):
            return found
        start = brk.end() if brk else right
    return None


def _clause(text: str, lower: str, left: int, right: int, english: bool) -> Clause | None:
    """The clause's first finite verb with its subject: the subject first ("ik app je", "de creditnota volgt", in
    English also after an opening phrase: "Tomorrow our engineer will ..."), or in Dutch after an opening phrase
    the verb first ("Morgen gaat de monteur", "Over een uur belt een specialist")."""
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(lower, left, right)]
    words = [t[0] for t in tokens]
    for k in range(min(len(words) - 1, 7)):
        named = _name_end(text, tokens, k)
        if named and (k == 0 or english) and _finite(words[named], [], english):
            return _made(tokens, named, k, named, name=True)
        after = _subject_end(words, k, english)
        if after is not None and (k == 0 or english):
            if english and words[after] not in _FINITE_EN and _BE.intersection(words[after + 1 :]):
                return None  # "Our opening hours on Monday are ...": "hours" is a noun; the verb comes later
            # "Your order has shipped and is expected on Monday": the second verb of the same subject
            verbs = [after] + [j + 1 for j in range(after + 1, len(words) - 1) if words[j] in ("and", "en")]
            for verb in verbs:
                if verb == after or _finite(words[verb], words[k:after], english):
                    made = _made(tokens, verb, k, after)
                    if made is not None:
                        return made
            return None
        if k > 0 and not english and _opening_phrase(words[:k]):
            after = _subject_end(words, k + 1, english, verb_needed=False)
            if after is not None and _finite(words[k], words[k + 1 : after], english):
                return _made(tokens, k, k + 1, after)
        if _finite(words[k], [], english):
            return None  # the clause's finite verb has no subject that can promise
    return None


def _verb_last(lower: str, left: int, right: int) -> Clause | None:
    """A Dutch clause after "dat", its verb last: "(dat) de monteur aanstaande maandag langskomt"."""
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(lower, left, right)]
    words = [t[0] for t in tokens]
    after = _subject_end(words, 0, False, verb_needed=False)
    if after is None:
        return None
    for verb in range(after, len(words)):
        if _finite(words[verb], words[:after], False):
            return _made(tokens, verb, 0, after)
    return None


def _opening_phrase(words: list[str]) -> bool:
    """What may open a Dutch sentence before its verb and subject: a time ("Morgen", "Over een uur", "Vrijdag"),
    a phrase with a preposition ("Na controle", "Volgens de planning") or an adverb ("Daarna", "Hierbij"); not a
    bare noun ("Klant stuurt het op": "klant" is the subject)."""
    first = words[0]
    return (
        first in _STOP
        or first in _OPENERS
        or any(w[:1].isdigit() or _TIME_WORD.match(w) for w in words)
    )


def _subject_end(words: list[str], i: int, english: bool, verb_needed: bool = True) -> int | None:
    """The index just after a subject starting at `i`: a pronoun, or a determiner with up to three words and an
    owner ("de technische dienst", "een collega van de klantenservice"), followed by a finite verb when
    `verb_needed`; None when `i` starts none."""
    if i >= len(words):
        return None
    ends: list[int] = []
    if words[i] in SUBJECT_PRONOUNS:
        ends.append(i + 1)
    if words[i] in _DETERMINERS:
        j = i + 1
        while j < len(words) and j <= i + 7:
            if (words[j] in _OWNER or (english and words[j] == "of")) and j + 1 < len(words):
                j += 2 if words[j + 1] in _DETERMINERS else 1  # "van de klantenservice", "van Feenstra"
                continue
            if words[j] in _STOP or words[j] in SUBJECT_PRONOUNS:
                break
            j += 1
            ends.append(j)
    for end in ends:
        if not verb_needed or (end < len(words) and _finite(words[end], words[i:end], english)):
            return end
    return None


def _finite(word: str, subject: list[str], english: bool) -> bool:
    """A finite verb in the present or future: an auxiliary, a Dutch stem or stem + t of a known verb, a plural after
    a plural subject, or an English verb + s."""
    if word in (_FINITE_EN if english else _FINITE_NL):
        return True
    if len(word) < 2 or not word.isalpha():
        return False
    if english:
        base = lemma(word, "en")
        if base != word and word in (base + "s", base + "es"):
            return True  # "ships", "arrives"
        # "we aim", "I check": what follows a personal pronoun, unless an adverb ("we also", "I really")
        return bool(subject) and subject[-1] in _ENGLISH_PERSONS and base == word and word not in _ADVERBS and (
            not word.endswith("ly") and simplemma.is_known(word, "en")
        )
    dutch = lemma(word, "nl")
    if dutch.endswith("en") and dutch != word and word in _present_forms(dutch):
        return True
    if subject and subject[0] in _SPEAKER_OR_ADDRESSEE and _stem_of_a_verb(word):
        return True  # "ik regel", "regel ik", "stuur je": a stem the dictionary reads as a noun
    return word == dutch and word.endswith("en") and bool(subject) and subject[-1] in _PLURAL_PRONOUNS


def _stem_of_a_verb(word: str) -> bool:
    """`word` is the stem of a Dutch verb the dictionary knows: "regel" (regelen), "stuur" (sturen), "zet"."""
    shortened = word[:-2] + word[-1] if len(word) > 3 and word[-2] == word[-3] and word[-2] in "aeou" else word
    voiced = {"s": "z", "f": "v"}.get(shortened[-1], shortened[-1])
    for infinitive in {word + "en", word + word[-1] + "en", shortened + "en", shortened[:-1] + voiced + "en"}:
        if lemma(infinitive, "nl") == infinitive and simplemma.is_known(infinitive, "nl"):
            return True
    return False


def _present_forms(infinitive: str) -> set[str]:
    """The stems of a Dutch infinitive and stem + t: "nemen" neem/neemt, "zetten" zet, "checken" check/checkt."""
    stem = infinitive[:-2]
    stems = {stem}
    if len(stem) > 2 and stem[-1] == stem[-2]:
        stems.add(stem[:-1])  # zetten: zet, bellen: bel
    if len(stem) > 2 and stem[-2] in "aeou" and stem[-3] not in "aeiou" and stem[-1] not in "aeiou":
        stems.add(stem[:-2] + stem[-2] + stem[-2:])  # nemen: neem, sturen: stuur
    stems |= {s[:-1] + {"z": "s", "v": "f"}[s[-1]] for s in stems if s[-1] in "zv"}  # lezen: lees, geven: geef
    return stems | {s if s.endswith("t") else s + "t" for s in stems}


def _name_end(text: str, tokens: list[tuple[str, int, int]], k: int) -> int | None:
    """The index after a name starting at token `k`, written as firms write theirs: "PostNL", "DPD", "Stedin" (a
    capital and a word no dictionary knows, or a capital inside), "Royal Mail" (two capitalised words); None when
    none starts there."""
    end = k
    while end < len(tokens) and end < k + 3 and text[tokens[end][1] : tokens[end][2]][:1].isupper():
        end += 1
    if end == k or end >= len(tokens):
        return None
    first = text[tokens[k][1] : tokens[k][2]]
    if end - k > 1 or any(c.isupper() for c in first[1:]):
        return end
    known = simplemma.is_known(first.lower(), "nl") or simplemma.is_known(first.lower(), "en")
    # an opening adverb is followed by the verb and then the subject ("Hierbij bevestig ik", "Helaas kan ik")
    adverb = first.lower() in _OPENING_WORDS or (end + 1 < len(tokens) and tokens[end + 1][0] in _PERSONAL)
    return end if not known and not adverb else None


def opening_name(text: str, lower: str, left: int, right: int, followed: bool = True) -> str | None:
    """The name a sentence or clause opens with, lower-cased ("stedin", "royal mail"), when something follows it
    (or `followed` is False); None otherwise."""
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(lower, left, right)]
    end = _name_end(text, tokens + ([] if followed else [("", right, right)]), 0) if tokens else None
    return " ".join(t[0] for t in tokens[:end]) if end else None


def _made(tokens: list[tuple[str, int, int]], verb: int, first: int, last: int, name: bool = False) -> Clause | None:
    words = [t[0] for t in tokens]
    finite = words[verb]
    subject_words = words[first:last]
    rest = " ".join(words[verb + 1 :])
    if finite in _MAY:
        return None
    if finite in _BE and (rest.startswith("been") or not _BE_MOVING.search(rest)):
        return None
    will_be = finite in ("will", "'ll", "zal", "zullen") and rest.startswith(("be ", "zijn "))
    if will_be and not _BE_MOVING.search(rest) and not any(_participle(w) for w in words[verb + 2 : verb + 4]):
        return None  # "It will be a long week"; "will be dispatched" is done for the customer
    head = subject_words[0]
    subject = " ".join(subject_words)
    alone = len(subject_words) == 1
    if name:
        return Clause(tokens[verb][1], tokens[verb][2], subject, finite in _FUTURE)
    if finite in _HAVE and any(_participle(w) for w in words[verb + 1 :]):
        return None  # "We hebben uw betaling vandaag ontvangen": done, not promised
    if alone and head in _ADDRESSEE:
        lemmas = {lemma(w, "nl") for w in words[verb:]} | {lemma(w, "en") for w in words[verb:]}
        done_to = finite in _PASSIVE and any(_participle(w) for w in words[verb + 1 :])
        if not (lemmas & _RECEIVING or done_to):
            return None  # "u stuurt ons de foto's": the customer's own doing; "u wordt gebeld" is done to them
        subject = "organisation"
    elif alone and head in ("het", "dit", "er", "it", "this"):
        subject = "organisation"
    elif head in _DETERMINERS:
        nouns = [w for w in subject_words[1:] if w not in _DETERMINERS]
        owner = next((w for w in nouns if w in ("van", "from", "of", "bij", "at")), None)
        noun = nouns[nouns.index(owner) - 1] if owner and nouns.index(owner) > 0 else nouns[-1] if nouns else ""
        if not _person(noun) and head in ("onze", "ons", "our"):
            return None  # "Vanaf 1 januari gaan onze tarieven omhoog": news about the organisation, not a promise
        if not _person(noun):
            # "de creditnota volgt": the organisation sends it; "mijn abonnement loopt af" is the customer's own
            subject = f"{head} {noun}" if head in ("mijn", "my") else "organisation"
        elif head in _INDEFINITE:
            subject = "iemand"  # "een specialist", "a colleague": one of the organisation's people
        else:
            subject = f"{head} {noun}"
    _, start, end = tokens[verb]
    return Clause(start, end, subject, finite in _FUTURE)


def _participle(word: str) -> bool:
    """A past participle: "ontvangen", "gebeld", "verstuurd", "sent", "received"."""
    if word.endswith("ed") or word in _EN_PARTICIPLES:
        return True
    base = lemma(word, "nl")
    return (base != word and word.startswith("ge") and not base.startswith("ge")) or (
        word.startswith(("ont", "be", "ver", "her", "ge")) and word.endswith(("en", "d", "t")) and base in (word, "")
    )


def _person(noun: str) -> bool:
    return noun in PEOPLE or bool(_PERSON_SUFFIX.search(noun))
