"""Build phase for services: Connect operations -> `Service`s with their `Method`s.

protoc-gen-connect-openapi writes each method as `POST /<package>.<Service>/<Method>` whose
request body and 200 response carry the request and response messages; a streaming media type
(`application/connect+json`, ...) marks a streaming method (the lock may say which side streams).
Other operations are recovered from their `operationId` when they have both bodies, else skipped
with a warning.
"""

from __future__ import annotations

import re

from ..diagnostics import Reporter
from ..model import MessageRef, Method, Service, StreamKind
from .components import REF_PREFIX, ComponentIndex, ComponentKind
from .spec import Body, Operation, Spec

__all__ = ["build_services"]

_CONNECT_PATH = re.compile(
    r"/(?P<package>(?:[A-Za-z_]\w*\.)*[a-z_]\w*)\.(?P<service>[A-Za-z_]\w*)/(?P<method>[A-Za-z_]\w*)\Z"
)
_OPERATION_ID = re.compile(
    r"(?P<package>(?:[A-Za-z_]\w*\.)*[a-z_]\w*)\.(?P<service>[A-Z]\w*)\.(?P<method>[A-Za-z_]\w*)\Z"
)
_STREAMING_MEDIA = ("application/connect+json", "application/connect+proto", "application/grpc")


def build_services(spec: Spec, index: ComponentIndex, reporter: Reporter) -> dict[str, Service]:
    """{full service name: service}, in the order their first methods appear in the document."""
    methods: dict[str, list[Method]] = {}
    deferred: list[Operation] = []
    for operation in spec.operations:
        match = _CONNECT_PATH.match(operation.path)
        if match is not None and operation.verb == "post":
            _add_method(methods, f"{match['package']}.{match['service']}", match["method"], operation, index, reporter)
        elif match is not None and operation.verb == "get" and operation.has_post_sibling:
            # The Connect GET form of a side-effect-free method (request in the query string);
            # the POST next to it already defines the method.
            continue
        else:
            deferred.append(operation)
    for operation in deferred:
        op_id = _OPERATION_ID.match(operation.operation_id)
        service = f"{op_id['package']}.{op_id['service']}" if op_id else ""
        shown = f"{operation.verb.upper()} {operation.path!r}"
        if (
            op_id
            and not any(m.name == op_id["method"] for m in methods.get(service, []))
            and operation.request.media
            and operation.response.media
        ):
            reporter.warning(
                operation.location, f"{shown} is not a Connect path; the method was recovered from its operationId"
            )
            _add_method(methods, service, op_id["method"], operation, index, reporter)
        else:
            reporter.warning(
                operation.location,
                f"skipped {shown}: not a Connect method "
                "(`POST /<package>.<Service>/<Method>`), e.g. a REST binding or a Twirp route; "
                "its messages are still converted",
            )
    return {
        name: Service(
            name,
            name.rpartition(".")[2],
            tuple(found),
            spec.tags.get(name, ""),
            spec.tag_locations.get(name, found[0].location),
        )
        for name, found in methods.items()
    }


def _add_method(
    methods: dict[str, list[Method]],
    service: str,
    name: str,
    operation: Operation,
    index: ComponentIndex,
    reporter: Reporter,
) -> None:
    if any(m.name == name for m in methods.get(service, [])):
        reporter.error(operation.location, f"method {service}/{name} is defined twice", "remove the duplicate path")
        return
    input_ref, input_streams = _message_of(operation.request, "request", index, reporter)
    output_ref, output_streams = _message_of(operation.response, "response", index, reporter)
    if input_ref is None or output_ref is None:
        return
    methods.setdefault(service, []).append(
        Method(
            name=name,
            input=input_ref,
            output=output_ref,
            stream=StreamKind.SERVER if (input_streams or output_streams) else StreamKind.UNARY,
            summary=operation.summary,
            description=operation.description,
            deprecated=operation.deprecated,
            location=operation.location,
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
