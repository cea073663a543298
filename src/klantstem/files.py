"""Opening the user's input files: one rule for every reader, so a missing file is one clear line everywhere."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from klantstem.errors import ImportFileError


def open_input(path: Path) -> BinaryIO:
    """The file opened for binary reading, or an ImportFileError that names the file and what is wrong."""
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise ImportFileError(str(path), "no such file") from None
    except IsADirectoryError:
        raise ImportFileError(str(path), "is a directory, not a file") from None
    except PermissionError:
        raise ImportFileError(str(path), "cannot be read (permission denied)") from None
    except OSError as exc:
        raise ImportFileError(str(path), f"cannot be opened ({exc.strerror or exc})") from None


def require_readable(path: Path) -> None:
    """Raise the same clear error as `open_input` when the file cannot be read; reads nothing."""
    open_input(path).close()
