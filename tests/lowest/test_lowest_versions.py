"""The runtime dependencies' lower bounds are real: the end-to-end and client tests pass on exactly them.

A second virtual environment (`.venv-lowest/`, reused while the pins stay the same) gets the
lowest version every runtime dependency in pyproject.toml allows, plus the test tools at their
pinned versions, and runs `tests/e2e` and `tests/client` against `generated/` and `src/`.
"""

from __future__ import annotations

import os
import subprocess
import tomllib
import venv
from pathlib import Path

import pytest
from packaging.requirements import Requirement

# What the e2e and client tests import besides the package and its runtime dependencies.
_TEST_TOOLS = ("pytest", "pytest-timeout", "uvicorn", "waitress")


def _lowest_pins(project: dict[str, object]) -> list[str]:
    pins = []
    for line in project["dependencies"]:  # type: ignore[attr-defined]
        requirement = Requirement(line)
        lower = [spec.version for spec in requirement.specifier if spec.operator == ">="]
        assert lower, f"pyproject.toml: {line!r} needs a lower bound (>=) to be tested"
        pins.append(f"{requirement.name}=={lower[0]}")
    return sorted(pins)


def _tool_pins(project: dict[str, object]) -> list[str]:
    extras = project["optional-dependencies"]  # type: ignore[index]
    dev = [Requirement(line) for line in extras["dev"]]
    pinned = {requirement.name: str(requirement) for requirement in dev}
    # tests/conftest.py checks the spec's examples with the generator's own code before any test runs,
    # so the generator's tools (never runtime dependencies of the package) come along at their pins.
    return [pinned.get(name, name) for name in _TEST_TOOLS] + list(extras["codegen"])


def _environment(root: Path, pins: list[str]) -> Path:
    """`.venv-lowest/bin/python`, created or updated to hold exactly `pins`."""
    home = root / ".venv-lowest"
    python = home / "bin" / "python"
    stamp = home / ".pins"
    wanted = "\n".join(pins) + "\n"
    if not python.exists() or not stamp.exists() or stamp.read_text() != wanted:
        venv.EnvBuilder(clear=True, with_pip=True).create(home)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *pins],
            check=True,
            timeout=480,
        )
        stamp.write_text(wanted)
    return python


@pytest.mark.timeout(900)
def test_end_to_end_tests_pass_with_the_lowest_allowed_versions(repo_root: Path) -> None:
    project = tomllib.loads((repo_root / "pyproject.toml").read_text())["project"]
    lowest = _lowest_pins(project)
    python = _environment(repo_root, lowest + _tool_pins(project))

    versions = subprocess.run(
        [str(python), "-c", "import importlib.metadata as m, sys; print(*(m.version(n) for n in sys.argv[1:]))"]
        + [pin.split("==")[0] for pin in lowest],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert versions == [pin.split("==")[1] for pin in lowest]

    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(str(repo_root / p) for p in ("generated", "."))}
    environment.pop("VIRTUAL_ENV", None)
    result = subprocess.run(
        # test_typing runs mypy, a tool of the main environment, not a runtime dependency.
        [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/e2e", "tests/client"]
        + ["--ignore", "tests/client/test_typing.py"],
        cwd=repo_root,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout.splitlines()[-1]
