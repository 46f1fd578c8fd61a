"""A tiny visit counter: every GET / records a visit in PostgreSQL and answers with what the database holds."""
import os
import socket
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import urlparse

import psycopg  # type: ignore

DATABASE_URL = os.environ["DATABASE_URL"]


def record_visit() -> tuple[int, str]:
    with psycopg.connect(DATABASE_URL) as connection:
        connection.execute(
            "CREATE TABLE IF NOT EXISTS visits (id serial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), served_by text NOT NULL)"
        )
        connection.execute("INSERT INTO visits (served_by) VALUES (%s)", (socket.gethostname(),))
        count, first = connection.execute("SELECT count(*), min(at) FROM visits").fetchone()
        return count, first.isoformat()


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        path = urlparse(self.path).path
        if path == "/health":
            self.answer("ok\n")
        elif path == "/":
            count, first = record_visit()
            self.answer(f"visits: {count}\nfirst visit: {first}\n")
        else:
            self.send_error(404)

    def answer(self, text: str) -> None:
        body = text.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        # Health checks every two seconds would drown the log.
        if not self.path.startswith("/health"):
            super().log_message(format, *args)


HTTPServer(("0.0.0.0", 8080), Handler).serve_forever()
