"""One chunk of an XES file (whole traces) into an Arrow batch.

A chunk is parsed by lxml as a document of its own, wrapped in the log's start and end tag. Everything
here is plain data in, plain data out, so that chunks can be read in worker processes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

import pyarrow as pa
import pyarrow.compute as pc
from lxml import etree

from klantstem.process.eventlog import EVENT_SCHEMA, STANDARD, XES_KEYS
from klantstem.process.timestamps import TimestampError, to_utc
from klantstem.process.xes_scan import scan_chunk

_ATTRIBUTE_TAGS = ("string", "date", "int", "float", "boolean", "id", "list", "container")
_LINE_IN_MESSAGE = re.compile(r"line (\d+)")
_WIDTH = len(STANDARD) + 1  # the standard columns, then the event's line


@dataclass(frozen=True)
class Failure:
    """What went wrong in a chunk, as plain data (an exception may not cross a process boundary)."""

    reason: str
    line: int | None = None
    field: str | None = None


@dataclass(frozen=True)
class ChunkPlan:
    """Everything needed to read a chunk: which key feeds which column, and the log's wrapping tags."""

    keys: tuple[tuple[str, str | None], ...]  # standard column -> XES key, in STANDARD order
    timezone: str
    open_tag: bytes = b'<log xmlns="http://www.xes-standard.org/">'
    close_tag: bytes = b"</log>"
    encoding: str | None = None

    @classmethod
    def for_keys(cls, overrides: dict[str, str], timezone: str) -> ChunkPlan:
        merged = {**XES_KEYS, **overrides}
        return cls(keys=tuple((name, merged[name]) for name in STANDARD), timezone=timezone)

    def key(self, name: str) -> str | None:
        return dict(self.keys)[name]

    @property
    def event_keys(self) -> dict[str, int]:
        """XES key -> first column it feeds (the case comes from the trace)."""
        found: dict[str, int] = {}
        for i, (name, key) in enumerate(self.keys):
            if key and name != "case" and key not in found:
                found[key] = i
        return found

    @property
    def aliases(self) -> list[tuple[int, int]]:
        """(column, column it copies) for columns that read the same key as an earlier one."""
        first = self.event_keys
        return [(i, first[k]) for i, (n, k) in enumerate(self.keys) if k and n != "case" and first[k] != i]


@dataclass(frozen=True)
class ChunkResult:
    batch: pa.RecordBatch | None
    warnings: tuple[tuple[str, int], ...] = ()  # counted by the timestamp reader (Converted.warnings)
    failure: Failure | None = None
    scanned: bool = False  # read by the scanner (Arrow kernels, which run outside the GIL), not by lxml


@cache
def parser(encoding: str | None) -> etree.XMLParser:
    return etree.XMLParser(
        remove_blank_text=True,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
        resolve_entities=False,
        no_network=True,
        huge_tree=True,
        encoding=encoding,
    )


def syntax_failure(exc: etree.XMLSyntaxError, first_line: int) -> Failure:
    """lxml's message with the lines of the chunk turned into lines of the file."""
    message = _LINE_IN_MESSAGE.sub(lambda m: f"line {first_line + int(m.group(1))}", exc.msg or str(exc))
    message = re.sub(r",? line \d+, column \d+$", "", message)
    return Failure(f"not well-formed XML: {message}", line=first_line + (exc.lineno or 1))


def read_chunk(plan: ChunkPlan, data: bytes, first_line: int, last: bool) -> ChunkResult:
    """The events of a chunk; `last` means the chunk brings the log's end tag itself. A chunk in the regular
    shape is scanned (xes_scan, several times faster); any other chunk, and any chunk with a problem, is
    parsed by lxml, which words the error."""
    if plan.encoding is None and plan.open_tag.startswith(b"<log"):
        scanned = scan_chunk(plan.keys, plan.close_tag, data, first_line, last)
        if scanned is not None:
            result = _batch(plan, *scanned) if len(scanned[1]) else ChunkResult(None)
            if result.failure is None:
                return replace(result, scanned=True)
    return parse_chunk(plan, data, first_line, last)


