"""Value rules of the generated check functions: a field's `Constraints` as the tests the server runs.

The document's JSON Schema keywords (`minLength`, `pattern`, `enum`, `minimum`, `minItems`, ...)
judge a request's protobuf JSON form, so they are enforced as JSON Schema defines them there:

- a keyword applies to the JSON type it is about (lengths and `pattern` to strings, bounds to
  numbers, item counts to arrays and objects) and is ignored on a field of another type, except
  that bounds and allowed values apply to 64-bit integers, which protobuf JSON writes as strings;
- lengths count Unicode code points (Python's `len` of a `str`); a `bytes` field is counted in the
  padded base64 characters protobuf JSON writes;
- `pattern` is an ECMA-262 expression matched anywhere in the text (translated for Python's `re`
  by `helpers._regex`; a pattern Python cannot run stops the render at the field's pointer);
- `enum` on an enum field lists value names (or numbers); on a scalar, values of its JSON type.

A field protobuf JSON leaves out (implicit presence at its zero value, an empty list or map, an
unset optional or message field) is absent: only `required` and message rules apply to it, as
JSON Schema applies value keywords only to properties that are there. List elements and map
values are always present.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass

from ..diagnostics import Reporter
from ..model import Api, Constraints, ConstraintValue, EnumRef, Field, FieldLabel, MapType, Message, Scalar
from .check_helpers import _regex
from .source import py_str

__all__ = ["FORMATS", "ValueRule", "check_constraints", "field_value_rules", "item_rules", "value_rules"]

FORMATS = {
    "email": "an email address",
    "hostname": "a host name",
    "ip": "an IP address",
    "ipv4": "an IPv4 address",
    "ipv6": "an IPv6 address",
    "uri": "an absolute URI",
    "uri-reference": "a URI reference",
    "uuid": "a UUID",
}
"""The `format` values the servers enforce, with how a problem names them; others are not checked."""

_INTEGERS = frozenset(
    {
        Scalar.INT32,
        Scalar.INT64,
        Scalar.UINT32,
        Scalar.UINT64,
        Scalar.SINT32,
        Scalar.SINT64,
        Scalar.FIXED32,
        Scalar.FIXED64,
        Scalar.SFIXED32,
        Scalar.SFIXED64,
    }
)


@dataclass(frozen=True, slots=True)
class ValueRule:
    """One test of a value: when `kind` fails for `operand`, the problem is the field's path + `problem`.

    kinds: `min_length`, `max_length`, `min_base64`, `max_base64` (bytes), `pattern`, `format`,
    `minimum`, `maximum`, `exclusive_minimum`, `exclusive_maximum`, `allowed`, `disallowed`,
    `min_items`, `max_items`, `unique`.
    """

    kind: str
    operand: str
    """A Python literal: a count or bound, a string, or a tuple of allowed values."""
    problem: str
    """What the problem says after the field's path: ` must be at least 3 characters`."""
    items: tuple[str, ...] = ()
    """For `allowed` and `disallowed`: the Python literals of the values (`operand` is their tuple)."""


class _Unusable(ValueError):
    """A constraint value that no value of the field's type can equal."""


def _value_type(field: Field) -> Scalar | EnumRef | None:
    """The scalar or enum a (list element or map value of a) field holds; None for messages."""
    value = field.type.value if isinstance(field.type, MapType) else field.type
    return value if isinstance(value, Scalar | EnumRef) else None


def _literal(value: ConstraintValue | bytes) -> str:
    if isinstance(value, str):
        return py_str(value)
    return repr(value)


