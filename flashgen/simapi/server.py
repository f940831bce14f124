"""Running the API server: in the foreground for `flashgen sim serve`, or on a background thread."""

from __future__ import annotations

import asyncio
import socket
import threading
from pathlib import Path
from typing import Any, Callable

import uvicorn

from flashgen.sim import SimCluster

from .app import make_app
from .runtime import Runtime

HOST = "127.0.0.1"


def bind(port: int) -> socket.socket:
    """A listening loopback socket (port 0: any free port); OSError when the port is taken."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((HOST, port))
    except OSError:
        sock.close()
        raise
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def url_of(sock: socket.socket) -> str:
    return f"http://{HOST}:{sock.getsockname()[1]}"


def _server(rt: Runtime) -> uvicorn.Server:
    config = uvicorn.Config(make_app(rt), log_level="error", lifespan="on", ws="none", timeout_graceful_shutdown=1,
                            access_log=False)
    return uvicorn.Server(config)


def run(rt: Runtime, sock: socket.socket) -> None:
    """Serve in the foreground until Ctrl-C (or SIGTERM); the state is saved on the way out."""
    try:
        _server(rt).run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn re-raises the Ctrl-C it handled, after shutting down cleanly
        pass


class ServerThread:
    """The API server on a background thread (for tests and embedding)."""

    def __init__(self, sim: SimCluster | None = None, state_path: Path | None = None, speed: float = 1.0,
                 port: int = 0):
        self.runtime = Runtime(sim or SimCluster(), state_path, speed)
        self.sock = bind(port)
        self.url = url_of(self.sock)
        self._server = _server(self.runtime)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def start(self) -> "ServerThread":
        self._thread.start()
        while not self._server.started:
            if not self._thread.is_alive():
                raise RuntimeError("the simulated API server did not start")
            threading.Event().wait(0.01)
        return self

    def call(self, fn: Callable[[Runtime], Any]) -> Any:
        """Run fn(runtime) on the server's event loop (where the simulator lives) and return its result."""
        async def job() -> Any:
            return fn(self.runtime)
        loop = self._loop()
        return asyncio.run_coroutine_threadsafe(job(), loop).result(timeout=30)

    def _loop(self) -> asyncio.AbstractEventLoop:
        task = self.runtime._task
        if task is None:
            raise RuntimeError("the server is not running")
        return task.get_loop()

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self.sock.close()
