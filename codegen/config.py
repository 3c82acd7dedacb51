"""Where the generator reads its input and writes its output: `[tool.codegen]` in pyproject.toml.

    [tool.codegen]
    spec = "spec/depot-ci.openapi.json"   # the OpenAPI 3.1 document
    lock = "spec/depot-ci.lock.json"      # field numbers (created on the first run)
    proto_out = "proto"                   # .proto files
    python_out = "generated"              # the Python package tree
    python_package = "depot_ci"           # the importable package everything goes under

    [tool.codegen.client]                 # optional: what `XClient.from_env()` reads
    base_url_env = "ACME_API_URL"         # the base URL (default: the document's first server)
    token_env = "ACME_TOKEN"              # the API token; from_env fails naming it when unset
    token_header = "Authorization"        # (default) the header the token goes in ...
    token_format = "Bearer {token}"       # (default) ... and how
    header_env = { "x-acme-org" = "ACME_ORG_ID" }   # more headers, each from a variable when set

Relative paths are relative to the directory of pyproject.toml. `python_package` must be a
dotted Python identifier (`depot_ci`, `acme.api`): it is the import name of the output.
`[project].version`, when present, becomes the generated package's `__version__`.
"""

from __future__ import annotations

import keyword
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .diagnostics import CodegenError, Diagnostic, Severity
from .files import read_utf8

__all__ = ["ClientSettings", "Config", "load_config"]

_KEYS = ("spec", "lock", "proto_out", "python_out", "python_package")
_CLIENT_KEYS = ("base_url_env", "token_env", "token_header", "token_format", "header_env")
_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_HEADER = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")


@dataclass(frozen=True, slots=True)
class ClientSettings:
    """`[tool.codegen.client]`: the environment variables `XClient.from_env` reads."""

    base_url_env: str = ""
    token_env: str = ""
    token_header: str = "Authorization"
    token_format: str = "Bearer {token}"
    header_env: tuple[tuple[str, str], ...] = ()
    """(header, variable) pairs, in the order written."""

    @property
    def from_env(self) -> bool:
        """Whether the clients get a `from_env` (any variable is configured)."""
        return bool(self.base_url_env or self.token_env or self.header_env)


@dataclass(frozen=True, slots=True)
class Config:
    """The generator's settings, with paths made absolute."""

    spec: Path
    lock: Path
    proto_out: Path
    python_out: Path
    python_package: str
    pyproject: Path = Path("pyproject.toml")
    """The file the settings were read from."""
    client: ClientSettings = field(default_factory=ClientSettings)
    version: str = ""
    """The project's version (`[project].version`), or "" when it has none."""

    @property
    def location(self) -> str:
        """Where the settings are (`path/pyproject.toml#/tool/codegen`); diagnostics add the key."""
        return f"{self.pyproject}#/tool/codegen"


def load_config(pyproject: Path) -> Config:
    """Read `[tool.codegen]` from `pyproject`.

    Raises CodegenError naming what is missing or wrong, at its key
    (`pyproject.toml#/tool/codegen/python_package`), or at `pyproject` when it cannot be read.
    """
    location = f"{pyproject}#/tool/codegen"
    text = read_utf8(pyproject, "the configuration")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CodegenError(
            [Diagnostic(Severity.ERROR, str(pyproject), f"cannot read the configuration: {exc}")]
        ) from exc
    tool = data.get("tool")
    section = tool.get("codegen") if isinstance(tool, dict) else None
    if not isinstance(section, dict):
        raise CodegenError(
            [Diagnostic(Severity.ERROR, location, "no [tool.codegen] section", "add one; see codegen/config.py")]
        )
    missing = [key for key in _KEYS if not isinstance(section.get(key), str) or not section[key]]
    if missing:
        raise CodegenError(
            [
                Diagnostic(Severity.ERROR, f"{location}/{key}", f"missing setting {key!r}", "see codegen/config.py")
                for key in missing
            ]
        )
    package = section["python_package"]
    if not is_dotted_identifier(package):
        raise CodegenError(
            [
                Diagnostic(
                    Severity.ERROR,
                    f"{location}/python_package",
                    f"{package!r} is not an importable Python package name",
                    "use dotted Python identifiers, e.g. "
                    + repr(".".join(_identifier(part) for part in package.split(".") if part) or "my_api"),
                )
            ]
        )
    root = pyproject.resolve().parent
    project = data.get("project")
    version = project.get("version") if isinstance(project, dict) else None
    return Config(
        client=_client_settings(section.get("client", {}), f"{location}/client"),
        version=version if isinstance(version, str) else "",
        spec=root / section["spec"],
        lock=root / section["lock"],
        proto_out=root / section["proto_out"],
        python_out=root / section["python_out"],
        python_package=package,
        pyproject=pyproject,
    )


