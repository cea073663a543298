from __future__ import annotations

from klantstem.text.normalise import MAX_CHARS, clean, decode
from klantstem.text.pipeline import Pipeline


def test_empty_none_and_whitespace_give_empty_text() -> None:
    for raw in ("", None, "   \n\t ", b""):
        assert clean(raw).text == ""


def test_mojibake_is_repaired() -> None:
    result = clean("Redelijk geÃ¯rriteerd deel ik voor de derde keer mijn ervaringen â€“ echt")
    assert "geïrriteerd" in result.text
    assert "–" in result.text
    assert result.repaired


def test_correct_text_with_accents_is_not_changed() -> None:
    text = "Café Ã la carte? Nee: geïrriteerd, één keer, coördinatie."
    assert clean("geïrriteerd, één keer, coördinatie").text == "geïrriteerd, één keer, coördinatie"
    assert clean(text).text  # never empty, never raises


def test_windows_1252_bytes_are_decoded() -> None:
    assert decode("geïrriteerd".encode("cp1252")) == "geïrriteerd"
    assert clean("geïrriteerd".encode()).text == "geïrriteerd"


def test_html_tags_scripts_and_entities_are_removed() -> None:
    result = clean(
        "<html><style>p{x}</style><p>Slechte&nbsp;service &amp; lang <b>wachten</b></p>"
        "<script>alert(1)</script><br>Groet</html>"
    )
    assert result.html
    assert "<" not in result.text and "alert" not in result.text and "p{x}" not in result.text
    assert "Slechte service & lang wachten" in result.text
    assert "Groet" in result.text


def test_email_address_in_angle_brackets_is_not_a_tag() -> None:
    assert "jan@example.nl" in clean("Mail mij op <jan@example.nl> graag").text


def test_quoted_email_reply_chain_is_cut() -> None:
    nl = (
        "Nog steeds niets gehoord!\n\nOp 3 mei 2024 om 10:00 schreef Klantenservice <ks@x.nl>:\n"
        "> Beste klant,\n> wij bellen u"
    )
    en = "Still broken.\n\nOn Mon, 3 May 2024, Support <s@x.com> wrote:\n> Dear customer"
    quoted = "Dank.\n> eerder bericht\n> nog een regel\nMet vriendelijke groet"
    assert clean(nl).text == "Nog steeds niets gehoord!"
    assert clean(en).text == "Still broken."
    result = clean(quoted)
    assert result.quoted and "eerder bericht" not in result.text and "Dank." in result.text


def test_one_megabyte_text_is_capped_and_analysed() -> None:
    big = ("Ik heb 47 minuten in de wacht gestaan en niemand belde terug. " * 17_000)[:1_000_000]
    result = clean(big)
    assert result.truncated and len(result.text) <= MAX_CHARS
    analysis = Pipeline().analyse(big)
    assert analysis.appraisal.level == "bad"
    assert analysis.flags["truncated"]


def test_only_emoji_and_control_characters() -> None:
    analysis = Pipeline().analyse("😡😡😡\x00\x07")
    assert analysis.language == "unknown"
    assert analysis.appraisal.level == "bad", "emoji are cues in every language"
    assert analysis.facets == ()
    assert Pipeline().analyse("👍😊").appraisal.level == "excellent"
    assert Pipeline().analyse("🚗📱").appraisal.level == "normal", "emoji that say nothing of the service"
