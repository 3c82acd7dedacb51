"""Build phase for services: Connect operations -> `Service`s with their `Method`s.

protoc-gen-connect-openapi writes each method as `POST <prefix>/<package>.<Service>/<Method>` (`paths`)
whose request body and 200 response carry the request and response messages; a streaming media type
(`application/connect+json`, ...) marks a streaming method (the lock may say which side streams); a
`get` operation beside the `post` (`allow-get`) marks a side-effect-free method
(`idempotency_level = NO_SIDE_EFFECTS`). Other operations (REST bindings of `google.api.http`) are
recovered from their `operationId` when they have both bodies, else skipped with a warning; so is a
path item without operations (a streaming method written without `with-streaming`).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..diagnostics import Reporter
from ..model import Idempotency, MessageRef, Method, Service, StreamKind
from .components import REF_PREFIX, ComponentIndex, ComponentKind
from .paths import Route, connect_route, route_from_operation_id
from .spec import Body, Operation, Schema, Spec

__all__ = ["build_services"]

_STREAMING_MEDIA = ("application/connect+json", "application/connect+proto", "application/grpc")


def build_services(spec: Spec, index: ComponentIndex, reporter: Reporter) -> tuple[dict[str, Service], str]:
    """({full service name: service} in the order their first methods appear, the Connect paths' prefix)."""
    methods: dict[str, list[Method]] = {}
    deferred: list[Operation] = []
    prefixes: dict[str, str] = {}
    for operation in spec.operations:
        route = connect_route(operation.path, operation.operation_id, operation.verb)
        if route is not None and operation.verb == "post":
            if route.prefix:
                prefixes.setdefault(route.prefix, operation.location)
            if route.is_twirp:
                reporter.warning(
                    operation.location,
                    f"{operation.path!r} is a Twirp route: the method is converted, but the generated clients and "
                    "servers speak the Connect protocol, not Twirp",
                    "serve the service with a Connect server, or use a Twirp client for it",
                )
            idempotency = Idempotency.NO_SIDE_EFFECTS if operation.get_sibling is not None else Idempotency.UNKNOWN
            _add_method(methods, route, operation, idempotency, index, reporter)
        elif route is not None and operation.verb == "get" and operation.has_post_sibling:
            # The Connect GET form of a side-effect-free method (request in the query string);
            # the POST next to it defines the method, and is marked NO_SIDE_EFFECTS above.
            continue
        else:
            deferred.append(operation)
    for operation in deferred:
        _rest_binding(operation, methods, index, spec.schemas, reporter)
    for path, location in spec.empty_paths:
        if connect_route(path, "", "post") is not None or connect_route(path, _operation_id_of(path), "post"):
            reporter.warning(
                location,
                f"the path {path!r} has no operation: protoc-gen-connect-openapi writes streaming methods so "
                "when run without `with-streaming`; the method is not in the .proto",
                "regenerate the document with the `with-streaming` option to keep streaming methods",
            )
    services = {
        name: Service(
            name,
            name.rpartition(".")[2],
            tuple(found),
            _tag(spec.tags, name),
            _tag(spec.tag_locations, name) or found[0].location,
        )
        for name, found in methods.items()
    }
    return services, _path_prefix(prefixes, reporter)


def _partial_body(operation: Operation, schemas: Mapping[str, Schema]) -> str:
    """The path or query parameters of a REST binding that its body's message does not have ("" if none).

    With `body: "*"` the body is the request message and the path parameters are fields of it; with
    `body: "<field>"` the body is that field's message, and the parameters are not among its fields.
    """
    refs = set(operation.request.media.values())
    name = refs.pop()[len(REF_PREFIX) :] if len(refs) == 1 else ""
    schema = schemas.get(name)
    if schema is None:
        return ""
    properties = dict(schema.properties or {})
    for member in schema.all_of or ():
        properties.update(member.properties or {})
    for member in [*(schema.one_of or ()), *(o for m in schema.all_of or () for o in m.one_of or ())]:
        properties.update(member.properties or {})
    known = set(properties) | {p.title for p in properties.values() if p.title}
    missing = [n for n, _ in operation.parameters if n not in known and n.split(".")[0] not in known]
    return ", ".join(repr(n) for n in missing)


def _rest_binding(
    operation: Operation,
    methods: dict[str, list[Method]],
    index: ComponentIndex,
    schemas: Mapping[str, Schema],
    reporter: Reporter,
) -> None:
    route = route_from_operation_id(operation.operation_id)
    shown = f"{operation.verb.upper()} {operation.path!r}"
    known = route is not None and any(m.name == route.method for m in methods.get(route.service_full_name, []))
    partial = _partial_body(operation, schemas)
    if route is not None and not known and operation.request.media and operation.response.media and not partial:
        reporter.warning(
            operation.location, f"{shown} is not a Connect path; the method was recovered from its operationId"
        )
        _add_method(methods, route, operation, Idempotency.UNKNOWN, index, reporter)
    elif route is not None and not known and partial:
        reporter.warning(
            operation.location,
            f"skipped {shown}: the binding of {route.service_full_name}/{route.method} takes {partial} from the "
            "path or query string, so its body is only part of the request message, which the document does not "
            "name; the method is not in the .proto",
            'regenerate the document without `google.api.http` bindings (or with `body: "*"`) to keep it',
        )
    elif route is not None and known:
        reporter.warning(
            operation.location,
            f"skipped {shown}: another binding of {route.service_full_name}/{route.method}, already converted",
        )
    else:
        reporter.warning(
            operation.location,
            f"skipped {shown}: not a Connect method (`POST /<package>.<Service>/<Method>`), and its operationId "
            "names no method with a request and a response body (a REST binding, say); "
            "its messages are still converted",
        )


def _operation_id_of(path: str) -> str:
    """The operationId the generator would give the Connect path `path` (for path items without operations)."""
    return ".".join(path.rstrip("/").split("/")[-2:])


def _tag(tags: Mapping[str, str], service: str) -> str:
    """A service's tag entry: by full name, or by short name (`short-service-tags`)."""
    return tags.get(service) or tags.get(service.rpartition(".")[2]) or ""


def _path_prefix(prefixes: Mapping[str, str], reporter: Reporter) -> str:
    """The one prefix every prefixed Connect path has (path-prefix=), reported; "" when there is none."""
    real = {p: where for p, where in prefixes.items() if not p.rstrip("/").endswith("/twirp")}
    if not real:
        return ""
    prefix, location = next(iter(real.items()))
    if len(real) > 1:
        reporter.warning(
            location,
            f"the Connect paths have different prefixes ({', '.join(sorted(real))}); {prefix!r} is recorded",
            "serve every service under one prefix, or generate one document per prefix",
        )
    else:
        reporter.warning(
            location,
            f"the Connect paths have the prefix {prefix!r} (the `path-prefix` option): it is kept as the API's "
            "path prefix; include it in the base URL clients are given",
        )
    return prefix


def _add_method(
    methods: dict[str, list[Method]],
    route: Route,
    operation: Operation,
    idempotency: Idempotency,
    index: ComponentIndex,
    reporter: Reporter,
) -> None:
    service = route.service_full_name
    if any(m.name == route.method for m in methods.get(service, [])):
        reporter.error(
            operation.location, f"method {service}/{route.method} is defined twice", "remove the duplicate path"
        )
        return
    input_ref, input_streams = _message_of(operation.request, "request", index, reporter)
    output_ref, output_streams = _message_of(operation.response, "response", index, reporter)
    if input_ref is None or output_ref is None:
        return
    streams = input_streams or output_streams
    methods.setdefault(service, []).append(
        Method(
            name=route.method,
            input=input_ref,
            output=output_ref,
            stream=StreamKind.SERVER if streams else StreamKind.UNARY,
            summary=operation.summary,
            description=operation.description,
            deprecated=operation.deprecated,
            location=operation.location,
            idempotency=Idempotency.UNKNOWN if streams else idempotency,
        )
    )


def _message_of(body: Body, what: str, index: ComponentIndex, reporter: Reporter) -> tuple[MessageRef | None, bool]:
    """The message a request or response body carries, and whether its media types stream."""
    if not body.media:
        reporter.error(
            body.location, f"the operation has no {what} body", f"a Connect method has a {what} message; add its schema"
        )
        return None, False
    streams = any(media.startswith(_STREAMING_MEDIA) for media in body.media)
    refs = set(body.media.values())
    if len(refs) != 1:
        reporter.error(
            body.location,
            f"the {what} media types do not share one schema $ref",
            "every media type of a Connect method carries the same message",
        )
        return None, streams
    ref = refs.pop()
    name = ref[len(REF_PREFIX) :] if ref.startswith(REF_PREFIX) else ""
    if index.kinds.get(name) not in (ComponentKind.MESSAGE, ComponentKind.WELL_KNOWN_MESSAGE):
        reporter.error(
            body.location,
            f"the {what} schema {ref or '(none)'!r} is not a message component",
            "reference a message component with $ref",
        )
        return None, streams
    return MessageRef(name), streams
