"""A model learned from labels: which facets a text is about and how each was appraised.

Facets: one class-balanced logistic regression per facet on word + character TF-IDF and the outputs of the cue rules
of the taxonomy it is trained with (the model keeps that taxonomy); with [embed], also one per facet on the sentence
embedding (centred on the training mean) alone, a support vector machine (vector_facets.py), and the two
probabilities are blended. One more model of each kind says whether a text is about any facet at all: many sentences
name a facet without judging it ("we namen de soep"), and a facet's probability is multiplied by that one raised to
the gate (0 turns it off). The blend, the gate and one decision threshold for all facets are chosen by an inner
cross-validation on the training data only. Appraisal: a multinomial logistic regression on the same features (with
[embed], the centred embedding as extra columns), the facet and the rules' view of that facet in the text, blended
with a per-facet model where a facet has enough examples. A text that is one part of a longer story (a step, a
sentence of a review) may come with that story as its context: the facet models see where the text stands in it, and
the appraisal model how the rules (and, with [embed], the embedding) read the whole story.
The rules stay in: their outputs are features, and facets the model never saw keep their rule results.
Each model has a version (a hash of its training data, settings and taxonomy); annotations carry it.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

from klantstem.errors import UserInputError
from klantstem.text.embed import DEFAULT, Embedder, load_embedder
from klantstem.text.features import Features, Featuriser, Stories
from klantstem.text.labelled import LabelledText
from klantstem.text.normalise import clean
from klantstem.text.pipeline import Pipeline
from klantstem.text.results import LEVELS, Analysis, Appraisal, FacetResult, Level
from klantstem.text.taxonomy import Taxonomy
from klantstem.text.vector_facets import VectorFacets

FORMAT = 17  # 17: rules-13 with taxonomy 5 reads texts differently, so models trained before must be trained again
MODEL_FILE = "model.joblib"
META_FILE = "model.json"
FACET_C = 10.0
APPRAISAL_C = 3.0
THRESHOLDS = tuple(round(0.15 + 0.05 * i, 2) for i in range(10))
FLOORS = (None, 0.1, 0.2)
EMBED_WEIGHT = 1.5  # scale of the (centred) embedding columns in the appraisal model
BLENDS = (0.25, 0.4, 0.5, 0.6, 0.75)  # share of the embedding model in a facet's probability
GATES = (0.0, 0.5, 1.0)  # exponent of the "about any facet" probability that each facet's is multiplied by
PER_FACET_MIN = 30
PER_FACET_BLEND = 0.5
PAIR_RULE_WEIGHT = 2.0  # scale of the rules' view of the pair's own facet in the appraisal model


@dataclass(frozen=True)
class Settings:
    seed: int = 0
    inner_folds: int = 3
    embed: bool = False
    embedder: str = DEFAULT  # the [embed] backend, when embed is on


@dataclass
class Prediction:
    facets: dict[str, float]  # facet -> probability, only the chosen facets
    appraisals: dict[str, Level]


class TextModel:
    def __init__(self, state: dict[str, Any]) -> None:
        self.state = state

    # ---- identity -------------------------------------------------------------------------------------
    @property
    def version(self) -> str:
        return str(self.state["version"])

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.state["labels"])

    @property
    def taxonomy(self) -> Taxonomy:
        """The taxonomy whose rule outputs the model was trained on; analyse with it."""
        return self.state["taxonomy"]  # type: ignore[no-any-return]

    @property
    def uses_embed(self) -> bool:
        return bool(self.state["settings"].embed)

    def meta(self) -> dict[str, Any]:
        s = self.state
        return {
            "format": FORMAT,
            "version": self.version,
            "labels": list(self.labels),
            "threshold": s["threshold"],
            "floor": s["floor"],
            "examples": s["examples"],
            "embed": self.state["settings"].embedder if self.uses_embed else None,
            "taxonomy": self.taxonomy.tag,
            "blend": s["blend"],
            "gate": s["gate"],
            "seed": s["settings"].seed,
        }

    # ---- files ----------------------------------------------------------------------------------------
    def save(self, directory: str | Path) -> Path:
        """Write model.joblib and model.json (readable summary) into `directory`. Each file is written aside and
        renamed into place, so an app reading the directory never sees half a model."""
        import joblib

        path = Path(directory)
        path.mkdir(parents=True, exist_ok=True)
        partial = path / f".{MODEL_FILE}.{os.getpid()}"
        try:
            joblib.dump(self.state, partial, compress=3)
            os.replace(partial, path / MODEL_FILE)
        finally:
            partial.unlink(missing_ok=True)
        partial = path / f".{META_FILE}.{os.getpid()}"
        partial.write_text(json.dumps(self.meta(), indent=2) + "\n", encoding="utf-8")
        os.replace(partial, path / META_FILE)
        return path

    @classmethod
    def load(cls, directory: str | Path) -> TextModel:
        """Load a model saved by `save`. Only load models you trained: the file format is a pickle."""
        import joblib

        path = Path(directory) / MODEL_FILE
        if not path.is_file():
            raise UserInputError(f"{directory}: no trained model here (expected {MODEL_FILE})")
        try:
            state = joblib.load(path)
        except Exception as exc:  # a damaged or foreign file
            raise UserInputError(f"{path}: cannot read the model ({type(exc).__name__})") from None
        if not isinstance(state, dict) or state.get("format") != FORMAT:
            found = state.get("format") if isinstance(state, dict) else None
            if isinstance(found, int) and found < FORMAT:
                raise UserInputError(f"{path}: trained by an older klantstem (format {found}); train it again")
            raise UserInputError(f"{path}: not a klantstem text model of format {FORMAT}")
        model = cls(state)
        if model.uses_embed:
            load_embedder(model.state["settings"].embedder)
        return model

    # ---- training -------------------------------------------------------------------------------------
    @classmethod
    def train(
        cls, examples: Sequence[LabelledText], settings: Settings | None = None, taxonomy: Taxonomy | None = None
    ) -> TextModel:
        """Learn from `examples`; the rule outputs it learns from come from `taxonomy` (default: the shipped one)."""
        from klantstem.text.training import fit_state

        return cls(fit_state(examples, settings or Settings(), taxonomy))

    # ---- prediction -----------------------------------------------------------------------------------
    def features(
        self, texts: Sequence[str], analyses: Sequence[Analysis], contexts: Sequence[str] | None = None
    ) -> Features:
        """`contexts`: per text, the whole story it is a part of ("" or None: the text is the whole story)."""
        embedder = load_embedder(self.state["settings"].embedder) if self.uses_embed else None
        embeddings = embedder.encode(list(texts)) if embedder is not None else None
        featuriser: Featuriser = self.state["featuriser"]
        stories = read_stories(texts, contexts, self.taxonomy, embedder)
        return featuriser.transform(texts, analyses, embeddings, stories)

    def facet_probabilities(self, x: Features) -> np.ndarray:
        s = self.state
        return gated(blended_probabilities(s["facet_models"], s["embed_models"], s["blend"], x), s["gate"])

    def choose(self, probabilities: np.ndarray) -> np.ndarray:
        return decide(probabilities, self.state["threshold"], self.state["floor"])

    def appraise(self, x: Features, rows: Sequence[int], facets: Sequence[str]) -> list[Level]:
        return appraise_pairs(self.state["appraisal_model"], self.labels, x, rows, facets)

    def predict(
        self, texts: Sequence[str], analyses: Sequence[Analysis], contexts: Sequence[str] | None = None
    ) -> list[Prediction]:
        x = self.features(texts, analyses, contexts)
        probabilities = self.facet_probabilities(x)
        chosen = self.choose(probabilities)
        rows = [r for r in range(len(texts)) for j in np.flatnonzero(chosen[r])]
        facets = [self.labels[j] for r in range(len(texts)) for j in np.flatnonzero(chosen[r])]
        levels = self.appraise(x, rows, facets) if rows else []
        predictions = [Prediction({}, {}) for _ in texts]
        for r, facet, level in zip(rows, facets, levels, strict=True):
            predictions[r].facets[facet] = float(probabilities[r, self.labels.index(facet)])
            predictions[r].appraisals[facet] = level
        return predictions

    def annotate(
        self, analyses: Sequence[Analysis], texts: Sequence[str], contexts: Sequence[str] | None = None
    ) -> list[Analysis]:
        """Replace the rule facets the model knows by the model's; keep the others; record the version."""
        predictions = self.predict(texts, analyses, contexts)
        known = set(self.labels)
        out: list[Analysis] = []
        for analysis, prediction in zip(analyses, predictions, strict=True):
            kept = [f for f in analysis.facets if f.facet not in known]
            evidence = {f.facet: f.evidence for f in analysis.facets}
            learned = [
                FacetResult(
                    facet,
                    Appraisal(prediction.appraisals[facet], 0.0, (), "model"),
                    evidence.get(facet, ()),
                    "model",
                    round(p, 4),
                )
                for facet, p in prediction.facets.items()
            ]
            versions = {**analysis.versions, "model": self.version}
            out.append(replace(analysis, facets=tuple(kept + learned), versions=versions))
        return out


