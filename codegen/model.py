"""The generator's own model of an API: packages, services, methods, messages, fields, enums.

`Api` is what the pipeline recovers from an OpenAPI document and what `proto` and `render` read;
`ApiDraft` is the same before the lock gave it numbers (what `openapi` builds and `lock` numbers).
Everything here is a frozen dataclass made of tuples, so a stage can never change what an
earlier stage produced, and equal inputs give equal (and equally ordered) models.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .naming import proto_file_path

__all__ = [
    "Api",
    "ApiDraft",
    "Constraints",
    "DraftEnum",
    "DraftField",
    "DraftMessage",
    "DraftOneof",
    "DraftPackage",
    "DraftValue",
    "Enum",
    "EnumRef",
    "EnumValue",
    "Field",
    "FieldLabel",
    "Idempotency",
    "MapType",
    "Message",
    "MessageRef",
    "MessageRule",
    "Method",
    "Oneof",
    "ProtoPackage",
    "RuleKind",
    "Scalar",
    "Service",
    "StreamKind",
    "TypeRef",
    "WELL_KNOWN_ENUMS",
    "WELL_KNOWN_TYPES",
]


class Scalar(enum.Enum):
    """The proto3 scalar types, by their .proto keyword."""

    DOUBLE = "double"
    FLOAT = "float"
    INT32 = "int32"
    INT64 = "int64"
    UINT32 = "uint32"
    UINT64 = "uint64"
    SINT32 = "sint32"
    SINT64 = "sint64"
    FIXED32 = "fixed32"
    FIXED64 = "fixed64"
    SFIXED32 = "sfixed32"
    SFIXED64 = "sfixed64"
    BOOL = "bool"
    STRING = "string"
    BYTES = "bytes"

    @property
    def is_64_bit(self) -> bool:
        """True for the integer types that protobuf JSON writes as strings."""
        return self in _SIXTY_FOUR_BIT


_SIXTY_FOUR_BIT = frozenset({Scalar.INT64, Scalar.UINT64, Scalar.SINT64, Scalar.FIXED64, Scalar.SFIXED64})


@dataclass(frozen=True, slots=True)
class MessageRef:
    """A reference to a message by full name (`depot.ci.v1.LogLine`, `google.protobuf.Timestamp`)."""

    full_name: str


@dataclass(frozen=True, slots=True)
class EnumRef:
    """A reference to an enum by full name."""

    full_name: str


TypeRef = Scalar | MessageRef | EnumRef


@dataclass(frozen=True, slots=True)
class MapType:
    """`map<key, value>`; the key is an integral, bool or string scalar."""

    key: Scalar
    value: TypeRef


class FieldLabel(enum.Enum):
    """How many values a field holds and whether presence is tracked."""

    SINGULAR = "singular"
    """Implicit presence: the zero value is not sent."""
    OPTIONAL = "optional"
    """proto3 `optional`: explicit presence."""
    REPEATED = "repeated"


ConstraintValue = str | int | float | bool
"""A JSON value a constraint compares with (an allowed value, a bound)."""


@dataclass(frozen=True, slots=True)
class Constraints:
    """What a value must satisfy beyond its type: the JSON Schema keywords the document puts on a property.

    protoc-gen-connect-openapi writes protovalidate rules this way (`string.min_len` -> `minLength`,
    `string.in` / `int32.in` -> an inline `enum`, ...). They have no proto form without protovalidate,
    so they are kept here for the generated servers' request validation, not printed as structure.
    """

    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    """An ECMA-262 regular expression the whole text must match somewhere (JSON Schema semantics)."""
    format: str | None = None
    """A string format that is a rule, not a type (`email`, `uuid`, `uri`, ...)."""
    minimum: int | float | None = None
    maximum: int | float | None = None
    exclusive_minimum: int | float | None = None
    exclusive_maximum: int | float | None = None
    min_items: int | None = None
    """For repeated fields: the fewest elements (for maps: entries)."""
    max_items: int | None = None
    unique_items: bool = False
    allowed: tuple[ConstraintValue, ...] = ()
    """`enum` (or `const`) on a scalar: the only values accepted, in document order; () means any."""
    disallowed: tuple[ConstraintValue, ...] = ()
    """`not: {enum: [...]}`: values rejected."""
    items: Constraints | None = None
    """For repeated fields and maps: what every element (map value) must satisfy."""

    @property
    def is_empty(self) -> bool:
        """True when nothing is constrained."""
        return self == _NO_CONSTRAINTS


_NO_CONSTRAINTS = Constraints()


class RuleKind(enum.Enum):
    """A rule about which fields of a message are set."""

    EXACTLY_ONE = "exactly one of"
    AT_LEAST_ONE = "at least one of"


@dataclass(frozen=True, slots=True)
class MessageRule:
    """`oneOf`/`anyOf` entries that only list `required` names (protovalidate message oneof): a rule, not a oneof."""

    kind: RuleKind
    fields: tuple[str, ...]
    """Proto field names, in the document's order."""
    location: str
    """JSON pointer of the `oneOf` / `anyOf` in the document."""


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a message."""

    name: str
    """The proto field name (`head_sha`)."""
    json_name: str
    """The name in protobuf JSON (`headSha`): the OpenAPI property key."""
    number: int
    type: TypeRef | MapType
    label: FieldLabel
    oneof: str | None
    """The name of the oneof the field belongs to, if any."""
    required: bool
    """The document lists the field as required: the server stubs reject requests without it."""
    deprecated: bool
    description: str
    location: str
    """JSON pointer of the property in the document."""
    constraints: Constraints = _NO_CONSTRAINTS
    """Validation rules on the value (see `Constraints`); empty for most fields."""

    @property
    def is_map(self) -> bool:
        """True for map fields."""
        return isinstance(self.type, MapType)

    @property
    def has_presence(self) -> bool:
        """True when protobuf tracks whether the field is set (`HasField` works)."""
        return (
            self.label is FieldLabel.OPTIONAL
            or self.oneof is not None
            or (self.label is FieldLabel.SINGULAR and isinstance(self.type, MessageRef))
        )


@dataclass(frozen=True, slots=True)
class Oneof:
    """A proto `oneof`: at most one of its fields is set."""

    name: str
    field_names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EnumValue:
    """One value of an enum."""

    name: str
    number: int
    description: str
    location: str = ""
    """JSON pointer of the value's entry in the enum's `enum` list."""


@dataclass(frozen=True, slots=True)
class Enum:
    """An enum type."""

    full_name: str
    name: str
    values: tuple[EnumValue, ...]
    reserved_numbers: tuple[int, ...]
    reserved_names: tuple[str, ...]
    description: str
    location: str


@dataclass(frozen=True, slots=True)
class Message:
    """A message type, with the types nested in it."""

    full_name: str
    name: str
    fields: tuple[Field, ...]
    """In declaration order; a oneof's members are contiguous."""
    oneofs: tuple[Oneof, ...]
    reserved_numbers: tuple[int, ...]
    reserved_names: tuple[str, ...]
    nested_messages: tuple[Message, ...]
    nested_enums: tuple[Enum, ...]
    description: str
    location: str
    rules: tuple[MessageRule, ...] = ()
    """Rules about which fields are set together (see `MessageRule`)."""

    def field(self, name: str) -> Field:
        """The field called `name` (KeyError when there is none)."""
        for candidate in self.fields:
            if candidate.name == name:
                return candidate
        raise KeyError(name)


