"""Settings, declared once with default and help text, read from KLANTSTEM_* environment variables.

Settings are built explicitly with `Settings.from_env()`; nothing is read at import time.
docs/settings.md lists every setting (a test checks).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from klantstem.errors import ConfigurationError

ENV_PREFIX = "KLANTSTEM_"
SECURE_COOKIE_CHOICES = ("auto", "yes", "no")


def _setting(default: object, help: str) -> object:
    return field(default=default, metadata={"help": help})


# The organisation's time zone when KLANTSTEM_TIMEZONE is not set: the one place this default is written.
DEFAULT_TIMEZONE = "Europe/Amsterdam"

@dataclass(frozen=True)
class Settings:
    database_url: str = _setting(
        "",
        "SQLAlchemy URL of the database. Empty means SQLite at ./klantstem.db; "
        "for PostgreSQL use postgresql+psycopg://user@host:5432/name.",
    )  # type: ignore[assignment]
    sqlite_busy_timeout_ms: int = _setting(
        30000, "How long SQLite waits for a lock held by another process, in milliseconds."
    )  # type: ignore[assignment]
    import_batch_size: int = _setting(
        5000, "Rows written per batch during an import (the whole import is still one transaction)."
    )  # type: ignore[assignment]
    default_country: str = _setting(
        "NL", "Country used to read phone numbers written without a country code."
    )  # type: ignore[assignment]
    timezone: str = _setting(
        DEFAULT_TIMEZONE, "Time zone for dates written without one, and for business hours."
    )  # type: ignore[assignment]
    opening_hours: str = _setting(
        "mon-fri 08:30-17:30",
        "Opening hours for due times and business-hours durations, e.g. 'mon-fri 08:30-17:30; sat 10:00-14:00'.",
    )  # type: ignore[assignment]
    holiday_country: str = _setting(
        "NL", "Country whose public holidays are closed days on the business calendar."
    )  # type: ignore[assignment]
    outreach_same_topic_days: int = _setting(
        90, "Contact guard: do not ask a customer about the same topic again within this many days."
    )  # type: ignore[assignment]
    outreach_max_contacts: int = _setting(
        3,
        "Contact guard: at most this many contacts we start (outbound contacts and outreach, all channels) "
        "per customer within the period below.",
    )  # type: ignore[assignment]
    outreach_period_days: int = _setting(
        30, "Contact guard: the period in days for the maximum number of contacts."
    )  # type: ignore[assignment]
    organisation_senders: str = _setting(
        "",
        "Who writes for the organisation in imported e-mail and WhatsApp chats, comma-separated: e-mail addresses, "
        "whole domains ('@dealer.nl'), names as a chat shows them, or phone numbers. Their messages are the "
        "organisation's replies (outbound), and promises found in them go into the promise register; every other "
        "sender is a customer.",
    )  # type: ignore[assignment]
    duplicate_name_threshold: int = _setting(
        85, "Duplicate suggestions: how similar two names must be (0-100) at the same postcode or address."
    )  # type: ignore[assignment]
    text_model: str = _setting(
        "",
        "Directory of a model made by `klantstem text train`. The app then reads stories with it: its facets "
        "and appraisals (with the taxonomy it was trained on) replace the rules' for the facets it learned, and "
        "every label records the model's version; `klantstem text reanalyse` reads the stories already labelled "
        "again. Empty: the rules only.",
    )  # type: ignore[assignment]

    smtp_url: str = _setting(
        "",
        "Mail server for messages to customers (closing the loop on a problem): smtp://user:password@host:25, "
        "smtp+starttls://host:587 or smtps://host:465. Empty: messages wait in the outbox, to be exported for "
        "another system to send.",
    )  # type: ignore[assignment]
    mail_from: str = _setting(
        "klantenservice@example.nl", "The sender address of messages to customers."
    )  # type: ignore[assignment]
    problems_sigma: float = _setting(
        3.5, "Structural problems: Laney p' control limits, in overdispersion-corrected standard errors."
    )  # type: ignore[assignment]
    problems_change: float = _setting(
        15.0,
        "Structural problems: the change-point statistic (binomial likelihood ratio divided by the "
        "overdispersion) from which a sustained rise counts as a signal.",
    )  # type: ignore[assignment]
    problems_min_reports: int = _setting(
        5, "Structural problems: a period fires only with at least this many reports."
    )  # type: ignore[assignment]
    problems_customers: int = _setting(
        5, "Structural problems: a signal is structural only with at least this many distinct customers."
    )  # type: ignore[assignment]
    problems_periods: int = _setting(
        2, "Structural problems: ... spread over at least this many periods, or the channels below."
    )  # type: ignore[assignment]
    problems_channels: int = _setting(
        2, "Structural problems: ... or reported through at least this many channels."
    )  # type: ignore[assignment]
    problems_burst_share: float = _setting(
        0.6, "Structural problems: a signal with this share of its reports on one day is a burst (an incident)."
    )  # type: ignore[assignment]
    problems_verify_weeks: int = _setting(
        4, "Structural problems: weeks after 'fixed' before the rate can verify the fix."
    )  # type: ignore[assignment]
    problems_stale_days: int = _setting(
        10, "Structural problems: working days without progress before a problem is escalated to the manager."
    )  # type: ignore[assignment]
    problems_repeat_days: int = _setting(
        14, "Structural problems: an inbound contact within this many days of the customer's previous one on the "
        "same case counts as a repeat contact.",
    )  # type: ignore[assignment]

    sql_cache: str = _setting(
        "auto",
        "Folder where the process analysis keeps its compiled SQL, so that a command run once need not compile "
        "it again: 'auto' is klantstem under $XDG_CACHE_HOME (or ~/.cache); 'off' keeps nothing.",
    )  # type: ignore[assignment]
    analysis_memory: str = _setting(
        "1500MB",
        "Memory a process analysis of the app's events (the report, the dashboard) may use for its sorting and "
        "counting (DuckDB's memory limit, e.g. 2GB); beyond it the analysis spills to a folder under the system's "
        "temporary folder. Empty: no limit.",
    )  # type: ignore[assignment]
    secure_cookies: str = _setting(
        "auto",
        "The Secure flag of the session cookie: 'auto' sets it on requests that came over HTTPS (directly, or "
        "through a proxy on this machine that sends X-Forwarded-Proto), so plain http://127.0.0.1 still signs "
        "in; 'yes' always sets it (serve behind HTTPS only); 'no' never does.",
    )  # type: ignore[assignment]
    session_idle_minutes: int = _setting(
        30, "A web session ends after this many minutes without a request (and always after 12 hours)."
    )  # type: ignore[assignment]
    background_jobs: str = _setting(
        "on",
        "'on': `klantstem serve` runs the scheduled analyses (promise scan, story analysis, ...) in the background, "
        "once across all its processes; 'off': run them with `klantstem worker` (or `klantstem worker --once` "
        "from cron) instead. Each web process always computes its own dashboard figures in the background.",
    )  # type: ignore[assignment]
    public_base_url: str = _setting(
        "",
        "The address customers reach the web application at (e.g. https://klantstem.example.nl); personal "
        "interview links are built from it, never from a request's Host header. Empty: http://127.0.0.1:8000.",
    )  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.background_jobs not in ("on", "off"):
            raise ConfigurationError(f"{ENV_PREFIX}BACKGROUND_JOBS must be on or off, not {self.background_jobs!r}")
        if self.secure_cookies not in SECURE_COOKIE_CHOICES:
            raise ConfigurationError(
                f"{ENV_PREFIX}SECURE_COOKIES must be one of {', '.join(SECURE_COOKIE_CHOICES)}, "
                f"not {self.secure_cookies!r}"
            )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = env.get(ENV_PREFIX + f.name.upper())
            if raw is None:
                continue
            values[f.name] = _convert(f.name, raw, type(f.default))
        return cls(**values)  # type: ignore[arg-type]

    def with_database(self, db: str | Path | None) -> Settings:
        """Settings for a `--db PATH` (or URL) option; None keeps the current database."""
        if db is None:
            return self
        text = str(db)
        url = text if "://" in text else f"sqlite:///{Path(text).expanduser()}"
        return replace(self, database_url=url)

    @property
    def sql_cache_folder(self) -> str | None:
        if self.sql_cache == "off":
            return None
        if self.sql_cache != "auto":
            return str(Path(self.sql_cache).expanduser())
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        return str(Path(base) / "klantstem")

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or "sqlite:///klantstem.db"


def _convert(name: str, raw: str, kind: type) -> object:
    if kind is float:
        try:
            return float(raw)
        except ValueError:
            raise ConfigurationError(f"{ENV_PREFIX}{name.upper()} must be a number, not {raw!r}") from None
    if kind is int:
        try:
            return int(raw)
        except ValueError:
            raise ConfigurationError(
                f"{ENV_PREFIX}{name.upper()} must be a whole number, not {raw!r}"
            ) from None
    return raw


def describe() -> list[tuple[str, object, str]]:
    """(environment variable, default, help) for every setting; used by the docs and their test."""
    return [(ENV_PREFIX + f.name.upper(), f.default, str(f.metadata["help"])) for f in fields(Settings)]
