"""The runtime of the generated protobuf-JSON functions (`templates/_json_codec.py.jinja`).

Copied into generated connect modules by name, like `helpers.py`, whose `_JSONCodec` calls
`_json_text` and `_json_parse`. The generated encoders write JSON text directly; the generated
decoders read a parsed JSON object and raise `_JSONFallback` at anything they do not read exactly
as `json_format` does, and `_json_parse` then lets `json_format.Parse` read the whole body.
"""

from __future__ import annotations

from base64 import b64encode, urlsafe_b64decode
from collections.abc import Callable, Mapping
from json import dumps, loads
from json.encoder import encode_basestring
from math import copysign, isfinite
from re import compile as re_compile
from typing import Any, TypeVar

from google.protobuf.internal.type_checkers import ToShortestFloat
from google.protobuf.json_format import MessageToDict, Parse, ParseDict
from google.protobuf.message import Message

# == head: module constants, placed right after `__all__` ==
_JSON_CODECS: dict[type[Message], tuple[Callable[[Any], str], Callable[[dict[str, Any], Any, int], None]]] = {}
"""{message class: (encode, decode)}: the generated protobuf-JSON functions, filled in below them."""
_JSON_MESSAGE = TypeVar("_JSON_MESSAGE", bound=Message)


# == json: the generated protobuf-JSON functions' runtime, used by _JSONCodec ==
class _JSONFallback(Exception):  # noqa: N818 (a signal, not an error)
    """The specialised decoder met something only json_format may judge: parse the whole body with it."""


_JSON_MAX_DEPTH = 100
"""json_format's default `max_recursion_depth`: a message nested deeper is refused."""
_JSON_SURROGATE = re_compile("[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]")
"""An unpaired UTF-16 surrogate, which json_format refuses in strings (its own pattern)."""
_JSON_EXTENSION = re_compile(r"\[[a-zA-Z0-9\._]*\]$")
"""A key naming an extension, which json_format refuses even when it ignores unknown fields."""
_JSON_ABSENT: Any = object()
"""A key the object does not have (`None` is a JSON null)."""
_JSON_FLOAT_MAX = float.fromhex("0x1.fffffep+127")
_JSON_DECIMAL = re_compile(r"-?[0-9]+")


def _json_text(message: Message) -> str:
    """The compact protobuf JSON of `message`, exactly as `json.dumps(MessageToDict(message))` writes it."""
    functions = _JSON_CODECS.get(type(message))
    return _json_out_message(message) if functions is None else functions[0](message)


def _json_parse(text: str, message_class: type[_JSON_MESSAGE]) -> _JSON_MESSAGE:
    """Parse the protobuf JSON `text` (a JSON object) into a new `message_class`.

    The generated decoder takes what json_format takes with the same result; whatever it does not
    handle itself (a wrong type, a number out of range, an unknown enum name, a duplicate key, ...)
    is parsed again by `json_format.Parse`, so acceptance and errors (`ParseError` naming the
    field) are json_format's own.
    """
    functions = _JSON_CODECS.get(message_class)
    if functions is not None:
        try:
            message = message_class()
            functions[1](loads(text, object_pairs_hook=_json_pairs), message, 1)
        except Exception:  # noqa: BLE001, S110 (json_format below parses it again and says what is wrong)
            pass
        else:
            return message
    message = message_class()
    Parse(text, message, ignore_unknown_fields=True)
    return message


