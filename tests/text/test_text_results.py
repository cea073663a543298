"""An analysis as JSON-ready data: the written-out `to_dict` must say what `dataclasses.asdict` says."""

from __future__ import annotations

import json
from dataclasses import asdict, replace

import pytest

from klantstem.text.pipeline import Pipeline
from klantstem.text.results import FacetResult, json_line


def test_to_dict_holds_every_field_of_every_record() -> None:
    text = (
        "Beste,\n\nIk stond 47 minuten in de wacht. De monteur komt morgen tussen 8 en 12 uur, zei uw collega, "
        "en we bellen u binnen twee dagen terug via WhatsApp. Heel vriendelijk wel!\n\nGroet,\nJan"
    )
    analysis = Pipeline(include_lemmas=True).analyse(text)
    assert analysis.facts.durations and analysis.facts.promises and analysis.facts.channels and analysis.facets
    learned = FacetResult("price", analysis.appraisal, (), "model", 0.75)
    analysis = replace(analysis, facets=(*analysis.facets, learned))
    assert analysis.to_dict() == asdict(analysis)
    without = replace(analysis, lemmas=None)
    expected = asdict(without)
    del expected["lemmas"]
    assert without.to_dict() == expected


@pytest.mark.parametrize("story_id", [7, "a-1", None, 2**70, "half \ud800 a pair", {"nested": [1, 2.5]}])
def test_a_json_line_says_what_the_record_says_for_any_id(story_id: object) -> None:
    """`text analyze` writes each line with orjson from the dataclasses; an id orjson refuses goes through json."""
    text = "Beste,\n\nNa 3 weken nog steeds geen antwoord, de app is waardeloos. Great staff though!\n\nGroet,\nJan"
    for lemmas in (False, True):
        analysis = Pipeline(include_lemmas=lemmas).analyse(text)
        learned = FacetResult("price", analysis.appraisal, (), "model", 0.1 + 0.2)
        analysis = replace(analysis, facets=(*analysis.facets, learned))
        line = json_line(story_id, analysis)
        assert line.endswith(b"\n") and line.count(b"\n") == 1
        expected = json.loads(json.dumps({"id": story_id, **analysis.to_dict()}))
        assert json.loads(line) == expected
        assert list(json.loads(line)) == list(expected), "the same keys in the same order"
