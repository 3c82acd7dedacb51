"""The view model of the render stage: what each generated file holds, as meaning, not source text.

Views carry names (already chosen, see `symbols`), stream kinds, whether a class is async, and
documentation as `Doc`s (written in `docstrings`); the templates decide how all of it is spelled
and laid out. `connect_module` builds the view of a `<stem>_connect.py` module from the names
the render stage chose for it; `init_modules` those of the package `__init__.py` files.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..config import ClientSettings
from ..model import Api, Enum, Message, Method, ProtoPackage, Service, StreamKind
from . import client_docstrings, docstrings
from .checks import ValidatorView, validator
from .conventions import page_items, resumable, scalar_python_type
from .imports import Import
from .json_codec import JsonEnumView, JsonMessageView, json_views
from .snippets import PUBLIC_HELPERS, Snippet
from .source import Doc, member_sort_key
from .symbols import Key, TypeSpeller, keyword_bindings, public_names

__all__ = [
    "Binding",
    "ClientView",
    "ConnectModuleView",
    "DocumentedMethod",
    "EnvironmentView",
    "RUNTIME_EXPORTS",
    "MethodView",
    "ServerView",
    "ServiceView",
    "connect_module",
    "header",
]

_CONNECT_KINDS = {
    StreamKind.UNARY: "unary",
    StreamKind.SERVER: "server_stream",
    StreamKind.CLIENT: "client_stream",
    StreamKind.BIDI: "bidi_stream",
}
"""Connect's name of each stream kind, which the runtime's APIs are named after."""

RUNTIME_EXPORTS = ("Code", "ConnectError", "RequestContext", "RetryPolicy", "USE_CLIENT_DEFAULT", "UseClientDefault")
"""Names of the fixed code that a module with clients exports next to its classes."""


@dataclass(frozen=True, slots=True)
class Binding:
    """`local = getattr(module, name)`: a class named like a Python keyword (`None`), under a legal name."""

    local: str
    module: str
    """The imported module's local name."""
    name: str


@dataclass(frozen=True, slots=True)
class MethodView:
    """One RPC: its names and types, shared by its `MethodInfo` constant, clients and servers."""

    rpc: str
    """The RPC's name (`GetWidget`)."""
    service: str
    """The full name of its service (`acme.widgets.v1.WidgetService`)."""
    attribute: str
    """The Python method on clients and server protocols (`get_widget`)."""
    constant: str
    """The module constant holding its `MethodInfo`."""
    input_type: str
    output_type: str
    stream: str
    """Connect's name of its stream kind: `unary`, `server_stream`, `client_stream` or `bidi_stream`."""
    client_streams: bool
    server_streams: bool
    check: str
    """The function checking its request, or "" when there is nothing to check."""
    idempotency: str = "UNKNOWN"
    """Its `IdempotencyLevel` member: `UNKNOWN`, `NO_SIDE_EFFECTS` or `IDEMPOTENT`."""
    retryable: bool = False
    """Safe to send again after a transient failure (no side effects, or idempotent)."""
    pager: str = ""
    """The clients' `iter_<method>` that pages through its items, or "" when it is not paginated."""
    page_items: str = ""
    """The response's repeated field holding a page's items."""
    item_type: str = ""
    """The Python type of one item."""
    resumable: bool = False
    """A server stream that can be reopened after the newest `next_cursor`."""


@dataclass(frozen=True, slots=True)
class DocumentedMethod:
    """An RPC on one client or server protocol, with the docstring it has there."""

    method: MethodView
    doc: Doc
    unimplemented: str = ""
    """On server protocols: the message of the default body's `unimplemented` error."""
    pages_doc: Doc | None = None
    """On clients: the docstring of its `iter_<method>`, when it has one."""


@dataclass(frozen=True, slots=True)
class EnvironmentView:
    """Where a client's `from_env` finds its settings."""

    url_variable: str
    token_variable: str
    token_header: str
    token_format: str
    """The header's value, with `{token}` standing for the token."""
    header_variables: tuple[tuple[str, str], ...]
    """(header, variable) pairs."""


@dataclass(frozen=True, slots=True)
class ClientView:
    """A client class (async or sync) of one service."""

    is_async: bool
    name: str
    base_url: str
    """The default server URL, or "" when the document names none."""
    doc: Doc
    init_doc: Doc
    close_doc: Doc
    enter_doc: Doc
    exit_doc: Doc
    methods: tuple[DocumentedMethod, ...]
    protocol: str
    """The server protocol `in_process` serves (async for the async client)."""
    application: str
    """The ASGI (async) or WSGI (sync) application class `in_process` serves it with."""
    in_process_doc: Doc
    environment: EnvironmentView | None
    """None when `[tool.codegen.client]` names no variable: the client has no `from_env`."""
    from_env_doc: Doc


