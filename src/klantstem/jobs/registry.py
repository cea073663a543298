"""Every analysis that runs on a schedule, in one list: a domain adds its job here in one line. The process that
runs them has set the text reader (`insights.use_text_model`) at its start."""

from __future__ import annotations

from datetime import timedelta

from klantstem.business_calendar import calendar_from_settings
from klantstem.insights import service as insights
from klantstem.jobs.model import Job, JobContext
from klantstem.promises import service as promises

TEXT_PROMISES_DAYS = 2  # the promise scan first reads promises from contact texts of the last two days


def _promise_scan(ctx: JobContext) -> str:
    since = ctx.clock.now() - timedelta(days=TEXT_PROMISES_DAYS)
    result = promises.scan(ctx.engine, ctx.clock, calendar_from_settings(ctx.settings), since)
    return f"found {result.found_in_texts} in contact texts, kept {result.kept}, broken {result.broken}"


def _analyse(ctx: JobContext) -> str:
    stories = insights.analyse_stories(ctx.engine, ctx.clock)
    voices = insights.analyse_voices(ctx.engine, ctx.clock)  # contacts and story steps in every channel
    return f"analysed {stories} new stories and {voices} contacts and story steps"


def _reanalyse(ctx: JobContext) -> str:
    return f"analysed {insights.reanalyse_stories(ctx.engine, ctx.clock)} stories again with the current reader"


def _detect_problems(ctx: JobContext) -> str:
    from klantstem.problems import service as problems  # loads the statistics only when the job runs

    found = problems.detect(ctx.engine, ctx.clock, ctx.settings)
    return (
        f"problems: {len(found.opened)} opened, {len(found.updated)} updated, {len(found.reopened)} reopened, "
        f"{len(found.verified)} verified"
    )


JOBS: tuple[Job, ...] = (
    Job("promises-scan", timedelta(minutes=15), _promise_scan),
    Job("analyse-stories", timedelta(minutes=5), _analyse),
    Job("reanalyse-stories", timedelta(hours=6), _reanalyse),
    Job("detect-problems", timedelta(hours=1), _detect_problems),
)
