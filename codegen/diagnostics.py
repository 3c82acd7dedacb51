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

__all__ = ["CodegenError", "Diagnostic", "Reporter", "Severity", "escape_pointer", "pointer", "raise_if_strict"]


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


class Reporter:
    """The one collector of diagnostics that every stage reports into.

    A stage creates a `Reporter`, calls `error` or `warning` for each problem it finds (the
    location is a JSON pointer into the spec, or into the lock file), keeps going where it can,
    and ends with `raise_if_errors()` so that the caller sees every problem of the stage at once.
    """

    def __init__(self) -> None:
        self._found: list[Diagnostic] = []

    def error(self, location: str, message: str, hint: str = "") -> None:
        """Record a problem that stops the run."""
        self._found.append(Diagnostic(Severity.ERROR, location, message, hint))

    def warning(self, location: str, message: str, hint: str = "") -> None:
        """Record a problem the run survives (an error under `--strict`)."""
        self._found.append(Diagnostic(Severity.WARNING, location, message, hint))

    def add(self, diagnostic: Diagnostic) -> None:
        """Record a finished diagnostic (for example one passed up from a helper)."""
        self._found.append(diagnostic)

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """The errors found so far, in the order found."""
        return tuple(d for d in self._found if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        """The warnings found so far, in the order found."""
        return tuple(d for d in self._found if d.severity is Severity.WARNING)

    def raise_if_errors(self) -> None:
        """Raise `CodegenError` with every diagnostic found (errors first) if any is an error."""
        if self.errors:
            raise CodegenError(self.errors + self.warnings)


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
