"""Facet models on sentence embeddings (extra `[embed]`): one support vector machine with an RBF kernel per facet.

On the Dutch reviews of bench/text_quality.py these scored better as the embedding half of the facet blend than a
logistic regression on the same vectors. The kernel between the training vectors is computed once and shared by all
facets; each machine's scores become probabilities by Platt scaling, fitted on scores from a stratified inner split
so that they are not the machine's own training scores. The training vectors are kept: a new text is scored by
its kernel against them. Beyond MAX_EXAMPLES texts the kernel would not fit in memory, so a logistic regression per
facet is used instead.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.svm import SVC

C = 1.0
GAMMA = 1.0  # kernel exp(-GAMMA * squared distance); the vectors have unit length, so distances lie in 0..2
CALIBRATION_FOLDS = 5  # at most: a facet needs at least 2 examples and 2 non-examples for Platt scaling
MAX_EXAMPLES = 10_000  # the kernel is MAX_EXAMPLES squared doubles (800 MB)
LINEAR_C = 16.0  # the logistic regressions used beyond MAX_EXAMPLES
CHUNK = 1 << 22  # kernel entries computed at a time when scoring


def rbf(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The RBF kernel between the rows of `a` and `b`."""
    squared = (a * a).sum(axis=1)[:, None] + (b * b).sum(axis=1)[None, :] - 2.0 * (a @ b.T)
    out: np.ndarray = np.exp(-GAMMA * np.maximum(squared, 0.0))
    return out


class VectorFacets:
    """One probability per facet (column of the targets) from a text's embedding."""

    def __init__(self, seed: int = 0) -> None:
        self.seed = seed
        self.vectors: np.ndarray | None = None  # the training vectors, when the machines use the kernel
        self.models: list[Any] = []  # per facet: (machine, platt), a logistic regression, or a constant

    def fit(self, x: np.ndarray, y: np.ndarray) -> VectorFacets:
        if len(x) > MAX_EXAMPLES:
            self.models = [self._linear(x, y[:, j]) for j in range(y.shape[1])]
            return self
        self.vectors = x.astype(np.float64)
        kernel = rbf(self.vectors, self.vectors)
        self.models = [self._machine(kernel, y[:, j]) for j in range(y.shape[1])]
        return self

    def _linear(self, x: np.ndarray, column: np.ndarray) -> Any:
        if column.min() == column.max():
            return float(column[0])
        return LogisticRegression(C=LINEAR_C, max_iter=2000, random_state=self.seed).fit(x, column)

    def _machine(self, kernel: np.ndarray, column: np.ndarray) -> Any:
        folds = int(min(CALIBRATION_FOLDS, column.sum(), len(column) - column.sum()))
        if folds < 2:  # always, never, or too rarely there to calibrate: its share
            return float(column.mean())
        scores = np.zeros(len(column))
        for train, test in StratifiedKFold(folds, shuffle=True, random_state=self.seed).split(kernel, column):
            machine = SVC(C=C, kernel="precomputed").fit(kernel[np.ix_(train, train)], column[train])
            scores[test] = machine.decision_function(kernel[np.ix_(test, train)])
        platt = LogisticRegression(C=1e4).fit(scores[:, None], column)
        return SVC(C=C, kernel="precomputed").fit(kernel, column), platt

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        out = np.zeros((len(x), len(self.models)), dtype=np.float64)
        width = len(self.vectors) if self.vectors is not None else 1  # kernel entries per text
        rows = max(1, CHUNK // width)
        for start in range(0, len(x), rows):
            part = x[start : start + rows].astype(np.float64)
            kernel = rbf(part, self.vectors) if self.vectors is not None else None
            for j, model in enumerate(self.models):
                if isinstance(model, float):
                    out[start : start + rows, j] = model
                elif isinstance(model, tuple):
                    machine, platt = model
                    scores = machine.decision_function(kernel)
                    out[start : start + rows, j] = platt.predict_proba(scores[:, None])[:, 1]
                else:
                    out[start : start + rows, j] = model.predict_proba(part)[:, 1]
        return out
