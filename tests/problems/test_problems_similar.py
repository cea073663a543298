"""The similar-words vectors are built without scikit-learn; they must give the numbers its vectorizer gives."""

from __future__ import annotations

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from klantstem.problems import similar

TEXTS = [
    "De dealer heeft nooit teruggebeld na mijn proefrit aanvraag",
    "Na de online aanvraag voor een proefrit belde de dealer niet terug",
    "Ik wacht al drie kwartier in de wachtrij van de 0900-lijn",
    "Drie kwartier gewacht op de 0900 lijn, niemand nam op",
    "De brief over de eindafrekening begrijp ik niet: wat moet ik betalen?",
    "Café géén ÉÉN reçu — accents are folded, a a single letters are not words",
    "",
]


def test_the_vectors_are_those_of_scikit_learn() -> None:
    ours = similar.tfidf(TEXTS).toarray()
    theirs = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, strip_accents="unicode").fit(TEXTS)
    expected = theirs.transform(TEXTS).toarray()
    # the columns come in another order: compare each row's sorted weights and the cosines between rows
    assert np.allclose(np.sort(ours, axis=1)[:, ::-1][:, : expected.shape[1]], np.sort(expected, axis=1)[:, ::-1])
    assert np.allclose(ours @ ours.T, expected @ expected.T)
    assert ours.shape[1] == expected.shape[1]


def test_a_complaint_goes_to_the_problem_it_sounds_like() -> None:
    problems = {1: TEXTS[0:2], 2: TEXTS[2:4]}
    asked = [
        "Na mijn aanvraag voor een proefrit heeft de dealer nooit teruggebeld",
        "Ik wacht al drie kwartier op de 0900-lijn, niemand nam op",
        "ok",
        "Het eten in het restaurant was koud en de bediening traag",
    ]
    found = similar.closest(problems, asked)
    assert found[0] is not None and found[0][0] == 1
    assert found[1] is not None and found[1][0] == 2
    assert found[2] is None  # too few words to say
    assert found[3] is None  # about something else
