"""Importing contacts and stories from CSV, XLSX and JSON Lines, and contacts from e-mail and WhatsApp chat
exports: the only entry point from outside.

Each import is one transaction: a bad row stops it and leaves the database exactly as it was, unless
`skip_invalid` sets bad rows aside. Every contact and story has a fingerprint of its normalised content,
so importing a file again (or a row twice) adds nothing twice. Each import writes an `import_runs` row.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine

from klantstem.business_calendar import calendar_from_settings
from klantstem.clock import Clock, SystemClock
from klantstem.imports import stories as story_rows
from klantstem.imports.columns import CONTACT_COLUMNS, STEP_COLUMNS, STORY_COLUMNS, ColumnSpec, parse_map_options
from klantstem.imports.conversations import ConversationRequest
from klantstem.imports.dates import DateReader
from klantstem.imports.lookups import Lookups
from klantstem.imports.mail import read_mail
from klantstem.imports.model import ImportResult, ProgressCallback, Rejection
from klantstem.imports.reading import Batch, Finished, Reader, ReadRequest, Started, contact_messages, read_contacts
from klantstem.imports.rows import CheckedRows, batched, columns_for
from klantstem.imports.store import import_transaction
from klantstem.imports.tabular import open_tabular
from klantstem.imports.whatsapp import read_whatsapp
from klantstem.imports.writing import ContactWriter, StoryWriter
from klantstem.promises import service as promises
from klantstem.settings import Settings

__all__ = [
    "ImportResult", "ProgressCallback", "Rejection", "column_sets", "import_contacts", "import_mail", "import_stories",
    "import_whatsapp",
]  # fmt: skip

PromiseStep = Callable[[Connection, int], tuple[int, int]]  # (the import's connection, added) -> (found, kept)
_BULK_TABLES = ("contacts", "customers", "customer_identities", "cases")  # what a contact import fills


def column_sets() -> dict[str, tuple[ColumnSpec, ...]]:
    """The documented columns of each import (stories: story columns, then step columns)."""
    return {"contacts": CONTACT_COLUMNS, "stories": STORY_COLUMNS + STEP_COLUMNS}


def import_contacts(
    engine: Engine,
    settings: Settings,
    path: Path,
    map_options: Sequence[str] = (),
    skip_invalid: bool = False,
    progress: ProgressCallback | None = None,
    clock: Clock | None = None,
) -> ImportResult:
    """Import contacts from `path`; raises ImportFileError (file, line, field) and then changes nothing.
    In the same transaction, open promises that the new contacts fulfil are kept (as `klantstem promises scan`
    would)."""
    request = ReadRequest(
        str(path), parse_map_options(map_options, CONTACT_COLUMNS), skip_invalid, settings.timezone,
        settings.default_country, settings.import_batch_size,
    )  # fmt: skip
    return _import_contact_messages(engine, "contacts", path, request, read_contacts, progress, clock, _kept_only)


def _kept_only(conn: Connection, added: int) -> tuple[int, int]:
    """After a contact file: the open promises that its new contacts fulfil are kept (none are looked for)."""
    return 0, promises.keep_matching(conn, None) if added else 0


def import_mail(
    engine: Engine,
    settings: Settings,
    path: Path,
    skip_invalid: bool = False,
    progress: ProgressCallback | None = None,
    clock: Clock | None = None,
) -> ImportResult:
    """Import e-mail (a .eml file, a folder of them, an mbox or a Maildir) as contacts, all or nothing; the
    promises found in the organisation's own replies go into the promise register."""
    return _import_conversation(engine, settings, "mail", path, read_mail, progress, clock, skip_invalid)


def import_whatsapp(
    engine: Engine,
    settings: Settings,
    path: Path,
    customer: str = "",
    date_order: str = "",
    skip_invalid: bool = False,
    progress: ProgressCallback | None = None,
    clock: Clock | None = None,
) -> ImportResult:
    """Import a WhatsApp chat export (.txt or .zip) as contacts, all or nothing; `customer` names the customer
    (reference, e-mail or phone) when the export shows no phone number, `date_order` (dmy, mdy) the order of
    its dates when the file does not decide it."""
    options = {"customer": customer, "date_order": date_order}
    return _import_conversation(
        engine, settings, "whatsapp", path, read_whatsapp, progress, clock, skip_invalid, options
    )


