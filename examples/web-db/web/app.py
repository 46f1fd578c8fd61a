"""A tiny counter service: every GET / increments a row in PostgreSQL and returns the count."""
import os
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import urlparse

import psycopg  # type: ignore

DATABASE_URL = os.environ["DATABASE_URL"]


def bump() -> int:
    with psycopg.connect(DATABASE_URL) as connection:
        connection.execute("CREATE TABLE IF NOT EXISTS hits (id int PRIMARY KEY, count int NOT NULL)")
        connection.execute("INSERT INTO hits VALUES (1, 0) ON CONFLICT DO NOTHING")
        row = connection.execute("UPDATE hits SET count = count + 1 WHERE id = 1 RETURNING count").fetchone()
        return row[0]


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if urlparse(self.path).path != "/":
            self.send_error(404)
            return
        body = f"hits: {bump()}\n".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


HTTPServer(("0.0.0.0", 8080), Handler).serve_forever()
