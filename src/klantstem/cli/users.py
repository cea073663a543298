"""`klantstem users ...`: staff users who sign in to the web application."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.table import Table

from klantstem.cli.common import DbOption, FormatOption, OutputFormat, console, engine_for, print_json
from klantstem.errors import UserInputError
from klantstem.users import service as users

app = typer.Typer(help="Staff users of the web application and their roles.", no_args_is_help=True)

RoleOption = Annotated[
    str, typer.Option("--role", help="admin, manager, analyst, agent or interviewer.", show_default=True)
]


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise UserInputError("no password on standard input")
        return password
    password = typer.prompt("Password", hide_input=True)
    again = typer.prompt("Password again", hide_input=True)
    if password != again:
        raise UserInputError("the two passwords differ")
    return str(password)


@app.command("add")
def add(
    email: str,
    name: Annotated[str, typer.Option("--name", help="The person's name as colleagues see it.")],
    role: RoleOption = "agent",
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from the first line of standard input.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Add a user who can sign in; asks for the password without showing it."""
    engine = engine_for(db, create=True)
    user = users.add_user(engine, email, name, role, _read_password(password_stdin))
    typer.echo(f"added {user.email} ({user.role}), id {user.id}")


@app.command("list")
def list_users(db: DbOption = None, format: FormatOption = OutputFormat.table) -> None:
    """The users, their roles and whether they can sign in."""
    people = users.list_users(engine_for(db))
    if format is OutputFormat.json:
        print_json([{"id": u.id, "email": u.email, "name": u.name, "role": u.role, "active": u.active} for u in people])
        return
    table = Table(title="Users")
    for column in ("id", "email", "name", "role", "active"):
        table.add_column(column)
    for u in people:
        table.add_row(str(u.id), u.email, u.name, u.role, "yes" if u.active else "no")
    console.print(table)
