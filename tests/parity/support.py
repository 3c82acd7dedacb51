"""Helpers of the parity tests: the spec's message components and their protobuf descriptors, the canonical
protobuf JSON of an instance, a JSON Schema validator over the spec, and hypothesis strategies.

Generic over any OpenAPI document of this shape (what protoc-gen-connect-openapi writes): a component
`pkg.v1.X` describes the protobuf message `pkg.v1.X` (nested messages keep their dotted names), a
property's `title` is the proto field's name and its key the field's JSON name. Integer ranges come
from the proto types in the descriptors, since the schemas carry none.
"""

from __future__ import annotations

import base64
import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from depot_ci.v1 import ci_pb2
from google.protobuf import descriptor_pb2, json_format, message_factory
from google.protobuf.descriptor import Descriptor, FieldDescriptor, OneofDescriptor
from google.protobuf.descriptor_pool import DescriptorPool
from google.protobuf.message import Message
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from referencing import Registry
from spec_schemas import SCHEMA_REF, format_checker, spec_registry, spec_validator

__all__ = [
    "FLOATING",
    "FORMATS",
    "INTEGER_RANGES",
    "POOL",
    "ROOT",
    "SCHEMA_KEYWORDS",
    "SCHEMA_REF",
    "SIXTY_FOUR_BIT",
    "SPEC_PATH",
    "FieldRef",
    "Requirements",
    "SchemaStrategies",
    "binary_round_trip",
    "canonical",
    "component_fields",
    "descriptor",
    "enum_names",
    "examples",
    "is_map",
    "is_proto3_optional",
    "json_round_trip",
    "load_spec",
    "message_class",
    "message_components",
    "message_strategy",
    "message_type",
    "package",
    "properties",
    "real_oneofs",
    "schema_admits",
    "schema_errors",
    "schema_requirements",
    "validator",
]

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "spec" / "depot-ci.openapi.json"
POOL: DescriptorPool = ci_pb2.DESCRIPTOR.pool
"""Where the generated messages are (the default pool)."""

_T = FieldDescriptor
INTEGER_RANGES: dict[int, tuple[int, int]] = {
    _T.TYPE_INT32: (-(2**31), 2**31 - 1),
    _T.TYPE_SINT32: (-(2**31), 2**31 - 1),
    _T.TYPE_SFIXED32: (-(2**31), 2**31 - 1),
    _T.TYPE_UINT32: (0, 2**32 - 1),
    _T.TYPE_FIXED32: (0, 2**32 - 1),
    _T.TYPE_INT64: (-(2**63), 2**63 - 1),
    _T.TYPE_SINT64: (-(2**63), 2**63 - 1),
    _T.TYPE_SFIXED64: (-(2**63), 2**63 - 1),
    _T.TYPE_UINT64: (0, 2**64 - 1),
    _T.TYPE_FIXED64: (0, 2**64 - 1),
}
"""The values each protobuf integer type holds."""
SIXTY_FOUR_BIT = frozenset({_T.TYPE_INT64, _T.TYPE_SINT64, _T.TYPE_SFIXED64, _T.TYPE_UINT64, _T.TYPE_FIXED64})
"""Integer types protobuf JSON writes as strings."""
FLOATING = frozenset({_T.TYPE_DOUBLE, _T.TYPE_FLOAT})

SCHEMA_KEYWORDS = frozenset(
    {
        "$ref",
        "type",
        "format",
        "items",
        "properties",
        "required",
        "additionalProperties",
        "unevaluatedProperties",
        "oneOf",
        "enum",
        "title",
        "description",
        "examples",
        "deprecated",
        "minLength",
        "not",
    }
)
"""The JSON Schema keywords the strategy builder understands; any other one is an error."""


# ---- the spec and the descriptors -------------------------------------------------------------


@cache
def load_spec() -> dict[str, Any]:
    """The OpenAPI document (parsed once; treat it as read-only)."""
    document: dict[str, Any] = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
    return document


