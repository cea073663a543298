"""Labelled examples: CSV `text,labels` with labels written `FACET=appraisal;FACET=appraisal`.

An optional `appraisal` column holds the overall appraisal; without it the overall appraisal is derived from
the facet labels (bad if any is bad, else excellent if any is excellent, else normal). An optional `context`
column holds the whole story a text is one part of (a step of an interview, a sentence of a review); empty
means the text is the whole story. Corrections made in the app become `LabelledText` records too and go
through the same training.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from klantstem.errors import ImportFileError
from klantstem.text.normalise import decode
from klantstem.text.results import LEVELS, Level


@dataclass(frozen=True)
class LabelledText:
    text: str
    labels: Mapping[str, Level] = field(default_factory=dict)
    overall: Level | None = None
    context: str = ""  # the whole story this text is a part of ("": the text is the whole story)

    @property
    def overall_or_derived(self) -> Level | None:
        return self.overall if self.overall is not None else overall_of(self.labels.values())


def overall_of(levels: Iterable[Level]) -> Level | None:
    chosen = set(levels)
    if not chosen:
        return None
    if "bad" in chosen:
        return "bad"
    return "excellent" if "excellent" in chosen else "normal"


def parse_labels(raw: str, path: str = "<labels>", line: int | None = None) -> dict[str, Level]:
    labels: dict[str, Level] = {}
    for part in raw.split(";"):
        part = part.strip()
        if not part:
            continue
        facet, sep, level = part.partition("=")
        facet, level = facet.strip(), level.strip().lower()
        if not sep or not facet:
            raise ImportFileError(path, f"label {part!r} is not FACET=appraisal", line=line, field="labels")
        if level not in LEVELS:
            raise ImportFileError(
                path, f"appraisal {level!r} must be one of bad, normal, excellent", line=line, field="labels"
            )
        labels[facet] = level
    return labels


def read_labelled_csv(path: str | Path) -> list[LabelledText]:
    name = str(path)
    try:
        content = decode(Path(path).read_bytes())
    except OSError as exc:
        raise ImportFileError(name, f"cannot read the file: {exc.strerror or exc}") from None
    reader = csv.DictReader(io.StringIO(content, newline=""))  # keeps newlines inside quoted fields
    columns = set(reader.fieldnames or ())
    for needed in ("text", "labels"):
        if needed not in columns:
            raise ImportFileError(name, f"missing column '{needed}'", line=1, field=needed)
    examples: list[LabelledText] = []
    for row in reader:
        line = reader.line_num
        overall_raw = (row.get("appraisal") or "").strip().lower()
        if overall_raw and overall_raw not in LEVELS:
            raise ImportFileError(name, f"appraisal {overall_raw!r} is not bad, normal or excellent", line, "appraisal")
        overall: Level | None = overall_raw or None
        labels = parse_labels(row.get("labels") or "", name, line)
        examples.append(LabelledText(row.get("text") or "", labels, overall, row.get("context") or ""))
    if not examples:
        raise ImportFileError(name, "no labelled rows")
    return examples