def read_stories(
    texts: Sequence[str], contexts: Sequence[str | None] | None, taxonomy: Taxonomy, embedder: Embedder | None
) -> Stories:
    """The whole story of each text that has a context: where the text stands in it, the rules' analysis and,
    with an embedder, the embedding (each distinct story is analysed and embedded once)."""
    stories = [clean(c).text if c else "" for c in contexts or [None] * len(texts)]
    distinct = [c for c in dict.fromkeys(stories) if c]
    read = dict(zip(distinct, Pipeline(taxonomy).analyse_many(distinct), strict=True))
    analyses = [read.get(c) for c in stories]
    places = np.array([place(t, c) for t, c in zip(texts, stories, strict=True)], dtype=np.float32)
    places = places.reshape(len(texts), 3)
    if embedder is None:
        return Stories(analyses, places)
    vectors = dict(zip(distinct, embedder.encode(distinct) if distinct else [], strict=True))
    none = np.zeros(embedder.dim, dtype=np.float32)
    embeddings = np.vstack([vectors.get(c, none) for c in stories]).reshape(len(texts), embedder.dim)
    return Stories(analyses, places, embeddings)


def place(text: str, story: str) -> tuple[bool, bool, bool]:
    """Where a text stands in its story: it opens it, it closes it, it is all of it (none when not found)."""
    text, story = text.strip(), story.strip()
    if not text or not story:
        return False, False, False
    return story.startswith(text), story.endswith(text), story == text


