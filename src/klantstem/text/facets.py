"""Service facets, multi-label, each with the evidence spans that showed it and its own appraisal."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from klantstem.text.appraisal import appraise
from klantstem.text.results import Cue, FacetResult, Facts, Span
from klantstem.text.taxonomy import Taxonomy
from klantstem.text.tokens import Token


@dataclass(frozen=True)
class Layout:
    """Where the clauses and sentences of a text are, to scope a facet's appraisal."""

    clauses: Sequence[tuple[int, int]]
    clause_sentence: Sequence[int]
    sentences: Sequence[tuple[int, int]]
    _starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [c[0] for c in self.clauses])

    def clause_of(self, position: int) -> int:
        return max(0, bisect_right(self._starts, position) - 1)

    def sentence_of(self, position: int) -> int:
        return self.clause_sentence[self.clause_of(position)]


class Mention(NamedTuple):
    """Where a text names a facet; `topic` when it only names what the sentence is about (see `taxonomy.py`)."""

    span: Span
    topic: bool


def find_evidence(
    text: str,
    lower: str,
    tokens: Sequence[Token],
    lemmas: Sequence[str],
    taxonomy: Taxonomy,
    language: str,
    cues: Sequence[Cue],
    facts: Facts,
    courtesy: Sequence[tuple[int, int]] = (),
) -> dict[str, list[Mention]]:
    """Facet id -> mentions, from taxonomy cues and topics, factual complaints, waits and promises; nothing
    inside the message's courtesy (salutation, sign-off, disclaimer) counts. A told duration is a topic of
    `waiting_time`: it measures how long something else took."""
    known = set(taxonomy.ids)
    evidence: dict[str, list[Mention]] = {}

    def add(facet: str | None, span: Span, topic: bool = False) -> None:
        if facet in known and facet is not None and not any(s <= span.start < e for s, e in courtesy):
            evidence.setdefault(facet, []).append(Mention(span, topic))

    for hit in taxonomy.matcher(language).find(lower, tokens, lemmas):
        for facet, topic in hit.payload:
            add(facet, Span(hit.start, hit.end, text[hit.start : hit.end]), topic)
    for cue in cues:
        add(cue.facet, cue.span, cue.kind == "wait")
    for promise in facts.promises:
        add("promises", promise.span)
    return evidence


def judged(evidence: dict[str, list[Mention]], layout: Layout) -> dict[str, list[Span]]:
    """Facet id -> evidence spans of the facets the text is about: in a sentence where some facet is named by a
    cue, the topics of other facets are what that facet's judgement is about, not facets of their own."""
    named_in: dict[int, set[str]] = {}
    for facet, mentions in evidence.items():
        for mention in mentions:
            if not mention.topic:
                named_in.setdefault(layout.sentence_of(mention.span.start), set()).add(facet)
    chosen: dict[str, list[Span]] = {}
    for facet, mentions in evidence.items():
        spans = [
            m.span
            for m in mentions
            if not m.topic or not named_in.get(layout.sentence_of(m.span.start), set()) - {facet}
        ]
        if spans:
            chosen[facet] = _dedupe(spans)
    return chosen


def _dedupe(spans: list[Span]) -> list[Span]:
    spans = sorted(spans, key=lambda s: (s.start, -s.end))
    kept: list[Span] = []
    for span in spans:
        if kept and span.start >= kept[-1].start and span.end <= kept[-1].end:
            continue
        kept.append(span)
    return kept


def facet_results(evidence: dict[str, list[Span]], cues: Sequence[Cue], layout: Layout) -> list[FacetResult]:
    """Each facet is appraised on the clauses that hold its evidence, else on their sentences, else on the whole
    text ("Er staat een post van 37 euro op mijn factuur. Niemand kan het uitleggen.": the price is bad)."""
    clause_cues: dict[int, list[Cue]] = {}
    for cue in cues:
        clause_cues.setdefault(layout.clause_of(cue.span.start), []).append(cue)
    results: list[FacetResult] = []
    for facet, spans in evidence.items():
        clauses = {layout.clause_of(span.start) for span in spans}
        chosen = [c for i in sorted(clauses) for c in clause_cues.get(i, ())]
        if not chosen:
            sentences = {layout.clause_sentence[i] for i in clauses}
            chosen = [c for i, cs in sorted(clause_cues.items()) if layout.clause_sentence[i] in sentences for c in cs]
        if not chosen:  # told without judgement where it is named: the message as a whole judges it
            chosen = list(cues)
        results.append(FacetResult(facet, appraise(chosen), tuple(spans)))
    return sorted(results, key=lambda r: r.evidence[0].start)
