"""Durations told in text ("drie kwartier", "47 minuten", "10 dagen", "een week", "for weeks") in seconds."""

from __future__ import annotations

import re

from klantstem.text.results import Duration, Span

_NUMBERS: dict[str, float] = {
    "een": 1,
    "één": 1,
    "eén": 1,
    "a": 1,
    "an": 1,
    "one": 1,
    "twee": 2,
    "two": 2,
    "drie": 3,
    "three": 3,
    "vier": 4,
    "four": 4,
    "vijf": 5,
    "five": 5,
    "zes": 6,
    "six": 6,
    "zeven": 7,
    "seven": 7,
    "acht": 8,
    "eight": 8,
    "negen": 9,
    "nine": 9,
    "tien": 10,
    "ten": 10,
    "elf": 11,
    "eleven": 11,
    "twaalf": 12,
    "twelve": 12,
    "vijftien": 15,
    "fifteen": 15,
    "twintig": 20,
    "twenty": 20,
    "dertig": 30,
    "thirty": 30,
    "veertig": 40,
    "forty": 40,
    "vijftig": 50,
    "fifty": 50,
    "zestig": 60,
    "sixty": 60,
    "anderhalf": 1.5,
    "anderhalve": 1.5,
    "half": 0.5,
    "halve": 0.5,
    "een half": 0.5,
    "een halve": 0.5,
    "a half": 0.5,
    "een paar": 2,
    "paar": 2,
    "a couple of": 2,
    "a few": 3,
    "couple of": 2,
    "few": 3,
    "enkele": 3,
    "several": 3,
    "meerdere": 3,
}
_VAGUE = frozenset({"een paar", "paar", "a couple of", "a few", "couple of", "few", "enkele", "several", "meerdere"})
_UNITS: dict[str, tuple[str, float]] = {}
for _names, _unit, _seconds in (
    ("seconde seconden sec second seconds secs", "second", 1),
    ("minuut minuten min mins minute minutes", "minute", 60),
    ("kwartier kwartiertje", "quarter", 900),
    ("uur uren uurtje hour hours hrs", "hour", 3600),
    ("dag dagen day days", "day", 86400),
    ("werkdag werkdagen werkdag(en)", "workday", 86400),
    ("week weken weeks", "week", 604800),
    ("maand maanden month months", "month", 2_592_000),
    ("jaar jaren year years", "year", 31_536_000),
):
    for _name in _names.split():
        _UNITS[_name] = (_unit, _seconds)
_UNITS["working days"] = ("workday", 86400)
_UNITS["business days"] = ("workday", 86400)
_PLURAL_ALONE = frozenset(["dagen", "weken", "maanden", "jaren", "uren", "days", "weeks", "months", "years", "hours"])

_NUM = r"\d+(?:[.,]\d+)?|" + "|".join(re.escape(w) for w in sorted(_NUMBERS, key=len, reverse=True))
_UNIT = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
_QUALIFIER = (
    r"meer dan|ruim|bijna|ongeveer|circa|zo'n|zo’n|minstens|wel|more than|almost|about|around|nearly|over|at least"
)
DURATION_RE = re.compile(
    rf"\b(?:(?P<qual>{_QUALIFIER})\s+)?(?:(?P<num>{_NUM})(?:\s+(?P<half>en een half|and a half))?\s*)?"
    rf"(?P<unit>{_UNIT})(?!\w)(?:\s+(?P<half2>and a half))?"
)
_UNIT_HINT = re.compile(r"sec|min|kwartier|uur|uren|dag|day|week|weken|maand|month|jaar|jaren|year|hour|hrs")
_WAIT_CONTEXT = re.compile(
    r"\bwacht|\bgewacht|\bduurde|\bduurt|in de wacht|aan de telefoon|aan het bellen|aan de lijn|\bpas\b|\bvoordat|"
    r"\blater\b|\bon hold\b|\bwait|\btook\b|\bbefore\b|\bstill\b|\bal\s+(?:\d|een|twee|drie|vier|vijf|zes|zeven|acht|"
    r"negen|tien|elf|twaalf|ruim|meer|dagen|weken|maanden)|\bgeleden\b|\binmiddels\b|\bago\b|\bsinds\b|"
    r"\bsince\b|\bin behandeling\b|\bhold music\b|\bwachtmuziek\b|\bduren\b|\bis nu\b|\bnow\b|\balready\b|"
    r"\bnog\s+(?:steeds|altijd)\b"
)
_PROMISE_BEFORE = re.compile(r"(?:binnen|within|in|uiterlijk|over)\s+(?:(?:de|het|the|next|volgende)\s+)?$")


def find_durations(text: str, lower: str) -> list[Duration]:
    """Every duration; `kind` is "promise" after "binnen"/"within", "wait" in a waiting context, else "other"."""
    found: list[Duration] = []
    if not _UNIT_HINT.search(lower):
        return found
    for m in DURATION_RE.finditer(lower):
        unit_word = m.group("unit")
        num = m.group("num")
        if num is None and unit_word not in _PLURAL_ALONE:
            continue
        unit, per = _UNITS[unit_word]
        value = _value(num, m.group("half") or m.group("half2"))
        approximate = num is None or num in _VAGUE or m.group("qual") is not None
        amount = value if value is not None else 2.0
        if unit == "quarter":
            unit, amount, value = "minute", amount * 15, (value * 15 if value is not None else None)
            per = 60
        kind = _kind(lower, m.start(), m.end())
        span = Span(m.start(), m.end(), text[m.start() : m.end()])
        found.append(Duration(span, value, unit, amount * per, approximate, kind))
    return found


def _value(num: str | None, half: str | None) -> float | None:
    if num is None:
        return None
    value = _NUMBERS.get(num)
    if value is None:
        try:
            value = float(num.replace(",", "."))
        except ValueError:
            return None
    return value + (0.5 if half else 0.0)


def _kind(lower: str, start: int, end: int) -> str:
    if _PROMISE_BEFORE.search(lower, max(0, start - 30), start):
        return "promise"
    left = max(lower.rfind(".", 0, start), lower.rfind("!", 0, start), lower.rfind("?", 0, start), start - 80)
    right_stops = [i for i in (lower.find(".", end), lower.find("!", end), lower.find("?", end)) if i >= 0]
    right = min([*right_stops, end + 60])
    return "wait" if _WAIT_CONTEXT.search(lower, left, right) else "other"
