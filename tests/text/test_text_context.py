"""A text that is one part of a longer story (a step, a sentence of a review) is appraised in the light of it."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from klantstem.cli.main import main
from klantstem.text.features import Featuriser, Stories
from klantstem.text.labelled import LabelledText, read_labelled_csv
from klantstem.text.model import Settings, TextModel, place, read_stories
from klantstem.text.pipeline import Pipeline

# Plain steps that carry no judgement of their own: only the story tells how they felt.
STEPS = [
    "We bestelden de soep.",
    "Daarna kwam het hoofdgerecht.",
    "Het dessert werd aan tafel gebracht.",
    "We kregen de kaart van de ober.",
    "Het voorgerecht was een salade.",
    "We aten er op zaterdagavond.",
    "Bij de koffie kwam een koekje.",
    "Het vlees werd aan tafel gesneden.",
]
GOOD = [
    "Wat een geweldige avond, alles was perfect en heerlijk. Een echte aanrader!",
    "Fantastisch restaurant, super vriendelijk en alles was top. We komen zeker terug.",
]
BAD = [
    "Wat een vreselijke avond, alles was slecht en koud. Nooit meer!",
    "Een waardeloos restaurant, onbeleefd personeel en het was een ramp. Echt teleurgesteld.",
]


def _examples() -> list[LabelledText]:
    out = []
    for i, step in enumerate(STEPS):
        out.append(LabelledText(step, {"food": "excellent"}, context=f"{step} {GOOD[i % 2]}"))
        out.append(LabelledText(step, {"food": "bad"}, context=f"{step} {BAD[i % 2]}"))
    return out


@pytest.fixture(scope="module")
def model() -> TextModel:
    return TextModel.train(_examples(), Settings(seed=0))


def test_the_same_step_is_appraised_by_the_story_it_is_part_of(model: TextModel) -> None:
    step = ["De kok kwam even langs."]
    analyses = list(Pipeline(model.taxonomy).analyse_many(step))
    stories = {
        "excellent": "Een heerlijke avond met perfecte bediening, echt top. De kok kwam even langs.",
        "bad": "De kok kwam even langs. Het was een slechte avond, vies eten en lang wachten. Nooit meer.",
    }
    for level, story in stories.items():
        x = model.features(step, analyses, [story])
        assert model.appraise(x, [0], ["food"]) == [level]
    # Without a story it still reads the step (the story's columns are zero).
    assert model.appraise(model.features(step, analyses), [0], ["food"])[0] in {"bad", "normal", "excellent"}


def test_the_context_is_part_of_the_model_version() -> None:
    examples = _examples()
    moved = [LabelledText(ex.text, ex.labels, context="") for ex in examples]
    assert TextModel.train(examples).version != TextModel.train(moved).version


def test_without_stories_the_story_columns_are_zero_and_a_story_vector_is_centred_on_the_told_ones() -> None:
    texts = [f"stap {i} van het verhaal" for i in range(6)]
    analyses = list(Pipeline().analyse_many(texts))
    story_analyses = list(Pipeline().analyse_many(["Alles was top, een aanrader!"] * 4)) + [None, None]
    vectors = np.tile(np.array([[3.0, 1.0, 0.0]], dtype=np.float32), (6, 1))
    vectors[:4, 2] = [1.0, -1.0, 1.0, -1.0]
    stories = Stories(story_analyses, np.zeros((6, 3), dtype=np.float32), vectors)
    featuriser = Featuriser(["x"]).fit(texts, vectors, stories)
    assert featuriser.context_centre is not None and np.allclose(featuriser.context_centre, [3.0, 1.0, 0.0])
    told = featuriser.transform(texts, analyses, vectors, stories).context
    assert told is not None
    rules, story_vectors = told[:, :8], told[:, 8:]
    assert (rules[:4, 0] > 0).all() and not rules[4:].any()  # the rules' appraisal of the good story, then none
    assert np.allclose(np.abs(story_vectors[:4, 2]), story_vectors[:4, 2].max()) and not story_vectors[4:].any()
    untold = Featuriser(["x"]).fit(texts).transform(texts, analyses).context
    assert untold is not None and untold.shape == (6, 8) and not untold.any()


def test_the_labelled_csv_and_the_analyze_input_carry_a_context(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    labelled = tmp_path / "labelled.csv"
    rows = ["text,labels,context"] + [f'"{e.text}",food={e.labels["food"]},"{e.context}"' for e in _examples()]
    labelled.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert [ex.context for ex in read_labelled_csv(labelled)] == [ex.context for ex in _examples()]

    out = tmp_path / "model"
    assert main(["text", "train", str(labelled), "--out", str(out)]) == 0
    capsys.readouterr()
    stories = tmp_path / "steps.jsonl"
    records = [
        {"id": "goed", "text": "De kok kwam even langs.", "context": "Heerlijk gegeten, perfecte avond, top!"},
        {"id": "slecht", "text": "De kok kwam even langs.", "context": "Slecht eten, vies en koud. Nooit meer."},
    ]
    stories.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert main(["text", "analyze", str(stories), "--model", str(out)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    levels = {line["id"]: {f["facet"]: f["appraisal"]["level"] for f in line["facets"]} for line in lines}
    assert levels == {"goed": {"food": "excellent"}, "slecht": {"food": "bad"}}

    stories.write_text('{"text": "Prima."}\n{"text": "Prima.", "context": 3}\n', encoding="utf-8")
    assert main(["text", "analyze", str(stories), "--model", str(out)]) == 2
    err = capsys.readouterr().err
    assert "steps.jsonl" in err and "line 2" in err and "context" in err and "Traceback" not in err


def test_where_a_text_stands_in_its_story() -> None:
    story = "Eerst belde ik. Toen wachtte ik. Nooit meer!"
    assert place("Eerst belde ik.", story) == (True, False, False)
    assert place("Toen wachtte ik.", story) == (False, False, False)
    assert place(" Nooit meer! ", story) == (False, True, False)
    assert place("Nooit meer!", "Nooit meer!") == (True, True, True)
    assert place("Iets anders.", story) == (False, False, False) and place("", story) == (False, False, False)
    texts = ["Eerst belde ik.", "Nooit meer!", "Los verhaal."]
    stories = read_stories(texts, [story, story, ""], Pipeline().taxonomy, None)
    assert stories.places.tolist() == [[1, 0, 0], [0, 1, 0], [0, 0, 0]]
    assert [a is not None for a in stories.analyses] == [True, True, False]
