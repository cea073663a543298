"""Customer text is untrusted: stories with script, attribute and URL payloads are stored exactly as written and
shown inert on every page and in the API."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from klantstem.clock import FixedClock
from klantstem.customers import service as customers
from klantstem.db import schema
from klantstem.insights import service as insights
from klantstem.stories import service as stories

PAYLOADS = [
    "<script>alert('xss')</script>",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(2)' x='",
    "javascript:alert(3)",
    "</script><script>alert(4)</script>",
    '<a href="javascript:alert(5)">klik</a>',
    "{{ 7*7 }} {% raw %}",
]
STEP = "Ik stond 45 minuten in de wacht " + " ".join(PAYLOADS)


@pytest.fixture
def hostile(engine: Engine, clock: FixedClock) -> dict[str, int]:
    """A customer whose name and story are payloads, told through the real interview."""
    customer = customers.add_customer(engine, clock, name=PAYLOADS[1], email="x@example.nl")
    story = stories.start_interview(engine, clock, customer_id=customer.id, staff_id=None, title=PAYLOADS[0])
    stories.add_step(engine, clock, story.story_id, description=STEP, appraisal="bad", opinion=PAYLOADS[2])
    question = stories.get_interview(engine, story.story_id).open_questions[0]
    stories.answer(engine, story.story_id, question.id, PAYLOADS[3])
    stories.finish(engine, story.story_id)
    stories.confirm(engine, clock, story.story_id)
    insights.analyse_stories(engine, clock)
    return {"customer": customer.id, "story": story.story_id}


class _Elements(HTMLParser):
    """Every element of a page with its attributes, as the browser would build them."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))


def _assert_inert(page: str) -> None:
    """No payload became markup: the only scripts are the app's own files and JSON data blocks, no element
    has an event handler, no link or source points at javascript:, no image was injected."""
    parser = _Elements()
    parser.feed(page)
    for tag, attrs in parser.elements:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        for name in ("href", "src", "action", "formaction"):
            assert not attrs.get(name, "").strip().lower().startswith("javascript:"), (tag, attrs)
        assert tag != "img", attrs
        if tag == "script":
            assert attrs.get("src", "").startswith("/static/") or attrs.get("type") == "application/json", attrs
    assert "{{ 7*7 }}" in html.unescape(page) or "7*7" not in html.unescape(page), "templates are not evaluated"


def test_payloads_are_stored_as_written(engine: Engine, hostile: dict[str, int]) -> None:
    with engine.connect() as conn:
        step = conn.execute(select(schema.story_steps.c.description)).scalar_one()
        title = conn.execute(select(schema.stories.c.title)).scalar_one()
        name = conn.execute(select(schema.customers.c.display_name)).scalar_one()
    assert step == STEP and title == PAYLOADS[0] and name == PAYLOADS[1]


@pytest.mark.parametrize(
    "path",
    ["/customers/{customer}", "/interviews/{story}", "/interviews", "/dashboard", "/themes?q=wacht",
     "/themes?q=javascript", "/corrections"],
)  # fmt: skip
def test_pages_show_payloads_inert(client: TestClient, signed_in, hostile: dict[str, int], path: str) -> None:
    signed_in("admin")
    page = client.get(path.format(**hostile))
    assert page.status_code == 200
    _assert_inert(page.text)
    shown = html.unescape(page.text)
    assert any(payload in shown for payload in PAYLOADS), "the words are shown, as text"


def test_the_interview_shows_the_words_escaped(client: TestClient, signed_in, hostile: dict[str, int]) -> None:
    signed_in("interviewer")
    page = client.get(f"/interviews/{hostile['story']}").text
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in page
    assert "javascript:alert(3)" in page  # shown as text, never as a link
    assert 'href="javascript' not in page


def test_chart_data_cannot_close_its_script_block(client: TestClient, signed_in, hostile: dict[str, int]) -> None:
    signed_in("manager")
    page = client.get("/dashboard").text
    for block in re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', page, re.S):
        assert "<" not in block and ">" not in block
        json.loads(block)


def test_the_api_returns_the_words_as_written(client: TestClient, signed_in, hostile: dict[str, int]) -> None:
    signed_in("admin")
    body = client.get(f"/api/customers/{hostile['customer']}").json()
    assert body["summary"]["customer"]["display_name"] == PAYLOADS[1]
    stories_found = client.get("/api/stories", params={"q": "javascript"}).json()["items"]
    assert stories_found and PAYLOADS[3] in stories_found[0]["text"]
    assert client.get("/api/customers/1").headers["content-type"].startswith("application/json")


def test_every_page_forbids_inline_scripts(client: TestClient, signed_in, hostile: dict[str, int]) -> None:
    signed_in("admin")
    csp = client.get("/dashboard").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert client.get("/dashboard").headers["x-content-type-options"] == "nosniff"


def test_the_training_csv_neutralises_formulas(
    client: TestClient, signed_in, engine: Engine, clock: FixedClock, hostile: dict[str, int]
) -> None:
    analyst = signed_in("analyst")
    customer = customers.add_customer(engine, clock, name="Formule", email="f@example.nl")
    story = stories.start_interview(engine, clock, customer_id=customer.id, staff_id=None).story_id
    stories.add_step(engine, clock, story, description='=HYPERLINK("http://evil.example","klik")', appraisal="bad")
    stories.finish(engine, story)
    insights.analyse_stories(engine, clock)
    insights.correct_appraisal(engine, clock, story, "bad", analyst.id)
    csv_text = client.get("/corrections/training.csv").text
    assert "'=HYPERLINK" in csv_text and "\n=HYPERLINK" not in csv_text and '\n"=HYPERLINK' not in csv_text