def parse_chunk(plan: ChunkPlan, data: bytes, first_line: int, last: bool) -> ChunkResult:
    """The events of a chunk as lxml reads them (any XES)."""
    document = plan.open_tag + data + (b"" if last else plan.close_tag)
    try:
        root = etree.fromstring(document, parser(plan.encoding))
    except etree.XMLSyntaxError as exc:
        return ChunkResult(None, failure=syntax_failure(exc, first_line))
    rows: list[list[object]] = []
    failure = _take_events(plan, root, rows, first_line)
    if failure is not None:
        return ChunkResult(None, failure=failure)
    if not rows:
        return ChunkResult(None)
    columns = [list(column) for column in zip(*rows, strict=True)]
    return _batch(plan, columns[:-1], columns[-1])


def _take_events(plan: ChunkPlan, root: etree._Element, rows: list[list[object]], first_line: int) -> Failure | None:
    ns = etree.QName(root).namespace
    trace_tag = f"{{{ns}}}trace" if ns else "trace"
    event_tag = f"{{{ns}}}event" if ns else "event"
    attribute_tags = [f"{{{ns}}}{t}" if ns else t for t in _ATTRIBUTE_TAGS]
    event_keys = plan.event_keys
    for trace in root.iterchildren(trace_tag):
        start = len(rows)
        for event in trace.iterchildren(event_tag):
            row: list[object] = [None] * _WIDTH
            for attribute in event:
                index = event_keys.get(attribute.get("key"))
                if index is not None:
                    row[index] = attribute.get("value")
            row[-1] = first_line + event.sourceline
            rows.append(row)
        if len(rows) > start:
            values = {a.get("key"): a.get("value") for a in trace.iterchildren(*attribute_tags)}
            failure = _fill_from_trace(plan, values, rows, start)
            if failure is not None:
                return Failure(failure.reason, first_line + trace.sourceline, failure.field)
    return None


def _fill_from_trace(plan: ChunkPlan, values: dict[str, str], rows: list[list[object]], start: int) -> Failure | None:
    case_key = plan.key("case")
    case = values.get(case_key or "")
    if case is None:
        return Failure("a trace without a case id", field=case_key)
    fills = [(i, values[key]) for i, (name, key) in enumerate(plan.keys) if key and name != "case" and key in values]
    for row in rows[start:]:
        row[0] = case
        for i, value in fills:
            if row[i] is None:
                row[i] = value
    return None


def _batch(plan: ChunkPlan, columns: list[pa.Array] | list[list[object]], lines: pa.Array | list[int]) -> ChunkResult:
    """An Arrow batch from one column per standard column and the line of each event."""
    strings = [column if isinstance(column, pa.Array) else pa.array(column, type=pa.string()) for column in columns]
    for target, source in plan.aliases:
        strings[target] = strings[source]
    line_numbers = lines if isinstance(lines, pa.Array) else pa.array(lines, type=pa.int64())
    arrays: list[pa.Array] = []
    warnings: tuple[tuple[str, int], ...] = ()
    for (name, key), array in zip(plan.keys, strings, strict=True):
        if name == "timestamp":
            try:
                converted = to_utc(array, plan.timezone)
            except TimestampError as exc:
                reason = f"an event without {key}" if exc.value is None else str(exc)
                return ChunkResult(None, failure=Failure(reason, line_numbers[exc.row].as_py(), key))
            arrays.append(converted.values)
            warnings = tuple(converted.warnings().items())
            continue
        if name == "activity" and array.null_count:
            row = pc.index(pc.is_null(array), True).as_py()
            return ChunkResult(None, failure=Failure(f"an event without {key}", line_numbers[row].as_py(), key))
        arrays.append(array)
    arrays.append(line_numbers)
    return ChunkResult(pa.RecordBatch.from_arrays(arrays, schema=EVENT_SCHEMA), warnings)
