"""Staff users: adding them, signing in (Argon2, lockout after repeated failures), API tokens, app secrets."""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Engine, Row
from sqlalchemy.exc import IntegrityError

from klantstem.clock import Clock, SystemClock
from klantstem.dates import to_utc
from klantstem.db.engine import reading
from klantstem.db.schema import ROLES
from klantstem.errors import NotFoundError, UserInputError
from klantstem.users import store
from klantstem.users.model import AccountLockedError, ApiToken, NewApiToken, SignInError, User
from klantstem.users.roles import PERMISSIONS, Action, actions_of, can
from klantstem.users.sessions import end_session, session_user, start_session

__all__ = [
    "PERMISSIONS",
    "ROLES",
    "AccountLockedError",
    "Action",
    "ApiToken",
    "NewApiToken",
    "SignInError",
    "User",
    "actions_of",
    "add_demo_accounts",
    "add_user",
    "authenticate",
    "can",
    "create_api_token",
    "end_session",
    "get_user",
    "list_api_tokens",
    "list_users",
    "normalise_email",
    "revoke_api_token",
    "secret_value",
    "session_user",
    "set_password",
    "start_session",
    "update_user",
    "user_for_token",
]

MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 10
TOKEN_PREFIX = "ks_"
_TOKEN_TOUCH_INTERVAL = timedelta(minutes=1)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verified against when the address is unknown, so a wrong address costs as long as a wrong password."""
    return _hasher.hash(secrets.token_hex(16))


def normalise_email(email: str) -> str:
    value = email.strip().lower()
    if not _EMAIL.match(value) or len(value) > 320:
        raise UserInputError(f"not an e-mail address: {email!r}")
    return value


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserInputError(f"the password needs at least {MIN_PASSWORD_LENGTH} characters")


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise UserInputError(f"unknown role {role!r}: use one of {', '.join(ROLES)}")


def add_user(engine: Engine, email: str, name: str, role: str, password: str) -> User:
    """A new staff user who can sign in. Raises UserInputError for a bad value or a taken address."""
    address = normalise_email(email)
    if not name.strip():
        raise UserInputError("the name is empty")
    _check_role(role)
    _check_password(password)
    password_hash = _hasher.hash(password)
    try:
        with engine.begin() as conn:
            user_id = store.insert_user(conn, address, name.strip(), role, password_hash)
            user = store.user_by_id(conn, user_id)
    except IntegrityError:
        raise UserInputError(f"a user with e-mail address {address} already exists") from None
    assert user is not None
    return user


DEMO_PASSWORD = "klantstem-demo"
DEMO_DOMAIN = "demo.klantstem.nl"
_DEMO_NAMES = {"admin": "Anna Beheer", "manager": "Mark Manager", "analyst": "Aisha Analist",
               "agent": "Koen Klantcontact", "interviewer": "Iris Interviewer"}  # fmt: skip


def add_demo_accounts(engine: Engine, password: str = DEMO_PASSWORD) -> list[tuple[str, str]]:
    """One account per role for the demo organisation: `<role>@demo.klantstem.nl`, all with the documented
    demo password; accounts that exist already are left alone. Returns (e-mail address, role) pairs."""
    made: list[tuple[str, str]] = []
    existing = {u.email for u in list_users(engine)}
    for role in ROLES:
        email = f"{role}@{DEMO_DOMAIN}"
        if email not in existing:
            add_user(engine, email, _DEMO_NAMES.get(role, role), role, password)
        made.append((email, role))
    return made


def get_user(engine: Engine, user_id: int) -> User | None:
    """The active user with this id, or None."""
    with reading(engine) as conn:
        user = store.user_by_id(conn, user_id)
    return user if user is not None and user.active else None


def list_users(engine: Engine) -> list[User]:
    with reading(engine) as conn:
        return store.list_users(conn)


def update_user(
    engine: Engine, user_id: int, *, role: str | None = None, active: bool | None = None, clock: Clock | None = None
) -> User:
    """Change a user's role or switch them off; at least one active admin always remains. A change of role or
    status ends the user's web sessions (they sign in again under the new rights)."""
    values: dict[str, object] = {}
    if role is not None:
        _check_role(role)
        values["role"] = role
    if active is not None:
        values["active"] = active
    with engine.begin() as conn:
        before = store.user_by_id(conn, user_id)
        if before is None or not values or not store.update_user(conn, user_id, **values):
            raise NotFoundError(f"no user {user_id}")
        if store.count_admins(conn) == 0:
            raise UserInputError("at least one active admin must remain")
        user = store.user_by_id(conn, user_id)
        assert user is not None
        if user.role != before.role or user.active != before.active:
            store.end_sessions_of(conn, user_id, (clock or SystemClock()).now())
    return user


def set_password(engine: Engine, user_id: int, password: str, clock: Clock | None = None) -> None:
    """A new password; every web session of the user ends."""
    _check_password(password)
    with engine.begin() as conn:
        if not store.update_user(conn, user_id, password_hash=_hasher.hash(password)):
            raise NotFoundError(f"no user {user_id}")
        store.end_sessions_of(conn, user_id, (clock or SystemClock()).now())


