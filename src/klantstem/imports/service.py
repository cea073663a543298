"""Importing contacts and stories from CSV, XLSX and JSON Lines: the only entry point from outside.

Each import is one transaction: a bad row stops it and leaves the database exactly as it was, unless
`skip_invalid` sets bad rows aside. Every contact and story has a fingerprint of its normalised content,
so importing a file again (or a row twice) adds nothing twice. Each import writes an `import_runs` row.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine

from klantstem.clock import Clock, SystemClock
from klantstem.imports import stories as story_rows
from klantstem.imports.columns import CONTACT_COLUMNS, STEP_COLUMNS, STORY_COLUMNS, ColumnSpec, parse_map_options
from klantstem.imports.dates import DateReader
from klantstem.imports.lookups import Lookups
from klantstem.imports.model import ImportResult, ProgressCallback, Rejection
from klantstem.imports.reading import Batch, Finished, ReadRequest, Started, contact_messages
from klantstem.imports.rows import CheckedRows, batched, columns_for
from klantstem.imports.store import import_transaction
from klantstem.imports.tabular import open_tabular
from klantstem.imports.writing import ContactWriter, StoryWriter
from klantstem.promises import service as promises
from klantstem.settings import Settings

__all__ = ["ImportResult", "ProgressCallback", "column_sets", "import_contacts", "import_stories"]

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
    Afterwards, open promises that the new contacts fulfil are kept (as `klantstem promises scan` would)."""
    started = time.perf_counter()
    request = ReadRequest(
        str(path), parse_map_options(map_options, CONTACT_COLUMNS), skip_invalid, settings.timezone,
        settings.default_country, settings.import_batch_size,
    )  # fmt: skip
    now = (clock or SystemClock()).now()
    rejections: list[Rejection] = []
    count = 0
    warnings: dict[str, int] = {}
    with _collector_paused(), contact_messages(request) as messages:
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
                        count = message.count
                        warnings = message.warnings
            counts = (writer.added, writer.duplicates, len(rejections))
            store.insert_import_run("contacts", str(path), start.sha256, counts, now)
    kept = promises.keep_matching(engine, None) if writer.added else 0  # a promise the new contacts fulfil
    return ImportResult(
        kind="contacts", file=str(path), rows=count, added=writer.added, duplicates=writer.duplicates,
        rejected=len(rejections), customers_added=lookups.customers_added, promises_kept=kept,
        refused_erased=lookups.erased.refused,
        seconds=round(time.perf_counter() - started, 3), ignored_columns=list(start.ignored_columns),
        rejections=rejections, warnings=_counted(warnings),
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
        rejections=sorted(rows.rejections, key=lambda rejection: rejection.line), warnings=_counted(dates.warnings),
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
