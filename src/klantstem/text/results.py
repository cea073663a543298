"""Plain result records of the text analysis; every one turns into JSON-ready dicts with `to_dict()`.

Offsets (`start`, `end`) always refer to the normalised text (see `normalise.clean`), end exclusive.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

import orjson

Level = Literal["bad", "normal", "excellent"]
LEVELS: tuple[Level, ...] = ("bad", "normal", "excellent")
LanguageCode = Literal["nl", "en", "unknown", "mixed"]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Cue:
    """One word or phrase that moved an appraisal, with its signed weight after negation and intensity."""

    span: Span
    weight: float
    kind: str  # "lexicon", "factual", "problem", "resolved", "wait" or "undone" (see appraisal.py)
    negated: bool = False
    intensity: float = 1.0
    facet: str | None = None


@dataclass(frozen=True, slots=True)
class Appraisal:
    level: Level
    score: float
    cues: tuple[Cue, ...] = ()
    source: str = "rules"


@dataclass(frozen=True, slots=True)
class SentenceResult:
    span: Span
    appraisal: Appraisal


@dataclass(frozen=True, slots=True)
class FacetResult:
    facet: str
    appraisal: Appraisal
    evidence: tuple[Span, ...]
    source: str = "rules"
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Duration:
    span: Span
    value: float | None
    unit: str
    seconds: float
    approximate: bool
    kind: str  # "wait", "promise" or "other"


@dataclass(frozen=True, slots=True)
class ChannelMention:
    channel: str
    span: Span


@dataclass(frozen=True, slots=True)
class PromiseMention:
    """A promise told in the text, as structured data for the promise register."""

    span: Span
    actor: str
    action: str
    within_seconds: float | None = None
    within_text: str | None = None
    channel: str | None = None
    upon: str | None = None  # the event it waits for, when it has one: "zodra het pakket onderweg is"


@dataclass(frozen=True, slots=True)
class Facts:
    durations: tuple[Duration, ...] = ()
    channels: tuple[ChannelMention, ...] = ()
    promises: tuple[PromiseMention, ...] = ()


@dataclass(frozen=True, slots=True)
class Analysis:
    language: LanguageCode
    appraisal: Appraisal
    sentences: tuple[SentenceResult, ...]
    facets: tuple[FacetResult, ...]
    facts: Facts
    versions: dict[str, str]
    flags: dict[str, bool] = field(default_factory=dict)
    length: int = 0
    lemmas: tuple[str, ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        """What `dataclasses.asdict` gives (tuples stay tuples), written out: it is most of the cost of writing
        an analysis, and `asdict` deep-copies every leaf."""
        facts = self.facts
        data: dict[str, Any] = {
            "language": self.language,
            "appraisal": _appraisal(self.appraisal),
            "sentences": tuple({"span": _span(s.span), "appraisal": _appraisal(s.appraisal)} for s in self.sentences),
            "facets": tuple(
                {
                    "facet": f.facet,
                    "appraisal": _appraisal(f.appraisal),
                    "evidence": tuple(_span(e) for e in f.evidence),
                    "source": f.source,
                    "confidence": f.confidence,
                }
                for f in self.facets
            ),
            "facts": {
                "durations": tuple(
                    {
                        "span": _span(d.span),
                        "value": d.value,
                        "unit": d.unit,
                        "seconds": d.seconds,
                        "approximate": d.approximate,
                        "kind": d.kind,
                    }
                    for d in facts.durations
                ),
                "channels": tuple({"channel": c.channel, "span": _span(c.span)} for c in facts.channels),
                "promises": tuple(
                    {
                        "span": _span(p.span),
                        "actor": p.actor,
                        "action": p.action,
                        "within_seconds": p.within_seconds,
                        "within_text": p.within_text,
                        "channel": p.channel,
                        "upon": p.upon,
                    }
                    for p in facts.promises
                ),
            },
            "versions": dict(self.versions),
            "flags": dict(self.flags),
            "length": self.length,
        }
        if self.lemmas is not None:
            data["lemmas"] = self.lemmas
        return data


def json_line(story_id: Any, analysis: Analysis) -> bytes:
    """One line of `text analyze`: `{"id": story_id, **analysis.to_dict()}` as compact UTF-8 JSON with its newline.
    orjson writes the records straight from the dataclasses (their fields are in `to_dict`'s order); an id it
    cannot write (an integer beyond 64 bits, half a surrogate pair) goes through `json`, escaped to ASCII."""
    record: dict[str, Any] = {
        "id": story_id,
        "language": analysis.language,
        "appraisal": analysis.appraisal,
        "sentences": analysis.sentences,
        "facets": analysis.facets,
        "facts": analysis.facts,
        "versions": analysis.versions,
        "flags": analysis.flags,
        "length": analysis.length,
    }
    if analysis.lemmas is not None:
        record["lemmas"] = analysis.lemmas
    try:
        return orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE)
    except TypeError:  # orjson.JSONEncodeError is one
        return json.dumps({"id": story_id, **analysis.to_dict()}, separators=(",", ":")).encode() + b"\n"


def _span(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}


def _appraisal(appraisal: Appraisal) -> dict[str, Any]:
    return {
        "level": appraisal.level,
        "score": appraisal.score,
        "cues": tuple(
            {
                "span": _span(c.span),
                "weight": c.weight,
                "kind": c.kind,
                "negated": c.negated,
                "intensity": c.intensity,
                "facet": c.facet,
            }
            for c in appraisal.cues
        ),
        "source": appraisal.source,
    }
