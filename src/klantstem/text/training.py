"""Fitting a TextModel's parts from labelled texts (see model.py for what the parts are)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy import sparse

from klantstem.errors import UserInputError
from klantstem.text.embed import load_embedder
from klantstem.text.features import Features, Featuriser
from klantstem.text.labelled import LabelledText
from klantstem.text.model import (
    APPRAISAL_C,
    BLENDS,
    FACET_C,
    FLOORS,
    FORMAT,
    GATES,
    PER_FACET_MIN,
    THRESHOLDS,
    Settings,
    decide,
    facet_probabilities,
    folds,
    gated,
    mix,
    new_classifier,
    pair_matrix,
    read_stories,
    version_of,
    with_any,
)
from klantstem.text.normalise import clean
from klantstem.text.pipeline import Pipeline
from klantstem.text.taxonomy import Taxonomy, default_taxonomy
from klantstem.text.vector_facets import VectorFacets


def fit_state(examples: Sequence[LabelledText], settings: Settings, taxonomy: Taxonomy | None = None) -> dict[str, Any]:
    if len(examples) < 2:
        raise UserInputError("training needs at least 2 labelled texts")
    labels = sorted({facet for ex in examples for facet in ex.labels})
    if not labels:
        raise UserInputError("training needs at least one FACET=appraisal label")
    texts = [clean(ex.text).text for ex in examples]
    pipeline = Pipeline(taxonomy or default_taxonomy())
    analyses = list(pipeline.analyse_many(texts))
    facet_ids = pipeline.taxonomy.ids
    y = np.array([[facet in ex.labels for facet in labels] for ex in examples], dtype=np.int8)
    targets = with_any(y)  # the facet models, and the gate's model last
    embedder = load_embedder(settings.embedder) if settings.embed else None
    embeddings = embedder.encode(texts) if embedder is not None else None
    stories = read_stories(texts, [ex.context for ex in examples], pipeline.taxonomy, embedder)

    def build(idx: np.ndarray) -> tuple[Featuriser, Features]:
        sub = [texts[i] for i in idx]
        emb = embeddings[idx] if embeddings is not None else None
        told = stories.take(idx)
        featuriser = Featuriser(facet_ids).fit(sub, emb, told)
        return featuriser, featuriser.transform(sub, [analyses[i] for i in idx], emb, told)

    # Out-of-fold probabilities of both facet models, to choose the blend, the gate and the decision without the
    # test data.
    text_oof = np.zeros(targets.shape, dtype=np.float64)
    embed_oof = np.zeros(targets.shape, dtype=np.float64)
    for train, test in folds(len(texts), settings.inner_folds, settings.seed):
        featuriser, x_train = build(train)
        emb = embeddings[test] if embeddings is not None else None
        x_test = featuriser.transform([texts[i] for i in test], [analyses[i] for i in test], emb, stories.take(test))
        text_oof[test] = facet_probabilities(fit_facet_models(x_train.text, targets[train], settings.seed), x_test.text)
        if x_train.embeddings is not None and x_test.embeddings is not None:
            fold_vectors = VectorFacets(settings.seed).fit(x_train.embeddings, targets[train])
            embed_oof[test] = fold_vectors.probabilities(x_test.embeddings)
    blend, gate, threshold, floor = best_decision(text_oof, embed_oof if embeddings is not None else None, y)
    featuriser, x = build(np.arange(len(texts)))
    embed_models = None
    if x.embeddings is not None:
        embed_models = VectorFacets(settings.seed).fit(x.embeddings, targets)
    return {
        "format": FORMAT,
        "version": version_of(examples, settings, pipeline.taxonomy),
        "labels": labels,
        "settings": settings,
        "taxonomy": pipeline.taxonomy,
        "featuriser": featuriser,
        "facet_models": fit_facet_models(x.text, targets, settings.seed),
        "embed_models": embed_models,
        "blend": blend,
        "gate": gate,
        "threshold": threshold,
        "floor": floor,
        "appraisal_model": fit_appraisal(x, examples, labels, settings.seed),
        "examples": len(examples),
    }


def fit_facet_models(x: sparse.csr_matrix, y: np.ndarray, seed: int) -> list[Any]:
    """One classifier per facet on the text features; a facet that is always (or never) there gets that constant
    instead."""
    models: list[Any] = []
    for j in range(y.shape[1]):
        column = y[:, j]
        if column.min() == column.max():
            models.append(float(column[0]))
        else:
            models.append(new_classifier(FACET_C, seed).fit(x, column))
    return models


def best_decision(
    text_probabilities: np.ndarray, embed_probabilities: np.ndarray | None, y: np.ndarray
) -> tuple[float, float, float, float | None]:
    """The blend, gate, threshold and floor with the best micro F1 on out-of-fold probabilities (ties: first
    found). The probabilities have one column per facet of `y` and the "about any facet" column last."""
    best: tuple[float, float, float, float, float | None] = (-1.0, 0.0, 0.0, 0.5, None)
    for blend in BLENDS if embed_probabilities is not None else (0.0,):
        mixed = text_probabilities
        if embed_probabilities is not None:
            mixed = mix(text_probabilities, embed_probabilities, blend)
        for gate in GATES:
            probabilities = gated(mixed, gate)
            for threshold in THRESHOLDS:
                for floor in FLOORS:
                    f1 = micro_f1(decide(probabilities, threshold, floor), y.astype(bool))
                    if f1 > best[0] + 1e-12:
                        best = (f1, blend, gate, threshold, floor)
    return best[1:]


def micro_f1(chosen: np.ndarray, gold: np.ndarray) -> float:
    tp = float((chosen & gold).sum())
    denominator = float(chosen.sum() + gold.sum())
    return 2 * tp / denominator if denominator else 0.0


def fit_appraisal(x: Features, examples: Sequence[LabelledText], labels: Sequence[str], seed: int) -> Any:
    """A shared model over all facets, plus one per facet with enough examples of at least two levels."""
    rows = [r for r, ex in enumerate(examples) for _ in ex.labels]
    facets = [facet for ex in examples for facet in ex.labels]
    levels = [level for ex in examples for level in ex.labels.values()]
    if len(set(levels)) < 2:
        return levels[0]
    pairs = pair_matrix(x, rows, facets, labels)
    shared = new_classifier(APPRAISAL_C, seed, multinomial=True).fit(pairs, levels)
    per_facet: dict[str, Any] = {}
    for facet in labels:
        mine = [i for i, f in enumerate(facets) if f == facet]
        own = [levels[i] for i in mine]
        if len(mine) >= PER_FACET_MIN and len(set(own)) > 1:
            per_facet[facet] = new_classifier(APPRAISAL_C, seed, multinomial=True).fit(pairs[mine], own)
    return {"shared": shared, "per_facet": per_facet}
