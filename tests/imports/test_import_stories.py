"""`klantstem import stories`: flat files (one line per step) and JSON Lines with nested steps."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from klantstem.db import schema

Counts = Callable[[], dict[str, int]]


def _stories(engine: Engine) -> list[Any]:
    with engine.connect() as conn:
        return list(conn.execute(select(schema.stories).order_by(schema.stories.c.id)))


def _steps(engine: Engine, story_id: int) -> list[Any]:
    s = schema.story_steps
    with engine.connect() as conn:
        return list(conn.execute(select(s).where(s.c.story_id == story_id).order_by(s.c.position)))


def test_flat_example_groups_steps_by_story_ref(cli: Any, examples: Path, engine: Engine) -> None:
    cli("contacts", examples / "contacts_example.csv")
    result = cli("stories", examples / "stories_example.csv", "--format", "json")
    assert result.code == 0, result.err
    report = result.json()
    assert (report["rows"], report["added"], report["steps_added"], report["customers_added"]) == (5, 2, 5, 0)
    customer, staff = _stories(engine)
    assert (customer.perspective, customer.source, customer.title) == ("customer", "interview", "De simkaart")
    assert customer.customer_id is not None and customer.summary_confirmed is True
    assert customer.summary.startswith("Uw simkaart")
    steps = _steps(engine, customer.id)
    assert [(s.position, s.appraisal) for s in steps] == [(1, "normal"), (2, "bad"), (3, "excellent")]
    assert steps[1].description.startswith("Na een week")
    assert (staff.perspective, staff.customer_id, staff.summary_confirmed) == ("staff", None, None)
    assert [s.appraisal for s in _steps(engine, staff.id)] == ["bad", "bad"]


def test_nested_example(cli: Any, examples: Path, engine: Engine, counts: Counts) -> None:
    report = cli("stories", examples / "stories_example.jsonl", "--format", "json").json()
    assert (report["added"], report["steps_added"], report["customers_added"]) == (2, 4, 2)
    drive, soup = _stories(engine)
    assert (drive.source, drive.title, drive.text) == (
        "web_form",
        "The test drive",
        "Great test drive, then nobody called.",
    )
    assert [(s.position, s.appraisal) for s in _steps(engine, drive.id)] == [(1, "excellent"), (2, "bad")]
    assert [(s.position, s.appraisal) for s in _steps(engine, soup.id)] == [(1, "normal"), (2, "bad")]
    assert soup.source == "import"


def test_importing_again_adds_nothing(cli: Any, examples: Path, counts: Counts) -> None:
    for name in ("stories_example.csv", "stories_example.jsonl"):
        assert cli("stories", examples / name).code == 0
    before = counts()
    for name in ("stories_example.csv", "stories_example.jsonl"):
        report = cli("stories", examples / name, "--format", "json").json()
        assert (report["added"], report["duplicates"], report["steps_added"]) == (0, 2, 0)
    after = counts()
    assert after["import_runs"] == before["import_runs"] + 2
    assert (after["stories"], after["story_steps"], after["customers"]) == (4, 9, before["customers"])


def test_positions_order_steps_and_repeated_rows_count_once(cli: Any, tmp_path: Path, engine: Engine) -> None:
    path = tmp_path / "s.csv"
    path.write_text(
        "story_ref;told_at;position;description;appraisal\n"
        "A;1-12-2026;3;Derde;uitstekend\n"
        "A;1-12-2026;1;Eerste;slecht\n"
        "A;1-12-2026;1;Eerste;slecht\n"
        "A;;2;Tweede;normaal\n"
    )
    report = cli("stories", path, "--format", "json").json()
    assert (report["added"], report["steps_added"]) == (1, 3)
    story = _stories(engine)[0]
    assert [(s.position, s.description) for s in _steps(engine, story.id)] == [
        (1, "Eerste"),
        (2, "Tweede"),
        (3, "Derde"),
    ]


def test_story_without_steps_and_lines_without_ref(cli: Any, tmp_path: Path, engine: Engine) -> None:
    path = tmp_path / "s.csv"
    path.write_text(
        "email,told_at,text,description\n"
        "a@example.nl,2026-12-01,Het ging prima.,\n"
        "a@example.nl,2026-12-02,,Ik belde en werd direct geholpen.\n"
    )
    report = cli("stories", path, "--format", "json").json()
    assert (report["added"], report["steps_added"], report["customers_added"]) == (2, 1, 1)
    first, second = _stories(engine)
    assert first.customer_id == second.customer_id
    assert _steps(engine, first.id) == []


def test_conflicting_story_values_are_an_error(cli: Any, tmp_path: Path, counts: Counts) -> None:
    path = tmp_path / "s.csv"
    path.write_text("story_ref,told_at,title,description\nA,2026-12-01,Een,stap 1\nA,2026-12-01,Twee,stap 2\n")
    before = counts()
    result = cli("stories", path)
    assert result.code == 2
    assert "line 3" in result.err and "'title'" in result.err and "differs from line 2" in result.err
    assert counts() == before


def test_skip_invalid_rejects_the_whole_story(cli: Any, tmp_path: Path, engine: Engine) -> None:
    path = tmp_path / "s.csv"
    path.write_text(
        "story_ref,told_at,description,appraisal\n"
        "A,2026-12-01,stap 1,slecht\n"
        "B,2026-12-01,stap 1,geweldig\n"
        "A,2026-12-01,stap 2,normaal\n"
        "B,2026-12-01,stap 2,normaal\n"
        "C,gisteren,stap 1,normaal\n"
    )
    result = cli("stories", path, "--skip-invalid", "--format", "json")
    assert result.code == 0, result.err
    report = result.json()
    assert (report["added"], report["steps_added"], report["rejected"]) == (1, 2, 3)
    assert [(r["line"], r["field"]) for r in report["rejections"]] == [(3, "appraisal"), (5, None), (6, "told_at")]
    assert "line 3" in report["rejections"][1]["reason"]
    assert len(_stories(engine)) == 1


def test_nested_steps_with_map_and_dutch_keys(cli: Any, tmp_path: Path, engine: Engine) -> None:
    path = tmp_path / "s.jsonl"
    story = {"datum": "5 december 2026", "perspective": "medewerker", "summary_confirmed": "nee",
             "steps": [{"wat": "Pakket niet op voorraad", "oordeel": "slecht"}, {"wat": "Klant gebeld"}]}  # fmt: skip
    path.write_text(json.dumps(story) + "\n")
    result = cli(
        "stories", path, "--map", "told_at=datum", "--map", "description=wat", "--map", "appraisal=oordeel",
        "--format", "json",
    )  # fmt: skip
    assert result.code == 0, result.err
    saved = _stories(engine)[0]
    assert (saved.perspective, saved.summary_confirmed) == ("staff", False)
    assert [(s.description, s.appraisal) for s in _steps(engine, saved.id)] == [
        ("Pakket niet op voorraad", "bad"), ("Klant gebeld", None),
    ]  # fmt: skip


def test_bad_nested_steps(cli: Any, tmp_path: Path, counts: Counts) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text(
        json.dumps({"told_at": "2026-12-01", "steps": [{"description": "ok"}]}) + "\n"
        + json.dumps({"told_at": "2026-12-01", "steps": [{"description": "ok"}, {"appraisal": "slecht"}]}) + "\n"
    )  # fmt: skip
    before = counts()
    result = cli("stories", path)
    assert result.code == 2
    assert "line 2" in result.err and "steps[2].description" in result.err
    assert counts() == before


def test_mixed_positions_are_refused(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("story_ref,told_at,position,description\nA,2026-12-01,1,een\nA,2026-12-01,,twee\n")
    result = cli("stories", path)
    assert result.code == 2 and "'position'" in result.err and "line 2" in result.err
