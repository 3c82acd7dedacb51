"""The generated clients call the generated servers in-process, in binary protobuf and in JSON.

pyqwest's in-process transports pair the sync client with the WSGI application and the async
client with the ASGI application (a pyqwest `SyncClient` takes a sync transport, `Client` an async
one), so those are the two combinations covered; each runs every RPC of the fixture.
"""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import AsyncIterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from connectrpc.client import ResponseMetadata
from connectrpc.code import Code
from connectrpc.errors import ConnectError
from connectrpc.request import RequestContext
from google.protobuf.empty_pb2 import Empty
from pyqwest import Client, SyncClient
from pyqwest.testing import ASGITransport, WSGITransport

ENCODINGS = ["proto", "json"]
CONTENT_TYPES = {"proto": "application/proto", "json": "application/json"}
DEFAULTS = {"Authorization": "Bearer secret", "X-Tenant": "acme"}


@pytest.fixture(scope="module")
def api(importable: Path) -> ModuleType:
    """The generated `acme_widgets.v1` package."""
    return importlib.import_module("acme_widgets.v1")


@pytest.fixture(scope="module")
def servers(importable: Path) -> ModuleType:
    """The test implementations (fixtures/widgets_servers.py)."""
    return importlib.import_module("widgets_servers")


def _full_spec(api: ModuleType) -> Any:
    return api.WidgetSpec(
        name="gear",
        color=api.Color.Value("COLOR_RED"),
        tags=["metal"],
        labels={"size": "m"},
        size=0,
        priority=7,
        dimensions=api.WidgetSpec.Dimensions(width_cm=2.5),
        annotations={"k": api.Annotation(value="v")},
    )


def _expected_spec_errors() -> str:
    return "spec.dimensions.widthCm is required; spec.annotations['k'].value is required"


def _broken_spec(api: ModuleType) -> Any:
    spec = _full_spec(api)
    spec.dimensions.width_cm = 0
    spec.annotations["k"].value = ""
    return spec


def _parts(api: ModuleType) -> list[Any]:
    return [api.UploadPartRequest(widget_id="w", chunk=b"abc", index=i) for i in range(3)]


def _subclass(protocol: type) -> Any:
    """An instance of a subclass of `protocol` that implements nothing."""
    return type("Nothing", (protocol,), {})()


# ---------------------------------------------------------------------------------------------
# sync client -> WSGI application


@pytest.fixture
def sync_http(api: ModuleType, servers: ModuleType) -> SyncClient:
    return SyncClient(WSGITransport(api.WidgetServiceWSGIApplication(servers.WidgetsSync())))


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_sync_client_calls_every_method(api: ModuleType, sync_http: SyncClient, encoding: str) -> None:
    with api.WidgetServiceClientSync(encoding=encoding, headers=DEFAULTS, http_client=sync_http) as client:
        widget = client.get_widget(api.GetWidgetRequest(widget_id="w1"), headers={"x-tenant": "other"})
        assert widget.id == "w1"
        assert widget.labels["authorization"] == "Bearer secret"
        assert widget.labels["x-tenant"] == "other"
        assert widget.labels["content-type"] == CONTENT_TYPES[encoding]

        created = client.create_widget(api.CreateWidgetRequest(spec=_full_spec(api)))
        assert (created.name, list(created.tags), dict(created.labels)) == ("gear", ["metal"], {"size": "m"})

        url = client.get_widget_download_url(api.GetWidgetDownloadURLRequest(widget_id="w1", **{"from": "eu"}))
        assert url.url == "https://dl.example/w1?from=eu"

        events = list(client.watch_widget(api.WatchWidgetRequest(widget_id="w1")))
        assert [event.WhichOneof("event") for event in events] == ["updated", "updated", "deleted_id"]

        summary = client.upload_parts(_parts(api))
        assert (summary.total_bytes, summary.parts) == (9, 3)
        assert client.upload_parts(iter(_parts(api))).parts == 3

        replies = client.chat([api.ChatMessage(text="hi"), api.ChatMessage(text="yo")])
        assert [reply.text for reply in replies] == ["HI", "YO"]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_sync_server_validates_required_fields(api: ModuleType, sync_http: SyncClient, encoding: str) -> None:
    with api.WidgetServiceClientSync(encoding=encoding, http_client=sync_http) as client:
        with pytest.raises(ConnectError) as raised, ResponseMetadata() as meta:
            client.get_widget(api.GetWidgetRequest())
        assert (raised.value.code, raised.value.message) == (Code.INVALID_ARGUMENT, "widgetId is required")
        assert meta.http_status == 400

        with pytest.raises(ConnectError, match="^invalid_argument: spec is required$"):
            client.create_widget(api.CreateWidgetRequest())
        with pytest.raises(ConnectError) as raised:
            client.create_widget(api.CreateWidgetRequest(spec=_broken_spec(api)))
        assert raised.value.message == _expected_spec_errors()
        with pytest.raises(ConnectError) as raised:
            client.create_widget(api.CreateWidgetRequest(spec=api.WidgetSpec()))
        assert raised.value.message == "; ".join(
            f"spec.{name} is required" for name in ("name", "color", "tags", "labels", "size", "priority")
        )

        with pytest.raises(ConnectError, match="^invalid_argument: widgetId is required; from is required$"):
            client.get_widget_download_url(api.GetWidgetDownloadURLRequest())
        with pytest.raises(ConnectError) as raised:
            list(client.watch_widget(api.WatchWidgetRequest()))
        assert raised.value.code == Code.INVALID_ARGUMENT
        with pytest.raises(ConnectError, match="^invalid_argument: chunk is required$"):
            client.upload_parts([*_parts(api), api.UploadPartRequest(widget_id="w")])
        with pytest.raises(ConnectError, match="^invalid_argument: text is required$"):
            list(client.chat([api.ChatMessage(text="hi"), api.ChatMessage()]))


