"""A strict scanner for the regular shape of XES traces: reads a chunk without building a tree.

Most XES files are written the same way: one tag per line, `<trace>`, `<event>`, and attributes as single
self-closing elements such as `<string key="..." value="..."/>`. Such a chunk is accepted only when

- every line is blank or holds exactly one such tag, with nothing but XML whitespace around it;
- the tags nest as traces holding attributes and events, and events holding attributes;
- no key or value holds markup, an entity, a control character or a non-character (so nothing needs
  unescaping or normalising), and the bytes are valid UTF-8,

which makes the chunk well-formed XML, read exactly as lxml reads it. Anything else (comments, entities,
nested or list attributes, a namespace prefix, two tags on a line, a key given twice in one event, another
encoding) returns None, and the caller reads the chunk with lxml, which also words any error and names
its line.

How the lines are checked without a regular expression per line: the chunk is cut at its double quotes. With
four quotes to an attribute, the pieces are in turn a key, the text between key and value (`" value="`),
a value, and the text from one value to the next key (`"/>`, the tag lines between, `<string key="`).
Only those in-between pieces hold structure, and they come in a few dozen shapes however long the chunk, so
each distinct one is checked once with a regular expression. Keys and values are checked by counting: the
chunk's markup and control bytes must all lie in the in-between pieces. The tags are then told apart by the
byte after each `<`, with numpy.
"""

from __future__ import annotations

import re

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from klantstem.process.arrays import from_numpy, strings, to_numpy

_PLAIN_KEY = re.compile(r'[^"<&\x00-\x1f\ufffe\uffff]+')
_WHITESPACE = b" \t\r\n"
_NON_CHARACTERS = (b"\xef\xbf\xbe", b"\xef\xbf\xbf")  # U+FFFE and U+FFFF in UTF-8
_QUOTE, _LT, _SLASH, _NEWLINE = 34, 60, 47, 10

_TAG_LINE = rb"[ \t]*(?:<(?:/?trace|/?event)>)?[ \t]*\r?"  # blank, or one trace or event tag
_KEY_OPENS = rb'[ \t]*<(?:string|date|int|float|boolean|id)[ \t]+key="'
_VALUE_CLOSES = rb'"[ \t]*/>[ \t]*\r?'
_HEAD = re.compile(rb"(?:" + _TAG_LINE + rb"\n)*" + _KEY_OPENS)  # up to the first key
_BETWEEN = re.compile(rb'"[ \t]+value="')  # from a key to its value
_NEXT = re.compile(_VALUE_CLOSES + rb"\n(?:" + _TAG_LINE + rb"\n)*" + _KEY_OPENS)  # from a value to the next key
_TAIL = re.compile(_VALUE_CLOSES + rb"(?:\n" + _TAG_LINE + rb")*")  # from the last value on
_NO_ATTRIBUTES = re.compile(rb"(?:" + _TAG_LINE + rb"\n)*" + _TAG_LINE)
_MARKUP = re.compile(rb"[<&\x00-\x1f]")
_INT32_MAX = 2**31 - 1

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
    if len(data) >= _INT32_MAX or (b"\xef" in data and any(c in data for c in _NON_CHARACTERS)):
        return None
    whole = pa.StringArray.from_buffers(1, pa.py_buffer(np.array([0, len(data)], np.int32)), pa.py_buffer(data))
    try:
        whole.validate(full=True)
    except pa.ArrowInvalid:  # not UTF-8
        return None
    raw = np.frombuffer(data, np.uint8)
    quotes = np.flatnonzero(raw == _QUOTE)
    tags = _Tags(raw)
    pieces = _pieces(data, quotes, len(tags.at))
    if pieces is None:
        return None
    if not tags.nest():
        return None
    at = np.flatnonzero(tags.attribute)
    if len(at) * 4 != len(quotes):
        return None
    trace_of_event = tags.trace_no[tags.opens_event]
    traces, events = int(tags.opens_trace.sum()), len(trace_of_event)
    in_event = tags.depth[at] == 2
    owner_event, owner_trace = tags.event_no[at], tags.trace_no[at]
    sources = sorted({key for _, key in keys if key})
    attribute_keys = pieces.take(from_numpy(np.arange(0, len(pieces), 4)))
    which = pc.index_in(attribute_keys, value_set=strings(sources))
    unknown = from_numpy(np.full(len(which), -1, dtype=np.int32))
    which_key = to_numpy(pc.coalesce(which, unknown))
    trace_index = from_numpy(trace_of_event)
    spread: dict[str, tuple[pa.Array | None, pa.Array | None]] = {}
    columns: list[pa.Array] = []
    for name, source in keys:
        if not source:
            columns.append(pa.nulls(events, pa.string()))
            continue
        if source not in spread:
            picked = which_key == sources.index(source)
            from_trace = _spread(pieces, picked & ~in_event, owner_trace, traces)
            from_event = _spread(pieces, picked & in_event, owner_event, events)
            if from_trace is _TWICE or from_event is _TWICE:
                return None
            per_event = None if from_trace is None else from_trace.take(trace_index)
            spread[source] = (per_event, from_event)
        per_event, from_event = spread[source]
        if name == "case":
            if per_event is None or per_event.null_count:  # a trace without a case id: lxml words the error
                return None
            columns.append(per_event)
        elif from_event is None:
            columns.append(pa.nulls(events, pa.string()) if per_event is None else per_event)
        else:
            columns.append(from_event if per_event is None else pc.coalesce(from_event, per_event))
    return columns, from_numpy(first_line + 1 + _lines_before(data, raw, tags.at, tags.opens_event))


