"""Complaints that sound like an open problem: a voice linked to no problem whose words are close to what the
problem's reporters said is suggested for it ("similar words"), for a person to confirm or split off.

Words are compared as TF-IDF vectors of words and word pairs, accents and case folded; a problem is the mean of its
reports' vectors. (Character n-grams matched inflections a little better but cost a minute on 40,000 complaints
on this machine.)"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

MIN_SIMILARITY = 0.45
MIN_WORDS = 4


def closest(problem_texts: dict[int, list[str]], texts: Sequence[str]) -> list[tuple[int, float] | None]:
    """For each text, the problem it sounds most like and how much (cosine), or None below the threshold."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    known = [(pid, t) for pid, ts in problem_texts.items() for t in ts if len(t.split()) >= MIN_WORDS]
    if not known or not texts:
        return [None] * len(texts)
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, strip_accents="unicode", min_df=1)
    matrix = vectorizer.fit_transform([t for _, t in known] + list(texts))
    reports, asked = matrix[: len(known)], matrix[len(known) :]
    ids = sorted(problem_texts)
    rows = {pid: [i for i, (p, _) in enumerate(known) if p == pid] for pid in ids}
    present = [pid for pid in ids if rows[pid]]
    centroids = normalize(np.vstack([np.asarray(reports[rows[pid]].mean(axis=0)) for pid in present]))
    scores = np.asarray(asked @ centroids.T)
    found: list[tuple[int, float] | None] = []
    for i, text in enumerate(texts):
        best = int(scores[i].argmax())
        score = float(scores[i, best])
        ok = score >= MIN_SIMILARITY and len(text.split()) >= MIN_WORDS
        found.append((present[best], round(score, 3)) if ok else None)
    return found
