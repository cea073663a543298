"""The XES reader: columns, zones, trace attributes, chunking and parallel reading, and bad files."""

from __future__ import annotations

import gzip
import threading
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pytest

from klantstem.errors import ImportFileError
from klantstem.process.eventlog import EVENT_SCHEMA, ColumnMapping, open_event_log, read_table
from klantstem.process.xes import XesReader

DATA = Path(__file__).parent.parent / "data" / "events"
SMALL = DATA / "small.xes"


def _read(path: Path, mapping: ColumnMapping | None = None, **options: object) -> pa.Table:
    reader = XesReader(path, mapping or ColumnMapping(), **options)  # type: ignore[arg-type]
    return pa.Table.from_batches(list(reader.batches()), schema=EVENT_SCHEMA)


def generated_xes(traces: int, events_per_trace: int = 5) -> str:
    """A log whose every value can be recomputed from its trace and event number."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<log xmlns="http://www.xes-standard.org/">\n']
    for t in range(traces):
        parts.append(f'<trace>\n<string key="concept:name" value="case-{t}"/>\n')
        for e in range(events_per_trace):
            minute = (t + e) % 60
            parts.append(
                f'<event>\n<string key="concept:name" value="step-{e}"/>\n'
                f'<string key="org:group" value="team-{t % 7}"/>\n'
                f'<date key="time:timestamp" value="2023-01-0{1 + e % 9}T10:{minute:02d}:00+01:00"/>\n</event>\n'
            )
        parts.append("</trace>\n")
    parts.append("</log>\n")
    return "".join(parts)


def test_small_log_columns_and_utc() -> None:
    table = _read(SMALL)
    assert table.num_rows == 7
    assert table.column("case").to_pylist() == ["R-1"] * 3 + ["R-2"] * 3 + ["R-3"]
    assert table.column("activity").to_pylist()[:3] == ["Accepted", "Queued", "Completed"]
    times = table.column("timestamp").to_pylist()
    assert times[0] == datetime(2024, 3, 1, 8, 0, tzinfo=UTC)  # +01:00 in winter
    assert times[1] == datetime(2024, 3, 1, 9, 30, 0, 250_000, tzinfo=UTC)  # milliseconds kept
    assert times[3] == datetime(2024, 4, 2, 6, 15, tzinfo=UTC)  # +02:00 in summer
    assert times[5] == datetime(2024, 4, 2, 6, 45, tzinfo=UTC)  # Z
    assert table.column("lifecycle").to_pylist()[2] == "Closed"
    assert table.column("resource").to_pylist()[:3] == ["Anna", "Anna", "Bram"]
    assert table.column("team").to_pylist()[3:6] == ["Front"] * 3
    assert table.column("lifecycle").to_pylist()[6] is None
    assert table.column("customer").null_count == 7


def test_lines_point_at_the_event_start() -> None:
    lines = _read(SMALL).column("line").to_pylist()
    text = SMALL.read_text().splitlines()
    assert all(text[line - 1].strip() == "<event>" for line in lines)
    assert lines == sorted(lines)


def test_trace_attribute_and_shared_key_mapping() -> None:
    mapping = ColumnMapping(customer="customer", status="lifecycle:transition")
    table = _read(SMALL, mapping)
    assert table.column("customer").to_pylist()[:4] == ["C-17", "C-17", "C-17", None]
    assert table.column("status").to_pylist() == table.column("lifecycle").to_pylist()


def test_gzip_and_tiny_chunks_read_the_same(tmp_path: Path) -> None:
    packed = tmp_path / "small.xes.gz"
    packed.write_bytes(gzip.compress(SMALL.read_bytes()))
    expected = _read(SMALL)
    assert _read(packed).equals(expected)
    assert _read(SMALL, chunk_bytes=64).equals(expected)


def test_parallel_reading_equals_serial(tmp_path: Path) -> None:
    path = tmp_path / "gen.xes"
    path.write_text(generated_xes(400))
    serial = _read(path, workers=1, chunk_bytes=4096)
    parallel = _read(path, workers=2, chunk_bytes=4096, parallel_from_bytes=0, batch_size=300)
    assert serial.num_rows == 2000
    assert parallel.equals(serial)
    assert serial.column("case").to_pylist()[-1] == "case-399"


def test_log_without_namespace_and_with_prefix(tmp_path: Path) -> None:
    plain = tmp_path / "plain.xes"
    plain.write_text(SMALL.read_text().replace(' xmlns="http://www.xes-standard.org/"', ""))
    assert _read(plain).equals(_read(SMALL))
    prefixed = tmp_path / "prefixed.xes"
    text = SMALL.read_text().replace('xmlns="http', 'xmlns:x="http')
    for tag in ("log", "trace", "event", "string", "date", "extension", "global"):
        text = text.replace(f"<{tag}", f"<x:{tag}").replace(f"</{tag}>", f"</x:{tag}>")
    prefixed.write_text(text)
    assert _read(prefixed).equals(_read(SMALL))


def test_log_without_traces_has_no_events(tmp_path: Path) -> None:
    path = tmp_path / "none.xes"
    path.write_text('<?xml version="1.0"?>\n<log xmlns="http://www.xes-standard.org/">\n</log>\n')
    assert _read(path).num_rows == 0


def test_open_event_log_picks_the_xes_reader() -> None:
    table, stats = read_table(SMALL)
    assert table.num_rows == 7 and stats.warnings == {}
    assert isinstance(open_event_log(DATA / "small.xes"), XesReader)


@pytest.mark.parametrize(
    ("name", "line", "field", "words"),
    [
        ("not_well_formed.xes", 25, None, "not well-formed"),
        ("no_timestamp.xes", 48, "time:timestamp", "without time:timestamp"),
        ("bad_timestamp.xes", 48, "time:timestamp", "2024-04-31"),
        ("empty.xes", None, None, "empty"),
    ],
)
def test_bad_files_name_line_and_field(name: str, line: int | None, field: str | None, words: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        _read(DATA / name)
    assert caught.value.line == line
    assert caught.value.field == field
    assert words in str(caught.value)
    assert name in str(caught.value)


def test_bad_file_found_in_a_later_chunk(tmp_path: Path) -> None:
    text = generated_xes(50).splitlines(keepends=True)
    broken_at = len(text) - 20
    text[broken_at] = text[broken_at].replace("/>", ">")
    path = tmp_path / "broken.xes"
    path.write_text("".join(text))
    with pytest.raises(ImportFileError) as caught:
        _read(path, chunk_bytes=512)
    assert caught.value.line is not None and broken_at + 1 <= caught.value.line <= broken_at + 6


def test_truncated_and_damaged_gzip(tmp_path: Path) -> None:
    packed = gzip.compress(generated_xes(200).encode())
    cut = tmp_path / "cut.xes.gz"
    cut.write_bytes(packed[: len(packed) // 2])
    with pytest.raises(ImportFileError, match="truncated"):
        _read(cut)
    damaged = tmp_path / "damaged.xes.gz"
    damaged.write_bytes(packed[:20] + b"\x00" * 50 + packed[70:])
    with pytest.raises(ImportFileError, match="gzip"):
        _read(damaged)


def test_plain_file_cut_after_a_trace(tmp_path: Path) -> None:
    text = SMALL.read_text()
    path = tmp_path / "cut.xes"
    path.write_text(text[: text.rindex("</trace>") + len("</trace>")])
    with pytest.raises(ImportFileError, match="not well-formed"):
        _read(path)


def test_root_must_be_a_log(tmp_path: Path) -> None:
    path = tmp_path / "other.xes"
    path.write_text("<catalogue>\n</catalogue>")
    with pytest.raises(ImportFileError, match="not an XES log"):
        _read(path)


def _inflating_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "xes-inflate"]


def test_gzip_is_inflated_ahead_and_the_thread_ends_with_the_reader(tmp_path: Path) -> None:
    text = generated_xes(3000)
    packed = tmp_path / "log.xes.gz"
    packed.write_bytes(gzip.compress(text.encode()))
    plain = tmp_path / "log.xes"
    plain.write_text(text)
    assert _read(packed, chunk_bytes=4096).equals(_read(plain, chunk_bytes=4096))
    reader = XesReader(packed, ColumnMapping(), chunk_bytes=4096, batch_size=10)
    batches = reader.batches()
    assert next(batches).num_rows >= 10
    batches.close()  # the reader stops early: the thread must not wait for it forever
    assert not _inflating_threads()
    lines = text.splitlines(keepends=True)
    at = next(i for i in range(len(lines) // 3, len(lines)) if "/>" in lines[i])
    lines[at] = lines[at].replace("/>", ">")
    broken = tmp_path / "broken.xes.gz"
    broken.write_bytes(gzip.compress("".join(lines).encode()))
    with pytest.raises(ImportFileError):
        _read(broken, chunk_bytes=4096)
    assert not _inflating_threads()
