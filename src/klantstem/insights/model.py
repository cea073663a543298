"""Plain data of the insights domain."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

LEVELS = ("bad", "normal", "excellent")
PERSON_VERSION = "person"  # model_version of a label a person added (not a correction of a machine label)


@dataclass(frozen=True)
class Filters:
    since: datetime | None = None
    until: datetime | None = None
    department_id: int | None = None
    channel: str | None = None

    def key(self) -> tuple[object, ...]:
        return (self.since, self.until, self.department_id, self.channel)


@dataclass(frozen=True)
class Option:
    id: int
    name: str


@dataclass(frozen=True)
class Quote:
    story_id: int
    customer_id: int | None
    text: str
    appraisal: str | None = None


@dataclass(frozen=True)
class FacetCount:
    facet: str
    label: dict[str, str]
    total: int
    by_level: dict[str, int]
    quotes: tuple[Quote, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"facet": self.facet, "label": self.label, "total": self.total, "by_level": self.by_level,
                "quotes": [q.__dict__ for q in self.quotes]}  # fmt: skip


@dataclass(frozen=True)
class ThemeSummary:
    id: int
    label: str  # the theme's most telling words
    terms: tuple[str, ...]
    size: int
    quotes: tuple[str, ...]
    labels: dict[str, str] = field(default_factory=dict)  # language -> a readable label (the topic, then words)

    def label_in(self, lang: str) -> str:
        return self.labels.get(lang) or self.label

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "labels": self.labels, "terms": list(self.terms),
                "size": self.size, "quotes": list(self.quotes)}  # fmt: skip


@dataclass(frozen=True)
class StoryHit:
    story_id: int
    customer_id: int | None
    told_at: datetime
    source: str
    channel: str | None
    title: str | None
    text: str
    appraisal: str | None = None
    facets: tuple[str, ...] = ()
    model_version: str | None = None  # the versions that labelled the story (rules, taxonomy, model)
    corrected: bool = False  # a person corrected its labels

    def as_dict(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["told_at"] = self.told_at.isoformat()
        data["facets"] = list(self.facets)
        return data


@dataclass(frozen=True)
class Labels:
    """The current labels of one story: its appraisal and facets, and whether a person corrected them."""

    story_id: int
    appraisal: str | None
    facets: dict[str, str | None]  # facet -> appraisal of that facet
    corrected: bool
    model_version: str | None


@dataclass
class Dashboard:
    at: datetime
    filters: Filters
    months: list[str]
    appraisal_by_month: dict[str, list[int]]  # level -> counts per month
    totals: dict[str, int]
    facets: list[FacetCount]
    worst_steps: list[Quote]
    promises: dict[str, Any]
    process: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        f = self.filters
        return {
            "at": self.at.isoformat(),
            "filters": {
                "since": f.since.isoformat() if f.since else None,
                "until": f.until.isoformat() if f.until else None,
                "department_id": f.department_id,
                "channel": f.channel,
            },  # fmt: skip
            "months": self.months,
            "appraisal_by_month": self.appraisal_by_month,
            "totals": self.totals,
            "facets": [c.as_dict() for c in self.facets],
            "worst_steps": [q.__dict__ for q in self.worst_steps],
            "promises": self.promises,
            "process": self.process,
        }
