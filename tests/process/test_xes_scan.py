"""The XES scanner (regular files without a tree) against lxml on the same chunks: it must read exactly what
lxml reads, and hand every chunk it is not sure of to lxml."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

from klantstem.errors import ImportFileError
from klantstem.process.eventlog import EVENT_SCHEMA, ColumnMapping
from klantstem.process.xes import XesReader
from klantstem.process.xes_chunk import ChunkPlan, parse_chunk, read_chunk
from klantstem.process.xes_scan import scan_chunk

SMALL = Path(__file__).parent.parent / "data" / "events" / "small.xes"
PLAN = ChunkPlan.for_keys({}, "Europe/Amsterdam")
MAPPED = ChunkPlan.for_keys({"customer": "customer", "status": "lifecycle:transition"}, "Europe/Amsterdam")


def _traces(text: str) -> bytes:
    """The part of a log from its first trace to the end, as the reader hands it to a chunk reader."""
    return text[text.index("<trace>") :].encode()


def _both(plan: ChunkPlan, data: bytes, first_line: int = 7) -> tuple[pa.RecordBatch | None, pa.RecordBatch | None]:
    scanned = read_chunk(plan, data, first_line, last=True)
    parsed = parse_chunk(plan, data, first_line, last=True)
    assert scanned.failure is None and parsed.failure is None
    return scanned.batch, parsed.batch


@pytest.mark.parametrize("plan", [PLAN, MAPPED])
def test_a_regular_file_is_scanned_and_reads_as_lxml_reads_it(plan: ChunkPlan) -> None:
    data = _traces(SMALL.read_text())
    assert scan_chunk(plan.keys, plan.close_tag, data, 7, last=True) is not None
    scanned, parsed = _both(plan, data)
    assert scanned is not None and scanned.num_rows == 7
    assert scanned.equals(parsed)


def test_windows_line_ends_and_a_greater_than_sign_are_scanned() -> None:
    text = SMALL.read_text().replace("Anna", "A > B").replace("\n", "\r\n")
    data = _traces(text)
    assert scan_chunk(PLAN.keys, PLAN.close_tag, data, 3, last=True) is not None
    scanned, parsed = _both(PLAN, data, first_line=3)
    assert scanned is not None and scanned.equals(parsed)
    assert scanned.column("resource")[0].as_py() == "A > B"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('value="Anna"', 'value="R&amp;D"'),  # an entity
        ('value="Anna"', 'value="a\tb"'),  # a tab, which XML turns into a space
        ("<event>\n", "<event>\n<!-- a comment -->\n"),
        ('<string key="org:group" value="Front"/>', "<string key='org:group' value='Front'/>"),
        ('<string key="org:group" value="Front"/>', '<string value="Front" key="org:group"/>'),
        ("<event>\n\t\t\t<string", "<event><string"),  # two tags on a line
        ("<event>\n", "<event>\r\r\n"),  # a carriage return alone, which XML counts as a line end
        (
            '<string key="org:resource" value="Anna"/>',
            '<string key="org:resource" value="Anna"/>\n<string key="org:resource" value="Bo"/>',
        ),  # a key twice: the last one counts
        (
            '<string key="org:resource" value="Anna"/>',
            '<string key="org:resource" value="Anna">\n<string key="org:group" value="Nested"/>\n</string>',
        ),  # nested attributes are not the event's
        (
            '<string key="org:resource" value="Anna"/>',
            '<list key="parts">\n<values>\n<string key="org:group" value="In a list"/>\n</values>\n</list>',
        ),
    ],
)
def test_other_shapes_go_to_lxml_and_read_the_same(old: str, new: str) -> None:
    data = _traces(SMALL.read_text().replace(old, new, 1))
    assert scan_chunk(PLAN.keys, PLAN.close_tag, data, 7, last=True) is None
    scanned, parsed = _both(PLAN, data)
    assert scanned is not None and scanned.equals(parsed)


def test_trace_attributes_after_the_events_and_events_without_attributes() -> None:
    text = SMALL.read_text().replace('\t\t<string key="customer" value="C-17"/>\n', "", 1)
    text = text.replace("\t</trace>", '\t<string key="customer" value="C-17"/>\n\t</trace>', 1)
    data = _traces(text)
    assert scan_chunk(MAPPED.keys, MAPPED.close_tag, data, 7, last=True) is not None
    scanned, parsed = _both(MAPPED, data)
    assert scanned is not None and scanned.equals(parsed)
    assert scanned.column("customer").to_pylist()[:4] == ["C-17"] * 3 + [None]


def _read_text(tmp_path: Path, text: str | bytes) -> pa.Table:
    path = tmp_path / "log.xes"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    reader = XesReader(path, ColumnMapping())
    return pa.Table.from_batches(list(reader.batches()), schema=EVENT_SCHEMA)


@pytest.mark.parametrize(
    ("broken", "words"),
    [
        (SMALL.read_text().replace('value="Anna"', 'value="An\uffffna"', 1).encode(), "not well-formed"),
        (SMALL.read_bytes().replace(b'value="Anna"', b'value="An\xffna"', 1), "not well-formed"),
        (SMALL.read_text().replace('value="Anna"', 'value="A<B"', 1).encode(), "not well-formed"),
        (SMALL.read_text().replace("</event>", "</trace>", 1).encode(), "not well-formed"),
        (  # a value given twice, its quotes made up for by an attribute without a value
            SMALL.read_text()
            .replace('value="Anna"', 'value="Anna" value="Bo"', 1)
            .replace('<string key="org:group" value="Front"/>', '<string key="org:group"/>', 1)
            .encode(),
            "not well-formed",
        ),
        (SMALL.read_text().replace('key="concept:name" value="R-2"', 'key="other" value="R-2"').encode(), "case"),
    ],
)
def test_what_the_scanner_refuses_lxml_reports_with_its_line(tmp_path: Path, broken: bytes, words: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        _read_text(tmp_path, broken)
    assert words in str(caught.value)
    assert caught.value.line is not None


@pytest.mark.parametrize(
    "text",
    [
        SMALL.read_text(),  # one tag to a line: the lines are counted from the tags
        SMALL.read_text().replace("\t<trace>", "\n\n\t<trace>"),  # blank lines: the line ends are looked up
        SMALL.read_text().replace("\n", "\r\n"),
    ],
)
def test_event_lines_are_the_lines_of_the_file(tmp_path: Path, text: str) -> None:
    assert scan_chunk(PLAN.keys, PLAN.close_tag, _traces(text), 0, last=True) is not None
    lines = _read_text(tmp_path, text).column("line").to_pylist()
    written = text.splitlines()
    assert len(lines) == 7 and all(written[line - 1].strip() == "<event>" for line in lines)


def test_parallel_reading_of_chunks_lxml_must_parse(tmp_path: Path) -> None:
    """Chunks the scanner refuses go to worker processes, and read the same as in one process."""
    text = SMALL.read_text()
    head, body = text[: text.index("\t<trace>")], text[text.index("\t<trace>") : text.rindex("</log>")]
    body = body.replace("<event>", "<event><!-- kept apart -->")
    path = tmp_path / "irregular.xes"
    path.write_text(head + "".join(body.replace("R-", f"R{n}-") for n in range(60)) + "</log>\n")
    serial = XesReader(path, ColumnMapping(), workers=1, chunk_bytes=2048)
    parallel = XesReader(path, ColumnMapping(), workers=2, chunk_bytes=2048, parallel_from_bytes=0)
    expected = pa.Table.from_batches(list(serial.batches()), schema=EVENT_SCHEMA)
    assert expected.num_rows == 7 * 60
    assert pa.Table.from_batches(list(parallel.batches()), schema=EVENT_SCHEMA).equals(expected)
