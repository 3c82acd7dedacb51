"""The view model of the render stage: finished names, type strings, imports and docstrings.

`build_views(api, layout)` turns the model into frozen dataclasses that the templates only lay
out. Every decision (what a method is called, how a type is spelled, what a docstring says, which
imports and helpers a module needs, how a required field is checked) is made here and in the
modules this one draws on: `render_symbols` (names inside a module), `render_checks` (required
fields), `render_source` (literals, docstrings, import blocks), `naming` (every derived name).
"""

from __future__ import annotations

import keyword
from collections.abc import Iterable
from dataclasses import dataclass

from .diagnostics import CodegenError, Diagnostic, Severity
from .layout import PythonLayout
from .model import (
    Api,
    Enum,
    Message,
    Method,
    ProtoPackage,
    Service,
    StreamKind,
)
from .naming import (
    CLIENT_RESERVED,
    asgi_application_class,
    check_function,
    client_class,
    method_attribute,
    method_info_constant,
    server_protocol_class,
    wsgi_application_class,
)
from .render_checks import ValidatorView, api_messages, checked_messages, validator
from .render_source import (
    Doc,
    DocSection,
    Import,
    docstring,
    import_sections,
    member_sort_key,
    py_list,
    py_str,
    split_summary,
)
from .render_symbols import (
    BUILTINS,
    EXECUTE,
    LOCAL_NAMES,
    PRIVATE_NAMES,
    RUNTIME,
    STREAM_TYPES,
    WRAPPERS,
    Features,
    TypeNames,
    helper_macros,
    runtime_imports,
    type_owners,
)

__all__ = [
    "ClientMethodView",
    "ClientView",
    "ConnectModuleView",
    "InitView",
    "MethodInfoView",
    "ServerMethodView",
    "ServerView",
    "ServiceView",
    "Views",
    "build_views",
]


# ---------------------------------------------------------------------------------------------
# The views


@dataclass(frozen=True, slots=True)
class MethodInfoView:
    """The module constant describing one RPC to the runtime."""

    constant: str
    name: str
    """Python literal of the RPC name."""
    service_name: str
    """Python literal of the service's full name."""
    input_type: str
    output_type: str
    stream_type: str
    """Member of `connectrpc.method.StreamType`."""


@dataclass(frozen=True, slots=True)
class ClientMethodView:
    """One RPC on a client class."""

    name: str
    def_keyword: str
    """`async def` or `def`."""
    request_param: str
    return_type: str
    execute: str
    """The runtime call, with `await` when the result is awaited."""
    request_arg: str
    method_info: str
    docstring: str


@dataclass(frozen=True, slots=True)
class ClientView:
    """A client class (async or sync) of one service."""

    is_async: bool
    class_name: str
    docstring: str
    init_docstring: str
    close_docstring: str
    base_url_param: str
    runtime_class: str
    interceptor_type: str
    http_client_type: str
    methods: tuple[ClientMethodView, ...]


@dataclass(frozen=True, slots=True)
class ServerMethodView:
    """One RPC on a server protocol and its route in the application."""

    name: str
    name_literal: str
    def_keyword: str
    request_param: str
    context_type: str
    return_type: str
    docstring: str
    unimplemented_message: str
    """Python literal of the error message the protocol's default body raises."""
    path: str
    """Python literal of the URL path (`"/pkg.Service/Method"`)."""
    endpoint_factory: str
    """`Endpoint.unary`, `EndpointSync.server_stream`, ..."""
    wrapper: str
    """The module helper that wires validation and the unimplemented fallback (`_unary`, ...)."""
    method_info: str
    check: str
    """The request check function, or `None`."""


@dataclass(frozen=True, slots=True)
class ServerView:
    """A server protocol (async or sync) of one service and the application serving it."""

    is_async: bool
    protocol_name: str
    protocol_docstring: str
    app_name: str
    app_base: str
    app_docstring: str
    app_init_docstring: str
    path_docstring: str
    service_type: str
    interceptor_type: str
    path: str
    """Python literal of the service's URL prefix (`"/pkg.Service"`)."""
    methods: tuple[ServerMethodView, ...]


@dataclass(frozen=True, slots=True)
class ServiceView:
    """Everything generated for one service, async first."""

    clients: tuple[ClientView, ...]
    servers: tuple[ServerView, ...]


