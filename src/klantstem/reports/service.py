"""Management knowledge that combines domains: what the database holds (`klantstem stats`) and the monthly,
quarterly or yearly management report (`klantstem report`, the report page and /api/report)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from klantstem.clock import Clock
from klantstem.db.engine import reading
from klantstem.errors import UserInputError
from klantstem.reports import counts
from klantstem.reports.anonymise import Masker
from klantstem.reports.period import parse_period
from klantstem.settings import Settings

FORMATS = ("html", "pdf", "json")
QUOTE_FIELDS = ("text", "description")


def database_stats(engine: Engine) -> dict[str, Any]:
    with reading(engine) as conn:
        return {
            "tables": counts.table_counts(conn),
            "contacts_per_channel": counts.contacts_per_channel(conn),
            "contacts_per_month": counts.contacts_per_month(conn),
        }


def management_report(
    engine: Engine, settings: Settings, clock: Clock, period: str, department: str | None = None, lang: str = "nl"
) -> dict[str, Any]:
    """The management report of a month (2026-10), quarter (2026-Q3) or year (2026) as plain data. Raises
    UserInputError for a period in the future, an unknown department or a period without data."""
    from klantstem.reports import management  # the analyses it combines load only for a report, never for stats

    return management.build(engine, settings, clock, period, department, lang)


def last_month(settings: Settings, clock: Clock) -> str:
    """The label of the last whole month (the report people ask for most)."""
    return parse_period(clock.now().strftime("%Y-%m"), settings.timezone, clock.now()).previous().label


def render_report(engine: Engine, report: dict[str, Any], fmt: str, anonymise: bool | None = None) -> bytes:
    """The report as HTML (one self-contained file), PDF (A4) or JSON. Quotes are anonymised when asked, and
    by default in a PDF."""
    if fmt not in FORMATS:
        raise UserInputError(f"report format {fmt!r}: choose html, pdf or json")
    mask = _masker(engine, report) if (fmt == "pdf" if anonymise is None else anonymise) else None
    if fmt == "json":
        data = _mask_quotes(report, mask) if mask else report
        return json.dumps(data, ensure_ascii=False, indent=2, default=str).encode("utf-8")
    from klantstem.reports import html  # Jinja2 and the chart code load only to render a report

    page = html.render(report, mask, for_print=fmt == "pdf")
    if fmt == "html":
        return page.encode("utf-8")
    from klantstem.reports.pdf import html_to_pdf

    return html_to_pdf(page)


def check_output(path: Path) -> None:
    """Refuse, before any work, an output path that cannot be written."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise UserInputError(f"{path}: is a folder, give a file name")
    if not folder.is_dir():
        raise UserInputError(f"{path}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise UserInputError(f"{path}: cannot write here (permission denied)")


def write_output(path: Path, content: bytes) -> None:
    """Write all or nothing: into a temporary file beside `path`, renamed into place when complete."""
    check_output(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent if str(path.parent) else ".")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _masker(engine: Engine, report: dict[str, Any]) -> Masker:
    customers: set[int] = set()
    _walk(report, lambda d: customers.add(int(d["customer_id"])) if d.get("customer_id") is not None else None)
    from klantstem.reports import store  # the schema module loads for a report only, never for stats

    with reading(engine) as conn:
        return Masker(store.names_to_mask(conn, customers))


def _mask_quotes(data: Any, mask: Masker) -> Any:
    if isinstance(data, dict):
        return {k: mask(v) if k in QUOTE_FIELDS and isinstance(v, str) else _mask_quotes(v, mask)
                for k, v in data.items()}  # fmt: skip
    if isinstance(data, list):
        return [_mask_quotes(v, mask) for v in data]
    return data


def _walk(data: Any, visit: Any) -> None:
    if isinstance(data, dict):
        visit(data)
        for value in data.values():
            _walk(value, visit)
    elif isinstance(data, list):
        for value in data:
            _walk(value, visit)
