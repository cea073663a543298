"""The default pipeline: clean, language, lemmas, appraisal, facets and facts, optionally a trained model."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING

from klantstem.errors import UserInputError
from klantstem.text.appraisal import (
    RULES_VERSION,
    appraise,
    appraise_text,
    find_cues,
    lexicon_for,
    undone_cues,
)
from klantstem.text.courtesy import courtesy_spans, inside
from klantstem.text.facets import Layout, facet_results, find_evidence, judged
from klantstem.text.facts import find_facts
from klantstem.text.language import detect, detect_many
from klantstem.text.lemmas import lemmatize
from klantstem.text.normalise import CleanText, clean
from klantstem.text.patterns import Prefiltered
from klantstem.text.results import Analysis, Appraisal, Cue, LanguageCode, SentenceResult, Span
from klantstem.text.taxonomy import Taxonomy, default_taxonomy
from klantstem.text.tokens import CLAUSE_BREAK, clause_spans, sentence_spans, tokenize

if TYPE_CHECKING:
    from klantstem.text.model import TextModel

BATCH = 512
SHORT_TEXT_TOKENS = 6


def safe_lower(text: str) -> str:
    """Lower case with the same length as `text`, so offsets stay valid."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


@dataclass
class Pipeline:
    taxonomy: Taxonomy = field(default_factory=default_taxonomy)
    model: TextModel | None = None
    include_lemmas: bool = False

    def __post_init__(self) -> None:
        if self.model is not None and self.model.taxonomy != self.taxonomy:
            raise UserInputError(
                f"the model was trained with another taxonomy ({self.model.taxonomy.tag}) than this one "
                f"({self.taxonomy.tag}): analyse with the model's own taxonomy"
            )

    @classmethod
    def with_model(cls, model: TextModel, include_lemmas: bool = False) -> Pipeline:
        """A pipeline that reads texts with `model` and with the taxonomy it was trained on."""
        return cls(model.taxonomy, model, include_lemmas)

    @property
    def versions(self) -> dict[str, str]:
        versions = {"rules": RULES_VERSION, "taxonomy": self.taxonomy.tag}
        if self.model is not None:
            versions["model"] = self.model.version
        return versions

    def analyse(self, raw: str | bytes | None, context: str = "") -> Analysis:
        """`context`: the whole story `raw` is one part of, which a trained model reads it in ("": none)."""
        cleaned = clean(raw)
        result = self._analyse_clean(cleaned, detect(cleaned.text))
        return self.model.annotate([result], [cleaned.text], [context])[0] if self.model is not None else result

    def analyse_many(
        self, raws: Iterable[str | bytes | None], contexts: Iterable[str] | None = None
    ) -> Iterator[Analysis]:
        """Stream analyses in order; language detection and the model work per batch. `contexts`, when given,
        runs alongside `raws`: each text's whole story, as in `analyse`."""
        iterator = iter(raws)
        context_iterator = iter(contexts) if contexts is not None else None
        while batch := list(islice(iterator, BATCH)):
            cleaned = [clean(r) for r in batch]
            texts = [c.text for c in cleaned]
            results = [self._analyse_clean(c, lang) for c, lang in zip(cleaned, detect_many(texts), strict=True)]
            if self.model is not None:
                told = list(islice(context_iterator, len(batch))) if context_iterator is not None else None
                results = self.model.annotate(results, texts, told)
            yield from results

    def _analyse_clean(self, cleaned: CleanText, language: LanguageCode) -> Analysis:
        text = cleaned.text
        lower = safe_lower(text)
        tokens = tokenize(lower)
        lemmas = lemmatize([t[0] for t in tokens], language)
        # short texts are often ambiguous ("Top service!"): read them with both lexicons
        cue_language = language if len(tokens) >= SHORT_TEXT_TOKENS else "unknown"
        lexicon = lexicon_for(cue_language)
        facts = find_facts(text, lower)
        cues = [c for _, c in find_cues(text, lower, tokens, lemmas, lexicon, facts.durations)]
        courtesy = courtesy_spans(text)
        if courtesy:
            cues = [c for c in cues if not inside(c.span.start, courtesy)]
        layout = _layout(text)
        cues.extend(undone_cues(text, tokens, _outside(layout.clauses, courtesy), cues, lexicon))
        cues.sort(key=lambda c: c.span.start)
        clause_appraisals = _per_clause(cues, layout)
        sentences = _sentences(text, layout, clause_appraisals)
        evidence = find_evidence(text, lower, tokens, lemmas, self.taxonomy, cue_language, cues, facts, courtesy)
        return Analysis(
            language=language,
            appraisal=appraise_text(clause_appraisals),
            sentences=sentences,
            facets=tuple(facet_results(judged(evidence, layout), cues, layout)),
            facts=facts,
            versions=self.versions,
            flags=cleaned.flags(),
            length=len(text),
            lemmas=tuple(lemmas) if self.include_lemmas else None,
        )


_CLAUSE_HINT = Prefiltered(CLAUSE_BREAK)  # most texts hold no contrast word: each sentence is one clause


def _layout(text: str) -> Layout:
    clauses: list[tuple[int, int]] = []
    owners: list[int] = []
    sentences = sentence_spans(text)
    if not _CLAUSE_HINT.could_match(text):
        return Layout(list(sentences) or [(0, 0)], list(range(len(sentences))) or [0], sentences or [(0, 0)])
    for n, (start, end) in enumerate(sentences):
        for clause in clause_spans(text, start, end):
            clauses.append(clause)
            owners.append(n)
    return Layout(clauses or [(0, 0)], owners or [0], sentences or [(0, 0)])


def _outside(clauses: Sequence[tuple[int, int]], courtesy: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [c for c in clauses if not inside(c[0], courtesy)] if courtesy else list(clauses)


_NO_CUES = appraise(())  # what a clause or sentence without cues gets (most of them): one shared record


def _per_clause(cues: Sequence[Cue], layout: Layout) -> list[Appraisal]:
    buckets: list[list[Cue]] = [[] for _ in layout.clauses]
    for cue in cues:
        buckets[layout.clause_of(cue.span.start)].append(cue)
    return [appraise(bucket) if bucket else _NO_CUES for bucket in buckets]


def _sentences(text: str, layout: Layout, clauses: Sequence[Appraisal]) -> tuple[SentenceResult, ...]:
    if not text:
        return ()
    per_sentence: list[list[Cue]] = [[] for _ in layout.sentences]
    for i, appraisal in enumerate(clauses):
        per_sentence[layout.clause_sentence[i]].extend(appraisal.cues)
    return tuple(
        SentenceResult(Span(s, e, text[s:e]), appraise(cues) if cues else _NO_CUES)
        for (s, e), cues in zip(layout.sentences, per_sentence, strict=True)
    )
