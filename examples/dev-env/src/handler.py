"""What the app answers. Edit MESSAGE and reload the page: the running container serves the change."""
import os

import psycopg  # type: ignore

MESSAGE = "Hello from the dev environment"


def notes() -> str:
    with psycopg.connect(os.environ["DATABASE_URL"]) as connection:
        exists = connection.execute("SELECT to_regclass('notes') IS NOT NULL").fetchone()[0]
        if not exists:
            return "(no notes table yet: run `composer run --rm migrate`)"
        rows = connection.execute("SELECT text FROM notes ORDER BY id").fetchall()
        return ", ".join(text for (text,) in rows)


def dependencies() -> str:
    """The requirements the image was built with (a rebuild changes them)."""
    path = "/deps/requirements.txt"
    if not os.path.exists(path):
        return "(none)"
    lines = [line.strip() for line in open(path, encoding="utf-8")]
    return ", ".join(line for line in lines if line and not line.startswith("#"))


def respond(path: str) -> tuple[int, str]:
    if path != "/":
        return 404, "not found\n"
    return 200, (
        f"title: {os.environ.get('APP_TITLE')}\nmessage: {MESSAGE}\nenvironment: {os.environ.get('APP_ENV')}\n"
        f"dependencies: {dependencies()}\nnotes: {notes()}\n"
    )
