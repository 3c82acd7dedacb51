"""The view model of the render stage: finished names, type strings, imports and docstrings.

`build_views(api, layout)` turns the model into frozen dataclasses that the templates only lay
out. Every decision (what a method is called, how a type is spelled, what a docstring says, which
imports and helpers a module needs, how a required field is checked) is made here.
"""

from __future__ import annotations

import builtins
import keyword
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .diagnostics import CodegenError, Diagnostic, Severity
from .layout import PythonLayout
from .model import (
    WELL_KNOWN_TYPES,
    Api,
    Enum,
    Field,
    FieldLabel,
    MapType,
    Message,
    MessageRef,
    Method,
    ProtoPackage,
    Scalar,
    Service,
    StreamKind,
)
from .naming import python_identifier
from .render_naming import (
    CLIENT_RESERVED,
    asgi_application_class,
    check_function,
    client_class,
    method_attribute,
    method_info_constant,
    server_protocol_class,
    wsgi_application_class,
)
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

__all__ = [
    "ClientMethodView",
    "ClientView",
    "ConnectModuleView",
    "FieldCheckView",
    "InitView",
    "MethodInfoView",
    "ServerMethodView",
    "ServerView",
    "ServiceView",
    "ValidatorView",
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
class FieldCheckView:
    """One statement of a check function.

    kinds: `required` (append when `missing` holds), `required_message` (append when unset, else
    check the message), `message` (check when `present`), `list` and `map` (check every element).
    """

    kind: str
    missing: str
    """The condition under which a required field counts as missing."""
    missing_path: str
    """The expression appended to `missing`."""
    present: str
    accessor: str
    function: str
    nested_path: str


@dataclass(frozen=True, slots=True)
class ValidatorView:
    """A function that collects the missing required fields of one message (and its sub-messages)."""

    function: str
    message_type: str
    checks: tuple[FieldCheckView, ...]


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
# Runtime symbols: what the templates use by name, and when


@dataclass(frozen=True, slots=True)
class _Features:
    """What a connect module contains, which decides its imports and helpers."""

    kinds: frozenset[StreamKind]
    checks: bool

    @property
    def methods(self) -> bool:
        return bool(self.kinds)

    @property
    def streamed_requests(self) -> bool:
        return bool(self.kinds & {StreamKind.CLIENT, StreamKind.BIDI})

    @property
    def streamed_anything(self) -> bool:
        return bool(self.kinds - {StreamKind.UNARY})


# (module, name, condition on the module's features); the templates use exactly these names.
_RUNTIME: tuple[tuple[str, str, str], ...] = (
    ("__future__", "annotations", "always"),
    ("collections.abc", "AsyncGenerator", "always"),
    ("collections.abc", "AsyncIterable", "streamed_requests"),
    ("collections.abc", "AsyncIterator", "streamed_anything"),
    ("collections.abc", "Awaitable", "awaited_handlers"),
    ("collections.abc", "Callable", "methods"),
    ("collections.abc", "Iterable", "always"),
    ("collections.abc", "Iterator", "streamed_anything"),
    ("collections.abc", "Mapping", "always"),
    ("types", "TracebackType", "always"),
    ("typing", "Any", "methods"),
    ("typing", "Literal", "always"),
    ("typing", "Protocol", "always"),
    ("typing", "Self", "always"),
    ("typing", "TypeVar", "methods"),
    ("connectrpc.client", "ConnectClient", "always"),
    ("connectrpc.client", "ConnectClientSync", "always"),
    ("connectrpc.code", "Code", "methods"),
    ("connectrpc.codec", "Codec", "always"),
    ("connectrpc.compat", "google_protobuf_binary_codec", "always"),
    ("connectrpc.compat", "google_protobuf_codecs", "always"),
    ("connectrpc.compat", "google_protobuf_json_codec", "always"),
    ("connectrpc.compression", "Compression", "always"),
    ("connectrpc.compression.gzip", "GzipCompression", "always"),
    ("connectrpc.errors", "ConnectError", "methods"),
    ("connectrpc.interceptor", "Interceptor", "always"),
    ("connectrpc.interceptor", "InterceptorSync", "always"),
    ("connectrpc.method", "IdempotencyLevel", "methods"),
    ("connectrpc.method", "MethodInfo", "methods"),
    ("connectrpc.method", "StreamType", "methods"),
    ("connectrpc.protocol", "ProtocolType", "always"),
    ("connectrpc.request", "Headers", "always"),
    ("connectrpc.request", "RequestContext", "methods"),
    ("connectrpc.server", "DEFAULT_READ_MAX_BYTES", "always"),
    ("connectrpc.server", "ConnectASGIApplication", "always"),
    ("connectrpc.server", "ConnectWSGIApplication", "always"),
    ("connectrpc.server", "Endpoint", "methods"),
    ("connectrpc.server", "EndpointSync", "methods"),
    ("pyqwest", "Client", "always"),
    ("pyqwest", "SyncClient", "always"),
)

# Module-level private names the templates define.
_PRIVATE_NAMES = frozenset(
    {
        "_REQ",
        "_RES",
        "_GZIP",
        "_codec",
        "_merge_headers",
        "_async_requests",
        "_implementation",
        "_unimplemented",
        "_require",
        "_require_each",
        "_require_each_sync",
        "_check_list",
        "_check_map",
        "_unary",
        "_unary_sync",
        "_server_stream",
        "_server_stream_sync",
        "_client_stream",
        "_client_stream_sync",
        "_bidi_stream",
        "_bidi_stream_sync",
    }
)

# Parameters and locals of generated functions: a message class must not be shadowed by them.
_LOCAL_NAMES = frozenset(
    {
        "base_url",
        "check",
        "codecs",
        "compressions",
        "ctx",
        "default",
        "encoding",
        "function",
        "headers",
        "http_client",
        "implementation",
        "interceptors",
        "items",
        "message",
        "method",
        "missing",
        "path",
        "protocol",
        "read_max_bytes",
        "request",
        "requests",
        "self",
        "service",
        "timeout_ms",
        "validate",
    }
)


def _feature_holds(condition: str, features: _Features) -> bool:
    match condition:
        case "always":
            return True
        case "methods":
            return features.methods
        case "streamed_requests":
            return features.streamed_requests
        case "streamed_anything":
            return features.streamed_anything
        case "awaited_handlers":
            return bool(features.kinds & {StreamKind.UNARY, StreamKind.CLIENT})
    raise AssertionError(condition)


def _helpers(features: _Features) -> tuple[str, ...]:
    helpers = ["codec", "merge_headers"]
    if features.streamed_requests:
        helpers.append("async_requests")
    if not features.methods:
        return tuple(helpers)
    helpers += ["implementation", "unimplemented", "require"]
    if features.streamed_requests:
        helpers += ["require_each", "require_each_sync"]
    if features.checks:
        helpers += ["check_list", "check_map"]
    for kind in (StreamKind.UNARY, StreamKind.SERVER, StreamKind.CLIENT, StreamKind.BIDI):
        if kind in features.kinds:
            helpers += [_WRAPPERS[kind], _WRAPPERS[kind] + "_sync"]
    return tuple(helpers)


_WRAPPERS = {
    StreamKind.UNARY: "unary",
    StreamKind.SERVER: "server_stream",
    StreamKind.CLIENT: "client_stream",
    StreamKind.BIDI: "bidi_stream",
}
_STREAM_TYPES = {
    StreamKind.UNARY: "UNARY",
    StreamKind.SERVER: "SERVER_STREAM",
    StreamKind.CLIENT: "CLIENT_STREAM",
    StreamKind.BIDI: "BIDI_STREAM",
}
_EXECUTE = {
    StreamKind.UNARY: "execute_unary",
    StreamKind.SERVER: "execute_server_stream",
    StreamKind.CLIENT: "execute_client_stream",
    StreamKind.BIDI: "execute_bidi_stream",
}


# ---------------------------------------------------------------------------------------------
# Type names and imports of one module


class _TypeNames:
    """Spells message types in one module and collects their imports, aliasing names already taken."""

    def __init__(self, api: Api, layout: PythonLayout, module: str, taken: Iterable[str]) -> None:
        self._layout = layout
        self._package_parts = module.split(".")[:-1]
        self._owner = _type_owners(api)
        self._taken = set(taken)
        self._bound: dict[tuple[str, str], str] = {}
        self.imports: list[Import] = []

    def bind(self, full_names: Iterable[str]) -> None:
        """Give local names to the classes of `full_names`: types of this module's package first, then by module."""
        wanted: dict[tuple[str, str], None] = {}
        for full_name in full_names:
            module, qualified = self._python_type(full_name)
            wanted[(module, qualified.split(".")[0])] = None
        own = ".".join(self._package_parts)
        for module, top in sorted(wanted, key=lambda key: (not key[0].startswith(own + "."), key)):
            if (module, top) in self._bound:
                continue
            local = python_identifier(top, frozenset(self._taken))
            self._taken.add(local)
            self._bound[(module, top)] = local
            self.imports.append(Import(self._relative(module), top, "" if local == top else local))

    def spell(self, full_name: str) -> str:
        """The expression naming the class of `full_name` in this module (`Widget`, `Outer.Inner`)."""
        module, qualified = self._python_type(full_name)
        top, _, rest = qualified.partition(".")
        local = self._bound[(module, top)]
        return f"{local}.{rest}" if rest else local

    def _python_type(self, full_name: str) -> tuple[str, str]:
        package = self._owner.get(full_name, "")
        return self._layout.python_type(full_name, package)

    def _relative(self, module: str) -> str:
        """`acme_widgets.v1.widgets_pb2` seen from `acme_widgets.v1` -> `.widgets_pb2`; outside the root: absolute."""
        root = self._layout.root_package
        if not module.startswith(root + "."):
            return module
        target = module.split(".")
        common = 0
        for mine, theirs in zip(self._package_parts, target, strict=False):
            if mine != theirs:
                break
            common += 1
        return "." * (len(self._package_parts) - common + 1) + ".".join(target[common:])


def _type_owners(api: Api) -> dict[str, str]:
    """{message or enum full name: proto package}, nested types included."""
    owners: dict[str, str] = {}

    def walk(package: str, messages: tuple[Message, ...], enums: tuple[Enum, ...]) -> None:
        for enum in enums:
            owners[enum.full_name] = package
        for message in messages:
            owners[message.full_name] = package
            walk(package, message.nested_messages, message.nested_enums)

    for package in api.packages:
        walk(package.name, package.messages, package.enums)
    return owners


# ---------------------------------------------------------------------------------------------
# Required-field checks


def _api_messages(api: Api) -> dict[str, Message]:
    found: dict[str, Message] = {}

    def walk(messages: tuple[Message, ...]) -> None:
        for message in messages:
            found[message.full_name] = message
            walk(message.nested_messages)

    for package in api.packages:
        walk(package.messages)
    return found


def _message_target(field: Field) -> str | None:
    """The message a field holds (directly, repeated, or as map value), if any."""
    value = field.type.value if isinstance(field.type, MapType) else field.type
    return value.full_name if isinstance(value, MessageRef) else None


def _checked_messages(messages: dict[str, Message], roots: Iterable[str]) -> set[str]:
    """Messages reachable from `roots` that hold a required field somewhere below them."""
    reachable: set[str] = set()
    pending = [root for root in roots if root in messages]
    while pending:
        name = pending.pop()
        if name in reachable:
            continue
        reachable.add(name)
        for field in messages[name].fields:
            target = _message_target(field)
            if target in messages and target not in reachable:
                pending.append(target)
    checked = {name for name in reachable if any(field.required for field in messages[name].fields)}
    changed = True
    while changed:
        changed = False
        for name in sorted(reachable - checked):
            if any(_message_target(field) in checked for field in messages[name].fields):
                checked.add(name)
                changed = True
    return checked


def _accessor(field: Field) -> str:
    # protobuf keeps keyword-named fields as they are; only getattr reaches them.
    return f"getattr(message, {py_str(field.name)})" if keyword.iskeyword(field.name) else f"message.{field.name}"


def _missing_condition(field: Field) -> str:
    """When a required field counts as missing: unset, empty, zero, or enum value 0."""
    has_field = f"message.HasField({py_str(field.name)})"
    if field.label is FieldLabel.REPEATED or isinstance(field.type, MapType):
        return f"not {_accessor(field)}"
    if isinstance(field.type, MessageRef):
        return f"not {has_field}"
    if isinstance(field.type, Scalar) and field.type not in (Scalar.STRING, Scalar.BYTES) and field.has_presence:
        # A number or bool with explicit presence: a present zero is a value.
        return f"not {has_field}"
    return f"not {_accessor(field)}"


def _field_checks(message: Message, checked: set[str], functions: dict[str, str]) -> tuple[FieldCheckView, ...]:
    checks: list[FieldCheckView] = []
    for field in message.fields:
        target = _message_target(field)
        function = functions[target] if target in checked and target is not None else ""
        name = py_str(field.json_name)
        accessor = _accessor(field)
        present = f"message.HasField({py_str(field.name)})"
        is_list = field.label is FieldLabel.REPEATED and not isinstance(field.type, MapType)
        is_map = isinstance(field.type, MapType)

        def check(kind: str, nested_path: str = "", *, fn: str = function, pr: str = present) -> FieldCheckView:
            return FieldCheckView(
                kind=kind,
                missing=_missing_condition(field),
                missing_path=f"path + {name}",
                present=pr,
                accessor=accessor,
                function=fn,
                nested_path=nested_path,
            )

        if field.required:
            if function and not is_list and not is_map:
                checks.append(check("required_message", f"path + {py_str(field.json_name + '.')}"))
                continue
            checks.append(check("required"))
        if not function:
            continue
        if is_list:
            checks.append(check("list", f"path + {name}"))
        elif is_map:
            checks.append(check("map", f"path + {name}"))
        else:
            checks.append(check("message", f"path + {py_str(field.json_name + '.')}"))
    return tuple(checks)


# ---------------------------------------------------------------------------------------------
# Docstrings


def _required_names(api_messages: dict[str, Message], full_name: str) -> list[str]:
    message = api_messages.get(full_name)
    return [f"`{field.json_name}`" for field in message.fields if field.required] if message else []


def _method_summary(method: Method, service: Service) -> tuple[str, str]:
    if method.summary.strip():
        return method.summary, method.description
    summary, rest = split_summary(method.description)
    return (summary, rest) if summary else (f"Call `{service.name}.{method.name}`", method.description)


def _deprecated_note(method: Method) -> tuple[str, ...]:
    return ("Deprecated: the API marks this method as deprecated.",) if method.deprecated else ()


def _service_body(service: Service) -> str:
    return service.description


def _short(text: str) -> str:
    summary, rest = split_summary(text)
    if summary:
        return summary
    first = rest.split("\n\n")[0].replace("\n", " ").strip()
    return first if len(first) <= 80 else first[:77].rstrip() + "..."


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
    api_messages = _api_messages(api)
    connect_modules: dict[str, ConnectModuleView] = {}
    problems: list[Diagnostic] = []
    for package in api.packages:
        if package.services:
            module = layout.connect_module(package.name)
            view = _connect_module(api, layout, package, module, header, api_messages, problems)
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
    runtime_names = {name for _, name, _ in _RUNTIME}
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
    taken = set(public) | runtime_names | _PRIVATE_NAMES | _LOCAL_NAMES | set(dir(builtins))

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
    checked = _checked_messages(api_messages, roots)
    owners = _type_owners(api)
    functions: dict[str, str] = {}
    for full_name in sorted(checked):
        qualified = layout.python_type(full_name, owners[full_name])[1]
        functions[full_name] = check_function(qualified, frozenset(taken))
        taken.add(functions[full_name])

    types = _TypeNames(api, layout, module, taken)
    used_types = [
        ref.full_name for service in package.services for method in service.methods for ref in (method.input, method.output)
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
                    stream_type=_STREAM_TYPES[method.stream],
                )
            )
        services.append(
            ServiceView(
                clients=(_client(api, service, names, True), _client(api, service, names, False)),
                servers=(_server(service, names, True), _server(service, names, False)),
            )
        )

    validators = tuple(
        ValidatorView(
            function=functions[full_name],
            message_type=types.spell(full_name),
            checks=_field_checks(api_messages[full_name], checked, functions),
        )
        for full_name in sorted(checked)
    )
    features = _Features(kinds=frozenset(kinds), checks=bool(validators))
    imports = [Import(mod, name) for mod, name, condition in _RUNTIME if _feature_holds(condition, features)]
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
        helpers=_helpers(features),
    )


