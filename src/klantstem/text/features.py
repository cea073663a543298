"""Features for learned models: TF-IDF word and character n-grams, rule outputs, optional sentence embeddings."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from klantstem.text import lexicon_en, lexicon_nl
from klantstem.text.results import LEVELS, Analysis

RULE_SCALE = 0.5
NEGATORS = lexicon_nl.NEGATORS | lexicon_en.NEGATORS
_SCOPE_END = frozenset({"maar", "but", "echter", "however", "en", "and", "want", "because"})
_WORDS = re.compile(r"\w+(?:['’]\w+)?|[^\w\s]")


def mark_negation(text: str) -> str:
    """Words in the scope of a negation get a NEG_ prefix ("niet lekker" -> "niet NEG_lekker")."""
    out: list[str] = []
    negated = False
    for word in _WORDS.findall(text.lower()):
        if not word[0].isalnum() or word in _SCOPE_END:
            negated = False
            out.append(word)
        elif word in NEGATORS:
            negated = True
            out.append(word)
        else:
            out.append("NEG_" + word if negated else word)
    return " ".join(out)


def facet_rules(analyses: Sequence[Analysis], facet_ids: Sequence[str]) -> np.ndarray:
    """Per text and taxonomy facet: did the rules find it (0/1), and their appraisal of it (-1 bad .. 1 excellent)."""
    index = {f: i for i, f in enumerate(facet_ids)}
    out = np.zeros((len(analyses), len(facet_ids), 2), dtype=np.float32)
    for r, analysis in enumerate(analyses):
        for facet in analysis.facets:
            i = index.get(facet.facet)
            if i is not None:
                out[r, i] = (1.0, np.tanh(facet.appraisal.score / 2))
    return out


def rule_matrix(analyses: Sequence[Analysis], rules: np.ndarray) -> np.ndarray:
    """Per text: appraisal score, positive and negative mass, negations, level, rule facets and their scores."""
    width = 8 + 2 * rules.shape[1]
    rows = np.zeros((len(analyses), width), dtype=np.float32)
    for r, analysis in enumerate(analyses):
        weights = [c.weight for c in analysis.appraisal.cues]
        rows[r, 0] = np.tanh(analysis.appraisal.score / 2)
        rows[r, 1] = np.tanh(sum(w for w in weights if w > 0) / 2)
        rows[r, 2] = np.tanh(-sum(w for w in weights if w < 0) / 2)
        rows[r, 3] = min(1.0, sum(1 for c in analysis.appraisal.cues if c.negated) / 2)
        rows[r, 4] = min(1.0, len(weights) / 4)
        rows[r, 5 + LEVELS.index(analysis.appraisal.level)] = 1.0
    rows[:, 8:] = rules.transpose(0, 2, 1).reshape(len(analyses), -1)
    return rows


@dataclass
class Features:
    """What a model sees of some texts: sparse text features and, with [embed], one sentence embedding each."""

    text: sparse.csr_matrix
    embeddings: np.ndarray | None = None
    rules: np.ndarray | None = None  # facet_rules() over the taxonomy's facets
    rule_facets: tuple[str, ...] = ()

    def pair_rules(self, rows: Sequence[int], facets: Sequence[str]) -> np.ndarray:
        """For each (text, facet) pair: found by the rules, and their appraisal split into good and bad."""
        out = np.zeros((len(rows), 3), dtype=np.float32)
        if self.rules is None:
            return out
        index = {f: i for i, f in enumerate(self.rule_facets)}
        for k, (row, facet) in enumerate(zip(rows, facets, strict=True)):
            i = index.get(facet)
            if i is not None:
                found, score = self.rules[row, i]
                out[k] = (found, max(score, 0.0), max(-score, 0.0))
        return out

    def joined(self, embed_weight: float) -> sparse.csr_matrix:
        """The text features with the embeddings (scaled by `embed_weight`) as extra columns."""
        if self.embeddings is None or not embed_weight:
            return self.text
        return sparse.hstack([self.text, sparse.csr_matrix(self.embeddings * embed_weight)], format="csr")


def centred(embeddings: np.ndarray, centre: np.ndarray) -> np.ndarray:
    """Vectors minus `centre`, L2-normalised again (a vector equal to the centre stays zero)."""
    moved = embeddings - centre
    norms = np.linalg.norm(moved, axis=1, keepdims=True)
    out: np.ndarray = (moved / np.where(norms > 0, norms, 1.0)).astype(np.float32)
    return out


class Featuriser:
    """Fits on training texts once; transforms any texts the same way afterwards."""

    def __init__(self, facet_ids: Sequence[str]) -> None:
        self.facet_ids = tuple(facet_ids)
        self.centre: np.ndarray | None = None  # mean training embedding, set by fit when there are embeddings
        self.words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, lowercase=True, dtype=np.float32)
        self.chars = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2, dtype=np.float32
        )
        self.negated = TfidfVectorizer(
            preprocessor=mark_negation, token_pattern=r"\S+", lowercase=False, sublinear_tf=True, dtype=np.float32
        )

    def fit(self, texts: Sequence[str], embeddings: np.ndarray | None = None) -> Featuriser:
        self.words.fit(texts)
        # The sentence vectors all lean one way (cosines near 0.8); centred on the training mean, what tells texts
        # apart weighs more (measured: bench/text_quality.py).
        self.centre = None if embeddings is None or not len(embeddings) else embeddings.mean(axis=0)
        self.negated.fit(texts)
        try:
            self.chars.fit(texts)
        except ValueError:  # too few texts for min_df
            self.chars.set_params(min_df=1).fit(texts)
        return self

    def transform(
        self, texts: Sequence[str], analyses: Sequence[Analysis], embeddings: np.ndarray | None = None
    ) -> Features:
        rules = facet_rules(analyses, self.facet_ids)
        if embeddings is not None and self.centre is not None:
            embeddings = centred(embeddings, self.centre)
        blocks = [
            self.words.transform(texts),
            self.chars.transform(texts),
            self.negated.transform(texts),
            sparse.csr_matrix(rule_matrix(analyses, rules) * RULE_SCALE),
        ]
        return Features(sparse.hstack(blocks, format="csr"), embeddings, rules, self.facet_ids)
