"""depot_ci_tools: export logs to a file atomically, and wait for a run to finish."""

from __future__ import annotations

import inspect
import os
import time
from pathlib import Path

import pytest
from depot_ci.v1 import Code, ConnectError, ExportJobAttemptLogsRequest

from depot_ci_tools import (
    TERMINAL_RUN_STATUSES,
    export_job_attempt_logs,
    export_job_attempt_logs_async,
    wait_for_run,
    wait_for_run_async,
)

from .support import FAST, Caller

REQUEST = ExportJobAttemptLogsRequest(attempt_id="attempt_1")


def _export(caller: Caller, destination: Path, progress: list[int] | None = None) -> object:
    export = export_job_attempt_logs_async if caller.is_async else export_job_attempt_logs
    on_progress = None if progress is None else progress.append
    return caller.call(lambda client: export(client, REQUEST, destination, on_progress=on_progress), retry=FAST)


def test_the_export_is_written_to_the_file_with_progress(caller: Caller, tmp_path: Path) -> None:
    progress: list[int] = []
    result = _export(caller, tmp_path / "logs.txt", progress)
    content = b"".join(caller.script.export_chunks)
    assert (tmp_path / "logs.txt").read_bytes() == content
    assert progress == [11, 23, 34]
    assert result.size == len(content)  # type: ignore[attr-defined]
    assert result.metadata.filename == "attempt_1.txt"  # type: ignore[attr-defined]
    assert os.listdir(tmp_path) == ["logs.txt"]
    assert (tmp_path / "logs.txt").stat().st_mode & 0o777 == 0o666 & ~_umask()


def test_a_directory_destination_takes_the_suggested_name(local_caller: Caller, tmp_path: Path) -> None:
    result = _export(local_caller, tmp_path)
    assert result.path == tmp_path / "attempt_1.txt"  # type: ignore[attr-defined]
    assert (tmp_path / "attempt_1.txt").read_bytes() == b"".join(local_caller.script.export_chunks)


def test_a_failed_export_leaves_the_existing_file_and_no_temporary_file(
    local_caller: Caller, tmp_path: Path
) -> None:
    (tmp_path / "logs.txt").write_bytes(b"the previous export")
    os.chmod(tmp_path / "logs.txt", 0o640)
    local_caller.script.export_fail_after = 2
    with pytest.raises(ConnectError) as raised:
        _export(local_caller, tmp_path / "logs.txt")
    assert raised.value.code == Code.UNAVAILABLE
    assert os.listdir(tmp_path) == ["logs.txt"]
    assert (tmp_path / "logs.txt").read_bytes() == b"the previous export"
    local_caller.script.export_fail_after = None
    _export(local_caller, tmp_path / "logs.txt")
    assert (tmp_path / "logs.txt").stat().st_mode & 0o777 == 0o640  # a replaced file keeps its permissions


def test_an_export_without_metadata_is_an_error_and_writes_nothing(local_caller: Caller, tmp_path: Path) -> None:
    local_caller.script.export_skip_metadata = True
    with pytest.raises(ConnectError, match="chunk before its metadata") as raised:
        _export(local_caller, tmp_path / "logs.txt")
    assert raised.value.code == Code.INTERNAL
    assert os.listdir(tmp_path) == []