def test_sync_errors_from_handlers_reach_the_client(api: ModuleType, sync_http: SyncClient) -> None:
    with api.WidgetServiceClientSync("http://in-process/", http_client=sync_http) as client:
        with pytest.raises(ConnectError) as raised, ResponseMetadata() as meta:
            client.get_widget(api.GetWidgetRequest(widget_id="missing"))
        assert (raised.value.code, meta.http_status) == (Code.NOT_FOUND, 404)

        received: list[Any] = []
        with pytest.raises(ConnectError) as raised:
            received.extend(client.watch_widget(api.WatchWidgetRequest(widget_id="boom")))
        assert raised.value.code == Code.ABORTED
        assert len(received) == 1


def test_sync_unimplemented_methods_answer_501(api: ModuleType, servers: ModuleType) -> None:
    # A class without the method, and a subclass of the protocol that inherits its default.
    for implementation in (servers.AdminStructural(), _subclass(api.AdminServiceSync)):
        http = SyncClient(WSGITransport(api.AdminServiceWSGIApplication(implementation)))
        with api.AdminServiceClientSync(http_client=http) as client:
            with pytest.raises(ConnectError) as raised, ResponseMetadata() as meta:
                client.close_(Empty())
            assert raised.value.code == Code.UNIMPLEMENTED
            assert raised.value.message == "acme.widgets.v1.AdminService.Close is not implemented"
            assert meta.http_status == 501


def test_sync_unimplemented_wins_over_validation(api: ModuleType) -> None:
    http = SyncClient(WSGITransport(api.WidgetServiceWSGIApplication(_subclass(api.WidgetServiceSync))))
    with api.WidgetServiceClientSync(http_client=http) as client:
        for call in (
            lambda: client.get_widget(api.GetWidgetRequest()),
            lambda: list(client.watch_widget(api.WatchWidgetRequest())),
            lambda: client.upload_parts([api.UploadPartRequest()]),
            lambda: list(client.chat([api.ChatMessage()])),
        ):
            with pytest.raises(ConnectError) as raised:
                call()
            assert raised.value.code == Code.UNIMPLEMENTED


class _TenantInterceptor:
    """A client metadata interceptor (sync and async) that sets a header on every call."""

    def on_start_sync(self, ctx: RequestContext[Any, Any], /) -> None:
        ctx.request_headers["x-tenant"] = "intercepted"

    def on_end_sync(self, token: None, ctx: RequestContext[Any, Any], error: Exception | None, /) -> None:
        return None

    async def on_start(self, ctx: RequestContext[Any, Any], /) -> None:
        self.on_start_sync(ctx)

    async def on_end(self, token: None, ctx: RequestContext[Any, Any], error: Exception | None, /) -> None:
        return None


