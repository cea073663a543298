"""The facet models on sentence embeddings: kernel machines with calibrated probabilities."""

from __future__ import annotations

import numpy as np
import pytest

from klantstem.text import vector_facets
from klantstem.text.vector_facets import VectorFacets


def _unit(rows: np.ndarray) -> np.ndarray:
    out: np.ndarray = rows / np.linalg.norm(rows, axis=1, keepdims=True)
    return out


def _opposite_clusters(per_cluster: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Four clusters of unit vectors, at 0, 90, 180 and 270 degrees; the facet is there at 0 and 180 only, so no
    plane through the vectors separates it."""
    rng = np.random.default_rng(seed)
    centres = np.array([[1.0, 0, 0], [0, 1.0, 0], [-1.0, 0, 0], [0, -1.0, 0]])
    x = _unit(np.repeat(centres, per_cluster, axis=0) + rng.normal(0, 0.1, (4 * per_cluster, 3)))
    there = np.repeat([1, 0, 1, 0], per_cluster).astype(np.int8)
    return x, np.column_stack([there, np.ones_like(there)])


def test_a_facet_no_plane_separates_is_found() -> None:
    x, y = _opposite_clusters(20, seed=0)
    test, gold = _opposite_clusters(10, seed=1)
    probabilities = VectorFacets().fit(x, y).probabilities(test)
    assert ((probabilities[:, 0] > 0.5) == gold[:, 0].astype(bool)).all()
    assert (probabilities[:, 1] == 1.0).all()  # a facet that is always there keeps that constant


def test_a_facet_too_rare_to_calibrate_gets_its_share() -> None:
    x, y = _opposite_clusters(10, seed=0)
    y[:, 0] = 0
    y[3, 0] = 1
    probabilities = VectorFacets().fit(x, y).probabilities(x[:5])
    assert np.allclose(probabilities[:, 0], 1 / len(x))


def test_scoring_in_chunks_gives_the_same_probabilities(monkeypatch: pytest.MonkeyPatch) -> None:
    x, y = _opposite_clusters(15, seed=0)
    test, _ = _opposite_clusters(7, seed=2)
    facets = VectorFacets().fit(x, y)
    whole = facets.probabilities(test)
    monkeypatch.setattr(vector_facets, "CHUNK", len(x) * 3)  # three texts at a time
    assert np.allclose(facets.probabilities(test), whole)


def test_beyond_the_kernel_limit_a_linear_model_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vector_facets, "MAX_EXAMPLES", 10)
    rng = np.random.default_rng(0)
    x = _unit(rng.normal(0, 1, (40, 3)))
    y = np.column_stack([(x[:, 0] > 0).astype(np.int8), np.zeros(40, dtype=np.int8)])
    facets = VectorFacets().fit(x, y)
    assert facets.vectors is None  # no kernel kept
    probabilities = facets.probabilities(x)
    assert ((probabilities[:, 0] > 0.5) == (x[:, 0] > 0)).mean() > 0.9
    assert (probabilities[:, 1] == 0.0).all()
