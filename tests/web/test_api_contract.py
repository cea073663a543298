"""What a generated client relies on: unsupported methods answer 405 with an Allow header, and enumerated request
fields list their values in the schema."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_unsupported_methods_answer_405_with_allow(client: TestClient) -> None:
    for method, path in (("TRACE", "/api/me"), ("PUT", "/api/health"), ("TRACE", "/signin"), ("DELETE", "/")):
        answer = client.request(method, path)
        assert answer.status_code == 405, (method, path)
        assert "GET" in answer.headers["allow"], (method, path)
    assert client.request("TRACE", "/api/me").json()["error"]["code"] == "method_not_allowed"


def test_enumerated_fields_list_their_values(client: TestClient) -> None:
    schemas = client.get("/api/openapi.json").json()["components"]["schemas"]
    assert schemas["NewContact"]["properties"]["channel"]["enum"][:2] == ["phone", "email"]
    assert schemas["NewContact"]["properties"]["direction"]["enum"] == ["inbound", "outbound"]
    assert schemas["NewStep"]["properties"]["appraisal"]["enum"] == ["bad", "normal", "excellent"]
    assert "interviewer" in schemas["NewUser"]["properties"]["role"]["enum"]

