"""Write one section of docs/benchmarks.md, keeping every other section as it is."""

from __future__ import annotations

from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
HEADER = (
    "# Benchmarks\n\nSpeed, memory and quality, measured by the scripts in `bench/`. Each section gives the exact "
    "command, the\nmachine and the figures.\n"
)


def replace_section(title: str, body: str) -> None:
    """Replace the `## title` section (up to the next `## `) with `body`, or append it."""
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else HEADER
    heading = f"## {title}\n"
    section = heading + "\n" + body.strip() + "\n"
    start = text.find(heading)
    if start < 0:
        text = text.rstrip() + "\n\n" + section
    else:
        end = text.find("\n## ", start + len(heading))
        text = text[:start] + section + (text[end:] if end >= 0 else "")
    DOC.write_text(text, encoding="utf-8")
