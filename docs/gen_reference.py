"""Regenerate docs/cli.md and docs/api.md from the code: `.venv/bin/python docs/gen_reference.py`.

docs/cli.md lists every command and option of the `klantstem` command line (from the Typer app), docs/api.md
every route of the JSON API (from the FastAPI app's OpenAPI). `tests/test_reference_docs.py` fails when the
committed files differ from what this script writes."""

from __future__ import annotations

import inspect
import tempfile
import types
import typing
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

HERE = Path(__file__).parent
CLI_HEADER = """# Command-line reference

Every command and option of `klantstem`, generated from the code by `docs/gen_reference.py` (do not edit by
hand). A usage error prints one line and exits 2; an error the core names exits with its own code (2 for bad
input, 3 for something that does not exist, 1 otherwise), always as one line on stderr. A SQLite database
file that does not exist is made only by `demo`, the imports and `users add`; every other command (and `serve`)
refuses it with exit code 2.
"""
API_HEADER = """# JSON API reference

Every route of the JSON API under `/api/`, generated from the web application's OpenAPI description by
`docs/gen_reference.py` (do not edit by hand). The running application serves the same description at
`/api/openapi.json` and a browsable version at `/api/docs`. Sign in with a session cookie (writes then need the
`X-CSRF-Token` header) or send `Authorization: Bearer <token>`. Every error has one shape:
`{"error": {"status", "code", "message", "details"}}`; `code` is the error's own name where it has one
(`contact_empty`, `date_unreadable`), else its kind (`bad_request`, `not_found`, `conflict`, `invalid_request`).
"""


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _default(param: Any) -> str:
    value = param.default
    if callable(value) or value is None or value == () or value == [] or param.required:
        return ""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, bool):
        return "on" if value else ""
    return f"`{value}`"


_NAMES = {bool: "flag", int: "integer", float: "number", str: "text", Path: "path"}


