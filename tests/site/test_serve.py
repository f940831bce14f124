"""`flashgen serve`: the site over 127.0.0.1, the version that open pages poll, rebuilds on change."""

from __future__ import annotations

import os
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

from click.testing import CliRunner

from flashgen.cli.serve_cmd import build_once, serve
from flashgen.site.server import VERSION_PATH, SiteServer, watch_and_rebuild


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, limit: float = 90.0, every: float = 0.5) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(every)
    return False


def test_serves_the_site_and_rebuilds_when_a_note_changes(vault_copy, tmp_path):
    out = tmp_path / "build"
    build_once(vault_copy, out)
    server = SiteServer(out / "site", port=0).start()
    stop = threading.Event()
    watcher = threading.Thread(target=watch_and_rebuild,
                               args=([vault_copy], lambda changed: build_once(vault_copy, out).site_path is not None, server,
                                     stop))
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


def _site_files(site) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _save_through_a_temporary_file(note) -> None:
    temporary = note.with_name(note.name + ".tmp")
    temporary.write_text(note.read_text(encoding="utf-8").replace("서비스는", "서비스란"), encoding="utf-8")
    os.replace(temporary, note)


def test_rebuilds_told_what_the_watcher_saw_give_a_clean_builds_site(vault_copy, tmp_path):
    """Each rebuild is told the paths the watcher saw change (the vault is walked again only when files came or
    went): after each kind of edit, the site is the one a clean build makes of the vault."""
    from flashgen.build.memory import Memory
    from flashgen.build.pipeline import build

    out = tmp_path / "build"
    memory = Memory()
    build_once(vault_copy, out, memory)
    told: list = []
    building = threading.Lock()

    def rebuild(changed) -> bool:
        with building:
            told.append(changed)
            return build_once(vault_copy, out, memory, changed).site_path is not None

    server = SiteServer(out / "site", port=0).start()
    stop = threading.Event()
    watcher = threading.Thread(target=watch_and_rebuild, args=([vault_copy], rebuild, server, stop))
    watcher.start()
    service = vault_copy / "서비스.md"
    edits = {
        "a dated line added": lambda: service.write_text(service.read_text(encoding="utf-8") + "\n2031-03-15 엔드포인트\n",
                                                         encoding="utf-8"),
        "saved through a temporary file": lambda: _save_through_a_temporary_file(service),
        "a title changed (the note renamed)": lambda: (vault_copy / "디플로이먼트.md").rename(vault_copy / "배포 개요.md"),
        "a note added": lambda: (vault_copy / "새 노트.md").write_text("# 새 노트\n- 파드 - 가장 작은 단위\n", encoding="utf-8"),
        "a note removed": lambda: (vault_copy / "모음.md").unlink(),
    }
    try:
        marker = vault_copy / "guides" / "Pod basics.md"
        text = marker.read_text(encoding="utf-8")
        # the first change is made until a rebuild is seen, in case the watcher was not ready yet; that rebuild
        # is not told what changed (the watcher may have missed a part of it)
        assert wait_for(lambda: (marker.write_text(text, encoding="utf-8"), server.version > 1)[1])
        assert told[0] is None
        for number, (edit, change) in enumerate(edits.items()):
            time.sleep(0.2)  # (the rebuilds of the last edit are over)
            seen, version = len(told), server.version
            change()
            assert wait_for(lambda: server.version > version, every=0.05), edit
            time.sleep(0.2)
            with building:
                build(vault_copy, tmp_path / f"clean{number}", decks=False)
                assert _site_files(out / "site") == _site_files(tmp_path / f"clean{number}" / "site"), (edit, told)
                assert all(changed is not None for changed in told[seen:]), edit  # (told, and walked if need be)
    finally:
        stop.set()
        watcher.join(timeout=10)
        server.stop()
    home = (out / "site" / "index.html").read_text(encoding="utf-8")
    assert "배포 개요" in home and "2031-03-15" in home
    assert "2031-03-15" in (out / "site" / "timeline.html").read_text(encoding="utf-8")


def test_a_note_saved_before_the_watcher_is_ready_is_built_and_a_look_at_an_unchanged_vault_is_quiet(
        vault_copy, tmp_path):
    """A note saved after serve's first build but before its watcher is ready (as serve starts) is not lost: the
    watcher's first look, at its first quiet second, finds it. A first look that finds nothing changed makes no
    new site (open pages do not reload)."""
    from flashgen.build.memory import Memory

    out = tmp_path / "build"
    memory = Memory()
    build_once(vault_copy, out, memory)
    service = vault_copy / "서비스.md"
    service.write_text(service.read_text(encoding="utf-8") + "\n2031-03-15 엔드포인트\n", encoding="utf-8")
    looks: list = []

    def rebuild(changed) -> bool:
        result = build_once(vault_copy, out, memory, changed)
        looks.append((changed, result.unchanged))
        return not result.unchanged

    server = SiteServer(out / "site", port=0).start()
    try:
        for expected in ([(None, False)], [(None, True)]):  # (the second watcher starts with nothing changed)
            looks.clear()
            version = server.version
            stop = threading.Event()
            watcher = threading.Thread(target=watch_and_rebuild, args=([vault_copy], rebuild, server, stop))
            watcher.start()
            try:
                assert wait_for(lambda: looks, limit=30, every=0.05)
                assert looks == expected
                assert server.version == version + (not expected[0][1])
            finally:
                stop.set()
                watcher.join(timeout=10)
    finally:
        server.stop()
    assert "2031-03-15" in (out / "site" / "timeline.html").read_text(encoding="utf-8")