def _connect_docstring(api: Api, package: ProtoPackage) -> str:
    title = f"{api.title} {api.version}".strip() or "the API"
    lines = [f"{service.name}: {_short(service.description) or service.full_name}" for service in package.services]
    first = package.services[0].name
    return docstring(
        Doc(
            summary=f"Connect clients and servers for the `{package.name}` services of {title}",
            notes=(
                f"For each service `X` (here: {', '.join(f'`{s.name}`' for s in package.services)}): `XClient` and "
                "`XClientSync` call it; `X` and `XSync` are the server interfaces to implement, served by "
                f"`XASGIApplication` and `XWSGIApplication`. For example `{client_class(first, is_async=False)}`.",
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
                    ("headers", "HTTP headers sent with every call, e.g. `{\"Authorization\": \"Bearer <token>\"}`."),
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
            DocSection("Raises", (("ValueError", "If `encoding` is neither `\"proto\"` nor `\"json\"`."),)),
        ),
    )
    base_url_param = f"base_url: str = {py_str(api.base_url)}" if api.base_url else "base_url: str"
    return ClientView(
        is_async=is_async,
        class_name=class_name,
        docstring=docstring(
            Doc(
                summary=f"{kind} client of `{service.full_name}`",
                body=_service_body(service),
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
        iterable = f"AsyncIterable[{item.input_type}] | Iterable[{item.input_type}]" if is_async else f"Iterable[{item.input_type}]"
        request_param = f"requests: {iterable}"
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
                    ("headers", "HTTP headers for this call; they replace the client's default headers of the same name."),
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
        execute=("await " if awaited else "") + f"self._client.{_EXECUTE[stream]}",
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
        body=_service_body(service),
        notes=(
            f"Implement these methods and serve the implementation with `{app_name}`. A subclass inherits, for "
            "every method it does not define, a default that answers `unimplemented`.",
        ),
    )
    app_doc = Doc(
        summary=f"{'ASGI' if is_async else 'WSGI'} application serving a `{protocol_name}` implementation",
        notes=(
            f"It answers `POST /{service.full_name}/<Method>` with Connect (unary and streaming), gRPC and gRPC-Web. "
            "Before a handler runs, a request missing a required field is answered with `invalid_argument` naming "
            "the field; a method the implementation does not define answers `unimplemented`.",
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
                    ("compressions", "Compressions accepted and used for responses; None means the runtime's defaults."),
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
                        "To answer with a Connect error, e.g. `ConnectError(Code.NOT_FOUND, \"...\")`; any other "
                        "exception answers `unknown`.",
                    ),
                ),
            ),
        ),
    )
    def_keyword = "async def" if is_async and not stream.server_streams else "def"
    wrapper = "_" + _WRAPPERS[stream] + ("" if is_async else "_sync")
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
        endpoint_factory=("Endpoint." if is_async else "EndpointSync.") + _WRAPPERS[stream],
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
    title = f"{api.title} {api.version}".strip() or "The API"
    inits: dict[str, InitView] = {}
    for level in sorted(levels):
        imports: list[Import] = []
        children = _children(levels, level)
        imports += [Import(".", child) for child in children]
        exported: dict[str, str] = {child: level for child in children}
        notes: list[str] = []
        for proto_package in levels[level]:
            package = packages[proto_package]
            if package.services:
                module = layout.connect_module(proto_package).rsplit(".", 1)[1]
                for service in package.services:
                    for name in _public_names(service):
                        imports.append(Import("." + module, name))
                        _export(exported, name, f"service {service.full_name}", problems)
            pb2 = layout.pb2_module(proto_package).rsplit(".", 1)[1]
            for item in (*package.messages, *package.enums):
                imports.append(Import("." + pb2, item.name))
                _export(exported, item.name, item.location or item.full_name, problems)
            services = ", ".join(f"`{service.name}`" for service in package.services)
            notes.append(
                f"The `{proto_package}` package: its messages and enums"
                + (f", and clients and servers of {services}." if services else ".")
            )
        if children:
            notes.append("Subpackages: " + ", ".join(f"`{child}`" for child in children) + ".")
        doc = Doc(summary=api.title or title, body=api.description, notes=tuple(notes))
        if api.version and api.title:
            doc = Doc(summary=f"{api.title} (version {api.version})", body=api.description, notes=tuple(notes))
        inits[layout.package_init(level)] = InitView(
            header=header,
            docstring=docstring(doc, 0),
            imports=import_sections(imports),
            all_names=py_list(sorted(exported, key=member_sort_key), 0),
        )
    return inits


def _export(exported: dict[str, str], name: str, where: str, problems: list[Diagnostic]) -> None:
    if name in exported:
        problems.append(
            Diagnostic(
                Severity.ERROR,
                where,
                f"{name} is exported twice from one Python package ({exported[name]})",
                "rename the message, enum or service",
            )
        )
    exported[name] = where


def _walk_messages(messages: tuple[Message, ...]) -> Iterator[Message]:
    for message in messages:
        yield message
        yield from _walk_messages(message.nested_messages)


_ = WELL_KNOWN_TYPES
