"""Web sessions kept on the server: the signed cookie carries only a random session id, whose hash is stored.
A session ends when its user signs out, when their password, role or status changes, after an idle time, and
always after a working day."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import Engine

from klantstem.dates import to_utc
from klantstem.db.engine import reading
from klantstem.users import store
from klantstem.users.model import User

MAX_SESSION_AGE = timedelta(hours=12)
_TOUCH_INTERVAL = timedelta(seconds=60)  # the last-seen time is written at most this often


def _hash(session_id: str) -> str:
    return hashlib.sha256(session_id.encode()).hexdigest()


def start_session(engine: Engine, user_id: int, now: datetime) -> str:
    """A new session for this user; the returned id goes into the signed cookie and is stored only hashed."""
    session_id = secrets.token_urlsafe(32)
    with engine.begin() as conn:
        store.insert_session(conn, user_id, _hash(session_id), now)
        store.forget_sessions_before(conn, now - MAX_SESSION_AGE)
    return session_id


def session_user(engine: Engine, session_id: str, now: datetime, idle: timedelta) -> User | None:
    """The active user of a live session, or None when it ended, idled out, grew too old or was never made.
    A session found idle or too old is ended here."""
    digest = _hash(session_id)
    with reading(engine) as conn:
        row = store.live_session(conn, digest)
        user = store.user_by_id(conn, row.staff_id) if row is not None else None
    if row is None:
        return None
    expired = now - to_utc(row.last_seen_at) > idle or now - to_utc(row.created_at) > MAX_SESSION_AGE
    if expired or user is None or not user.active:
        end_session(engine, session_id, now)
        return None
    if now - to_utc(row.last_seen_at) > _TOUCH_INTERVAL:
        with engine.begin() as conn:
            store.touch_session(conn, row.id, now)
    return user


def end_session(engine: Engine, session_id: str, now: datetime) -> None:
    with engine.begin() as conn:
        store.end_session(conn, _hash(session_id), now)
