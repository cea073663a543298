"""Column sets, --map, and the vocabularies with their Dutch and English synonyms."""

from __future__ import annotations

import pytest

from klantstem.errors import ImportFileError, UserInputError
from klantstem.imports import values
from klantstem.imports.columns import CONTACT_COLUMNS, column_key, map_columns, map_keys, parse_map_options


def test_column_key() -> None:
    assert column_key(" Occurred at ") == "occurred_at"
    assert column_key("Case-Ref") == "case_ref"


def test_header_matches_known_columns_in_any_order_and_case() -> None:
    header = ["Text", "Occurred At", "kanaal", "Channel", "extra"]
    columns = map_columns("f.csv", header, 1, CONTACT_COLUMNS, {})
    picked = dict(zip(columns.names, columns.list_picker()(["hallo", "2026-11-23", "x", "mail", "y"]), strict=True))
    assert picked["text"] == "hallo" and picked["occurred_at"] == "2026-11-23" and picked["channel"] == "mail"
    assert picked["email"] is None  # a known column the file does not have
    assert columns.ignored == ("kanaal", "extra")


def test_map_names_the_files_column() -> None:
    mapping = parse_map_options(["channel=Kanaal", "occurred_at = Datum en tijd"], CONTACT_COLUMNS)
    assert mapping == {"channel": "Kanaal", "occurred_at": "Datum en tijd"}
    columns = map_columns("f.csv", ["Datum en tijd", "kanaal", "channel"], 1, CONTACT_COLUMNS, mapping)
    picked = dict(zip(columns.names, columns.list_picker()(["23-11-2026", "brief", "mail"]), strict=True))
    assert (picked["channel"], picked["occurred_at"]) == ("brief", "23-11-2026")
    assert columns.ignored == ("channel",)


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("channel", "NAME=COLUMN"),
        ("=Kanaal", "NAME=COLUMN"),
        ("kleur=Kanaal", "not a column"),
        ("channel=", "NAME=COLUMN"),
    ],
)
def test_bad_map_options(option: str, message: str) -> None:
    with pytest.raises(UserInputError, match=message):
        parse_map_options([option], CONTACT_COLUMNS)
    with pytest.raises(UserInputError, match="twice"):
        parse_map_options(["channel=a", "channel=b"], CONTACT_COLUMNS)


def test_map_to_a_column_the_file_lacks() -> None:
    with pytest.raises(ImportFileError) as info:
        map_columns("f.csv", ["channel", "occurred_at"], 3, CONTACT_COLUMNS, {"text": "Bericht"})
    assert (info.value.line, info.value.field) == (3, "Bericht")


def test_missing_required_column_and_duplicate_column() -> None:
    with pytest.raises(ImportFileError) as info:
        map_columns("f.csv", ["channel", "text"], 1, CONTACT_COLUMNS, {})
    assert info.value.field == "occurred_at"
    with pytest.raises(ImportFileError, match="delimiter"):
        map_columns("f.csv", ["channel:occurred_at:text"], 1, CONTACT_COLUMNS, {})
    with pytest.raises(ImportFileError, match="twice"):
        map_columns("f.csv", ["channel", "Channel", "occurred_at"], 1, CONTACT_COLUMNS, {})


def test_keyed_rows_use_names_or_mapped_keys() -> None:
    columns = map_keys(["kanaal", "occurred_at", "x"], CONTACT_COLUMNS, {"channel": "kanaal"})
    picked = dict(zip(columns.names, columns.dict_picker()({"kanaal": "brief", "occurred_at": "t"}), strict=True))
    assert (picked["channel"], picked["occurred_at"], picked["text"]) == ("brief", "t", None)
    assert columns.ignored == ("x",)


@pytest.mark.parametrize(
    ("raw", "channel"),
    [("telefoon", "phone"), ("Telefonisch", "phone"), ("E-mail", "email"), ("mail", "email"), ("WhatsApp", "whatsapp"),
     ("web form", "web_form"), ("Webformulier", "web_form"), ("brief", "letter"), ("Post", "letter"),
     ("bezoek", "visit"), ("balie", "visit"), ("Social Media", "social_media"), ("sociale media", "social_media"),
     ("review site", "review_site"), ("Trustpilot", "review_site"), ("review_site", "review_site")],
)  # fmt: skip
def test_channel_synonyms(raw: str, channel: str) -> None:
    assert values.channels().read(raw) == channel


def test_other_vocabularies() -> None:
    assert [values.directions().read(w) for w in ("inkomend", "Uitgaand", "out", "IN")] == [
        "inbound", "outbound", "outbound", "inbound",
    ]  # fmt: skip
    assert [values.appraisals().read(w) for w in ("slecht", "normaal", "excellent", "uitstekend", "Bad")] == [
        "bad", "normal", "excellent", "excellent", "bad",
    ]  # fmt: skip
    assert [values.perspectives().read(w) for w in ("klant", "medewerker", "staff")] == ["customer", "staff", "staff"]
    assert [values.yes_no().read(w) for w in ("ja", "Nee", "true", "0")] == ["yes", "no", "yes", "no"]


def test_unknown_word_lists_the_choices() -> None:
    with pytest.raises(UserInputError) as info:
        values.channels().read("postduif")
    assert "postduif" in str(info.value) and "whatsapp" in str(info.value)


def test_text_limits() -> None:
    assert values.text("  a\r\nb  ", 10) == "a\nb"
    assert values.text("   ", 10) is None
    assert values.text(12.0, 10) == "12"
    with pytest.raises(UserInputError, match="limit"):
        values.text("x" * 11, 10)
    with pytest.raises(UserInputError, match="NUL"):
        values.text("a\x00b", 10)
