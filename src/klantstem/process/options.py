"""What a process analysis can be told: business hours, waiting rules, the second line, sizes. No heavy
imports here, so the CLI and services can build options without loading the analysis engine."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
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
ENGINES = ("duckdb", "spark")
# A case is reopened when work comes back at least this long after it was first closed: records written seconds
# after closing (BPI 2014: a "Caused By CI" link, an update) are the closing's paperwork, not the customer returning.
DEFAULT_REOPEN_GAP_S = 3600
# Events below which DuckDB runs one thread unless told otherwise: on a log this small a second thread saves
# little, and on a busy machine waiting for it costs more (BPI 2013, 65,533 events: about 20% less wall time).
ONE_THREAD_BELOW = 1_000_000
# Events up to which a Parquet log is read into this process and ordered here (ordering.arranged: about 60 bytes an
# event beside the log), when no memory limit is set; a larger log, or one under a memory limit, is ordered by the
# engine, which can spill to disk.
ARRANGED_UP_TO = 40_000_000
# Analyses a caller that shows none of them may leave out (AnalysisOptions.leave_out); its report then has no key
# for them: "variants" (and their count), "slowest_cases" and "bottlenecks".
OPTIONAL_ANALYSES = ("variants", "slowest_cases", "bottlenecks")


@dataclass(frozen=True)
class AnalysisOptions:
    timezone: str = DEFAULT_TIMEZONE
    opening_hours: str = DEFAULT_OPENING_HOURS
    holiday_country: str = "NL"
    repeat_days: int = 7
    reopen_gap_s: int = DEFAULT_REOPEN_GAP_S  # seconds after the first closing before work counts as reopening
    reopen_activities: str | None = None  # regular expression of the activities that reopen; None: any activity
    waiting_rules: tuple[tuple[str, str], ...] = DEFAULT_WAITING_RULES
    second_line_pattern: str = DEFAULT_SECOND_LINE
    top: int = 20
    exact_quantiles_up_to: int = 20_000_000  # events; above it, step and transition quantiles use a t-digest
    threads: int | None = None
    engine: str = "duckdb"  # ENGINES: where the analyses run
    spark_url: str | None = None  # a Spark Connect server (sc://host:15002); None: Spark in local mode
    memory_limit: str | None = None  # DuckDB's limit, e.g. "4GB"; above it DuckDB spills to `spill_dir`
    spill_dir: str | None = None  # where DuckDB writes what does not fit in memory (its temp_directory)
    database: str = ":memory:"  # a file lets DuckDB keep a very large log on disk
    sql_cache: str | None = None  # a folder where compiled SQL is kept for the next process (compiled.keep_in)
    leave_out: frozenset[str] = frozenset()  # OPTIONAL_ANALYSES not run: the report has no key for them
    # Called with the name of each step of the analysis when it is done (from the analysis' threads), e.g. to
    # show progress on a long analysis.
    progress: Callable[[str], None] | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        unknown = set(self.leave_out) - set(OPTIONAL_ANALYSES)
        if unknown:
            raise ValueError(f"analyses that cannot be left out: {', '.join(sorted(unknown))}")

    def runs(self, analysis: str) -> bool:
        """Whether the optional analysis (OPTIONAL_ANALYSES) is run."""
        return analysis not in self.leave_out

    @property
    def calendar(self) -> BusinessCalendar:
        return _calendar(self.opening_hours, self.holiday_country, self.timezone)

    def cause_of(self, status: str) -> str | None:
        for pattern, cause in self.waiting_rules:
            if re.search(pattern, status, flags=re.IGNORECASE):
                return cause
        return None


_GAP = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$", re.IGNORECASE)
_GAP_UNIT = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_gap(text: str) -> int | None:
    """Seconds from "90", "90s", "30m", "1h" or "2d"; None when the text is not such a duration."""
    found = _GAP.match(text)
    if found is None:
        return None
    return round(float(found.group(1)) * _GAP_UNIT[(found.group(2) or "s").lower()])


@lru_cache(maxsize=8)
def _calendar(opening_hours: str, country: str, timezone: str) -> BusinessCalendar:
    """One calendar per setting, so its public holidays are looked up once per process."""
    return BusinessCalendar(opening_hours, country, timezone)
