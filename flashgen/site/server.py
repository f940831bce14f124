"""A local server for the built site that rebuilds on change and tells open pages to reload."""

from __future__ import annotations

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Iterable

VERSION_PATH = "/__flashgen__/version"


class _Handler(SimpleHTTPRequestHandler):
    """Static files of the site, plus the build version that live.js polls."""

    server: "SiteServer"

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        if self.path.split("?", 1)[0] == VERSION_PATH:
            body = str(self.server.version).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - quiet unless asked
        if self.server.verbose:
            super().log_message(format, *args)


class SiteServer(ThreadingHTTPServer):
    """Serves `site_dir` on 127.0.0.1; `version` goes up after each successful rebuild."""

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
        self.shutdown()
        self.server_close()


def watch_and_rebuild(paths: Iterable[Path], rebuild: Callable[[], bool], server: SiteServer,
                      stop: threading.Event | None = None, on_error: Callable[[BaseException], None] | None = None) -> None:
    """Rebuild whenever a file under `paths` changes; pages reload after each successful rebuild."""
    from watchfiles import watch

    folders = [str(p) for p in paths if Path(p).exists()]
    for _changes in watch(*folders, stop_event=stop, debounce=300, raise_interrupt=False):
        try:
            if rebuild():
                server.version += 1
        except Exception as exc:  # noqa: BLE001 - keep serving the last good site
            if on_error:
                on_error(exc)
