"""SQL for staff users, failed sign-ins, API tokens and the app's own secrets."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, bindparam, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from klantstem.dates import to_utc, utc_or_none
from klantstem.db import schema
from klantstem.users.model import ApiToken, User

_s = schema.staff


def _user(row: Row[*tuple[Any, ...]]) -> User:
    return User(
        id=row.id,
        name=row.name,
        email=row.email,
        role=row.role,
        department_id=row.department_id,
        active=bool(row.active),
    )


_USER_COLUMNS = (_s.c.id, _s.c.name, _s.c.email, _s.c.role, _s.c.department_id, _s.c.active)


def insert_user(conn: Connection, email: str, name: str, role: str, password_hash: str) -> int:
    result = conn.execute(
        insert(_s).values(email=email, name=name, role=role, password_hash=password_hash, active=True)
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


_BY_ID = select(*_USER_COLUMNS).where(_s.c.id == bindparam("id"))  # built once: read on every signed-in request


def user_by_id(conn: Connection, user_id: int) -> User | None:
    row = conn.execute(_BY_ID, {"id": user_id}).first()
    return _user(row) if row is not None and row.email is not None else None


def user_and_hash_by_email(conn: Connection, email: str) -> tuple[User, str | None] | None:
    row = conn.execute(select(*_USER_COLUMNS, _s.c.password_hash).where(_s.c.email == email)).first()
    return (_user(row), row.password_hash) if row is not None else None


def list_users(conn: Connection) -> list[User]:
    rows = conn.execute(select(*_USER_COLUMNS).where(_s.c.email.is_not(None)).order_by(_s.c.email))
    return [_user(r) for r in rows]


def update_user(conn: Connection, user_id: int, **values: object) -> bool:
    return conn.execute(update(_s).where(_s.c.id == user_id).values(**values)).rowcount > 0


# --- failed sign-ins -----------------------------------------------------------------------------------------

_f = schema.login_failures


def failures(conn: Connection, email: str) -> Row[*tuple[Any, ...]] | None:
    return conn.execute(select(_f).where(_f.c.email == email)).first()


def set_failures(
    conn: Connection, email: str, count: int, first_failed_at: datetime, locked_until: datetime | None
) -> None:
    values = {"failures": count, "first_failed_at": first_failed_at, "locked_until": locked_until}
    if conn.execute(update(_f).where(_f.c.email == email).values(**values)).rowcount == 0:
        conn.execute(insert(_f).values(email=email, **values))


def clear_failures(conn: Connection, email: str) -> None:
    conn.execute(_f.delete().where(_f.c.email == email))


# --- API tokens ----------------------------------------------------------------------------------------------

_t = schema.api_tokens


def _token(row: Row[*tuple[Any, ...]]) -> ApiToken:
    """A token as read back: its moments aware, in UTC (SQLite returns them without their offset)."""
    return ApiToken(
        id=row.id,
        name=row.name,
        created_at=to_utc(row.created_at),
        last_used_at=utc_or_none(row.last_used_at),
        revoked_at=utc_or_none(row.revoked_at),
        expires_at=utc_or_none(row.expires_at),
    )


def insert_token(
    conn: Connection, staff_id: int, name: str, token_hash: str, now: datetime, expires_at: datetime | None
) -> ApiToken:
    values = {"staff_id": staff_id, "name": name, "token_hash": token_hash, "created_at": now, "expires_at": expires_at}
    result = conn.execute(insert(_t).values(**values))
    token_id = int(result.inserted_primary_key[0])  # type: ignore[index]
    return ApiToken(id=token_id, name=name, created_at=now, last_used_at=None, revoked_at=None, expires_at=expires_at)


def tokens_of(conn: Connection, staff_id: int) -> list[ApiToken]:
    rows = conn.execute(select(_t).where(_t.c.staff_id == staff_id).order_by(_t.c.id))
    return [_token(r) for r in rows]


def token_owner(conn: Connection, token_hash: str) -> Row[*tuple[Any, ...]] | None:
    """(id, staff_id, last_used_at, expires_at) of a token with this hash that was not revoked."""
    columns = (_t.c.id, _t.c.staff_id, _t.c.last_used_at, _t.c.expires_at)
    return conn.execute(select(*columns).where(_t.c.token_hash == token_hash, _t.c.revoked_at.is_(None))).first()


def touch_token(conn: Connection, token_id: int, now: datetime) -> None:
    conn.execute(update(_t).where(_t.c.id == token_id).values(last_used_at=now))


def revoke_token(conn: Connection, staff_id: int, token_id: int, now: datetime) -> bool:
    stmt = (
        update(_t)
        .where(_t.c.id == token_id, _t.c.staff_id == staff_id, _t.c.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    return conn.execute(stmt).rowcount > 0


# --- secrets ------------------------------------------------------------------------------------------------

_k = schema.app_secrets


def secret(conn: Connection, name: str) -> str | None:
    value = conn.execute(select(_k.c.value).where(_k.c.name == name)).scalar_one_or_none()
    return str(value) if value is not None else None


def insert_secret(conn: Connection, name: str, value: str, now: datetime) -> bool:
    """False when another process stored this secret first."""
    try:
        with conn.begin_nested():
            conn.execute(insert(_k).values(name=name, value=value, created_at=now))
    except IntegrityError:
        return False
    return True


def count_admins(conn: Connection) -> int:
    stmt = select(func.count()).select_from(_s).where(_s.c.role == "admin", _s.c.active.is_(True))
    return int(conn.execute(stmt).scalar_one())


# --- web sessions -------------------------------------------------------------------------------------------

_w = schema.web_sessions


def insert_session(conn: Connection, staff_id: int, token_hash: str, now: datetime) -> None:
    conn.execute(insert(_w).values(staff_id=staff_id, token_hash=token_hash, created_at=now, last_seen_at=now))


_SESSION = select(_w.c.id, _w.c.staff_id, _w.c.created_at, _w.c.last_seen_at).where(
    _w.c.token_hash == bindparam("token_hash"), _w.c.ended_at.is_(None)
)


def live_session(conn: Connection, token_hash: str) -> Row[*tuple[Any, ...]] | None:
    """(id, staff_id, created_at, last_seen_at) of a session that was not ended."""
    return conn.execute(_SESSION, {"token_hash": token_hash}).first()


def touch_session(conn: Connection, session_id: int, now: datetime) -> None:
    conn.execute(update(_w).where(_w.c.id == session_id).values(last_seen_at=now))


def end_session(conn: Connection, token_hash: str, now: datetime) -> None:
    conn.execute(update(_w).where(_w.c.token_hash == token_hash, _w.c.ended_at.is_(None)).values(ended_at=now))


def end_sessions_of(conn: Connection, staff_id: int, now: datetime) -> int:
    stmt = update(_w).where(_w.c.staff_id == staff_id, _w.c.ended_at.is_(None)).values(ended_at=now)
    return int(conn.execute(stmt).rowcount)


def forget_sessions_before(conn: Connection, moment: datetime) -> int:
    """Delete sessions that ended, or were last seen, before `moment`."""
    stmt = _w.delete().where((_w.c.ended_at < moment) | (_w.c.last_seen_at < moment))
    return int(conn.execute(stmt).rowcount)
