"""Every text of the user interface in Dutch and English, side by side (key -> (Dutch, English)), gathered
from the frame's texts and the pages' texts."""

from __future__ import annotations

from klantstem.web.messages_actions import ACTIONS
from klantstem.web.messages_core import CORE
from klantstem.web.messages_pages import PAGES
from klantstem.web.messages_problems import PROBLEMS
from klantstem.web.messages_report import REPORT

_PAIRS: dict[str, tuple[str, str]] = {**CORE, **PAGES, **PROBLEMS, **REPORT, **ACTIONS}

MESSAGES: dict[str, dict[str, str]] = {
    "nl": {key: pair[0] for key, pair in _PAIRS.items()},
    "en": {key: pair[1] for key, pair in _PAIRS.items()},
}
