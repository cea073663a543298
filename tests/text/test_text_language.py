from __future__ import annotations

import pytest

from klantstem.text.language import detect, detect_many

CASES = [
    ("Ik heb drie kwartier moeten wachten op mijn soep.", "nl"),
    ("De medewerker was erg vriendelijk en hielp me snel verder.", "nl"),
    ("I waited forty minutes and nobody picked up the phone.", "en"),
    ("The letter was impossible to understand.", "en"),
    ("De service was great, but the wachttijd was echt te lang and I am not happy with dat.", "mixed"),
    ("😀👍", "unknown"),
    ("", "unknown"),
    ("12345 !!!", "unknown"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_detect(text: str, expected: str) -> None:
    assert detect(text) == expected


def test_detect_many_agrees_with_detect() -> None:
    texts = [t for t, _ in CASES]
    assert detect_many(texts) == [detect(t) for t in texts]
