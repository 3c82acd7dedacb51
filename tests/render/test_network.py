"""Over real HTTP: the combinations the in-process transports cannot pair.

pyqwest's in-process transports give sync client + WSGI and async client + ASGI; a real server
adds the other two: the sync client against the ASGI application (uvicorn, in a thread) and the
async client against the WSGI application (waitress, in a subprocess; see
fixtures/async_over_http.py for why a subprocess and how it exits).
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from connectrpc.code import Code
from connectrpc.errors import ConnectError
from live_servers import serve_asgi

from .support import FIXTURES


@pytest.fixture
def asgi_url(importable: Path) -> Iterator[str]:
    """The fixture's ASGI application served by uvicorn on an ephemeral port."""
    api = importlib.import_module("acme_widgets.v1")
    servers = importlib.import_module("widgets_servers")
    with serve_asgi(api.WidgetServiceASGIApplication(servers.WidgetsAsync())) as url:
        yield url


@pytest.mark.parametrize("encoding", ["proto", "json"])
def test_sync_client_against_the_asgi_application(asgi_url: str, encoding: str) -> None:
    api: ModuleType = importlib.import_module("acme_widgets.v1")
    with api.WidgetServiceClientSync(asgi_url, encoding=encoding) as client:
        assert client.get_widget(api.GetWidgetRequest(widget_id="w1")).id == "w1"
        assert len(list(client.watch_widget(api.WatchWidgetRequest(widget_id="w1")))) == 3
        parts = [api.UploadPartRequest(widget_id="w", chunk=b"abc") for _ in range(2)]
        assert client.upload_parts(parts).total_bytes == 6
        assert [reply.text for reply in client.chat([api.ChatMessage(text="x")])] == ["X"]
        with pytest.raises(ConnectError) as raised:
            client.get_widget(api.GetWidgetRequest())
        assert (raised.value.code, raised.value.message) == (Code.INVALID_ARGUMENT, "widgetId is required")


def test_async_client_against_the_wsgi_application(package_root: Path) -> None:
    completed = subprocess.run(
        [sys.executable, str(FIXTURES / "async_over_http.py")],
        cwd=package_root,
        env={**os.environ, "PYTHONPATH": str(package_root)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (completed.returncode, completed.stdout.strip()) == (0, "ok"), completed.stderr
