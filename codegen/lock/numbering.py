"""The lock stage: number a model draft with the lock, as one pure step.

`number(draft, lock, reporter)` returns the numbered `Api` and the lock to save; it changes
neither its inputs nor anything else. The rules:

- a field (or enum value) already in the lock keeps its number; a new one gets the next number
  above every number the message (enum) has ever used or reserved, skipping 19000-19999;
- one the lock knows but the document lacks is written as `reserved`, and stays in the lock;
- a oneof keeps the lock's name (a new one is `kind`, `kind_2`, ...), its members the lock's order;
- the lock's refinements apply: a scalar `type` or `map_key` of the same JSON shape, and which
  side of a streaming method streams.

Numbering never depends on the order of the document alone, so reordering, renaming or removing
properties can never move an existing field to another number. Problems are reported at their
pointer into the spec or into the lock file (`depot-ci.lock.json#/messages/...`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..diagnostics import Reporter, escape_pointer
from ..model import (
    Api,
    ApiDraft,
    DraftEnum,
    DraftField,
    DraftMessage,
    DraftPackage,
    Enum,
    EnumValue,
    Field,
    MapType,
    Message,
    Method,
    Oneof,
    ProtoPackage,
    Scalar,
    Service,
    StreamKind,
    TypeRef,
)
from .format import IMPLEMENTATION_RESERVED, REFINEMENTS, EnumLock, FieldLock, Lock, MessageLock, lock_pointer

__all__ = ["number"]


def number(draft: ApiDraft, lock: Lock, reporter: Reporter) -> tuple[Api, Lock]:
    """Number `draft` with `lock`; return the model and the lock to save (old entries kept, new ones added)."""
    _check_type_renames(draft, lock, reporter)
    numbering = _Numbering(lock, reporter)
    api = Api(
        title=draft.title,
        version=draft.version,
        description=draft.description,
        base_url=draft.base_url,
        packages=tuple(numbering.package(package) for package in draft.packages),
        source=draft.source,
        error_codes=draft.error_codes,
        path_prefix=draft.path_prefix,
    )
    new_lock = Lock(
        messages=dict(sorted({**lock.messages, **numbering.messages}.items())),
        enums=dict(sorted({**lock.enums, **numbering.enums}.items())),
        methods=lock.methods,
        source=lock.source,
    )
    return api, new_lock


class _Numbering:
    """One numbering run: the old lock (read only) and the entries it hands out (returned)."""

    def __init__(self, lock: Lock, reporter: Reporter) -> None:
        self._lock = lock
        self._reporter = reporter
        self.messages: dict[str, MessageLock] = {}
        self.enums: dict[str, EnumLock] = {}

    def package(self, draft: DraftPackage) -> ProtoPackage:
        return ProtoPackage(
            name=draft.name,
            services=tuple(self._service(service) for service in draft.services),
            messages=tuple(self._message(message) for message in draft.messages),
            enums=tuple(e for e in (self._enum(enum) for enum in draft.enums) if e is not None),
            imports=draft.imports,
        )

    def _service(self, service: Service) -> Service:
        return replace(service, methods=tuple(self._method(service.full_name, m) for m in service.methods))

    def _method(self, service: str, method: Method) -> Method:
        """The lock may say which side of a streaming method streams (never that a unary one streams),
        and how idempotent a method is (over what the document implies)."""
        key = f"{service}/{method.name}"
        entry = self._lock.methods.get(key)
        if entry is None:
            return method
        if entry.idempotency is not None:
            method = replace(method, idempotency=entry.idempotency)
        locked = entry.streaming
        if locked is None:
            return method
        if (locked is StreamKind.UNARY) != (method.stream is StreamKind.UNARY):
            self._reporter.error(
                lock_pointer(self._lock.source, "methods", key, "streaming"),
                f"the lock makes {key} {locked.value}, but the document's media types say "
                + ("it streams" if method.stream is StreamKind.SERVER else "it is unary"),
                "the lock may only say which side streams (server, client or bidi) of a method the document "
                "marks as streaming (application/connect+json, application/connect+proto, application/grpc*)",
            )
            return method
        return replace(method, stream=locked)

    def _message(self, draft: DraftMessage) -> Message:
        entry = self._lock.message(draft.full_name)
        where = lock_pointer(self._lock.source, "messages", draft.full_name)
        taken = {f.name for f in draft.fields} | {f.name for oneof in draft.oneofs for f in oneof.fields}
        members: list[tuple[str, DraftField]] = []
        oneof_names: list[str] = []
        for oneof in draft.oneofs:
            name = _oneof_name(entry, [f.name for f in oneof.fields], taken | set(oneof_names))
            oneof_names.append(name)
            # Members the lock lists come in its order (it decides the numbers of new ones); others follow.
            order = entry.oneofs.get(name, ())
            ordered = sorted(oneof.fields, key=lambda f: order.index(f.name) if f.name in order else len(order))
            members += [(name, f) for f in ordered]
        used = entry.used_numbers()
        locked: dict[str, FieldLock] = dict(entry.fields)
        fields: list[Field] = []
        drafted = [(None, f) for f in draft.fields] + members
        names = {f.name for _, f in drafted}
        # A document older than a declared rename still uses the earlier name: it gets the same number.
        earlier = {f.renamed_from: f for name, f in entry.fields.items() if f.renamed_from and name not in names}
        for name, renamed in entry.fields.items():
            if renamed.renamed_from in names and name in names:
                self._reporter.error(
                    f"{where}/fields/{escape_pointer(name)}/renamed_from",
                    f"{name!r} is declared renamed from {renamed.renamed_from!r}, but the document has both",
                    "remove the old property from the document, or the renamed_from from the lock",
                )
        for oneof_name, field in drafted:
            if field.name in entry.reserved_names:
                self._reporter.error(
                    field.location,
                    f"field name {field.name!r} is reserved in the lock",
                    f"a field of that name was removed before; rename the property, or delete the name "
                    f"from {where}/reserved",
                )
                continue
            known = locked.get(field.name)
            if known is None and field.name in earlier:
                known = FieldLock(earlier[field.name].number, earlier[field.name].type, earlier[field.name].map_key)
                locked[field.name] = known
            if known is None:
                known = FieldLock(_next_free(used, 1))
                used.add(known.number)
                locked[field.name] = known
            field_type = _refined(field, known, f"{where}/fields/{escape_pointer(field.name)}", self._reporter)
            fields.append(_numbered(field, known.number, field_type, oneof_name))
        present = {f.name for f in fields}
        in_use = {f.number for f in fields}
        # A renamed field's earlier name is gone, but its number is not: the new name carries it.
        gone = {name: f.number for name, f in locked.items() if name not in present}
        gone_numbers = {number for number in gone.values() if number not in in_use}
        oneofs = tuple(Oneof(name, tuple(f.name for f in fields if f.oneof == name)) for name in oneof_names)
        current = {o.name: o.field_names for o in oneofs}
        claimed = {member for names in current.values() for member in names}
        # Oneofs the document no longer has stay in the lock (for their names), minus the fields that now
        # belong to another oneof: a field listed in two oneofs would make the lock unreadable next time.
        stale = {
            name: kept
            for name, names in entry.oneofs.items()
            if name not in current and (kept := tuple(m for m in names if m not in claimed))
        }
        self.messages[draft.full_name] = MessageLock(
            fields=dict(sorted(locked.items())),
            oneofs=dict(sorted({**stale, **current}.items())),
            reserved_numbers=entry.reserved_numbers,
            reserved_names=entry.reserved_names,
            renamed_from=entry.renamed_from,
        )
        return Message(
            full_name=draft.full_name,
            name=draft.name,
            fields=tuple(fields),
            oneofs=oneofs,
            reserved_numbers=tuple(sorted(set(entry.reserved_numbers) | gone_numbers)),
            reserved_names=tuple(sorted(set(entry.reserved_names) | set(gone))),
            nested_messages=tuple(self._message(child) for child in draft.nested_messages),
            nested_enums=tuple(e for e in (self._enum(child) for child in draft.nested_enums) if e is not None),
            description=draft.description,
            location=draft.location,
            rules=draft.rules,
        )

    def _enum(self, draft: DraftEnum) -> Enum | None:
        """Number enum values: the lock's numbers, else the first value 0 and the next above all used."""
        entry = self._lock.enum(draft.full_name)
        where = lock_pointer(self._lock.source, "enums", draft.full_name)
        values = dict(entry.values)
        documented = {v.name: v for v in draft.values if v.number is not None}
        # Numbers the document states are the proto's own: they win over the lock (which is updated).
        for value in documented.values():
            assert value.number is not None
            owner = next((n for n, k in values.items() if k == value.number and n != value.name), None)
            if value.number in entry.reserved_numbers or (owner is not None and owner not in documented):
                self._reporter.error(
                    value.number_location,
                    f"enum number {value.number} of {value.name!r} is "
                    + (f"the lock's number of {owner!r}" if owner else "reserved in the lock"),
                    f"a value with that number was removed before; delete the number from {where}",
                )
            elif value.name in values and values[value.name] != value.number:
                self._reporter.warning(
                    value.number_location,
                    f"the document numbers {value.name!r} {value.number}; the lock said {values[value.name]}",
                    f"the document's number is used and {where} is updated",
                )
            values[value.name] = value.number
        used = set(values.values()) | set(entry.reserved_numbers)
        numbered: list[EnumValue] = []
        names = {value.name for value in draft.values}
        # A document older than a declared rename still uses the earlier name: it gets the same number.
        earlier = {old: values[new] for new, old in entry.renamed_values.items() if new not in names and new in values}
        for new, old in entry.renamed_values.items():
            if new in names and old in names:
                self._reporter.error(
                    f"{where}/values/{escape_pointer(new)}/renamed_from",
                    f"{new!r} is declared renamed from {old!r}, but the document has both",
                    "remove the old value from the document, or the renamed_from from the lock",
                )
        for value in draft.values:
            if value.name in entry.reserved_names:
                self._reporter.error(
                    value.location,
                    f"enum value name {value.name!r} is reserved in the lock",
                    f"a value of that name was removed before; rename it, or delete the name from {where}/reserved",
                )
                continue
            known = values.get(value.name, earlier.get(value.name))
            if known is None:
                known = max(used) + 1 if used else 0
                used.add(known)
                values[value.name] = known
            numbered.append(EnumValue(value.name, known, value.description, value.location))
        if not numbered:
            self._reporter.error(
                draft.location + "/enum", "an enum needs at least one value", "list the proto value names in `enum`"
            )
            return None
        numbered.sort(key=lambda v: v.number)
        if numbered[0].number != 0:
            self._reporter.error(
                draft.location + "/enum",
                "no value of this enum has number 0, which proto3 requires",
                "a closed (editions) enum that starts at 1 has no proto3 form: add a zero value to the proto"
                if documented
                else f"assign 0 to a value in {where}",
            )
        self.enums[draft.full_name] = EnumLock(
            dict(sorted(values.items())),
            entry.reserved_numbers,
            entry.reserved_names,
            entry.renamed_values,
            entry.renamed_from,
        )
        present = {v.name for v in numbered}
        in_use = {v.number for v in numbered}
        gone = {name: n for name, n in values.items() if name not in present and n not in in_use}
        gone_names = {name for name in values if name not in present}
        return Enum(
            full_name=draft.full_name,
            name=draft.name,
            values=tuple(numbered),
            reserved_numbers=tuple(sorted(set(entry.reserved_numbers) | set(gone.values()))),
            reserved_names=tuple(sorted(set(entry.reserved_names) | gone_names)),
            description=draft.description,
            location=draft.location,
        )


