"""The import's plain data: rows as read and checked, rejections, and the result reported to the user."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from klantstem.errors import UserInputError

# A normalised identity, (kind, value), as `klantstem.customers.identities.Identity` holds it; plain tuples
# travel between processes far faster than named ones.
IdentityKey = tuple[str, str]

# Called now and then with (lines done, total lines or None); the CLI draws a progress bar with it.
ProgressCallback = Callable[[int, int | None], None]


class FieldError(UserInputError):
    """A value in one row that cannot be imported; the caller adds the file and line."""

    def __init__(self, field: str | None, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"field {field!r}: {reason}" if field else reason)


# A checked contact as the reader hands it to the writer: its normalised values joined with SEPARATOR in
# PACKED_FIELDS order, which is the very text its fingerprint hashes (or, in the rare row where a value holds
# the separator, the values themselves); then its fingerprint; then the number the reader gave the row's
# identities (external id, e-mail, phone as normalised: the same identities, the same number; "" for none),
# so that the writer matches each set of identities to a customer once. An empty value is one not given.
# Two strings and a number travel between processes several times faster than a tuple of fifteen values.
PackedContact = tuple[str | tuple[str, ...], str, str]
SEPARATOR = "\x1f"  # the ASCII unit separator, which ordinary text does not hold
PACKED_FIELDS = (
    "kind", "channel", "direction", "occurred_at", "customer_ref", "email", "phone", "name", "postcode",
    "department", "staff", "case_ref", "subject", "text", "third_party",
)  # fmt: skip
FLAT_WIDTH = len(PACKED_FIELDS) + 2  # a row in a flattened batch: its packed values, fingerprint, number


@dataclass(frozen=True, slots=True)
class StepRow:
    position: int | None
    description: str
    happened_at: str | None  # UTC text, as stored
    appraisal: str | None
    department: str | None


@dataclass(frozen=True, slots=True)
class StoryFields:
    """The story-level values of one line (in a flat file they repeat on every line of the story)."""

    identities: tuple[IdentityKey, ...]
    name: str | None
    postcode: str | None
    story_ref: str | None
    perspective: str
    source: str
    channel: str | None
    told_at: str  # UTC text, as stored
    title: str | None
    text: str | None
    summary: str | None
    summary_confirmed: bool | None
    case_ref: str | None
    staff: str | None


@dataclass
class Story:
    """A whole story, ready to store: its fields, its steps in order, and the lines it came from."""

    lines: list[int]
    fields: StoryFields
    steps: list[StepRow]
    fingerprint: str = ""


@dataclass(frozen=True)
class Rejection:
    line: int
    field: str | None
    reason: str


@dataclass
class ImportResult:
    kind: str  # contacts, stories, mail or whatsapp (the last two add contacts)
    file: str
    rows: int  # data lines read (contacts: rows; stories: lines, one per step in a flat file)
    added: int  # contacts or stories added
    duplicates: int  # contacts or stories that were already there (or twice in the file)
    rejected: int  # lines rejected with --skip-invalid
    customers_added: int
    steps_added: int = 0
    promises_kept: int = 0  # open promises the imported contacts fulfil
    promises_found: int = 0  # mail, whatsapp: promises found in the organisation's own replies
    refused_erased: int = 0  # contacts or stories of an erased customer (by identity fingerprint): not imported
    seconds: float = 0.0
    ignored_columns: list[str] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    warnings: list[Rejection] = field(default_factory=list)  # mail, whatsapp: read, but not quite as written
    # counted, by kind: local times that do not exist or exist twice (klantstem.dates says how they are read)
    local_times: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
