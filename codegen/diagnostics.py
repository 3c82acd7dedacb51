"""Problems found while generating, as values.

Every stage reports what it cannot handle as a `Diagnostic` that names the place in the input
(a JSON pointer into the OpenAPI document, or a path into the lock file) and says what to do.
Stages collect diagnostics instead of printing them; only the CLI decides how to show them and
which exit code follows, so the library stays usable from tests and other tools.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["CodegenError", "Diagnostic", "Severity", "escape_pointer", "pointer", "raise_if_strict"]


class Severity(enum.Enum):
    """How bad a problem is: errors stop the run, warnings do not (unless `--strict`)."""

    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem, where it is, and what to do about it."""

    severity: Severity
    location: str
    """A JSON pointer (`#/components/schemas/x/properties/y`) or `file:line:col` for protoc."""
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.severity.value}: {self.location}: {self.message}"
        return f"{text}\n  hint: {self.hint}" if self.hint else text


class CodegenError(Exception):
    """Raised by a stage whose input has errors; carries every diagnostic found, not just the first."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics: tuple[Diagnostic, ...] = tuple(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))


def escape_pointer(token: str) -> str:
    """Escape one reference token for a JSON pointer (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


def pointer(*tokens: str | int) -> str:
    """Build a URI-fragment JSON pointer such as `#/paths/~1a.B~1C/post`."""
    return "#" + "".join("/" + escape_pointer(str(token)) for token in tokens)


def raise_if_strict(warnings: Iterable[Diagnostic], strict: bool) -> None:
    """With `--strict`, every warning is an error: raise them all as errors."""
    found = tuple(warnings)
    if strict and found:
        raise CodegenError(Diagnostic(Severity.ERROR, w.location, w.message, w.hint) for w in found)
