"""`klantstem report` on a small demo organisation: the figures come from the domains' services, bad input is
one line and exit code 2 with no file left behind, and the PDF reads back with its sections and page numbers."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine

from klantstem.cli.main import main
from klantstem.clock import FixedClock
from klantstem.insights import service as insights
from klantstem.promises import service as promises
from klantstem.reports import service as reports
from klantstem.settings import Settings

OCTOBER = (datetime(2026, 9, 30, 22, tzinfo=UTC), datetime(2026, 10, 31, 23, tzinfo=UTC))


def _run(settings: Settings, *args: str) -> int:
    return main(["report", "--db", settings.resolved_database_url, *args])


def test_json_report_holds_every_section_with_the_services_figures(
    demo: Engine, settings: Settings, clock: FixedClock
) -> None:
    found = reports.management_report(demo, settings, clock, "2026-10", lang="en")
    assert (found["period"]["label"], found["previous_period"]["label"]) == ("2026-10", "2026-09")
    now = found["now"]
    kept = promises.stats(demo, clock, *OCTOBER)
    assert now["promises"]["kept"] == sum(r.kept for r in kept.of("kind"))
    assert now["promises"]["broken"] == sum(r.broken for r in kept.of("kind"))
    judged = insights.step_judgements(demo, insights.Filters(*OCTOBER))
    assert now["steps"]["judged"] == sum(sum(levels.values()) for levels in judged.values()) > 0
    process = insights.process_report(demo, settings, insights.Filters(*OCTOBER))
    assert process is not None and now["process"]["cases"] == process["cases"]
    assert now["process"]["first_line_share"] == process["first_line_share"]
    assert set(now["process"]["waiting_by_cause_s"]) == {"customer", "organisation", "third_party"}
    assert found["takeaways"]["tests"] > 0
    assert [p["period"] for p in found["trend"]] == ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]
    assert found["trend"][-1]["judged"] == now["steps"]["judged"]
    assert found["trend"][-1]["kept_rate"] == now["promises"]["kept_rate"]
    text = json.dumps(found)
    assert "resource" not in text and "handle" not in text  # no staff ranked by calls or handle time


def test_both_periods_read_in_one_pass_give_what_each_period_analysed_alone_gives(
    demo: Engine, settings: Settings, clock: FixedClock
) -> None:
    found = reports.management_report(demo, settings, clock, "2026-10", lang="en")
    september = (datetime(2026, 8, 31, 22, tzinfo=UTC), OCTOBER[0])
    now = insights.process_report(demo, settings, insights.Filters(*OCTOBER), logs=False)
    before = insights.process_report(demo, settings, insights.Filters(*september), logs=False)
    assert now is not None and before is not None and now["cases"] != before["cases"]
    shown = found["now"]["process"]
    for key in ("handovers", "ping_pong"):
        assert shown.pop(key) == now[key][:8]
    assert shown.pop("bottlenecks") == now["bottlenecks"]["steps"][:8]
    assert shown == {key: now.get(key) for key in shown}
    assert found["before"]["process"] == {key: before[key] for key in found["before"]["process"]}


def test_a_department_narrows_the_report(demo: Engine, settings: Settings, clock: FixedClock) -> None:
    everyone = reports.management_report(demo, settings, clock, "2026-Q3")
    one = reports.management_report(demo, settings, clock, "2026-Q3", department="klantenservice")
    assert one["department"] == "Klantenservice"
    assert 0 < one["now"]["promises"]["kept"] + one["now"]["promises"]["broken"] < (
        everyone["now"]["promises"]["kept"] + everyone["now"]["promises"]["broken"]
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--period", "2031-01"], "in the future"),
        (["--period", "2019-03"], "no data in this period"),
        (["--period", "2026-10", "--department", "Ruimtevaart"], "no such department"),
        (["--period", "oktober"], "give a month"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_no_file(
    demo: Engine, settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str],
    message: str,
) -> None:  # fmt: skip
    folder = tmp_path / "out"
    folder.mkdir()
    assert _run(settings, *args, "-o", str(folder / "report.html")) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1 and "Traceback" not in err
    assert list(folder.iterdir()) == []


def test_an_unwritable_output_is_refused_before_any_work(
    settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(settings, "--period", "2026-10", "-o", str(tmp_path / "missing" / "r.pdf")) == 2
    assert "does not exist" in capsys.readouterr().err
    assert _run(settings, "--period", "2026-10", "-o", str(tmp_path)) == 2
    assert "is a folder" in capsys.readouterr().err


def test_an_existing_file_is_kept_whole_when_the_report_fails(demo: Engine, settings: Settings, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("last month's report")
    assert _run(settings, "--period", "2019-01", "--format", "json", "-o", str(out)) == 2
    assert out.read_text() == "last month's report"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".report")) == []


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed")
def test_pdf_is_a4_with_contents_page_numbers_and_anonymised_quotes(
    demo: Engine, settings: Settings, tmp_path: Path
) -> None:
    out = tmp_path / "report.pdf"
    assert _run(settings, "--period", "2026-10", "--format", "pdf", "-o", str(out)) == 0
    assert out.read_bytes().startswith(b"%PDF")
    raw = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    pages = raw.count("\f")
    text = " ".join(raw.split())
    for title in ("Inhoud", "Belangrijkste bevindingen", "Hoe klanten elke stap beoordeelden",
                  "De stem van het proces", "Afspraken", "Herhaalcontact", "Citaten zijn geanonimiseerd"):  # fmt: skip
        assert title in text
    assert f"Pagina 1 / {pages}" in text and f"Pagina {pages} / {pages}" in text
    assert "@" not in text  # no e-mail address survives the masking
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True).stdout
    assert len(images.strip().splitlines()) == 2  # the header only: the charts are vectors, not pictures
    subprocess.run(["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "2", str(out), str(tmp_path / "page")],
                   check=True)  # fmt: skip
    from PIL import Image

    with Image.open(tmp_path / f"page-{1:0{len(str(pages))}d}.png") as first:
        width, height = first.size
    assert abs(height / width - 297 / 210) < 0.01  # A4 portrait


def test_quotes_are_anonymised_by_default_in_pdf_and_json_on_request_only(
    demo: Engine, settings: Settings, clock: FixedClock, tmp_path: Path
) -> None:
    from klantstem.stories import service as stories

    told = FixedClock(datetime(2026, 10, 31, 12, tzinfo=UTC))
    story = stories.start_interview(demo, told, customer_id=1, staff_id=None).story_id
    secret = "Mevrouw Jansen (jansen@example.nl, 06-12345678) kwam pas na drie weken terug."
    stories.add_step(demo, told, story, description="<script>alert(1)</script> het duurde lang", appraisal="bad")
    stories.add_step(demo, told, story, description=secret, appraisal="bad")
    found = reports.management_report(demo, settings, clock, "2026-10")
    page = reports.render_report(demo, found, "html").decode()
    assert secret in page  # the full words by default in HTML
    assert "&lt;script&gt;alert(1)&lt;/script&gt; het duurde lang" in page and "<script" not in page
    masked = reports.render_report(demo, found, "json", anonymise=True).decode()
    assert "Mevrouw […] ([…], […]) kwam pas na drie weken terug." in masked and "jansen" not in masked.lower()
    if shutil.which("pdftotext"):
        out = tmp_path / "r.pdf"
        out.write_bytes(reports.render_report(demo, found, "pdf"))
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        assert "kwam pas na drie weken terug" in " ".join(text.split()) and "Jansen" not in text
