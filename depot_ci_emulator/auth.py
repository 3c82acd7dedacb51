"""Bearer-token authentication with the reference's rules.

Two kinds of token, as on Depot:
- a user token belongs to a user who is a member of one organization (the emulator's default
  organization, `--org`); `x-depot-org` is optional, and naming another organization is
  `permission_denied` (not a member);
- an organization token belongs to one organization and must send `x-depot-org` naming it: missing
  or naming another organization is `permission_denied`.

No `Authorization` header, a scheme other than Bearer, or an unknown token is `unauthenticated`.
The check runs in an interceptor, before the application checks required fields, so a caller
without a valid token learns nothing about the request.
"""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from connectrpc.code import Code
from connectrpc.errors import ConnectError
from connectrpc.request import RequestContext

__all__ = ["AuthInterceptor", "Tokens", "parse_org_token"]

_REQ = TypeVar("_REQ")
_RES = TypeVar("_RES")


def parse_org_token(text: str) -> tuple[str, str]:
    """Split an `ORG_ID=TOKEN` organization-token setting.

    Raises:
        ValueError: If it is not `ORG_ID=TOKEN` with both parts non-empty.
    """
    org, sep, token = text.partition("=")
    if not sep or not org.strip() or not token.strip():
        msg = f"an organization token is ORG_ID=TOKEN, e.g. org_123=secret (got {text!r})"
        raise ValueError(msg)
    return org.strip(), token.strip()


@dataclass(frozen=True)
class Tokens:
    """The tokens the emulator accepts.

    Args:
        default_org: The organization user tokens belong to.
        user_tokens: User tokens (members of `default_org`).
        org_tokens: Organization tokens, token -> organization id.
    """

    default_org: str
    user_tokens: frozenset[str] = field(default_factory=frozenset)
    org_tokens: Mapping[str, str] = field(default_factory=dict)

    def organization(self, headers: Mapping[str, str]) -> str:
        """The organization a request acts for, from its `authorization` and `x-depot-org` headers.

        Raises:
            ConnectError: `unauthenticated` or `permission_denied`, as the module docstring says.
        """
        header = headers.get("authorization", "")
        scheme, _, token = header.strip().partition(" ")
        token = token.strip()
        if not header:
            raise ConnectError(
                Code.UNAUTHENTICATED, "missing Authorization header: send `Authorization: Bearer <token>`"
            )
        if scheme.lower() != "bearer" or not token:
            raise ConnectError(Code.UNAUTHENTICATED, "the Authorization header must be `Bearer <token>`")
        requested = headers.get("x-depot-org", "").strip()
        org = self._lookup(token, self.org_tokens)
        if org is not None:
            if not requested:
                raise ConnectError(
                    Code.PERMISSION_DENIED,
                    f"an organization token must send the x-depot-org header naming its organization ({org})",
                )
            if requested != org:
                raise ConnectError(
                    Code.PERMISSION_DENIED, f"this organization token belongs to {org}, not to x-depot-org {requested}"
                )
            return org
        if any(hmac.compare_digest(token, known) for known in self.user_tokens):
            if requested and requested != self.default_org:
                raise ConnectError(
                    Code.PERMISSION_DENIED, f"the token's user is not a member of organization {requested}"
                )
            return self.default_org
        raise ConnectError(Code.UNAUTHENTICATED, "invalid or expired token")

    @staticmethod
    def _lookup(token: str, tokens: Mapping[str, str]) -> str | None:
        for known, org in tokens.items():
            if hmac.compare_digest(token, known):
                return org
        return None


class AuthInterceptor:
    """A connectrpc server interceptor answering unauthenticated or forbidden calls before the handler."""

    def __init__(self, tokens: Tokens) -> None:
        self._tokens = tokens

    async def intercept_unary(
        self,
        call_next: Callable[[_REQ, RequestContext[_REQ, _RES]], Awaitable[_RES]],
        request: _REQ,
        ctx: RequestContext[_REQ, _RES],
    ) -> _RES:
        """Check the caller, then call the handler."""
        self._tokens.organization(ctx.request_headers)
        return await call_next(request, ctx)

    async def intercept_server_stream(
        self,
        call_next: Callable[[_REQ, RequestContext[_REQ, _RES]], AsyncIterator[_RES]],
        request: _REQ,
        ctx: RequestContext[_REQ, _RES],
    ) -> AsyncIterator[_RES]:
        """Check the caller, then stream the handler's responses."""
        self._tokens.organization(ctx.request_headers)
        async for response in call_next(request, ctx):
            yield response
