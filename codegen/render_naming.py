"""Names the render stage derives for generated Python code.

Staged here until they move into `naming.py`: every function composes the casing and escaping
rules of `naming` and adds nothing of its own beyond the suffixes and prefixes below.
"""

from __future__ import annotations

from .naming import python_identifier, screaming_snake, snake_case

__all__ = [
    "CLIENT_RESERVED",
    "asgi_application_class",
    "check_function",
    "client_class",
    "method_attribute",
    "method_info_constant",
    "server_protocol_class",
    "wsgi_application_class",
]

CLIENT_RESERVED = frozenset({"close"})
"""Attribute names the generated clients define themselves: an RPC called `Close` becomes `close_`."""


def client_class(service: str, *, is_async: bool) -> str:
    """`CIService` -> `CIServiceClient` (async) or `CIServiceClientSync`."""
    return f"{service}Client" if is_async else f"{service}ClientSync"


def server_protocol_class(service: str, *, is_async: bool) -> str:
    """`CIService` -> `CIService` (async server protocol) or `CIServiceSync`."""
    return service if is_async else f"{service}Sync"


def asgi_application_class(service: str) -> str:
    """`CIService` -> `CIServiceASGIApplication`."""
    return f"{service}ASGIApplication"


def wsgi_application_class(service: str) -> str:
    """`CIService` -> `CIServiceWSGIApplication`."""
    return f"{service}WSGIApplication"


def method_attribute(method: str, taken: frozenset[str] = CLIENT_RESERVED) -> str:
    """The Python method of an RPC on clients and servers: `GetArtifactDownloadURL` -> `get_artifact_download_url`.

    Keywords and names in `taken` (by default what the clients define themselves) get a `_` suffix.
    """
    return python_identifier(snake_case(method), taken)


def method_info_constant(service: str, method: str, taken: frozenset[str] = frozenset()) -> str:
    """The private module constant holding an RPC's `MethodInfo`: `_CI_SERVICE_GET_RUN`."""
    return python_identifier(f"_{screaming_snake(service)}_{screaming_snake(method)}", taken)


def check_function(qualified_name: str, taken: frozenset[str] = frozenset()) -> str:
    """The private function checking required fields of a message: `Outer.Inner` -> `_check_outer_inner`."""
    words = "_".join(snake_case(part) for part in qualified_name.split("."))
    return python_identifier(f"_check_{words}", taken)
