"""The API's common ground: health without sign-in, one error shape, OpenAPI, tokens, CSRF on cookie writes,
pagination."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from klantstem.users import service as users


def _is_error(body: dict[str, Any], status: int, code: str) -> None:
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message", "details"}
    assert body["error"]["status"] == status and body["error"]["code"] == code
    assert body["error"]["message"]


def test_health_answers_without_signing_in(client: TestClient) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok" and body["schema_up_to_date"] is True


def test_errors_have_one_shape(client: TestClient, signed_in) -> None:
    _is_error(client.get("/api/me").json(), 401, "not_signed_in")
    assert client.get("/api/me").headers["www-authenticate"] == "Bearer"
    _is_error(client.get("/api/no-such-thing").json(), 404, "not_found")
    signed_in("agent")
    _is_error(client.get("/api/users").json(), 403, "forbidden")
    invalid = client.get("/api/me/tokens?limit=0").json()
    _is_error(invalid, 403, "forbidden")  # agents have no tokens at all: the role check comes first


def test_validation_errors_name_the_field(client: TestClient, signed_in) -> None:
    signed_in("admin")
    body = client.get("/api/users?limit=0").json()
    _is_error(body, 422, "invalid_request")
    assert body["error"]["details"][0]["field"] == "query.limit"


def test_openapi_documents_the_api_only(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert spec["info"]["title"] == "klantstem"
    assert "/api/health" in spec["paths"] and "/api/me/tokens" in spec["paths"]
    assert all(path.startswith("/api/") for path in spec["paths"])
    assert "ErrorResponse" in spec["components"]["schemas"]
    assert any(s.get("scheme") == "bearer" for s in spec["components"]["securitySchemes"].values())


def test_a_token_acts_for_its_owner_until_revoked(client: TestClient, signed_in, engine: Engine) -> None:
    analyst = signed_in("analyst")
    made = users.create_api_token(engine, analyst.id, "nightly export")
    client.cookies.clear()
    headers = {"Authorization": f"Bearer {made.secret}"}
    assert client.get("/api/me", headers=headers).json()["email"] == analyst.email
    listed = client.get("/api/me/tokens", headers=headers).json()
    assert [t["name"] for t in listed["items"]] == ["nightly export"] and listed["items"][0]["last_used_at"]
    assert client.delete(f"/api/me/tokens/{made.token.id}", headers=headers).status_code == 204
    _is_error(client.get("/api/me", headers=headers).json(), 401, "not_signed_in")


def test_a_wrong_token_is_refused_even_with_a_session(client: TestClient, signed_in) -> None:
    signed_in("admin")
    response = client.get("/api/me", headers={"Authorization": "Bearer ks_not-a-real-token"})
    _is_error(response.json(), 401, "not_signed_in")


def test_cookie_writes_need_the_csrf_header(client: TestClient, signed_in, web: Any) -> None:
    signed_in("manager")
    refused = client.post("/api/me/tokens", json={"name": "laptop"})
    _is_error(refused.json(), 403, "csrf")
    csrf = web.csrf_of(client.get("/account").text)
    made = client.post("/api/me/tokens", json={"name": "laptop"}, headers={"X-CSRF-Token": csrf})
    assert made.status_code == 201 and made.json()["secret"].startswith("ks_")


def test_token_writes_need_no_csrf(client: TestClient, make_user, engine: Engine) -> None:
    make_user("agent")
    admin = make_user("admin")
    secret = users.create_api_token(engine, admin.id, "provisioning").secret
    headers = {"Authorization": f"Bearer {secret}"}
    body = {"email": "new@example.nl", "name": "New", "role": "interviewer", "password": "long enough pw"}
    assert client.post("/api/users", json=body, headers=headers).status_code == 201
    duplicate = client.post("/api/users", json=body, headers=headers)
    _is_error(duplicate.json(), 400, "bad_request")


def test_pagination(client: TestClient, make_user, engine: Engine) -> None:
    admin = make_user("admin")
    for role in ("agent", "analyst", "manager", "interviewer"):
        make_user(role)
    headers = {"Authorization": f"Bearer {users.create_api_token(engine, admin.id, 'x').secret}"}
    first = client.get("/api/users?limit=2", headers=headers).json()
    assert (first["total"], first["limit"], first["offset"], first["next_offset"]) == (5, 2, 0, 2)
    last = client.get("/api/users?limit=2&offset=4", headers=headers).json()
    assert len(last["items"]) == 1 and last["next_offset"] is None
    everyone = first["items"] + client.get("/api/users?limit=2&offset=2", headers=headers).json()["items"]
    assert len({u["email"] for u in everyone + last["items"]}) == 5


def test_roles_without_tokens_cannot_make_them(engine: Engine, make_user) -> None:
    agent = make_user("agent")
    try:
        users.create_api_token(engine, agent.id, "x")
    except users.UserInputError:
        pass
    else:
        raise AssertionError("an agent got an API token")
    assert users.list_api_tokens(engine, agent.id) == []
