"""What the users domain hands out: users, their tokens, and the errors of signing in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from klantstem.errors import UserInputError


@dataclass(frozen=True)
class User:
    id: int
    name: str
    email: str
    role: str
    department_id: int | None
    active: bool


@dataclass(frozen=True)
class ApiToken:
    id: int
    name: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None
    expires_at: datetime | None = None  # None: no lifetime


@dataclass(frozen=True)
class NewApiToken:
    """A token just made: `secret` is shown once and never stored (only its hash is)."""

    secret: str
    token: ApiToken


class SignInError(UserInputError):
    """Wrong e-mail address or password; says nothing about which of the two."""

    def __init__(self) -> None:
        super().__init__("the e-mail address or the password is not right")


class AccountLockedError(SignInError):
    """Too many failed attempts: signing in is refused until `locked_until`."""

    def __init__(self, locked_until: datetime) -> None:
        UserInputError.__init__(self, "too many failed attempts: try again later")
        self.locked_until = locked_until
