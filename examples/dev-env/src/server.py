"""A development server: answers through handler.py, reloading it whenever its file changes (with RELOAD=1)."""
import importlib
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import handler

RELOAD = os.environ.get("RELOAD") == "1"


def read_config(path: str) -> dict[str, str]:
    """`key = value` lines; read once, so a change needs a restart (the sync+restart watch rule does it)."""
    settings = {}
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            if "=" in line and not line.lstrip().startswith("#"):
                key, value = line.split("=", 1)
                settings[key.strip()] = value.strip()
    return settings


os.environ["APP_TITLE"] = read_config(os.environ.get("APP_CONFIG", "/etc/app/app.conf")).get("title", "")
loaded_version = os.stat(handler.__file__).st_mtime_ns


def current_handler():
    global loaded_version
    if RELOAD:
        version = os.stat(handler.__file__).st_mtime_ns
        if version != loaded_version:
            importlib.reload(handler)
            loaded_version = version
            print("handler.py changed: reloaded", flush=True)
    return handler


class Server(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/health":
            status, body = 200, "ok\n"
        else:
            status, body = current_handler().respond(self.path)
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        if not self.path.startswith("/health"):
            super().log_message(format, *args)


print(f"serving on :8000 (APP_ENV={os.environ.get('APP_ENV')}, reload={'on' if RELOAD else 'off'})", flush=True)
ThreadingHTTPServer(("0.0.0.0", 8000), Server).serve_forever()
