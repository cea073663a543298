"""A report whose SQL is kept in a folder loads neither Ibis (nor its SQL dialects), pandas nor the public
holidays (the business clock's days are kept beside the SQL): a command run once pays for none of them. Each run
is a new Python process, as `klantstem process analyze` is."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "events"
RUN = """
import json, sys
from pathlib import Path
from klantstem.process.options import AnalysisOptions
from klantstem.process.service import analyze_file
report = analyze_file(Path(sys.argv[1]), options=AnalysisOptions(sql_cache=sys.argv[2]))
report.pop("seconds")
loaded = [name for name in ("ibis", "sqlglot", "pandas", "holidays") if name in sys.modules]
print(json.dumps({"report": report, "loaded": loaded}))
"""


def _run(log: Path, folder: Path) -> dict[str, object]:
    command = [sys.executable, "-c", RUN, str(log), str(folder)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", ["small.csv", "small.xes"])
def test_a_report_with_kept_sql_loads_no_ibis_and_no_pandas(tmp_path: Path, name: str) -> None:
    first = _run(DATA / name, tmp_path)
    assert "ibis" in first["loaded"]  # the first process compiles, and keeps the SQL in the folder
    again = _run(DATA / name, tmp_path)
    assert again["loaded"] == []
    assert again["report"] == first["report"]


def test_a_parquet_log_with_kept_sql_loads_no_ibis_either(tmp_path: Path) -> None:
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    log = tmp_path / "small.parquet"
    pq.write_table(pacsv.read_csv(DATA / "small.csv", parse_options=pacsv.ParseOptions(delimiter=";")), log)
    first = _run(log, tmp_path)
    again = _run(log, tmp_path)
    assert again["loaded"] == []
    assert again["report"] == first["report"]
    assert first["report"]["events"] > 0