@dataclass(frozen=True, slots=True)
class ServerView:
    """A server protocol (async or sync) of one service, and the ASGI or WSGI application serving it."""

    is_async: bool
    service: str
    """The service's full name."""
    protocol: str
    application: str
    protocol_doc: Doc
    application_doc: Doc
    init_doc: Doc
    path_doc: Doc
    methods: tuple[DocumentedMethod, ...]


@dataclass(frozen=True, slots=True)
class ServiceView:
    """Everything generated for one service, async first."""

    clients: tuple[ClientView, ...]
    servers: tuple[ServerView, ...]


@dataclass(frozen=True, slots=True)
class ConnectModuleView:
    """A `<stem>_connect.py` module."""

    header: str
    doc: Doc
    imports: tuple[Import, ...]
    bindings: tuple[Binding, ...]
    exports: tuple[str, ...]
    """`__all__`, in isort's order."""
    methods: tuple[MethodView, ...]
    services: tuple[ServiceView, ...]
    validators: tuple[ValidatorView, ...]
    helpers: tuple[Snippet, ...]
    """The helper code the module includes, in the order of `helpers.py`."""
    json_messages: tuple[JsonMessageView, ...] = ()
    """The protobuf-JSON functions of the messages the module's methods send and receive."""
    json_enums: tuple[JsonEnumView, ...] = ()


def header(api: Api) -> str:
    """The first line of every generated module."""
    return f"# Code generated by codegen from {api.source or 'an OpenAPI document'}. DO NOT EDIT."


# ---------------------------------------------------------------------------------------------
# Connect modules


def connect_module(
    api: Api,
    package: ProtoPackage,
    names: Mapping[Key, str],
    spell: TypeSpeller,
    messages: dict[str, Message],
    checked: list[str],
    imports: Iterable[Import] = (),
    helpers: Iterable[Snippet] = (),
    settings: ClientSettings | None = None,
    json: tuple[dict[str, Enum], list[str]] = ({}, []),
) -> ConnectModuleView:
    """The view of the connect module of `package`, with the generated names `names` (see `symbols`).

    `checked` are the messages that get a check function, sorted; `imports` and `helpers` are
    what the render stage derived from an earlier rendering of the module; `json` holds the API's
    enums and the messages that get protobuf-JSON functions (`json_codec`).
    """
    functions = {full_name: names[("check", full_name)] for full_name in checked}
    services: list[ServiceView] = []
    methods: list[MethodView] = []
    for service in package.services:
        views = [_method(service, method, names, spell, functions, messages) for method in service.methods]
        methods += views
        client_settings = settings or ClientSettings()
        services.append(
            ServiceView(
                clients=tuple(
                    _client(api, service, views, names, messages, is_async, client_settings)
                    for is_async in (True, False)
                ),
                servers=tuple(_server(service, views, names, messages, is_async) for is_async in (True, False)),
            )
        )
    helpers = tuple(helpers)
    public = [names[key] for service in package.services for key in public_names(service.name)]
    if package.services:
        public += RUNTIME_EXPORTS
    public += [snippet.name for snippet in helpers if snippet.name in PUBLIC_HELPERS]
    json_messages, json_enums = json_views(messages, json[0], json[1], names, spell)
    return ConnectModuleView(
        header=header(api),
        doc=docstrings.connect_module(api, package),
        imports=tuple(imports),
        bindings=tuple(Binding(*binding) for binding in keyword_bindings(names)),
        exports=tuple(sorted(public, key=member_sort_key)),
        methods=tuple(methods),
        services=tuple(services),
        validators=tuple(
            validator(functions[name], spell(name), messages[name], set(checked), functions, api) for name in checked
        ),
        helpers=tuple(helpers),
        json_messages=json_messages,
        json_enums=json_enums,
    )


