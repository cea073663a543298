"""The new text of an e-mail: HTML made plain, and quoted earlier messages and the signature cut off.

A reply usually carries the whole thread below (or beside) its own words: `> ` lines, an "Op ... schreef:" /
"On ... wrote:" line, an Outlook header block ("Van: / Verzonden: / Aan:", "From: / Sent: / To:") or an
"-----Oorspronkelijk bericht-----" line. Everything from there on is an earlier message, which the thread
already holds, so it is left out: a complaint quoted in five replies is counted once. So is the signature: from
a "-- " line, a "Verzonden vanaf mijn iPhone" line, or a closing greeting near the end. Pure functions.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "hr", "pre"}
)
_SKIPPED_TAGS = frozenset({"script", "style", "head", "title", "blockquote"})  # blockquote: a quoted message
_ATTRIBUTION = re.compile(
    r"^\s*(?:op .{4,200} (?:heeft|schreef)|on .{4,200} wrote|am .{4,200} schrieb|le .{4,200} a écrit)"
    r"[^\n]*:\s*$",
    re.IGNORECASE,
)
_ATTRIBUTION_START = re.compile(r"^\s*(?:op|on)\s+\S", re.IGNORECASE)
_ORIGINAL = re.compile(
    r"^\s*(?:-{2,}\s*(?:original message|oorspronkelijk bericht|origineel bericht|forwarded message|"
    r"doorgestuurd bericht)\s*-{2,}|_{20,})\s*$",
    re.IGNORECASE,
)
_HEADER_FROM = re.compile(r"^\s*\*?(?:van|from)\s*:\*?\s+\S", re.IGNORECASE)
_HEADER_NEXT = re.compile(r"^\s*\*?(?:verzonden|sent|datum|date|aan|to|onderwerp|subject)\s*:", re.IGNORECASE)
_SENT_FROM = re.compile(
    r"^\s*(?:verzonden (?:vanaf|vanuit|met) mijn|sent from my|get outlook for|outlook voor) ", re.IGNORECASE
)
_CLOSING = re.compile(
    r"^\s*(?:met )?(?:vriendelijke|hartelijke|beste|warme) groet(?:en)?[,.!]?\s*$|^\s*(?:groet(?:en|jes)?|"
    r"mvg|m\.v\.g\.|(?:kind|best|warm) regards|regards|cheers|sincerely|yours sincerely)[,.!]?\s*$",
    re.IGNORECASE,
)
_WROTE_HINT = re.compile(r"\d|@|schreef|wrote", re.IGNORECASE)  # an attribution names a date or an address
_CLOSING_WITHIN = 6  # a closing greeting starts the signature when at most this many lines follow it


class _TextOfHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS and not self._skipping:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS and not self._skipping:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS and not self._skipping:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(" ".join(data.split()) if data.strip() else (" " if data else ""))


def html_to_text(html: str) -> str:
    """The readable text of an HTML body: block elements become lines; scripts, styles and quoted
    (`<blockquote>`) messages are left out."""
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    lines = (line.strip() for line in "".join(parser.parts).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def new_text(body: str) -> str:
    """The words this message adds: the body up to the first quoted message, without its signature."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    end = _quote_start(lines)
    lines = lines[:end]
    end = _signature_start(lines)
    return "\n".join(line.rstrip() for line in lines[:end]).strip()


def _quote_start(lines: list[str]) -> int:
    """The index of the first line of quoted earlier messages (len(lines) when there are none)."""
    for index, line in enumerate(lines):
        if line.startswith(">"):
            return _attribution_before(lines, index)
        if _ORIGINAL.match(line) or _ATTRIBUTION.match(line):
            return index
        wrapped = index + 1 < len(lines) and _ATTRIBUTION_START.match(line)
        if wrapped and _ATTRIBUTION.match(f"{line} {lines[index + 1]}"):
            return index  # an attribution line wrapped in two
        if _HEADER_FROM.match(line) and any(_HEADER_NEXT.match(later) for later in lines[index + 1 : index + 4]):
            return index
    return len(lines)


def _attribution_before(lines: list[str], quote: int) -> int:
    """A quote block's start, moved up over the blank lines and an attribution line just above it."""
    start = quote
    while start > 0 and not lines[start - 1].strip():
        start -= 1
    if start > 0 and _WROTE_HINT.search(lines[start - 1]) and lines[start - 1].rstrip().endswith(":"):
        start -= 1
    return start


def _signature_start(lines: list[str]) -> int:
    for index, line in enumerate(lines):
        if line in ("-- ", "--") or _SENT_FROM.match(line):
            return index
    content = [index for index, line in enumerate(lines) if line.strip()]
    for index in content[-_CLOSING_WITHIN - 1 :]:
        if _CLOSING.match(lines[index]):
            return index
    return len(lines)