def authenticate(engine: Engine, email: str, password: str, clock: Clock | None = None) -> User:
    """The user with this address and password. Raises SignInError, or AccountLockedError once
    MAX_FAILURES attempts failed within FAILURE_WINDOW (counted for unknown addresses too)."""
    now = (clock or SystemClock()).now()
    address = email.strip().lower()
    locked: datetime | None = None
    with engine.begin() as conn:
        failed = store.failures(conn, address)
        already = _locked_until(failed, now)
        if already is None:
            found = store.user_and_hash_by_email(conn, address)
            user = _verified(found, password)
            if user is None:
                locked = _record_failure(conn, address, failed, now)
            else:
                store.clear_failures(conn, address)
                assert found is not None and found[1] is not None
                if _hasher.check_needs_rehash(found[1]):
                    store.update_user(conn, user.id, password_hash=_hasher.hash(password))
                return user
    if already is not None or locked is not None:
        raise AccountLockedError(already or locked)  # type: ignore[arg-type]
    raise SignInError()


def _verified(found: tuple[User, str | None] | None, password: str) -> User | None:
    user, password_hash = found if found is not None else (None, None)
    if user is None or not password_hash:
        _verify(_dummy_hash(), password)
        return None
    return user if _verify(password_hash, password) and user.active else None


def _locked_until(failed: Row[*tuple[Any, ...]] | None, now: datetime) -> datetime | None:
    if failed is None or failed.locked_until is None:
        return None
    until = to_utc(failed.locked_until)
    return until if until > now else None


def _record_failure(
    conn: Connection, address: str, failed: Row[*tuple[Any, ...]] | None, now: datetime
) -> datetime | None:
    """Count one failure; the moment the lock ends when this failure locks the address."""
    if failed is None or now - to_utc(failed.first_failed_at) > FAILURE_WINDOW:
        count, first = 1, now
    else:
        count, first = int(failed.failures) + 1, to_utc(failed.first_failed_at)
    locked_until = now + LOCKOUT if count >= MAX_FAILURES else None
    store.set_failures(conn, address, count, first, locked_until)
    return locked_until


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


# --- API tokens ----------------------------------------------------------------------------------------------


def _token_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


MAX_TOKEN_DAYS = 3650


def create_api_token(
    engine: Engine, user_id: int, name: str, clock: Clock | None = None, lifetime_days: int | None = None
) -> NewApiToken:
    """A new API token for this user, valid for `lifetime_days` (None: until revoked); the secret is returned
    once and only its hash is stored."""
    label = name.strip()
    if not label or len(label) > 100:
        raise UserInputError("a token needs a name of 1 to 100 characters")
    if lifetime_days is not None and not 1 <= lifetime_days <= MAX_TOKEN_DAYS:
        raise UserInputError(f"a token's lifetime is 1 to {MAX_TOKEN_DAYS} days")
    user = get_user(engine, user_id)
    if user is None:
        raise NotFoundError(f"no user {user_id}")
    if not can(user.role, Action.use_api_tokens):
        raise UserInputError(f"the role {user.role} cannot use API tokens")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    now = (clock or SystemClock()).now()
    expires_at = now + timedelta(days=lifetime_days) if lifetime_days is not None else None
    with engine.begin() as conn:
        token = store.insert_token(conn, user_id, label, _token_hash(secret), now, expires_at)
    return NewApiToken(secret=secret, token=token)


def list_api_tokens(engine: Engine, user_id: int) -> list[ApiToken]:
    with reading(engine) as conn:
        return store.tokens_of(conn, user_id)


def revoke_api_token(engine: Engine, user_id: int, token_id: int, clock: Clock | None = None) -> None:
    now = (clock or SystemClock()).now()
    with engine.begin() as conn:
        if not store.revoke_token(conn, user_id, token_id, now):
            raise NotFoundError(f"no live token {token_id}")


def user_for_token(engine: Engine, secret: str, clock: Clock | None = None) -> User | None:
    """The active user a live (not revoked, not expired) token belongs to, or None. Notes the last use at most
    once a minute."""
    if not secret.startswith(TOKEN_PREFIX):
        return None
    with reading(engine) as conn:
        owner = store.token_owner(conn, _token_hash(secret))
        if owner is None:
            return None
        user = store.user_by_id(conn, owner.staff_id)
    if user is None or not user.active or not can(user.role, Action.use_api_tokens):
        return None
    now = (clock or SystemClock()).now()
    if owner.expires_at is not None and to_utc(owner.expires_at) <= now:
        return None
    if owner.last_used_at is None or now - to_utc(owner.last_used_at) > _TOKEN_TOUCH_INTERVAL:
        with engine.begin() as conn:
            store.touch_token(conn, owner.id, now)
    return user


# --- secrets -------------------------------------------------------------------------------------------------


def secret_value(engine: Engine, name: str, clock: Clock | None = None) -> str:
    """A random secret kept in the database (e.g. the key that signs session cookies), made on first use;
    every process serving the same database gets the same one."""
    with reading(engine) as conn:
        value = store.secret(conn, name)
    if value is not None:
        return value
    now = (clock or SystemClock()).now()
    with engine.begin() as conn:
        store.insert_secret(conn, name, secrets.token_urlsafe(48), now)
        value = store.secret(conn, name)
    assert value is not None
    return value
