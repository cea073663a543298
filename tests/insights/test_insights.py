"""Dashboard figures, analysis annotations, corrections as training examples, search and themes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from klantstem.business_calendar import BusinessCalendar
from klantstem.clock import FixedClock
from klantstem.customers import service as customers
from klantstem.errors import ConfigurationError, UserInputError
from klantstem.insights import analysis
from klantstem.insights import service as insights
from klantstem.promises import service as promises
from klantstem.stories import service as stories
from klantstem.text.labelled import read_labelled_csv
from klantstem.text.model import Settings, TextModel
from klantstem.users import service as users

LABELLED = Path(__file__).parents[1] / "data" / "text" / "labelled.csv"

STORIES = [
    ("2026-09-10", [("Ik stond 45 minuten in de wacht voordat iemand opnam", "bad"),
                    ("De medewerker was vriendelijk en loste het op", "excellent")]),
    ("2026-10-05", [("De brief was onbegrijpelijk, vol jargon", "bad")]),
    ("2026-10-20", [("I had to explain my story again to another department", "bad"),
                    ("The refund arrived on time", "normal")]),
]  # fmt: skip


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 23, 10, 0, tzinfo=UTC))


def _tell(engine: Engine, clock: FixedClock, day: str, steps: list[tuple[str, str]], n: int) -> int:
    real_now = clock.now()
    clock.set(datetime.fromisoformat(day).replace(hour=12, tzinfo=UTC))
    customer = customers.add_customer(engine, clock, name=f"Klant {n}", email=f"klant{n}@example.nl")
    story_id = stories.start_interview(engine, clock, customer_id=customer.id, staff_id=None).story_id
    for description, level in steps:
        stories.add_step(engine, clock, story_id, description=description, appraisal=level)
    stories.finish(engine, story_id)
    stories.confirm(engine, clock, story_id)
    clock.set(real_now)
    return story_id


@pytest.fixture
def told(engine: Engine, clock: FixedClock) -> list[int]:
    ids = [_tell(engine, clock, day, steps, n) for n, (day, steps) in enumerate(STORIES)]
    assert insights.analyse_stories(engine, clock) == len(STORIES)
    assert insights.analyse_stories(engine, clock) == 0, "analysed stories are not analysed again"
    return ids


def test_dashboard_counts_appraisals_per_month(engine: Engine, clock: FixedClock, told: list[int]) -> None:
    board = insights.dashboard(engine, clock, insights.Filters())
    assert board.months == ["2026-09", "2026-10"]
    assert board.appraisal_by_month == {"bad": [1, 2], "normal": [0, 1], "excellent": [1, 0]}
    assert board.totals["stories"] == 3 and board.totals["confirmed"] == 3 and board.totals["bad_steps"] == 3
    october = insights.Filters(since=datetime(2026, 10, 1, tzinfo=UTC), until=datetime(2026, 11, 1, tzinfo=UTC))
    assert insights.dashboard(engine, clock, october).appraisal_by_month["bad"] == [2]
    assert insights.dashboard(engine, clock, insights.Filters(channel="email")).totals["stories"] == 0


def test_dashboard_top_facets_have_quotes(engine: Engine, clock: FixedClock, told: list[int]) -> None:
    facets = {f.facet: f for f in insights.dashboard(engine, clock, insights.Filters()).facets}
    assert "waiting_time" in facets or "reachability" in facets
    some = next(iter(facets.values()))
    assert some.label["nl"] and some.label["en"] and some.quotes and some.quotes[0].text


def test_a_correction_becomes_a_training_example(engine: Engine, clock: FixedClock, told: list[int]) -> None:
    analyst = users.add_user(engine, "analyst@example.nl", "Ana", "analyst", "a long password")
    story = told[1]
    before = insights.labels_of(engine, [story])[story]
    assert not before.corrected and before.model_version
    after = insights.correct_appraisal(engine, clock, story, "excellent", analyst.id)
    assert after.appraisal == "excellent" and after.corrected
    removed = next(iter(after.facets), None)
    if removed:
        after = insights.correct_facet(engine, clock, story, removed, None, analyst.id)
        assert removed not in after.facets
    after = insights.correct_facet(engine, clock, story, "price", "bad", analyst.id)
    assert after.facets["price"] == "bad"
    examples = insights.training_examples(engine)
    assert [e["text"] for e in examples] == [insights.search(engine, "", None, insights.Filters(),
                                                              story_ids=[story])[1][0].text]  # fmt: skip
    assert "price=bad" in examples[0]["labels"]
    with pytest.raises(UserInputError):
        insights.correct_appraisal(engine, clock, story, "awful", analyst.id)
    with pytest.raises(UserInputError):
        insights.correct_facet(engine, clock, story, "not-a-facet", "bad", analyst.id)


def test_search_finds_stories_by_words_in_either_language_and_by_facet(
    engine: Engine, clock: FixedClock, told: list[int]
) -> None:
    total, hits = insights.search(engine, "BRIEF jargon", None, insights.Filters())
    assert total == 1 and hits[0].story_id == told[1]
    total, hits = insights.search(engine, "department", None, insights.Filters())
    assert [h.story_id for h in hits] == [told[2]]
    board_facets = insights.dashboard(engine, clock, insights.Filters()).facets
    facet = board_facets[0].facet
    total, hits = insights.search(engine, "", facet, insights.Filters())
    assert total == board_facets[0].total >= 1
    total, hits = insights.search(engine, "", None, insights.Filters(), limit=2, offset=2)
    assert total == 3 and len(hits) == 1


def test_themes_group_every_story(engine: Engine, clock: FixedClock, told: list[int]) -> None:
    result = insights.themes(engine)
    assert sum(t.size for t in result.themes) == 3
    assert sorted(i for ids in result.members.values() for i in ids) == sorted(told)
    assert insights.themes(engine).themes == result.themes, "deterministic"


def test_promises_due_soon(engine: Engine, clock: FixedClock, told: list[int]) -> None:
    customer = customers.add_customer(engine, clock, name="Belofte", email="b@example.nl")
    made = promises.add_promise(
        engine, clock, BusinessCalendar(), customer_id=customer.id, kind="callback", description="Terugbellen",
        due=clock.now() + timedelta(days=2), department="Klantenservice",
    )  # fmt: skip
    total, ids = insights.open_promise_ids(engine, clock, timedelta(days=7), insights.Filters())
    assert (total, ids) == (1, [made.id])
    assert insights.open_promise_ids(engine, clock, timedelta(days=1), insights.Filters())[0] == 0
    assert insights.dashboard(engine, clock, insights.Filters()).promises["due_soon"] == 1


def test_process_report_of_the_app_events(engine: Engine, clock: FixedClock, tmp_path, settings) -> None:  # type: ignore[no-untyped-def]
    from klantstem.events import service as events

    lines = ["case,activity,timestamp,team,status"]
    for case in range(4):
        for hour, (activity, team, status) in enumerate(
            [
                ("Registreren", "Front", ""),
                ("Beoordelen", "Back", ""),
                ("Vraag klant", "Front", "Wait - User"),
                ("Beoordelen", "Back", ""),
                ("Afhandelen", "Front", ""),
            ]  # fmt: skip
        ):
            lines.append(f"C{case},{activity},2026-10-0{case + 1}T{hour + 8:02d}:00:00Z,{team},{status}")
    log = tmp_path / "log.csv"
    log.write_text("\n".join(lines) + "\n")
    events.import_events(engine, log, settings=settings)
    report = insights.process_report(engine, settings, insights.Filters())
    assert report is not None and report["cases"] == 4 and report["events"] == 20
    assert report["ping_pong_cases"] == 4
    assert {(h["from_team"], h["to_team"]) for h in report["handovers"]} == {("Front", "Back"), ("Back", "Front")}
    november = insights.Filters(since=datetime(2026, 11, 1, tzinfo=UTC))
    assert insights.process_report(engine, settings, november) is None


@pytest.fixture
def trained(tmp_path: Path) -> Iterator[str]:
    """A model trained on the labelled test CSV; the app's reader is the rules again afterwards."""
    out = tmp_path / "model"
    TextModel.train(read_labelled_csv(LABELLED), Settings(seed=0)).save(out)
    yield str(out)
    insights.use_text_model("")


