"""`pip install .` gives an importable `depot_ci` that needs only its runtime dependencies."""

from __future__ import annotations

import email
import subprocess
import sys
import zipfile
from pathlib import Path


def _build_wheel(repo_root: Path, into: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(into),
            ".",
        ],
        cwd=repo_root,
        check=True,
        capture_output=True,
    )
    (wheel,) = into.glob("depot_ci-*.whl")
    return wheel


def test_wheel_holds_the_generated_package_and_only_runtime_requirements(repo_root: Path, tmp_path: Path) -> None:
    wheel = _build_wheel(repo_root, tmp_path)
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = email.message_from_bytes(archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))))
    packages = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    assert packages == {"depot_ci", "depot_ci_emulator", "depot_ci_tools"}
    assert {"depot_ci/py.typed", "depot_ci/v1/ci_pb2.pyi", "depot_ci/v1/ci_connect.py"} <= set(names)
    assert {"depot_ci_tools/py.typed", "depot_ci_tools/logs.py", "depot_ci_tools/runs.py"} <= set(names)
    requirements = metadata.get_all("Requires-Dist") or []
    unconditional = sorted(r for r in requirements if "extra ==" not in r)
    # Compatible ranges, never exact pins: the package installs next to other users of these runtimes.
    assert unconditional == ["connectrpc<0.14,>=0.13.0", "protobuf<8,>=7.35.1"]
    extras = {r.split(";")[1].split("==")[1].strip().strip("'\"") for r in requirements if "extra ==" in r}
    assert {"typing", "serve"} <= extras


def test_installed_package_imports_without_the_repository_on_the_path(repo_root: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            ".",
        ],
        cwd=repo_root,
        check=True,
        capture_output=True,
    )
    script = (
        "import depot_ci, depot_ci.v1 as v1, depot_ci_tools\n"
        "print(depot_ci.__file__)\n"
        "print(v1.CIServiceClientSync.__name__, v1.GetRunRequest(run_id='r').run_id,"
        " depot_ci_tools.wait_for_run.__name__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": ""},
        capture_output=True,
        text=True,
        check=True,
    )
    location, names = result.stdout.splitlines()
    assert Path(location).is_relative_to(target)
    assert names == "CIServiceClientSync r wait_for_run"
