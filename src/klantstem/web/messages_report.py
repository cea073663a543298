"""The texts of the management report's page (the report itself carries its own words)."""

from __future__ import annotations

REPORT: dict[str, tuple[str, str]] = {
    "nav.report": ("Rapportage", "Report"),
    "report.title": ("Managementrapportage", "Management report"),
    "report.help": (
        "Eén rapport per maand, kwartaal of jaar: eerst de belangrijkste veranderingen, dan de cijfers per onderwerp.",
        "One report per month, quarter or year: the main changes first, then the figures per subject.",
    ),
    "report.period": ("Periode (2026-10, 2026-Q3 of 2026)", "Period (2026-10, 2026-Q3 or 2026)"),
    "report.department": ("Afdeling", "Department"),
    "report.all": ("Alle afdelingen", "All departments"),
    "report.anonymise": ("Citaten anonimiseren", "Anonymise quotes"),
    "report.open": ("Rapport openen", "Open the report"),
    "report.pdf": ("PDF downloaden", "Download the PDF"),
    "report.json": ("JSON", "JSON"),
}
