"""The fast reader of plain e-mail shapes (imports/mail_mime.py) gives exactly what the `email` package gives, and
leaves every other shape to it."""

from __future__ import annotations

from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any, cast

import pytest

from klantstem.imports.mail import _attachment_names
from klantstem.imports.mail_mime import plain_message

MAIL = Path(__file__).parents[1] / "data" / "mail"
HEAD = "From: Els <els@example.nl>\nTo: service@autohuis-jansen.nl\nSubject: Vraag\nDate: Mon, 2 Mar 2026 10:00 +0100\n"


def _by_the_email_package(data: bytes) -> tuple[dict[str, str], tuple[str, str] | None, list[str]]:
    message = cast(EmailMessage, BytesParser(policy=policy.default).parsebytes(data))
    headers: dict[str, str] = {}
    for name, value in message.raw_items():
        headers.setdefault(name.lower(), value)
    body = message.get_body(("plain", "html"))
    chosen = None if body is None else (body.get_content_subtype(), body.get_content())
    return headers, chosen, _attachment_names(message)


def _multipart(subtype: str, boundary: str, parts: list[str], epilogue: str = "") -> str:
    inner = "".join(f"--{boundary}\n{part}\n" for part in parts)
    return f'Content-Type: multipart/{subtype}; boundary="{boundary}"\n\npreamble\n{inner}--{boundary}--\n{epilogue}'


PLAIN = {
    "one text, 8bit UTF-8": HEAD + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
    "Ik wacht al drie weken op mijn auto. Groet, Zoë\n",
    "no content type": HEAD + "\nAlleen tekst.\n",
    "folded headers": HEAD.replace("Subject: Vraag", "Subject: Een lange\n\tvraag over de\n factuur")
    + "Content-Type: text/plain;\n charset=\"windows-1252\"\n\nTekst\n",
    "quoted-printable": HEAD + "Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: "
    "quoted-printable\n\nDe monteur zei: =E9=E9n dag.=\n Nog steeds niks.\n",
    "CRLF line ends": (HEAD + "Content-Type: text/plain\n\nRegel een\nRegel twee\n").replace("\n", "\r\n"),
    "alternative": HEAD + "MIME-Version: 1.0\n" + _multipart("alternative", "alt", [
        "Content-Type: text/plain; charset=utf-8\n\nPlatte tekst\n",
        "Content-Type: text/html; charset=utf-8\n\n<p>HTML</p>\n",
    ]),
    "html only, then an attachment": HEAD + _multipart("mixed", "mix", [
        "Content-Type: text/html; charset=utf-8\n\n<p>Zie <b>bijlage</b></p>",
        'Content-Type: application/pdf; name="offerte.pdf"\nContent-Disposition: attachment; filename="offerte.pdf"\n'
        "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n",
    ], epilogue="epiloog\n"),
    "mixed of alternative": HEAD + _multipart("mixed", "mix", [
        _multipart("alternative", "alt", ["Content-Type: text/plain\n\nBinnen", "Content-Type: text/html\n\n<i>x</i>"]),
        "Content-Type: image/png\nContent-Disposition: inline\n\n(png)",
        "Content-Disposition: attachment\n\nzonder naam",
    ]),
    "a text attachment before the body": HEAD + _multipart("mixed", "mix", [
        'Content-Type: text/plain; name="notes.txt"\nContent-Disposition: attachment; filename=notes.txt\n\nnotes',
        "\nGeen kopregels: platte tekst.",
    ]),
    "8-bit bytes in a header": HEAD.replace("Els <", "Zoë Müller <") + "\nTekst\n",
}
LEFT_TO_THE_EMAIL_PACKAGE = {
    "base64 text": HEAD + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\nSGFsbG8=\n",
    "unknown charset": HEAD + "Content-Type: text/plain; charset=x-unknown\n\nTekst\n",
    "RFC 2231 name": HEAD + _multipart("mixed", "m", [
        "Content-Type: text/plain\n\nx", "Content-Disposition: attachment; filename*=utf-8''f%C3%A9.pdf\n\ny"
    ]),
    "related": HEAD + _multipart("related", "r", ["Content-Type: text/html\n\n<p>x</p>"]),
    "a boundary that never closes": HEAD + 'Content-Type: multipart/mixed; boundary="b"\n\n--b\n\nx\n',
    "a line that is no header": HEAD + "dit is geen kopregel\n\nTekst\n",
    "a message inside": HEAD + _multipart("mixed", "m", ["Content-Type: message/rfc822\n\n" + HEAD + "\nx"]),
}


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_plain_shapes_read_as_the_email_package_reads_them(name: str) -> None:
    data = PLAIN[name].encode("utf-8")
    plain = plain_message(data)
    assert plain is not None, name
    assert (plain.headers, plain.body, plain.attachments) == _by_the_email_package(data)


@pytest.mark.parametrize("name", sorted(LEFT_TO_THE_EMAIL_PACKAGE))
def test_other_shapes_are_left_to_the_email_package(name: str) -> None:
    assert plain_message(LEFT_TO_THE_EMAIL_PACKAGE[name].encode("utf-8")) is None


def test_the_projects_own_mail_files_take_the_fast_way_and_read_the_same() -> None:
    files = [*sorted((MAIL / "thread").glob("*.eml")), MAIL / "html_attachment.eml", MAIL / "windows_1252.eml"]
    for file in files:
        data = file.read_bytes()
        plain: Any = plain_message(data)
        assert plain is not None, file.name
        assert (plain.headers, plain.body, plain.attachments) == _by_the_email_package(data), file.name
