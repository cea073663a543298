"""Identity normalisation: the same person written in different ways gives the same stored identity."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

from klantstem.customers import identities as ids
from klantstem.errors import UserInputError


@pytest.mark.parametrize(
    "raw",
    [
        "jan.jansen@example.nl",
        "  Jan.Jansen@Example.NL ",
        "JAN.JANSEN@EXAMPLE.NL",
        "Jan Jansen <Jan.Jansen@example.nl>",
        "mailto:jan.jansen@example.nl",
    ],
)
def test_email_spellings_meet(raw: str) -> None:
    assert ids.normalise_email(raw) == "jan.jansen@example.nl"


@pytest.mark.parametrize("raw", ["", "jan", "jan@", "@example.nl", "jan@example", "jan jansen@example.nl", "a@b@c.nl"])
def test_bad_email_is_refused_without_repeating_it(raw: str) -> None:
    with pytest.raises(UserInputError) as info:
        ids.normalise_email(raw)
    assert "e-mail" in str(info.value)
    if raw:
        assert raw not in str(info.value)


@pytest.mark.parametrize(
    "raw",
    ["06-12345678", "0612345678", "06 1234 5678", "+31 6 12345678", "+31612345678", "0031612345678",
     "(06) 12345678", "tel:+31-6-12345678", "612345678"],
)  # fmt: skip
def test_dutch_mobile_spellings_meet(raw: str) -> None:
    assert ids.normalise_phone(raw, "NL") == "+31612345678"


def test_default_region_applies_only_without_country_code() -> None:
    assert ids.normalise_phone("020 123 4567", "NL") == "+31201234567"
    assert ids.normalise_phone("030 1234567", "de") == "+49301234567"
    assert ids.normalise_phone("+32 2 555 12 12", "NL") == "+3225551212"


@pytest.mark.parametrize("raw", ["", "12", "abc", "06-1234", "+31 6 1234567890123", "06-1234567a", "0900-HELPDESK"])
def test_bad_phone_is_refused_without_repeating_it(raw: str) -> None:
    with pytest.raises(UserInputError) as info:
        ids.normalise_phone(raw, "NL")
    assert "phone" in str(info.value)
    if len(raw) > 3:
        assert raw not in str(info.value)


def test_phone_parses_are_cached_across_spellings() -> None:
    before = ids.phone_parses()
    spellings = ["06-87654329", "06 876 543 29", "06.87.65.43.29", "+31 6 87654329", "+31687654329"]
    assert {ids.normalise_phone(raw, "NL") for raw in spellings} == {"+31687654329"}
    assert ids.phone_parses() == before + 1
    with pytest.raises(UserInputError):  # the same digits read for another country: parsed anew
        ids.normalise_phone("0687654329", "BE")
    assert ids.phone_parses() == before + 2


def test_an_international_spelling_first_also_covers_the_national_one() -> None:
    before = ids.phone_parses()
    spellings = ["+31 6 87654371", "06-87654371", "0687654371", "+32 470 12 34 56"]
    assert [ids.normalise_phone(raw, "NL") for raw in spellings] == [
        "+31687654371", "+31687654371", "+31687654371", "+32470123456",
    ]  # fmt: skip
    assert ids.phone_parses() == before + 2  # the Belgian number has no national form in NL
    assert ids.normalise_phone("0470123456", "BE") == "+32470123456"
    assert ids.phone_parses() == before + 3


def test_external_id_name_postcode() -> None:
    assert ids.normalise_external_id("  K 1001  ") == "K 1001"
    assert ids.normalise_external_id("k1001") != ids.normalise_external_id("K1001")  # case is kept
    with pytest.raises(UserInputError):
        ids.normalise_external_id("   ")
    with pytest.raises(UserInputError):
        ids.normalise_external_id("x" * 321)
    assert ids.normalise_name("  Jan   de  Vries ") == "Jan de Vries"
    with pytest.raises(UserInputError):
        ids.normalise_name("x" * 201)
    assert ids.normalise_postcode("1234ab") == "1234 AB"
    assert ids.normalise_postcode(" 1234  Ab ") == "1234 AB"
    assert ids.normalise_postcode("sw1a 1aa") == "SW1A 1AA"
    with pytest.raises(UserInputError):
        ids.normalise_postcode("1" * 13)


def test_identities_of_keeps_match_order_and_skips_empty() -> None:
    found = ids.identities_of(" K1 ", "A@B.nl", "0612345678")
    assert found == (
        ids.Identity("external", "K1"),
        ids.Identity("email", "a@b.nl"),
        ids.Identity("phone", "+31612345678"),
    )
    assert [identity.kind for identity in found] == list(ids.MATCH_ORDER)
    assert ids.identities_of(None, "", "0612345678") == (ids.Identity("phone", "+31612345678"),)
    assert ids.identities_of(None, None, None) == ()


@given(st.emails())
def test_normalising_an_email_is_stable(address: str) -> None:
    once = ids.normalise_email(address)
    assert ids.normalise_email(once) == once
    assert ids.normalise_email(f"  {address.upper()} ") == once


@given(st.integers(min_value=10_000_000, max_value=59_999_999))  # 061 to 065 are mobile ranges
def test_every_dutch_mobile_number_normalises_the_same_way(number: int) -> None:
    e164 = f"+316{number}"
    assert ids.normalise_phone(f"06-{number}", "NL") == e164
    assert ids.normalise_phone(f"+31 6 {number}", "NL") == e164


def _national_examples() -> list[tuple[str, str]]:
    """(region, national digits with the national prefix) for example numbers of several kinds."""
    found = []
    for region in ("NL", "BE", "DE", "FR", "GB", "US"):
        prefix = phonenumbers.PhoneMetadata.metadata_for_region(region).national_prefix or ""
        for kind in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE):
            example = phonenumbers.example_number_for_type(region, kind)
            if example is not None:
                found.append((region, prefix + str(example.national_number)))
    return found


@given(st.sampled_from(_national_examples()), st.integers(min_value=0, max_value=99_999), st.integers(0, 2))
def test_the_national_fast_path_agrees_with_the_full_parser(example: tuple[str, str], tail: int, cut: int) -> None:
    region, digits = example
    digits = digits[: len(digits) - 5 - cut] + f"{tail:05d}"
    fast = ids._national_fast_path(digits, region)
    number = phonenumbers.parse(digits, region)
    full = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if fast is not None:
        assert phonenumbers.is_valid_number(number) and fast == full
    if region == "NL" and phonenumbers.is_valid_number(number):
        assert fast == full  # the common case takes the fast path


def test_the_fast_path_covers_dutch_numbers() -> None:
    assert ids._national_fast_path("0612345678", "NL") == "+31612345678"
    assert ids._national_fast_path("0201234567", "NL") == "+31201234567"
    assert ids._national_fast_path("+31612345678", "NL") is None  # left to the full parser
    assert ids._national_fast_path("0012345678", "NL") is None
