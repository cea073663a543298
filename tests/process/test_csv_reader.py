"""The CSV and Parquet readers: finding columns, delimiters, encodings, zones, and bad files."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from klantstem.errors import ImportFileError
from klantstem.process.csvlog import CsvReader, ParquetReader
from klantstem.process.eventlog import EVENT_SCHEMA, ColumnMapping, read_table

DATA = Path(__file__).parent.parent / "data" / "events"


def test_small_csv_with_a_mapping() -> None:
    table, stats = read_table(DATA / "small.csv", ColumnMapping(timestamp="start time"))
    assert table.schema == EVENT_SCHEMA
    assert table.column("case").to_pylist() == ["R-1", "R-1", "R-2", "R-1", "R-2"]
    times = table.column("timestamp").to_pylist()
    assert times[0] == datetime(2024, 3, 1, 8, 0, tzinfo=UTC)  # no zone: read as Amsterdam winter time
    assert times[1] == datetime(2024, 3, 1, 9, 30, tzinfo=UTC)  # Dutch day-month-year
    assert times[2] == datetime(2024, 4, 2, 6, 15, tzinfo=UTC)  # its own zone
    assert stats.warnings == {"timestamps_without_zone": 3}
    assert table.column("resource").to_pylist()[2] is None  # an empty cell is no resource
    assert table.column("team").to_pylist()[1] == "Back"
    assert table.column("line").to_pylist() == [2, 3, 4, 5, 6]


def test_comma_gzip_and_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "log.csv.gz"
    text = (
        "case,activity,timestamp,resource\n"
        "A,Aanvraag,2024-01-02T10:00:00Z,Jos\xe9\n"
        "A,Besluit,2024-01-03T10:00:00Z,Ren\xe9e\n"
    )
    path.write_bytes(gzip.compress(text.encode("cp1252")))
    table, stats = read_table(path)
    assert table.column("resource").to_pylist() == ["José", "Renée"]
    assert stats.warnings == {}


def test_utf8_bom_and_standard_xes_column_names(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    rows = "case:concept:name;concept:name;time:timestamp;org:group\nX;Start;2024-06-01 12:00:00;T1\n"
    path.write_bytes(b"\xef\xbb\xbf" + rows.encode())
    table, _ = read_table(path)
    assert table.column("case").to_pylist() == ["X"]
    assert table.column("team").to_pylist() == ["T1"]
    assert table.column("timestamp").to_pylist() == [datetime(2024, 6, 1, 10, tzinfo=UTC)]


def test_parquet_with_typed_timestamps(tmp_path: Path) -> None:
    path = tmp_path / "log.parquet"
    moments = [datetime(2024, 1, 1, 9, tzinfo=UTC), datetime(2024, 1, 1, 11, tzinfo=UTC)]
    pq.write_table(
        pa.table({"ticket": [7, 7], "activity": ["a", "b"], "timestamp": pa.array(moments, pa.timestamp("ms", "UTC"))}),
        path,
    )
    table, stats = read_table(path, ColumnMapping(case="ticket"))
    assert table.column("case").to_pylist() == ["7", "7"]
    assert table.column("timestamp").to_pylist() == moments
    assert stats.warnings == {}
    assert isinstance(ParquetReader(path, ColumnMapping()), ParquetReader)


def test_header_only_gives_no_events(tmp_path: Path) -> None:
    path = tmp_path / "header.csv"
    path.write_text("case;activity;timestamp\n")
    assert read_table(path)[0].num_rows == 0


@pytest.mark.parametrize(
    ("content", "mapping", "line", "field", "words"),
    [
        ("case;activity;when\nA;x;2024-01-01\n", ColumnMapping(), 1, "timestamp", "no timestamp column"),
        ("case;activity;timestamp\nA;x;2024-01-01\n", ColumnMapping(team="afdeling"), 1, "afdeling", "no column"),
        ("case,activity,timestamp\nA,x,2024-01-01\nA,y,later\n", ColumnMapping(), 3, "timestamp", "later"),
        ("case,activity,timestamp\nA,x,2024-01-01\nA,y,\n", ColumnMapping(), 3, "timestamp", "missing"),
        ("case,activity,timestamp\nA,x,2024-01-01\n,y,2024-01-02\n", ColumnMapping(), 3, "case", "empty"),
        ("", ColumnMapping(), None, None, "empty"),
    ],
)
def test_bad_csv(
    tmp_path: Path, content: str, mapping: ColumnMapping, line: int | None, field: str | None, words: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content)
    with pytest.raises(ImportFileError) as caught:
        list(CsvReader(path, mapping).batches())
    assert (caught.value.line, caught.value.field) == (line, field)
    assert words in str(caught.value) and "bad.csv" in str(caught.value)


def test_truncated_gzip_csv(tmp_path: Path) -> None:
    rows = "".join(f"c{i},step,2024-01-01T00:00:{i % 60:02d}Z\n" for i in range(20000))
    packed = gzip.compress(("case,activity,timestamp\n" + rows).encode())
    path = tmp_path / "cut.csv.gz"
    path.write_bytes(packed[: len(packed) // 2])
    with pytest.raises(ImportFileError, match="gzip"):
        list(CsvReader(path, ColumnMapping()).batches())


def test_a_file_in_no_readable_encoding_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_bytes(b"case;activity;timestamp\nA;Start;2024-01-02T10:00:00Z\nA;\x81\x00;2024-01-03T10:00:00Z\n")
    with pytest.raises(ImportFileError, match="not valid UTF-8") as info:
        read_table(path)
    assert info.value.line == 3
