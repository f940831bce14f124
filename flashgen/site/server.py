"""A local server for the built site that rebuilds on change and tells open pages to reload."""

from __future__ import annotations

import html
import os
import sys
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import unquote

VERSION_PATH = "/__flashgen__/version"
NOT_FOUND_PAGE = "404.html"  # the site's own page for a missing address (its links made absolute when served)
POLL_SECONDS = 1.0  # how often the watcher looks whether a watched folder was replaced or has come back
# a rebuild starts once the watched files have been quiet this long (ms) after a change: long enough for one save
# (an editor's write, or its write and rename, come within a few ms), short enough not to be felt
QUIET_MS = 20


class _Handler(SimpleHTTPRequestHandler):
    """Static files of the site, plus the build version that live.js polls; errors as the site's own pages."""

    server: "SiteServer"

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        self._answer(super().do_GET)

    def do_HEAD(self) -> None:  # noqa: N802 - the http.server API
        self._answer(super().do_HEAD)

    def _answer(self, serve: Callable[[], None]) -> None:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path == VERSION_PATH:
            self._send(HTTPStatus.OK, str(self.server.version).encode(), "text/plain; charset=utf-8",
                       {"Cache-Control": "no-store"})
            return
        try:
            name = unquote(path, errors="strict")
        except UnicodeDecodeError:
            name = "\0"
        if "\0" in name:  # no file system takes it: a bad request, not a crash
            self.send_error(HTTPStatus.BAD_REQUEST, "The address holds a character no file name can hold.")
            return
        serve()

    def list_directory(self, path: str | os.PathLike[str]) -> None:  # type: ignore[override]
        """Folders are not listed: a folder without index.html is a page that does not exist."""
        self.send_error(HTTPStatus.NOT_FOUND)
        return None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """The site's 404 page for a missing page; a small page in the site's style for other errors."""
        status = HTTPStatus(code)
        page = self.server.site_dir / NOT_FOUND_PAGE
        body = None
        if status is HTTPStatus.NOT_FOUND and page.is_file():
            text = page.read_text(encoding="utf-8")
            # the page's links are relative to the site's root, wherever the missing address was
            body = text.replace("<head>", '<head>\n<base href="/">', 1).encode("utf-8")
        if body is None:
            reason = html.escape(message or status.phrase)
            body = (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><base href="/">'
                    f'<link rel="stylesheet" href="assets/site.css"><title>{status.value} {html.escape(status.phrase)}'
                    f'</title></head><body><main class="main"><h1>{status.value} {html.escape(status.phrase)}</h1>'
                    f'<p>{reason}</p><p><a href="/">Home</a></p></main></body></html>').encode("utf-8")
        self._send(status, body, "text/html; charset=utf-8", {"Connection": "close"})
        self.close_connection = True

    def _send(self, status: HTTPStatus, body: bytes, content_type: str, headers: dict[str, str]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD" and status.value >= 200 and status not in (HTTPStatus.NO_CONTENT,
                                                                               HTTPStatus.NOT_MODIFIED):
            self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - quiet unless asked
        if self.server.verbose:
            super().log_message(format, *args)


class SiteServer(ThreadingHTTPServer):
    """Serves `site_dir` on 127.0.0.1; `version` goes up after each successful rebuild. The port is taken when
    the server is made, so that a busy port is known before any build."""

    daemon_threads = True

    def __init__(self, site_dir: Path, port: int = 8000, verbose: bool = False) -> None:
        self.site_dir = Path(site_dir)
        self.version = 1
        self.verbose = verbose
        super().__init__(("127.0.0.1", port), partial(_Handler, directory=str(self.site_dir)))
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def start(self) -> "SiteServer":
        """Serve in a background thread."""
        self._thread = threading.Thread(target=self.serve_forever, name="flashgen-serve", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self.shutdown()
        self.server_close()

    def handle_error(self, request, client_address) -> None:
        """A browser that reloads or closes a page while a file is still being sent resets its connection: that
        is no error of the site, and nothing is printed. Anything else is one line, never a traceback."""
        problem = sys.exc_info()[1]
        if isinstance(problem, (ConnectionError, TimeoutError)):
            return
        print(f"flashgen serve: a request from {client_address[0]} failed: {problem!r}", file=sys.stderr)


def _identity(path: Path) -> tuple[int, int] | None:
    """Which folder is at `path` now (None: none), so that one deleted and made again is told apart."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino) if Path(path).is_dir() else None


def watch_and_rebuild(paths: Iterable[Path], rebuild: Callable[[set[str] | None], bool], server: SiteServer,
                      stop: threading.Event | None = None, on_error: Callable[[BaseException], None] | None = None,
                      ) -> None:
    """Rebuild whenever a file under `paths` changes; open pages reload after each rebuild that `rebuild` says
    succeeded (True). `rebuild` is given the paths changed since the last rebuild, or None when that is not known
    (a watched folder was replaced, or the watcher has just begun and what changed before it cannot be told:
    `rebuild` looks for itself, and says False when it found nothing changed). A watched folder that is deleted,
    or deleted and made again (a git checkout, a sync tool), is watched again as soon as it is back, and its
    return rebuilds. Ctrl-C raises KeyboardInterrupt."""
    from watchfiles import Change, watch

    paths = [Path(p) for p in paths]
    roots = {os.path.abspath(p) for p in paths}
    stop = stop or threading.Event()

    def run(changed: set[str] | None) -> None:
        try:
            if rebuild(changed):
                server.version += 1
        except Exception as exc:  # noqa: BLE001 - keep serving the last good site
            if on_error:
                on_error(exc)

    while not stop.is_set():
        seen = {path: _identity(path) for path in paths}
        present = [path for path, found in seen.items() if found]
        if not present:
            if stop.wait(POLL_SECONDS / 2):
                return
            if any(_identity(path) for path in paths):
                run(None)
            continue
        # the first rebuild of a watch, at its first change or its first quiet second, is not told what changed:
        # what changed before the watcher was ready (while the first build ran, or as serve started) is found too
        ready = False
        for changes in watch(*present, stop_event=stop, debounce=300, step=QUIET_MS,
                             rust_timeout=int(POLL_SECONDS * 1000), yield_on_timeout=True, raise_interrupt=True):
            # a folder deleted and made again may get the same inode: its own deletion tells it apart
            replaced = any(_identity(path) != found for path, found in seen.items()) or any(
                change == Change.deleted and os.path.abspath(where) in roots for change, where in changes)
            if changes or replaced or not ready:
                run({where for _, where in changes} if ready and not replaced else None)
                ready = True
            if replaced:
                break  # watch the folders that are there now
