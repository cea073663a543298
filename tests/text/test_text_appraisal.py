from __future__ import annotations

import pytest

from klantstem.text.pipeline import Pipeline
from klantstem.text.results import Analysis

PIPELINE = Pipeline()


def analyse(text: str) -> Analysis:
    return PIPELINE.analyse(text)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Het eten was niet slecht.", "normal"),
        ("De medewerker was niet vriendelijk.", "bad"),
        ("Ze waren helemaal niet bereikbaar.", "bad"),
        ("Lekker was het niet.", "bad"),
        ("Geen probleem.", "normal"),
        ("The agent was not helpful at all.", "bad"),
        ("It wasn't bad.", "normal"),
    ],
)
def test_negation(text: str, level: str) -> None:
    assert analyse(text).appraisal.level == level


@pytest.mark.parametrize(
    "text", ["Nog steeds niet gebeld 😡", "Niet teruggebeld 👎", "Still not fixed 🤬", "Geen idee wanneer 😞"]
)
def test_an_emoji_after_a_negation_keeps_its_own_feeling(text: str) -> None:
    """ "niet" negates the words after it, not the writer's angry face at the end."""
    appraisal = analyse(text).appraisal
    assert appraisal.level == "bad"
    assert not any(c.negated for c in appraisal.cues if not c.span.text[:1].isalnum())


def test_negated_cue_is_marked_and_explains_the_level() -> None:
    cues = analyse("De medewerker was helemaal niet behulpzaam.").appraisal.cues
    assert any(c.negated and c.weight < 0 for c in cues)


def test_intensifiers_raise_the_score() -> None:
    plain = analyse("De medewerker was vriendelijk.").appraisal.score
    strong = analyse("De medewerker was heel erg vriendelijk.").appraisal.score
    weak = analyse("De medewerker was een beetje vriendelijk.").appraisal.score
    assert strong > plain > weak > 0
    assert (
        analyse("Het duurde wel erg lang, veel te traag.").appraisal.score < analyse("Het was traag.").appraisal.score
    )


@pytest.mark.parametrize(
    "text",
    ["Het is een puinhoop bij de klantenservice.", "Wat een zooitje.", "Het hele proces is een rommeltje."],
)
def test_a_mess_is_bad(text: str) -> None:
    assert analyse(text).appraisal.level == "bad"


def test_mild_words_stay_normal_and_strong_words_are_excellent() -> None:
    assert analyse("De service was prima.").appraisal.level == "normal"
    assert analyse("Fantastische service, echt geweldig!").appraisal.level == "excellent"
    assert analyse("Terrible service, the worst ever.").appraisal.level == "bad"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Zalig gegeten, wreed goed!", "excellent"),
        ("Keigoed geholpen door die mens.", "excellent"),
        ("Het was echt ambetant.", "bad"),
        ("Dat was nie goed.", "bad"),
        ("Ik ben content over de service.", "excellent"),
    ],
)
def test_flemish(text: str, level: str) -> None:
    assert analyse(text).appraisal.level == level


@pytest.mark.parametrize(
    "text",
    [
        "Ik ben nooit teruggebeld.",
        "47 minuten in de wacht.",
        "Ik moest mijn verhaal opnieuw vertellen.",
        "De website werkt al dagen niet.",
        "Ik kreeg ze niet te pakken, ze zijn altijd in vergadering.",
        "Het duurde weken voordat ik antwoord kreeg.",
        "I had to explain everything again and nobody called back.",
        "Ik heb lang gewacht.",
        "Daarna niks gehoord.",
        "I waited for ages.",
    ],
)
def test_factual_complaints_without_emotional_words_are_bad(text: str) -> None:
    appraisal = analyse(text).appraisal
    assert appraisal.level == "bad"
    assert any(c.kind in ("factual", "wait") for c in appraisal.cues)


def test_short_or_negated_waits_are_not_complaints() -> None:
    assert analyse("Ik hoefde maar 2 minuten te wachten.").appraisal.level != "bad"
    assert analyse("Ik heb dit keer geen 47 minuten hoeven wachten.").appraisal.level != "bad"


def test_cue_spans_point_into_the_text_and_sentences_are_appraised() -> None:
    text = "Het eten was heerlijk. De bediening was traag en onvriendelijk."
    analysis = analyse(text)
    for cue in analysis.appraisal.cues:
        assert text[cue.span.start : cue.span.end] == cue.span.text
    assert [s.appraisal.level for s in analysis.sentences] == ["excellent", "bad"]


def test_contrast_splits_clauses_for_facets() -> None:
    analysis = analyse("De bediening was super vriendelijk, maar het eten was echt vies.")
    by_facet = {f.facet: f.appraisal.level for f in analysis.facets}
    assert by_facet["staff_attitude"] == "excellent"
    assert by_facet["product_quality"] == "bad"


@pytest.mark.parametrize(
    "text",
    ["De medewerker was vriendelijk en ik heb drie weken gewacht.", "The agent was friendly and I waited three weeks."],
)
def test_praise_beside_a_complaint_in_one_clause_does_not_cancel_it(text: str) -> None:
    analysis = analyse(text)
    assert analysis.appraisal.score == 0.0  # the praise and the complaint weigh the same
    assert analysis.appraisal.level == "bad"
    assert analysis.sentences[0].appraisal.level == "bad"
    assert {f.facet: f.appraisal.level for f in analysis.facets}["waiting_time"] == "bad"


def test_praise_alone_and_weak_praise_beside_a_strong_complaint_keep_their_levels() -> None:
    assert analyse("Snel en vriendelijk geholpen.").appraisal.level == "excellent"
    assert analyse("Erg vriendelijk, het ging vlot en goed.").appraisal.level == "excellent"
    assert analyse("Ik heb een vraag over mijn factuur.").appraisal.level == "normal"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("De factuur was veel te hoog.", "bad"),
        ("De prijs was niet te hoog.", "normal"),
        ("The bill was way too high.", "bad"),
        ("Bedankt voor niks.", "bad"),
        ("Ik heb niet lang gewacht.", "normal"),
    ],
)
def test_too_much_and_thanks_for_nothing(text: str, level: str) -> None:
    assert analyse(text).appraisal.level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Geweldig, weer drie weken niks gehoord.", "bad"),
        ("Top! Alweer een storing.", "bad"),
        ("Great, another week without hearing anything.", "bad"),
        ("Top, weer goed geholpen.", "excellent"),  # again, but no complaint: praise
        ("Super, het werkt weer!", "excellent"),
        ("Geweldig, de storing is opgelost.", "excellent"),  # a complaint word, but no "again"
        ("Het was geweldig, weer een storing minder.", "excellent"),  # the praise does not open the sentence
    ],
)
def test_praise_that_opens_a_sentence_of_repeated_trouble_is_irony(text: str, level: str) -> None:
    appraisal = analyse(text).appraisal
    assert appraisal.level == level
    if level == "bad":
        assert any(c.negated and c.kind == "lexicon" for c in appraisal.cues), "the praise word is read as irony"
