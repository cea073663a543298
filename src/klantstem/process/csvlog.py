"""Streaming CSV (.csv, .csv.gz, .txt) and Parquet event-log readers into Arrow batches.

Columns are found by the mapping the user gave, else by common names (CSV_CANDIDATES). CSV is read by
Arrow's streaming reader, all columns as text; the delimiter (; , tab |) is detected from the start of the file,
and so is the encoding, by klantstem.encoding's rule (UTF-8 with or without BOM, else Windows-1252).
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from klantstem.delimited import QuoteProblem, record_lines, sniff_delimiter
from klantstem.encoding import UTF8, UTF8_BOM, EncodingRefused, sample_encoding
from klantstem.errors import ImportFileError
from klantstem.process.arrays import from_numpy
from klantstem.process.eventlog import EVENT_SCHEMA, REQUIRED, STANDARD, ColumnMapping, ReadStats, resolve_columns
from klantstem.process.timestamps import TimestampError, to_utc
from klantstem.process.xes import INFLATION_FLOOR, MAX_INFLATION
from klantstem.settings import DEFAULT_TIMEZONE

_SNIFF_BYTES = 1 << 16
_QUOTE = 34  # '"'
_NEWLINE = 10
_RETURN = 13
_ROW_IN_MESSAGE = re.compile(r"Row #(\d+)")


class _TableReader:
    """What CSV and Parquet share: turning source batches into EVENT_SCHEMA batches."""

    def __init__(self, path: Path, mapping: ColumnMapping, default_timezone: str) -> None:
        self.path = path
        self.stats = ReadStats()
        self._mapping = mapping
        self._zone = default_timezone
        self._columns: dict[str, str] = {}
        self._nul_free = False  # set by a reader that saw every byte of the file and no NUL among them

    @property
    def source_names(self) -> dict[str, str]:
        return dict(self._columns)

    def _standard(self, batch: pa.RecordBatch, lines: np.ndarray) -> pa.RecordBatch:
        """The batch in EVENT_SCHEMA; `lines` holds the line (CSV) or row (Parquet) each of its records starts on."""
        arrays: list[pa.Array] = []
        for name in STANDARD:
            source = self._columns.get(name)
            if source is None:
                arrays.append(pa.nulls(batch.num_rows, pa.string()))
                continue
            values = batch.column(source)
            if name == "timestamp":
                arrays.append(self._timestamps(values, lines, source))
                continue
            if not pa.types.is_string(values.type):
                values = values.cast(pa.string())
            self._refuse_nul(values, lines, source)
            if name in REQUIRED:
                self._require(values, lines, source)
            arrays.append(values)
        return pa.RecordBatch.from_arrays([*arrays, from_numpy(lines)], schema=EVENT_SCHEMA)

    def _require(self, values: pa.Array, lines: np.ndarray, source: str) -> None:
        empty = pc.invert(pc.cast(pc.utf8_length(pc.utf8_trim_whitespace(values)), pa.bool_()))  # no pa.scalar:
        missing = pc.or_kleene(pc.is_null(values), empty)  # it would load pandas
        if pc.any(missing).as_py():
            row = int(pc.index(missing, True).as_py())
            raise ImportFileError(str(self.path), "empty value", line=int(lines[row]), field=source)

    def _refuse_nul(self, values: pa.Array, lines: np.ndarray, source: str) -> None:
        if self._nul_free:
            return
        holds = pc.match_substring(values, "\x00")
        if pc.any(holds).as_py():
            row = int(pc.index(holds, True).as_py())
            reason = "contains a NUL character, which is not text and cannot be stored"
            raise ImportFileError(str(self.path), reason, line=int(lines[row]), field=source)

    def _timestamps(self, values: pa.Array, lines: np.ndarray, source: str) -> pa.Array:
        try:
            converted = to_utc(values, self._zone)
        except TimestampError as exc:
            reason = "missing timestamp" if exc.value is None else str(exc)
            raise ImportFileError(str(self.path), reason, line=int(lines[exc.row]), field=source) from None
        for kind, count in converted.warnings().items():
            self.stats.warn(kind, count)
        return converted.values


class CsvReader(_TableReader):
    def __init__(
        self,
        path: Path,
        mapping: ColumnMapping,
        *,
        batch_size: int = 50_000,
        default_timezone: str = DEFAULT_TIMEZONE,
    ) -> None:
        super().__init__(path, mapping, default_timezone)
        self._raw: pa.NativeFile | None = None
        self._block = max(1 << 16, min(batch_size * 200, 1 << 23))

    @property
    def bytes_read(self) -> int:
        return self._raw.tell() if self._raw is not None and not self._raw.closed else 0

    def _open(self) -> pa.NativeFile:
        self._raw = pa.OSFile(str(self.path), "rb")
        head = self._raw.read(2)
        self._raw.seek(0)
        if head == b"\x1f\x8b":
            return pa.CompressedInputStream(self._raw, "gzip")
        return self._raw

    def _sniff(self) -> tuple[str, str, list[str]]:
        """(encoding, delimiter, header names) from the start of the file."""
        with self._open() as stream:
            try:
                start = stream.read(_SNIFF_BYTES)
            except (OSError, pa.ArrowException) as exc:
                raise ImportFileError(str(self.path), f"cannot read the file ({exc})") from None
        if not start.strip():
            raise ImportFileError(str(self.path), "the file is empty")
        try:
            encoding = sample_encoding(start, complete=len(start) < _SNIFF_BYTES)
        except EncodingRefused as refused:
            line = start[: refused.offset].count(b"\n") + 1
            raise ImportFileError(str(self.path), refused.message, line=line) from None
        text = start.decode(encoding, errors="ignore")
        if encoding == UTF8_BOM:
            encoding = UTF8  # Arrow's UTF-8 reading skips the byte-order mark itself
        header = text.splitlines()[0] if text else ""
        delimiter = sniff_delimiter(header)
        names = next(csv.reader([header], delimiter=delimiter), [])
        return encoding, delimiter, [name.lstrip("\ufeff") for name in names]

    def _record_lines(self, encoding: str, delimiter: str) -> np.ndarray | None:
        """klantstem.delimited's quote rule, and the line each data record starts on when that is not simply the
        line after the one before (None then). A fast pass over the bytes finds whether any line end lies inside
        quotes, a quote is left open, or an empty line (which Arrow skips) comes before a record; only then is
        the file read as CSV to apply the rule exactly and to number its records."""
        if not self._lines_are_records():
            return None
        decoder = codecs.getincrementaldecoder(encoding)("replace")
        with self._open() as stream:
            chunks = iter(lambda: decoder.decode(stream.read(1 << 20)), "")
            try:
                starts = record_lines(_lines_of(chunks), delimiter)
            except QuoteProblem as problem:
                raise ImportFileError(str(self.path), problem.reason, line=problem.line) from None
            except csv.Error:
                return None  # Arrow's reader says what is wrong, with its line
        return np.frombuffer(starts, dtype=np.int64)[1:]  # the header's line first

    def _lines_are_records(self) -> bool:
        """Whether some record does not start on the line after the one before (see `_record_lines`). Vectorised
        over each chunk: the quotes before each line end (by `searchsorted` on their positions) say whether it
        lies inside quotes, and line ends one apart (or two, around a carriage return) are an empty line. A
        whole scan that meets no NUL byte also tells `_refuse_nul` that no value holds one."""
        open_quote = 0  # 1 while the bytes read so far hold an odd number of quotes
        inflated = 0
        tail = b""  # the end of the chunk before, for an empty line across two chunks
        empty_line = False  # an empty line was seen; it counts once a record follows
        nul = False
        with self._open() as stream:
            try:
                while chunk := stream.read(1 << 20):
                    inflated += len(chunk)
                    self._check_inflation(inflated)
                    nul = nul or b"\x00" in chunk
                    joined = np.frombuffer(tail + chunk, dtype=np.uint8)
                    if empty_line and ((joined != _NEWLINE) & (joined != _RETURN)).any():
                        return True
                    ends = np.flatnonzero(joined == _NEWLINE)
                    blank = _first_blank(joined, ends)
                    if blank >= 0:
                        rest = joined[blank:]
                        if ((rest != _NEWLINE) & (rest != _RETURN)).any():
                            return True
                        empty_line = True
                    if open_quote or b'"' in chunk:
                        quotes = np.flatnonzero(joined[len(tail) :] == _QUOTE)
                        within = ends[ends >= len(tail)] - len(tail)
                        if ((np.searchsorted(quotes, within) + open_quote) & 1).any():
                            return True
                        open_quote = (open_quote + len(quotes)) & 1
                    tail = chunk[-2:]
            except (OSError, EOFError, pa.ArrowException):
                return False  # a damaged file: reading it says what is wrong, with its line
        self._nul_free = not nul
        return bool(open_quote)

    def _check_inflation(self, inflated: int) -> None:
        """A gzip file that inflates far more than text does is refused before it is read (see xes.MAX_INFLATION)."""
        if inflated > INFLATION_FLOOR and self._raw is not None and inflated > MAX_INFLATION * self._raw.tell():
            reason = f"the gzip file inflates to more than {MAX_INFLATION} times its size; refused as a possible "
            raise ImportFileError(str(self.path), reason + "decompression bomb")

    def batches(self) -> Iterator[pa.RecordBatch]:
        encoding, delimiter, names = self._sniff()
        self._columns = resolve_columns(self.path, names, self._mapping)
        starts = self._record_lines(encoding, delimiter)
        reader = self._csv_reader(encoding, delimiter, names)
        done = 0  # records read
        with reader:
            while True:
                line = int(starts[done]) if starts is not None and done < len(starts) else done + 2
                try:
                    batch = reader.read_next_batch()
                except StopIteration:
                    break
                except (pa.ArrowInvalid, OSError, EOFError) as exc:
                    raise self._read_error(exc, line) from None
                lines = starts[done : done + batch.num_rows] if starts is not None else np.empty(0, np.int64)
                if len(lines) != batch.num_rows:  # no numbered records, or Arrow counts more: the plain count
                    lines = np.arange(done + 2, done + 2 + batch.num_rows, dtype=np.int64)
                yield self._standard(batch, lines)
                done += batch.num_rows

    def _csv_reader(self, encoding: str, delimiter: str, names: list[str]) -> pacsv.CSVStreamingReader:
        used = list(dict.fromkeys(self._columns.values()))
        try:
            return pacsv.open_csv(
                self._open(),
                read_options=pacsv.ReadOptions(block_size=self._block, encoding=encoding),
                parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=True),
                convert_options=pacsv.ConvertOptions(
                    column_types={name: pa.string() for name in used},
                    include_columns=used,
                    strings_can_be_null=True,
                    quoted_strings_can_be_null=False,
                ),
            )
        except (pa.ArrowInvalid, OSError, EOFError) as exc:
            raise self._read_error(exc, 2) from None

    def _read_error(self, exc: Exception, line: int) -> ImportFileError:
        text = str(exc).splitlines()[0]
        match = _ROW_IN_MESSAGE.search(text)
        if "gzip" in text.lower() or isinstance(exc, EOFError):
            return ImportFileError(str(self.path), f"the gzip file is truncated or damaged ({text})")
        return ImportFileError(str(self.path), text, line=int(match.group(1)) if match else line)


def _first_blank(codes: np.ndarray, ends: np.ndarray) -> int:
    """The position of the first line end that ends an empty line ("\\n\\n" or "\\n\\r\\n"), or -1."""
    if len(ends) < 2:
        return -1
    gaps = np.diff(ends)
    blank = (gaps == 1) | ((gaps == 2) & (codes[ends[:-1] + 1] == _RETURN))
    found = np.flatnonzero(blank)
    return int(ends[found[0]]) if len(found) else -1


def _lines_of(chunks: Iterator[str]) -> Iterator[str]:
    """The lines of a text read in chunks, each with its line feed (a line may run over two chunks)."""
    rest = ""
    for chunk in chunks:
        lines = (rest + chunk).split("\n")
        rest = lines.pop()
        for line in lines:
            yield line + "\n"
    if rest:
        yield rest


class ParquetReader(_TableReader):
    def __init__(
        self,
        path: Path,
        mapping: ColumnMapping,
        *,
        batch_size: int = 50_000,
        default_timezone: str = DEFAULT_TIMEZONE,
    ) -> None:
        super().__init__(path, mapping, default_timezone)
        self._batch_size = batch_size
        self._done = 0

    @property
    def bytes_read(self) -> int:
        return self._done

    def batches(self) -> Iterator[pa.RecordBatch]:
        try:
            parquet = pq.ParquetFile(self.path)
        except (pa.ArrowInvalid, OSError) as exc:
            reason = f"not a readable Parquet file ({str(exc).splitlines()[0]})"
            raise ImportFileError(str(self.path), reason) from None
        self._columns = resolve_columns(self.path, parquet.schema_arrow.names, self._mapping)
        used = list(dict.fromkeys(self._columns.values()))
        row = 1
        size = self.path.stat().st_size
        rows = max(parquet.metadata.num_rows, 1)
        batches = parquet.iter_batches(batch_size=self._batch_size, columns=used)
        while True:
            try:
                batch = next(batches)
            except StopIteration:
                return
            except (pa.ArrowException, OSError) as exc:
                reason = f"a damaged Parquet file ({str(exc).splitlines()[0]})"
                raise ImportFileError(str(self.path), reason, line=row + 1) from None
            yield self._standard(batch, np.arange(row, row + batch.num_rows, dtype=np.int64))
            row += batch.num_rows
            self._done = size * (row - 1) // rows
