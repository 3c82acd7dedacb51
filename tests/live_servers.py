"""Real servers for tests: an ASGI app under uvicorn, a WSGI app under waitress, on 127.0.0.1.

Each runs in a thread on a free port for the duration of a `with` block and is stopped (and
checked to be stopped) when the block ends, also on failure.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn
import waitress.server

__all__ = ["serve_asgi", "serve_wsgi"]


def _listener() -> socket.socket:
    # IPPROTO_TCP explicitly: asyncio disables Nagle's algorithm only on sockets whose `proto` is
    # IPPROTO_TCP, and `socket.socket()` leaves it 0. Without TCP_NODELAY uvicorn's last chunk waits
    # for the client's delayed ACK, and every call takes about 40 ms instead of under 1 ms.
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    return listener


@contextmanager
def serve_asgi(app: Any) -> Iterator[str]:
    """Serve the ASGI `app` with uvicorn on 127.0.0.1 (a free port) in a thread; yield its URL."""
    listener = _listener()
    port = listener.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, name="uvicorn", daemon=True)
    one_line = _OneLineTracebacks()
    logging.getLogger("uvicorn.error").addFilter(one_line)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not server.started:
            assert thread.is_alive(), "uvicorn stopped while starting"
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.01)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(20)
        listener.close()
        logging.getLogger("uvicorn.error").removeFilter(one_line)
        assert not thread.is_alive(), "uvicorn did not stop"


class _OneLineTracebacks(logging.Filter):
    """Logs an exception as one line instead of a traceback.

    On CPython 3.11 formatting a traceback parses source lines with `ast` (for the `^^^` markers),
    and `ast` is not thread-safe there: a server thread formatting a traceback while pytest formats
    a failure can crash pytest with `SystemError: AST constructor recursion depth mismatch` (seen
    here as an INTERNALERROR ending the session). The exception's type and message are kept.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None:
            message = record.getMessage().rstrip()
            record.msg = f"{message}: {record.exc_info[1]!r} (traceback not formatted in a server thread)"
            record.args = ()
            record.exc_info = None
            record.exc_text = None
        return True


@contextmanager
def serve_wsgi(app: Any) -> Iterator[str]:
    """Serve the WSGI `app` with waitress on 127.0.0.1 (a free port) in a thread; yield its URL."""
    server = waitress.server.create_server(app, host="127.0.0.1", port=0, threads=4)
    assert isinstance(server, waitress.server.TcpWSGIServer)
    thread = threading.Thread(target=server.run, name="waitress", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        # Close the listener and every open connection from the server's own loop thread; the loop
        # ends once nothing is left to watch.
        server.trigger.pull_trigger(lambda: _close_dispatchers(server))
        thread.join(20)
        server.task_dispatcher.shutdown()
        assert not thread.is_alive(), "waitress did not stop"


def _close_dispatchers(server: waitress.server.TcpWSGIServer) -> None:
    for dispatcher in list(server._map.values()):
        dispatcher.close()
