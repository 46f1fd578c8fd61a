"""A minimal database browser for debugging: lists every table of the public schema with its row count."""
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import psycopg  # type: ignore
import psycopg.sql  # type: ignore


def tables() -> str:
    with psycopg.connect(os.environ["DATABASE_URL"]) as connection:
        names = [name for (name,) in connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")]
        lines = []
        for name in names:
            count = connection.execute(psycopg.sql.SQL("SELECT count(*) FROM {}").format(psycopg.sql.Identifier(name))).fetchone()[0]
            lines.append(f"{name}: {count} rows")
    return "\n".join(["tables:"] + (lines or ["(none)"])) + "\n"


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = ("ok\n" if self.path == "/health" else tables()).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        if not self.path.startswith("/health"):
            super().log_message(format, *args)


ThreadingHTTPServer(("0.0.0.0", 8080), Handler).serve_forever()
