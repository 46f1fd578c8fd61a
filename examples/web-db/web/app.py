"""A tiny visit counter: every GET / records a visit in PostgreSQL, counts a hit in Redis and shows both."""
import os
import socket
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import urlparse

import psycopg  # type: ignore
import redis  # type: ignore

DATABASE_URL = os.environ["DATABASE_URL"]
# One client for the whole process: redis-py keeps a pool of connections and reconnects after the cache restarts.
CACHE = redis.Redis.from_url(os.environ["REDIS_URL"])


def record_visit() -> tuple[int, str]:
    with psycopg.connect(DATABASE_URL) as connection:
        connection.execute(
            "CREATE TABLE IF NOT EXISTS visits (id serial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), served_by text NOT NULL)"
        )
        connection.execute("INSERT INTO visits (served_by) VALUES (%s)", (socket.gethostname(),))
        count, first = connection.execute("SELECT count(*), min(at) FROM visits").fetchone()
        return count, first.isoformat()


def count_hit() -> int:
    return CACHE.incr("hits")


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        path = urlparse(self.path).path
        if path == "/health":
            self.answer("ok\n")
        elif path == "/":
            count, first = record_visit()
            hits = count_hit()
            self.answer(f"visits: {count} (rows in PostgreSQL)\nfirst visit: {first}\nhits: {hits} (counter in Redis)\n")
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
