"""How good a model is on labelled texts: facet micro F1, appraisal accuracy per facet given the true
facets, overall appraisal accuracy and its confusion matrix."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from klantstem.text.labelled import LabelledText, overall_of
from klantstem.text.model import TextModel
from klantstem.text.normalise import clean
from klantstem.text.pipeline import Pipeline
from klantstem.text.results import LEVELS, Level


def evaluate(model: TextModel, examples: Sequence[LabelledText]) -> dict[str, Any]:
    texts = [clean(ex.text).text for ex in examples]
    analyses = list(Pipeline(model.taxonomy).analyse_many(texts))
    x = model.features(texts, analyses, [ex.context for ex in examples])
    chosen = model.choose(model.facet_probabilities(x))
    labels = model.labels
    gold = np.array([[f in ex.labels for f in labels] for ex in examples], dtype=bool).reshape(len(texts), -1)
    tp = int((chosen & gold).sum())
    fp, fn = int((chosen & ~gold).sum()), int((~chosen & gold).sum())
    unknown = sum(1 for ex in examples for f in ex.labels if f not in labels)
    fn += unknown
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    rows = [r for r, ex in enumerate(examples) for f in ex.labels if f in labels]
    facets = [f for ex in examples for f in ex.labels if f in labels]
    truth = [lv for ex in examples for f, lv in ex.labels.items() if f in labels]
    predicted = model.appraise(x, rows, facets) if rows else []
    per_facet: dict[str, dict[str, float | int]] = {}
    for facet in labels:
        pairs = [(t, p) for f, t, p in zip(facets, truth, predicted, strict=True) if f == facet]
        if pairs:
            per_facet[facet] = {"n": len(pairs), "accuracy": round(sum(t == p for t, p in pairs) / len(pairs), 4)}
    overall_truth, overall_pred = _overall(examples, rows, predicted, analyses)
    return {
        "model": model.version,
        "examples": len(examples),
        "facets": {
            "micro_f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "unknown_labels": unknown,
        },
        "appraisal_given_facets": {
            "accuracy": round(sum(t == p for t, p in zip(truth, predicted, strict=True)) / len(truth), 4)
            if truth
            else None,
            "per_facet": per_facet,
        },
        "overall_appraisal": {
            "accuracy": round(
                sum(t == p for t, p in zip(overall_truth, overall_pred, strict=True)) / len(overall_truth), 4
            )
            if overall_truth
            else None,
            "labels": list(LEVELS),
            "confusion": confusion(overall_truth, overall_pred),
        },
    }


def _overall(
    examples: Sequence[LabelledText], rows: Sequence[int], predicted: Sequence[Level], analyses: Sequence[Any]
) -> tuple[list[Level], list[Level]]:
    by_row: dict[int, list[Level]] = {}
    for r, level in zip(rows, predicted, strict=True):
        by_row.setdefault(r, []).append(level)
    truth: list[Level] = []
    guess: list[Level] = []
    for r, ex in enumerate(examples):
        t = ex.overall_or_derived
        if t is None:
            continue
        truth.append(t)
        guess.append(overall_of(by_row.get(r, [])) or analyses[r].appraisal.level)
    return truth, guess


def confusion(truth: Sequence[Level], predicted: Sequence[Level]) -> list[list[int]]:
    """Rows are the true level, columns the predicted one, both in the order bad, normal, excellent."""
    matrix = [[0, 0, 0] for _ in LEVELS]
    for t, p in zip(truth, predicted, strict=True):
        matrix[LEVELS.index(t)][LEVELS.index(p)] += 1
    return matrix


def evaluate_rules(examples: Sequence[LabelledText], pipeline: Pipeline | None = None) -> dict[str, Any]:
    """How well the day-one rules read labelled texts: the text's appraisal (accuracy and confusion matrix),
    facet micro F1 and the appraisal of each labelled facet the rules found."""
    reader = pipeline or Pipeline()
    analyses = list(reader.analyse_many([ex.text for ex in examples]))
    tp = fp = fn = facet_right = facet_found = overall_right = overall_n = 0
    truths: list[Level] = []
    guesses: list[Level] = []
    for ex, analysis in zip(examples, analyses, strict=True):
        found = {f.facet: f.appraisal.level for f in analysis.facets}
        tp += len(found.keys() & ex.labels.keys())
        fp += len(found.keys() - ex.labels.keys())
        fn += len(ex.labels.keys() - found.keys())
        for facet, level in ex.labels.items():
            if facet in found:
                facet_found += 1
                facet_right += found[facet] == level
        truth = ex.overall_or_derived
        if truth is not None:
            overall_n += 1
            overall_right += analysis.appraisal.level == truth
            truths.append(truth)
            guesses.append(analysis.appraisal.level)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "examples": len(examples),
        "appraisal_accuracy": round(overall_right / overall_n, 4) if overall_n else None,
        "facet_f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "facet_precision": round(precision, 4),
        "facet_recall": round(recall, 4),
        "found_facet_appraisal_accuracy": round(facet_right / facet_found, 4) if facet_found else None,
        "confusion": confusion(truths, guesses),
    }
