"""`undocs serve` serves the site and nothing else: no way out of --out, many readers at once."""

from __future__ import annotations

import http.client
import os
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from undocs.build import BuildOptions, build
from undocs.serve import make_server
from undocs.site.render import Settings

ROOT = Path(__file__).resolve().parent.parent
SECRET = "SECRET-TOKEN-5d2e"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("serve")
    seeds = base / "seeds"
    shutil.copytree(ROOT / "seeds" / "hrc", seeds)
    out = base / "site"
    build(BuildOptions(seeds=seeds, out=out, settings=Settings(search=False)))
    (base / "secret.txt").write_text(SECRET)
    os.symlink(base / "secret.txt", out / "planted.txt")  # as if something put a link there
    os.symlink(base, out / "planted-folder", target_is_directory=True)
    httpd = make_server(out, 0)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd.server_address
    httpd.shutdown()


def _get(address: tuple[str, int], path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(*address, timeout=10)
    connection.putrequest("GET", path, skip_accept_encoding=True)  # the path sent as written
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


ESCAPES = [
    "/../../../../etc/passwd",
    "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
    "/..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/..\\..\\..\\..\\etc\\passwd",
    "/en/../../../../etc/passwd",
    "//etc/passwd",
    "/planted.txt",
    "/planted-folder/secret.txt",
]


@pytest.mark.parametrize("path", ESCAPES)
def test_no_way_out_of_the_site(server, path: str) -> None:
    status, body = _get(server, path)
    assert status in (400, 404), (path, status)
    assert b"root:x:0:0" not in body and SECRET.encode() not in body


def test_binds_loopback_only(server) -> None:
    assert server[0] == "127.0.0.1"


def test_a_hundred_readers_at_once(server) -> None:
    paths = ["/", "/bodies/", "/search/", "/data/records.jsonl", "/en/no/such/page/"] * 20
    with ThreadPoolExecutor(max_workers=100) as pool:
        results = list(pool.map(lambda p: _get(server, p)[0], paths))
    assert results.count(200) == 80 and results.count(404) == 20