def is_dotted_identifier(name: str) -> bool:
    """True for `pkg` or `pkg.sub`: each part a Python identifier that is not a keyword."""
    return all(part.isidentifier() and not keyword.iskeyword(part) for part in name.split("."))


def _identifier(part: str) -> str:
    """`part` made into an identifier, for the hint (`depot-ci` -> `depot_ci`)."""
    cleaned = "".join(c if c.isalnum() or c == "_" else "_" for c in part)
    if cleaned[:1].isdigit():
        cleaned = "_" + cleaned
    return cleaned + "_" if keyword.iskeyword(cleaned) else cleaned


def _client_settings(section: Any, location: str) -> ClientSettings:
    """Read `[tool.codegen.client]`; CodegenError naming each bad setting."""
    problems: list[Diagnostic] = []

    def fail(key: str, message: str, hint: str) -> None:
        problems.append(Diagnostic(Severity.ERROR, f"{location}/{key}" if key else location, message, hint))

    if not isinstance(section, dict):
        raise CodegenError([Diagnostic(Severity.ERROR, location, "must be a table", "see codegen/config.py")])
    for key in sorted(set(section) - set(_CLIENT_KEYS)):
        fail(key, f"unknown setting {key!r}", f"expected one of {', '.join(_CLIENT_KEYS)}")
    strings: dict[str, str] = {}
    for key in ("base_url_env", "token_env", "token_header", "token_format"):
        value = section.get(key, getattr(ClientSettings(), key))
        if key in section and (not isinstance(value, str) or not value):
            fail(key, f"{key} must be a non-empty string", "see codegen/config.py")
            value = ""
        strings[key] = value if isinstance(value, str) else ""
    for key in ("base_url_env", "token_env"):
        if strings[key] and not _VARIABLE.fullmatch(strings[key]):
            fail(key, f"{strings[key]!r} is not an environment variable name", "use letters, digits and _")
    if "token_header" in section and strings["token_header"] and not _HEADER.fullmatch(strings["token_header"]):
        fail("token_header", f"{strings['token_header']!r} is not an HTTP header name", "use a header name")
    if "{token}" not in strings["token_format"]:
        fail("token_format", "token_format must contain {token}", 'for example "Bearer {token}"')
    headers = section.get("header_env", {})
    pairs: list[tuple[str, str]] = []
    if not isinstance(headers, dict):
        fail("header_env", "header_env must be a table of header = variable", 'for example { "x-org" = "ORG" }')
    else:
        for header, variable in headers.items():
            if not _HEADER.fullmatch(header) or not isinstance(variable, str) or not _VARIABLE.fullmatch(variable):
                fail(f"header_env/{header}", f"{header} = {variable!r} is not a header and a variable name", "")
            else:
                pairs.append((header, variable))
    if problems:
        raise CodegenError(problems)
    return ClientSettings(
        base_url_env=strings["base_url_env"],
        token_env=strings["token_env"],
        token_header=strings["token_header"] or "Authorization",
        token_format=strings["token_format"] or "Bearer {token}",
        header_env=tuple(pairs),
    )
