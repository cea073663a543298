"""Checking story lines and assembling them into whole stories with their steps.

A flat file (CSV, XLSX, or JSON Lines without `steps`) has one line per step; lines with the same
`story_ref` form one story, in file order or by `position`. Story values may be given on every line of a
story or on one of them; two different values for the same story are an error. A JSON Lines object with a
`steps` list is a whole story. A story is rejected as a whole: when one of its lines is bad, its other lines
are rejected with it. The whole file's stories are held in memory until they are written.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from klantstem.customers.service import identities as ids
from klantstem.errors import UserInputError
from klantstem.imports import values
from klantstem.imports.columns import Picked, column_key
from klantstem.imports.contacts import fingerprint
from klantstem.imports.dates import DateReader
from klantstem.imports.model import FieldError, StepRow, Story, StoryFields
from klantstem.imports.rows import CheckedRows

NAME_CHARS = 200
STORY_REF_CHARS = 100
STEP_NAMES = ("position", "description", "happened_at", "appraisal", "department")
_TEXT_LIMITS = {
    "customer_ref": ids.MAX_IDENTITY_CHARS, "email": ids.MAX_IDENTITY_CHARS, "phone": 64,
    "name": NAME_CHARS, "postcode": 64, "source": 50, "title": 300,
    "text": values.MAX_TEXT_CHARS, "summary": values.MAX_TEXT_CHARS, "case_ref": 100, "staff": NAME_CHARS,
}  # fmt: skip


@dataclass(frozen=True)
class StoryLine:
    line: int
    story_ref: str | None
    story: dict[str, Any]  # story values given on this line (None values left out)
    steps: tuple[StepRow, ...] | None  # a whole story's steps (JSON Lines), else None
    step: StepRow | None  # the step on a flat line, if any
    error: FieldError | None = None


class StoryLineReader:
    def __init__(
        self, dates: DateReader, default_region: str, mapping: Mapping[str, str], names: Sequence[str]
    ) -> None:
        self._names = tuple(names)  # the order of the values `read` is given
        self._dates = dates
        self._region = default_region
        self._step_keys = {name: column_key(mapping.get(name, name)) for name in STEP_NAMES}
        self._perspectives = values.perspectives()
        self._channels = values.channels()
        self._appraisals = values.appraisals()
        self._yes_no = values.yes_no()

    def read(self, line: int, picked: Picked) -> StoryLine:
        """One line; a bad value is returned as the line's error, so its whole story can be rejected."""
        row = dict(zip(self._names, picked, strict=False))
        try:
            story_ref = values.text(row.get("story_ref"), STORY_REF_CHARS)
        except UserInputError as exc:
            raise FieldError("story_ref", str(exc)) from None
        try:
            story = self._story_values(row)
            nested = row.get("steps")
            if nested is not None:
                return StoryLine(line, story_ref, story, self._nested_steps(nested), None)
            return StoryLine(line, story_ref, story, None, self._step(row, ""))
        except FieldError as exc:
            return StoryLine(line, story_ref, {}, None, None, exc)

    def _story_values(self, row: Mapping[str, object]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        name = "customer_ref"
        try:
            for name, limit in _TEXT_LIMITS.items():
                found[name] = values.text(row.get(name), limit)
            name = "customer_ref"
            ref = found["customer_ref"]
            found["customer_ref"] = ids.normalise_external_id(ref) if ref else None
            name = "email"
            email = found["email"]
            found["email"] = ids.normalise_email(email) if email else None
            name = "phone"
            phone = found["phone"]
            found["phone"] = ids.normalise_phone(phone, self._region) if phone else None
            name = "name"
            found["name"] = ids.normalise_name(found["name"]) if found["name"] else None
            name = "postcode"
            found["postcode"] = ids.normalise_postcode(found["postcode"]) if found["postcode"] else None
            for name, vocabulary in (
                ("perspective", self._perspectives), ("channel", self._channels),
                ("summary_confirmed", self._yes_no),
            ):  # fmt: skip
                raw = row.get(name)
                found[name] = vocabulary.read(raw) if raw not in (None, "") else None
            name = "told_at"
            told_at = row.get("told_at")
            found["told_at"] = self._dates.utc_text(told_at) if told_at not in (None, "") else None
        except UserInputError as exc:
            raise FieldError(name, str(exc)) from None
        return {key: value for key, value in found.items() if value is not None}

    def _nested_steps(self, nested: object) -> tuple[StepRow, ...]:
        if not isinstance(nested, list) or not all(isinstance(step, dict) for step in nested):
            raise FieldError("steps", "must be a list of objects, one per step")
        steps: list[StepRow] = []
        for index, step in enumerate(nested, start=1):
            keyed = {column_key(str(key)): value for key, value in step.items()}
            read = self._step(keyed, f"steps[{index}].", mapped=True)
            if read is None:
                raise FieldError(f"steps[{index}].description", "a step needs a description")
            steps.append(read)
        return tuple(steps)

    def _step(self, row: Mapping[str, object], prefix: str, mapped: bool = False) -> StepRow | None:
        def get(name: str) -> object:
            return row.get(self._step_keys[name] if mapped else name)

        name = "position"
        try:
            position = values.whole_number(get("position"))
            name = "description"
            description = values.text(get("description"), values.MAX_TEXT_CHARS)
            name = "happened_at"
            happened = get("happened_at")
            happened_at = self._dates.utc_text(happened) if happened not in (None, "") else None
            name = "appraisal"
            appraisal_raw = get("appraisal")
            appraisal = self._appraisals.read(appraisal_raw) if appraisal_raw not in (None, "") else None
            name = "department"
            department = values.text(get("department"), NAME_CHARS)
        except UserInputError as exc:
            raise FieldError(prefix + name, str(exc)) from None
        if description is None:
            if position is None and happened_at is None and appraisal is None and department is None:
                return None
            raise FieldError(prefix + "description", "a step needs a description")
        return StepRow(position, description, happened_at, appraisal, department)


def _identities(story: Mapping[str, Any]) -> tuple[ids.Identity, ...]:
    """The story's normalised identities, in match order."""
    kinds = (("customer_ref", ids.EXTERNAL), ("email", ids.EMAIL), ("phone", ids.PHONE))
    return tuple(ids.Identity(kind, story[name]) for name, kind in kinds if name in story)


@dataclass
class _Group:
    """The lines of one story while the file is read."""

    story_ref: str | None = None
    lines: list[int] = field(default_factory=list)
    story: dict[str, Any] = field(default_factory=dict)
    steps: list[StepRow] = field(default_factory=list)
    errors: list[tuple[int, FieldError]] = field(default_factory=list)

    def add(self, item: StoryLine) -> None:
        self.story_ref = self.story_ref or item.story_ref
        self.lines.append(item.line)
        if item.error is not None:
            self.errors.append((item.line, item.error))
            return
        for name, value in item.story.items():
            known = self.story.setdefault(name, value)
            if known != value:
                reason = f"differs from line {self.lines[0]} of the same story"
                self.errors.append((item.line, FieldError(name, reason)))
                return
        for step in item.steps or ((item.step,) if item.step else ()):
            self._add_step(item.line, step)

    def _add_step(self, line: int, step: StepRow) -> None:
        for known in self.steps:
            if known == step:
                return  # the same step twice: a duplicate row
            if step.position is not None and known.position == step.position:
                self.errors.append((line, FieldError("position", f"step {step.position} is given twice")))
                return
        self.steps.append(step)

    def build(self) -> Story:
        """The whole story; raises FieldError when it is incomplete."""
        if "told_at" not in self.story:
            raise FieldError("told_at", "a date and time is needed")
        if not self.steps and "text" not in self.story:
            raise FieldError("text", "a story needs a text or at least one step")
        steps = _ordered(self.steps)
        s = self.story
        fields = StoryFields(
            identities=_identities(s), name=s.get("name"), postcode=s.get("postcode"),
            story_ref=self.story_ref, perspective=s.get("perspective", "customer"), source=s.get("source", "import"),
            channel=s.get("channel"), told_at=s["told_at"], title=s.get("title"), text=s.get("text"),
            summary=s.get("summary"), summary_confirmed=_yes(s.get("summary_confirmed")),
            case_ref=s.get("case_ref"), staff=s.get("staff"),
        )  # fmt: skip
        return Story(sorted(self.lines), fields, steps, _story_fingerprint(fields, steps))


def _yes(value: str | None) -> bool | None:
    return None if value is None else value == "yes"


def _ordered(steps: list[StepRow]) -> list[StepRow]:
    given = [step.position is not None for step in steps]
    if all(given):
        return sorted(steps, key=lambda step: step.position or 0)
    if any(given):
        raise FieldError("position", "give a position for every step of a story or for none")
    return [
        StepRow(index, step.description, step.happened_at, step.appraisal, step.department)
        for index, step in enumerate(steps, start=1)
    ]


def _story_fingerprint(f: StoryFields, steps: list[StepRow]) -> str:
    parts: list[str | None] = [
        f.perspective, f.source, f.channel, f.told_at, f.name, f.postcode, f.story_ref, f.title,
        f.text, f.summary, str(f.summary_confirmed), f.case_ref, f.staff,
    ]  # fmt: skip
    parts += [f"{kind}={value}" for kind, value in f.identities]
    for step in steps:
        parts += [str(step.position), step.description, step.happened_at, step.appraisal, step.department]
    return fingerprint(["story", *parts])


def assemble(lines: Iterable[StoryLine], rows: CheckedRows) -> list[Story]:
    """Group lines into stories (see the module text); bad stories go to `rows.reject` line by line."""
    groups: dict[tuple[str, object], _Group] = {}
    for item in lines:
        if item.error is not None and not rows.skip_invalid:
            rows.reject(item.line, item.error)
        grouped = item.story_ref is not None and item.steps is None
        key = ("ref", item.story_ref) if grouped else ("line", item.line)
        groups.setdefault(key, _Group()).add(item)
    stories: list[Story] = []
    for group in groups.values():
        errors = group.errors
        if not errors:
            try:
                stories.append(group.build())
                continue
            except FieldError as exc:
                errors = [(group.lines[0], exc)]
        _reject_story(rows, group.lines, errors)
    return stories


def _reject_story(rows: CheckedRows, lines: list[int], errors: list[tuple[int, FieldError]]) -> None:
    bad = {line for line, _ in errors}
    for line, error in errors:
        rows.reject(line, error)
    for line in lines:
        if line not in bad:
            rows.reject(line, FieldError(None, f"left out with its story (line {min(bad)} was rejected)"))