def test_a_trained_model_labels_the_stories(
    engine: Engine, clock: FixedClock, told: list[int], trained: str
) -> None:
    analyst = users.add_user(engine, "analyst@example.nl", "Ana", "analyst", "a long password")
    insights.correct_facet(engine, clock, told[0], "price", "bad", analyst.id)
    by_rules = insights.labels_of(engine, told)
    assert all("model=" not in (by_rules[s].model_version or "model=") for s in told)

    insights.use_text_model(trained)
    version = TextModel.load(trained).version
    assert insights.reanalyse_stories(engine, clock) == len(told)
    assert insights.reanalyse_stories(engine, clock) == 0, "stories the model read are not read again"
    by_model = insights.labels_of(engine, told)
    assert all(f"model={version}" in (by_model[s].model_version or "") for s in told)
    assert by_model[told[0]].facets["price"] == "bad", "a label a person set is kept"
    new = _tell(engine, clock, "2026-11-01", [("Niemand belde terug, na drie weken nog geen antwoord", "bad")], 9)
    assert insights.analyse_stories(engine, clock) == 1
    assert f"model={version}" in (insights.labels_of(engine, [new])[new].model_version or "")

    insights.use_text_model("")
    assert insights.reanalyse_stories(engine, clock) == len(told) + 1, "back to the rules: all are read again"
    again = insights.labels_of(engine, told)
    assert [again[s].model_version for s in told] == [by_rules[s].model_version for s in told]
    assert again[told[0]].facets["price"] == "bad"


