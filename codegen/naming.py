"""Every name the generator derives, in one place.

Casing, acronyms, keyword escaping and collisions are decided here and nowhere else, so the
proto text and the Python code always agree on what a thing is called.
"""

from __future__ import annotations

import keyword
import re

from google.protobuf.empty_pb2 import Empty as _GeneratedMessage
from google.protobuf.message import Message as _RuntimeMessage

__all__ = [
    "CLIENT_RESERVED",
    "MESSAGE_ATTRIBUTES",
    "MODULE_GLOBALS",
    "asgi_application_class",
    "check_function",
    "json_function",
    "json_table",
    "client_class",
    "is_proto_identifier",
    "lower_camel",
    "map_entry_name",
    "method_attribute",
    "method_info_constant",
    "proto_file_path",
    "proto_file_stem",
    "python_identifier",
    "screaming_snake",
    "server_protocol_class",
    "snake_case",
    "split_words",
    "upper_camel",
    "wsgi_application_class",
]

# An acronym run ends where a capitalised word starts ("URLPath" -> "URL", "Path"); digits stay
# with the word before them ("Base64Codec" -> "Base64", "Codec").
_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+")
_PROTO_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_VERSION_SEGMENT = re.compile(r"v[0-9]+([a-z]+[0-9]*)?\Z")


def split_words(name: str) -> list[str]:
    """Split `GetArtifactDownloadURL`, `head_sha` or `memoryGb` into words, keeping acronyms whole."""
    return _WORD.findall(name)


def snake_case(name: str) -> str:
    """`GetArtifactDownloadURL` -> `get_artifact_download_url`; `headSha` -> `head_sha`."""
    return "_".join(word.lower() for word in split_words(name))


def screaming_snake(name: str) -> str:
    """`CIMetricsAvailabilityCode` -> `CI_METRICS_AVAILABILITY_CODE`."""
    return snake_case(name).upper()


def lower_camel(name: str) -> str:
    """The protobuf JSON name of a field: `head_sha` -> `headSha` (protoc's own rule)."""
    parts = name.split("_")
    return parts[0] + "".join(part[:1].upper() + part[1:] for part in parts[1:])


def map_entry_name(field_name: str) -> str:
    """The name protoc gives the entry message of map field `field_name` (`counts_by_id` -> `CountsByIdEntry`).

    protoc's own rule, which differs from `upper_camel` on digits (`sha256sum` -> `Sha256sumEntry`):
    drop underscores and upper-case the first letter and each letter after an underscore.
    """
    result = []
    capitalize = True
    for char in field_name:
        if char == "_":
            capitalize = True
        elif capitalize:
            result.append(char.upper() if "a" <= char <= "z" else char)
            capitalize = False
        else:
            result.append(char)
    return "".join(result) + "Entry"


def upper_camel(name: str) -> str:
    """`memory_usage` -> `MemoryUsage`, for nested message names derived from field names."""
    return "".join(word[:1].upper() + word[1:] for word in split_words(name))


def is_proto_identifier(name: str) -> bool:
    """True when `name` is a valid protobuf identifier."""
    return bool(_PROTO_IDENTIFIER.match(name))


def is_version_segment(segment: str) -> bool:
    """True for package segments such as `v1`, `v2beta1`, `v1alpha`."""
    return bool(_VERSION_SEGMENT.match(segment))


def proto_file_stem(package: str) -> str:
    """The .proto file name of a package: its last segment that is not a version (`depot.ci.v1` -> `ci`)."""
    if not package:
        return "api"  # a .proto without a `package` line
    segments = [s for s in package.split(".") if not is_version_segment(s)]
    return segments[-1] if segments else package.split(".")[-1]


def proto_file_path(package: str) -> str:
    """Where a package's .proto file goes: `depot.ci.v1` -> `depot/ci/v1/ci.proto`; types without a
    package (a .proto with no `package` line) go to `api.proto`."""
    if not package:
        return proto_file_stem(package) + ".proto"
    return "/".join(package.split(".")) + "/" + proto_file_stem(package) + ".proto"


def python_identifier(name: str, taken: frozenset[str] = frozenset()) -> str:
    """Make `name` usable as a Python identifier: escape keywords and avoid `taken` with a `_` suffix."""
    result = name
    while keyword.iskeyword(result) or keyword.issoftkeyword(result) or result in taken:
        result += "_"
    return result


# -- names of generated Python (render stage) ---------------------------------------------

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


def json_function(qualified_name: str, verb: str, taken: frozenset[str] = frozenset()) -> str:
    """A message's protobuf-JSON encode or decode function: `Outer.Inner`, `encode` -> `_json_encode_outer_inner`."""
    words = "_".join(snake_case(part) for part in qualified_name.split("."))
    return python_identifier(f"_json_{verb}_{words}", taken)


def json_table(qualified_name: str, kind: str, taken: frozenset[str] = frozenset()) -> str:
    """An enum's protobuf-JSON constant: `RunState`, `names` -> `_JSON_RUN_STATE_NAMES`."""
    words = "_".join(snake_case(part) for part in qualified_name.split(".")).upper()
    return python_identifier(f"_JSON_{words}_{kind.upper()}", taken)


def check_function(qualified_name: str, taken: frozenset[str] = frozenset()) -> str:
    """The private function checking required fields of a message: `Outer.Inner` -> `_check_outer_inner`."""
    words = "_".join(snake_case(part) for part in qualified_name.split("."))
    return python_identifier(f"_check_{words}", taken)


# -- names the protobuf Python runtime owns --------------------------------------------------

MESSAGE_ATTRIBUTES = frozenset(
    name for name in {*dir(_RuntimeMessage), *dir(_GeneratedMessage)} if not name.startswith("__")
)
"""Attributes of every generated message class, `DESCRIPTOR` included (read from the installed runtime, and
from a message class it generated, so the list never goes stale)."""

MODULE_GLOBALS = frozenset(
    {
        "DESCRIPTOR",
        "_builder",
        "_descriptor",
        "_descriptor_pool",
        "_globals",
        "_runtime_version",
        "_sym_db",
        "_symbol_database",
    }
)
"""Names every module protoc's Python plugin writes defines itself (protoc 4.x / protobuf 5+)."""