def facet_probabilities(models: Sequence[Any], x: sparse.csr_matrix) -> np.ndarray:
    probabilities = np.zeros((x.shape[0], len(models)), dtype=np.float64)
    for j, model in enumerate(models):
        if isinstance(model, float):
            probabilities[:, j] = model
        else:
            probabilities[:, j] = model.predict_proba(x)[:, 1]
    return probabilities


def blended_probabilities(
    facet_models: Sequence[Any], embed_models: VectorFacets | None, blend: float, x: Features
) -> np.ndarray:
    """Each facet's probability from the text features, blended with the embedding model's where there is one."""
    probabilities = facet_probabilities(facet_models, x.text)
    if embed_models is None or x.embeddings is None or not blend:
        return probabilities
    return mix(probabilities, embed_models.probabilities(x.embeddings), blend)


def mix(text_probabilities: np.ndarray, embed_probabilities: np.ndarray, blend: float) -> np.ndarray:
    """The blend: `blend` of the embedding model's probability, the rest of the text model's."""
    return (1 - blend) * text_probabilities + blend * embed_probabilities


def with_any(y: np.ndarray) -> np.ndarray:
    """The facet targets and one more column: is the text about any facet at all (the gate's target)."""
    return np.hstack([y, y.any(axis=1, keepdims=True).astype(y.dtype)])


