"""A strict scanner for the regular shape of XES traces: reads a chunk without building a tree.

Most XES files are written the same way: one tag per line, `<trace>`, `<event>`, and attributes as single
self-closing elements such as `<string key="..." value="..."/>`. Such a chunk is read line by line with
Arrow's vectorised string functions (RE2 regular expressions), and accepted only when

- every line is blank or holds exactly one such tag, with nothing but XML whitespace around it;
- the tags nest as traces holding attributes and events, and events holding attributes;
- no key or value holds markup, an entity, a control character or a non-character (so nothing needs
  unescaping or normalising), and the bytes are valid UTF-8,

which makes the chunk well-formed XML, read exactly as lxml reads it. Anything else (comments, entities,
nested or list attributes, a namespace prefix, two tags on a line, a key given twice in one event, another
encoding) returns None, and the caller reads the chunk with lxml, which also words any error and names
its line.
"""

from __future__ import annotations

import re

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

_TEXT = r'[^"<&\x00-\x1f\x{FFFE}\x{FFFF}]*'  # a key or value that reads the same in XML and here
_LINE = (
    r"^[ \t]*(?:<(?:/?trace|/?event)>"
    r"|<(?:string|date|int|float|boolean|id)[ \t]+key=\"" + _TEXT + r"\"[ \t]+value=\"" + _TEXT + r"\"[ \t]*/>"
    r")?[ \t]*\r?$"  # a carriage return only before the line end, so lines count as XML counts them
)
_PLAIN_KEY = re.compile(r'[^"<&\x00-\x1f\ufffe\uffff]+')
_WHITESPACE = b" \t\r\n"

Bools = npt.NDArray[np.bool_]


def scan_chunk(
    keys: tuple[tuple[str, str | None], ...], close_tag: bytes, data: bytes, first_line: int, last: bool
) -> tuple[list[pa.Array], pa.Array] | None:
    """The chunk's events as string columns (one per entry of `keys`: standard column -> XES key; `case`
    read from the trace, the others from the event, else from the trace) and the line each event starts
    on; None when the chunk is not in the regular shape. `first_line` counts the lines before the chunk."""
    if not all(_PLAIN_KEY.fullmatch(key) for _, key in keys if key):
        return None
    if last:
        end = data.rfind(close_tag)
        if end < 0 or data[end + len(close_tag) :].strip(_WHITESPACE):
            return None
        data = data[:end]
    try:
        whole = pa.array([data], pa.binary())
        lines = pc.split_pattern(whole, b"\n").values.cast(pa.string())
    except pa.ArrowInvalid:  # not UTF-8
        return None
    if not pc.all(pc.match_substring_regex(lines, _LINE)).as_py():
        return None
    tags = pc.utf8_trim(lines, " \t\r")
    opens_trace, closes_trace, opens_event, closes_event = (
        pc.equal(tags, tag).to_numpy(zero_copy_only=False) for tag in ("<trace>", "</trace>", "<event>", "</event>")
    )
    step = opens_trace.astype(np.int64) + opens_event - closes_trace - closes_event
    depth = np.cumsum(step) - step  # the depth each line starts at
    attributes = pc.starts_with(tags, "<").to_numpy(zero_copy_only=False) & (step == 0)
    if not _nests(depth, step, attributes, opens_trace, closes_trace, opens_event, closes_event):
        return None
    event_no = np.cumsum(opens_event) - 1
    trace_no = np.cumsum(opens_trace) - 1
    trace_of_event = pa.array(trace_no[opens_event])
    traces, events = int(opens_trace.sum()), len(trace_of_event)
    # Only attribute lines hold quotes, four each (<string key="KEY" value="VALUE"/>), so cut at every quote
    # the k-th attribute's key and value are pieces 4k+1 and 4k+3. The bytes were checked as UTF-8 above.
    at = np.flatnonzero(attributes)
    pieces = pc.split_pattern(whole, b'"').values
    if len(pieces) != 4 * len(at) + 1:
        return None
    attribute_keys = pieces.take(pa.array(np.arange(1, len(pieces), 4))).view(pa.string())
    attribute_values = pieces.take(pa.array(np.arange(3, len(pieces), 4))).view(pa.string())
    in_event = depth[at] == 2
    owner_event, owner_trace = event_no[at], trace_no[at]
    columns: list[pa.Array] = []
    for name, source in keys:
        if not source:
            columns.append(pa.nulls(events, pa.string()))
            continue
        picked = pc.equal(attribute_keys, source).to_numpy(zero_copy_only=False)
        from_trace = _spread(attribute_values, picked & ~in_event, owner_trace, traces)
        from_event = _spread(attribute_values, picked & in_event, owner_event, events)
        if from_trace is None or from_event is None:
            return None
        if name == "case":
            case = from_trace.take(trace_of_event)
            if case.null_count:  # a trace without a case id: lxml words the error
                return None
            columns.append(case)
        else:
            columns.append(pc.coalesce(from_event, from_trace.take(trace_of_event)))
    return columns, pa.array(first_line + 1 + np.flatnonzero(opens_event))


def _nests(
    depth: npt.NDArray[np.int64],
    step: npt.NDArray[np.int64],
    attributes: Bools,
    opens_trace: Bools,
    closes_trace: Bools,
    opens_event: Bools,
    closes_event: Bools,
) -> bool:
    """Traces at the top, events in traces, attributes in either, every tag closed by its own end tag."""
    if not len(step):
        return True
    return bool(
        (depth[opens_trace] == 0).all()
        and (depth[closes_trace] == 1).all()
        and (depth[opens_event] == 1).all()
        and (depth[closes_event] == 2).all()
        and (depth[attributes] >= 1).all()
        and depth[-1] + step[-1] == 0
    )


def _spread(values: pa.Array, picked: Bools, owner: npt.NDArray[np.int64], size: int) -> pa.Array | None:
    """One value per trace or event (`size` of them) from its picked attribute (null when it has none); None
    when an owner has the key twice."""
    where = np.flatnonzero(picked)
    owners = owner[where]
    if len(owners) > 1 and not (np.diff(owners) > 0).all():
        return None
    index = np.full(size, -1, dtype=np.int64)
    index[owners] = where
    return values.take(pa.array(index, mask=index < 0))
