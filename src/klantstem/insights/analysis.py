"""Turning the text analysis of a story into annotation rows: its appraisal and its facets with a quote.
Pure: no database."""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Any

from klantstem.text.pipeline import Pipeline
from klantstem.text.results import Analysis
from klantstem.text.taxonomy import Taxonomy, default_taxonomy

QUOTE_CHARS = 240


@cache
def pipeline() -> Pipeline:
    return Pipeline()


@cache
def taxonomy() -> Taxonomy:
    return default_taxonomy()


def facet_labels() -> dict[str, dict[str, str]]:
    return {f.id: dict(f.label) for f in taxonomy().facets}


def version_of(analysis: Analysis) -> str:
    return ";".join(f"{k}={v}" for k, v in sorted(analysis.versions.items()))[:100]


def _quote(analysis: Analysis, start: int, text: str) -> str:
    for sentence in analysis.sentences:
        if sentence.span.start <= start < sentence.span.end:
            words = " ".join(sentence.span.text.split())
            return words if len(words) <= QUOTE_CHARS else words[: QUOTE_CHARS - 1] + "…"
    words = " ".join(text.split())
    return words[:QUOTE_CHARS]


def annotation_rows(story_id: int, text: str, analysis: Analysis, now: datetime) -> list[dict[str, Any]]:
    """The annotation rows (appraisal, language, facets) for one story's analysis."""
    version = version_of(analysis)
    base = {"target": "story", "target_id": story_id, "model_version": version, "created_at": now}
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


def analyse(items: list[tuple[int, str]], now: datetime) -> list[dict[str, Any]]:
    """Annotation rows for many (story id, text) pairs at once."""
    rows: list[dict[str, Any]] = []
    analyses = pipeline().analyse_many(text for _, text in items)
    for (story_id, text), analysis in zip(items, analyses, strict=True):
        rows.extend(annotation_rows(story_id, text, analysis, now))
    return rows
