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
    assert packages == {"depot_ci", "depot_ci_emulator"}
    assert {"depot_ci/py.typed", "depot_ci/v1/ci_pb2.pyi", "depot_ci/v1/ci_connect.py"} <= set(names)
    unconditional = sorted(r for r in metadata.get_all("Requires-Dist") or [] if "extra ==" not in r)
    assert [r.split("==")[0] for r in unconditional] == ["connectrpc", "protobuf"]


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
        "import depot_ci, depot_ci.v1 as v1\n"
        "print(depot_ci.__file__)\n"
        "print(v1.CIServiceClientSync.__name__, v1.GetRunRequest(run_id='r').run_id)\n"
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
    assert names == "CIServiceClientSync r"
