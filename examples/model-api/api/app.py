"""Serves predictions of the model that the train service wrote: GET /predict?x=3."""
import json
import os
import socket
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

MODEL_PATH = os.environ.get("MODEL_PATH", "/models/model.json")
HOSTNAME = socket.gethostname()
_loaded = {"mtime": None, "model": None}


def current_model() -> dict:
    """The model in the volume, read again whenever train has written a new one (retraining needs no restart)."""
    mtime = os.stat(MODEL_PATH).st_mtime_ns
    if mtime != _loaded["mtime"]:
        with open(MODEL_PATH) as file:
            _loaded["model"] = json.load(file)
        _loaded["mtime"] = mtime
        print(f"model loaded: y = {_loaded['model']['slope']} * x + {_loaded['model']['intercept']}", flush=True)
    return _loaded["model"]


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        url = urlparse(self.path)
        if url.path == "/health":
            self.answer(200, {"status": "ok"})
        elif url.path == "/model":
            self.answer(200, {**current_model(), "hostname": HOSTNAME})
        elif url.path == "/predict":
            try:
                x = float(parse_qs(url.query)["x"][0])
            except (KeyError, ValueError):
                self.answer(400, {"error": "give a number: /predict?x=3"})
                return
            model = current_model()
            prediction = model["slope"] * x + model["intercept"]
            self.answer(200, {"x": x, "prediction": round(prediction, 4), "hostname": HOSTNAME})
        else:
            self.answer(404, {"error": "try /predict?x=3"})

    def answer(self, status: int, document: dict) -> None:
        body = (json.dumps(document) + "\n").encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        if not self.path.startswith("/health"):
            super().log_message(format, *args)


current_model()
ThreadingHTTPServer(("0.0.0.0", 8000), Handler).serve_forever()
