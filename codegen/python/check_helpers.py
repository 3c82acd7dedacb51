"""Fixed code of the generated check functions: value tests for the document's rules (see `helpers.py`).

Copied into generated connect modules by name, like `helpers.py`: the ECMA-262 `pattern` translation,
the JSON Schema `format` tests, the base64 length of `bytes`, uniqueness, and the "exactly one of" /
"at least one of" message rule. `codegen/python/rules.py` also imports `_regex` to refuse, at render
time, a pattern Python cannot run.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from ipaddress import ip_address
from re import ASCII, Pattern
from re import compile as compile_regex
from urllib.parse import urlsplit
from uuid import UUID

# == checks: the value rules of the generated check functions (JSON Schema keywords of the document) ==
_NAMED_GROUP = compile_regex(r"\(\?<(?![=!])")


@cache
def _regex(pattern: str) -> Pattern[str]:
    """Compile `pattern`, an ECMA-262 regular expression (the dialect of JSON Schema), for Python's `re`.

    Outside character classes `$` becomes `\\Z` (ECMA-262's `$` matches only at the very end, Python's
    also before a final newline) and `(?<name>` becomes `(?P<name>`; `ASCII` keeps `\\d`, `\\w` and
    `\\b` ASCII-only as in ECMA-262. Raises re.error when the pattern is not one Python can run.
    """
    translated: list[str] = []
    escaped = in_class = False
    for char in _NAMED_GROUP.sub("(?P<", pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "$":
            char = "\\Z"
        translated.append(char)
    return compile_regex("".join(translated), ASCII)


def _matches(pattern: str, text: str) -> bool:
    """True when the ECMA-262 `pattern` matches somewhere in `text` (JSON Schema's `pattern` is not anchored)."""
    return _regex(pattern).search(text) is not None


_EMAIL = compile_regex(r"[^@\s]+@[^@\s]+", ASCII)
_HOSTNAME = compile_regex(
    r"(?=.{1,253}\Z)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?",
    ASCII,
)


def _is_format(name: str, text: str) -> bool:
    """True when `text` is a value of the JSON Schema `format` called `name`.

    `name` is one of email, hostname, ipv4, ipv6, ip, uuid, uri (absolute: it has a scheme) and
    uri-reference; the render stage emits no check for other formats.
    """
    if name == "email":
        return _EMAIL.fullmatch(text) is not None and _is_format("hostname", text.rpartition("@")[2])
    if name == "hostname":
        return _HOSTNAME.fullmatch(text) is not None
    if name in ("ipv4", "ipv6", "ip"):
        try:
            address = ip_address(text)
        except ValueError:
            return False
        return name == "ip" or address.version == int(name[-1])
    if name == "uuid":
        try:
            return len(text) == 36 and str(UUID(text)) == text.lower()
        except ValueError:
            return False
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    return name == "uri-reference" or bool(parts.scheme)


def _base64_length(data: bytes) -> int:
    """The number of characters of `data` in protobuf JSON (padded base64), which JSON Schema lengths count."""
    return 4 * ((len(data) + 2) // 3)


def _is_unique(items: Iterable[object]) -> bool:
    """True when no two of `items` are equal (messages, which cannot be hashed, compare by value)."""
    values = list(items)
    try:
        return len(set(values)) == len(values)
    except TypeError:
        return all(value not in values[:index] for index, value in enumerate(values))


def _check_one_of(path: str, fields: Mapping[str, bool], problems: list[str], *, exactly: bool) -> None:
    """Report when not exactly one (`exactly`), or none, of `fields` ({JSON name: is set}) is set."""
    chosen = [path + name for name, is_set in fields.items() if is_set]
    if chosen and not (exactly and len(chosen) > 1):
        return
    names = ", ".join(path + name for name in fields)
    found = f"{', '.join(chosen)} are" if chosen else "none is"
    problems.append(f"{'exactly' if exactly else 'at least'} one of {names} must be set ({found})")