def _check_type_renames(draft: ApiDraft, lock: Lock, reporter: Reporter) -> None:
    """A message or enum declared renamed from another cannot appear next to it in one document."""
    names: set[str] = set()

    def walk(messages: Sequence[DraftMessage]) -> None:
        for message in messages:
            names.add(message.full_name)
            names.update(e.full_name for e in message.nested_enums)
            walk(message.nested_messages)

    for package in draft.packages:
        walk(package.messages)
        names.update(e.full_name for e in package.enums)
    for section, entries in (("messages", lock.messages), ("enums", lock.enums)):
        for name, entry in entries.items():
            if entry.renamed_from in names and name in names:
                reporter.error(
                    lock_pointer(lock.source, section, name, "renamed_from"),
                    f"{name!r} is declared renamed from {entry.renamed_from!r}, but the document has both",
                    "remove the old component from the document, or the renamed_from from the lock",
                )


def _oneof_name(entry: MessageLock, members: Sequence[str], taken: set[str]) -> str:
    """The lock's name for a oneof with these members, else `kind` (`kind_2`, ... for several)."""
    for name, locked in entry.oneofs.items():
        if name not in taken and set(locked) & set(members):
            return name
    name, counter = "kind", 1
    while name in taken:
        counter += 1
        name = f"kind_{counter}"
    return name


