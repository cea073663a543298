"""A streaming XES reader (.xes and .xes.gz) into Arrow batches.

The file is decompressed block by block and cut after a `</trace>` into chunks of a few megabytes, and each
chunk is read on its own and dropped once its events are taken, so memory stays at a few chunks whatever
the file size. A chunk in the regular shape most XES writers produce is read by a strict scanner built on
Arrow's string kernels (xes_scan); any other chunk, and any chunk with a problem, is parsed by lxml
(wrapped in the log's own start and end tag), which also words the error and names the line. Either way
every byte is checked, so a file that is not well-formed is refused. On a large file two threads (scanned
chunks) or two worker processes (lxml chunks) read chunks side by side.

Why not `iterparse` with cleared elements: on BPI 2013 its per-element callbacks alone cost about as much
as parsing and reading every event with lxml chunk by chunk, and the scanner needs about a third of that
(measured in docs/benchmarks.md)."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import re
import threading
import zlib
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pyarrow as pa
from lxml import etree

from klantstem.errors import ImportFileError
from klantstem.process.eventlog import ColumnMapping, ReadStats
from klantstem.process.xes_chunk import ChunkPlan, ChunkResult, Failure, parser, read_chunk, syntax_failure
from klantstem.settings import DEFAULT_TIMEZONE

_BLOCK = 1 << 16
_GZIP_MAGIC = b"\x1f\x8b"
_PARALLEL_FROM_BYTES = 64 << 20  # decompressed size from which a second thread or process pays off
_GZIP_RATIO = 25
_INFLATED_AHEAD = 8  # blocks of about 2 MB of XML (64 KB of gzip each)
# Bounds that stop a hostile file quickly: XES inflates about 30 times, so far more than MAX_INFLATION (past the
# first INFLATION_FLOOR bytes) is a decompression bomb; no real trace, and no header, comes near MAX_PIECE_BYTES.
MAX_INFLATION = 250
INFLATION_FLOOR = 64 << 20
MAX_PIECE_BYTES = 256 << 20
_PREFIX = rb"(?:[A-Za-z_][\w.-]*:)?"
_NEWLINE = 10


@dataclass(frozen=True)
class _Chunk:
    data: bytes
    first_line: int  # lines before this chunk in the file
    last: bool = False  # the file's last piece, which brings the log's end tag itself


class XesReader:
    def __init__(
        self,
        path: Path,
        mapping: ColumnMapping,
        *,
        batch_size: int = 50_000,
        default_timezone: str = DEFAULT_TIMEZONE,
        chunk_bytes: int = 1 << 21,
        workers: int | None = None,
        parallel_from_bytes: int = _PARALLEL_FROM_BYTES,
    ) -> None:
        self.path = path
        self.stats = ReadStats()
        self._plan = ChunkPlan.for_keys(mapping.explicit(), default_timezone)
        self._batch_size = batch_size
        self._chunk_bytes = chunk_bytes
        self._workers = min(2, os.cpu_count() or 1) if workers is None else workers
        self._parallel_from = parallel_from_bytes
        self._consumed = 0

    @property
    def bytes_read(self) -> int:
        return self._consumed

    @property
    def source_names(self) -> dict[str, str]:
        return {name: key for name, key in self._plan.keys if key}

    def batches(self) -> Iterator[pa.RecordBatch]:
        chunks = self._chunks()
        header = next(chunks, None)
        if header is None:
            raise ImportFileError(str(self.path), "the file is empty")
        plan = self._read_header(header)
        pending: list[pa.RecordBatch] = []
        count = 0
        for result in self._results(plan, chunks):
            if result.failure is not None:
                raise self._error(result.failure)
            if result.batch is None:
                continue
            for kind, count in result.warnings:
                self.stats.warn(kind, count)
            pending.append(result.batch)
            count += result.batch.num_rows
            if count >= self._batch_size:
                yield pa.concat_batches(pending)
                pending, count = [], 0
        if pending:
            yield pa.concat_batches(pending)

    def _results(self, plan: ChunkPlan, chunks: Iterator[_Chunk]) -> Iterator[ChunkResult]:
        """Chunk results in file order: here, or in worker processes when the file is large."""
        if self._workers > 1 and self._expected_size() >= self._parallel_from:
            yield from self._parallel(plan, chunks)
            return
        for chunk in chunks:
            yield read_chunk(plan, chunk.data, chunk.first_line, chunk.last)

    def _expected_size(self) -> int:
        """The decompressed size to expect (XES compresses about 30 times with gzip)."""
        size = self.path.stat().st_size
        with self.path.open("rb") as raw:
            return size * _GZIP_RATIO if raw.read(2) == _GZIP_MAGIC else size

    def _parallel(self, plan: ChunkPlan, chunks: Iterator[_Chunk]) -> Iterator[ChunkResult]:
        """The first chunk here; the rest in threads when it was scanned (the scanner's work runs outside the
        GIL, and threads cost nothing to start), else in worker processes (lxml's Python-level work)."""
        first = next(chunks, None)
        if first is None:
            return
        result = read_chunk(plan, first.data, first.first_line, first.last)
        yield result
        if result.failure is not None:
            return
        pool: Executor
        if result.scanned:
            pool = ThreadPoolExecutor(self._workers)
        else:
            pool = ProcessPoolExecutor(self._workers, mp_context=multiprocessing.get_context("fork"))
        with pool:
            running: deque[Future[ChunkResult]] = deque()
            for chunk in chunks:
                running.append(pool.submit(read_chunk, plan, chunk.data, chunk.first_line, chunk.last))
                if len(running) > 2 * self._workers:
                    yield running.popleft().result()
            while running:
                yield running.popleft().result()

    def _error(self, failure: Failure) -> ImportFileError:
        return ImportFileError(str(self.path), failure.reason, line=failure.line, field=failure.field)

    # --- bytes -----------------------------------------------------------------------------------------

    def _blocks(self) -> Iterator[bytes]:
        """The decompressed bytes of the file, block by block."""
        with self.path.open("rb") as raw:
            first = raw.read(_BLOCK)
            if not first:
                return
            if first.startswith(_GZIP_MAGIC):
                yield from _ahead(self._inflate(first, raw), _INFLATED_AHEAD)
                return
            block = first
            while block:
                self._consumed += len(block)
                yield block
                block = raw.read(_BLOCK)

    def _inflate(self, first: bytes, raw: BinaryIO) -> Iterator[bytes]:
        inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        block = first
        inflated = 0
        while block:
            self._consumed += len(block)
            try:
                out = inflater.decompress(block)
                while inflater.eof and inflater.unused_data:  # a file of several gzip members
                    rest = inflater.unused_data
                    inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
                    out += inflater.decompress(rest)
            except zlib.error as exc:
                raise ImportFileError(str(self.path), f"not a valid gzip file ({exc})") from None
            inflated += len(out)
            if inflated > INFLATION_FLOOR and inflated > MAX_INFLATION * self._consumed:
                raise ImportFileError(str(self.path), _BOMB)
            if out:
                yield out
            block = raw.read(_BLOCK)
        if not inflater.eof:
            raise ImportFileError(str(self.path), "the gzip file is truncated (it ends in the middle of the data)")

    def _chunks(self) -> Iterator[_Chunk]:
        """First the header (everything before the first trace), then pieces that end after `</trace>`."""
        pending: list[bytes] = []
        size = 0
        lines = 0
        header_done = False
        for block in self._blocks():
            pending.append(block)
            size += len(block)
            if size < self._chunk_bytes and header_done:
                continue
            if header_done and (cut := _after_last_trace_end(block)) > 0:
                # The usual case: a trace ends in the newest block, so the chunk is made with one copy.
                chunk = b"".join([*pending[:-1], memoryview(block)[:cut]])
                yield _Chunk(chunk, lines)
                lines += _line_ends(chunk, len(chunk))
                pending, size = [block[cut:]], len(block) - cut
                continue
            data = b"".join(pending)
            cut = _after_last_trace_end(data) if header_done else _trace_start(data)
            if cut <= 0 and len(data) > MAX_PIECE_BYTES:
                what = "a trace" if header_done else "the part before the first trace"
                raise ImportFileError(
                    str(self.path), f"{what} is longer than {MAX_PIECE_BYTES >> 20} MB", line=lines + 1
                )
            if cut <= 0:
                pending, size = [data], len(data)
                continue
            yield _Chunk(data[:cut], lines)
            lines += _line_ends(data, cut)
            header_done = True
            pending, size = [data[cut:]], len(data) - cut
        rest = b"".join(pending)
        if rest or header_done:
            yield _Chunk(rest, lines, last=True)

    # --- the header ------------------------------------------------------------------------------------

    def _read_header(self, header: _Chunk) -> ChunkPlan:
        """Check the part before the first trace and learn the log's tags and encoding from it."""
        if not header.data.strip():
            raise ImportFileError(str(self.path), "the file is empty")
        if (doctype := _DOCTYPE.search(header.data)) is not None:  # never parsed: no DTD, file or network is read
            line = header.data.count(b"\n", 0, doctype.start()) + 1
            raise ImportFileError(str(self.path), DTD_REFUSED, line=line)
        match = re.search(rb"<(" + _PREFIX + rb")log[\s>/]", header.data)
        close = b"</" + (match.group(1) if match else b"") + b"log>"
        try:
            # A log without traces is all header and brings its own end tag.
            root = etree.fromstring(header.data if header.last else header.data + close, parser(None))
        except etree.XMLSyntaxError as exc:
            raise self._error(syntax_failure(exc, 0)) from None
        if etree.QName(root).localname != "log":
            raise ImportFileError(str(self.path), "not an XES log (the root element is not <log>)", line=1)
        encoding = root.getroottree().docinfo.encoding
        if encoding and encoding.lower().replace("-", "") in ("utf8", "usascii", "ascii"):
            encoding = None
        empty = etree.tostring(etree.Element(root.tag, nsmap=root.nsmap))
        return replace(self._plan, open_tag=empty[:-2].rstrip() + b">", close_tag=close, encoding=encoding)


_DONE = object()
_DOCTYPE = re.compile(rb"<!(?:DOCTYPE|ENTITY)")
DTD_REFUSED = "the file declares a DTD (<!DOCTYPE>); an event log needs none, and klantstem reads none"
_BOMB = (
    f"the gzip file inflates to more than {MAX_INFLATION} times its size (XES inflates about 30 times); "
    "it is refused as a possible decompression bomb"
)


def _ahead(blocks: Iterator[bytes], depth: int) -> Iterator[bytes]:
    """`blocks`, made by a thread of its own up to `depth` blocks ahead: zlib inflates without holding the
    GIL, so a second core inflates while this one scans. An error in the thread is raised here; when the
    reader stops early, the thread stops too."""
    made: queue.Queue[object] = queue.Queue(depth)
    stop = threading.Event()

    def make() -> None:
        item: object = _DONE
        try:
            for block in blocks:
                while not stop.is_set():
                    try:
                        made.put(block, timeout=0.05)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
        except BaseException as exc:  # noqa: BLE001 - handed to the reader, which raises it
            item = exc
        made.put(item)

    maker = threading.Thread(target=make, name="xes-inflate", daemon=True)
    maker.start()
    try:
        while (item := made.get()) is not _DONE:
            if isinstance(item, BaseException):
                raise item
            yield item  # type: ignore[misc]
    finally:
        stop.set()
        while maker.is_alive():  # it may wait to hand over one last block
            with contextlib.suppress(queue.Empty):
                made.get_nowait()
            maker.join(0.01)


def _line_ends(data: bytes, end: int) -> int:
    """How many line ends `data[:end]` holds (numpy counts them about four times faster than bytes.count)."""
    return int(np.count_nonzero(np.frombuffer(data, np.uint8, end) == _NEWLINE))


def _trace_start(data: bytes) -> int:
    """Where the first `<trace` element starts, or -1."""
    match = re.search(rb"<" + _PREFIX + rb"trace[\s>/]", data)
    return match.start() if match else -1


def _after_last_trace_end(data: bytes) -> int:
    """The position just after the last complete `</trace>`, or -1."""
    end = data.rfind(b"trace>")
    while end > 0:
        start = data.rfind(b"</", 0, end)
        if start >= 0 and re.fullmatch(rb"</" + _PREFIX, data[start:end]):
            return end + len(b"trace>")
        end = data.rfind(b"trace>", 0, end)
    return -1