def test_sync_timeouts_and_interceptors_reach_the_runtime(api: ModuleType, sync_http: SyncClient) -> None:
    options = {"timeout_ms": 50, "interceptors": [_TenantInterceptor()], "http_client": sync_http}
    with api.WidgetServiceClientSync(**options) as client:
        with pytest.raises(ConnectError) as raised:
            client.get_widget(api.GetWidgetRequest(widget_id="slow"))
        assert raised.value.code == Code.DEADLINE_EXCEEDED
        widget = client.get_widget(api.GetWidgetRequest(widget_id="slow"), timeout_ms=5000)
        assert widget.labels["x-tenant"] == "intercepted"


def test_sync_client_rejects_an_unknown_encoding(api: ModuleType) -> None:
    with pytest.raises(ValueError, match="encoding"):
        api.WidgetServiceClientSync(encoding="xml")


# ---------------------------------------------------------------------------------------------
# async client -> ASGI application


async def _async_calls(api: ModuleType, client: Any, encoding: str) -> None:
    widget = await client.get_widget(api.GetWidgetRequest(widget_id="w1"), headers={"X-Tenant": "other"})
    assert (widget.id, widget.labels["authorization"], widget.labels["x-tenant"]) == ("w1", "Bearer secret", "other")
    assert widget.labels["content-type"] == CONTENT_TYPES[encoding]

    created = await client.create_widget(api.CreateWidgetRequest(spec=_full_spec(api)))
    assert created.name == "gear"

    url = await client.get_widget_download_url(api.GetWidgetDownloadURLRequest(widget_id="w1", **{"from": "eu"}))
    assert url.url == "https://dl.example/w1?from=eu"

    events = [event async for event in client.watch_widget(api.WatchWidgetRequest(widget_id="w1"))]
    assert [event.WhichOneof("event") for event in events] == ["updated", "updated", "deleted_id"]

    async def parts() -> AsyncIterator[Any]:
        for part in _parts(api):
            yield part

    assert (await client.upload_parts(parts())).total_bytes == 9
    assert (await client.upload_parts(_parts(api))).parts == 3

    replies = [reply.text async for reply in client.chat([api.ChatMessage(text="hi"), api.ChatMessage(text="yo")])]
    assert replies == ["HI", "YO"]


async def _async_validation(api: ModuleType, client: Any) -> None:
    with pytest.raises(ConnectError) as raised, ResponseMetadata() as meta:
        await client.get_widget(api.GetWidgetRequest())
    assert (raised.value.code, raised.value.message, meta.http_status) == (
        Code.INVALID_ARGUMENT,
        "widgetId is required",
        400,
    )
    with pytest.raises(ConnectError) as raised:
        await client.create_widget(api.CreateWidgetRequest(spec=_broken_spec(api)))
    assert raised.value.message == _expected_spec_errors()
    with pytest.raises(ConnectError, match="^invalid_argument: widgetId is required$"):
        [event async for event in client.watch_widget(api.WatchWidgetRequest())]
    with pytest.raises(ConnectError, match="^invalid_argument: widgetId is required; chunk is required$"):
        await client.upload_parts([api.UploadPartRequest()])
    with pytest.raises(ConnectError, match="^invalid_argument: text is required$"):
        [reply async for reply in client.chat([api.ChatMessage()])]
    with pytest.raises(ConnectError) as raised:
        await client.get_widget(api.GetWidgetRequest(widget_id="missing"))
    assert raised.value.code == Code.NOT_FOUND


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_async_client_calls_every_method(api: ModuleType, servers: ModuleType, encoding: str) -> None:
    async def scenario() -> None:
        async with ASGITransport(api.WidgetServiceASGIApplication(servers.WidgetsAsync())) as transport:
            http = Client(transport)
            async with api.WidgetServiceClient(encoding=encoding, headers=DEFAULTS, http_client=http) as client:
                await _async_calls(api, client, encoding)
                await _async_validation(api, client)

    asyncio.run(scenario())


