"""Personal interview links: the link's id, signed so that nobody can guess or change it."""

from __future__ import annotations

from itsdangerous import BadSignature, URLSafeSerializer

_SALT = "klantstem-interview-link"


def token_for(secret: str, link_id: int) -> str:
    return str(URLSafeSerializer(secret, salt=_SALT).dumps({"link": link_id}))


DEFAULT_BASE_URL = "http://127.0.0.1:8000"


def public_url(base_url: str, secret: str, link_id: int) -> str:
    """The address a customer opens: the configured public base URL (never the request's Host header, which a
    client chooses) with the signed token."""
    return (base_url.strip() or DEFAULT_BASE_URL).rstrip("/") + "/i/" + token_for(secret, link_id)


def link_id_of(secret: str, token: str) -> int | None:
    """The link id signed into `token`, or None when the token was not made here."""
    try:
        data = URLSafeSerializer(secret, salt=_SALT).loads(token)
    except BadSignature:
        return None
    value = data.get("link") if isinstance(data, dict) else None
    return value if isinstance(value, int) else None
