from __future__ import annotations

from pathlib import Path

import pytest

from klantstem.errors import ConfigurationError
from klantstem.settings import Settings, describe

DOCS = Path(__file__).parents[1] / "docs" / "settings.md"


def test_settings_read_from_environment() -> None:
    s = Settings.from_env({"KLANTSTEM_DATABASE_URL": "sqlite:///x.db", "KLANTSTEM_IMPORT_BATCH_SIZE": "10"})
    assert s.database_url == "sqlite:///x.db"
    assert s.import_batch_size == 10
    assert Settings.from_env({}).resolved_database_url == "sqlite:///klantstem.db"


def test_bad_number_is_a_clear_error() -> None:
    with pytest.raises(ConfigurationError, match="KLANTSTEM_IMPORT_BATCH_SIZE"):
        Settings.from_env({"KLANTSTEM_IMPORT_BATCH_SIZE": "many"})


def test_db_option_accepts_path_or_url() -> None:
    assert Settings().with_database("data/k.db").database_url == "sqlite:///data/k.db"
    assert Settings().with_database("postgresql+psycopg://h/db").database_url == "postgresql+psycopg://h/db"


def test_every_setting_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for name, _default, help_text in describe():
        assert name in text, f"{name} is missing from docs/settings.md"
        assert help_text in text, f"the help of {name} differs from docs/settings.md"


def test_the_sql_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert Settings.from_env({}).sql_cache_folder == str(tmp_path / "klantstem")
    assert Settings.from_env({"KLANTSTEM_SQL_CACHE": "off"}).sql_cache_folder is None
    assert Settings.from_env({"KLANTSTEM_SQL_CACHE": str(tmp_path / "sql")}).sql_cache_folder == str(tmp_path / "sql")