def _method(
    service: Service,
    method: Method,
    names: Mapping[Key, str],
    spell: TypeSpeller,
    functions: dict[str, str],
    messages: Mapping[str, Message],
) -> MethodView:
    items = page_items(method, messages)
    item_type = ""
    if items is not None:
        item_type = scalar_python_type(items) or spell(items.type.full_name)  # type: ignore[union-attr]
    return MethodView(
        rpc=method.name,
        service=service.full_name,
        attribute=names[("attribute", service.name, method.name)],
        constant=names[("constant", service.name, method.name)],
        input_type=spell(method.input.full_name),
        output_type=spell(method.output.full_name),
        stream=_CONNECT_KINDS[method.stream],
        client_streams=method.stream.client_streams,
        server_streams=method.stream.server_streams,
        check=functions.get(method.input.full_name, ""),
        idempotency=method.idempotency.name,
        retryable=method.idempotency.safe_to_repeat,
        pager=names[("pager", service.name, method.name)] if items is not None else "",
        page_items=items.name if items is not None else "",
        item_type=item_type,
        resumable=resumable(method, messages),
    )


def _required(messages: dict[str, Message], full_name: str, python: bool = False) -> list[str]:
    """The JSON names (or with `python`, the Python names) of a message's required fields."""
    message = messages.get(full_name)
    if message is None:
        return []
    return [field.name if python else field.json_name for field in message.fields if field.required]


def _client(
    api: Api,
    service: Service,
    methods: list[MethodView],
    names: Mapping[Key, str],
    messages: dict[str, Message],
    is_async: bool,
    settings: ClientSettings,
) -> ClientView:
    flavour = "async" if is_async else "sync"
    name = names[("client", service.name, flavour)]
    protocol = names[("protocol", service.name, flavour)]
    application = names[("asgi", service.name) if is_async else ("wsgi", service.name)]
    terms = _python_terms(service, methods, messages)
    documented = tuple(
        DocumentedMethod(
            view,
            client_docstrings.client_method(
                method,
                service,
                view.input_type,
                view.output_type,
                _required(messages, method.input.full_name, python=True),
                is_async,
                terms,
                view.retryable,
                view.resumable,
                api.error_codes,
            ),
            pages_doc=client_docstrings.client_pages(method, view.attribute, view.page_items, view.item_type, is_async)
            if view.pager
            else None,
        )
        for method, view in zip(service.methods, methods, strict=True)
    )
    environment = (
        EnvironmentView(
            url_variable=settings.base_url_env,
            token_variable=settings.token_env,
            token_header=settings.token_header,
            token_format=settings.token_format,
            header_variables=settings.header_env,
        )
        if settings.from_env
        else None
    )
    return ClientView(
        is_async=is_async,
        name=name,
        base_url=api.base_url,
        doc=client_docstrings.client_class(service, name, is_async),
        init_doc=client_docstrings.client_init(api, service),
        close_doc=client_docstrings.client_close(),
        enter_doc=client_docstrings.client_enter(is_async),
        exit_doc=client_docstrings.client_exit(),
        methods=documented,
        protocol=protocol,
        application=application,
        in_process_doc=client_docstrings.client_in_process(service, protocol, application, is_async),
        environment=environment,
        from_env_doc=client_docstrings.client_from_env(api, settings),
    )


def _python_terms(service: Service, methods: list[MethodView], messages: dict[str, Message]) -> dict[str, str]:
    """{JSON field name or RPC name: its Python name} for the names whose Python spelling differs."""
    terms = {
        field.json_name: field.name
        for message in messages.values()
        for field in message.fields
        if field.json_name != field.name
    }
    for method, view in zip(service.methods, methods, strict=True):
        terms[method.name] = terms[f"{service.name}.{method.name}"] = view.attribute
    return terms


def _server(
    service: Service, methods: list[MethodView], names: Mapping[Key, str], messages: dict[str, Message], is_async: bool
) -> ServerView:
    flavour = "async" if is_async else "sync"
    protocol = names[("protocol", service.name, flavour)]
    application = names[("asgi", service.name) if is_async else ("wsgi", service.name)]
    terms = _python_terms(service, methods, messages)
    documented = tuple(
        DocumentedMethod(
            view,
            docstrings.server_method(
                method,
                service,
                view.input_type,
                view.output_type,
                _required(messages, method.input.full_name, python=True),
                is_async,
                terms,
            ),
            docstrings.unimplemented(service, method),
        )
        for method, view in zip(service.methods, methods, strict=True)
    )
    return ServerView(
        is_async=is_async,
        service=service.full_name,
        protocol=protocol,
        application=application,
        protocol_doc=docstrings.server_protocol(service, application, is_async),
        application_doc=docstrings.application(service, protocol, is_async),
        init_doc=docstrings.application_init(service, is_async),
        path_doc=docstrings.application_path(),
        methods=documented,
    )
