"""An analysis as JSON-ready data: the written-out `to_dict` must say what `dataclasses.asdict` says."""

from __future__ import annotations

from dataclasses import asdict, replace

from klantstem.text.pipeline import Pipeline
from klantstem.text.results import FacetResult


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
