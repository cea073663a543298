from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from klantstem.text.pipeline import Pipeline
from klantstem.text.results import Analysis

PIPELINE = Pipeline()
NASTY = [
    "",
    "😀",
    "<<<>>>",
    "&amp;&#x0;",
    "\x00\x01",
    "niet niet niet",
    "... ... ...",
    "#",
    "47",
    "zeer zeer",
    "Ã¯Ã¯Ã",
    "<p>Ik ben geÃ¯rriteerd</p>",
    "> alleen een citaat",
    "-- \nhandtekening",
    "The service was great maar de wachttijd was echt te lang en niemand belde back.",
]


def assert_spans_consistent(analysis: Analysis, text: str) -> None:
    spans = [c.span for c in analysis.appraisal.cues]
    spans += [e for f in analysis.facets for e in f.evidence]
    spans += [d.span for d in analysis.facts.durations] + [c.span for c in analysis.facts.channels]
    spans += [s.span for s in analysis.sentences]
    for span in spans:
        assert text[span.start : span.end] == span.text


def test_nasty_inputs_never_crash() -> None:
    for raw in NASTY:
        analysis = PIPELINE.analyse(raw)
        assert analysis.appraisal.level in ("bad", "normal", "excellent")
        analysis.to_dict()


def test_batch_and_single_agree() -> None:
    assert list(PIPELINE.analyse_many(NASTY)) == [PIPELINE.analyse(t) for t in NASTY]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_text_gives_consistent_spans(raw: str) -> None:
    from klantstem.text.normalise import clean

    analysis = PIPELINE.analyse(raw)
    assert_spans_consistent(analysis, clean(raw).text)


def test_mixed_dutch_and_english_story_is_analysed_with_both_lexicons() -> None:
    analysis = PIPELINE.analyse(
        "The service was terrible, ik heb drie kwartier in de wacht gestaan and nobody called me back."
    )
    assert analysis.language == "mixed"
    assert analysis.appraisal.level == "bad"
    kinds = {c.span.text.lower() for c in analysis.appraisal.cues}
    assert "terrible" in kinds and "in de wacht" in kinds
