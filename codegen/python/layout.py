"""Where generated Python lives: proto packages mapped onto one importable Python package.

protoc writes `depot/ci/v1/ci_pb2.py` for package `depot.ci.v1`; a top-level `depot` package
would collide with other distributions, so every proto package is placed under the configured
Python package instead, with the packages' shared non-version prefix replaced by it:
`depot.ci.v1` under `depot_ci` becomes `depot_ci.v1`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..model import WELL_KNOWN_TYPES
from ..naming import is_version_segment, proto_file_stem

__all__ = ["PythonLayout"]


@dataclass(frozen=True, slots=True)
class PythonLayout:
    """Maps proto packages and files to Python modules and file paths."""

    root_package: str
    """The importable Python package everything goes under (`depot_ci`)."""
    proto_root: str
    """The proto package prefix that `root_package` stands for (`depot.ci`)."""

    @classmethod
    def for_packages(cls, root_package: str, proto_packages: Iterable[str]) -> PythonLayout:
        """Choose the proto prefix: the longest run of leading non-version segments all packages share."""
        names = [name.split(".") for name in proto_packages if not name.startswith("google.")]
        if not names:
            return cls(root_package, "")
        prefix: list[str] = []
        for segments in zip(*names, strict=False):
            if len(set(segments)) != 1 or is_version_segment(segments[0]):
                break
            prefix.append(segments[0])
        # A single package keeps one segment below the root ("v1") when it has a version.
        return cls(root_package, ".".join(prefix))

    def module_of(self, proto_package: str) -> str:
        """The Python package holding the modules of `proto_package` (`depot_ci.v1`)."""
        if self.proto_root and (proto_package == self.proto_root or proto_package.startswith(self.proto_root + ".")):
            rest = proto_package[len(self.proto_root) :].lstrip(".")
        else:
            rest = proto_package
        return f"{self.root_package}.{rest}" if rest else self.root_package

    def pb2_module(self, proto_package: str) -> str:
        """The protobuf module of a package (`depot_ci.v1.ci_pb2`)."""
        return f"{self.module_of(proto_package)}.{proto_file_stem(proto_package)}_pb2"

    def connect_module(self, proto_package: str) -> str:
        """The Connect client and server module of a package (`depot_ci.v1.ci_connect`)."""
        return f"{self.module_of(proto_package)}.{proto_file_stem(proto_package)}_connect"

    def python_type(self, full_name: str, proto_package: str) -> tuple[str, str]:
        """The (module, qualified name) of a message or enum class, e.g. `("depot_ci.v1.ci_pb2", "LogLine")`.

        Nested types are attributes of their parent class (`Outer.Inner`); well-known types come
        from `google.protobuf`.
        """
        if full_name in WELL_KNOWN_TYPES:
            proto_file = WELL_KNOWN_TYPES[full_name]
            module = "google.protobuf." + proto_file.rsplit("/", 1)[1].removesuffix(".proto") + "_pb2"
            return module, full_name.removeprefix("google.protobuf.")
        return self.pb2_module(proto_package), full_name[len(proto_package) + 1 :] if proto_package else full_name

    @staticmethod
    def file_path(module: str) -> str:
        """The file of a module, relative to the output root (`depot_ci/v1/ci_pb2.py`)."""
        return module.replace(".", "/") + ".py"

    @staticmethod
    def package_init(module: str) -> str:
        """The `__init__.py` of a package, relative to the output root."""
        return module.replace(".", "/") + "/__init__.py"
