"""Reading the generator's input files (spec, lock, configuration) as UTF-8 text, with diagnostics.

Every problem a user can cause (a missing file, a directory where a file should be, no
permission, bytes that are not UTF-8) becomes a `CodegenError` at the file's path, never a
traceback.
"""

from __future__ import annotations

from pathlib import Path

from .diagnostics import CodegenError, Diagnostic, Severity

__all__ = ["read_utf8"]


def read_utf8(path: Path, what: str) -> str:
    """The text of the file at `path`; `what` names it in messages ("the document", "the lock").

    Raises CodegenError at `path` when it cannot be read (missing, a directory, no permission),
    and at `path:line:col` of the first byte that is not UTF-8.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        if path.is_dir():
            reason = "it is a directory"
        raise CodegenError(
            [Diagnostic(Severity.ERROR, str(path), f"cannot read {what}: {reason}", "check the path")]
        ) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise CodegenError(
            [
                Diagnostic(
                    Severity.ERROR,
                    f"{path}:{line}:{column}",
                    f"{what} is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})",
                    "save the file as UTF-8",
                )
            ]
        ) from exc
