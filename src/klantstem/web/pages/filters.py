"""The filters of the dashboard and the process page: period, department and channel, from the query string."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode

from klantstem.clock import Clock
from klantstem.db.schema import CHANNELS
from klantstem.insights import service as insights
from klantstem.web.params import fits

PERIODS = {"30d": 30, "90d": 90, "365d": 365, "all": None}
DEFAULT_PERIOD = "365d"


@dataclass(frozen=True)
class Chosen:
    period: str
    department: int | None
    channel: str | None

    def filters(self, clock: Clock) -> insights.Filters:
        days = PERIODS[self.period]
        now = clock.now()
        # whole days, so that repeated requests within a day share cached figures
        since = (now - timedelta(days=days)).replace(hour=0, minute=0, second=0, microsecond=0) if days else None
        return insights.Filters(since=since, department_id=self.department, channel=self.channel)

    def query(self) -> str:
        values = {"period": self.period, "department": self.department or "", "channel": self.channel or ""}
        return urlencode(values)


def chosen(period: str | None, department: str | None, channel: str | None) -> Chosen:
    """What the query string asked for; anything unknown falls back to the default."""
    kept_period = period if period in PERIODS else DEFAULT_PERIOD
    kept_department = int(department) if department and department.isascii() and department.isdigit() else None
    if kept_department is not None and not fits(kept_department):
        kept_department = None
    kept_channel = channel if channel in CHANNELS else None
    return Chosen(kept_period, kept_department, kept_channel)