def package() -> str:
    """The protobuf package of the spec's services, from the operation paths `/<pkg>.<Service>/<Method>`."""
    services: set[str] = {path.split("/")[1] for path in load_spec()["paths"]}
    packages = {service.rsplit(".", 1)[0] for service in services}
    assert len(packages) == 1, packages
    return packages.pop()


def message_components() -> dict[str, dict[str, Any]]:
    """The components that describe messages: objects named inside the services' package."""
    prefix = package() + "."
    return {
        name: schema
        for name, schema in load_spec()["components"]["schemas"].items()
        if name.startswith(prefix) and schema.get("type") == "object"
    }


def descriptor(component: str) -> Descriptor:
    """The message descriptor of a component (its key is the message's full name)."""
    found: Descriptor = POOL.FindMessageTypeByName(component)
    return found


def message_class(component: str) -> type[Message]:
    return message_factory.GetMessageClass(descriptor(component))


def examples(component: str) -> list[Any]:
    found: list[Any] = load_spec()["components"]["schemas"][component].get("examples", [])
    return found


def properties(schema: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """A message schema's properties, including those of its oneOf alternatives."""
    found = dict(schema.get("properties", {}))
    for alternative in schema.get("oneOf", []):
        found.update(alternative.get("properties", {}))
    return found


@dataclass(frozen=True)
class FieldRef:
    """One property of a message component and the proto field it stands for."""

    component: str
    key: str
    field: FieldDescriptor
    pointer: str
    """JSON pointer of the property's schema in the spec."""

    def __str__(self) -> str:
        return f"{self.component.removeprefix(package() + '.')}.{self.key}"


def _property_pointers(component: str, schema: Mapping[str, Any]) -> dict[str, str]:
    base = "/components/schemas/" + component.replace("~", "~0").replace("/", "~1")
    pointers = {key: f"{base}/properties/{key}" for key in schema.get("properties", {})}
    for index, alternative in enumerate(schema.get("oneOf", [])):
        pointers.update({key: f"{base}/oneOf/{index}/properties/{key}" for key in alternative.get("properties", {})})
    return pointers


def component_fields(predicate: Callable[[FieldDescriptor], bool] = lambda field: True) -> list[FieldRef]:
    """Every (component, property, field) of the spec whose field satisfies `predicate`, sorted."""
    found = []
    for component, schema in sorted(message_components().items()):
        fields = descriptor(component).fields_by_name
        pointers = _property_pointers(component, schema)
        for key, prop in sorted(properties(schema).items()):
            field = fields[prop["title"]]
            if predicate(field):
                found.append(FieldRef(component, key, field, pointers[key]))
    return found


def message_type(field: FieldDescriptor) -> Descriptor:
    """The message type of a message (or map) field."""
    assert field.message_type is not None, f"{field.full_name} is not a message field"
    return field.message_type


def enum_names(field: FieldDescriptor) -> list[str]:
    """The value names of an enum field, in number order (the zero value first)."""
    assert field.enum_type is not None, f"{field.full_name} is not an enum field"
    return [value.name for value in sorted(field.enum_type.values, key=lambda value: value.number)]


def is_map(field: FieldDescriptor) -> bool:
    return field.message_type is not None and field.message_type.GetOptions().map_entry


def is_proto3_optional(field: FieldDescriptor) -> bool:
    """A field declared `optional` in proto3 (it lives in a synthetic oneof of its own)."""
    return field.name in _proto3_optional_names(field.containing_type)


@cache
def _proto3_optional_names(message: Descriptor) -> frozenset[str]:
    proto = descriptor_pb2.DescriptorProto()
    message.CopyToProto(proto)
    return frozenset(field.name for field in proto.field if field.proto3_optional)


def real_oneofs(message: Descriptor) -> list[OneofDescriptor]:
    """The message's oneofs as written in the .proto (not the synthetic ones of proto3 `optional`)."""
    return [oneof for oneof in message.oneofs if not any(is_proto3_optional(field) for field in oneof.fields)]


# ---- canonical protobuf JSON ------------------------------------------------------------------


def canonical(value: Mapping[str, Any], message: Descriptor, *, omit_defaults: bool = True) -> dict[str, Any]:
    """The protobuf JSON `json_format` writes for the instance `value`, computed from the descriptor.

    Keys become JSON names, 64-bit integers strings, enums names and bytes padded standard base64;
    nulls, empty lists and maps, and fields without presence at their default value are dropped
    (unless `omit_defaults` is false: then only the representation of values changes).
    """
    fields = {**message.fields_by_name, **{field.json_name: field for field in message.fields}}
    result: dict[str, Any] = {}
    for key, item in value.items():
        field = fields[key]
        converted = _canonical_field(item, field, omit_defaults)
        if converted is not _ABSENT:
            result[field.json_name] = converted
    return result


_ABSENT = object()


def _canonical_field(value: Any, field: FieldDescriptor, omit_defaults: bool) -> Any:
    if value is None:
        return _ABSENT if omit_defaults else None
    if is_map(field):
        value_field = message_type(field).fields_by_name["value"]
        mapped = {str(key): _canonical_value(item, value_field, omit_defaults) for key, item in value.items()}
        return mapped or (_ABSENT if omit_defaults else {})
    if field.is_repeated:
        return [_canonical_value(item, field, omit_defaults) for item in value] or (_ABSENT if omit_defaults else [])
    converted = _canonical_value(value, field, omit_defaults)
    if omit_defaults and not field.has_presence and _is_default(converted, field):
        return _ABSENT
    return converted


def _canonical_value(value: Any, field: FieldDescriptor, omit_defaults: bool) -> Any:
    if field.type == _T.TYPE_MESSAGE:
        return canonical(value, message_type(field), omit_defaults=omit_defaults)
    if field.type == _T.TYPE_ENUM:
        return _enum_name(field, value) if isinstance(value, int) else value
    if field.type in SIXTY_FOUR_BIT:
        return str(int(value))
    if field.type in INTEGER_RANGES:
        return int(value)
    if field.type in FLOATING:
        return value if isinstance(value, str) else float(value)
    if field.type == _T.TYPE_BYTES:
        return base64.b64encode(_decode_base64(value)).decode()
    return value


def _enum_name(field: FieldDescriptor, number: int) -> str:
    assert field.enum_type is not None
    name: str = field.enum_type.values_by_number[number].name
    return name


def _decode_base64(text: str) -> bytes:
    """Standard or URL-safe base64, padded or not (protobuf JSON accepts all four)."""
    return base64.urlsafe_b64decode(text.replace("+", "-").replace("/", "_") + "=" * (-len(text) % 4))


def _is_default(value: Any, field: FieldDescriptor) -> bool:
    if field.type == _T.TYPE_ENUM:
        return bool(value == _enum_name(field, 0))
    if field.type in SIXTY_FOUR_BIT:
        return bool(value == "0")
    if field.type in FLOATING:
        # Implicit presence compares bits: -0.0 is not the default and is written out.
        return isinstance(value, float) and value == 0 and math.copysign(1.0, value) > 0
    return bool(value in (0, "", False))


def json_round_trip(text: str, message_type: type[Message]) -> tuple[Message, dict[str, Any]]:
    """JSON text -> message -> JSON: the message and the JSON (parsed) it gives."""
    message = json_format.Parse(text, message_type())
    result: dict[str, Any] = json.loads(json_format.MessageToJson(message))
    return message, result


def binary_round_trip(message: Message) -> tuple[Message, dict[str, Any]]:
    """Message -> binary -> message -> JSON: the decoded message and its JSON (parsed)."""
    decoded = type(message).FromString(message.SerializeToString())
    result: dict[str, Any] = json.loads(json_format.MessageToJson(decoded))
    return decoded, result


# ---- JSON Schema validation over the spec -------------------------------------------------------

FORMATS = format_checker(sixty_four_bit_limit=2**64, finite_doubles=True)
"""The int64 format admits the uint64 range too: the spec writes both as `format: int64`."""


@cache
def _registry() -> Registry[Any]:
    return spec_registry(load_spec())


@cache
def validator(component: str) -> Draft202012Validator:
    """A draft 2020-12 validator of `component`, resolving `$ref`s in the spec, checking formats."""
    return spec_validator(_registry(), SCHEMA_REF + component, FORMATS)


def schema_errors(component: str, instance: Any) -> list[str]:
    """What `validator(component)` finds wrong with `instance` (empty when it is valid)."""
    return [f"{list(error.absolute_path)}: {error.message}" for error in validator(component).iter_errors(instance)]


def schema_admits(pointer: str, instance: Any) -> bool:
    """Whether the schema at `pointer` in the spec accepts `instance` (formats as annotations, the
    2020-12 default, as a JSON Schema validator without format assertion would)."""
    return bool(spec_validator(_registry(), "#" + pointer, None).is_valid(instance))


# ---- hypothesis strategies: JSON instances from the schemas -------------------------------------


_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=12)
"""Any valid Unicode (no surrogates), empty included."""


