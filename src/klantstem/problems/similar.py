"""Complaints that sound like an open problem: a voice linked to no problem whose words are close to what the
problem's reporters said is suggested for it ("similar words"), for a person to confirm or split off.

Words are compared as TF-IDF vectors of words and word pairs, accents and case folded (log-scaled counts, smoothed
inverse document frequency, rows of unit length); a problem is the mean of its reports' vectors. The vectors are
built here with numpy and scipy.sparse: scikit-learn's vectorizer gives the same numbers, but importing it costs
detection 1-3 s of start-up. (Character n-grams matched inflections a little better but cost a minute on 40,000
complaints on this machine.)"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from itertools import chain
from typing import Any

import numpy as np
from scipy import sparse

MIN_SIMILARITY = 0.45
MIN_WORDS = 4
_WORD = re.compile(r"(?u)\b\w\w+\b")


def terms(text: str) -> list[str]:
    """The words (two characters or more) and the pairs of neighbouring words of a text, lower case, accents off."""
    folded = text.lower()
    if not folded.isascii():
        folded = "".join(ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch))
    words = _WORD.findall(folded)
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def tfidf(texts: Sequence[str]) -> sparse.csr_matrix:
    """One row per text: 1 + ln(count) of each term, times ln((1 + n) / (1 + texts with the term)) + 1, rows
    scaled to unit length."""
    rows = [Counter(terms(text)) for text in texts]
    vocabulary = {term: column for column, term in enumerate(dict.fromkeys(chain.from_iterable(rows)))}
    indptr: list[int] = [0]
    indices: list[int] = []
    counts: list[int] = []
    for row in rows:
        indices.extend(map(vocabulary.__getitem__, row))
        counts.extend(row.values())
        indptr.append(len(indices))
    shape = (len(texts), len(vocabulary))
    matrix = sparse.csr_matrix(
        (np.asarray(counts, dtype=np.float64), np.asarray(indices, dtype=np.int64), np.asarray(indptr)), shape=shape
    )
    matrix.data = 1.0 + np.log(matrix.data)
    df = np.bincount(matrix.indices, minlength=shape[1])
    matrix = matrix @ sparse.diags(np.log((1.0 + shape[0]) / (1.0 + df)) + 1.0)
    return sparse.csr_matrix(_unit_rows(matrix))


def _unit_rows(matrix: Any) -> Any:
    """The rows of a sparse or dense matrix scaled to unit length (a row of zeros stays zeros)."""
    squares = matrix.multiply(matrix) if sparse.issparse(matrix) else np.square(matrix)
    norms = np.sqrt(np.asarray(squares.sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ matrix


def closest(problem_texts: dict[int, list[str]], texts: Sequence[str]) -> list[tuple[int, float] | None]:
    """For each text, the problem it sounds most like and how much (cosine), or None below the threshold."""
    known = [(pid, t) for pid, ts in problem_texts.items() for t in ts if len(t.split()) >= MIN_WORDS]
    if not known or not texts:
        return [None] * len(texts)
    matrix = tfidf([t for _, t in known] + list(texts))
    reports, asked = matrix[: len(known)], matrix[len(known) :]
    ids = sorted(problem_texts)
    rows = {pid: [i for i, (p, _) in enumerate(known) if p == pid] for pid in ids}
    present = [pid for pid in ids if rows[pid]]
    centroids = _unit_rows(np.vstack([np.asarray(reports[rows[pid]].mean(axis=0)) for pid in present]))
    scores = np.asarray(asked @ centroids.T)
    found: list[tuple[int, float] | None] = []
    for i, text in enumerate(texts):
        best = int(scores[i].argmax())
        score = float(scores[i, best])
        ok = score >= MIN_SIMILARITY and len(text.split()) >= MIN_WORDS
        found.append((present[best], round(score, 3)) if ok else None)
    return found
