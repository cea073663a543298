"""The management report through the web: the page, the report itself (HTML and PDF) and /api/report."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from klantstem.demo.service import DemoSize, build_demo


def test_report_page_view_pdf_and_api(client: TestClient, engine: Engine, signed_in) -> None:
    build_demo(engine, seed=4, size=DemoSize(customers=120, contacts=600, stories=150, events=3000))
    signed_in("manager")
    page = client.get("/report")
    assert page.status_code == 200 and 'value="2026-10"' in page.text  # the last whole month before 23 Nov
    html = client.get("/report/view", params={"period": "2026-10"})
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert "Managementrapportage klantstem" in html.text and "<svg" in html.text and "<script" not in html.text
    assert "Gemaakt op 23-11-2026" in html.text and not re.search(r"\b20\d\d-\d\d-\d\d\b", html.text)
    pdf = client.get("/report/view", params={"period": "2026-Q3", "format": "pdf"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert "attachment" in pdf.headers["content-disposition"]
    data = client.get("/api/report", params={"period": "2026-10", "lang": "en", "department": "Klantenservice"})
    assert data.status_code == 200
    body = data.json()
    assert body["department"] == "Klantenservice" and body["period"]["label"] == "2026-10"
    assert body["takeaways"]["tests"] > 0 and "now" in body
    assert body["generated_at"] == "2026-11-23T11:00:00+01:00"  # in the organisation's zone, with its offset


def test_report_api_bad_input_is_a_400_with_the_reason(client: TestClient, signed_in) -> None:
    signed_in("analyst")
    response = client.get("/api/report", params={"period": "2099-01"})
    assert response.status_code == 400
    assert "in the future" in response.json()["error"]["message"]