def _lines_before(
    data: bytes, raw: npt.NDArray[np.uint8], at: npt.NDArray[np.intp], picked: Bools
) -> npt.NDArray[np.intp]:
    """The number of line ends before each picked tag. Every line holds at most one tag, so when the tags
    are as many line ends apart as they are tags apart (no blank lines between), no line end is looked for."""
    if not len(at):
        return np.zeros(0, np.intp)
    first = data.count(b"\n", 0, int(at[0]))
    if int(np.count_nonzero(raw[at[0] : at[-1]] == _NEWLINE)) == len(at) - 1:
        return first + np.flatnonzero(picked)
    newlines = np.flatnonzero(raw == _NEWLINE)
    return np.searchsorted(newlines, at[picked])


def _pieces(data: bytes, quotes: npt.NDArray[np.intp], less_than: int) -> pa.StringArray | None:
    """The chunk cut at its quotes (no copy): piece 4k is the k-th attribute's key, 4k+2 its value, and the odd
    pieces the text between (each with its quotes). None unless every line is blank, one trace or event tag,
    or one attribute, and no key or value holds markup or a control byte. `less_than` counts the `<` in the
    chunk."""
    if not len(quotes):
        return pa.nulls(0, pa.string()) if _NO_ATTRIBUTES.fullmatch(data) else None
    if len(quotes) % 4:
        return None
    if not _HEAD.fullmatch(data, 0, quotes[0] + 1) or not _TAIL.fullmatch(data, quotes[-1]):
        return None
    offsets = quotes.astype(np.int32)
    offsets[0::2] += 1
    pieces = pa.StringArray.from_buffers(len(offsets) - 1, pa.py_buffer(offsets), pa.py_buffer(data))
    markup = len(_MARKUP.findall(data, 0, quotes[0])) + len(_MARKUP.findall(data, quotes[-1]))
    for first, shape in ((1, _BETWEEN), (3, _NEXT)):
        counted = pc.value_counts(pieces.take(from_numpy(np.arange(first, len(pieces), 4))))
        for text, count in zip(counted.field("values").to_pylist(), counted.field("counts").to_pylist(), strict=True):
            found = text.encode()
            if not shape.fullmatch(found):
                return None
            markup += count * len(_MARKUP.findall(found))
    control = int(np.count_nonzero(np.frombuffer(data, np.uint8) < 0x20))
    ampersands = data.count(b"&") if b"&" in data else 0  # `in` is a quick scan; count is not
    if markup != less_than + ampersands + control:  # some key or value holds markup or a control byte
        return None
    return pieces


class _Tags:
    """Every tag of a chunk (each line holds at most one, so a `<` starts each), told apart by the bytes after
    the `<`: `<trace>`, `</trace>`, `<event>`, `</event>`, or an attribute; with its depth and the number of
    the trace and event it is in."""

    def __init__(self, raw: npt.NDArray[np.uint8]) -> None:
        self.at = np.flatnonzero(raw == _LT)
        padded = raw if not len(self.at) or self.at[-1] + 2 < len(raw) else np.concatenate((raw, np.zeros(2, np.uint8)))
        first, second = padded[self.at + 1], padded[self.at + 2]
        closes = first == _SLASH
        self.opens_trace = first == ord("t")
        self.closes_trace = closes & (second == ord("t"))
        self.opens_event = first == ord("e")
        self.closes_event = closes & (second == ord("e"))
        self.step = self.opens_trace.astype(np.int64) + self.opens_event - self.closes_trace - self.closes_event
        self.depth = np.cumsum(self.step) - self.step  # the depth each tag starts at
        self.attribute = ~closes & ~self.opens_trace & ~self.opens_event
        self.event_no = np.cumsum(self.opens_event) - 1
        self.trace_no = np.cumsum(self.opens_trace) - 1

    def nest(self) -> bool:
        """Traces at the top, events in traces, attributes in either, every tag closed by its own end tag."""
        if not len(self.step):
            return True
        depth = self.depth
        return bool(
            (depth[self.opens_trace] == 0).all()
            and (depth[self.closes_trace] == 1).all()
            and (depth[self.opens_event] == 1).all()
            and (depth[self.closes_event] == 2).all()
            and (depth[self.attribute] >= 1).all()
            and depth[-1] + self.step[-1] == 0
        )


_TWICE = pa.nulls(0, pa.string())  # _spread's answer when an owner has the key twice


def _spread(values: pa.Array, picked: Bools, owner: npt.NDArray[np.int64], size: int) -> pa.Array | None:
    """One value per trace or event (`size` of them) from its picked attribute (null when it has none); None
    when no owner has the key, _TWICE when an owner has it twice. `values` are the chunk's pieces: attribute
    k's value is piece 4k+2."""
    where = np.flatnonzero(picked)
    if not len(where):
        return None
    owners = owner[where]
    if len(owners) > 1 and not (np.diff(owners) > 0).all():
        return _TWICE
    if len(owners) == size:  # every owner has it (owners ascend, so they are 0, 1, ..., size - 1)
        return values.take(from_numpy(4 * where + 2))
    index = np.full(size, -1, dtype=np.int64)
    index[owners] = 4 * where + 2
    return values.take(from_numpy(index, null=index < 0))