@dataclass(frozen=True, slots=True)
class ConnectModuleView:
    """A `<stem>_connect.py` module."""

    header: str
    docstring: str
    imports: tuple[str, ...]
    all_names: str
    type_vars: bool
    method_infos: tuple[MethodInfoView, ...]
    services: tuple[ServiceView, ...]
    validators: tuple[ValidatorView, ...]
    helpers: tuple[str, ...]
    """Names of the helper macros to emit, in order (see templates/_helpers.py.jinja)."""


@dataclass(frozen=True, slots=True)
class InitView:
    """A package `__init__.py`."""

    header: str
    docstring: str
    imports: tuple[str, ...]
    all_names: str


@dataclass(frozen=True, slots=True)
class Views:
    """Every file the render stage writes, by path, with the view the template needs."""

    connect_modules: dict[str, ConnectModuleView]
    inits: dict[str, InitView]
    empty_files: tuple[str, ...]


# ---------------------------------------------------------------------------------------------
# Docstrings


def _required_names(api_messages: dict[str, Message], full_name: str) -> list[str]:
    message = api_messages.get(full_name)
    return [f"`{field.json_name}`" for field in message.fields if field.required] if message else []


def _method_summary(method: Method, service: Service) -> tuple[str, str]:
    """(summary, body) of a method's docstring.

    A summary that only repeats the RPC name (what protoc-gen-connect-openapi writes) says nothing:
    the description's first sentence is used instead.
    """
    summary = method.summary.strip()
    if summary and summary != method.name:
        return summary, method.description
    first, rest = split_summary(method.description)
    return (first, rest) if first else (f"Call `{service.name}.{method.name}`", method.description)


def _deprecated_note(method: Method) -> tuple[str, ...]:
    return ("Deprecated: the API marks this method as deprecated.",) if method.deprecated else ()


def _short(text: str) -> str:
    """A one-line gist of a description, for lists."""
    summary, rest = split_summary(text)
    if summary:
        return summary
    first = rest.split("\n\n")[0].replace("\n", " ").strip()
    return first if len(first) <= 80 else first[:77].rstrip() + "..."


def _api_name(api: Api) -> str:
    """The API's title, with its version unless the title already ends with it."""
    title = api.title.strip()
    version = api.version.strip()
    return f"{title} {version}" if title and version and not title.endswith(version) else title


# ---------------------------------------------------------------------------------------------
# Building


@dataclass(frozen=True, slots=True)
class _MethodNames:
    method: Method
    attribute: str
    constant: str
    input_type: str
    output_type: str
    check: str
    required: tuple[str, ...]


def build_views(api: Api, layout: PythonLayout) -> Views:
    """Compute every view of the files `render` writes. Raises CodegenError on name clashes."""
    header = f"# Code generated by codegen from {api.source or 'an OpenAPI document'}. DO NOT EDIT."
    messages = api_messages(api)
    connect_modules: dict[str, ConnectModuleView] = {}
    problems: list[Diagnostic] = []
    for package in api.packages:
        if package.services:
            module = layout.connect_module(package.name)
            view = _connect_module(api, layout, package, module, header, messages, problems)
            connect_modules[layout.file_path(module)] = view
    inits = _inits(api, layout, header, problems)
    if problems:
        raise CodegenError(problems)
    return Views(
        connect_modules=connect_modules,
        inits=inits,
        empty_files=(layout.root_package.replace(".", "/") + "/py.typed",),
    )


def _public_names(service: Service) -> list[str]:
    name = service.name
    return [
        client_class(name, is_async=True),
        client_class(name, is_async=False),
        server_protocol_class(name, is_async=True),
        server_protocol_class(name, is_async=False),
        asgi_application_class(name),
        wsgi_application_class(name),
    ]


