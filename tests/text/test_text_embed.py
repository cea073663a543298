"""Sentence embeddings ([embed]) behind one interface, and how a learned model uses them.

The backends run for real when the extra is installed (CI installs it); the tests of a missing extra point a
backend at a module that does not exist, which is exactly the state of a machine without the extra."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from klantstem.errors import ConfigurationError
from klantstem.text import embed
from klantstem.text.evaluation import evaluate
from klantstem.text.features import Featuriser
from klantstem.text.labelled import LabelledText, read_labelled_csv
from klantstem.text.model import BLENDS, GATES, Settings, TextModel
from klantstem.text.pipeline import Pipeline
from klantstem.text.training import best_decision

LABELLED = Path(__file__).parents[1] / "data" / "text" / "labelled.csv"
INSTALLED = [b for b in embed.BACKENDS if embed.available(b)]


@pytest.mark.parametrize("backend", INSTALLED or [pytest.param("e5", marks=pytest.mark.skip("no [embed]"))])
def test_each_backend_embeds_dutch_and_english_by_meaning(backend: str) -> None:
    embedder = embed.load_embedder(backend)
    texts = ["Lange wachttijd aan de telefoon.", "Long waiting time on the phone.", "Het eten was heerlijk.", ""]
    vectors = embedder.encode(texts)
    assert vectors.shape == (4, embedder.dim) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors[:3], axis=1), 1.0, atol=1e-3)
    query = embedder.encode(["Ik moest heel lang wachten voordat iemand opnam."])[0]
    assert embed.nearest(query, vectors[:3], k=1)[0][0] in (0, 1)
    assert embedder.encode([]).shape == (0, embedder.dim)


def test_unknown_backend_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="unknown embedding backend"):
        embed.load_embedder("word2vec")


def test_a_missing_extra_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(embed.BACKENDS, "e5", "klantstem_module_that_is_not_installed")
    embed.load_embedder.cache_clear()
    try:
        assert not embed.available("e5")
        with pytest.raises(ConfigurationError, match=r"klantstem\[embed\]"):
            embed.load_embedder("e5")
        with pytest.raises(ConfigurationError):
            TextModel.train([LabelledText("a", {"x": "bad"}), LabelledText("b", {"x": "normal"})], Settings(embed=True))
    finally:
        embed.load_embedder.cache_clear()


def test_the_blend_follows_the_better_model_out_of_fold() -> None:
    rng = np.random.default_rng(0)
    gold = rng.random((200, 3)) < 0.3
    noise = rng.random((200, 4))  # three facets and the "about any facet" column
    informed = np.hstack([0.35 * gold + 0.65 * rng.random((200, 3)), noise[:, 3:]])  # knows something
    # Embedding probabilities that carry the signal, text probabilities that do not: the most embedding wins.
    assert best_decision(noise, informed, gold.astype(np.int8))[0] == max(BLENDS)
    # And the other way round.
    assert best_decision(informed, noise, gold.astype(np.int8))[0] == min(BLENDS)
    assert best_decision(noise, None, gold.astype(np.int8))[0] == 0.0


def test_the_gate_is_used_when_it_knows_which_texts_are_about_any_facet() -> None:
    rng = np.random.default_rng(1)
    gold = rng.random((300, 3)) < 0.2
    about_any = gold.any(axis=1)
    # Each facet model tells its facet from the others but not a judged sentence from a mere mention: texts about
    # no facet score as high as texts about another facet.
    facets = np.where(gold, 0.5, np.where(about_any[:, None], 0.25, 0.5)) + 0.1 * rng.random((300, 3))
    knowing = np.hstack([facets, (0.2 + 0.6 * about_any + 0.1 * rng.random(300))[:, None]])
    blind = np.hstack([facets, rng.random((300, 1))])
    assert best_decision(knowing, None, gold.astype(np.int8))[1] > 0
    assert best_decision(blind, None, gold.astype(np.int8))[1] == 0.0


@pytest.mark.skipif("e5" not in INSTALLED, reason="the [embed] extra is not installed")
def test_a_model_with_embeddings_records_its_backend_and_survives_a_round_trip(tmp_path: Path) -> None:
    examples = read_labelled_csv(LABELLED)
    plain = TextModel.train(examples, Settings(seed=0))
    model = TextModel.train(examples, Settings(seed=0, embed=True))
    assert model.meta()["embed"] == "e5" and plain.meta()["embed"] is None
    assert model.meta()["blend"] in BLENDS and plain.meta()["blend"] == 0.0
    assert model.meta()["gate"] in GATES and plain.meta()["gate"] in GATES
    assert model.version != plain.version
    model.save(tmp_path / "m")
    loaded = TextModel.load(tmp_path / "m")
    scores = evaluate(model, examples)
    assert evaluate(loaded, examples) == scores
    assert scores["facets"]["micro_f1"] > 0.5


def test_the_featuriser_centres_vectors_that_all_lean_one_way() -> None:
    rng = np.random.default_rng(2)
    raw = 3.0 + rng.normal(size=(40, 8))  # a common direction, as e5's vectors have
    raw /= np.linalg.norm(raw, axis=1, keepdims=True)
    texts = [f"tekst nummer {i} over de bediening" for i in range(40)]
    analyses = list(Pipeline().analyse_many(texts))

    def mean_cosine(v: np.ndarray) -> float:
        return float((v @ v.T)[np.triu_indices(len(v), 1)].mean())

    centred = Featuriser(["x"]).fit(texts, raw).transform(texts, analyses, raw).embeddings
    assert centred is not None and mean_cosine(raw) > 0.8 and abs(mean_cosine(centred)) < 0.1
    assert np.allclose(np.linalg.norm(centred, axis=1), 1.0, atol=1e-5)
    # Fitted without vectors (a model trained without [embed]) it leaves them as they are.
    unchanged = Featuriser(["x"]).fit(texts).transform(texts, analyses, raw).embeddings
    assert unchanged is not None and np.array_equal(unchanged, raw)
