"""The shared state of one comparison: both APIs, both documents, the declared renames, and the
type lookups every part of the diff needs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..model import Api, Enum, MapType, Message, MessageRef, Scalar, Service, TypeRef
from .changes import Break, Change, Renames

__all__ = ["Context", "all_enums", "all_messages", "all_services", "pair_by_name"]


def all_messages(api: Api) -> dict[str, Message]:
    """Every message of `api`, nested ones included, by full name (declaration order)."""
    found: dict[str, Message] = {}

    def walk(messages: tuple[Message, ...]) -> None:
        for message in messages:
            found[message.full_name] = message
            walk(message.nested_messages)

    for package in api.packages:
        walk(package.messages)
    return found


def all_enums(api: Api) -> dict[str, Enum]:
    """Every enum of `api`, nested ones included, by full name."""
    found = {e.full_name: e for package in api.packages for e in package.enums}
    for message in all_messages(api).values():
        found.update({e.full_name: e for e in message.nested_enums})
    return found


def all_services(api: Api) -> dict[str, Service]:
    """Every service of `api` by full name."""
    return {s.full_name: s for package in api.packages for s in package.services}


def pair_by_name(
    old: Mapping[str, Any], new: Mapping[str, Any], renames: Mapping[str, str]
) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """Pair old and new names: equal names first, then declared renames (new -> old) whose old name
    is gone and whose new name is new. Returns (pairs (old, new), removed old names, added new names)."""
    pairs = [(name, name) for name in new if name in old]
    taken_old = {name for name, _ in pairs}
    for name in new:
        previous = renames.get(name)
        if name not in old and previous is not None and previous in old and previous not in new:
            if previous not in taken_old:
                pairs.append((previous, name))
                taken_old.add(previous)
    paired_new = {n for _, n in pairs}
    removed = [name for name in old if name not in taken_old]
    added = [name for name in new if name not in paired_new]
    return pairs, removed, added


@dataclass
class Context:
    """Both sides of the comparison and the changes found so far."""

    old: Api
    new: Api
    old_document: Mapping[str, Any]
    new_document: Mapping[str, Any]
    renames: Renames
    lock_name: str
    changes: list[Change] = field(default_factory=list)
    type_renames: dict[str, str] = field(default_factory=dict)
    """Old full name -> new full name of every message and enum paired under another name."""

    def add(self, kind: str, subject: str, pointer: str, breaks: tuple[Break, ...] | set[Break], detail: str) -> None:
        """Record one change (breaks are put in `Break` order)."""
        ordered = tuple(b for b in Break if b in set(breaks))
        self.changes.append(Change(kind, subject, pointer, ordered, detail))

    def same_type(self, old: TypeRef, new: TypeRef) -> bool:
        """True when `old` and `new` name the same type, counting declared renames."""
        if isinstance(old, Scalar) or isinstance(new, Scalar):
            return old == new
        if type(old) is not type(new):
            return False
        return self.type_renames.get(old.full_name, old.full_name) == new.full_name

    def same_field_type(self, old: TypeRef | MapType, new: TypeRef | MapType) -> bool:
        """`same_type` for field types, maps included."""
        if isinstance(old, MapType) and isinstance(new, MapType):
            return old.key == new.key and self.same_type(old.value, new.value)
        if isinstance(old, MapType) or isinstance(new, MapType):
            return False
        return self.same_type(old, new)

    def request_messages(self) -> set[str]:
        """Full names of the new API's messages that travel in requests (method inputs and below)."""
        messages = all_messages(self.new)
        seen: set[str] = set()
        pending = [m.input.full_name for s in all_services(self.new).values() for m in s.methods]
        while pending:
            name = pending.pop()
            if name in seen or name not in messages:
                continue
            seen.add(name)
            for member in messages[name].fields:
                element = member.type.value if isinstance(member.type, MapType) else member.type
                if isinstance(element, MessageRef):
                    pending.append(element.full_name)
        return seen
