"""`XClient.in_process(service)`: a client bound to an implementation, no server and no socket."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from depot_ci.v1 import (
    CancelRunRequest,
    CIService,
    CIServiceClient,
    CIServiceClientSync,
    CIServiceSync,
    Code,
    ConnectError,
    GetRunRequest,
    GetRunResponse,
    RequestContext,
)


class _Sync(CIServiceSync):
    def get_run(self, request: GetRunRequest, ctx: RequestContext[Any, Any]) -> GetRunResponse:
        return GetRunResponse(run_id=request.run_id, status=ctx.request_headers.get("x-status", "none"))


class _Async(CIService):
    async def get_run(self, request: GetRunRequest, ctx: RequestContext[Any, Any]) -> GetRunResponse:
        return GetRunResponse(run_id=request.run_id, status=ctx.request_headers.get("x-status", "none"))


@pytest.mark.parametrize("encoding", ["proto", "json"])
def test_the_sync_client_calls_the_implementation(encoding: str) -> None:
    options: dict[str, Any] = {"headers": {"x-status": "finished"}, "encoding": encoding}
    with CIServiceClientSync.in_process(_Sync(), **options) as client:
        assert client.get_run(GetRunRequest(run_id="run_1")).status == "finished"
        with pytest.raises(ConnectError) as raised:
            client.get_run(GetRunRequest())
        assert raised.value.code == Code.INVALID_ARGUMENT
        with pytest.raises(ConnectError) as raised:
            client.cancel_run(CancelRunRequest(run_id="run_1"))
        assert raised.value.code == Code.UNIMPLEMENTED


def test_the_async_client_calls_the_implementation() -> None:
    async def call() -> str:
        async with CIServiceClient.in_process(_Async(), headers={"x-status": "running"}) as client:
            return (await client.get_run(GetRunRequest(run_id="run_1"))).status

    assert asyncio.run(call()) == "running"