class StreamKind(enum.Enum):
    """Which side of a method streams."""

    UNARY = "unary"
    SERVER = "server"
    CLIENT = "client"
    BIDI = "bidi"

    @property
    def client_streams(self) -> bool:
        """True when the client sends a stream of requests."""
        return self in (StreamKind.CLIENT, StreamKind.BIDI)

    @property
    def server_streams(self) -> bool:
        """True when the server answers with a stream of responses."""
        return self in (StreamKind.SERVER, StreamKind.BIDI)


class Idempotency(enum.Enum):
    """A method's idempotency level (protobuf's `MethodOptions.IdempotencyLevel`)."""

    UNKNOWN = "unknown"
    NO_SIDE_EFFECTS = "no_side_effects"
    """Reads: calling it changes nothing (Connect may send it as GET)."""
    IDEMPOTENT = "idempotent"
    """Calling it twice has the effect of calling it once."""

    @property
    def safe_to_repeat(self) -> bool:
        """True when a client may send the same request again after a transient failure."""
        return self is not Idempotency.UNKNOWN


@dataclass(frozen=True, slots=True)
class Method:
    """One RPC of a service."""

    name: str
    input: MessageRef
    output: MessageRef
    stream: StreamKind
    summary: str
    description: str
    deprecated: bool
    location: str
    idempotency: Idempotency = Idempotency.UNKNOWN
    """From the lock's `methods` entry, or NO_SIDE_EFFECTS when the document has the Connect GET form."""


