"""A small round-robin HTTP proxy for GET requests.

It resolves the upstream name on every request, so it sees every replica the engine's DNS returns for it: replicas
added or removed with `composer scale` are used without restarting the proxy.
"""
import itertools
import os
import socket
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

UPSTREAM_HOST = os.environ.get("UPSTREAM_HOST", "api")
UPSTREAM_PORT = int(os.environ.get("UPSTREAM_PORT", "8000"))
turns = itertools.count()


def replicas() -> list[str]:
    answers = socket.getaddrinfo(UPSTREAM_HOST, UPSTREAM_PORT, socket.AF_INET, socket.SOCK_STREAM)
    return sorted({answer[4][0] for answer in answers})


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/health":
            self.answer(200, "text/plain", b"ok\n")
            return
        try:
            addresses = replicas()
        except socket.gaierror:
            self.answer(503, "text/plain", f"no {UPSTREAM_HOST} replica is running\n".encode())
            return
        first = next(turns)
        failures = []
        # A replica that is still starting refuses connections: the next one gets the request instead.
        for step in range(len(addresses)):
            address = addresses[(first + step) % len(addresses)]
            try:
                with urllib.request.urlopen(f"http://{address}:{UPSTREAM_PORT}{self.path}", timeout=10) as upstream:
                    self.answer(upstream.status, upstream.headers.get("Content-Type", "text/plain"), upstream.read())
                return
            except urllib.error.HTTPError as error:
                self.answer(error.code, error.headers.get("Content-Type", "text/plain"), error.read())
                return
            except OSError as error:
                failures.append(f"{address}: {error}")
        self.answer(502, "text/plain", (f"no {UPSTREAM_HOST} replica answered: " + "; ".join(failures) + "\n").encode())

    def answer(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        if not self.path.startswith("/health"):
            super().log_message(format, *args)


ThreadingHTTPServer(("0.0.0.0", 8080), Handler).serve_forever()
