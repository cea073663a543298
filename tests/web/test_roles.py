"""Each role can do exactly what it should and nothing more: every action tried by every role, through the
pages and through the API."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from klantstem.clock import FixedClock
from klantstem.customers import service as customers
from klantstem.db.schema import ROLES
from klantstem.users import service as users

ALL = set(ROLES)
# (what, method, path, body, roles allowed) — the specification, written out rather than derived from the code
MATRIX: list[tuple[str, str, str, dict[str, Any] | None, set[str]]] = [
    ("see the dashboard", "GET", "/dashboard", None, {"admin", "manager", "analyst"}),
    ("dashboard data", "GET", "/api/dashboard", None, {"admin", "manager", "analyst"}),
    ("see a customer", "GET", "/customers/{customer}", None, ALL),
    ("customer data", "GET", "/api/customers/{customer}", None, ALL),
    ("record a contact", "POST", "/customers/{customer}/contacts", {"channel": "phone", "subject": "x"},
     {"admin", "manager", "agent"}),
    ("record a contact (API)", "POST", "/api/customers/{customer}/contacts", {"channel": "phone", "subject": "y"},
     {"admin", "manager", "agent"}),
    ("add a note", "POST", "/customers/{customer}/notes", {"text": "belt liever 's ochtends"},
     {"admin", "manager", "agent"}),
    ("add a note (API)", "POST", "/api/customers/{customer}/notes", {"text": "liever per e-mail"},
     {"admin", "manager", "agent"}),
    ("list interviews", "GET", "/interviews", None, {"admin", "manager", "agent", "interviewer"}),
    ("start an interview (API)", "POST", "/api/interviews", {"customer_id": "{customer}"},
     {"admin", "manager", "agent", "interviewer"}),
    ("invite a customer", "POST", "/api/customers/{customer}/interview-links", {},
     {"admin", "manager", "interviewer"}),
    ("see promises", "GET", "/promises", None, {"admin", "manager", "agent"}),
    ("promise data", "GET", "/api/promises", None, {"admin", "manager", "agent"}),
    ("mark a promise kept", "POST", "/api/promises/999999/keep", {}, {"admin", "manager", "agent"}),
    ("see the process", "GET", "/process", None, {"admin", "manager", "analyst"}),
    ("process data", "GET", "/api/process", None, {"admin", "manager", "analyst"}),
    ("search stories", "GET", "/themes?q=x", None, {"admin", "manager", "analyst"}),
    ("story data", "GET", "/api/stories?q=x", None, {"admin", "manager", "analyst"}),
    ("see the report page", "GET", "/report", None, {"admin", "manager", "analyst"}),
    ("report data", "GET", "/api/report?period=2026-10", None, {"admin", "manager", "analyst"}),
    ("see corrections", "GET", "/corrections", None, {"admin", "analyst"}),
    ("correct an appraisal", "POST", "/api/stories/999999/appraisal", {"level": "bad"}, {"admin", "analyst"}),
    ("training examples", "GET", "/corrections/training.csv", None, {"admin", "analyst"}),
    ("manage users", "GET", "/users", None, {"admin"}),
    ("users data", "GET", "/api/users", None, {"admin"}),
    ("add a user (API)", "POST", "/api/users",
     {"email": "n@example.nl", "name": "N", "role": "agent", "password": "a long password"}, {"admin"}),
    ("make an API token", "POST", "/api/me/tokens", {"name": "t"}, {"admin", "manager", "analyst"}),
    ("problem data", "GET", "/api/problems", None, {"admin", "manager", "analyst"}),
    ("move a problem on", "POST", "/api/problems/999999/status", {"status": "acknowledged"}, {"admin", "manager"}),
    ("export personal data (API)", "GET", "/api/customers/{customer}/personal-data", None, {"admin"}),
    ("erase a customer (API)", "POST", "/api/customers/999999/erase", {"confirm": True}, {"admin"}),
    ("register a promise", "POST", "/customers/{customer}/promises",
     {"kind": "callback", "description": "terugbellen", "due": "binnen 2 werkdagen"}, {"admin", "manager", "agent"}),
    ("record a delegate", "POST", "/customers/{customer}/delegates", {"name": "Marie"}, {"admin", "manager", "agent"}),
    ("see likely duplicates", "GET", "/duplicates", None, {"admin", "manager"}),
    ("merge customers", "POST", "/customers/{customer}/merge", {"target": "nobody@example.nl"}, {"admin", "manager"}),
    ("own account", "GET", "/account", None, ALL),
    ("who am I", "GET", "/api/me", None, ALL),
]  # fmt: skip


def _fill(value: Any, ids: dict[str, int]) -> Any:
    if isinstance(value, str):
        filled = value.format(**ids)
        return int(filled) if value.startswith("{") and filled.isdigit() else filled
    if isinstance(value, dict):
        return {k: _fill(v, ids) for k, v in value.items()}
    return value


def _try(client: TestClient, web: Any, method: str, path: str, body: dict[str, Any] | None) -> int:
    if method == "GET":
        return client.get(path, follow_redirects=False).status_code
    csrf = web.csrf_of(client.get("/account").text)
    if path.startswith("/api/"):
        return client.post(path, json=body, headers={"X-CSRF-Token": csrf}, follow_redirects=False).status_code
    return client.post(path, data={**(body or {}), "csrf": csrf}, follow_redirects=False).status_code


@pytest.mark.parametrize("role", ROLES)
def test_role_matrix(
    client: TestClient, web: Any, engine: Engine, clock: FixedClock, make_user, password: str, role: str
) -> None:
    if role != "admin":
        make_user("admin", "other-admin@example.nl")
    user = make_user(role)
    web.sign_in(client, user.email, password)
    ids = {"customer": customers.add_customer(engine, clock, name="Klant", email="klant@example.nl").id}
    wrong: list[str] = []
    for what, method, path, body, allowed in MATRIX:
        status = _try(client, web, method, _fill(path, ids), _fill(body, ids))
        if role in allowed and (status in (401, 403) or status >= 500):
            wrong.append(f"{role} may {what} but got {status}")
        if role not in allowed and status != 403:
            wrong.append(f"{role} may not {what} but got {status}")
    assert wrong == []


def test_the_matrix_covers_every_action() -> None:
    """Every action a role can be given is tried above (through at least one of its routes)."""
    tried = {"view_dashboard", "view_customer", "add_contact", "record_interview", "invite_customer",
             "view_promises", "update_promise", "view_process", "view_themes", "correct_labels", "manage_users",
             "use_api_tokens", "view_problems", "manage_problems", "view_report", "handle_personal_data", "add_promise",
             "manage_delegates", "merge_customers"}  # fmt: skip
    assert tried == {a.value for a in users.Action}


def test_pages_show_only_the_menu_a_role_may_use(client: TestClient, signed_in) -> None:
    signed_in("interviewer")
    nav = client.get("/account").text.split("<nav", 1)[1].split("</nav>", 1)[0]
    assert 'href="/interviews"' in nav and 'href="/customers"' in nav
    for hidden in ("/dashboard", "/promises", "/process", "/themes", "/corrections", "/users"):
        assert f'href="{hidden}"' not in nav