def test_async_timeouts_and_interceptors_reach_the_runtime(api: ModuleType, servers: ModuleType) -> None:
    async def scenario() -> None:
        async with ASGITransport(api.WidgetServiceASGIApplication(servers.WidgetsAsync())) as transport:
            options = {"timeout_ms": 50, "interceptors": [_TenantInterceptor()], "http_client": Client(transport)}
            async with api.WidgetServiceClient(**options) as client:
                with pytest.raises(ConnectError) as raised:
                    await client.get_widget(api.GetWidgetRequest(widget_id="slow"))
                assert raised.value.code == Code.DEADLINE_EXCEEDED
                widget = await client.get_widget(api.GetWidgetRequest(widget_id="slow"), timeout_ms=5000)
                assert widget.labels["x-tenant"] == "intercepted"

    asyncio.run(scenario())


def test_async_application_takes_a_lifespan_generator(api: ModuleType, servers: ModuleType) -> None:
    events: list[str] = []

    async def lifespan() -> AsyncIterator[Any]:
        events.append("start")
        try:
            yield servers.WidgetsAsync()
        finally:
            events.append("stop")

    async def scenario() -> None:
        async with ASGITransport(api.WidgetServiceASGIApplication(lifespan())) as transport:
            async with api.WidgetServiceClient(http_client=Client(transport)) as client:
                assert (await client.get_widget(api.GetWidgetRequest(widget_id="w"))).id == "w"

    asyncio.run(scenario())
    assert events == ["start", "stop"]


def test_async_admin_validation_and_unimplemented(api: ModuleType, servers: ModuleType) -> None:
    admin = servers.AdminAsync()

    async def scenario() -> None:
        async with ASGITransport(api.AdminServiceASGIApplication(admin)) as transport:
            async with api.AdminServiceClient(encoding="json", http_client=Client(transport)) as client:
                good = api.WidgetSpec(name="a", color=1, tags=["t"], labels={"k": "v"}, size=1, priority=1)
                await client.import_(api.ImportWidgetsRequest(widgets=[good]))
                with pytest.raises(ConnectError, match="^invalid_argument: widgets is required$"):
                    await client.import_(api.ImportWidgetsRequest())
                bad = api.WidgetSpec()
                bad.CopyFrom(good)
                bad.ClearField("name")
                with pytest.raises(ConnectError, match=r"^invalid_argument: widgets\[1\]\.name is required$"):
                    await client.import_(api.ImportWidgetsRequest(widgets=[good, bad]))
                with pytest.raises(ConnectError) as raised, ResponseMetadata() as meta:
                    await client.close_(Empty())
                assert (raised.value.code, meta.http_status) == (Code.UNIMPLEMENTED, 501)

    asyncio.run(scenario())
    # The invalid requests never reached the handler.
    assert admin.imported == ["a"]


def test_requests_of_the_wrong_type_raise_type_error(
    api: ModuleType, servers: ModuleType, sync_http: SyncClient
) -> None:
    # Every kind of call checks its requests against the method's input message, sync and async;
    # a streamed request as it is taken from the caller's iterable.
    wrong: Any = {"widget_id": "w1"}
    with api.WidgetServiceClientSync(http_client=sync_http) as client:
        with pytest.raises(TypeError, match=r"GetWidget takes a GetWidgetRequest message \(acme.widgets.v1."):
            client.get_widget(wrong)
        with pytest.raises(TypeError, match="WatchWidget takes a WatchWidgetRequest message"):
            client.watch_widget(wrong)
        with pytest.raises(TypeError, match="UploadParts takes a UploadPartRequest message"):
            client.upload_parts([*_parts(api), wrong])
        with pytest.raises(TypeError, match="Chat takes a ChatMessage message"):
            list(client.chat([api.ChatMessage(text="hi"), wrong]))

    async def scenario() -> None:
        async with ASGITransport(api.WidgetServiceASGIApplication(servers.WidgetsAsync())) as transport:
            async with api.WidgetServiceClient(http_client=Client(transport)) as client:
                with pytest.raises(TypeError, match="GetWidget takes a GetWidgetRequest message"):
                    await client.get_widget(wrong)
                with pytest.raises(TypeError, match="WatchWidget takes a WatchWidgetRequest message"):
                    client.watch_widget(wrong)
                with pytest.raises(TypeError, match="UploadParts takes a UploadPartRequest message"):
                    await client.upload_parts([*_parts(api), wrong])
                with pytest.raises(TypeError, match="Chat takes a ChatMessage message"):
                    [reply async for reply in client.chat([api.ChatMessage(text="hi"), wrong])]

    asyncio.run(scenario())
