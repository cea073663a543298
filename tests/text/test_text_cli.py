from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from klantstem.cli.main import main

LABELLED = Path(__file__).parents[1] / "data" / "text" / "labelled.csv"


def test_train_evaluate_analyze(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "model"
    assert main(["text", "train", str(LABELLED), "--out", str(out)]) == 0
    version = json.loads((out / "model.json").read_text())["version"]
    assert version in capsys.readouterr().out

    assert main(["text", "evaluate", str(LABELLED), "--model", str(out), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["model"] == version
    assert set(report) >= {"facets", "appraisal_given_facets", "overall_appraisal"}

    stories = tmp_path / "stories.jsonl"
    stories.write_text('{"id": "a", "text": "47 minuten in de wacht."}\n{"id": "b", "text": "Top service!"}\n')
    assert main(["text", "analyze", str(stories), "--model", str(out)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["id"] for line in lines] == ["a", "b"]
    assert lines[0]["appraisal"]["level"] == "bad" and lines[1]["appraisal"]["level"] == "excellent"
    assert all(line["versions"]["model"] == version for line in lines)
    assert main(["text", "analyze", str(stories), "--model", str(out), "--workers", "2"]) == 0
    assert [json.loads(line) for line in capsys.readouterr().out.splitlines()] == lines, "each worker loads the model"


def test_analyze_plain_text_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stories = tmp_path / "stories.txt"
    stories.write_text("Ik ben nooit teruggebeld.\n\n😀\n<p>Prima &amp; snel</p>\n", encoding="utf-8")
    assert main(["text", "analyze", str(stories)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["id"] for line in lines] == [1, 3, 4], "a story's id is its line; a blank line is no story"
    assert lines[0]["appraisal"]["level"] == "bad"
    assert lines[2]["flags"]["html"] is True


@pytest.mark.parametrize("source", ["stdin", "file"])
def test_analyze_reads_windows_1252_lines_from_stdin_and_files(
    source: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = "Café Noord: onbeleefd\n".encode("cp1252") + "Prima geholpen ☺\n".encode() + b"\x81 te laat\n"
    if source == "stdin":
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        argv = ["text", "analyze", "-"]
    else:
        (tmp_path / "s.txt").write_bytes(data)
        argv = ["text", "analyze", str(tmp_path / "s.txt")]
    assert main(argv) == 0
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    lines = [json.loads(line) for line in captured.out.splitlines()]
    texts = [line["sentences"][0]["span"]["text"] for line in lines]
    assert texts == ["Café Noord: onbeleefd", "Prima geholpen ☺", "\ufffd te laat"]
    assert lines[0]["appraisal"]["level"] == "bad"


def test_analyze_refuses_utf16_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "s.txt").write_text("Te laat\n", encoding="utf-16")
    assert main(["text", "analyze", str(tmp_path / "s.txt")]) == 2
    err = capsys.readouterr().err
    assert "UTF-16" in err and "s.txt" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "argv",
    [
        ["text", "analyze", "/nonexistent/stories.txt"],
        ["text", "evaluate", "/nonexistent/labels.csv", "--model", "/nonexistent"],
        ["text", "train", "/nonexistent/labels.csv", "--out", "/tmp/x"],
    ],
)
def test_user_errors_are_one_line_and_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Traceback" not in err


def test_broken_jsonl_names_the_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stories = tmp_path / "s.jsonl"
    stories.write_text('{"text": "ok"}\n{broken\n', encoding="utf-8")
    assert main(["text", "analyze", str(stories)]) == 2
    assert "line 2" in capsys.readouterr().err


def test_train_with_an_own_taxonomy_and_analyse_with_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    taxonomy = tmp_path / "taxonomy.json"
    taxonomy.write_text(
        json.dumps(
            {
                "name": "eigen",
                "version": "2",
                "facets": [
                    {"id": "waiting_time", "label": "Wachten", "cues": {"nl": ["wacht*"]}},
                    {"id": "reachability", "label": "Bereikbaarheid", "cues": {"nl": ["bereikbaar*"]}},
                ],
            }
        ),
        encoding="utf-8",
    )
    out = tmp_path / "model"
    assert main(["text", "train", str(LABELLED), "--out", str(out), "--taxonomy", str(taxonomy)]) == 0
    assert json.loads((out / "model.json").read_text())["taxonomy"] == "eigen@2"
    capsys.readouterr()
    stories = tmp_path / "stories.txt"
    stories.write_text("Een uur in de wacht.\n", encoding="utf-8")
    assert main(["text", "analyze", str(stories), "--model", str(out)]) == 0
    assert json.loads(capsys.readouterr().out)["versions"]["taxonomy"] == "eigen@2"
    # the shipped taxonomy is not the one this model learned from: a clear error, no traceback
    default = Path(__file__).parents[2] / "src" / "klantstem" / "text" / "data" / "taxonomy_default.json"
    assert main(["text", "analyze", str(stories), "--model", str(out), "--taxonomy", str(default)]) == 2
    assert "another taxonomy" in capsys.readouterr().err


def test_reanalyse_labels_the_database_with_the_configured_model(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from klantstem.insights import service as insights

    out = tmp_path / "model"
    assert main(["text", "train", str(LABELLED), "--out", str(out)]) == 0
    version = json.loads((out / "model.json").read_text())["version"]
    db = db_url
    monkeypatch.setenv("KLANTSTEM_TEXT_MODEL", str(out))
    capsys.readouterr()
    try:
        assert main(["text", "reanalyse", "--db", db]) == 0
        assert f"0 stories labelled again with model={version}" in capsys.readouterr().out
        monkeypatch.setenv("KLANTSTEM_TEXT_MODEL", str(tmp_path / "nowhere"))
        assert main(["text", "reanalyse", "--db", db]) != 0
        err = capsys.readouterr().err
        assert "KLANTSTEM_TEXT_MODEL" in err and "Traceback" not in err
    finally:
        insights.use_text_model("")


def test_train_notes_labels_that_are_no_facet_of_the_taxonomy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    labelled = tmp_path / "l.csv"
    rows = LABELLED.read_text(encoding="utf-8").splitlines()
    rows[1] = rows[1].replace("waiting_time=", "waitingtime=")
    labelled.write_text("\n".join([*rows, '"De soep was koud",soep=bad']) + "\n", encoding="utf-8")
    assert main(["text", "train", str(labelled), "--out", str(tmp_path / "m")]) == 0
    notes = capsys.readouterr().err.splitlines()
    assert notes == [
        "note: 'soep' (1 text) is not a facet of the taxonomy and is learned as a new one",
        "note: 'waitingtime' (1 text) is not a facet of the taxonomy and is learned as a new one; "
        "did you mean 'waiting_time'?",
    ]
    assert "soep" in json.loads((tmp_path / "m" / "model.json").read_text())["labels"], "a facet of one's own"


def test_analyze_survives_a_lone_surrogate_in_a_json_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stories = tmp_path / "stories.jsonl"
    stories.write_text('{"id": "a", "text": "Kapot \\ud800 toestel"}\n{"id": "b", "text": "Prima"}\n', encoding="utf-8")
    assert main(["text", "analyze", str(stories)]) == 0
    assert [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()] == ["a", "b"]


def test_analyze_with_workers_writes_what_one_process_writes_in_the_same_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from klantstem.text import parallel

    monkeypatch.setattr(parallel, "BATCH", 7)  # many small batches, more than the workers have in flight
    texts = ["Ik stond {} minuten in de wacht.", "Top service, dank u!", "Ik hoefde niets te doen.", "Meh {}."]
    stories = tmp_path / "stories.txt"
    stories.write_text("".join(texts[n % 4].format(n) + "\n" for n in range(60)), encoding="utf-8")
    assert main(["text", "analyze", str(stories), "--lemmas"]) == 0
    serial = capsys.readouterr().out
    assert main(["text", "analyze", str(stories), "--lemmas", "--workers", "3"]) == 0
    assert capsys.readouterr().out == serial
    assert [json.loads(line)["id"] for line in serial.splitlines()] == list(range(1, 61))
    assert main(["text", "analyze", str(stories), "--workers", "0"]) == 2
