"""Which type and label changes of a field break which users.

The wire families are protobuf's compatible encodings (the "Updating a message type" rules that
buf's FIELD_WIRE_COMPATIBLE_TYPE checks): varints read each other, as do zigzag varints, 32-bit
and 64-bit fixed values, and length-delimited strings and bytes. Protobuf JSON writes every integer
type as a number or a decimal string and reads both, so integers stay JSON-compatible with each
other; bool, string, bytes (base64) and enums (value names) do not mix. Python sees `int`,
`float`, `bool`, `str`, `bytes`, an enum or a message class.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import EnumRef, Field, FieldLabel, MapType, MessageRef, Scalar, TypeRef
from .changes import Break

__all__ = ["describe", "label_breaks", "range_note", "type_breaks"]

S = Scalar
_WIRE_FAMILIES: tuple[frozenset[Scalar], ...] = (
    frozenset({S.INT32, S.INT64, S.UINT32, S.UINT64, S.BOOL}),
    frozenset({S.SINT32, S.SINT64}),
    frozenset({S.FIXED32, S.SFIXED32}),
    frozenset({S.FIXED64, S.SFIXED64}),
    frozenset({S.STRING, S.BYTES}),
    frozenset({S.DOUBLE}),
    frozenset({S.FLOAT}),
)
_INTEGERS = frozenset(
    {S.INT32, S.INT64, S.UINT32, S.UINT64, S.SINT32, S.SINT64, S.FIXED32, S.FIXED64, S.SFIXED32, S.SFIXED64}
)
_JSON_FAMILIES: tuple[frozenset[Scalar], ...] = (
    _INTEGERS,
    frozenset({S.DOUBLE, S.FLOAT}),
    frozenset({S.BOOL}),
    frozenset({S.STRING}),
    frozenset({S.BYTES}),
)
# Enum values travel as int32 varints, so an enum reads (and is read by) these on the wire.
_ENUM_WIRE = frozenset({S.INT32, S.INT64, S.UINT32, S.UINT64})
_ALL = (Break.WIRE, Break.JSON, Break.PYTHON)

SameType = Callable[[TypeRef, TypeRef], bool]
"""Whether an old and a new type are the same type (declared renames count as the same)."""


def _family(scalar: Scalar, families: tuple[frozenset[Scalar], ...]) -> int:
    return next(index for index, family in enumerate(families) if scalar in family)


def _python_type(scalar: Scalar) -> str:
    if scalar in _INTEGERS:
        return "int"
    return {S.DOUBLE: "float", S.FLOAT: "float", S.BOOL: "bool", S.STRING: "str", S.BYTES: "bytes"}[scalar]


def _element_breaks(old: TypeRef, new: TypeRef, same: SameType) -> tuple[Break, ...]:
    if same(old, new):
        return ()
    if isinstance(old, Scalar) and isinstance(new, Scalar):
        found = []
        if _family(old, _WIRE_FAMILIES) != _family(new, _WIRE_FAMILIES):
            found.append(Break.WIRE)
        if _family(old, _JSON_FAMILIES) != _family(new, _JSON_FAMILIES):
            found.append(Break.JSON)
        if _python_type(old) != _python_type(new):
            found.append(Break.PYTHON)
        return tuple(found)
    if _is_varint_enum(old) and _is_varint_enum(new):
        # Same varint on the wire; the names (JSON) and the Python types differ.
        return (Break.JSON, Break.PYTHON)
    return _ALL


def _is_varint_enum(type_ref: TypeRef) -> bool:
    """An enum, or an integer an enum value reads as on the wire."""
    return isinstance(type_ref, EnumRef) or type_ref in _ENUM_WIRE


def type_breaks(old: TypeRef | MapType, new: TypeRef | MapType, same: SameType) -> tuple[Break, ...]:
    """Who a change of a field's type (element type, or map key and value) breaks."""
    if isinstance(old, MapType) and isinstance(new, MapType):
        found = set(_element_breaks(old.key, new.key, same)) | set(_element_breaks(old.value, new.value, same))
        return tuple(b for b in Break if b in found)
    if isinstance(old, MapType) or isinstance(new, MapType):
        return _ALL
    return _element_breaks(old, new, same)


_WIDTH = {S.INT32: 32, S.UINT32: 32, S.SINT32: 32, S.FIXED32: 32, S.SFIXED32: 32, S.BOOL: 1}
_UNSIGNED = frozenset({S.UINT32, S.UINT64, S.FIXED32, S.FIXED64, S.BOOL})


def range_note(old: TypeRef | MapType, new: TypeRef | MapType) -> str:
    """A warning when two integer types that read each other do not hold the same values."""
    if not (isinstance(old, Scalar) and isinstance(new, Scalar)) or old not in _INTEGERS | {S.BOOL}:
        return ""
    if new not in _INTEGERS | {S.BOOL} or old == new:
        return ""
    if _WIDTH.get(old, 64) != _WIDTH.get(new, 64) or (old in _UNSIGNED) != (new in _UNSIGNED):
        return (
            f" Values that {old.value} and {new.value} do not both hold (width or sign) are truncated by a "
            "binary peer and refused by a JSON peer whose type is the narrower one."
        )
    return ""


def label_breaks(old: Field, new: Field) -> tuple[Break, ...]:
    """Who a change between singular, `optional`, repeated and map breaks."""
    if old.label is new.label:
        return ()
    if FieldLabel.REPEATED in (old.label, new.label):
        return _ALL
    # Singular <-> optional is the same on the wire and in JSON (buf: wire- and JSON-compatible
    # cardinality); only `HasField` on a scalar disappears when presence goes.
    if old.has_presence and not new.has_presence:
        return (Break.PYTHON,)
    return ()


def describe(field: Field) -> str:
    """The field's type as a .proto declaration would show it: `optional int32`, `map<string, Tag>`."""
    if isinstance(field.type, MapType):
        return f"map<{_name(field.type.key)}, {_name(field.type.value)}>"
    prefix = {FieldLabel.OPTIONAL: "optional ", FieldLabel.REPEATED: "repeated "}.get(field.label, "")
    return prefix + _name(field.type)


def _name(type_ref: TypeRef) -> str:
    if isinstance(type_ref, Scalar):
        return type_ref.value
    if isinstance(type_ref, MessageRef | EnumRef):
        return type_ref.full_name
    raise TypeError(type_ref)