def _connect_module(
    api: Api,
    layout: PythonLayout,
    package: ProtoPackage,
    module: str,
    header: str,
    api_messages: dict[str, Message],
    problems: list[Diagnostic],
) -> ConnectModuleView:
    runtime_names = {name for _, name, _ in RUNTIME}
    public: list[str] = []
    for service in package.services:
        for name in _public_names(service):
            if name in public or name in runtime_names or keyword.iskeyword(name):
                problems.append(
                    Diagnostic(
                        Severity.ERROR,
                        f"service {service.full_name}",
                        f"the generated class name {name} is taken in {module}",
                        "rename the service",
                    )
                )
            public.append(name)
    taken = set(public) | runtime_names | PRIVATE_NAMES | LOCAL_NAMES | BUILTINS

    # Private constants and check functions first: their names do not depend on imports.
    method_names: dict[tuple[str, str], tuple[str, str]] = {}
    for service in package.services:
        attributes: set[str] = set()
        for method in service.methods:
            attribute = method_attribute(method.name, CLIENT_RESERVED | frozenset(attributes))
            attributes.add(attribute)
            constant = method_info_constant(service.name, method.name, frozenset(taken))
            taken.add(constant)
            method_names[(service.name, method.name)] = (attribute, constant)
    roots = [method.input.full_name for service in package.services for method in service.methods]
    checked = checked_messages(api_messages, roots)
    owners = type_owners(api)
    functions: dict[str, str] = {}
    for full_name in sorted(checked):
        qualified = layout.python_type(full_name, owners[full_name])[1]
        functions[full_name] = check_function(qualified, frozenset(taken))
        taken.add(functions[full_name])

    types = TypeNames(owners, layout, module, taken)
    used_types = [
        ref.full_name
        for service in package.services
        for method in service.methods
        for ref in (method.input, method.output)
    ]
    types.bind([*used_types, *sorted(checked)])

    infos: list[MethodInfoView] = []
    services: list[ServiceView] = []
    kinds: set[StreamKind] = set()
    for service in package.services:
        names: list[_MethodNames] = []
        for method in service.methods:
            attribute, constant = method_names[(service.name, method.name)]
            kinds.add(method.stream)
            item = _MethodNames(
                method=method,
                attribute=attribute,
                constant=constant,
                input_type=types.spell(method.input.full_name),
                output_type=types.spell(method.output.full_name),
                check=functions.get(method.input.full_name, "None"),
                required=tuple(_required_names(api_messages, method.input.full_name)),
            )
            names.append(item)
            infos.append(
                MethodInfoView(
                    constant=constant,
                    name=py_str(method.name),
                    service_name=py_str(service.full_name),
                    input_type=item.input_type,
                    output_type=item.output_type,
                    stream_type=STREAM_TYPES[method.stream],
                )
            )
        services.append(
            ServiceView(
                clients=(_client(api, service, names, True), _client(api, service, names, False)),
                servers=(_server(service, names, True), _server(service, names, False)),
            )
        )

    validators = tuple(
        validator(functions[full_name], types.spell(full_name), api_messages[full_name], checked, functions)
        for full_name in sorted(checked)
    )
    check_kinds = frozenset(check.kind for validator in validators for check in validator.checks)
    features = Features(kinds=frozenset(kinds), check_kinds=check_kinds)
    imports = runtime_imports(features)
    imports += types.imports
    return ConnectModuleView(
        header=header,
        docstring=_connect_docstring(api, package),
        imports=import_sections(imports),
        all_names=py_list(sorted(public, key=member_sort_key), 0),
        type_vars=features.methods,
        method_infos=tuple(infos),
        services=tuple(services),
        validators=validators,
        helpers=helper_macros(features),
    )


def _connect_docstring(api: Api, package: ProtoPackage) -> str:
    name = _api_name(api)
    of_api = f" of {name}" if name and name != package.name else ""
    lines = [f"{s.name}: {_short(s.description) or f'`{s.full_name}`'}" for s in package.services]
    return docstring(
        Doc(
            summary=f"Connect clients and servers for the `{package.name}` services{of_api}",
            notes=(
                "For each service `X`: `XClient` (async) and `XClientSync` call it; `X` (async) and `XSync` are the "
                "server interfaces to implement, and `XASGIApplication` and `XWSGIApplication` serve an "
                "implementation.",
            ),
            sections=(DocSection("Services", tuple(("", line) for line in lines)),),
        ),
        0,
    )


