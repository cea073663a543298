"""Turning the text analysis of a story into annotation rows: its appraisal and its facets with a quote.
Pure: no database.

Stories are read by the rules, or, once `use_model` names one (KLANTSTEM_TEXT_MODEL), by a model trained with
`klantstem text train`: its facets replace the rules' for the facets it learned, with the taxonomy it was trained
on, and every annotation records the model's version. One reader per process, chosen at start-up; a model
trained again into the same directory is read from the next batch on, without a restart."""

from __future__ import annotations

import logging
import threading
from datetime import datetime
from pathlib import Path
from typing import Any

from klantstem.errors import ConfigurationError, UserInputError
from klantstem.text.service import Analysis, Pipeline, Taxonomy

QUOTE_CHARS = 240
Stamp = tuple[int, int] | None  # the model file's (modification time in ns, size); None: no file


class _Reader:
    """The pipeline stories are read with: the rules, or the model in one directory, loaded again when its
    file changes (`TextModel.save` renames a whole file into place, so a half-written one is never seen)."""

    def __init__(self) -> None:
        self.model_dir = ""
        self.stamp: Stamp = None
        self.pipeline = Pipeline()
        self.refused: Stamp = None  # a changed file that could not be read; tried again once it changes
        self.lock = threading.Lock()

    def use(self, model_dir: str) -> None:
        with self.lock:
            if not model_dir:
                self.model_dir, self.stamp, self.pipeline = "", None, Pipeline()
                return
            stamp = _stamp(model_dir)
            if model_dir == self.model_dir and stamp == self.stamp:
                return  # loaded already (the server's check, then its app)
            try:
                pipeline = _load(model_dir)
            except UserInputError as exc:
                raise ConfigurationError(f"KLANTSTEM_TEXT_MODEL: {exc}") from None
            self.model_dir, self.stamp, self.pipeline, self.refused = model_dir, stamp, pipeline, None

    def current(self) -> Pipeline:
        if not self.model_dir:
            return self.pipeline
        stamp = _stamp(self.model_dir)
        if stamp == self.stamp or stamp == self.refused:
            return self.pipeline
        with self.lock:
            if stamp != self.stamp and stamp != self.refused:
                self._reload(stamp)
            return self.pipeline

    def _reload(self, stamp: Stamp) -> None:
        try:
            pipeline = _load(self.model_dir)
        except UserInputError as exc:
            self.refused = stamp
            assert self.pipeline.model is not None
            _log.warning("KLANTSTEM_TEXT_MODEL changed but cannot be read (%s); still reading with %s",
                         exc, self.pipeline.model.version)  # fmt: skip
            return
        self.stamp, self.pipeline, self.refused = stamp, pipeline, None
        assert pipeline.model is not None
        _log.info("KLANTSTEM_TEXT_MODEL: now reading with %s", pipeline.model.version)


_log = logging.getLogger(__name__)
_reader = _Reader()


def _stamp(model_dir: str) -> Stamp:
    from klantstem.text.service import MODEL_FILE

    try:
        status = (Path(model_dir) / MODEL_FILE).stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


def _load(model_dir: str) -> Pipeline:
    from klantstem.text.service import TextModel

    return Pipeline.with_model(TextModel.load(model_dir))


def use_model(model_dir: str) -> None:
    """Read stories with the trained model in `model_dir` from now on ("": the rules only). The model is loaded
    at once, so that a wrong directory stops the start-up with a clear message instead of failing on a page.
    When the model file changes later (trained again into the same directory), the next batch reads with the
    new model; a new file that cannot be read is logged and the model before it stays in use."""
    _reader.use(model_dir)


def pipeline() -> Pipeline:
    return _reader.current()


def taxonomy() -> Taxonomy:
    return pipeline().taxonomy


def facet_labels() -> dict[str, dict[str, str]]:
    return {f.id: dict(f.label) for f in taxonomy().facets}


def version_of(versions: dict[str, str]) -> str:
    """The annotations' model_version: the reader's parts and their versions ("model=m7-...;rules=...")."""
    return ";".join(f"{k}={v}" for k, v in sorted(versions.items()))[:100]


def current_version() -> str:
    """The version that stories read now get (stories read by another are read again by `klantstem text
    reanalyse`)."""
    return version_of(pipeline().versions)


def _quote(analysis: Analysis, start: int, text: str) -> str:
    for sentence in analysis.sentences:
        if sentence.span.start <= start < sentence.span.end:
            words = " ".join(sentence.span.text.split())
            return words if len(words) <= QUOTE_CHARS else words[: QUOTE_CHARS - 1] + "…"
    words = " ".join(text.split())
    return words[:QUOTE_CHARS]


def annotation_rows(
    story_id: int, text: str, analysis: Analysis, now: datetime, target: str = "story"
) -> list[dict[str, Any]]:
    """The annotation rows (appraisal, language, facets) for one analysis of a story (or a contact or story step:
    `target`)."""
    version = version_of(analysis.versions)
    base = {"target": target, "target_id": story_id, "model_version": version, "created_at": now}
    rows = [
        {**base, "kind": "appraisal",
         "value": {"level": analysis.appraisal.level, "score": round(analysis.appraisal.score, 3)}},
        {**base, "kind": "language", "value": {"language": analysis.language}},
    ]  # fmt: skip
    for facet in analysis.facets:
        start = facet.evidence[0].start if facet.evidence else 0
        value = {"facet": facet.facet, "appraisal": facet.appraisal.level, "quote": _quote(analysis, start, text)}
        rows.append({**base, "kind": "facet", "value": value})
    return rows


def analyse(items: list[tuple[int, str]], now: datetime, target: str = "story") -> list[dict[str, Any]]:
    """Annotation rows for many (id, text) pairs at once (stories, or the contacts or story steps `target` says)."""
    rows: list[dict[str, Any]] = []
    analyses = pipeline().analyse_many(text for _, text in items)
    for (item_id, text), analysis in zip(items, analyses, strict=True):
        rows.extend(annotation_rows(item_id, text, analysis, now, target))
    return rows
