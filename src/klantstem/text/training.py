"""Fitting a TextModel's parts from labelled texts (see model.py for what the parts are)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy import sparse

from klantstem.errors import UserInputError
from klantstem.text.embed import load_embedder
from klantstem.text.features import Featuriser
from klantstem.text.labelled import LabelledText
from klantstem.text.model import (
    APPRAISAL_C,
    EMBED_WEIGHT,
    FACET_C,
    FLOORS,
    FORMAT,
    PER_FACET_MIN,
    THRESHOLDS,
    Settings,
    decide,
    facet_probabilities,
    folds,
    new_classifier,
    pair_matrix,
    version_of,
)
from klantstem.text.normalise import clean
from klantstem.text.pipeline import Pipeline


def fit_state(examples: Sequence[LabelledText], settings: Settings) -> dict[str, Any]:
    if len(examples) < 2:
        raise UserInputError("training needs at least 2 labelled texts")
    labels = sorted({facet for ex in examples for facet in ex.labels})
    if not labels:
        raise UserInputError("training needs at least one FACET=appraisal label")
    texts = [clean(ex.text).text for ex in examples]
    pipeline = Pipeline()
    analyses = list(pipeline.analyse_many(texts))
    facet_ids = pipeline.taxonomy.ids
    y = np.array([[facet in ex.labels for facet in labels] for ex in examples], dtype=np.int8)
    embeddings = load_embedder().encode(texts) if settings.embed else None
    weight = EMBED_WEIGHT if settings.embed else 0.0

    def build(idx: np.ndarray) -> tuple[Featuriser, sparse.csr_matrix]:
        sub = [texts[i] for i in idx]
        featuriser = Featuriser(facet_ids, weight).fit(sub)
        emb = embeddings[idx] if embeddings is not None else None
        return featuriser, featuriser.transform(sub, [analyses[i] for i in idx], emb)

    out_of_fold = np.zeros(y.shape, dtype=np.float64)
    for train, test in folds(len(texts), settings.inner_folds, settings.seed):
        featuriser, x_train = build(train)
        emb = embeddings[test] if embeddings is not None else None
        x_test = featuriser.transform([texts[i] for i in test], [analyses[i] for i in test], emb)
        out_of_fold[test] = facet_probabilities(fit_facet_models(x_train, y[train], settings.seed), x_test)
    threshold, floor = best_decision(out_of_fold, y)
    featuriser, x = build(np.arange(len(texts)))
    return {
        "format": FORMAT,
        "version": version_of(examples, settings),
        "labels": labels,
        "settings": settings,
        "featuriser": featuriser,
        "facet_models": fit_facet_models(x, y, settings.seed),
        "threshold": threshold,
        "floor": floor,
        "appraisal_model": fit_appraisal(x, examples, labels, settings.seed),
        "examples": len(examples),
    }


def fit_facet_models(x: sparse.csr_matrix, y: np.ndarray, seed: int) -> list[Any]:
    models: list[Any] = []
    for j in range(y.shape[1]):
        column = y[:, j]
        if column.min() == column.max():
            models.append(float(column[0]))
        else:
            models.append(new_classifier(FACET_C, seed).fit(x, column))
    return models


def best_decision(probabilities: np.ndarray, y: np.ndarray) -> tuple[float, float | None]:
    """The threshold and floor with the best micro F1 on out-of-fold probabilities (ties: first found)."""
    best: tuple[float, float, float | None] = (-1.0, 0.5, None)
    for threshold in THRESHOLDS:
        for floor in FLOORS:
            chosen = decide(probabilities, threshold, floor)
            f1 = micro_f1(chosen, y.astype(bool))
            if f1 > best[0] + 1e-12:
                best = (f1, threshold, floor)
    return best[1], best[2]


def micro_f1(chosen: np.ndarray, gold: np.ndarray) -> float:
    tp = float((chosen & gold).sum())
    denominator = float(chosen.sum() + gold.sum())
    return 2 * tp / denominator if denominator else 0.0


def fit_appraisal(x: sparse.csr_matrix, examples: Sequence[LabelledText], labels: Sequence[str], seed: int) -> Any:
    """A shared model over all facets, plus one per facet with enough examples of at least two levels."""
    rows = [r for r, ex in enumerate(examples) for _ in ex.labels]
    facets = [facet for ex in examples for facet in ex.labels]
    levels = [level for ex in examples for level in ex.labels.values()]
    if len(set(levels)) < 2:
        return levels[0]
    shared = new_classifier(APPRAISAL_C, seed, multinomial=True).fit(pair_matrix(x, rows, facets, labels), levels)
    per_facet: dict[str, Any] = {}
    for facet in labels:
        mine = [i for i, f in enumerate(facets) if f == facet]
        own = [levels[i] for i in mine]
        if len(mine) >= PER_FACET_MIN and len(set(own)) > 1:
            per_facet[facet] = new_classifier(APPRAISAL_C, seed, multinomial=True).fit(x[[rows[i] for i in mine]], own)
    return {"shared": shared, "per_facet": per_facet}