def test_a_model_trained_again_into_the_same_directory_is_read_without_a_restart(
    engine: Engine, clock: FixedClock, trained: str, caplog: pytest.LogCaptureFixture
) -> None:
    insights.use_text_model(trained)
    loaded = analysis.pipeline()
    insights.use_text_model(trained)
    assert analysis.pipeline() is loaded, "named again unchanged (the server's check, then its app): loaded once"
    first = TextModel.load(trained).version
    assert f"model={first}" in insights.text_reader_version()
    model_file = Path(trained) / "model.joblib"

    TextModel.train(read_labelled_csv(LABELLED), Settings(seed=1)).save(trained)
    os.utime(model_file, ns=(model_file.stat().st_mtime_ns + 10**9,) * 2)  # as if trained a second later
    second = TextModel.load(trained).version
    assert second != first
    new = _tell(engine, clock, "2026-11-01", [("Niemand belde terug, na drie weken nog geen antwoord", "bad")], 9)
    assert insights.analyse_stories(engine, clock) == 1
    assert f"model={second}" in (insights.labels_of(engine, [new])[new].model_version or ""), "read by the new one"
    assert not list(Path(trained).glob(".model.*")), "nothing half written is left beside the model"

    model_file.write_bytes(b"half a model")
    with caplog.at_level("WARNING"):
        assert f"model={second}" in insights.text_reader_version(), "an unreadable file leaves the model in use"
        assert f"model={second}" in insights.text_reader_version()
    assert len([r for r in caplog.records if "cannot be read" in r.getMessage()]) == 1, "said once, not per read"


def test_a_text_model_that_cannot_be_read_is_a_configuration_error(tmp_path: Path) -> None:
    (tmp_path / "model.joblib").write_bytes(b"not a model")
    for wrong in (tmp_path / "nowhere", tmp_path):
        with pytest.raises(ConfigurationError, match="KLANTSTEM_TEXT_MODEL"):
            insights.use_text_model(str(wrong))
    assert "model=" not in insights.text_reader_version(), "the reader stays the rules"


def test_search_takes_like_wildcards_literally(engine: Engine, clock: FixedClock, told: list[int]) -> None:
    for wildcard in ("%", "_", "\\", "45%", "w_cht"):
        assert insights.search(engine, wildcard, None, insights.Filters())[0] == 0, wildcard
    literal = _tell(engine, clock, "2026-10-25", [("De korting van 50% kwam niet, code KORTING_50", "bad")], 9)
    for typed in ("50%", "korting_50", "%", "_"):
        total, hits = insights.search(engine, typed, None, insights.Filters())
        assert total == 1 and hits[0].story_id == literal, typed
