"""A model trained with a customer's own taxonomy learns from its cue rules and keeps that taxonomy."""

from __future__ import annotations

from pathlib import Path

import pytest

from klantstem.errors import UserInputError
from klantstem.text.labelled import LabelledText
from klantstem.text.model import Settings, TextModel
from klantstem.text.pipeline import Pipeline
from klantstem.text.taxonomy import Taxonomy, default_taxonomy, parse_taxonomy

INSURANCE = {
    "name": "insurance",
    "version": "1",
    "facets": [
        {"id": "policy", "label": "Polis", "description": "De polis en wat die dekt.",
         "cues": {"nl": ["polis*", "premie*", "dekking", "eigen risico"]}},
        {"id": "staff", "label": "Medewerkers", "description": "De medewerkers.",
         "cues": {"nl": ["medewerker*", "adviseur*"]}},
    ],
}
TRAINING = [
    LabelledText("De polis was prima geregeld.", {"policy": "excellent"}),
    LabelledText("De polis was een puinhoop.", {"policy": "bad"}),
    LabelledText("Een heldere polis, top.", {"policy": "excellent"}),
    LabelledText("Een slechte polis.", {"policy": "bad"}),
    LabelledText("Een vriendelijke medewerker.", {"staff": "excellent"}),
    LabelledText("De medewerker was onbeleefd.", {"staff": "bad"}),
    LabelledText("De adviseur was fantastisch.", {"staff": "excellent"}),
    LabelledText("De adviseur was onbeschoft.", {"staff": "bad"}),
    LabelledText("Het weer was mooi vandaag."),
    LabelledText("Ik heb een vraag gesteld."),
    LabelledText("Verder niets bijzonders."),
    LabelledText("Dat was het."),
]


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return parse_taxonomy(INSURANCE, "insurance.json")


@pytest.fixture(scope="module")
def model(taxonomy: Taxonomy) -> TextModel:
    return TextModel.train(TRAINING, Settings(seed=0), taxonomy)


def test_the_cue_rules_of_the_taxonomy_carry_words_the_labels_never_showed(model: TextModel) -> None:
    # "premie" and "dekking" are in no training text: only the taxonomy's cues connect them to "policy"
    texts = ["De premie ging omhoog.", "Wat is mijn dekking?"]
    own = model
    plain = TextModel.train(TRAINING, Settings(seed=0))
    own_p = own.facet_probabilities(own.features(texts, list(Pipeline(own.taxonomy).analyse_many(texts))))
    plain_p = plain.facet_probabilities(plain.features(texts, list(Pipeline().analyse_many(texts))))
    j = own.labels.index("policy")
    assert (own_p[:, j] > plain_p[:, j] + 0.1).all()
    assert own.version != plain.version


def test_the_model_keeps_its_taxonomy_through_save_and_load(
    model: TextModel, taxonomy: Taxonomy, tmp_path: Path
) -> None:
    model.save(tmp_path)
    loaded = TextModel.load(tmp_path)
    assert loaded.taxonomy == taxonomy
    assert loaded.meta()["taxonomy"] == "insurance@1"
    analysis = Pipeline.with_model(loaded).analyse("De adviseur was onbeleefd.")
    assert analysis.versions["taxonomy"] == "insurance@1"
    assert "staff" in {f.facet for f in analysis.facets}


def test_a_model_is_not_read_with_another_taxonomy(model: TextModel) -> None:
    with pytest.raises(UserInputError, match="another taxonomy"):
        Pipeline(default_taxonomy(), model)


def test_appraisal_follows_the_rules_view_of_each_facet_in_a_mixed_sentence(taxonomy: Taxonomy) -> None:
    # one sentence, two facets, opposite appraisals: the text features are the same for both pairs,
    # so only the rules' appraisal of each facet can tell them apart
    model = TextModel.train(TRAINING * 3, Settings(seed=0), taxonomy)
    text = ["De polis was prima geregeld, maar de medewerker was onbeleefd."]
    x = model.features(text, list(Pipeline(model.taxonomy).analyse_many(text)))
    assert model.appraise(x, [0, 0], ["policy", "staff"]) == ["excellent", "bad"]
