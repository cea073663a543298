"""Tokens with offsets, sentences and clauses: the units that appraisal and facets work on."""

from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN = re.compile(r"\w+(?:['’\-]\w+)*|[^\w\s]")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+|\n+")
CLAUSE_BREAK = re.compile(
    r"[;:]|,?\s*\b(?:maar|doch|echter|hoewel|alhoewel|alleen|behalve|but|however|although|though|except|whereas)\b",
    re.IGNORECASE,
)


class Token(NamedTuple):
    lower: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Word and punctuation tokens, lower-cased, with offsets into `text`."""
    new = tuple.__new__  # what Token(...) runs, without a Python-level call per token
    if text.lower() == text:  # the pipeline's lower-cased text: each token is already lower case
        return [new(Token, (m.group(), m.start(), m.end())) for m in _TOKEN.finditer(text)]
    return [new(Token, (m.group().lower(), m.start(), m.end())) for m in _TOKEN.finditer(text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty sentence."""
    spans: list[tuple[int, int]] = []
    start = 0
    for brk in _SENTENCE_BREAK.finditer(text):
        _add_span(text, start, brk.start(), spans)
        start = brk.end()
    _add_span(text, start, len(text), spans)
    return spans


def clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one sentence at contrast words ("maar", "but") and semicolons."""
    spans: list[tuple[int, int]] = []
    pos = start
    for brk in CLAUSE_BREAK.finditer(text, start, end):
        if brk.start() > pos:
            _add_span(text, pos, brk.start(), spans)
            pos = brk.start()
    _add_span(text, pos, end, spans)
    return spans or [(start, end)]


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string (keeps word lists compact)."""
    return frozenset(text.split())