def _import_conversation(
    engine: Engine,
    settings: Settings,
    kind: str,
    path: Path,
    read: Reader,
    progress: ProgressCallback | None,
    clock: Clock | None,
    skip_invalid: bool,
    options: dict[str, str] | None = None,
) -> ImportResult:
    request = ConversationRequest(
        str(path), skip_invalid, settings.timezone, settings.default_country, settings.import_batch_size,
        settings.organisation_senders, **(options or {}),
    )  # fmt: skip
    calendar = calendar_from_settings(settings)

    def promise_step(conn: Connection, added: int) -> tuple[int, int]:
        """First the promises the organisation made in its replies, then those that later messages kept."""
        if not added:
            return 0, 0
        found = promises.find_in_texts(conn, calendar, source=path.name, direction="outbound", spread=True)
        return found, promises.keep_matching(conn, None)

    # mail spreads its parsing over the cores itself (klantstem.workers), so it needs no reading child
    return _import_contact_messages(
        engine, kind, path, request, read, progress, clock, promise_step, child=kind != "mail"
    )


def _import_contact_messages(
    engine: Engine,
    kind: str,
    path: Path,
    request: object,
    read: Reader,
    progress: ProgressCallback | None,
    clock: Clock | None,
    promise_step: PromiseStep,
    child: bool = True,
) -> ImportResult:
    """Write the contacts a reader gives and register what they mean for promises, in one transaction; raises
    ImportFileError and then changes nothing. `promise_step` gets the transaction's connection and the number of
    contacts added, and returns (promises found, promises kept)."""
    started = time.perf_counter()
    now = (clock or SystemClock()).now()
    rejections: list[Rejection] = []
    warnings: list[Rejection] = []
    count = 0
    local_times: dict[str, int] = {}
    with _collector_paused(), contact_messages(request, read, child) as messages:
        start = next(messages)
        if not isinstance(start, Started):
            raise RuntimeError("the file's reader did not start with its header")
        with import_transaction(engine) as store:
            lookups = Lookups(store, now)
            writer = ContactWriter(store, lookups, path.name)
            with store.indexes_deferred(_BULK_TABLES, start.total_lines or 0):
                for message in messages:
                    if isinstance(message, Batch):
                        rejections += message.rejections
                        writer.write(message.rows)
                        if progress:
                            progress(message.line, start.total_lines)
                    elif isinstance(message, Finished):
                        rejections += message.rejections
                        warnings += message.warnings
                        count = message.count
                        local_times = message.local_times
            counts = (writer.added, writer.duplicates, len(rejections))
            store.insert_import_run(kind, str(path), start.sha256, counts, now)
            found, kept = promise_step(store.connection, writer.added)
    return ImportResult(
        kind=kind, file=str(path), rows=count, added=writer.added, duplicates=writer.duplicates,
        rejected=len(rejections), customers_added=lookups.customers_added, refused_erased=lookups.erased.refused,
        seconds=round(time.perf_counter() - started, 3), ignored_columns=list(start.ignored_columns),
        rejections=rejections, warnings=warnings, local_times=_counted(local_times), promises_found=found,
        promises_kept=kept,
    )  # fmt: skip


def import_stories(
    engine: Engine,
    settings: Settings,
    path: Path,
    map_options: Sequence[str] = (),
    skip_invalid: bool = False,
    progress: ProgressCallback | None = None,
    clock: Clock | None = None,
) -> ImportResult:
    """Import stories (with steps) from `path`; raises ImportFileError and then changes nothing."""
    started = time.perf_counter()
    mapping = parse_map_options(map_options, STORY_COLUMNS + STEP_COLUMNS)
    now = (clock or SystemClock()).now()
    with open_tabular(path) as table:
        columns = columns_for(table, STORY_COLUMNS + STEP_COLUMNS, mapping, nested=("steps",))
        dates = DateReader(settings.timezone)
        reader = story_rows.StoryLineReader(dates, settings.default_country, mapping, columns.names)
        rows = CheckedRows(table, columns, skip_invalid)
        stories = story_rows.assemble(rows.read(reader.read), rows)
        if progress:
            progress(rows.line, table.total_lines)
        with import_transaction(engine) as store:
            lookups = Lookups(store, now)
            writer = StoryWriter(store, lookups)
            for batch in batched(stories, settings.import_batch_size):
                writer.write(batch)
            counts = (writer.added, writer.duplicates, len(rows.rejections))
            store.insert_import_run("stories", str(path), table.sha256, counts, now)
    return ImportResult(
        kind="stories", file=str(path), rows=rows.count, added=writer.added, duplicates=writer.duplicates,
        rejected=len(rows.rejections), customers_added=lookups.customers_added, steps_added=writer.steps_added,
        refused_erased=lookups.erased.refused,
        seconds=round(time.perf_counter() - started, 3), ignored_columns=list(columns.ignored),
        rejections=sorted(rows.rejections, key=lambda rejection: rejection.line), local_times=_counted(dates.warnings),
    )  # fmt: skip


def _counted(warnings: dict[str, int]) -> dict[str, int]:
    return {kind: count for kind, count in warnings.items() if count}


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector during a large import.

    The import keeps growing caches (identities, customers, cases) of many small objects, which the collector
    would walk again and again (about a third of the reading time on a million rows); the import itself makes
    no reference cycles, and reference counting still frees everything else at once.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