def _integers(field: FieldDescriptor | None, schema_format: str | None) -> st.SearchStrategy[int]:
    low, high = INTEGER_RANGES.get(field.type, (-(2**31), 2**31 - 1)) if field else (-(2**31), 2**31 - 1)
    if schema_format == "int32":
        low, high = max(low, -(2**31)), min(high, 2**31 - 1)
    # Always reach the edges and zero; hypothesis' integers already favour small values.
    edges = sorted({low, high, 0, max(low, -1), min(high, 2**53 + 1), min(high, 2**31 - 1)})
    return st.sampled_from(edges) | st.integers(low, high)


def _floats(field: FieldDescriptor | None) -> st.SearchStrategy[float]:
    if field is not None and field.type == _T.TYPE_FLOAT:
        return st.floats(allow_nan=False, allow_infinity=False, width=32)
    return st.floats(allow_nan=False, allow_infinity=False)


class SchemaStrategies:
    """Hypothesis strategies for JSON instances of the spec's components, within the proto ranges.

    Understands the subset of JSON Schema in `SCHEMA_KEYWORDS`: `type` (one or a list, `null`
    included), `format` (int32, int64, double, byte), `$ref`, `items`, `properties` with `required`,
    `additionalProperties` (a map), `oneOf` of objects, `enum`, `minLength` of strings and `not` of a
    `const` (a required enum without its UNSPECIFIED value). Proto field descriptors, found by each
    property's `title`, bound integers and floats.
    """

    def __init__(
        self, schemas: Mapping[str, Any], pool: DescriptorPool, max_items: int = 3, max_depth: int = 6
    ) -> None:
        self._schemas = schemas
        self._pool = pool
        self._max_items = max_items
        self._max_depth = max_depth

    def component(self, name: str) -> st.SearchStrategy[dict[str, Any]]:
        """Instances of component `name` (the full name of a message in the pool)."""
        return self._message(self._schemas[name], self._pool.FindMessageTypeByName(name), 0)

    def _resolve(self, reference: str) -> tuple[str, dict[str, Any]]:
        assert reference.startswith(SCHEMA_REF), reference
        name = reference.removeprefix(SCHEMA_REF)
        schema: dict[str, Any] = self._schemas[name]
        return name, schema

    def _check_keywords(self, schema: Mapping[str, Any]) -> None:
        unknown = set(schema) - SCHEMA_KEYWORDS
        assert not unknown, f"the strategy builder does not handle {sorted(unknown)}"

    def _message(self, schema: Mapping[str, Any], message: Descriptor, depth: int) -> st.SearchStrategy[dict[str, Any]]:
        self._check_keywords(schema)
        required = set(schema.get("required", ()))
        fixed: dict[str, st.SearchStrategy[Any]] = {}
        optional: dict[str, st.SearchStrategy[Any]] = {}
        for key, prop in schema.get("properties", {}).items():
            field = message.fields_by_name.get(prop["title"])
            assert field is not None, f"{message.full_name} has no field {prop['title']!r} (property {key!r})"
            strategy = self._value(prop, field, depth + 1)
            if key in required:
                fixed[key] = strategy
            elif depth < self._max_depth:
                optional[key] = strategy
        base = st.fixed_dictionaries(fixed, optional=optional)
        alternatives = [self._message(alternative, message, depth) for alternative in schema.get("oneOf", ())]
        if not alternatives:
            return base
        return st.tuples(base, st.one_of(alternatives)).map(lambda pair: {**pair[0], **pair[1]})

    def _value(self, schema: Mapping[str, Any], field: FieldDescriptor | None, depth: int) -> st.SearchStrategy[Any]:
        self._check_keywords(schema)
        if "not" in schema:
            excluded = schema["not"]
            assert set(excluded) == {"const"}, f"the strategy builder handles only `not: {{const}}`, not {excluded}"
            rest = {key: value for key, value in schema.items() if key != "not"}
            return self._value(rest, field, depth).filter(lambda value: value != excluded["const"])
        if "$ref" in schema:
            name, target = self._resolve(schema["$ref"])
            if "enum" in target:
                return self._value(target, field, depth)
            assert field is not None, f"{name} is not a message field"
            assert message_type(field).full_name == name, f"{field.full_name} is a {message_type(field).full_name}"
            return self._message(target, message_type(field), depth)
        if "enum" in schema:
            return st.sampled_from(schema["enum"])
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        return st.one_of([self._typed(kind, schema, field, depth) for kind in types])

    def _typed(
        self, kind: str, schema: Mapping[str, Any], field: FieldDescriptor | None, depth: int
    ) -> st.SearchStrategy[Any]:
        schema_format = schema.get("format")
        if kind == "null":
            return st.none()
        if kind == "boolean":
            return st.booleans()
        if kind == "integer":
            return _integers(field, schema_format)
        if kind == "number":
            return _floats(field)
        if kind == "string" and schema_format == "int64":
            return _integers(field, schema_format).map(str)
        if kind == "string" and schema_format == "byte":
            return st.binary(max_size=12).map(lambda data: base64.b64encode(data).decode())
        if kind == "string" and schema.get("minLength"):
            return st.text(alphabet=st.characters(codec="utf-8"), min_size=schema["minLength"], max_size=12)
        if kind == "string":
            return _TEXT
        if kind == "array":
            return st.lists(self._value(schema["items"], field, depth), max_size=self._max_items)
        if kind == "object" and isinstance(schema.get("additionalProperties"), Mapping):
            assert field is not None
            entry = message_type(field).fields_by_name
            keys = _TEXT if entry["key"].type == _T.TYPE_STRING else _integers(entry["key"], None).map(str)
            values = self._value(schema["additionalProperties"], entry["value"], depth)
            return st.dictionaries(keys, values, max_size=self._max_items)
        raise AssertionError(f"the strategy builder does not handle type {kind!r} in {dict(schema)}")