def _client(api: Api, service: Service, names: list[_MethodNames], is_async: bool) -> ClientView:
    class_name = client_class(service.name, is_async=is_async)
    kind = "Asynchronous" if is_async else "Synchronous"
    usage = (
        f"Use it as `async with {class_name}(...) as client:` or call `await client.close()` when done."
        if is_async
        else f"Use it as `with {class_name}(...) as client:` or call `client.close()` when done."
    )
    base_url_doc = (
        f"The server's URL, scheme included; defaults to `{api.base_url}`."
        if api.base_url
        else "The server's URL, scheme included."
    )
    init_doc = Doc(
        summary=f"Create a client of `{service.full_name}`",
        sections=(
            DocSection(
                "Args",
                (
                    ("base_url", base_url_doc),
                    ("encoding", '`"proto"` (binary protobuf, the default) or `"json"` (protobuf JSON).'),
                    ("headers", 'HTTP headers sent with every call, e.g. `{"Authorization": "Bearer <token>"}`.'),
                    ("timeout_ms", "Default timeout of every call in milliseconds; None waits indefinitely."),
                    (
                        "http_client",
                        "The pyqwest client to send requests with (TLS settings, test transports); "
                        "the caller closes it. By default a shared client is used.",
                    ),
                    ("interceptors", "connectrpc interceptors run around every call."),
                    ("protocol", "The wire protocol: Connect (default), gRPC or gRPC-Web."),
                    ("send_compression", "Compression of request bodies (gzip by default); None sends them as is."),
                    ("accept_compression", "Compressions accepted for responses; None accepts the runtime's defaults."),
                    ("read_max_bytes", "Largest response message accepted; None sets no limit."),
                ),
            ),
            DocSection("Raises", (("ValueError", 'If `encoding` is neither `"proto"` nor `"json"`.'),)),
        ),
    )
    base_url_param = f"base_url: str = {py_str(api.base_url)}" if api.base_url else "base_url: str"
    return ClientView(
        is_async=is_async,
        class_name=class_name,
        docstring=docstring(
            Doc(
                summary=f"{kind} client of `{service.full_name}`",
                body=service.description,
                notes=(usage,),
            ),
            4,
        ),
        init_docstring=docstring(init_doc, 8),
        close_docstring=docstring(
            Doc(summary="Close the client; an `http_client` passed in stays open for its owner to close"), 8
        ),
        base_url_param=base_url_param,
        runtime_class="ConnectClient" if is_async else "ConnectClientSync",
        interceptor_type="Interceptor" if is_async else "InterceptorSync",
        http_client_type="Client" if is_async else "SyncClient",
        methods=tuple(_client_method(service, item, is_async) for item in names),
    )


def _client_method(service: Service, item: _MethodNames, is_async: bool) -> ClientMethodView:
    method = item.method
    stream = method.stream
    iterator = "AsyncIterator" if is_async else "Iterator"
    if stream.client_streams:
        iterable = f"Iterable[{item.input_type}]"
        request_param = (
            f"requests: AsyncIterable[{item.input_type}] | {iterable}" if is_async else f"requests: {iterable}"
        )
        request_arg = "_async_requests(requests)" if is_async else "iter(requests)"
    else:
        request_param = f"request: {item.input_type}"
        request_arg = "request"
    return_type = f"{iterator}[{item.output_type}]" if stream.server_streams else item.output_type
    awaited = is_async and not stream.server_streams
    summary, body = _method_summary(method, service)
    required = f" Required fields: {', '.join(item.required)}." if item.required else ""
    if stream.client_streams:
        request_doc = (
            f"The `{item.input_type}` messages to send, "
            + ("an iterable or async iterable." if is_async else "an iterable.")
            + required
        )
    else:
        request_doc = f"The `{item.input_type}` to send.{required}"
    if stream.server_streams:
        returns = DocSection(
            "Returns",
            (
                (
                    "",
                    f"An {'async ' if is_async else ''}iterator over the `{item.output_type}` messages the server "
                    f"streams; iterate it with `{'async for' if is_async else 'for'}`.",
                ),
            ),
        )
    else:
        returns = DocSection("Returns", (("", f"The `{item.output_type}` the server answers."),))
    invalid = f" (`invalid_argument` when {' or '.join(item.required)} is missing)" if item.required else ""
    raises_text = (
        f"The error the server answered with{invalid}, or a client-side failure such as `unavailable` or "
        "`deadline_exceeded`; read `.code` and `.message`."
    )
    if stream.server_streams:
        raises_text += " Raised while iterating, after the messages that came before the error."
    doc = Doc(
        summary=summary,
        body=body,
        notes=_deprecated_note(method),
        sections=(
            DocSection(
                "Args",
                (
                    ("requests" if stream.client_streams else "request", request_doc),
                    (
                        "headers",
                        "HTTP headers of this call; they replace the client's default headers of the same name.",
                    ),
                    ("timeout_ms", "Timeout of this call in milliseconds, instead of the client's default."),
                ),
            ),
            returns,
            DocSection("Raises", (("ConnectError", raises_text),)),
        ),
    )
    return ClientMethodView(
        name=item.attribute,
        def_keyword="async def" if awaited else "def",
        request_param=request_param,
        return_type=return_type,
        execute=("await " if awaited else "") + f"self._client.{EXECUTE[stream]}",
        request_arg=request_arg,
        method_info=item.constant,
        docstring=docstring(doc, 8),
    )