def test_a_missing_directory_fails_before_the_call(local_caller: Caller, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no-such-directory"):
        _export(local_caller, tmp_path / "no-such-directory" / "logs.txt")
    assert "export_job_attempt_logs" not in local_caller.script.calls


def test_wait_for_run_returns_the_terminal_status(caller: Caller) -> None:
    wait = wait_for_run_async if caller.is_async else wait_for_run
    seen: list[str] = []
    options = {"interval_s": 0.01, "max_interval_s": 0.02, "on_status": lambda status: seen.append(status.status)}
    status = caller.call(lambda client: wait(client, "run_1", **options))
    assert status.status == "finished" and status.run_id == "run_1"
    assert seen == ["queued", "running", "finished"]
    assert "finished" in TERMINAL_RUN_STATUSES


def test_wait_for_run_times_out_with_the_last_status(local_caller: Caller) -> None:
    local_caller.script.statuses = ["running"]
    wait = wait_for_run_async if local_caller.is_async else wait_for_run
    with pytest.raises(TimeoutError, match="last status 'running'"):
        local_caller.call(lambda client: wait(client, "run_1", timeout_s=0.1, interval_s=0.01, max_interval_s=0.02))
    assert local_caller.script.calls["get_run_status"] >= 2


@pytest.mark.parametrize(
    "options", [{"timeout_s": -1}, {"interval_s": 0}, {"interval_s": 2, "max_interval_s": 1}, {"backoff": 0.5}]
)
def test_wait_for_run_rejects_timings_out_of_range(local_caller: Caller, options: dict[str, float]) -> None:
    wait = wait_for_run_async if local_caller.is_async else wait_for_run
    with pytest.raises(ValueError):
        local_caller.call(lambda client: wait(client, "run_1", **options))


def test_wait_for_run_keeps_polling_through_a_network_blip(caller: Caller) -> None:
    # Polls 2 to 5 fail (the client's own retries are off): the wait goes on and sees the end.
    caller.script.status_errors = dict.fromkeys(range(2, 6), Code.UNAVAILABLE)
    wait = wait_for_run_async if caller.is_async else wait_for_run
    seen: list[str] = []
    options = {"interval_s": 0.01, "max_interval_s": 0.02, "on_status": lambda status: seen.append(status.status)}
    status = caller.call(lambda client: wait(client, "run_1", timeout_s=60, **options), retry=None)
    assert status.status == "finished" and seen == ["queued", "running", "finished"]
    assert caller.script.calls["get_run_status"] == 7


def test_a_blip_lasting_past_the_deadline_times_out_naming_the_status_and_the_error(local_caller: Caller) -> None:
    local_caller.script.statuses = ["running"]
    local_caller.script.status_errors = dict.fromkeys(range(2, 10_000), Code.UNAVAILABLE)
    wait = wait_for_run_async if local_caller.is_async else wait_for_run
    with pytest.raises(TimeoutError) as raised:
        local_caller.call(lambda client: wait(client, "run_1", timeout_s=0.2, interval_s=0.01), retry=None)
    text = str(raised.value)
    assert text.startswith("run run_1 did not reach a terminal status within 0.2 s (last status 'running'; ")
    assert "last failed poll: unavailable: scripted: failure of get_run_status call" in text
    assert isinstance(raised.value.__cause__, ConnectError)


@pytest.mark.parametrize("code", [Code.NOT_FOUND, Code.UNAUTHENTICATED, Code.INVALID_ARGUMENT])
def test_wait_for_run_stops_at_an_error_about_the_request(local_caller: Caller, code: Code) -> None:
    local_caller.script.status_errors = {2: code}
    wait = wait_for_run_async if local_caller.is_async else wait_for_run
    with pytest.raises(ConnectError) as raised:
        local_caller.call(lambda client: wait(client, "run_1", timeout_s=60, interval_s=0.01), retry=None)
    assert raised.value.code == code and local_caller.script.calls["get_run_status"] == 2


@pytest.mark.parametrize(("statuses", "finished"), [(["finished"], True), (["running"], False)])
def test_a_timeout_of_zero_polls_once(local_caller: Caller, statuses: list[str], finished: bool) -> None:
    local_caller.script.statuses = statuses
    wait = wait_for_run_async if local_caller.is_async else wait_for_run
    if finished:
        assert local_caller.call(lambda client: wait(client, "run_1", timeout_s=0)).status == "finished"
    else:
        with pytest.raises(TimeoutError, match="within 0 s \\(last status 'running'\\)"):
            local_caller.call(lambda client: wait(client, "run_1", timeout_s=0))
    assert local_caller.script.calls["get_run_status"] == 1


def test_the_last_poll_is_made_at_the_deadline(local_caller: Caller) -> None:
    # Pauses of 0.6 s then 6 s: the second pause is cut to end at the deadline, where one more
    # poll looks (before, the wait gave up at the deadline without looking).
    local_caller.script.statuses = ["running"]
    wait = wait_for_run_async if local_caller.is_async else wait_for_run
    start = time.monotonic()
    with pytest.raises(TimeoutError):
        local_caller.call(lambda client: wait(client, "run_1", timeout_s=1.0, interval_s=0.6, backoff=10))
    assert local_caller.script.calls["get_run_status"] == 3
    assert local_caller.script.status_times[-1] - start >= 1.0


def test_polling_starts_with_a_short_interval_and_backs_off() -> None:
    # A run that ends within a second is seen finished within a second or so, a long one is not
    # polled every half second for an hour.
    for wait in (wait_for_run, wait_for_run_async):
        parameters = inspect.signature(wait).parameters
        assert parameters["interval_s"].default <= 1 and parameters["backoff"].default > 1
        assert parameters["max_interval_s"].default >= 10


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
