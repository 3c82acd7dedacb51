"""A request that is not the method's input message fails at once with a `TypeError`.

Without the check a dict or None reached the runtime's codec, which failed inside the transport:
the user got `unavailable: 'dict' object has no attribute 'SerializeToString'`, after retries.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from depot_ci.v1 import (
    CIServiceClient,
    CIServiceClientSync,
    GetRunRequest,
    ListRunsRequest,
    RetryPolicy,
    StreamJobAttemptLogsRequest,
)

from .support import Caller

# The wrong requests a user writes: a dict of fields, nothing, another method's message.
WRONG: list[Any] = [{"run_id": "run_1"}, None, ListRunsRequest()]
# Nothing listens here: a call that reached the network would fail with `unavailable`, not TypeError.
NOWHERE = "http://127.0.0.1:9"
PATIENT = RetryPolicy(max_attempts=50, initial_backoff_ms=100, max_backoff_ms=100)


@pytest.mark.parametrize("request_", WRONG, ids=["dict", "None", "other-message"])
def test_a_unary_call_refuses_a_request_of_the_wrong_type_before_sending(local_caller: Caller, request_: Any) -> None:
    with pytest.raises(TypeError) as raised:
        local_caller.call(lambda client: client.get_run(request_), retry=PATIENT)
    text = str(raised.value)
    assert text.startswith("GetRun takes a GetRunRequest message (depot.ci.v1.GetRunRequest) as its request, not ")
    assert type(request_).__qualname__ in text and "GetRunRequest(field=value, ...)" in text
    assert "get_run" not in local_caller.script.calls


@pytest.mark.parametrize("request_", WRONG, ids=["dict", "None", "other-message"])
def test_the_sync_client_raises_when_the_method_is_called(request_: Any) -> None:
    with CIServiceClientSync(NOWHERE, retry=PATIENT) as client:
        with pytest.raises(TypeError, match="GetRunRequest"):
            client.get_run(request_)
        # Streams and pagers are iterators, yet they refuse the request before the first `next`.
        with pytest.raises(TypeError, match=r"StreamJobAttemptLogsRequest\) as its request, not"):
            client.stream_job_attempt_logs(request_)
        with pytest.raises(TypeError, match=r"ListRunsRequest\) as its request, not"):
            client.iter_list_runs(GetRunRequest() if isinstance(request_, ListRunsRequest) else request_)


@pytest.mark.parametrize("request_", WRONG, ids=["dict", "None", "other-message"])
def test_the_async_client_raises_when_the_method_is_called_or_awaited(request_: Any) -> None:
    async def calls() -> None:
        async with CIServiceClient(NOWHERE, retry=PATIENT) as client:
            with pytest.raises(TypeError, match="GetRunRequest"):
                await client.get_run(request_)
            with pytest.raises(TypeError, match=r"StreamJobAttemptLogsRequest\) as its request, not"):
                client.stream_job_attempt_logs(request_)
            with pytest.raises(TypeError, match=r"ListRunsRequest\) as its request, not"):
                client.iter_list_runs(GetRunRequest() if isinstance(request_, ListRunsRequest) else request_)

    asyncio.run(calls())


def test_the_right_message_still_goes_through(local_caller: Caller) -> None:
    assert local_caller.call(lambda client: client.get_run(GetRunRequest(run_id="run_1"))).run_id == "run_1"
    lines = local_caller.call(
        lambda client: client.stream_job_attempt_logs(StreamJobAttemptLogsRequest(attempt_id="a"))
    )
    assert [r.line.body for r in lines if r.HasField("line")][:2] == ["line 0", "line 1"]