def _server(service: Service, names: list[_MethodNames], is_async: bool) -> ServerView:
    protocol_name = server_protocol_class(service.name, is_async=is_async)
    app_name = asgi_application_class(service.name) if is_async else wsgi_application_class(service.name)
    kind = "async" if is_async else "sync"
    server = "an ASGI server (uvicorn, hypercorn, ...)" if is_async else "a WSGI server (gunicorn, waitress, ...)"
    protocol_doc = Doc(
        summary=f"Server interface of `{service.full_name}` ({kind})",
        body=service.description,
        notes=(
            f"Implement these methods and serve the implementation with `{app_name}`. A subclass inherits, for "
            "every method it does not define, a default that answers `unimplemented`.",
        ),
    )
    app_doc = Doc(
        summary=f"{'ASGI' if is_async else 'WSGI'} application serving a `{protocol_name}` implementation",
        notes=(
            f"It answers `POST /{service.full_name}/<Method>` in the Connect protocol (and gRPC-Web, and gRPC where "
            "the server supports HTTP trailers). Before a handler runs, a request missing a required field is "
            "answered with `invalid_argument` naming the field; a method the implementation does not define "
            "answers `unimplemented`.",
            f"Run it with {server}; mount several applications by their `path`.",
        ),
    )
    service_arg = (
        "The implementation, or an async generator yielding it once (run at ASGI lifespan startup; code after "
        "the `yield` runs at shutdown)."
        if is_async
        else "The implementation."
    )
    init_doc = Doc(
        summary=f"Serve `service` at `/{service.full_name}/`",
        sections=(
            DocSection(
                "Args",
                (
                    ("service", service_arg),
                    ("interceptors", "connectrpc interceptors run around every call, outermost first."),
                    ("read_max_bytes", "Largest request message accepted (4 MiB by default); None sets no limit."),
                    ("compressions", "Compressions accepted and used for responses; None means the runtime's."),
                    ("codecs", "Message codecs; None accepts binary protobuf and protobuf JSON."),
                ),
            ),
        ),
    )
    service_type = f"{protocol_name} | AsyncGenerator[{protocol_name}, None]" if is_async else protocol_name
    return ServerView(
        is_async=is_async,
        protocol_name=protocol_name,
        protocol_docstring=docstring(protocol_doc, 4),
        app_name=app_name,
        app_base=f"ConnectASGIApplication[{protocol_name}]" if is_async else "ConnectWSGIApplication",
        app_docstring=docstring(app_doc, 4),
        app_init_docstring=docstring(init_doc, 8),
        path_docstring=docstring(Doc(summary="The URL path prefix of the service, for mounting the application"), 8),
        service_type=service_type,
        interceptor_type="Interceptor" if is_async else "InterceptorSync",
        path=py_str(f"/{service.full_name}"),
        methods=tuple(_server_method(service, item, is_async) for item in names),
    )


def _server_method(service: Service, item: _MethodNames, is_async: bool) -> ServerMethodView:
    method = item.method
    stream = method.stream
    iterator = "AsyncIterator" if is_async else "Iterator"
    if stream.client_streams:
        request_param = f"requests: {iterator}[{item.input_type}]"
    else:
        request_param = f"request: {item.input_type}"
    return_type = f"{iterator}[{item.output_type}]" if stream.server_streams else item.output_type
    summary, body = _method_summary(method, service)
    notes = list(_deprecated_note(method))
    if item.required:
        checked = "Each request" if stream.client_streams else "A request"
        notes.append(
            f"{checked} missing {' or '.join(item.required)} (or a required field of a nested message) is "
            "answered with `invalid_argument` before this method sees it."
        )
    if stream.client_streams:
        request_doc = f"The `{item.input_type}` messages the client streams."
    else:
        request_doc = f"The `{item.input_type}` the client sent."
    if stream.server_streams:
        generator = "an async generator" if is_async else "a generator"
        result = DocSection("Returns", (("", f"The `{item.output_type}` messages to stream, e.g. from {generator}."),))
    else:
        result = DocSection("Returns", (("", f"The `{item.output_type}` to answer with."),))
    doc = Doc(
        summary=summary,
        body=body,
        notes=tuple(notes),
        sections=(
            DocSection(
                "Args",
                (
                    ("requests" if stream.client_streams else "request", request_doc),
                    ("ctx", "The call's context: request headers, deadline, response headers and trailers."),
                ),
            ),
            result,
            DocSection(
                "Raises",
                (
                    (
                        "ConnectError",
                        'To answer with a Connect error, e.g. `ConnectError(Code.NOT_FOUND, "...")`; any other '
                        "exception answers `unknown`.",
                    ),
                ),
            ),
        ),
    )
    def_keyword = "async def" if is_async and not stream.server_streams else "def"
    wrapper = "_" + WRAPPERS[stream] + ("" if is_async else "_sync")
    return ServerMethodView(
        name=item.attribute,
        name_literal=py_str(item.attribute),
        def_keyword=def_keyword,
        request_param=request_param,
        context_type=f"RequestContext[{item.input_type}, {item.output_type}]",
        return_type=return_type,
        docstring=docstring(doc, 8),
        unimplemented_message=py_str(f"{service.full_name}.{method.name} is not implemented"),
        path=py_str(f"/{service.full_name}/{method.name}"),
        endpoint_factory=("Endpoint." if is_async else "EndpointSync.") + WRAPPERS[stream],
        wrapper=wrapper,
        method_info=item.constant,
        check=item.check,
    )


