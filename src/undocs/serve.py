"""`undocs serve`: the built site over HTTP on 127.0.0.1, for previewing and search."""

from __future__ import annotations

import functools
import http.server
from pathlib import Path


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".css": "text/css",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".jsonl": "application/jsonl; charset=utf-8",
        ".pf_meta": "application/octet-stream",
        ".pf_index": "application/octet-stream",
        ".pf_fragment": "application/octet-stream",
        ".pagefind": "application/octet-stream",
    }

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def make_server(out: Path, port: int = 0) -> http.server.ThreadingHTTPServer:
    """Return an HTTP server for `out` on 127.0.0.1 (port 0 picks a free one)."""
    if not (out / "index.html").is_file():
        raise FileNotFoundError(f"{out}: no built site here (run `undocs build` first)")
    handler = functools.partial(_Handler, directory=str(out))
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)


def serve(out: Path, port: int = 8000) -> None:
    """Serve `out` until interrupted."""
    server = make_server(out, port)
    print(f"Serving {out} at http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
