"""Reading a contact file into checked batches: in this process, or for a large file in a second process.

Reading and checking rows is pure Python, and so is much of writing them; in one process the two would take
turns on the GIL. A large file is therefore read by a child process that sends the checked rows through a
pipe, batch by batch, while this process writes the previous batch: the two cores work side by side. Either
way the caller sees the same messages: `Started` (after the header was matched), then `Batch`es, then
`Finished`; a bad file or row raises ImportFileError at the point it is found.
"""

from __future__ import annotations

import gc
import multiprocessing
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from klantstem.errors import ImportFileError
from klantstem.imports.columns import CONTACT_COLUMNS
from klantstem.imports.contacts import ContactReader
from klantstem.imports.dates import DateReader
from klantstem.imports.model import SEPARATOR, PackedContact, Rejection
from klantstem.imports.rows import CheckedRows, batched, columns_for
from klantstem.imports.tabular import open_tabular

CHILD_FROM_BYTES = 2 * 1024 * 1024  # smaller files are read in this process: starting a second costs more


@dataclass(frozen=True)
class ReadRequest:
    path: str
    mapping: Mapping[str, str]
    skip_invalid: bool
    timezone: str
    default_region: str
    batch_size: int


@dataclass(frozen=True)
class Started:
    sha256: str
    total_lines: int | None
    ignored_columns: tuple[str, ...]


@dataclass(frozen=True)
class Batch:
    rows: str | Sequence[PackedContact]  # see `flattened`
    line: int  # the line read last, for progress
    rejections: list[Rejection] = field(default_factory=list)


@dataclass(frozen=True)
class Finished:
    count: int  # data records read
    rejections: list[Rejection] = field(default_factory=list)
    warnings: list[Rejection] = field(default_factory=list)  # read, but not quite as written (mail, chats)
    local_times: dict[str, int] = field(default_factory=dict)  # what the date reader counted (DateReader.warnings)


@dataclass(frozen=True)
class _Failed:
    path: str
    reason: str
    line: int | None
    field: str | None


@dataclass(frozen=True)
class _Crashed:
    what: str  # the exception's type and where it happened; never its message, which may hold a value


Message = Started | Batch | Finished
# A reader: the messages for one request (anything with a `path`), raising ImportFileError for a bad file.
Reader = Callable[[Any], Iterator[Message]]


def read_contacts(request: ReadRequest) -> Iterator[Message]:
    """The messages for a contact file, read in this process; raises ImportFileError."""
    dates = DateReader(request.timezone)
    reader = ContactReader(dates, request.default_region)
    with open_tabular(Path(request.path)) as table:
        columns = columns_for(table, CONTACT_COLUMNS, request.mapping)
        rows = CheckedRows(table, columns, request.skip_invalid)
        yield Started(table.sha256, table.total_lines, columns.ignored)
        reported = 0
        for batch in batched(rows.read(reader.read), request.batch_size):
            yield Batch(flattened(batch), rows.line, rows.rejections[reported:])
            reported = len(rows.rejections)
        yield Finished(rows.count, rows.rejections[reported:], local_times=dict(dates.warnings))


def flattened(batch: list[PackedContact]) -> str | list[PackedContact]:
    """A batch as one text: every row's packed values, fingerprint and identity number, all joined with
    SEPARATOR (FLAT_WIDTH fields a row). One string travels between processes, and is taken apart in one
    call, far faster than thousands of small ones. A batch with a row whose values hold the separator
    stays a list."""
    try:
        return SEPARATOR.join(chain.from_iterable(batch))  # type: ignore[arg-type]  # a str or a TypeError
    except TypeError:  # a row's values went apart (see PackedContact)
        return batch


@contextmanager
def contact_messages(request: Any, read: Reader = read_contacts, child: bool = True) -> Iterator[Iterator[Message]]:
    """The messages `read` gives for the request's file, from a child process when the file is large (and
    `child`: a reader that spreads its work over processes of its own runs here)."""
    if child and Path(request.path).is_file() and Path(request.path).stat().st_size >= CHILD_FROM_BYTES:
        with _from_child(request, read) as messages:
            yield messages
    else:
        yield read(request)


@contextmanager
def _from_child(request: Any, read: Reader) -> Iterator[Iterator[Message]]:
    # fork on Linux: the child starts at once with everything imported, and only reads the file
    context: Any = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(
        target=_read_in_child, args=(sender, receiver, request, read), name="klantstem-import-reader", daemon=True
    )
    process.start()
    sender.close()
    try:
        yield _received(receiver, process)
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join()


def _received(receiver: Connection, process: BaseProcess) -> Iterator[Message]:
    while True:
        try:
            message = receiver.recv()
        except EOFError:
            raise RuntimeError(f"the process reading the file stopped (exit code {process.exitcode})") from None
        if isinstance(message, _Failed):
            raise ImportFileError(message.path, message.reason, line=message.line, field=message.field)
        if isinstance(message, _Crashed):
            raise RuntimeError(f"the process reading the file failed: {message.what}")
        yield message
        if isinstance(message, Finished):
            return


def _read_in_child(sender: Connection, receiver: Connection, request: Any, read: Reader) -> None:
    # A forked child holds a copy of the pipe's reading end: closed, so that a send fails (and this process
    # ends) as soon as the importing process is gone, even when it was killed.
    receiver.close()
    gc.disable()  # see service._collector_paused
    try:
        for message in read(request):
            sender.send(message)
    except ImportFileError as exc:
        sender.send(_Failed(exc.path, exc.reason, exc.line, exc.field))
    except (BrokenPipeError, ConnectionResetError):
        pass  # the importing process has gone (stopped or killed): nothing to tell
    except Exception as exc:  # a bug: say what and where, so the parent can stop with it
        where = exc.__traceback__
        while where is not None and where.tb_next is not None:
            where = where.tb_next
        location = f"{where.tb_frame.f_code.co_filename}:{where.tb_lineno}" if where else "unknown"
        sender.send(_Crashed(f"{type(exc).__name__} at {location}"))
    finally:
        sender.close()
