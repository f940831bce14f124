"""`flashgen serve`: the site over 127.0.0.1, the version that open pages poll, rebuilds on change."""

from __future__ import annotations

import threading
import time
import urllib.request
from urllib.parse import quote

from click.testing import CliRunner

from flashgen.cli.serve_cmd import build_once, serve
from flashgen.site.server import VERSION_PATH, SiteServer, watch_and_rebuild


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, limit: float = 30.0) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False


def test_serves_the_site_and_rebuilds_when_a_note_changes(vault_copy, tmp_path):
    out = tmp_path / "build"
    build_once(vault_copy, out)
    server = SiteServer(out / "site", port=0).start()
    stop = threading.Event()
    watcher = threading.Thread(target=watch_and_rebuild,
                               args=([vault_copy], lambda: bool(build_once(vault_copy, out) or True), server, stop))
    watcher.start()
    try:
        page = server.url + quote("notes/서비스.html")
        assert "서비스는" in fetch(page)
        assert fetch(server.url + VERSION_PATH.lstrip("/")) == "1"
        note = vault_copy / "서비스.md"
        edited = note.read_text(encoding="utf-8") + "\n새로 배운 내용: 엔드포인트\n"

        def rebuilt() -> bool:
            note.write_text(edited, encoding="utf-8")  # again each time, in case the watcher was not ready yet
            return fetch(server.url + VERSION_PATH.lstrip("/")) != "1"

        assert wait_for(rebuilt), "no rebuild after the edit"
        assert "엔드포인트" in fetch(page)
    finally:
        stop.set()
        watcher.join(timeout=10)
        server.stop()


def test_missing_notes_folder_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(serve, ["--notes", str(tmp_path / "nope"), "--out", str(tmp_path / "out")])
    assert result.exit_code != 0
    assert "no such notes folder" in result.output and "Traceback" not in result.output


def test_busy_port_is_a_clear_error(vault_copy, tmp_path):
    blocker = SiteServer(tmp_path, port=0).start()
    try:
        port = blocker.server_address[1]
        result = CliRunner().invoke(serve, ["--notes", str(vault_copy), "--out", str(tmp_path / "out"),
                                            "--port", str(port)])
        assert result.exit_code != 0
        assert f"port {port} is in use" in result.output
    finally:
        blocker.stop()
