"""Dutch by default, English on request, and no text missing in either language."""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient

from klantstem.web.messages import MESSAGES
from klantstem.web.rendering import TEMPLATES


def test_dutch_is_the_default_and_english_is_a_click_away(client: TestClient) -> None:
    page = client.get("/signin")
    assert '<html lang="nl">' in page.text and "Wachtwoord" in page.text
    switch = client.get("/lang/en?next=/signin", follow_redirects=False)
    assert switch.headers["location"] == "/signin"
    english = client.get("/signin")
    assert '<html lang="en">' in english.text and "Password" in english.text and "Wachtwoord" not in english.text


def test_an_unknown_language_keeps_dutch(client: TestClient) -> None:
    client.get("/lang/xx?next=/signin")
    assert '<html lang="nl">' in client.get("/signin").text


def test_the_language_switch_never_redirects_off_site(client: TestClient) -> None:
    assert client.get("/lang/en?next=//evil.example", follow_redirects=False).headers["location"] == "/"


def test_both_languages_have_every_text() -> None:
    assert set(MESSAGES["nl"]) == set(MESSAGES["en"])
    assert all(MESSAGES["nl"][k].strip() and MESSAGES["en"][k].strip() for k in MESSAGES["nl"])


def test_every_text_a_template_asks_for_exists() -> None:
    asked: set[str] = set()
    for template in TEMPLATES.glob("*.html"):
        asked |= set(re.findall(r"""\bt\(\s*'([a-z_]+\.[a-z0-9_.]+)'""", template.read_text()))
    asked = {key for key in asked if not key.endswith(("_", "."))}  # prefixes of keys built from a value
    assert asked, "templates use t('...')"
    assert asked - set(MESSAGES["nl"]) == set()


def test_every_value_shown_through_a_prefix_has_a_text() -> None:
    from klantstem.db.schema import APPRAISALS, CHANNELS, DIRECTIONS, PROMISE_STATUSES, ROLES
    from klantstem.web.pages.filters import PERIODS

    for prefix, values in (("channel", CHANNELS), ("appraisal", APPRAISALS), ("direction", DIRECTIONS),
                           ("status", PROMISE_STATUSES), ("role", ROLES), ("period", PERIODS),
                           ("promises.per", ("kind", "department", "third_party"))):  # fmt: skip
        separator = "_" if prefix == "promises.per" else "."
        assert {f"{prefix}{separator}{v}" for v in values} <= set(MESSAGES["en"]), prefix


def test_the_language_switch_keeps_the_page_and_its_query(client: TestClient, signed_in) -> None:
    signed_in("analyst")
    here = "/themes?q=wacht&facet=waiting_time&page=2"
    link = re.search(r'href="(/lang/en\?next=[^"]+)"', client.get(here).text)
    assert link, "the page links to English"
    switch = client.get(html.unescape(link.group(1)), follow_redirects=False)
    assert switch.status_code == 303 and switch.headers["location"] == here
    assert client.get("/lang/nl?next=//evil.example/?a=1", follow_redirects=False).headers["location"] == "/"
