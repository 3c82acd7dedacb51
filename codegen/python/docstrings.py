"""Every text the generated Python says to its reader: docstrings and the messages of fixed errors.

One function per documented construct returns a `Doc` (summary, body from the API document,
notes, Google-style sections); the templates turn it into a literal with the `docstring` filter.
Prose is written here and in `client_docstrings.py` (the clients' share) and nowhere else: views
carry these `Doc`s, templates hold none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..model import Api, Method, ProtoPackage, Service
from .source import Doc, DocSection, split_summary

__all__ = [
    "and_list",
    "application",
    "application_init",
    "application_path",
    "check_function",
    "connect_module",
    "deprecated_note",
    "method_summary",
    "package_init",
    "python_terms",
    "server_method",
    "server_protocol",
    "unimplemented",
]


def _api_name(api: Api) -> str:
    """The API's title, with its version unless the title already ends with it."""
    title = api.title.strip()
    version = api.version.strip()
    return f"{title} {version}" if title and version and not title.endswith(version) else title


def _short(text: str) -> str:
    """A one-line gist of a description, for lists."""
    summary, rest = split_summary(text)
    if summary:
        return summary
    first = rest.split("\n\n")[0].replace("\n", " ").strip()
    return first if len(first) <= 80 else first[:77].rstrip() + "..."


