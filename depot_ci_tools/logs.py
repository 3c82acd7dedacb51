"""Export a job attempt's logs to a file: complete or not at all.

`ExportJobAttemptLogs` streams one `metadata` message (format, suggested file name) and then the
file's bytes in `chunk` messages of at most 256 KiB. The helpers here write those bytes to a
temporary file next to the destination and rename it into place only after the stream ended
cleanly, so a reader never sees half an export and a failed export leaves an existing file as
it was.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import IO

from connectrpc.code import Code
from connectrpc.errors import ConnectError
from depot_ci.v1 import (
    USE_CLIENT_DEFAULT,
    CIServiceClient,
    CIServiceClientSync,
    ExportJobAttemptLogsRequest,
    ExportJobAttemptLogsResponse,
    JobAttemptLogExportMetadata,
    UseClientDefault,
)

__all__ = ["ExportedLogs", "Progress", "export_job_attempt_logs", "export_job_attempt_logs_async"]

Progress = Callable[[int], object]
"""Called after each chunk is written, with the number of bytes written so far."""


@dataclass(frozen=True, slots=True)
class ExportedLogs:
    """A finished export."""

    path: Path
    """The file the logs were written to."""
    metadata: JobAttemptLogExportMetadata
    """The stream's metadata: `format`, `content_type` and the server's suggested `filename`."""
    size: int
    """The file's size in bytes."""


def export_job_attempt_logs(
    client: CIServiceClientSync,
    request: ExportJobAttemptLogsRequest,
    destination: str | os.PathLike[str],
    *,
    on_progress: Progress | None = None,
    headers: Mapping[str, str] | None = None,
    timeout_ms: int | None | UseClientDefault = USE_CLIENT_DEFAULT,
) -> ExportedLogs:
    """Export the logs `request` names (`attempt_id` or `job_id`, and `format`) to `destination`.

    Args:
        client: The client to call `export_job_attempt_logs` with.
        request: What to export.
        destination: A file path, or an existing directory to write the server's suggested file
            name into. The file is replaced only when the export is complete; an existing file
            keeps its permissions, a new one gets the usual ones (0666 less the umask).
        on_progress: Called after every chunk with the number of bytes written so far.
        headers: HTTP headers of the call, over the client's own.
        timeout_ms: Timeout of the whole export in milliseconds; by default the client's
            `stream_timeout_ms`, None for none.

    Returns:
        Where the logs went, the stream's metadata and the number of bytes written.

    Raises:
        FileNotFoundError: If `destination`'s directory does not exist (checked before the call).
        ConnectError: The call's error, or `internal` if the stream does not start with exactly
            one `metadata` message. Nothing is left behind: the temporary file is removed.
        OSError: If the file cannot be written; again nothing is left behind.
    """
    export = _Export(destination, on_progress)
    try:
        for response in client.export_job_attempt_logs(request, headers=headers, timeout_ms=timeout_ms):
            export.receive(response)
        return export.finish()
    finally:
        export.discard()


async def export_job_attempt_logs_async(
    client: CIServiceClient,
    request: ExportJobAttemptLogsRequest,
    destination: str | os.PathLike[str],
    *,
    on_progress: Progress | None = None,
    headers: Mapping[str, str] | None = None,
    timeout_ms: int | None | UseClientDefault = USE_CLIENT_DEFAULT,
) -> ExportedLogs:
    """`export_job_attempt_logs` with the async client; same arguments, result and errors."""
    export = _Export(destination, on_progress)
    try:
        async for response in client.export_job_attempt_logs(request, headers=headers, timeout_ms=timeout_ms):
            export.receive(response)
        return export.finish()
    finally:
        export.discard()


class _Export:
    """One export in progress: the destination, the temporary file and the byte count."""

    def __init__(self, destination: str | os.PathLike[str], on_progress: Progress | None) -> None:
        self._destination = Path(destination)
        directory = self._destination if self._destination.is_dir() else self._destination.parent
        if not directory.is_dir():
            msg = f"{directory}: no such directory to export the logs into"
            raise FileNotFoundError(msg)
        self._on_progress = on_progress
        self._metadata: JobAttemptLogExportMetadata | None = None
        self._target: Path | None = None
        self._file: IO[bytes] | None = None
        self._temporary: Path | None = None
        self._size = 0

    def receive(self, response: ExportJobAttemptLogsResponse) -> None:
        event = response.WhichOneof("event")
        if event == "metadata":
            if self._metadata is not None:
                raise ConnectError(Code.INTERNAL, "the log export sent a second metadata message")
            self._start(response.metadata)
        elif event == "chunk":
            if self._file is None:
                raise ConnectError(Code.INTERNAL, "the log export sent a chunk before its metadata")
            self._file.write(response.chunk)
            self._size += len(response.chunk)
            if self._on_progress is not None:
                self._on_progress(self._size)

    def _start(self, metadata: JobAttemptLogExportMetadata) -> None:
        self._metadata = metadata
        self._target = self._destination
        if self._destination.is_dir():
            self._target = self._destination / _suggested_name(metadata)
        handle, name = tempfile.mkstemp(dir=self._target.parent, prefix=f".{self._target.name}.", suffix=".part")
        self._temporary = Path(name)
        self._file = os.fdopen(handle, "wb")

    def finish(self) -> ExportedLogs:
        if self._file is None or self._target is None or self._temporary is None or self._metadata is None:
            raise ConnectError(Code.INTERNAL, "the log export ended before its metadata message")
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        os.chmod(self._temporary, _mode_for(self._target))
        os.replace(self._temporary, self._target)
        self._temporary = None
        _sync_directory(self._target.parent)
        return ExportedLogs(path=self._target, metadata=self._metadata, size=self._size)

    def discard(self) -> None:
        """Remove the temporary file of an export that did not finish (nothing after `finish`)."""
        if self._file is not None and not self._file.closed:
            self._file.close()
        if self._temporary is not None:
            self._temporary.unlink(missing_ok=True)
            self._temporary = None


def _suggested_name(metadata: JobAttemptLogExportMetadata) -> str:
    # The name comes from the server: keep only its last component so it cannot leave the directory.
    name = PurePath(metadata.filename.replace("\\", "/")).name
    if name in ("", ".", ".."):
        raise ConnectError(Code.INTERNAL, f"the log export suggested no usable file name ({metadata.filename!r})")
    return name


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        # mkstemp creates files 0600; a new export should get what open() would give it.
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_directory(directory: Path) -> None:
    # Make the rename itself durable; not every platform can open a directory.
    try:
        handle = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
