"""Dutch and English for the user interface. Dutch is the default; a cookie remembers the switch."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import Request

from klantstem.dates import shown_day
from klantstem.errors import KlantstemError
from klantstem.web.messages import MESSAGES

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
LANGUAGE_COOKIE = "ks_lang"


def language_of(request: Request) -> str:
    """The language the reader chose (cookie), else the one known for them (a customer's), else Dutch."""
    chosen = request.cookies.get(LANGUAGE_COOKIE) or getattr(request.state, "preferred_language", None)
    return chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE


def prefer_language(request: Request, language: str | None) -> None:
    """The language known for the reader of this request (e.g. the customer of a personal link), used when they
    chose none themselves; only its first two letters count ("en-GB" is English)."""
    if language:
        request.state.preferred_language = language[:2].lower()


COUNTS = ("n", "total")  # values that count something: written as the reader writes numbers, and choose the plural


def translate(lang: str, key: str, **values: object) -> str:
    """The text for `key` in `lang`; the key itself when it is missing (a test checks none is). A count of one
    (`n` or `total`) takes the singular `<key>.one` when there is one ("1 contact", "2 contacten")."""
    table = MESSAGES.get(lang, MESSAGES[DEFAULT_LANGUAGE])
    if not values:
        return table.get(key, key)
    counted = next((values[name] for name in COUNTS if name in values), None)
    if counted == 1 and f"{key}.one" in table:
        key = f"{key}.one"
    shown = {k: number(lang, v) if k in COUNTS and isinstance(v, int | float) else v for k, v in values.items()}
    return table.get(key, key).format(**shown)


def number(lang: str, value: object, digits: int = 0) -> str:
    """A number as the reader writes it: 1.234,5 in Dutch, 1,234.5 in English; `digits` after the decimal sign."""
    if value is None or isinstance(value, bool) or not isinstance(value, int | float):
        return "—" if value is None else str(value)
    text = f"{value:,.{digits}f}"
    if lang == "en":
        return text
    return text.translate(str.maketrans(",.", ".,"))


def day(value: object) -> str:
    """A day ('2026-02-16', a date or a moment's date) as both languages of the pages write it: 16-02-2026."""
    return shown_day(value)


def explain(lang: str, error: KlantstemError) -> str:
    """A core error in the reader's language when it names its message (`code`); else its English text for an
    English reader and a general sentence in the reader's language for the others."""
    if error.code and f"error.{error.code}" in MESSAGES[DEFAULT_LANGUAGE]:
        return translate(lang, f"error.{error.code}", **error.values)
    return str(error) if lang == "en" else translate(lang, "error.not_possible")


_MONTHS = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def month_label(lang: str, month: str) -> str:
    """'2026-03' as the reader writes a month: 'mrt 2026' in Dutch, 'Mar 2026' in English."""
    year, _, number = month.partition("-")
    names = _MONTHS.get(lang, _MONTHS[DEFAULT_LANGUAGE])
    return f"{names[int(number) - 1]} {year}" if number.isdigit() and 1 <= int(number) <= 12 else month


def numberer(lang: str) -> Callable[..., str]:
    def num(value: object, digits: int = 0) -> str:
        return number(lang, value, digits)

    return num


def translator(lang: str) -> Callable[..., str]:
    def t(key: str, **values: object) -> str:
        return translate(lang, key, **values)

    return t


def labeller(lang: str) -> Callable[[str, object], str]:
    """`tv("channel", value)`: the translation of a value from the data (a channel, a source), or the value
    itself when it has none (a value an import brought in)."""
    table = MESSAGES.get(lang, MESSAGES[DEFAULT_LANGUAGE])

    def tv(prefix: str, value: object) -> str:
        return table.get(f"{prefix}.{value}", "" if value is None else str(value))

    return tv