@dataclass(frozen=True, slots=True)
class Service:
    """A Connect service (`depot.ci.v1.CIService`)."""

    full_name: str
    name: str
    methods: tuple[Method, ...]
    description: str
    location: str = ""
    """JSON pointer of the service's tag, else of its first method's operation."""


@dataclass(frozen=True, slots=True)
class ProtoPackage:
    """One proto package: what becomes one .proto file."""

    name: str
    services: tuple[Service, ...]
    messages: tuple[Message, ...]
    enums: tuple[Enum, ...]
    imports: tuple[str, ...]
    """Other .proto files this one imports (well-known types, other packages), sorted."""

    @property
    def proto_path(self) -> str:
        """Where the .proto file goes: `depot.ci.v1` -> `depot/ci/v1/ci.proto`."""
        return proto_file_path(self.name)


@dataclass(frozen=True, slots=True)
class Api:
    """Everything recovered from one OpenAPI document."""

    title: str
    version: str
    description: str
    base_url: str
    """The first server URL of the document, or "" when it names none."""
    packages: tuple[ProtoPackage, ...]
    source: str
    """The file name of the document, for generated headers."""
    error_codes: tuple[str, ...] = ()
    """The Connect codes (`not_found`, ...) the document says its methods answer, from a table in
    the description of its `connect.error` schema; empty when it says nothing."""
    path_prefix: str = ""
    """What every Connect path of the document has before `/<package>.<Service>/<Method>` (`path-prefix=`)."""

    def message(self, full_name: str) -> Message:
        """Look up a message of the API (nested ones included) by full name."""
        found = self._messages().get(full_name)
        if found is None:
            raise KeyError(full_name)
        return found

    def enum(self, full_name: str) -> Enum:
        """Look up an enum of the API (nested ones included) by full name."""
        for package in self.packages:
            for candidate in _all_enums(package.enums, package.messages):
                if candidate.full_name == full_name:
                    return candidate
        raise KeyError(full_name)

    def _messages(self) -> dict[str, Message]:
        return {m.full_name: m for package in self.packages for m in _all_messages(package.messages)}


def _all_messages(messages: tuple[Message, ...]) -> list[Message]:
    result: list[Message] = []
    for message in messages:
        result.append(message)
        result.extend(_all_messages(message.nested_messages))
    return result


def _all_enums(enums: tuple[Enum, ...], messages: tuple[Message, ...]) -> list[Enum]:
    result = list(enums)
    for message in _all_messages(messages):
        result.extend(message.nested_enums)
    return result


# -- drafts: the model before numbering -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class DraftField:
    """A field before it has a number (the lock may still refine its scalar type or map key)."""

    name: str
    json_name: str
    type: TypeRef | MapType
    label: FieldLabel
    required: bool
    deprecated: bool
    description: str
    location: str
    constraints: Constraints = _NO_CONSTRAINTS
    annotated: Scalar | None = None
    """The exact scalar `with-proto-annotations` names (`(proto sfixed64)`); the lock's refinement still wins."""


@dataclass(frozen=True, slots=True)
class DraftOneof:
    """A oneof before it has a name (the lock names it) and its members' order (the lock orders them)."""

    fields: tuple[DraftField, ...]
    """In document order."""
    location: str


@dataclass(frozen=True, slots=True)
class DraftValue:
    """An enum value before it has a number."""

    name: str
    description: str
    location: str
    number: int | None = None
    """The number the document gives (`include-number-enum-values`), else None: the lock decides."""
    number_location: str = ""
    """JSON pointer of that number in the `enum` list."""


@dataclass(frozen=True, slots=True)
class DraftEnum:
    """An enum before its values have numbers."""

    full_name: str
    name: str
    values: tuple[DraftValue, ...]
    description: str
    location: str


@dataclass(frozen=True, slots=True)
class DraftMessage:
    """A message before its fields have numbers."""

    full_name: str
    name: str
    fields: tuple[DraftField, ...]
    """The fields outside any oneof, in document order; they come before the oneofs' members."""
    oneofs: tuple[DraftOneof, ...]
    nested_messages: tuple[DraftMessage, ...]
    nested_enums: tuple[DraftEnum, ...]
    description: str
    location: str
    rules: tuple[MessageRule, ...] = ()