def _shown(value: ConstraintValue) -> str:
    """A value as the document (JSON) writes it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return py_str(value)
    return repr(value)


def _coerce(value: ConstraintValue, kind: Scalar | EnumRef, api: Api) -> tuple[ConstraintValue | bytes, str]:
    """(the value as the Python field holds it, how a problem shows it); _Unusable when it cannot be one."""
    if isinstance(kind, EnumRef):
        enum = api.enum(kind.full_name)
        for candidate in enum.values:
            if value == candidate.name or (type(value) is int and value == candidate.number):
                return candidate.number, candidate.name
        raise _Unusable(f"{_shown(value)} is not a value of the enum {kind.full_name}")
    if kind is Scalar.BOOL:
        if isinstance(value, bool):
            return value, _shown(value)
    elif kind in _INTEGERS:
        if isinstance(value, float) and value.is_integer():
            return int(value), _shown(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return value, _shown(value)
        if isinstance(value, str) and kind.is_64_bit and re.fullmatch(r"-?\d+", value):
            return int(value), value
    elif kind in (Scalar.DOUBLE, Scalar.FLOAT):
        if isinstance(value, int | float) and not isinstance(value, bool):
            return value, _shown(value)
    elif kind is Scalar.STRING:
        if isinstance(value, str):
            return value, _shown(value)
    elif isinstance(value, str):  # bytes: protobuf JSON writes base64, either alphabet
        try:
            decoded = base64.b64decode(value.replace("-", "+").replace("_", "/") + "==", validate=True)
        except (binascii.Error, ValueError):
            pass
        else:
            return decoded, _shown(value)
    raise _Unusable(f"{_shown(value)} is not a {kind.value} value")


def _listed(name: str, values: tuple[ConstraintValue, ...], kind: Scalar | EnumRef, api: Api) -> ValueRule:
    """The `allowed` or `disallowed` rule (`name`) of `values`."""
    coerced = [_coerce(value, kind, api) for value in values]
    items = tuple(_literal(value) for value, _ in coerced)
    literal = "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
    shown = ("one of " if len(items) > 1 else "") + ", ".join(shown for _, shown in coerced)
    return ValueRule(name, literal, (" must be " if name == "allowed" else " must not be ") + shown, items)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun if count == 1 else noun.removesuffix('y') + 'ies' if noun.endswith('y') else noun + 's'}"


def value_rules(constraints: Constraints, kind: Scalar | EnumRef | None, api: Api) -> tuple[ValueRule, ...]:
    """The tests of one value of type `kind` (a field's, or each element's of a list or map).

    Raises _Unusable (a ValueError) when an allowed or rejected value cannot be of the type, and
    re.error when Python cannot compile the pattern.
    """
    if kind is None:
        return ()
    rules: list[ValueRule] = []
    text = kind is Scalar.STRING
    length = "length" if text else "base64"
    if text or kind is Scalar.BYTES:
        unit = "character" if text else "base64 character"
        if constraints.min_length is not None:
            count = constraints.min_length
            rules.append(ValueRule(f"min_{length}", str(count), f" must be at least {_plural(count, unit)}"))
        if constraints.max_length is not None:
            count = constraints.max_length
            rules.append(ValueRule(f"max_{length}", str(count), f" must be at most {_plural(count, unit)}"))
    if text and constraints.pattern is not None:
        _regex(constraints.pattern)
        shown = f" must match the pattern {constraints.pattern}"
        rules.append(ValueRule("pattern", py_str(constraints.pattern), shown))
    if text and constraints.format in FORMATS:
        rules.append(ValueRule("format", py_str(constraints.format), f" must be {FORMATS[constraints.format]}"))
    if kind in _INTEGERS or kind in (Scalar.DOUBLE, Scalar.FLOAT):
        bounds = (
            ("minimum", constraints.minimum, "at least"),
            ("exclusive_minimum", constraints.exclusive_minimum, "greater than"),
            ("maximum", constraints.maximum, "at most"),
            ("exclusive_maximum", constraints.exclusive_maximum, "less than"),
        )
        rules.extend(
            ValueRule(name, repr(bound), f" must be {words} {_shown(bound)}")
            for name, bound, words in bounds
            if bound is not None
        )
    if constraints.allowed:
        rules.append(_listed("allowed", constraints.allowed, kind, api))
    if constraints.disallowed:
        rules.append(_listed("disallowed", constraints.disallowed, kind, api))
    return tuple(rules)


def item_rules(field: Field) -> tuple[ValueRule, ...]:
    """The tests of a repeated or map field as a whole: how many items, and whether they are unique."""
    constraints = field.constraints
    noun = "entry" if isinstance(field.type, MapType) else "item"
    rules: list[ValueRule] = []
    if constraints.min_items is not None:
        count = constraints.min_items
        rules.append(ValueRule("min_items", str(count), f" must have at least {_plural(count, noun)}"))
    if constraints.max_items is not None:
        count = constraints.max_items
        rules.append(ValueRule("max_items", str(count), f" must have at most {_plural(count, noun)}"))
    if constraints.unique_items and not isinstance(field.type, MapType):
        rules.append(ValueRule("unique", "", " must not hold the same item twice"))
    return tuple(rules)


def field_value_rules(field: Field, api: Api) -> tuple[ValueRule, ...]:
    """The tests of a singular field's value, or of each element (map value) of a repeated or map field."""
    repeated = field.label is FieldLabel.REPEATED or isinstance(field.type, MapType)
    constraints = field.constraints.items if repeated else field.constraints
    return value_rules(constraints, _value_type(field), api) if constraints is not None else ()


def check_constraints(api: Api, messages: dict[str, Message], names: set[str], reporter: Reporter) -> None:
    """Report, at the field's pointer, every constraint of the messages `names` the servers could not run."""
    for full_name in sorted(names):
        message = messages[full_name]
        fields = {field.name for field in message.fields}
        for field in message.fields:
            try:
                field_value_rules(field, api)
            except re.error as exc:
                reporter.error(
                    field.location,
                    f"the pattern {field.constraints.pattern or ''!r} of {field.json_name} cannot be run by "
                    f"Python's re: {exc}",
                    "rewrite it with the ECMA-262 syntax both dialects share (no \\p{...}, \\cX or lookbehind "
                    "quirks), or drop it",
                )
            except (ValueError, KeyError) as exc:
                reporter.error(
                    field.location,
                    f"{field.json_name} can never satisfy its schema: {exc}",
                    "fix the property's `enum` (or `not: {enum}`) so its values have the property's type",
                )
        for rule in message.rules:
            unknown = [name for name in rule.fields if name not in fields]
            if unknown:
                reporter.error(
                    rule.location,
                    f"the rule {rule.kind.value} {', '.join(rule.fields)} names {', '.join(unknown)}, which "
                    f"{message.full_name} does not have",
                    "list only the message's own properties in the `required` entries",
                )
