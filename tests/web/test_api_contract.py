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




def test_enumerated_query_parameters_and_answers_list_their_values(client: TestClient) -> None:
    """The filters a generated client sends (channel, period, a problem's status, the report's language) and the
    health answer's status list their values too."""
    schema = client.get("/api/openapi.json").json()

    def parameter(path: str, name: str) -> dict[str, object]:
        found = [p["schema"] for p in schema["paths"][path]["get"]["parameters"] if p["name"] == name]
        return found[0]

    assert parameter("/api/dashboard", "channel")["enum"][:2] == ["phone", "email"]
    assert parameter("/api/dashboard", "period")["enum"] == ["30d", "90d", "365d", "all"]
    assert parameter("/api/process", "period")["enum"] == ["30d", "90d", "365d", "all"]
    assert {"open", "new", "fixed", "verified"} <= set(parameter("/api/problems", "status")["enum"])
    assert parameter("/api/report", "lang")["enum"] == ["nl", "en"]
    components = schema["components"]["schemas"]
    assert components["FacetLabel"]["properties"]["level"]["enum"] == ["bad", "normal", "excellent", None]
    assert components["Health"]["properties"]["status"]["enum"] == ["ok", "unavailable"]
