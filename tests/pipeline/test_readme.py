"""The README's two examples run as written: the server example serves, the client example calls it.

The only edits are the ones a reader makes too: the port the server listens on, and the base URL
the client calls (the test's local server instead of api.depot.dev).
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


def test_readme_examples_have_the_promised_size(repo_root: Path) -> None:
    examples = _examples(repo_root)
    assert set(examples) == {"client", "server"}
    sizes = {name: sum(1 for line in code.splitlines() if line.strip()) for name, code in examples.items()}
    assert sizes["client"] <= 10, sizes
    assert sizes["server"] <= 15, sizes


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
    code = _examples(repo_root)["client"].replace("https://api.depot.dev", f"http://127.0.0.1:{served_example}")
    assert f"127.0.0.1:{served_example}" in code
    script = tmp_path / "client_example.py"
    script.write_text(code)
    result = subprocess.run(
        [sys.executable, str(script)],
        cwd=tmp_path,
        env={**os.environ, "DEPOT_TOKEN": "test-token"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [".depot/workflows/ci.yml running []", "step 0", "step 1", "step 2"]