def gated(probabilities: np.ndarray, gate: float) -> np.ndarray:
    """Each facet's probability times the last column's (about any facet) raised to `gate`; that column dropped."""
    return probabilities[:, :-1] * probabilities[:, -1:] ** gate


def decide(probabilities: np.ndarray, threshold: float, floor: float | None) -> np.ndarray:
    """Facets above the threshold; a text with none gets its best facet when that one clears the floor."""
    chosen = probabilities >= threshold
    if floor is not None and probabilities.shape[1]:
        best = probabilities.argmax(axis=1)
        empty = ~chosen.any(axis=1) & (probabilities.max(axis=1) >= floor)
        chosen[np.flatnonzero(empty), best[empty]] = True
    return chosen


def pair_matrix(x: Features, rows: Sequence[int], facets: Sequence[str], labels: Sequence[str]) -> Any:
    """One row per (text, facet) pair: the text's features, the facet (one-hot) and the rules' view of that facet."""
    index = {f: i for i, f in enumerate(labels)}
    onehot = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.float32), ([*range(len(rows))], [index[f] for f in facets])),
        shape=(len(rows), len(labels)),
    )
    pair_rules = sparse.csr_matrix(x.pair_rules(rows, facets) * PAIR_RULE_WEIGHT)
    blocks = [x.joined(EMBED_WEIGHT)[list(rows)], onehot, pair_rules]
    if x.context is not None:
        blocks.append(sparse.csr_matrix(x.context[list(rows)]))
    return sparse.hstack(blocks, format="csr")


def appraise_pairs(
    model: Any, labels: Sequence[str], x: Features, rows: Sequence[int], facets: Sequence[str]
) -> list[Level]:
    """Shared model, blended half and half with the facet's own model where there is one."""
    if isinstance(model, str):
        return [model] * len(rows)  # type: ignore[list-item]
    shared = model["shared"]
    classes = [str(c) for c in shared.classes_]
    pairs = pair_matrix(x, rows, facets, labels)
    probabilities = shared.predict_proba(pairs)
    for facet, own in model["per_facet"].items():
        mine = [i for i, f in enumerate(facets) if f == facet]
        if not mine:
            continue
        blended = np.zeros((len(mine), len(classes)))
        for k, level in enumerate(own.classes_):
            blended[:, classes.index(str(level))] = own.predict_proba(pairs[mine])[:, k]
        probabilities[mine] = (1 - PER_FACET_BLEND) * probabilities[mine] + PER_FACET_BLEND * blended
    return [classes[i] for i in probabilities.argmax(axis=1)]


def new_classifier(c: float, seed: int, multinomial: bool = False) -> LogisticRegression:
    if multinomial:
        return LogisticRegression(C=c, max_iter=2000, random_state=seed)
    # a facet on the text features: rare facets weigh as much as common ones (measured better, see the bench)
    return LogisticRegression(C=c, solver="liblinear", random_state=seed, class_weight="balanced")


def version_of(examples: Sequence[LabelledText], settings: Settings, taxonomy: Taxonomy) -> str:
    digest = hashlib.sha256()
    embedder = settings.embedder if settings.embed else None
    digest.update(json.dumps([FORMAT, settings.seed, settings.inner_folds, embedder]).encode())
    digest.update(repr((taxonomy.tag, taxonomy.facets)).encode())
    for ex in examples:
        record = [ex.text, sorted(ex.labels.items()), ex.overall, ex.context]
        digest.update(json.dumps(record, ensure_ascii=False).encode())
    return f"m{FORMAT}-{digest.hexdigest()[:12]}"


def folds(n: int, k: int, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    k = max(2, min(k, n))
    return list(KFold(k, shuffle=True, random_state=seed).split(np.arange(n)))


__all__ = ["LEVELS", "Prediction", "Settings", "TextModel", "decide"]