def test_missing_notes_folder_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(serve, ["--notes", str(tmp_path / "nope"), "--out", str(tmp_path / "out")])
    assert result.exit_code != 0
    assert "no such notes folder" in result.output and "Traceback" not in result.output


class Served:
    """`flashgen serve` in its own process, as a learner starts it, with its stderr collected line by line."""

    def __init__(self, vault, out) -> None:
        import subprocess
        import sys

        self.proc = subprocess.Popen([sys.executable, "-m", "flashgen", "serve", "--port", "0", "--notes", str(vault),
                                      "--out", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines: list[str] = []
        self._reader = threading.Thread(target=lambda: self.lines.extend(iter(self.proc.stderr.readline, "")),
                                        daemon=True)
        self._reader.start()
        first = self.proc.stdout.readline()
        assert " at http://127.0.0.1:" in first, first + "".join(self.lines)
        self.url = first.split(" at ")[1].split()[0]

    def version(self) -> str:
        return fetch(self.url + VERSION_PATH.lstrip("/"))

    def status(self, path: str) -> tuple[int, str]:
        import urllib.error

        try:
            with urllib.request.urlopen(self.url + path, timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def after(self, count: int) -> list[str]:
        return self.lines[count:]

    def stop(self) -> tuple[int, str]:
        import signal

        self.proc.send_signal(signal.SIGINT)
        code = self.proc.wait(timeout=30)
        self._reader.join(timeout=10)
        return code, "".join(self.lines)


def test_serve_as_a_learner_meets_it(vault_copy, tmp_path):
    served = Served(vault_copy, tmp_path / "build")
    try:
        assert wait_for(lambda: any(line.strip().endswith("0 errors") for line in served.lines)), served.lines
        first = list(served.lines)
        assert any(line.startswith("디플로이먼트.md:11: warning: missing image") for line in first)
        assert first[-1].strip().endswith("warnings, 0 errors")
        # the site's own page for a missing address, wherever it is; no folder listings; NUL is a bad request
        for missing in ("nope.html", "notes/deeper/nope.html", "assets/"):
            code, page = served.status(missing)
            assert code == 404 and "Page not found" in page and '<base href="/">' in page, missing
        assert "Index of" not in served.status("assets/")[1]
        code, page = served.status("%00")
        assert code == 400 and "Bad Request" in page
        assert served.status("")[0] == 200  # still serving after the bad request

        # a new problem is printed once; the old ones are not printed again
        seen = len(served.lines)
        note = vault_copy / "서비스.md"
        note.write_text(note.read_text(encoding="utf-8") + "\n```yaml\na: 1\n", encoding="utf-8")
        assert wait_for(lambda: served.version() == "2"), served.lines
        assert wait_for(lambda: any("rebuilt in" in line for line in served.after(seen))), served.lines
        news = served.after(seen)
        assert [line for line in news if "warning:" in line] == [
            "서비스.md:17: warning: code fence ``` is never closed; the rest of the note is read as code\n"], news
        assert "1 new, 0 fixed" in news[-1]

        # the notes folder deleted (a checkout, a sync tool): a failure that keeps the last site and its pages
        import shutil

        kept = vault_copy.parent / "kept"
        shutil.copytree(vault_copy, kept)
        seen = len(served.lines)
        shutil.rmtree(vault_copy)
        assert wait_for(lambda: any("rebuild failed" in line for line in served.after(seen))), served.lines
        assert served.version() == "2" and served.status("")[0] == 200
        assert not any("warning(s)" in line for line in served.after(seen))
        # ... and made again: rebuilding goes on, for that change and the next ones
        shutil.copytree(kept, vault_copy)
        assert wait_for(lambda: served.version() == "3"), served.lines
        (vault_copy / "새 노트.md").write_text("# 새 노트\n- 파드 - 가장 작은 단위\n", encoding="utf-8")
        assert wait_for(lambda: served.version() == "4"), served.lines
        assert served.status("notes/" + quote("새 노트.html"))[0] == 200
    finally:
        code, err = served.stop()
    assert code == 0 and "stopped" in err
    assert "KeyboardInterrupt" not in err and "Traceback" not in err


def test_a_busy_port_is_found_before_any_build(vault_copy, tmp_path):
    blocker = SiteServer(tmp_path, port=0).start()
    try:
        port = blocker.server_address[1]
        result = CliRunner().invoke(serve, ["--notes", str(vault_copy), "--out", str(tmp_path / "out"),
                                            "--port", str(port)])
        assert result.exit_code != 0 and f"port {port} is in use" in result.output
        assert not (tmp_path / "out" / "site").exists()
    finally:
        blocker.stop()


def test_a_browser_that_goes_away_mid_download_prints_nothing(tmp_path: Path, capfd) -> None:
    """A page reloaded or closed while a large file is still being sent resets the connection: the server goes
    on without printing a traceback into the learner's terminal."""
    import socket
    import struct

    (tmp_path / "big.bin").write_bytes(b"x" * (64 << 20))
    server = SiteServer(tmp_path, port=0).start()
    try:
        for _ in range(3):
            client = socket.create_connection(("127.0.0.1", server.server_address[1]))
            client.sendall(b"GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n")
            client.recv(1024)
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close with a reset
            client.close()
        time.sleep(0.5)
        assert urllib.request.urlopen(server.url + "big.bin").read(16) == b"x" * 16  # still serving
    finally:
        server.stop()
    assert "Traceback" not in capfd.readouterr().err


def test_what_serve_keeps_between_rebuilds_is_out_of_the_collectors_way(vault_copy, tmp_path):
    """What a build leaves in serve's memory lives as long as serve: after a build, serve frees the build's cyclic
    garbage and freezes the rest, so that no later pass of the collector (which fell on a rebuild) walks it. Run
    in a process of its own: freezing is for the whole process."""

    script = (
        "import gc, sys\n"
        "from pathlib import Path\n"
        "from flashgen.build.memory import Memory\n"
        "from flashgen.cli.serve_cmd import _freeze_what_is_kept, build_once\n"
        "memory = Memory()\n"
        "build_once(Path(sys.argv[1]), Path(sys.argv[2]), memory)\n"
        "kept = {id(memo) for memo in memory.notes.values()}\n"
        "tracked = lambda: sum(id(o) in kept for o in gc.get_objects())\n"
        "before = tracked()\n"
        "cycle = []; cycle.append(cycle); made = id(cycle); del cycle\n"
        "_freeze_what_is_kept()\n"
        "print(len(kept), before, tracked(), gc.get_freeze_count() > 0, any(id(o) == made for o in gc.get_objects()))\n")
    output = _in_a_process_of_its_own(script, vault_copy, tmp_path / "build")
    kept, before, after, frozen, cycle_left = output.split()
    assert int(kept) >= 3 and int(before) == int(kept)  # the notes' memos, walked by every pass of the collector
    assert int(after) == 0 and frozen == "True"  # out of its way
    assert cycle_left == "False"  # garbage made before the freeze was collected, not frozen


def test_the_first_save_after_serve_starts_loads_nothing_more(vault_copy, tmp_path):
    """serve loads, once its first build is done, what a rebuild of one edited note would load on first use (the
    manifest lint, the check of kubectl commands, every page template): the first save imports no module and compiles no template, also when
    the first build kept every page of the last one. Run in a process of its own (imports are per process)."""

    from flashgen.build.pipeline import build

    build(vault_copy, tmp_path / "build", decks=False)  # (serve finds it up to date)
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from flashgen.build.memory import Memory\n"
        "from flashgen.cli.serve_cmd import _ready_for_edits, build_once\n"
        "from flashgen.site import templates_env\n"
        "vault, out = Path(sys.argv[1]), Path(sys.argv[2])\n"
        "memory = Memory()\n"
        "print(build_once(vault, out, memory).unchanged)\n"
        "_ready_for_edits()\n"
        "loaded, templates = set(sys.modules), len(templates_env._environment().cache)\n"
        "note = vault / '디플로이먼트.md'\n"
        "note.write_text(note.read_text(encoding='utf-8') + '\\n```yaml\\napiVersion: v1\\nkind: Pod\\n"
        "metadata:\\n  name: web\\nspec:\\n  containers:\\n  - name: web\\n    image: nginx\\n```\\n"
        "\\n```bash\\nkubectl get pod web -o wide\\n```\\n', "
        "encoding='utf-8')\n"
        "result = build_once(vault, out, memory, {str(note)})\n"
        "print(result.unchanged, sorted(set(sys.modules) - loaded), len(templates_env._environment().cache) - templates)\n")
    output = _in_a_process_of_its_own(script, vault_copy, tmp_path / "build")
    first, rebuilt = output.splitlines()
    assert first == "True"  # the first build kept everything: it loaded no lint and compiled no template
    assert rebuilt == "False [] 0"  # the edit (a manifest and a command added) was built, and loaded nothing new


def _in_a_process_of_its_own(script: str, *args: Path) -> str:
    """What a Python script prints, run with `args` in a new interpreter (for what is per process: the collector's
    frozen objects, the modules imported)."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", script, *map(str, args)], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout
