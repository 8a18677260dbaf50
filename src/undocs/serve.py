"""`undocs serve`: the built site over HTTP on 127.0.0.1, for previewing and search.

With `--watch`, the sources are watched: a change rebuilds the site (incrementally) and the
pages open in a browser reload themselves. The reload script is added to HTML as it is served,
never written into the site.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import http.server
import os
import threading
from collections.abc import Callable
from pathlib import Path

from .inputs import inside
from .model import SetupError

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
    extensions_map: dict[str, str] = {  # noqa: RUF012  (http.server's own attribute)
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
    prefix = "/"
    """The path the site is served under (`/repo/`, as GitHub Pages serves a project)."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def handle_one_request(self) -> None:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().handle_one_request()  # (the browser going away mid-answer: nothing to tell)

    def translate_path(self, path: str) -> str:
        # the site under `prefix`; any other address is missing (translated to no file)
        if self.prefix != "/":
            if not path.startswith(self.prefix):
                return os.path.join(self.directory, ".undocs-missing", "x")
            path = "/" + path[len(self.prefix) :]
        found = super().translate_path(path)  # `..` and its encodings dropped
        root = os.path.realpath(self.directory)
        if not inside(os.path.realpath(found), root):  # a link out of the site
            return os.path.join(self.directory, ".undocs-missing", "x")
        return found

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Answer a missing address with the site's 404.html, as GitHub Pages does."""
        page = Path(self.directory) / "404.html"
        if code != 404 or self.command not in ("GET", "HEAD") or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command == "GET":
            self.wfile.write(body)

    def do_GET(self) -> None:
        if self.prefix != "/" and self.path in ("/", self.prefix.rstrip("/")):
            self.send_response(302)
            self.send_header("Location", self.prefix)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
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
        folders: list[Path] | Callable[[], list[Path]],
        rebuild: Callable[[list[str]], None],
        every: float = 1.0,
        after: Callable[[], None] | None = None,
        start: Callable[[], None] | None = None,
        explain: Callable[[Exception], str] = lambda err: f"undocs: rebuild failed: {err}",
    ):
        """Watch `folders` (files or folders; a function giving them, asked at every look)
        from now on: a change made after this is seen even before `run`. On a change, call
        `rebuild` with the paths of the files changed, then `after` once the browser was told
        (`Builder.flush`); a failed rebuild is told with `explain`. `run` calls `start` first
        (`Builder.prepare`)."""
        self.folders = folders if callable(folders) else (lambda: folders)
        self.explain = explain
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
                    info = entry.stat(follow_symlinks=False)  # a link, not what it points at
                except OSError:
                    continue
                seen[entry.path] = (info.st_size, info.st_mtime_ns)

        for folder in self.folders():
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
            except Exception as err:
                print(f"undocs: could not prepare for rebuilds: {err}", flush=True)
        while not self._stop.wait(self.every):
            folders = self.folders()
            now, last = self.snapshot(), self._last
            if now != last:
                changed = [p for p in now.keys() | last.keys() if now.get(p) != last.get(p)]
                self._last = now
                try:
                    self.rebuild(changed)
                except Exception as err:
                    print(self.explain(err), flush=True)
                else:
                    self.generation += 1
                if self.folders() != folders:
                    # new settings watch other folders: the rebuild read them as they are
                    self._last = self.snapshot()
                if self.after is not None:
                    self.after()

    def stop(self) -> None:
        """Stop watching."""
        self._stop.set()


def make_server(
    out: Path, port: int = 0, watcher: Watcher | None = None, prefix: str = "/"
) -> http.server.ThreadingHTTPServer:
    """Return an HTTP server for `out` on 127.0.0.1 (port 0 picks a free one), serving the
    site under the path `prefix` (`/repo/`: where GitHub Pages will serve it)."""
    if not (out / "index.html").is_file():
        raise FileNotFoundError(f"{out}: no built site here (run `undocs build` first)")
    handler = type("Handler", (_Handler,), {"watcher": watcher, "prefix": prefix})
    try:
        return http.server.ThreadingHTTPServer(
            ("127.0.0.1", port), functools.partial(handler, directory=str(out))
        )
    except OSError as err:
        if err.errno == errno.EADDRINUSE:
            raise SetupError(
                f"port {port} is in use (another `undocs serve`?); give another with "
                f"--port, e.g. --port {port + 1}"
            ) from None
        raise


def serve(out: Path, port: int = 8000, watcher: Watcher | None = None, prefix: str = "/") -> None:
    """Serve `out` under `prefix` until interrupted, rebuilding on changes when given a
    watcher."""
    server = make_server(out, port, watcher, prefix)
    print(
        f"Serving {out} at http://127.0.0.1:{server.server_address[1]}{prefix}"
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
