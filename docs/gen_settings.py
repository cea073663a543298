"""Regenerate docs/settings.md from the declared settings: `.venv/bin/python docs/gen_settings.py`."""

from pathlib import Path

from klantstem.settings import describe

HEADER = """# Settings

Every setting is read from an environment variable when a command starts, never at import time. The
command-line `--db` option overrides `KLANTSTEM_DATABASE_URL`.

| variable | default | meaning |
|---|---|---|
"""

rows = "".join(f"| `{name}` | `{default}` | {help_text} |\n" for name, default, help_text in describe())
Path(__file__).with_name("settings.md").write_text(HEADER + rows, encoding="utf-8")