# ---------------------------------------------------------------------------------------------
# Package __init__ files


def _package_levels(api: Api, layout: PythonLayout) -> dict[str, list[str]]:
    """{Python package: proto packages mapped to it}, for every level from the root down."""
    levels: dict[str, list[str]] = {layout.root_package: []}
    for package in api.packages:
        parts = layout.module_of(package.name).split(".")
        for end in range(len(layout.root_package.split(".")), len(parts) + 1):
            levels.setdefault(".".join(parts[:end]), [])
        levels[layout.module_of(package.name)].append(package.name)
    return levels


def _children(levels: Iterable[str], parent: str) -> list[str]:
    depth = parent.count(".") + 1
    return sorted({name.split(".")[depth] for name in levels if name.startswith(parent + ".")}, key=member_sort_key)


def _inits(api: Api, layout: PythonLayout, header: str, problems: list[Diagnostic]) -> dict[str, InitView]:
    levels = _package_levels(api, layout)
    packages = {package.name: package for package in api.packages}
    return {
        layout.package_init(level): _init(
            api, layout, header, [packages[name] for name in levels[level]], _children(levels, level), problems
        )
        for level in sorted(levels)
    }


def _init(
    api: Api,
    layout: PythonLayout,
    header: str,
    packages: list[ProtoPackage],
    children: list[str],
    problems: list[Diagnostic],
) -> InitView:
    """The `__init__.py` of one level: its subpackages, and the names of the proto packages mapped to it."""
    imports = [Import(".", child) for child in children]
    exported: dict[str, str] = {child: f"subpackage {child}" for child in children}
    notes: list[str] = []
    for package in packages:
        if package.services:
            module = "." + layout.connect_module(package.name).rsplit(".", 1)[1]
            for service in package.services:
                for public in _public_names(service):
                    imports.append(Import(module, public))
                    _export(exported, public, f"service {service.full_name}", problems)
        pb2 = "." + layout.pb2_module(package.name).rsplit(".", 1)[1]
        types: list[Message | Enum] = [*package.messages, *package.enums]
        for item in types:
            imports.append(Import(pb2, item.name))
            _export(exported, item.name, item.location or item.full_name, problems)
        services = _and([f"`{service.name}`" for service in package.services])
        notes.append(
            f"Messages and enums of `{package.name}`" + (f", clients and servers of {services}." if services else ".")
        )
    if children:
        notes.append(f"Subpackages: {_and([f'`{child}`' for child in children])}.")
    name = _api_name(api)
    if packages:
        names = [package.name for package in packages]
        summary = f"The {_and([f'`{n}`' for n in names])} package" + (
            f" of {name}" if name and name not in names else ""
        )
    else:
        summary = f"{name}: Connect clients, servers and messages" if name else "Connect clients, servers and messages"
    return InitView(
        header=header,
        docstring=docstring(Doc(summary=summary, body=api.description, notes=tuple(notes)), 0),
        imports=import_sections(imports),
        all_names=py_list(sorted(exported, key=member_sort_key), 0),
    )


def _and(items: list[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _export(exported: dict[str, str], name: str, where: str, problems: list[Diagnostic]) -> None:
    if name in exported:
        problems.append(
            Diagnostic(
                Severity.ERROR,
                where,
                f"{name} is exported twice from one Python package (also by {exported[name]})",
                "rename the message, enum or service",
            )
        )
    exported[name] = where