def _next_free(used: set[int], lowest: int) -> int:
    number = max(used, default=lowest - 1) + 1
    if number in IMPLEMENTATION_RESERVED:
        number = IMPLEMENTATION_RESERVED.stop
    return max(number, lowest)


def _numbered(draft: DraftField, number: int, field_type: TypeRef | MapType, oneof: str | None) -> Field:
    return Field(
        name=draft.name,
        json_name=draft.json_name,
        number=number,
        type=field_type,
        label=draft.label,
        oneof=oneof,
        required=draft.required,
        deprecated=draft.deprecated,
        description=draft.description,
        location=draft.location,
        constraints=draft.constraints,
    )


def _refined(draft: DraftField, known: FieldLock, spot: str, reporter: Reporter) -> TypeRef | MapType:
    """Apply the lock's type and map-key refinements, refusing ones that change the JSON shape.

    Without a lock refinement, the `(proto <type>)` annotation of `with-proto-annotations` refines the type
    (the type rules checked it has the same JSON shape).
    """
    field_type = draft.type
    if known.type is None and draft.annotated is not None:
        field_type = replace(field_type, value=draft.annotated) if isinstance(field_type, MapType) else draft.annotated
    if known.type is not None:
        base = field_type.value if isinstance(field_type, MapType) else field_type
        if not isinstance(base, Scalar) or known.type not in REFINEMENTS.get(base, frozenset()):
            shown = base.value if isinstance(base, Scalar) else "a message or enum"
            reporter.error(
                spot + "/type",
                f"the lock makes {draft.name!r} a {known.type.value}, but the document says {shown}",
                "a refinement may only change the wire encoding: int64 -> uint64/sint64/fixed64/sfixed64, "
                "int32 -> sint32/sfixed32, uint32 -> fixed32",
            )
        elif isinstance(field_type, MapType):
            field_type = replace(field_type, value=known.type)
        else:
            field_type = known.type
    if known.map_key is not None:
        if not isinstance(field_type, MapType):
            reporter.error(spot + "/map_key", f"{draft.name!r} is not a map field", "remove map_key")
        else:
            field_type = replace(field_type, key=known.map_key)
    return field_type
