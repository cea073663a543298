from __future__ import annotations

import json
from pathlib import Path

import pytest

from klantstem.errors import ImportFileError
from klantstem.text.pipeline import Pipeline
from klantstem.text.taxonomy import default_taxonomy, load_taxonomy

SEED_STORIES = {
    "Die brief snapt toch niemand?": "communication",
    "Ik kreeg ze niet te pakken, ze zijn altijd in vergadering.": "reachability",
    "Het duurde weken voordat ik antwoord kreeg.": "waiting_time",
    "Hun online systeem werkte niet!": "online_systems",
    "Ik moest mijn verhaal telkens opnieuw vertellen, schrijven ze niets op?": "repeat_story",
    "Ik werd een paar keer doorverbonden.": "transfers",
    "De medewerkster was erg onvriendelijk.": "staff_attitude",
    "De dealer zou contact met mij opnemen, maar dat is nooit gebeurd.": "promises",
    "Mijn vrouw mag niet bellen, daar kan de medewerker niets aan doen.": "competence",
    "Veel te duur voor wat je krijgt.": "price",
    "Het toestel was na een week alweer kapot.": "product_quality",
}


def test_default_taxonomy_has_the_facets_from_the_seeds() -> None:
    assert set(default_taxonomy().ids) == set(SEED_STORIES.values())


@pytest.mark.parametrize(("text", "facet"), SEED_STORIES.items())
def test_each_facet_is_found_with_evidence_spans(text: str, facet: str) -> None:
    analysis = Pipeline().analyse(text)
    found = {f.facet: f for f in analysis.facets}
    assert facet in found
    for span in found[facet].evidence:
        assert text[span.start : span.end] == span.text


def test_facets_are_multi_label_with_their_own_appraisal() -> None:
    text = "Na 47 minuten in de wacht kreeg ik een vriendelijke medewerker, maar die kon me niet helpen."
    found = {f.facet: f.appraisal.level for f in Pipeline().analyse(text).facets}
    assert {"waiting_time", "reachability", "staff_attitude", "competence"} <= set(found)
    assert found["competence"] == "bad"
    assert found["waiting_time"] == "bad"


def test_a_custom_taxonomy_file_replaces_the_default(tmp_path: Path) -> None:
    path = tmp_path / "taxonomy.json"
    path.write_text(
        json.dumps(
            {
                "name": "garage",
                "version": "2",
                "facets": [
                    {"id": "parking", "label": "Parkeren", "cues": {"nl": ["parkeer*", "parkeren"], "en": ["parking"]}},
                ],
            }
        ),
        encoding="utf-8",
    )
    pipeline = Pipeline(load_taxonomy(path))
    analysis = pipeline.analyse("Parkeren was een ramp, nergens een parkeerplek.")
    assert [f.facet for f in analysis.facets] == ["parking"]
    assert analysis.facets[0].appraisal.level == "bad"
    assert analysis.versions["taxonomy"] == "garage@2"


@pytest.mark.parametrize(
    ("content", "field"),
    [
        ("{not json", None),
        ('{"facets": [{"label": "x"}]}', "facets[0].id"),
        ('{"facets": [{"id": "a"}, {"id": "a"}]}', "facets[1].id"),
        ('{"facets": [{"id": "a", "cues": {"nl": ["... begint met gat"]}}]}', "facets[0].cues"),
        ('{"facets": [{"id": "a"}, {"id": "b", "topics": {"en": ["... gap first"]}}]}', "facets[1].topics"),
        ('{"facets": [{"id": "a", "topics": ["app"]}]}', "facets[0].topics"),
    ],
)
def test_a_broken_taxonomy_names_the_file_and_field(tmp_path: Path, content: str, field: str | None) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        load_taxonomy(path)
    assert str(path) in str(caught.value)
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("text", "facet", "topic_of"),
    [
        ("Inloggen met DigiD lukt al een week niet.", "online_systems", "waiting_time"),
        ("The system has no record of the complaint I filed last month.", "repeat_story", "online_systems"),
        ("De medewerker kon me niet helpen.", "competence", "staff_attitude"),
        ("Mijn probleem is na vier gesprekken nog steeds niet opgelost.", "competence", "waiting_time"),
    ],
)
def test_a_topic_names_no_facet_beside_a_facet_its_sentence_judges(text: str, facet: str, topic_of: str) -> None:
    found = {f.facet for f in Pipeline().analyse(text).facets}
    assert facet in found
    assert topic_of not in found


def test_a_topic_alone_names_its_facet_and_a_cue_wins_over_the_same_pattern_as_topic(tmp_path: Path) -> None:
    assert {f.facet for f in Pipeline().analyse("Mijn abonnement loopt volgende maand af.").facets} == {"price"}
    text = "Het wachten op de monteur was een ramp."
    path = tmp_path / "taxonomy.json"

    def found(visits: dict[str, object]) -> set[str]:
        facets = [{"id": "visits", **visits}, {"id": "waiting", "cues": {"nl": ["wachten"]}}]
        path.write_text(json.dumps({"facets": facets}), encoding="utf-8")
        return {f.facet for f in Pipeline(load_taxonomy(path)).analyse(text).facets}

    assert found({"topics": {"nl": ["monteur"]}}) == {"waiting"}
    assert found({"cues": {"nl": ["monteur"]}, "topics": {"nl": ["monteur"]}}) == {"visits", "waiting"}


@pytest.mark.parametrize(
    ("text", "facet"),
    [
        ("Niemand had mij verwittigd dat de levering later zou komen.", "communication"),
        ("Bij de winkel wist niemand hoe de overstap werkte.", "competence"),
        ("Elke keer vraagt een nieuwe medewerker weer naar mijn gegevens.", "repeat_story"),
        ("The helpdesk sent me back to the shop.", "transfers"),
        ("I tried to call four times this morning.", "reachability"),
    ],
)
def test_facets_named_by_the_families_of_words_customers_use(text: str, facet: str) -> None:
    assert facet in {f.facet for f in Pipeline().analyse(text).facets}