def _json_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object; json_format refuses one that repeats a key."""
    found = dict(pairs)
    if len(found) != len(pairs):
        raise _JSONFallback
    return found


def _json_unknown(data: dict[str, Any]) -> None:
    """Check the keys of an object that are not fields of its message: json_format ignores them, but for extensions."""
    if any(_JSON_EXTENSION.match(key) for key in data):
        raise _JSONFallback


def _json_string(value: Any) -> str:
    """A JSON string for a `string` field."""
    if type(value) is str and (value.isascii() or not _JSON_SURROGATE.search(value)):
        return value
    raise _JSONFallback


def _json_bool(value: Any) -> bool:
    """A JSON `true` or `false` for a `bool` field."""
    if type(value) is bool:
        return value
    raise _JSONFallback


def _json_key_bool(value: str) -> bool:
    """A map key of a `bool`-keyed map."""
    if value == "true":
        return True
    if value == "false":
        return False
    raise _JSONFallback


def _json_integer(value: Any, low: int, high: int) -> int:
    """A JSON integer, or a string of decimal digits, within [low, high]."""
    if type(value) is int:
        number = value
    elif type(value) is str and _JSON_DECIMAL.fullmatch(value):
        number = int(value)
    else:
        raise _JSONFallback
    if low <= number <= high:
        return number
    raise _JSONFallback


def _json_double(value: Any) -> float:
    """A finite JSON number, or "NaN", "Infinity" or "-Infinity", for a `double` field."""
    if type(value) is float and isfinite(value):
        return value
    if type(value) is int and -(2**53) <= value <= 2**53:
        return float(value)
    if value == "NaN" or value == "Infinity" or value == "-Infinity":
        return float(value)
    raise _JSONFallback


def _json_float(value: Any) -> float:
    """A JSON number within the range of a `float` field, or "NaN", "Infinity" or "-Infinity"."""
    number = _json_double(value)
    if type(value) is str or -_JSON_FLOAT_MAX <= number <= _JSON_FLOAT_MAX:
        return number
    raise _JSONFallback


def _json_bytes(value: Any) -> bytes:
    """Base64 (standard or URL-safe alphabet, padding optional) for a `bytes` field, as json_format reads it."""
    if type(value) is not str:
        raise _JSONFallback
    encoded = value.encode("utf-8")
    return urlsafe_b64decode(encoded + b"=" * (4 - len(encoded) % 4))


def _json_enum(value: Any, numbers: Mapping[str, int]) -> Any:
    """An enum value by name, or any number (proto3 enums are open) -> its number (Any: the field's enum type)."""
    if type(value) is int and -(2**31) <= value < 2**31:
        return value
    number = numbers.get(value) if type(value) is str else None
    if number is None:
        raise _JSONFallback
    return number


def _json_list(value: Any) -> list[Any]:
    """A JSON array for a repeated field."""
    if type(value) is list:
        return value
    raise _JSONFallback


def _json_dict(value: Any) -> dict[str, Any]:
    """A JSON object for a message or map field."""
    if type(value) is dict:
        return value
    raise _JSONFallback


def _json_wkt(value: Any, message: Message, depth: int) -> None:
    """Parse a well-known type's JSON (Timestamp, Struct, ...) with json_format, at nesting `depth`."""
    if value is None:
        raise _JSONFallback
    ParseDict(value, message, ignore_unknown_fields=True, max_recursion_depth=_JSON_MAX_DEPTH + 1 - depth)


def _json_float_set(value: float) -> bool:
    """Whether a `float` or `double` field without presence is set: not 0.0 (-0.0 is set)."""
    return value != 0.0 or copysign(1.0, value) < 0.0


def _json_out_double(value: float) -> str:
    """The JSON text of a `double`: a number, or "NaN", "Infinity", "-Infinity" (strings)."""
    if isfinite(value):
        return repr(value)
    if value != value:
        return '"NaN"'
    return '"Infinity"' if value > 0 else '"-Infinity"'


def _json_out_float(value: float) -> str:
    """The JSON text of a `float`: the shortest decimal that reads back the same 32-bit float."""
    if isfinite(value):
        return repr(float(ToShortestFloat(value)))
    return _json_out_double(value)


def _json_out_bytes(value: bytes) -> str:
    """The JSON text of a `bytes` value: a string of standard base64, padded."""
    return '"' + b64encode(value).decode("ascii") + '"'


def _json_out_message(message: Message) -> str:
    """The JSON text of a message without generated functions (well-known types), written by json_format."""
    return dumps(MessageToDict(message), separators=(",", ":"), ensure_ascii=False)
