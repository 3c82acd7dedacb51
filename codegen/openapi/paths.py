"""Connect routes: which paths and operations of the document are methods, and of which service.

protoc-gen-connect-openapi writes a method as `POST /<package>.<Service>/<Method>` with the operationId
`<package>.<Service>.<Method>` (or `<Service>_<Method>` with `short-operation-ids`); `path-prefix=` puts a
prefix in front (`/testing/1234/...`), Twirp (`features=twirp`) puts `/twirp`, a .proto without a package
leaves the package out (`/UserService/Get`), and `allow-get` adds a `get` operation beside the `post`
whose operationId ends in `.get`. A prefixed or package-less path is only taken for a Connect route when
its operationId agrees, so a REST path such as `/v1/users/list` is never mistaken for one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Route", "connect_route", "route_from_operation_id"]

_PATH = re.compile(
    r"(?P<prefix>(?:/[^/]+)*?)/(?:(?P<package>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\.)?"
    r"(?P<service>[A-Za-z_]\w*)/(?P<method>[A-Za-z_]\w*)\Z"
)
_OPERATION_ID = re.compile(
    r"(?:(?P<package>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\.)?(?P<service>[A-Za-z_]\w*)\.(?P<method>[A-Za-z_]\w*)\Z"
)


@dataclass(frozen=True, slots=True)
class Route:
    """A Connect method's place: `<prefix>/<package>.<service>/<method>`."""

    prefix: str
    """"" for none, `/testing/1234`, `/twirp`."""
    package: str
    """"" for a .proto without a package."""
    service: str
    method: str

    @property
    def service_full_name(self) -> str:
        """`acme.v1.OrderService` (or just `OrderService` without a package)."""
        return f"{self.package}.{self.service}" if self.package else self.service

    @property
    def is_twirp(self) -> bool:
        """True for Twirp routes (`/twirp/<package>.<Service>/<Method>`)."""
        return self.prefix.rstrip("/").endswith("/twirp")


def connect_route(path: str, operation_id: str, verb: str) -> Route | None:
    """The Connect route `path` is, or None. `operation_id` confirms prefixed and package-less paths."""
    match = _PATH.match(path)
    if match is None:
        return None
    route = Route(match["prefix"], match["package"] or "", match["service"], match["method"])
    expected = {
        f"{route.service_full_name}.{route.method}",
        f"{route.service}_{route.method}",
    }
    if verb == "get":
        expected = {e + ".get" for e in expected} | {e + "_get" for e in expected}
    confirmed = operation_id in expected
    if route.prefix or not route.package:
        return route if confirmed else None
    return route


def route_from_operation_id(operation_id: str) -> Route | None:
    """The method an operationId `<package>.<Service>.<Method>` names (REST bindings keep it), or None."""
    match = _OPERATION_ID.match(operation_id)
    if match is None or not match["package"]:
        return None
    return Route("", match["package"], match["service"], match["method"])
