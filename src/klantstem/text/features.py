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
# A text is often one part of a longer story (a step, a sentence of a review); how the whole story reads weighs on
# how the part is meant (measured: bench/text_quality.py). Scales of the story's columns in the appraisal model:
CONTEXT_RULE_WEIGHT = 1.0  # the rules' appraisal of the story
CONTEXT_EMBED_WEIGHT = 0.75  # the story's centred embedding, with [embed]
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
    """Per text: its appraisal columns, then the rule facets and their scores."""
    flat = rules.transpose(0, 2, 1).reshape(len(analyses), -1)
    return np.hstack([appraisal_columns(analyses), flat]).astype(np.float32)


def appraisal_columns(analyses: Sequence[Analysis | None]) -> np.ndarray:
    """Per text: the rules' appraisal score, positive and negative mass, negations, cue count and level (zeros
    for None)."""
    rows = np.zeros((len(analyses), 8), dtype=np.float32)
    for r, analysis in enumerate(analyses):
        if analysis is None:
            continue
        weights = [c.weight for c in analysis.appraisal.cues]
        rows[r, 0] = np.tanh(analysis.appraisal.score / 2)
        rows[r, 1] = np.tanh(sum(w for w in weights if w > 0) / 2)
        rows[r, 2] = np.tanh(-sum(w for w in weights if w < 0) / 2)
        rows[r, 3] = min(1.0, sum(1 for c in analysis.appraisal.cues if c.negated) / 2)
        rows[r, 4] = min(1.0, len(weights) / 4)
        rows[r, 5 + LEVELS.index(analysis.appraisal.level)] = 1.0
    return rows


@dataclass
class Features:
    """What a model sees of some texts: sparse text features and, with [embed], one sentence embedding each;
    `context` describes each text's whole story (the rules' appraisal of it and, with [embed], its embedding)."""

    text: sparse.csr_matrix
    embeddings: np.ndarray | None = None
    rules: np.ndarray | None = None  # facet_rules() over the taxonomy's facets
    rule_facets: tuple[str, ...] = ()
    context: np.ndarray | None = None

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
        self.context_centre: np.ndarray | None = None  # the same for the embeddings of the texts' stories
        self.words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, lowercase=True, dtype=np.float32)
        self.chars = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2, dtype=np.float32
        )
        self.negated = TfidfVectorizer(
            preprocessor=mark_negation, token_pattern=r"\S+", lowercase=False, sublinear_tf=True, dtype=np.float32
        )

    def fit(
        self, texts: Sequence[str], embeddings: np.ndarray | None = None, stories: Stories | None = None
    ) -> Featuriser:
        self.words.fit(texts)
        # The sentence vectors all lean one way (cosines near 0.8); centred on the training mean, what tells texts
        # apart weighs more (measured: bench/text_quality.py).
        self.centre = _mean(embeddings)
        told = stories.embeddings[stories.told] if stories and stories.embeddings is not None else None
        self.context_centre = _mean(told)
        self.negated.fit(texts)
        try:
            self.chars.fit(texts)
        except ValueError:  # too few texts for min_df
            self.chars.set_params(min_df=1).fit(texts)
        return self

    def transform(
        self,
        texts: Sequence[str],
        analyses: Sequence[Analysis],
        embeddings: np.ndarray | None = None,
        stories: Stories | None = None,
    ) -> Features:
        """`stories`: the whole story of the texts that are one part of one (default: none is)."""
        rules = facet_rules(analyses, self.facet_ids)
        stories = stories or Stories.none(len(texts))
        context: list[np.ndarray] = [appraisal_columns(stories.analyses) * CONTEXT_RULE_WEIGHT]
        if self.context_centre is not None:  # the model learned from the story vectors: zeros where none is known
            vectors = np.zeros((len(texts), len(self.context_centre)), dtype=np.float32)
            if stories.embeddings is not None:
                told = stories.told
                vectors[told] = centred(stories.embeddings[told], self.context_centre) * CONTEXT_EMBED_WEIGHT
            context.append(vectors)
        if embeddings is not None and self.centre is not None:
            embeddings = centred(embeddings, self.centre)
        blocks = [
            self.words.transform(texts),
            self.chars.transform(texts),
            self.negated.transform(texts),
            sparse.csr_matrix(rule_matrix(analyses, rules) * RULE_SCALE),
            sparse.csr_matrix(stories.places),  # the opening and closing lines of a story say different things
        ]
        return Features(sparse.hstack(blocks, format="csr"), embeddings, rules, self.facet_ids, np.hstack(context))


@dataclass
class Stories:
    """Per text, the whole story it is one part of: the rules' analysis of it (None: the text is its own story),
    with [embed] its raw embedding (zeros where there is no story) and where the text stands in it (opens it,
    closes it, is all of it: one column each)."""

    analyses: Sequence[Analysis | None]
    places: np.ndarray
    embeddings: np.ndarray | None = None

    @classmethod
    def none(cls, count: int) -> Stories:
        """Texts that are each their own story."""
        return cls([None] * count, np.zeros((count, 3), dtype=np.float32))

    @property
    def told(self) -> np.ndarray:
        return np.array([a is not None for a in self.analyses], dtype=bool)

    def take(self, rows: np.ndarray) -> Stories:
        embeddings = self.embeddings[rows] if self.embeddings is not None else None
        return Stories([self.analyses[i] for i in rows], self.places[rows], embeddings)


def _mean(embeddings: np.ndarray | None) -> np.ndarray | None:
    """The mean row, or None when there are no rows."""
    return None if embeddings is None or not len(embeddings) else embeddings.mean(axis=0)
