"""The front door of the text domain: what other domains and the edges use of it (only this module is imported
from outside `klantstem.text`; import-linter checks it).

The rules (pipeline, facts, taxonomy) load with this module; the learned parts, which need scikit-learn
(`TextModel`, `ThemeModel`, `evaluate`), load on first use, so that a caller who only reads rules never pays for
them."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from klantstem.text.facts import find_facts
from klantstem.text.labelled import LabelledText, read_labelled_csv
from klantstem.text.normalise import clean
from klantstem.text.parallel import json_lines, json_lines_parallel, pipeline_for
from klantstem.text.pipeline import Pipeline, safe_lower
from klantstem.text.results import Analysis
from klantstem.text.sources import decoded_lines, iter_stories
from klantstem.text.taxonomy import Taxonomy, load_taxonomy
from klantstem.text.tokens import sentence_spans, word_set

if TYPE_CHECKING:
    from klantstem.text.evaluation import evaluate
    from klantstem.text.model import MODEL_FILE, TextModel
    from klantstem.text.model import Settings as ModelSettings
    from klantstem.text.themes import ThemeModel

__all__ = [
    "MODEL_FILE", "Analysis", "LabelledText", "ModelSettings", "Pipeline", "Taxonomy", "TextModel", "ThemeModel",
    "clean", "decoded_lines", "evaluate", "find_facts", "iter_stories", "json_lines", "json_lines_parallel",
    "load_taxonomy", "pipeline_for", "read_labelled_csv", "safe_lower", "sentence_spans", "word_set",
]  # fmt: skip

# name -> (module, name there): loaded when first asked for
_LEARNED = {
    "MODEL_FILE": ("klantstem.text.model", "MODEL_FILE"),
    "ModelSettings": ("klantstem.text.model", "Settings"),
    "TextModel": ("klantstem.text.model", "TextModel"),
    "ThemeModel": ("klantstem.text.themes", "ThemeModel"),
    "evaluate": ("klantstem.text.evaluation", "evaluate"),
}


def __getattr__(name: str) -> Any:
    if name not in _LEARNED:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, attribute = _LEARNED[name]
    return getattr(importlib.import_module(module), attribute)