def _annotated(annotation: Any) -> str:
    """A parameter's value as the reader types it, from its Python annotation."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        inner = [a for a in typing.get_args(annotation) if a is not type(None)]
        return " or ".join(_annotated(a) for a in inner)
    if typing.get_origin(annotation) is list:
        return f"{_annotated(typing.get_args(annotation)[0])}, repeatable"
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return " \\| ".join(str(member.value) for member in annotation)
    return _NAMES.get(annotation, getattr(annotation, "__name__", str(annotation)))


class _Declared(typing.NamedTuple):
    annotation: Any
    help: str


def _declared(command: Any) -> dict[str, _Declared]:
    """Each parameter's Python type and help as the command's function declares them. Every typer version describes
    its options (and keeps an argument's help) differently; the function's signature says the same in all of them."""
    found = {}
    for name, hint in typing.get_type_hints(inspect.unwrap(command.callback), include_extras=True).items():
        if typing.get_origin(hint) is not Annotated:
            found[name] = _Declared(hint, "")
            continue
        annotation, *metadata = typing.get_args(hint)
        found[name] = _Declared(annotation, next((m.help for m in metadata if getattr(m, "help", None)), ""))
    return found


def _metavar(param: Any) -> str:
    return str(param.metavar or param.name.upper())


def _usage(path: list[str], command: Any) -> str:
    arguments = [
        (_metavar(p) if p.required else f"[{_metavar(p)}]") for p in command.params if p.param_type_name == "argument"
    ]
    return " ".join([*path, "[OPTIONS]", *arguments])


def _command(path: list[str], command: Any, out: list[str]) -> None:
    subcommands = getattr(command, "commands", None)
    level = "#" * min(len(path), 4)
    out += [f"{level} `{' '.join(path)}`", "", " ".join((command.help or "").split()), ""]
    if subcommands is not None:
        for name in command.list_commands(None):
            _command([*path, name], command.get_command(None, name), out)
        return
    out += [f"    {_usage(path, command)}", ""]
    declared = _declared(command)
    rows = [
        (
            ", ".join(f"`{o}`" for o in [*p.opts, *p.secondary_opts])
            if p.param_type_name == "option"
            else f"`{_metavar(p)}`",
            _annotated(declared[p.name].annotation),
            "required" if p.required else _default(p),
            _cell(declared[p.name].help),
        )
        for p in command.params
        if p.name != "help"
    ]
    if rows:
        out += ["| argument or option | value | default | meaning |", "|---|---|---|---|"]
        out += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
        out.append("")


def cli_reference() -> str:
    from klantstem.cli.main import COMMANDS, load_command

    out = [CLI_HEADER]
    for name in COMMANDS:
        _command(["klantstem", name], load_command(name), out)
    return "\n".join(out).rstrip() + "\n"


def _schema_name(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[1]
    if "anyOf" in schema:
        return " or ".join(_schema_name(s) for s in schema["anyOf"])
    if schema.get("type") == "array":
        return f"list of {_schema_name(schema.get('items', {}))}"
    if "enum" in schema:
        return " \\| ".join(str(v) for v in schema["enum"])
    return str(schema.get("type", "object"))


def _fields(spec: dict[str, Any], name: str) -> list[str]:
    schema = spec["components"]["schemas"].get(name, {})
    required = set(schema.get("required", ()))
    return [
        f"| `{field}` | {_schema_name(value)} | {'yes' if field in required else ''} | "
        f"{_cell(value.get('description', ''))} |"
        for field, value in schema.get("properties", {}).items()
    ]


def _route(spec: dict[str, Any], method: str, path: str, operation: dict[str, Any], out: list[str]) -> None:
    out += [f"### `{method.upper()} {path}`", ""]
    description = operation.get("description") or operation.get("summary") or ""
    if description:
        out += [" ".join(description.split()), ""]
    parameters = operation.get("parameters", [])
    if parameters:
        out += ["| parameter | in | value | required | meaning |", "|---|---|---|---|---|"]
        out += [
            f"| `{p['name']}` | {p['in']} | {_schema_name(p.get('schema', {}))} | {'yes' if p.get('required') else ''}"
            f" | {_cell(p.get('description', ''))} |"
            for p in parameters
        ]
        out.append("")
    body = operation.get("requestBody", {}).get("content", {})
    for media, content in body.items():
        name = _schema_name(content.get("schema", {}))
        out += [f"Body ({media}): `{name}`", ""]
        fields = _fields(spec, name)
        if fields:
            out += ["| field | value | required | meaning |", "|---|---|---|---|", *fields, ""]
    answers = []
    for status, response in operation.get("responses", {}).items():
        schema = response.get("content", {}).get("application/json", {}).get("schema")
        answers.append(f"{status} ({_schema_name(schema)})" if schema and status.startswith("2") else status)
    out += [f"Answers: {', '.join(answers)}.", ""]


def api_reference() -> str:
    from klantstem.db.engine import open_database
    from klantstem.settings import Settings
    from klantstem.web.app import create_app

    with tempfile.TemporaryDirectory() as folder:
        settings = Settings.from_env({}).with_database(Path(folder) / "reference.db")
        open_database(settings, create=True).dispose()
        app = create_app(settings)
        spec = app.openapi()
    out = [API_HEADER]
    by_tag: dict[str, list[tuple[str, str, dict[str, Any]]]] = {}
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            tag = (operation.get("tags") or [path.split("/")[2] if path.count("/") > 1 else "api"])[0]
            by_tag.setdefault(tag, []).append((method, path, operation))
    for tag, routes in by_tag.items():
        out += [f"## {tag}", ""]
        for method, path, operation in routes:
            _route(spec, method, path, operation, out)
    return "\n".join(out).rstrip() + "\n"


REFERENCES = {"cli.md": cli_reference, "api.md": api_reference}

if __name__ == "__main__":
    for file_name, build in REFERENCES.items():
        (HERE / file_name).write_text(build(), encoding="utf-8")
        print(f"wrote docs/{file_name}")