# ---- hypothesis strategies: messages through the protobuf API -----------------------------------


def _scalar(field: FieldDescriptor) -> st.SearchStrategy[Any]:
    if field.type in INTEGER_RANGES:
        return _integers(field, None)
    if field.type in FLOATING:
        return _floats(field)
    if field.type == _T.TYPE_BOOL:
        return st.booleans()
    if field.type == _T.TYPE_STRING:
        return _TEXT
    if field.type == _T.TYPE_BYTES:
        return st.binary(max_size=12)
    if field.type == _T.TYPE_ENUM:
        assert field.enum_type is not None
        return st.sampled_from([value.number for value in field.enum_type.values])
    raise AssertionError(f"no strategy for {field.full_name}")


@dataclass(frozen=True)
class Requirements:
    """What a message's schema demands beyond protobuf: proto fields that must hold a non-default value
    (the schema's `required`; protobuf JSON omits defaults), and oneofs that must have a member set
    (the schema's `oneOf` of alternatives each requiring its member)."""

    fields: frozenset[str] = frozenset()
    oneofs: frozenset[str] = frozenset()


def schema_requirements(message: Descriptor) -> Requirements:
    """The `Requirements` of `message` according to its component in the spec."""
    schema = load_spec()["components"]["schemas"].get(message.full_name, {})
    props = properties(schema)
    oneofs = set()
    for alternative in schema.get("oneOf", ()):
        for key in alternative.get("required", ()):
            containing = message.fields_by_name[props[key]["title"]].containing_oneof
            assert containing is not None, f"{message.full_name}.{key} is in a oneOf but in no proto oneof"
            oneofs.add(containing.name)
    fields = frozenset(props[key]["title"] for key in schema.get("required", ()))
    return Requirements(fields=fields, oneofs=frozenset(oneofs))


