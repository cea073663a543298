"""The project's own exceptions. Core code raises these; each edge (CLI, web) translates them once."""

from __future__ import annotations


class KlantstemError(Exception):
    """Base class: a problem the user can act on. Never shown with a traceback.

    The message is English (the CLI and the API show it). `code` with `values`, when given, names the message for
    an edge that speaks the user's language: the web pages translate `error.<code>` with those values."""

    exit_code = 1

    def __init__(self, message: str = "", *, code: str | None = None, **values: object) -> None:
        super().__init__(message)
        self.code = code
        self.values = values


class UserInputError(KlantstemError):
    """Bad input from the user: a file, an option or a value. Exit code 2."""

    exit_code = 2


class ImportFileError(UserInputError):
    """A file that cannot be imported; names the file, the line and the field when known."""

    def __init__(
        self, path: str, message: str, line: int | None = None, field: str | None = None, *, code: str | None = None
    ) -> None:
        self.path = path
        self.line = line
        self.field = field
        self.reason = message
        where = path
        if line is not None:
            where += f", line {line}"
        if field:
            where += f", field '{field}'"
        super().__init__(f"{where}: {message}", code=code)


class NotFoundError(KlantstemError):
    """A record that was asked for does not exist."""

    exit_code = 3


class ConfigurationError(KlantstemError):
    """A setting that cannot be used."""

    exit_code = 2
