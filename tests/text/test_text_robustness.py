from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from klantstem.text.embed import MAX_EMBED_CHARS, bounded
from klantstem.text.labelled import read_labelled_csv
from klantstem.text.normalise import clean
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


def test_a_lone_surrogate_is_read_as_a_replacement_character() -> None:
    text = json.loads('"De medewerker was top \\ud800 echt"')
    assert PIPELINE.analyse(text).appraisal.level == "excellent"
    assert [a.appraisal.level for a in PIPELINE.analyse_many([text, "\udfff"])] == ["excellent", "normal"]
    assert "\ufffd" in clean(text).text


def test_a_text_is_embedded_up_to_a_bounded_length() -> None:
    long = "woord " * 10_000
    assert len(bounded(long)) <= MAX_EMBED_CHARS
    assert bounded(long).endswith("woord")
    assert bounded("kort") == "kort"


def test_the_labelled_csv_keeps_newlines_inside_quoted_fields(tmp_path: Path) -> None:
    path = tmp_path / "l.csv"
    path.write_text('text,labels\n"Beste,\n\nMijn pakket is niet geleverd.",waiting_time=bad\n', encoding="utf-8")
    (example,) = read_labelled_csv(path)
    assert example.text == "Beste,\n\nMijn pakket is niet geleverd."
