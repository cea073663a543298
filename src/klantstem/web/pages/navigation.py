"""Where a page may send people next: only paths on this site (no open redirects)."""

from __future__ import annotations

from klantstem.users import service as users

Action = users.Action

# The first page each role lands on after signing in, in order of preference.
_LANDING = (
    (Action.view_dashboard, "/dashboard"),
    (Action.view_promises, "/promises"),
    (Action.record_interview, "/interviews"),
    (Action.view_customer, "/customers"),
)


def safe_next(target: str | None, default: str = "/") -> str:
    """`target` when it is a path on this site, else `default`."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    if any(ord(ch) < 32 for ch in target):
        return default
    return target


def landing_page(role: str) -> str:
    for action, path in _LANDING:
        if users.can(role, action):
            return path
    return "/account"
