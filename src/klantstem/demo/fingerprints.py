"""Fingerprints of demo rows: SHA-256 of each row's identifying content.

They follow the layout the imports and the promise register use (kind, then the normalised values joined by the
ASCII unit separator), so a demo row that comes back through an import or the register is recognised rather than
added twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from hashlib import sha256

SEPARATOR = "\x1f"


def of_parts(kind: str, parts: Sequence[str | None]) -> str:
    joined = SEPARATOR.join([kind, *(part or "" for part in parts)])
    return sha256(joined.encode()).hexdigest()


def of_promise(values: Sequence[object]) -> str:
    """customer, kind, description, made at, due at, staff, department, third party (as the register does)."""
    return sha256(SEPARATOR.join(str(v) for v in values).encode("utf-8")).hexdigest()


def iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None
