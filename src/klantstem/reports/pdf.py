"""The report as an A4 PDF: WeasyPrint lays out the same HTML (charts stay vectors, page numbers and the table of
contents' page references come from its CSS paged media)."""

from __future__ import annotations

import logging


def html_to_pdf(html: str) -> bytes:
    import weasyprint  # loaded on first use: it loads Pango, which the other commands do not need

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    result = weasyprint.HTML(string=html).write_pdf()
    assert result is not None
    return bytes(result)
