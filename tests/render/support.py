"""Helpers of the render tests: render the fixture API, compile its .proto, run the linters."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from codegen.model import Api
from codegen.proto import compile_protos as compile_model
from codegen.proto import to_proto
from codegen.python.layout import PythonLayout
from codegen.python.render import render

from .fixtures import shop_api as shop
from .fixtures.widgets_api import PACKAGE, ROOT_PACKAGE, widgets_api

__all__ = [
    "EXPECTED",
    "FIXTURES",
    "REPO",
    "build_from_model",
    "build_package",
    "build_shop",
    "compile_protos",
    "layout",
    "mypy",
    "render_fixture",
    "ruff",
    "shop_layout",
    "write_tree",
]

FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXPECTED = FIXTURES / "expected"
REPO = FIXTURES.parents[2]


def layout() -> PythonLayout:
    """The fixture's layout: `acme.widgets.v1` -> `acme_widgets.v1`."""
    return PythonLayout.for_packages(ROOT_PACKAGE, [PACKAGE])


def render_fixture(api: Api | None = None) -> dict[str, str]:
    """Render the fixture API (or `api`) with the fixture layout."""
    return render(api or widgets_api(), layout())


def write_tree(root: Path, files: dict[str, str]) -> None:
    """Write {relative path: text} under `root`."""
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")


def compile_protos(root: Path, protos: dict[str, Path]) -> None:
    """Compile {pb2 module: .proto file} into `root` with grpcio-tools' protoc.

    protoc writes a module where its .proto sits under the include directory, so each source is
    placed at the path of its pb2 module; imports between them then already name the modules the
    layout expects, and nothing needs rewriting.
    """
    source = root.parent / f"{root.name}-proto"
    names: list[str] = []
    for module, path in protos.items():
        name = module.removesuffix("_pb2").replace(".", "/") + ".proto"
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, source / name)
        names.append(name)
    completed = subprocess.run(
        [sys.executable, "-m", "grpc_tools.protoc", f"-I{source}", f"--python_out={root}", f"--pyi_out={root}", *names],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr


def build_package(root: Path) -> None:
    """Render the widgets fixture into `root`, compile its .proto beside it, and add the test servers."""
    write_tree(root, render_fixture())
    compile_protos(root, {layout().pb2_module(PACKAGE): FIXTURES / "widgets.proto"})
    shutil.copyfile(FIXTURES / "widgets_servers.py", root / "widgets_servers.py")


def build_from_model(api: Api, root_package: str, root: Path) -> None:
    """Run the pipeline's last stages on a hand-built `api`: print its .proto, compile it, render, write to `root`."""
    protos = to_proto(api)
    layout = PythonLayout.for_packages(root_package, [package.name for package in api.packages])
    write_tree(root, {**compile_model(api, protos, layout, "proto"), **render(api, layout)})


def shop_layout() -> PythonLayout:
    """The two-package fixture's layout: `acme.common.v1` -> `acme_shop.common.v1`, same for `shop`."""
    return PythonLayout.for_packages(shop.ROOT_PACKAGE, [shop.COMMON, shop.SHOP])


def build_shop(root: Path) -> None:
    """Render and compile the two-package fixture into `root`."""
    write_tree(root, render(shop.shop_api(), shop_layout()))
    compile_protos(
        root,
        {
            shop_layout().pb2_module(shop.COMMON): FIXTURES / "shop" / "common.proto",
            shop_layout().pb2_module(shop.SHOP): FIXTURES / "shop" / "shop.proto",
        },
    )


def ruff(root: Path, *paths: str, command: str = "check") -> subprocess.CompletedProcess[str]:
    """`ruff check` (or `ruff format --check`) with the repository's settings on `paths` under `root`."""
    options = ["--check", "--diff"] if command == "format" else []
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            command,
            *options,
            "--no-cache",
            "--config",
            str(REPO / "pyproject.toml"),
            *paths,
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )


def mypy(root: Path, *paths: str, ignore: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    """`mypy --strict` on `paths` under `root`; errors inside the modules `ignore` are not reported.

    grpcio-tools' `.pyi` files are not strict-clean themselves (`**kwargs` without a type), which is
    the compile stage's business, not what these tests check.
    """
    config = root / "mypy.ini"
    sections = "".join(f"\n[mypy-{module}]\nignore_errors = True\n" for module in ignore)
    config.write_text(f"[mypy]\npython_version = 3.11\nstrict = True\n{sections}", encoding="utf-8")
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(config),
            "--cache-dir",
            str(root / ".mypy_cache"),
            *paths,
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