def message_strategy(
    message: Descriptor,
    requirements: Callable[[Descriptor], Requirements] = lambda message: Requirements(),
    max_items: int = 3,
    max_depth: int = 6,
) -> st.SearchStrategy[Message]:
    """Messages of type `message` built through the protobuf API.

    Any field may be set or not (proto3 `optional` ones to their zero value too), at most one member
    per oneof, repeated fields and maps get up to `max_items` entries, nested messages (possibly
    empty) go down to `max_depth`. `requirements` names what must be set, and to a non-default value.
    """

    @st.composite
    def build(draw: st.DrawFn, message: Descriptor, depth: int) -> Message:
        instance = message_factory.GetMessageClass(message)()
        needs = requirements(message)
        chosen = {
            oneof.name: draw(st.sampled_from([*([] if oneof.name in needs.oneofs else [None]), *oneof.fields]))
            for oneof in real_oneofs(message)
        }
        for field in message.fields:
            oneof = field.containing_oneof
            required = field.name in needs.fields
            if oneof is not None and oneof.name in chosen:
                if chosen[oneof.name] is not field:
                    continue
            elif not required and not draw(st.booleans()):
                continue
            _set(draw, instance, field, depth, required)
        return instance

    def _set(draw: st.DrawFn, instance: Message, field: FieldDescriptor, depth: int, required: bool) -> None:
        target = getattr(instance, field.name)
        least = 1 if required else 0
        if is_map(field):
            key_field = message_type(field).fields_by_name["key"]
            value_field = message_type(field).fields_by_name["value"]
            values = build(message_type(value_field), depth + 1) if value_field.message_type else _scalar(value_field)
            entries = draw(st.dictionaries(_scalar(key_field), values, min_size=least, max_size=max_items))
            for key, value in entries.items():
                if value_field.message_type is not None:
                    target[key].CopyFrom(value)
                else:
                    target[key] = value
        elif field.is_repeated:
            if field.message_type is None:
                target.extend(draw(st.lists(_scalar(field), min_size=least, max_size=max_items)))
            elif depth < max_depth or required:
                items = st.lists(build(message_type(field), depth + 1), min_size=least, max_size=max_items)
                target.extend(draw(items))
        elif field.message_type is not None:
            if depth < max_depth or required:
                target.CopyFrom(draw(build(message_type(field), depth + 1)))
                target.SetInParent()
        else:
            values = _scalar(field)
            if required:
                values = values.filter(lambda value: value != _zero(field))
            setattr(instance, field.name, draw(values))

    return build(message, 0)


def _zero(field: FieldDescriptor) -> Any:
    """The default value of a singular scalar field, as the protobuf API holds it."""
    return {_T.TYPE_BOOL: False, _T.TYPE_STRING: "", _T.TYPE_BYTES: b""}.get(field.type, 0)
