"""Alembic migrations, run programmatically: `upgrade(engine)` brings a database to the newest schema.

Checking whether a database is up to date reads the revision table and the `revision = ...` lines of the
migration scripts directly, so a command on an up-to-date database never imports Alembic (about a third of a
second); Alembic loads only to apply migrations or when the scripts branch."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

HERE = Path(__file__).parent
VERSION_TABLE = "alembic_version"
_ASSIGNED = re.compile(r"^(down_revision|revision)\s*=\s*(None|'[^']*'|\"[^\"]*\")\s*$", re.MULTILINE)


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(HERE))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def alembic_head() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def head_revision() -> str | None:
    """The newest revision: the one no script names as its `down_revision` (Alembic decides when that is not
    one plain chain)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in sorted((HERE / "versions").glob("*.py")):
        found = {m.group(1): m.group(2) for m in _ASSIGNED.finditer(script.read_text(encoding="utf-8"))}
        if "revision" not in found or "down_revision" not in found:
            return alembic_head()  # a tuple of parents (a merge) or a form this reader does not know
        revisions.add(found["revision"].strip("'\""))
        if found["down_revision"] != "None":
            parents.add(found["down_revision"].strip("'\""))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else alembic_head()


def current_revision(conn: Connection) -> str | None:
    """The schema revision, read on `conn` (open it with `klantstem.db.engine.reading`, so that reading it never
    waits for a writer); None for a database without one."""
    if not inspect(conn).has_table(VERSION_TABLE):
        return None
    rows = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    return rows[0] if len(rows) == 1 else None


def upgrade(engine: Engine) -> None:
    """Apply missing migrations (the caller checked, reading, that some are missing)."""
    from alembic import command

    command.upgrade(alembic_config(engine), "head")
