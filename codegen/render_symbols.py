"""The names inside a generated connect module: runtime imports, reserved names, message types.

The templates use the runtime's symbols by fixed names; `RUNTIME` lists each with the condition
under which a module needs it, so a module imports exactly what it uses. Message classes are
imported under their own names unless that name is taken (a runtime symbol, a generated class, a
private helper), in which case they get a `_` suffix.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .layout import PythonLayout
from .model import Api, Enum, Message, StreamKind
from .naming import python_identifier
from .render_source import Import

__all__ = [
    "BUILTINS",
    "EXECUTE",
    "LOCAL_NAMES",
    "PRIVATE_NAMES",
    "RUNTIME",
    "STREAM_TYPES",
    "WRAPPERS",
    "Features",
    "TypeNames",
    "feature_holds",
    "helper_macros",
    "runtime_imports",
    "type_owners",
]


@dataclass(frozen=True, slots=True)
class Features:
    """What a connect module contains, which decides its imports and helpers."""

    kinds: frozenset[StreamKind]
    check_kinds: frozenset[str]
    """The kinds of `FieldCheckView` the module's check functions use."""

    @property
    def methods(self) -> bool:
        """The module has at least one RPC."""
        return bool(self.kinds)

    @property
    def streamed_requests(self) -> bool:
        """Some RPC takes a stream of requests."""
        return bool(self.kinds & {StreamKind.CLIENT, StreamKind.BIDI})

    @property
    def streamed_anything(self) -> bool:
        """Some RPC streams requests or responses."""
        return bool(self.kinds - {StreamKind.UNARY})


# (module, name, condition on the module's features); the templates use exactly these names.
RUNTIME: tuple[tuple[str, str, str], ...] = (
    ("__future__", "annotations", "always"),
    ("json", "dumps", "always"),
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
    ("typing", "TypeVar", "always"),
    ("connectrpc.client", "ConnectClient", "always"),
    ("connectrpc.client", "ConnectClientSync", "always"),
    ("connectrpc.code", "Code", "methods"),
    ("connectrpc.codec", "Codec", "always"),
    ("connectrpc.compat", "google_protobuf_binary_codec", "always"),
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
    ("google.protobuf.json_format", "MessageToDict", "always"),
    ("google.protobuf.json_format", "Parse", "always"),
    ("google.protobuf.json_format", "ParseError", "always"),
    ("google.protobuf.message", "Message", "always"),
    ("pyqwest", "Client", "always"),
    ("pyqwest", "SyncClient", "always"),
)

# Module-level private names the templates define.
PRIVATE_NAMES = frozenset(
    {
        "_REQ",
        "_RES",
        "_GZIP",
        "_codec",
        "_M",
        "_JSONCodec",
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

# Builtins the templates use.
BUILTINS = frozenset(
    {
        "BaseException",
        "ValueError",
        "bool",
        "enumerate",
        "getattr",
        "int",
        "isinstance",
        "iter",
        "list",
        "object",
        "property",
        "str",
        "super",
        "type",
    }
)

# Parameters and locals of generated functions: a message class must not be shadowed by them.
LOCAL_NAMES = frozenset(
    {
        "accept_compression",
        "base_url",
        "check",
        "codecs",
        "compressions",
        "ctx",
        "defaults",
        "encoding",
        "exc_type",
        "exc_value",
        "function",
        "handle",
        "headers",
        "http_client",
        "index",
        "interceptors",
        "item",
        "items",
        "key",
        "merged",
        "message",
        "method",
        "missing",
        "msg",
        "name",
        "names",
        "path",
        "protocol",
        "read_max_bytes",
        "request",
        "requests",
        "self",
        "send_compression",
        "service",
        "timeout_ms",
        "traceback",
        "value",
    }
)


def feature_holds(condition: str, features: Features) -> bool:
    """Whether a condition of `RUNTIME` holds for a module with `features`."""
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


def helper_macros(features: Features) -> tuple[str, ...]:
    """The helper macros (templates/_helpers.py.jinja) a module with `features` needs, in order."""
    helpers = ["json_codec", "codec", "merge_headers"]
    if features.streamed_requests:
        helpers.append("async_requests")
    if not features.methods:
        return tuple(helpers)
    helpers += ["implementation", "unimplemented", "require"]
    if features.streamed_requests:
        helpers += ["require_each", "require_each_sync"]
    helpers += [f"check_{kind}" for kind in ("list", "map") if kind in features.check_kinds]
    for kind in (StreamKind.UNARY, StreamKind.SERVER, StreamKind.CLIENT, StreamKind.BIDI):
        if kind in features.kinds:
            helpers += [WRAPPERS[kind], WRAPPERS[kind] + "_sync"]
    return tuple(helpers)


WRAPPERS = {
    StreamKind.UNARY: "unary",
    StreamKind.SERVER: "server_stream",
    StreamKind.CLIENT: "client_stream",
    StreamKind.BIDI: "bidi_stream",
}
STREAM_TYPES = {
    StreamKind.UNARY: "UNARY",
    StreamKind.SERVER: "SERVER_STREAM",
    StreamKind.CLIENT: "CLIENT_STREAM",
    StreamKind.BIDI: "BIDI_STREAM",
}
EXECUTE = {
    StreamKind.UNARY: "execute_unary",
    StreamKind.SERVER: "execute_server_stream",
    StreamKind.CLIENT: "execute_client_stream",
    StreamKind.BIDI: "execute_bidi_stream",
}


class TypeNames:
    """Spells message types in one module and collects their imports, aliasing names already taken."""

    def __init__(self, owners: dict[str, str], layout: PythonLayout, module: str, taken: Iterable[str]) -> None:
        self._layout = layout
        self._package_parts = module.split(".")[:-1]
        self._owner = owners
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


def type_owners(api: Api) -> dict[str, str]:
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


def runtime_imports(features: Features) -> list[Import]:
    """The runtime symbols a module with `features` uses."""
    return [Import(module, name) for module, name, condition in RUNTIME if feature_holds(condition, features)]
