"""Stories analysed into JSON Lines by several processes, in the order they came in.

Each worker process builds its own pipeline once (the taxonomy travels with the task set-up; a model is loaded
from its directory) and returns whole output lines, so the costly parts, analysing and encoding, both run in the
workers. At most two batches per worker are in flight: a file of any size is read as it is written out.
Workers are spawned, not forked: lingua keeps a thread pool, and forking a threaded process can hang.
Once a pipeline has read its first texts (its lexicons and matchers built), what it holds is moved out of the
garbage collector's sight (`gc.freeze`): nothing in it is ever cyclic garbage, and otherwise every full collection
walks the lexicons, memos and caches again (about 7 % of the command's CPU); young collections then run after
100,000 net allocations instead of 700 (1-3 % of the CPU, measured batch by batch in one process).
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing import get_context
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import Any

from klantstem.text.pipeline import Pipeline
from klantstem.text.results import json_line
from klantstem.text.sources import Story
from klantstem.text.taxonomy import Taxonomy, default_taxonomy

BATCH = 1000
IN_FLIGHT_PER_WORKER = 2
YOUNG_COLLECTION_AFTER = 100_000  # net allocations between two young collections once the pipeline is warm

_PIPELINE: Pipeline | None = None


def json_lines(pipeline: Pipeline, stories: Iterable[Story]) -> Iterator[bytes]:
    """A block of JSON lines (UTF-8, see `results.json_line`) per batch of stories, `id` first, in this process."""
    settled = False
    for batch in _batches(stories, BATCH):
        yield _lines(pipeline, batch)
        if not settled:
            _settle()
            settled = True


def json_lines_parallel(
    stories: Iterable[Story], workers: int, taxonomy: Taxonomy | None, model: Path | None, lemmas: bool
) -> Iterator[bytes]:
    """As `json_lines`, over `workers` processes: each reads with the model in `model` (when given) and
    `taxonomy` (None: the model's own, else the default). Yields a block of lines per batch."""
    context = get_context("spawn")
    with context.Pool(workers, initializer=_start, initargs=(taxonomy, model, lemmas)) as pool:
        pending: deque[AsyncResult[bytes]] = deque()
        for batch in _batches(stories, BATCH):
            pending.append(pool.apply_async(_work, (batch,)))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def pipeline_for(taxonomy: Taxonomy | None, model: Path | None, lemmas: bool) -> Pipeline:
    """The pipeline `text analyze` reads with: the model's own taxonomy unless another is given."""
    if model is None:
        return Pipeline(taxonomy or default_taxonomy(), None, lemmas)
    from klantstem.text.model import TextModel  # scikit-learn: only when a model is asked for

    trained = TextModel.load(model)
    return Pipeline.with_model(trained, lemmas) if taxonomy is None else Pipeline(taxonomy, trained, lemmas)


def _start(taxonomy: Taxonomy | None, model: Path | None, lemmas: bool) -> None:
    global _PIPELINE
    _PIPELINE = pipeline_for(taxonomy, model, lemmas)
    for _ in _PIPELINE.analyse_many(_WARM_UP):  # builds the lexicons and matchers each language reads with
        pass
    _settle()


def _settle() -> None:
    gc.collect()  # what is garbage now is freed, not kept for good
    gc.freeze()
    # An analysis is freed by reference counting (nothing in it is cyclic), but a batch's analyses live until its
    # lines are written, and with the default threshold (700) every young collection walks them again and moves
    # them to older generations to be walked once more: collect only after many more net allocations.
    gc.set_threshold(YOUNG_COLLECTION_AFTER, *gc.get_threshold()[1:])


_WARM_UP = ("Top!", "De medewerker was niet vriendelijk en ik wachtte drie weken.", "The agent was rude, I waited.")


def _work(batch: list[Story]) -> bytes:
    assert _PIPELINE is not None, "a worker analyses only after _start"
    return _lines(_PIPELINE, batch)


def _lines(pipeline: Pipeline, batch: list[Story]) -> bytes:
    analyses = pipeline.analyse_many([t for _, t, _ in batch], [c for _, _, c in batch])
    return b"".join(json_line(story_id, analysis) for (story_id, _, _), analysis in zip(batch, analyses, strict=True))


def _batches(stories: Iterable[Story], size: int) -> Iterator[list[Any]]:
    batch: list[Story] = []
    for story in stories:
        batch.append(story)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
