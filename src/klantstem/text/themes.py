"""Themes beyond the taxonomy: clusters of stories with a readable label and representative quotes.

TF-IDF -> truncated SVD -> k-means (or sentence embeddings with [embed] instead of SVD). Deterministic for
a seed; new stories are assigned to the nearest theme without refitting.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.cluster import MiniBatchKMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from klantstem.errors import UserInputError
from klantstem.text.embed import Embedder
from klantstem.text.language import EN_FUNCTION_WORDS, NL_FUNCTION_WORDS
from klantstem.text.tokens import word_set

STOP_WORDS = sorted(
    w
    for w in NL_FUNCTION_WORDS
    | EN_FUNCTION_WORDS
    | word_set(
        "aan af alleen bij door had hadden heeft hem haar hier in is kan kon me men meer mij na niet nu of ook "
        "over wordt zal zou zoals toch uit tot u uw werd zich zelf zo ze je jij wel dus even gewoon "
        "at by from in into it its me more or our out than them there these those up us was will would"
    )
    if "'" not in w
)
QUOTE_CHARS = 240
MAX_THEMES = 60  # the default number of themes stays readable for people; pass k for more


@dataclass(frozen=True)
class Theme:
    id: int
    label: str
    terms: tuple[str, ...]
    size: int
    quotes: tuple[str, ...]


class ThemeModel:
    """Fit once with `fit`; `themes` describes the clusters, `assign` places new stories."""

    def __init__(
        self, vectorizer: TfidfVectorizer, svd: TruncatedSVD | None, kmeans: MiniBatchKMeans, embedder: Embedder | None
    ) -> None:
        self.vectorizer, self.svd, self.kmeans, self.embedder = vectorizer, svd, kmeans, embedder
        self.themes: tuple[Theme, ...] = ()
        self.labels_: np.ndarray = np.zeros(0, dtype=np.int64)

    @classmethod
    def fit(
        cls,
        texts: Sequence[str],
        k: int | None = None,
        seed: int = 0,
        dims: int = 100,
        embedder: Embedder | None = None,
        quotes: int = 3,
    ) -> ThemeModel:
        if not any(t.strip() for t in texts):
            raise UserInputError("themes need at least one story with words")
        n = len(texts)
        k = max(1, min(n, k or min(MAX_THEMES, int(round(math.sqrt(n / 2)))), 500))
        vectorizer = TfidfVectorizer(
            stop_words=STOP_WORDS,
            min_df=2 if n >= 50 else 1,
            max_df=0.5 if n >= 50 else 1.0,
            max_features=20_000,
            sublinear_tf=True,
            dtype=np.float32,
            token_pattern=r"(?u)\b[^\W\d_]{2,}\b",
        )
        tfidf = vectorizer.fit_transform(texts)
        svd = None
        if embedder is None:
            components = max(1, min(dims, tfidf.shape[1] - 1, n - 1))
            svd = TruncatedSVD(components, random_state=seed, algorithm="randomized", n_iter=4)
        model = cls(vectorizer, svd, MiniBatchKMeans(k, random_state=seed, n_init=1, batch_size=4096), embedder)
        space = model._space(texts, tfidf, fitting=True)
        model.labels_ = model.kmeans.fit_predict(space)
        model.themes = model._describe(texts, tfidf, space, quotes)
        return model

    def assign(self, texts: Sequence[str]) -> np.ndarray:
        """Theme id per new story; nothing is refitted."""
        if not texts:
            return np.zeros(0, dtype=np.int64)
        return np.asarray(self.kmeans.predict(self._space(texts, self.vectorizer.transform(texts))))

    def _space(self, texts: Sequence[str], tfidf: object, fitting: bool = False) -> np.ndarray:
        if self.embedder is not None:
            return self.embedder.encode(list(texts))
        assert self.svd is not None
        reduced = self.svd.fit_transform(tfidf) if fitting else self.svd.transform(tfidf)
        return np.asarray(normalize(reduced), dtype=np.float32)

    def _describe(self, texts: Sequence[str], tfidf: object, space: np.ndarray, quotes: int) -> tuple[Theme, ...]:
        vocabulary = np.asarray(self.vectorizer.get_feature_names_out())
        overall = np.asarray(tfidf.mean(axis=0)).ravel()  # type: ignore[attr-defined]
        themes: list[Theme] = []
        for theme_id in range(self.kmeans.n_clusters):
            members = np.flatnonzero(self.labels_ == theme_id)
            if members.size == 0:
                themes.append(Theme(theme_id, "(empty)", (), 0, ()))
                continue
            inside = np.asarray(tfidf[members].mean(axis=0)).ravel()  # type: ignore[index]
            top = np.argsort(-(inside - overall), kind="stable")[:4]
            terms = tuple(str(vocabulary[i]) for i in top if inside[i] > 0)
            centre = self.kmeans.cluster_centers_[theme_id]
            nearest = members[np.argsort(-(space[members] @ centre), kind="stable")[:quotes]]
            sample = tuple(_quote(texts[i]) for i in nearest)
            themes.append(Theme(theme_id, " / ".join(terms[:3]) or "(no words)", terms, int(members.size), sample))
        return tuple(themes)


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rsplit(" ", 1)[0] + "…"
