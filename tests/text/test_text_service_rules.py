"""The day-one rules on service text: complaints told as facts, courtesy that is not praise, praise without a
praise word, irony, mixed Dutch and English, and the labelled service-text set they are measured on."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from klantstem.text.evaluation import evaluate_rules
from klantstem.text.labelled import read_labelled_csv
from klantstem.text.pipeline import Pipeline
from klantstem.text.results import Analysis

PIPELINE = Pipeline()
SERVICE_TEXTS = Path(__file__).parents[1] / "data" / "text" / "service_texts.csv"


def analyse(text: str) -> Analysis:
    return PIPELINE.analyse(text)


def facets(text: str) -> dict[str, str]:
    return {f.facet: f.appraisal.level for f in analyse(text).facets}


@pytest.mark.parametrize(
    ("text", "facet"),
    [
        ("Ik heb vijf keer gebeld en kreeg nooit iemand te spreken.", "reachability"),
        ("Ik werd van de ene afdeling naar de andere gestuurd.", "transfers"),
        ("Er staat een bedrag op de factuur dat niemand kan verklaren.", "price"),
        ("In het systeem staat niets van mijn melding.", "repeat_story"),
        ("De monteur is nooit gekomen.", "promises"),
        ("My order still hasn't been delivered.", "waiting_time"),
        ("Nobody told me the price would go up.", "communication"),
        ("Ik hoorde niets over mijn klacht.", "waiting_time"),
        ("Al drie dagen geen internet!!!", "product_quality"),
    ],
)
def test_complaints_told_as_facts_are_bad(text: str, facet: str) -> None:
    analysis = analyse(text)
    assert analysis.appraisal.level == "bad"
    assert facet in {f.facet for f in analysis.facets}


def test_seed_words_a_problem_is_not_negated_by_the_next_clause_and_no_service_is_a_complaint() -> None:
    analysis = analyse("laatst had ik een probleem want ik had geen bereik meer")
    problem = next(c for c in analysis.appraisal.cues if c.span.text == "probleem")
    assert not problem.negated and problem.weight < 0
    assert analysis.appraisal.level == "bad"
    assert analyse("maar geen service 10 dagen !!!").appraisal.level == "bad"


def test_a_negation_does_not_reach_over_a_preposition() -> None:
    cue = next(c for c in analyse("Niemand zei iets over de klacht.").appraisal.cues if c.span.text == "klacht")
    assert not cue.negated


@pytest.mark.parametrize(
    "text",
    [
        "Eindelijk iemand die precies wist hoe het zat.",
        "Ik heb niets aan te merken op de manier waarop ik ben geholpen.",
        "I can't fault the way they handled my case.",
        "Binnen een uur stond de monteur voor de deur.",
        "De storing was binnen een dag verholpen.",
        "The problem with my bill was sorted in one call.",
    ],
)
def test_praise_without_a_praise_word_and_praise_that_names_the_problem_are_excellent(text: str) -> None:
    assert analyse(text).appraisal.level == "excellent"


@pytest.mark.parametrize(
    "text",
    [
        "Top service hoor, drie weken niks gehoord.",
        "Love how nobody can tell me where my refund is.",
        "Prachtig hoe jullie elke afspraak weer verzetten.",
        "Vriendelijk was anders.",
    ],
)
def test_irony_is_bad(text: str) -> None:
    assert analyse(text).appraisal.level == "bad"


def test_greetings_sign_offs_and_disclaimers_are_no_judgement() -> None:
    mail = "Beste, Mijn pakket is nog steeds niet geleverd. Met vriendelijke groet, Jan"
    assert analyse(mail).appraisal.level == "bad"
    assert "staff_attitude" not in facets(mail)
    neutral = (
        "Geachte heer, mevrouw,\n\nWilt u mijn adres aanpassen?\n\nMet vriendelijke groet,\nHanneke Prins\n\n"
        "Dit bericht is vertrouwelijk en uitsluitend bestemd voor de geadresseerde."
    )
    assert analyse(neutral).appraisal.level == "normal"
    assert facets(neutral) == {}
    signed = "Hi,\n\nCould you send me my invoice?\n\nKind regards,\nTom\n\nSent from my iPhone"
    assert analyse(signed).appraisal.level == "normal"
    assert analyse("Oké, dank u wel. Fijne dag nog!").appraisal.level == "normal"


def test_praise_after_a_greeting_still_counts() -> None:
    assert analyse("Hallo,\n\nDe medewerker was super vriendelijk!\n\nGroet,\nAnne").appraisal.level == "excellent"


def test_mixed_dutch_and_english_read_both_languages() -> None:
    analysis = analyse("The agent was great, maar de wachttijd was terrible.")
    assert analysis.appraisal.score < 0
    assert facets("The agent was great, maar de wachttijd was terrible.")["waiting_time"] == "bad"
    assert analyse("Echt ridiculous hoe lang dit duurt.").appraisal.level == "bad"


def test_false_friends_of_the_other_language_are_not_cues() -> None:
    assert analyse("Mijn kind belde gisteren met de klantenservice over de rekening.").appraisal.level == "normal"


@pytest.mark.parametrize(
    "text",
    [
        "I want to transfer funds to my savings account.",
        "How do I transfer money from one account to another?",
        "My money hasn't been transferred yet.",
    ],
)
def test_moving_money_is_no_transfer_between_departments(text: str) -> None:
    assert "transfers" not in facets(text)


def test_being_transferred_is() -> None:
    assert "transfers" in facets("I was transferred to another department three times.")


def test_the_labelled_service_set_reads_with_newlines_and_keeps_its_halves() -> None:
    examples = read_labelled_csv(SERVICE_TEXTS)
    with SERVICE_TEXTS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(examples) == len(rows) >= 500
    assert sum(r["kind"] == "sentence" for r in rows) >= 400 and sum(r["kind"] == "message" for r in rows) >= 100
    assert any("\n" in ex.text for ex in examples)
    assert {r["language"] for r in rows} == {"nl", "be", "en", "mixed"}
    assert {r["appraisal"] for r in rows} == {"bad", "normal", "excellent"}


def test_the_rules_read_the_held_out_half_well() -> None:
    with SERVICE_TEXTS.open(encoding="utf-8", newline="") as handle:
        held_out = [n for n, r in enumerate(csv.DictReader(handle)) if r["half"] == "test"]
    examples = read_labelled_csv(SERVICE_TEXTS)
    report = evaluate_rules([examples[n] for n in held_out], PIPELINE)
    assert report["appraisal_accuracy"] >= 0.7
    assert report["facet_f1"] >= 0.7
    matrix = report["confusion"]
    assert sum(map(sum, matrix)) == len(held_out)
    assert round(sum(matrix[i][i] for i in range(3)) / len(held_out), 4) == report["appraisal_accuracy"]


@pytest.mark.parametrize(
    "text",
    [
        "Sinds de update kan ik mijn facturen niet meer inzien.",
        "De servicedesk neemt na vijf uur 's middags niet meer op.",
        "Since the update I can't see my invoices any more.",
    ],
)
def test_what_did_not_happen_is_a_complaint_without_a_cue_word(text: str) -> None:
    analysis = analyse(text)
    assert analysis.appraisal.level == "bad"
    assert any(c.kind == "undone" for c in analysis.appraisal.cues)


@pytest.mark.parametrize(
    "text",
    [
        "Kunt u mij niet gewoon terugbellen?",
        "Ik hoefde niets te doen.",
        "Zonder afspraak kon ik langskomen.",
        "Beste,\n\nIk verhuis op 1 mei.\n\nDit bericht is vertrouwelijk en niet bestemd voor derden.",
    ],
)
def test_a_question_no_need_without_or_courtesy_is_no_untold_complaint(text: str) -> None:
    assert not any(c.kind == "undone" for c in analyse(text).appraisal.cues)


def test_irony_reads_a_told_wait_and_a_wait_called_fair_is_no_complaint() -> None:
    assert analyse("Thanks a lot, weer drie weken wachten.").appraisal.level == "bad"
    assert analyse("Het duurde ongeveer tien minuten, wat ik normaal vind.").appraisal.level == "normal"
    assert analyse("Tien minuten wachten is niet normaal.").appraisal.level == "bad"


def test_thanks_in_advance_after_the_request_is_courtesy_and_a_plain_word_is_no_downtoner() -> None:
    assert analyse("Hallo, ik wil mijn telefoonnummer wijzigen. Bedankt alvast!").appraisal.cues == ()
    cue = analyse("Ik heb betaald voor iets dat ik nooit heb gekregen.").appraisal.cues[0]
    assert cue.intensity == 1.0
    assert analyse("Ik heb betaald voor iets dat ik nooit heb gekregen.").appraisal.level == "bad"
    assert analyse("De bediening was een beetje traag.").appraisal.cues[0].intensity < 1.0


def test_a_cue_hidden_by_a_longer_one_still_names_its_facet() -> None:
    analysis = analyse("Op mijn mail van maart heb ik nooit antwoord gekregen.")
    assert analysis.appraisal.level == "bad"
    assert "waiting_time" in facets("Op mijn mail van maart heb ik nooit antwoord gekregen.")


@pytest.mark.parametrize(
    "text",
    [
        "Ik probeerde de helpdesk te bereiken, de hele ochtend.",
        "Iedere keer als ik bel zijn alle lijnen in gesprek.",
        "Na vier keer doorschakelen kwam ik weer bij de eerste medewerker uit.",
        "Mijn vader mocht de rekening niet voor mij betalen.",
        "De nota was ineens drie keer zo hoog.",
        "I've been trying since Monday to contact your billing team.",
        "The automated line hangs up after the second option.",
        "They say it's the other department's responsibility.",
        "Only the account holder may make changes, they said.",
        "Now I have to pay twice for the same month.",
    ],
)
def test_failed_contact_transfers_no_mandate_and_odd_bills_told_as_facts_are_bad(text: str) -> None:
    assert analyse(text).appraisal.level == "bad"


@pytest.mark.parametrize(
    "text",
    [
        "Fantastische klantenservice weer: vier keer gebeld en geen oplossing.",
        "Oh great, another standard reply.",
        "Prachtig werk jullie, mijn formulier is weer kwijt.",
    ],
)
def test_irony_after_an_interjection_or_naming_what_it_praises_is_bad(text: str) -> None:
    assert analyse(text).appraisal.level == "bad"


@pytest.mark.parametrize(
    "text",
    [
        "Na de reset werkt de decoder gelukkig weer.",
        "Jullie hebben me echt uit de brand geholpen.",
        "You saved my day!",
    ],
)
def test_praise_told_as_what_works_again_or_was_saved_is_excellent(text: str) -> None:
    assert analyse(text).appraisal.level == "excellent"


def test_one_ordinary_complaint_word_is_enough_for_bad() -> None:
    assert analyse("De afhandeling was matig.").appraisal.level == "bad"
    assert analyse("The response was mediocre.").appraisal.level == "bad"


@pytest.mark.parametrize(
    "text",
    [
        "Super hoor, alweer een week zonder internet.",
        "Wonderful, another day without any heating.",
        "Heel professioneel, drie kwartier in de wacht en dan werd de lijn verbroken.",
    ],
)
def test_irony_reads_a_lack_after_again_and_an_intensified_opening_praise_word(text: str) -> None:
    assert analyse(text).appraisal.level == "bad"


def test_thanks_for_the_message_and_a_signed_closing_thanks_are_courtesy_but_a_last_thanks_is_gratitude() -> None:
    assert analyse("Thank you for your message. I have sent the meter reading.").appraisal.cues == ()
    assert analyse("Hallo,\n\nKan de afspraak naar dinsdag?\n\nThanks,\nIlse").appraisal.cues == ()
    assert any(c.span.text == "Bedankt" for c in analyse("Het werkt. Bedankt!").appraisal.cues)


def test_being_told_off_is_bad_staff_attitude() -> None:
    for text in ("De medewerker zei dat ik niet zo moest klagen.", "He said it was not his problem."):
        assert analyse(text).appraisal.level == "bad", text
        assert facets(text).get("staff_attitude") == "bad", text


@pytest.mark.parametrize(
    ("text", "frame"),
    [
        ("Bij het betalen krijg ik telkens een foutcode.", "telkens"),
        ("The chat keeps freezing when I attach a photo.", "keeps"),
        ("Ik heb vier keer gebeld over de meterstand.", "vier"),
        ("This is the third email I am sending about my contract.", "third"),
        ("Ze zouden de meter vorige week vervangen, er is nog steeds niemand geweest.", "zouden"),
    ],
)
def test_repetition_counted_effort_and_a_broken_promise_are_complaints_without_a_complaint_word(
    text: str, frame: str
) -> None:
    analysis = analyse(text)
    assert analysis.appraisal.level == "bad"
    assert any(c.kind == "frame" and c.span.text.lower() == frame for c in analysis.appraisal.cues)


@pytest.mark.parametrize(
    "text",
    [
        "Kunt u mij elke keer een kopie sturen?",
        "Ik wil graag twee keer per jaar een factuur.",
        "Het wordt steeds beter met de app.",
        "Ze zouden me morgen terugbellen.",
        "Ik zou graag mijn adres willen wijzigen.",
    ],
)
def test_a_request_praise_or_a_promise_not_yet_due_is_no_complaint_frame(text: str) -> None:
    assert not any(c.kind == "frame" for c in analyse(text).appraisal.cues)


def test_never_so_good_is_praise_and_effort_not_needed_is_praise() -> None:
    assert analyse("Nog nooit zo snel geholpen.").appraisal.level == "excellent"
    assert analyse("Ik hoefde helemaal niets uit te zoeken.").appraisal.level == "excellent"
    assert analyse("I didn't have to chase them once.").appraisal.level == "excellent"


def test_a_praise_word_in_scare_quotes_is_irony_and_a_question_after_a_complaint_does_not_hide_it() -> None:
    assert analyse("The line was 'repaired' twice and still crackles.").appraisal.level == "bad"
    assert analyse("De medewerker zei dat ik niet zo moest klagen.").appraisal.level == "bad"
    mail = "Beste,\n\nIk heb drie keer een nieuwe pas aangevraagd. Kunt u kijken wat er misgaat?\n\nGroet,\nAnja"
    assert analyse(mail).appraisal.level == "bad"


@pytest.mark.parametrize(
    "text",
    [
        # impatience: where is it, how long still, must I again
        "Waar blijft mijn terugbetaling?",
        "Hoe lang moet ik hier nog op wachten?",
        "Where is my refund?",
        "Do I really have to call again?",
        # escalation and demands
        "Ik ga naar de Geschillencommissie.",
        "I'll be taking this to the ombudsman.",
        "Ik wil mijn geld terug.",
        # the customer did the work
        "Ik moet overal zelf achteraan.",
        "I've had to chase this every single week.",
        "Uiteindelijk heb ik het zelf maar opgelost.",
        # an absence stressed, consent not asked, being dismissed
        "Niet eens een excuus.",
        "Not a single reply.",
        "They switched my tariff without asking me.",
        "Jullie hebben zonder toestemming geld afgeschreven.",
        "Ik kreeg te horen dat ik maar moest wachten.",
        # what should have been, what came back, what it cost
        "The parcel should have arrived on Monday.",
        "De monteur had om negen uur moeten komen.",
        "It broke again after a week.",
        "Mijn voorschot is ineens verdubbeld.",
        "I'm still being charged after cancelling.",
    ],
)
def test_complaints_told_without_a_complaint_word_are_bad(text: str) -> None:
    assert analyse(text).appraisal.level == "bad"


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for your help, Mark.",
        "Bedankt voor je hulp vandaag.",
        "Prima geholpen door de jongen aan de balie.",
        "Zoals beloofd werd het pakket vandaag bezorgd.",
        "As promised, the engineer came at 9.",
        "Eindelijk een bedrijf dat doet wat het belooft.",
        "They refunded me without me even asking.",
        "Keep up the good work!",
    ],
)
def test_thanks_for_help_and_a_promise_kept_are_praise(text: str) -> None:
    assert analyse(text).appraisal.level == "excellent"


@pytest.mark.parametrize(
    "text",
    [
        "Er is niets mis met de levering, ik wil alleen de kleur ruilen.",
        "There is nothing wrong with the product, I just want a different size.",
        "Ik heb vrijdag een vrije dag, kan de monteur dan komen?",
        "Is there anyone who can help me with my meter reading?",
        "I lost my card, can you send a new one?",
        "Kunt u de factuur opnieuw sturen?",
    ],
)
def test_requests_and_nothing_wrong_stay_normal(text: str) -> None:
    assert analyse(text).appraisal.level == "normal"


@pytest.mark.parametrize(
    ("text", "facet"),
    [
        ("De verwarming doet het niet.", "product_quality"),
        ("The boiler broke down again.", "product_quality"),
        ("Ik kan niemand bereiken.", "reachability"),
        ("The helpline is closed at weekends.", "reachability"),
        ("Jullie mails spreken elkaar tegen.", "communication"),
        ("He laughed at me.", "staff_attitude"),
        ("The engineer didn't turn up.", "promises"),
        ("Waarom betaal ik 12 euro servicekosten?", "price"),
        ("The payment went out twice.", "price"),
    ],
)
def test_common_things_and_acts_of_service_name_their_facet(text: str, facet: str) -> None:
    assert facet in facets(text)


def test_a_phone_nobody_answers_is_reachability_not_communication() -> None:
    assert set(facets("Nobody answers the phone.")) == {"reachability"}


@pytest.mark.parametrize(
    ("text", "facet"),
    [
        ("Volgens het systeem heb ik nooit een klacht ingediend, terwijl ik drie keer gebeld heb.", None),
        ("Hij bleef maar herhalen dat het systeem gelijk had.", None),
        ("De helpdesk stuurde me naar verkoop en die stuurde me weer terug naar de helpdesk.", "transfers"),
        ("Billing sent me to technical support, who sent me back to billing.", "transfers"),
        ("Toch is er deze maand weer 54 euro afgeschreven.", "price"),
        ("I've been trying to cancel my subscription for three weeks.", None),
        ("Each person I spoke to told me something different.", "communication"),
        ("I'm on my fifth engineer visit.", None),
        ("Ze hebben mijn klacht gesloten zonder iets op te lossen.", "competence"),
        ("Why is my bill so high?", None),
    ],
)
def test_what_customers_tell_when_it_went_wrong_is_bad(text: str, facet: str | None) -> None:
    analysis = analyse(text)
    assert analysis.appraisal.level == "bad"
    if facet is not None:
        assert {f.facet: f.appraisal.level for f in analysis.facets}.get(facet) == "bad"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Couldn't have been easier.", "excellent"),
        ("Had geen makkelijker kunnen gaan.", "excellent"),
        ("Binnen vijf minuten geholpen.", "excellent"),
        ("Hello,\n\nThank you for your email. I have now paid the outstanding amount.\n\nRegards,\nFatima", "normal"),
        ("Why is there a fee for paper bills?", "normal"),
    ],
)
def test_praise_by_comparison_and_speed_and_what_only_looks_like_praise(text: str, level: str) -> None:
    assert analyse(text).appraisal.level == level