@dataclass(frozen=True, slots=True)
class DraftPackage:
    """A proto package before numbering; services are final except streaming the lock may refine."""

    name: str
    services: tuple[Service, ...]
    messages: tuple[DraftMessage, ...]
    enums: tuple[DraftEnum, ...]
    imports: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ApiDraft:
    """Everything recovered from one OpenAPI document, before numbering (see `Api`)."""

    title: str
    version: str
    description: str
    base_url: str
    packages: tuple[DraftPackage, ...]
    source: str
    error_codes: tuple[str, ...] = ()
    """The Connect codes the document says its methods answer (see `Api.error_codes`)."""
    path_prefix: str = ""


def _shipped_types() -> tuple[dict[str, str], frozenset[str]]:
    """Every message and enum of the .proto files protoc ships (`google/protobuf/*.proto`), by full name.

    Read from the protobuf runtime's own descriptors, so nested types (`google.protobuf.Struct.FieldsEntry`)
    and the less common files (descriptor, api, type, source_context) are covered and never go stale.
    """
    from google.protobuf import (
        any_pb2,
        api_pb2,
        descriptor_pb2,
        duration_pb2,
        empty_pb2,
        field_mask_pb2,
        source_context_pb2,
        struct_pb2,
        timestamp_pb2,
        type_pb2,
        wrappers_pb2,
    )
    from google.protobuf.descriptor import Descriptor

    files: dict[str, str] = {}
    enums: set[str] = set()

    def visit(message: Descriptor, file: str) -> None:
        files[message.full_name] = file
        for enum_type in message.enum_types:
            files[enum_type.full_name] = file
            enums.add(enum_type.full_name)
        for nested in message.nested_types:
            visit(nested, file)

    modules = (any_pb2, api_pb2, descriptor_pb2, duration_pb2, empty_pb2, field_mask_pb2)
    for module in (*modules, source_context_pb2, struct_pb2, timestamp_pb2, type_pb2, wrappers_pb2):
        file = module.DESCRIPTOR
        for message in file.message_types_by_name.values():
            visit(message, file.name)
        for enum_type in file.enum_types_by_name.values():
            files[enum_type.full_name] = file.name
            enums.add(enum_type.full_name)
    return files, frozenset(enums)


_SHIPPED, WELL_KNOWN_ENUMS = _shipped_types()

# Well-known types a document may reference as `google.protobuf.<Name>` components.
WELL_KNOWN_TYPES: dict[str, str] = {
    "google.protobuf.Any": "google/protobuf/any.proto",
    "google.protobuf.BoolValue": "google/protobuf/wrappers.proto",
    "google.protobuf.BytesValue": "google/protobuf/wrappers.proto",
    "google.protobuf.DoubleValue": "google/protobuf/wrappers.proto",
    "google.protobuf.Duration": "google/protobuf/duration.proto",
    "google.protobuf.Empty": "google/protobuf/empty.proto",
    "google.protobuf.FieldMask": "google/protobuf/field_mask.proto",
    "google.protobuf.FloatValue": "google/protobuf/wrappers.proto",
    "google.protobuf.Int32Value": "google/protobuf/wrappers.proto",
    "google.protobuf.Int64Value": "google/protobuf/wrappers.proto",
    "google.protobuf.ListValue": "google/protobuf/struct.proto",
    "google.protobuf.NullValue": "google/protobuf/struct.proto",
    "google.protobuf.StringValue": "google/protobuf/wrappers.proto",
    "google.protobuf.Struct": "google/protobuf/struct.proto",
    "google.protobuf.Timestamp": "google/protobuf/timestamp.proto",
    "google.protobuf.UInt32Value": "google/protobuf/wrappers.proto",
    "google.protobuf.UInt64Value": "google/protobuf/wrappers.proto",
    "google.protobuf.Value": "google/protobuf/struct.proto",
}
# The rest of what protoc ships (descriptor.proto, api.proto, nested types such as map entries).
WELL_KNOWN_TYPES.update({name: file for name, file in sorted(_SHIPPED.items()) if name not in WELL_KNOWN_TYPES})
