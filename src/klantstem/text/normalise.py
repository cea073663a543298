"""Turn raw customer text into clean text: bytes decoding, HTML, quoted e-mail, mojibake, length cap.

Customer text is untrusted: this module never raises on content and never logs it.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

MAX_CHARS = 20_000

_NEEDS_WORK = re.compile(r"(?m)[<>&\u0080-\u00ff\u2000-\u206f\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\r\t\ud800-\udfff]|^--")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # half of a pair, e.g. "\ud800" in JSON: not text
_TAG = re.compile(r"<(?:/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]{0,2000})?/?|!--.{0,2000}?--|![a-zA-Z][^<>]{0,200})>", re.S)
_DROP_BLOCKS = re.compile(r"(?is)<(script|style|head|blockquote)\b[^>]*>.*?</\1\s*>")
_BREAK_TAGS = re.compile(r"(?i)<(?:br|/p|/div|/li|/tr|/h[1-6]|p|div|li)\b[^>]*>")
_MOJIBAKE_RUN = re.compile(
    "[\u00c2-\u00c5\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]{1,2}"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0]+")
_MANY_NEWLINES = re.compile(r"\n{3,}")
_REPLY_HEADER = re.compile(
    r"(?im)^[ \t]*(?:"
    r"on\b.{3,200}\bwrote:|op\b.{3,200}\b(?:schreef|geschreven).{0,80}:|"
    r"-{2,}\s*(?:original message|oorspronkelijk bericht|forwarded message|doorgestuurd bericht)\s*-{2,}|"
    r"(?:from|van|sent|verzonden):[ \t].{1,200}\n(?:.{0,200}\n){0,3}?[ \t]*(?:to|aan|subject|onderwerp):"
    r")"
)
_QUOTED_LINE = re.compile(r"(?m)^[ \t]*>.*(?:\n|$)")
_SIGNATURE = re.compile(r"(?m)^-- ?$")


@dataclass(frozen=True, slots=True)
class CleanText:
    text: str
    truncated: bool = False
    repaired: bool = False
    html: bool = False
    quoted: bool = False

    def flags(self) -> dict[str, bool]:
        return {"truncated": self.truncated, "repaired": self.repaired, "html": self.html, "quoted": self.quoted}


def decode(raw: bytes) -> str:
    """UTF-8 when it is valid, otherwise Windows-1252 (what Dutch exports usually are)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def clean(raw: str | bytes | None, max_chars: int = MAX_CHARS) -> CleanText:
    """Clean one text. Offsets in every result of the analysis refer to the returned `text`."""
    if raw is None:
        return CleanText("")
    text = decode(raw) if isinstance(raw, bytes) else str(raw)
    truncated = False
    if len(text) > max_chars * 4:
        text, truncated = text[: max_chars * 4], True
    if not _NEEDS_WORK.search(text):
        return _capped(_SPACES.sub(" ", text).strip(), max_chars, truncated, False, False, False)
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _LONE_SURROGATE.sub("\ufffd", text)
    text, repaired = repair_mojibake(text)
    text, had_html = strip_html(text)
    text, quoted = strip_quoted_email(text)
    text = unicodedata.normalize("NFC", text)
    text = _MANY_NEWLINES.sub("\n\n", "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n")))
    return _capped(text.strip(), max_chars, truncated, repaired, had_html, quoted)


def _capped(text: str, max_chars: int, truncated: bool, repaired: bool, had_html: bool, quoted: bool) -> CleanText:
    if len(text) > max_chars:
        cut = text.rfind(" ", max_chars - 200, max_chars)
        text, truncated = text[: cut if cut > 0 else max_chars], True
    return CleanText(text, truncated, repaired, had_html, quoted)


def repair_mojibake(text: str) -> tuple[str, bool]:
    """Undo UTF-8 read as Windows-1252 ("geÃ¯rriteerd" -> "geïrriteerd"), run by run."""
    if not _MOJIBAKE_RUN.search(text):
        return text, False
    changed = False

    def fix(match: re.Match[str]) -> str:
        nonlocal changed
        run = match.group(0)
        try:
            raw = b"".join(_cp1252_byte(ch) for ch in run)
            fixed = raw.decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError, ValueError):
            return run
        changed = True
        return fixed

    return _MOJIBAKE_RUN.sub(fix, text), changed


def _cp1252_byte(ch: str) -> bytes:
    try:
        return ch.encode("cp1252")
    except UnicodeEncodeError:
        if ord(ch) < 256:
            return bytes([ord(ch)])
        raise


def strip_html(text: str) -> tuple[str, bool]:
    """Drop tags, scripts, styles and quoted blocks; keep line breaks; decode entities."""
    had_html = bool(_TAG.search(text))
    if had_html:
        text = _DROP_BLOCKS.sub("\n", text)
        text = _BREAK_TAGS.sub("\n", text)
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    return text, had_html


def strip_quoted_email(text: str) -> tuple[str, bool]:
    """Keep the customer's own words: cut the quoted reply chain and the signature."""
    quoted = False
    header = _REPLY_HEADER.search(text)
    if header and text[: header.start()].strip():
        text, quoted = text[: header.start()], True
    if ">" in text:
        without = _QUOTED_LINE.sub("", text)
        if without.strip():
            quoted = quoted or without != text
            text = without
    signature = _SIGNATURE.search(text)
    if signature and text[: signature.start()].strip():
        text, quoted = text[: signature.start()], True
    return text, quoted
