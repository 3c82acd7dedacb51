"""An interceptor holding Connect clients to the spec's required `Connect-Protocol-Version: 1` header.

The spec marks the header required on every operation, and a Connect server may reject requests
without it (connect-go's `WithRequireConnectProtocolHeader`). The emulator does, so a client that
forgets it fails here rather than against a stricter server: `invalid_argument` naming the header.
gRPC and gRPC-Web requests (`application/grpc*`) do not carry the header and are not checked.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

from connectrpc.request import RequestContext

from .errors import invalid_argument

__all__ = ["ProtocolInterceptor"]

_REQ = TypeVar("_REQ")
_RES = TypeVar("_RES")


def _check(ctx: RequestContext[Any, Any]) -> None:
    headers = ctx.request_headers
    if headers.get("content-type", "").lower().startswith("application/grpc"):
        return
    version = headers.get("connect-protocol-version")
    if version is None:
        raise invalid_argument("missing Connect-Protocol-Version header: send `Connect-Protocol-Version: 1`")
    if version.strip() != "1":
        raise invalid_argument(f"Connect-Protocol-Version must be 1, not {version[:20]!r}")


class ProtocolInterceptor:
    """Rejects Connect requests without `Connect-Protocol-Version: 1` (after authentication)."""

    async def intercept_unary(
        self,
        call_next: Callable[[_REQ, RequestContext[_REQ, _RES]], Awaitable[_RES]],
        request: _REQ,
        ctx: RequestContext[_REQ, _RES],
    ) -> _RES:
        """Check the header, then call the handler."""
        _check(ctx)
        return await call_next(request, ctx)

    async def intercept_server_stream(
        self,
        call_next: Callable[[_REQ, RequestContext[_REQ, _RES]], AsyncIterator[_RES]],
        request: _REQ,
        ctx: RequestContext[_REQ, _RES],
    ) -> AsyncIterator[_RES]:
        """Check the header, then stream the handler's responses."""
        _check(ctx)
        async for response in call_next(request, ctx):
            yield response
