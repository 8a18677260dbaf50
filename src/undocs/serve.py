"""`undocs serve`: the built site over HTTP on 127.0.0.1, for previewing and search.

With `--watch`, the sources are watched: a change rebuilds the site (incrementally) and the
pages open in a browser reload themselves. The reload script is added to HTML as it is served,
never written into the site.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Callable
from pathlib import Path

RELOAD_SCRIPT = b"""// undocs serve --watch: reload this page when the site is rebuilt.
(function () {
  var seen = null;
  function poll() {
    fetch("/__undocs/generation", { cache: "no-store" }).then(function (r) { return r.text(); })
      .then(function (g) { if (seen !== null && g !== seen) location.reload(); seen = g; })
      .catch(function () {}).finally(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
"""


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
    watcher: Watcher | None = None

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser went away mid-answer: nothing to tell

    def do_GET(self) -> None:  # noqa: N802
        watcher = self.watcher
        if watcher is not None and self.path.startswith("/__undocs/"):
            body = (
                str(watcher.generation).encode()
                if self.path == "/__undocs/generation"
                else RELOAD_SCRIPT
            )
            kind = "text/plain" if self.path == "/__undocs/generation" else "text/javascript"
            self._answer(body, kind)
            return
        path = Path(self.translate_path(self.path))
        if watcher is not None and path.is_dir():
            path = path / "index.html"
        if watcher is not None and path.suffix == ".html" and path.is_file():
            html = path.read_bytes().replace(
                b"</body>", b'<script src="/__undocs/reload.js"></script></body>', 1
            )
            self._answer(html, "text/html; charset=utf-8")
            return
        super().do_GET()

    def _answer(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


class Watcher:
    """Polls folders for changed files and runs a rebuild when one changes."""

    def __init__(
        self,
        folders: list[Path],
        rebuild: Callable[[list[str]], None],
        every: float = 1.0,
        after: Callable[[], None] | None = None,
        start: Callable[[], None] | None = None,
    ):
        """Watch `folders` from now on (a change made after this is seen even before `run`);
        on a change, call `rebuild` with the paths of the files changed, then `after` once
        the browser was told (`Builder.flush`). `run` calls `start` first
        (`Builder.prepare`)."""
        self.folders = [f for f in folders if f.exists()]
        self.rebuild = rebuild
        self.after = after
        self.start = start
        self.every = every
        self.generation = 0
        self._stop = threading.Event()
        self._last = self.snapshot()

    def snapshot(self) -> dict[str, tuple[int, int]]:
        """Return the size and modification time of every file watched."""
        seen: dict[str, tuple[int, int]] = {}

        def walk(folder: str) -> None:
            try:
                entries = list(os.scandir(folder))
            except OSError:
                return
            for entry in entries:
                try:
                    if entry.is_dir(follow_symlinks=False):
                        walk(entry.path)
                        continue
                    info = entry.stat()
                except OSError:
                    continue
                seen[entry.path] = (info.st_size, info.st_mtime_ns)

        for folder in self.folders:
            if folder.is_file():
                info = folder.stat()
                seen[str(folder)] = (info.st_size, info.st_mtime_ns)
            else:
                walk(str(folder))
        return seen

    def run(self) -> None:
        """Rebuild on every change until stopped."""
        if self.start is not None:
            try:
                self.start()
            except Exception as err:  # noqa: BLE001 - only the first rebuild is slower
                print(f"undocs: could not prepare for rebuilds: {err}", flush=True)
        while not self._stop.wait(self.every):
            now, last = self.snapshot(), self._last
            if now != last:
                changed = [p for p in now.keys() | last.keys() if now.get(p) != last.get(p)]
                self._last = now
                try:
                    self.rebuild(changed)
                except Exception as err:  # noqa: BLE001 - a broken edit must not stop serving
                    print(f"undocs: rebuild failed: {err}", flush=True)
                else:
                    self.generation += 1
                if self.after is not None:
                    self.after()

    def stop(self) -> None:
        """Stop watching."""
        self._stop.set()


def make_server(
    out: Path, port: int = 0, watcher: Watcher | None = None
) -> http.server.ThreadingHTTPServer:
    """Return an HTTP server for `out` on 127.0.0.1 (port 0 picks a free one)."""
    if not (out / "index.html").is_file():
        raise FileNotFoundError(f"{out}: no built site here (run `undocs build` first)")
    handler = type("Handler", (_Handler,), {"watcher": watcher})
    return http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(handler, directory=str(out))
    )


def serve(out: Path, port: int = 8000, watcher: Watcher | None = None) -> None:
    """Serve `out` until interrupted, rebuilding on changes when given a watcher."""
    server = make_server(out, port, watcher)
    print(
        f"Serving {out} at http://127.0.0.1:{server.server_address[1]}/"
        f"{' (watching for changes)' if watcher else ''} (Ctrl-C to stop)",
        flush=True,
    )
    if watcher is not None:
        threading.Thread(target=watcher.run, daemon=True).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        if watcher is not None:
            watcher.stop()
        server.server_close()
