"""The README's examples run as written.

The server example serves and the client example calls it; the examples of the client's features
call the scripted service of the client tests (tests/client/support.py) on a local server. The
only edits are the ones a reader makes too: the port the server listens on, and the environment
(`DEPOT_API_URL` pointing at the local server, a `DEPOT_TOKEN`).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from client.support import Script, ScriptedDepot
from depot_ci.v1 import CIServiceASGIApplication
from live_servers import serve_asgi

_EXAMPLE = re.compile(r"<!-- example: (?P<name>\w+) -->\n```python\n(?P<code>.*?)```", re.S)


def _examples(repo_root: Path) -> dict[str, str]:
    return {m["name"]: m["code"] for m in _EXAMPLE.finditer((repo_root / "README.md").read_text())}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_until_listening(port: int, server: subprocess.Popen[str], seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"the server example exited: {server.communicate()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise AssertionError("the server example did not start listening")


_FEATURES = ("paging", "retries", "follow", "tools", "testing")


def test_readme_examples_have_the_promised_size(repo_root: Path) -> None:
    examples = _examples(repo_root)
    assert set(examples) == {"client", "server", *_FEATURES}
    sizes = {name: sum(1 for line in code.splitlines() if line.strip()) for name, code in examples.items()}
    assert sizes["server"] <= 18, sizes
    assert all(size <= 10 for name, size in sizes.items() if name != "server"), sizes


def _run(code: str, directory: Path, url: str) -> list[str]:
    script = directory / "example.py"
    script.write_text(code)
    environment = {**os.environ, "DEPOT_API_URL": url, "DEPOT_TOKEN": "test-token"}
    environment.pop("DEPOT_ORG_ID", None)
    result = subprocess.run(
        [sys.executable, str(script)], cwd=directory, env=environment, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


@pytest.fixture(scope="module")
def scripted() -> Iterator[tuple[str, ScriptedDepot]]:
    service = ScriptedDepot()
    with serve_asgi(CIServiceASGIApplication(service)) as url:
        yield url, service


def _script(service: ScriptedDepot, **settings: object) -> Script:
    service.script = Script(**settings)  # type: ignore[arg-type]
    return service.script


def test_paging_example(repo_root: Path, tmp_path: Path, scripted: tuple[str, ScriptedDepot]) -> None:
    url, service = scripted
    script = _script(service)
    assert _run(_examples(repo_root)["paging"], tmp_path, url) == [f"{run} finished" for run in script.runs]
    assert script.page_sizes == [100]


def test_retries_example(repo_root: Path, tmp_path: Path, scripted: tuple[str, ScriptedDepot]) -> None:
    url, service = scripted
    script = _script(service, get_run_failures=3)
    assert _run(_examples(repo_root)["retries"], tmp_path, url) == ["run_123 running"]
    assert script.calls["get_run"] == 4
    assert script.headers[-1]["authorization"] == "Bearer test-token"


def test_follow_example(repo_root: Path, tmp_path: Path, scripted: tuple[str, ScriptedDepot]) -> None:
    url, service = scripted
    script = _script(service, cut_after={3, 7})
    lines = _run(_examples(repo_root)["follow"], tmp_path, url)
    assert lines == [f"{number} {body}" for number, body in enumerate(script.log_lines)]
    assert script.cursors == ["", "3", "7"]


def test_tools_example(repo_root: Path, tmp_path: Path, scripted: tuple[str, ScriptedDepot]) -> None:
    url, service = scripted
    script = _script(service, statuses=["finished"])
    assert _run(_examples(repo_root)["tools"], tmp_path, url) == [
        "11 bytes",
        "23 bytes",
        "34 bytes",
        "finished attempt.log 34",
    ]
    assert (tmp_path / "attempt.log").read_bytes() == b"".join(script.export_chunks)


def test_testing_example(repo_root: Path, tmp_path: Path) -> None:
    assert _run(_examples(repo_root)["testing"], tmp_path, "http://127.0.0.1:9") == ["finished"]


@pytest.fixture
def served_example(repo_root: Path, tmp_path: Path) -> Iterator[int]:
    port = _free_port()
    code = _examples(repo_root)["server"].replace("port=8000", f"port={port}")
    assert f"port={port}" in code
    script = tmp_path / "server_example.py"
    script.write_text(code)
    server = subprocess.Popen(
        [sys.executable, str(script)], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        _wait_until_listening(port, server)
        yield port
    finally:
        server.terminate()
        try:
            server.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.communicate()


def test_readme_client_example_calls_the_readme_server_example(
    repo_root: Path, tmp_path: Path, served_example: int
) -> None:
    lines = _run(_examples(repo_root)["client"], tmp_path, f"http://127.0.0.1:{served_example}")
    assert lines == [".depot/workflows/ci.yml running []", "step 0", "step 1", "step 2"]
