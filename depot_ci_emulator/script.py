"""How the simulated executor reads a step's `run` script: line by line, starting no process.

- `echo TEXT` writes TEXT to stdout; `echo TEXT >&2` (or `1>&2`) to stderr. Quotes are removed as a
  shell would (`echo "a  b"` writes `a  b`).
- `sleep N` takes N seconds of emulated time (suffixes s, m, h, d as GNU sleep accepts).
- `echo TEXT >> $DEPOT_STEP_SUMMARY` appends the line TEXT to the step's summary (markdown, read by
  GetJobSummary); `>` instead of `>>` replaces what the step wrote so far. `"$DEPOT_STEP_SUMMARY"`,
  `${DEPOT_STEP_SUMMARY}` and GitHub's `$GITHUB_STEP_SUMMARY` name the same file.
- `exit N` ends the step with exit code N (`exit` alone: 0).
- Blank lines and `#` comments do nothing; any other line is logged as `$ LINE` and succeeds.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass

__all__ = ["Command", "Echo", "Exit", "Fail", "Sleep", "Summary", "interpret", "substitute"]

_UNITS = {"": 1.0, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}
_DURATION = re.compile(r"^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$")
_SUMMARY_FILES = frozenset(
    f"{prefix}{name}{suffix}"
    for name in ("DEPOT_STEP_SUMMARY", "GITHUB_STEP_SUMMARY")
    for prefix, suffix in (("$", ""), ("${", "}"))
)
_CONTEXT_REF = re.compile(r"\$\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}")


@dataclass(frozen=True)
class Echo:
    """Write `text` to `stream` (0 stdout, 1 stderr)."""

    text: str
    stream: int


@dataclass(frozen=True)
class Summary:
    """Append `text` and a newline to the step summary (`replace`: drop what was written before)."""

    text: str
    replace: bool


@dataclass(frozen=True)
class Sleep:
    """Wait `seconds` of emulated time."""

    seconds: float


@dataclass(frozen=True)
class Exit:
    """End the step with `code`."""

    code: int


@dataclass(frozen=True)
class Fail:
    """A malformed `sleep` or `exit` argument: write `message` to stderr, end the step with `code`."""

    message: str
    code: int


@dataclass(frozen=True)
class Command:
    """Any other command: logged, succeeds."""

    text: str


def substitute(script: str, context: dict[str, str], missing: list[str] | None = None) -> str:
    """Replace `${{ name }}` references by their values in `context` (e.g. `inputs.env`, `github.sha`).

    A name `context` lacks (an undefined input or matrix key, a context the emulator does not keep)
    becomes an empty string, as GitHub substitutes null; it is appended to `missing` when given.
    Other expressions (operators, function calls) are left as written.
    """

    def value(found: re.Match[str]) -> str:
        if found[1] in context:
            return context[found[1]]
        if missing is not None:
            missing.append(found[1])
        return ""

    return _CONTEXT_REF.sub(value, script)


def interpret(line: str) -> Echo | Summary | Sleep | Exit | Fail | Command | None:
    """What one script line does; None for a blank line or a comment."""
    text = line.strip()
    if not text or text.startswith("#"):
        return None
    head, _, rest = text.partition(" ")
    argument = rest.strip()
    if head == "echo":
        return _echo(rest)
    if head == "sleep":
        found = _DURATION.match(argument)
        if not found:
            return Fail(f"sleep: invalid time interval '{argument}'", 1)
        return Sleep(float(found[1]) * _UNITS[found[2]])
    if head == "exit":
        if not re.fullmatch(r"-?\d+", argument or "0"):
            return Fail(f"exit: {argument}: numeric argument required", 2)
        return Exit(int(argument or "0") % 256)
    return Command(text)


def _echo(rest: str) -> Echo | Summary:
    stream = 0
    try:
        words = shlex.split(rest, comments=False)
    except ValueError:
        words = rest.split()
    for operator in (">>", ">"):
        if len(words) >= 2 and words[-2] == operator and words[-1] in _SUMMARY_FILES:
            return Summary(" ".join(words[:-2]), replace=operator == ">")
        if words and words[-1].startswith(operator) and words[-1][len(operator) :] in _SUMMARY_FILES:
            return Summary(" ".join(words[:-1]), replace=operator == ">")
    if words and words[-1] in (">&2", "1>&2"):
        stream, words = 1, words[:-1]
    elif len(words) >= 2 and words[-2] == ">&" and words[-1] == "2":
        stream, words = 1, words[:-2]
    return Echo(" ".join(words), stream)
