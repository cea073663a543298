"""What a process analysis can be told: business hours, waiting rules, the second line, sizes. No heavy
imports here, so the CLI and services can build options without loading the analysis engine."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from klantstem.business_calendar import DEFAULT_OPENING_HOURS, BusinessCalendar
from klantstem.settings import DEFAULT_TIMEZONE

# Statuses (or lifecycle transitions) that mean waiting, and on whom. First match wins; case ignored.
DEFAULT_WAITING_RULES: tuple[tuple[str, str], ...] = (
    (r"wait\w*\W+(user|customer|client)|wacht\w*\W+(op\W+)?(de\W+)?klant", "customer"),
    (r"wait\w*\W+(vendor|supplier|third|partner)|wacht\w*\W+(op\W+)?(de\W+)?(leverancier|dealer|derde)", "third_party"),
    (r"^\s*(wait|awaiting|wacht|pending|on hold|in de wacht)", "organisation"),
)
# Teams whose name marks them as second or third line; a case that never visits one stays in the first line.
DEFAULT_SECOND_LINE = r"\b(2nd|3rd|second line|third line|2e lijn|3e lijn|tweede lijn|derde lijn|backoffice)\b"
CAUSES = ("customer", "organisation", "third_party")
# Events below which DuckDB runs one thread unless told otherwise: on a log this small a second thread saves
# little, and on a busy machine waiting for it costs more (BPI 2013, 65,533 events: about 20% less wall time).
ONE_THREAD_BELOW = 1_000_000


@dataclass(frozen=True)
class AnalysisOptions:
    timezone: str = DEFAULT_TIMEZONE
    opening_hours: str = DEFAULT_OPENING_HOURS
    holiday_country: str = "NL"
    repeat_days: int = 7
    waiting_rules: tuple[tuple[str, str], ...] = DEFAULT_WAITING_RULES
    second_line_pattern: str = DEFAULT_SECOND_LINE
    top: int = 20
    exact_quantiles_up_to: int = 20_000_000  # events; above it, step and transition quantiles use a t-digest
    threads: int | None = None
    memory_limit: str | None = None
    database: str = ":memory:"  # a file lets DuckDB keep a very large log on disk
    sql_cache: str | None = None  # a folder where compiled SQL is kept for the next process (compiled.keep_in)

    @property
    def calendar(self) -> BusinessCalendar:
        return _calendar(self.opening_hours, self.holiday_country, self.timezone)

    def cause_of(self, status: str) -> str | None:
        for pattern, cause in self.waiting_rules:
            if re.search(pattern, status, flags=re.IGNORECASE):
                return cause
        return None


@lru_cache(maxsize=8)
def _calendar(opening_hours: str, country: str, timezone: str) -> BusinessCalendar:
    """One calendar per setting, so its public holidays are looked up once per process."""
    return BusinessCalendar(opening_hours, country, timezone)