def and_list(items: list[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


_WORD = re.compile(r"\b[A-Za-z]\w*(?:\.[A-Za-z]\w*)*\b")


def python_terms(text: str, terms: Mapping[str, str]) -> str:
    """`text` with the API's JSON and RPC names (`runId`, `GetRun`) replaced by the Python ones, in backticks.

    `terms` maps a JSON field name, an RPC name or `Service.Method` to its Python name; only names
    whose Python spelling differs are in it, so plain words stay as they are. A name already in
    backticks keeps one pair.
    """

    def python(word: str) -> str:
        if word in terms:
            return terms[word]
        return ".".join(terms.get(part, part) for part in word.split("."))

    def replace(match: re.Match[str]) -> str:
        word = match[0]
        converted = python(word)
        if converted == word:
            return word
        quoted = match.start() > 0 and text[match.start() - 1] == "`" and text[match.end() : match.end() + 1] == "`"
        return converted if quoted else f"`{converted}`"

    return _WORD.sub(replace, text)


def method_summary(method: Method, service: Service) -> tuple[str, str]:
    """(summary, body) of a method's docstring.

    A summary that only repeats the RPC name (what protoc-gen-connect-openapi writes) says nothing:
    the description's first sentence is used instead.
    """
    summary = method.summary.strip()
    if summary and summary != method.name:
        return summary, method.description
    first, rest = split_summary(method.description)
    return (first, rest) if first else (f"Call `{service.name}.{method.name}`", method.description)


def deprecated_note(method: Method) -> tuple[str, ...]:
    return ("Deprecated: the API marks this method as deprecated.",) if method.deprecated else ()


# ---------------------------------------------------------------------------------------------
# Modules


def connect_module(api: Api, package: ProtoPackage) -> Doc:
    """The docstring of a `<stem>_connect.py` module."""
    name = _api_name(api)
    of_api = f" of {name}" if name and name != package.name else ""
    lines = [f"{s.name}: {_short(s.description) or f'`{s.full_name}`'}" for s in package.services]
    return Doc(
        summary=f"Connect clients and servers for the `{package.name}` services{of_api}",
        notes=(
            "For each service `X`: `XClient` (async) and `XClientSync` call it; `X` (async) and `XSync` are the "
            "server interfaces to implement, and `XASGIApplication` and `XWSGIApplication` serve an "
            "implementation.",
        ),
        sections=(DocSection("Services", tuple(("", line) for line in lines)),),
    )


def package_init(api: Api, packages: list[ProtoPackage], children: list[str]) -> Doc:
    """The docstring of a package `__init__.py`: the proto packages mapped to it and its subpackages."""
    notes: list[str] = []
    for package in packages:
        services = and_list([f"`{service.name}`" for service in package.services])
        notes.append(
            f"Messages and enums of `{package.name}`" + (f", clients and servers of {services}." if services else ".")
        )
    if children:
        notes.append(f"Subpackages: {and_list([f'`{child}`' for child in children])}.")
    name = _api_name(api)
    if packages:
        names = [package.name for package in packages]
        summary = f"The {and_list([f'`{n}`' for n in names])} package" + (
            f" of {name}" if name and name not in names else ""
        )
    else:
        summary = f"{name}: Connect clients, servers and messages" if name else "Connect clients, servers and messages"
    return Doc(summary=summary, body=api.description, notes=tuple(notes))


def check_function(message_type: str) -> Doc:
    """The docstring of the function checking a request message of type `message_type`."""
    return Doc(summary=f"Add the problems of a `{message_type}` to `problems`, JSON path first")


def json_encode_function(message_type: str) -> Doc:
    """The docstring of the generated protobuf-JSON encoder of `message_type`."""
    return Doc(
        summary=f"The protobuf JSON of a `{message_type}`, as `json.dumps(MessageToDict(message))` writes it",
        notes=(
            "Compact, not ASCII-escaped; keys are the fields' JSON names, in field-number order; only fields "
            "that are set appear.",
        ),
    )


def json_decode_function(message_type: str) -> Doc:
    """The docstring of the generated protobuf-JSON decoder of `message_type`."""
    return Doc(
        summary=f"Read the parsed protobuf JSON object `data` into `message`, a `{message_type}` at nesting `depth`",
        notes=(
            "Raises _JSONFallback on anything but what json_format reads the same way (then json_format "
            "parses the body and raises its own `ParseError`, or accepts it).",
        ),
    )


# ---------------------------------------------------------------------------------------------
# Servers


def server_protocol(service: Service, application_class: str, is_async: bool) -> Doc:
    """The docstring of a server protocol class."""
    return Doc(
        summary=f"Server interface of `{service.full_name}` ({'async' if is_async else 'sync'})",
        body=service.description,
        notes=(
            f"Implement these methods and serve the implementation with `{application_class}`. A subclass "
            "inherits, for every method it does not define, a default that answers `unimplemented`.",
        ),
    )


def application(service: Service, protocol_class: str, is_async: bool) -> Doc:
    """The docstring of an ASGI or WSGI application class."""
    server = "an ASGI server (uvicorn, hypercorn, ...)" if is_async else "a WSGI server (gunicorn, waitress, ...)"
    return Doc(
        summary=f"{'ASGI' if is_async else 'WSGI'} application serving a `{protocol_class}` implementation",
        notes=(
            f"It answers `POST /{service.full_name}/<Method>` in the Connect protocol (and gRPC-Web, and gRPC where "
            "the server supports HTTP trailers). Before a handler runs, a request missing a required field is "
            "answered with `invalid_argument` naming the field; a method the implementation does not define "
            "answers `unimplemented`.",
            "A handler's `ConnectError` reaches the client as raised; any other exception is answered `internal` "
            "with only a request id, and logged with its traceback, the method and that id (logger: this "
            "module's `__name__`). The client's deadline (`Connect-Timeout-Ms`) ends the call with "
            "`deadline_exceeded`; "
            + (
                "the handler is cancelled at its next `await`, and a stream gives other requests a turn after "
                "each message."
                if is_async
                else "a sync handler learns of it, and of a stream's client leaving, from `call_cancelled(ctx)`."
            ),
            f"Run it with {server}; mount several applications by their `path`.",
        ),
    )


def application_init(service: Service, is_async: bool) -> Doc:
    """The docstring of an application's `__init__`."""
    service_arg = (
        "The implementation, or an async generator yielding it once (run at ASGI lifespan startup; code after "
        "the `yield` runs at shutdown)."
        if is_async
        else "The implementation."
    )
    args = (
        ("service", service_arg),
        ("interceptors", "connectrpc interceptors run around every call, outermost first."),
        ("read_max_bytes", "Largest request message accepted (4 MiB by default); None sets no limit."),
        ("compressions", "Compressions accepted and used for responses; None means the runtime's."),
        ("codecs", "Message codecs; None accepts binary protobuf and protobuf JSON."),
    )
    return Doc(summary=f"Serve `service` at `/{service.full_name}/`", sections=(DocSection("Args", args),))


def application_path() -> Doc:
    """The docstring of an application's `path` property."""
    return Doc(summary="The URL path prefix of the service, for mounting the application")


def server_method(
    method: Method,
    service: Service,
    input_type: str,
    output_type: str,
    required: list[str],
    is_async: bool,
    terms: Mapping[str, str] | None = None,
) -> Doc:
    """The docstring of an RPC on a server protocol.

    `required` holds the names of its required fields; `terms` the Python names of the API's JSON
    and RPC names (see `python_terms`).
    """
    required = [f"`{name}`" for name in required]
    stream = method.stream
    summary, body = method_summary(method, service)
    summary, body = python_terms(summary, terms or {}), python_terms(body, terms or {})
    notes = list(deprecated_note(method))
    if required:
        checked = "Each request" if stream.client_streams else "A request"
        notes.append(
            f"{checked} missing {' or '.join(required)} (or a required field of a nested message) is "
            "answered with `invalid_argument` before this method sees it."
        )
    if stream.client_streams:
        request_doc = f"The `{input_type}` messages the client streams."
    else:
        request_doc = f"The `{input_type}` the client sent."
    if stream.server_streams:
        answer = (
            f"The `{output_type}` messages to stream, e.g. from {'an async generator' if is_async else 'a generator'}."
        )
    else:
        answer = f"The `{output_type}` to answer with."
    args = (
        ("requests" if stream.client_streams else "request", request_doc),
        (
            "ctx",
            "The call's context: `ctx.request_headers` (e.g. the caller's `authorization`), `ctx.timeout_ms`, "
            "`ctx.response_headers` and `ctx.response_trailers`. An implementation annotates it as "
            "`RequestContext[Any, Any]`, or leaves it unannotated.",
        ),
    )
    raises = (
        'To answer with a Connect error, e.g. `ConnectError(Code.NOT_FOUND, "...")`; any other exception answers '
        "`unknown`."
    )
    return Doc(
        summary=summary,
        body=body,
        notes=tuple(notes),
        sections=(
            DocSection("Args", args),
            DocSection("Returns", (("", answer),)),
            DocSection("Raises", (("ConnectError", raises),)),
        ),
    )


def unimplemented(service: Service, method: Method) -> str:
    """The message of the `unimplemented` error a protocol's default method body raises."""
    return f"{service.full_name}.{method.name} is not implemented"
