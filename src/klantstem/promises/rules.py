"""Which later contact keeps which kind of promise.

A callback is kept by an outbound phone contact from whoever is responsible (the third party, else the
department or the person) between the moment it was made and its due time. Promises with an expected process
activity ("SIM-kaart verzonden") are kept when that event happens in their case in time. Kinds without a rule
and without an expected activity are kept by hand (`klantstem promises keep`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KeepRule:
    channels: frozenset[str]  # empty: any channel
    direction: str = "outbound"


_PHONE = KeepRule(frozenset({"phone"}))
_EMAIL = KeepRule(frozenset({"email"}))
_WRITTEN = KeepRule(frozenset({"letter", "email"}))
_VISIT = KeepRule(frozenset({"visit"}))
_ANY = KeepRule(frozenset())

KEEP_RULES: dict[str, KeepRule] = {
    "callback": _PHONE,
    "call": _PHONE,
    "terugbellen": _PHONE,
    "bellen": _PHONE,
    "email": _EMAIL,
    "mail": _EMAIL,
    "letter": _WRITTEN,
    "brief": _WRITTEN,
    "visit": _VISIT,
    "bezoek": _VISIT,
    "answer": _ANY,
    "reply": _ANY,
    "antwoord": _ANY,
    "reactie": _ANY,
    "follow_up": _ANY,
}


def normalise_kind(kind: str) -> str:
    return "_".join(kind.strip().lower().replace("-", " ").split())


def rule_groups() -> dict[KeepRule, list[str]]:
    """Kinds per rule, so one statement keeps all kinds that share a rule."""
    groups: dict[KeepRule, list[str]] = {}
    for kind, rule in KEEP_RULES.items():
        groups.setdefault(rule, []).append(kind)
    return groups
