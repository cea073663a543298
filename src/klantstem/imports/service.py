"""Importing contacts and stories from CSV, XLSX and JSON Lines: the only entry point from outside.

Each import is one transaction: a bad row stops it and leaves the database exactly as it was, unless
`skip_invalid` sets bad rows aside. Every contact and story has a fingerprint of its normalised content,
so importing a file again (or a row twice) adds nothing twice. Each import writes an `import_runs` row.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine

from klantstem.clock import Clock, SystemClock
from klantstem.imports import stories as story_rows
from klantstem.imports.columns import (
    CONTACT_COLUMNS,
    STEP_COLUMNS,
    STORY_COLUMNS,
    ColumnMap,
    ColumnSpec,
    map_columns,
    map_keys,
    parse_map_options,
)
from klantstem.imports.contacts import ContactReader
from klantstem.imports.dates import DateReader
from klantstem.imports.lookups import Lookups
from klantstem.imports.model import ImportResult, ProgressCallback
from klantstem.imports.rows import CheckedRows
from klantstem.imports.store import import_transaction
from klantstem.imports.tabular import TabularFile, open_tabular
from klantstem.imports.writing import ContactWriter, StoryWriter
from klantstem.settings import Settings

__all__ = ["ImportResult", "ProgressCallback", "column_sets", "import_contacts", "import_stories"]

T = TypeVar("T")
_SWITCH_INTERVAL = 0.001  # seconds; Python's default is 0.005
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
    """Import contacts from `path`; raises ImportFileError (file, line, field) and then changes nothing."""
    started = time.perf_counter()
    mapping = parse_map_options(map_options, CONTACT_COLUMNS)
    reader = ContactReader(DateReader(settings.timezone), settings.default_country)
    now = (clock or SystemClock()).now()
    with _collector_paused(), open_tabular(path) as table:
        columns = _columns(table, CONTACT_COLUMNS, mapping)
        rows = CheckedRows(table, columns, skip_invalid)
        with import_transaction(engine) as store:
            lookups = Lookups(store, now)
            writer = ContactWriter(store, lookups, path.name)
            batches = _batches(rows.read(reader.read), settings.import_batch_size)
            with store.indexes_deferred(_BULK_TABLES, table.total_lines or 0):
                _write_behind(batches, writer.write, lambda: progress and progress(rows.line, table.total_lines))
            counts = (writer.added, writer.duplicates, len(rows.rejections))
            store.insert_import_run("contacts", str(path), table.sha256, counts, now)
    return ImportResult(
        kind="contacts", file=str(path), rows=rows.count, added=writer.added, duplicates=writer.duplicates,
        rejected=len(rows.rejections), customers_added=lookups.customers_added,
        seconds=round(time.perf_counter() - started, 3), ignored_columns=list(columns.ignored),
        rejections=rows.rejections,
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
        columns = _columns(table, STORY_COLUMNS + STEP_COLUMNS, mapping, nested=("steps",))
        reader = story_rows.StoryLineReader(
            DateReader(settings.timezone), settings.default_country, mapping, columns.names
        )
        rows = CheckedRows(table, columns, skip_invalid)
        stories = story_rows.assemble(rows.read(reader.read), rows)
        if progress:
            progress(rows.line, table.total_lines)
        with import_transaction(engine) as store:
            lookups = Lookups(store, now)
            writer = StoryWriter(store, lookups)
            for batch in _batches(stories, settings.import_batch_size):
                writer.write(batch)
            counts = (writer.added, writer.duplicates, len(rows.rejections))
            store.insert_import_run("stories", str(path), table.sha256, counts, now)
    return ImportResult(
        kind="stories", file=str(path), rows=rows.count, added=writer.added, duplicates=writer.duplicates,
        rejected=len(rows.rejections), customers_added=lookups.customers_added, steps_added=writer.steps_added,
        seconds=round(time.perf_counter() - started, 3), ignored_columns=list(columns.ignored),
        rejections=sorted(rows.rejections, key=lambda rejection: rejection.line),
    )  # fmt: skip


def _columns(
    table: TabularFile, specs: tuple[ColumnSpec, ...], mapping: dict[str, str], nested: tuple[str, ...] = ()
) -> ColumnMap:
    """A header row is matched (and required columns checked) up front; JSON Lines keys row by row."""
    if table.kind == "jsonl":
        return map_keys(table.header, specs, mapping, nested)
    return map_columns(str(table.path), table.header, table.header_line, specs, mapping)


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


def _write_behind(batches: Iterable[list[T]], write: Callable[[list[T]], None], after: Callable[[], object]) -> None:
    """Write each batch in a worker thread while the next one is read and checked.

    The database drivers release the GIL while the database works, so reading and writing share the two
    cores; a shorter switch interval lets the writer take the GIL back soon after each statement. Batches
    are written one at a time and in order; an error on either side stops the import (the caller's
    transaction then rolls back, after the batch being written has finished).
    """
    interval = sys.getswitchinterval()
    sys.setswitchinterval(min(interval, _SWITCH_INTERVAL))  # the writer gets the GIL back sooner
    try:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="klantstem-import-writer") as pool:
            pending: Future[None] | None = None
            for batch in batches:
                if pending is not None:
                    pending.result()
                pending = pool.submit(write, batch)
                after()
            if pending is not None:
                pending.result()
    finally:
        sys.setswitchinterval(interval)


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, max(size, 1))):
        yield batch
