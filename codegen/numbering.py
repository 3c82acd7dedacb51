"""Field and enum value numbers: honour the lock, hand out new numbers above everything ever used.

Numbering never depends on the order of the document alone, so reordering, renaming or removing
properties can never move an existing field to another number.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from .diagnostics import Diagnostic, Severity, escape_pointer
from .lock import IMPLEMENTATION_RESERVED, REFINEMENTS, EnumLock, FieldLock, MessageLock
from .model import EnumValue, Field, FieldLabel, MapType, Oneof, Scalar, TypeRef

__all__ = ["DraftField", "DraftValue", "NumberedEnum", "NumberedMessage", "number_enum", "number_message"]

Report = Callable[[Diagnostic], None]


@dataclass(frozen=True, slots=True)
class DraftField:
    """A field before it has a number; `oneof` names the group it belongs to, if any."""

    name: str
    json_name: str
    type: TypeRef | MapType
    label: FieldLabel
    oneof: str | None
    required: bool
    deprecated: bool
    description: str
    location: str


@dataclass(frozen=True, slots=True)
class DraftValue:
    """An enum value before it has a number."""

    name: str
    description: str


@dataclass(frozen=True, slots=True)
class NumberedMessage:
    """The numbered fields of a message and what the lock now records for it."""

    fields: tuple[Field, ...]
    oneofs: tuple[Oneof, ...]
    reserved_numbers: tuple[int, ...]
    reserved_names: tuple[str, ...]
    lock: MessageLock


@dataclass(frozen=True, slots=True)
class NumberedEnum:
    """The numbered values of an enum and what the lock now records for it."""

    values: tuple[EnumValue, ...]
    reserved_numbers: tuple[int, ...]
    reserved_names: tuple[str, ...]
    lock: EnumLock


def _next_free(used: set[int], lowest: int) -> int:
    number = max(used, default=lowest - 1) + 1
    if number in IMPLEMENTATION_RESERVED:
        number = IMPLEMENTATION_RESERVED.stop
    return max(number, lowest)


def number_message(
    drafts: Sequence[DraftField],
    oneof_names: Sequence[str],
    entry: MessageLock,
    lock_location: str,
    report: Report,
) -> NumberedMessage:
    """Give every draft field its number; fields the lock knows but the document lacks become reserved."""
    used = entry.used_numbers()
    locked: dict[str, FieldLock] = dict(entry.fields)
    fields: list[Field] = []
    for draft in drafts:
        spot = f"{lock_location}/fields/{escape_pointer(draft.name)}"
        if draft.name in entry.reserved_names:
            report(
                Diagnostic(
                    Severity.ERROR,
                    draft.location,
                    f"field name {draft.name!r} is reserved in the lock",
                    f"a field of that name was removed before; rename the property, or delete the name "
                    f"from {lock_location}/reserved",
                )
            )
            continue
        known = locked.get(draft.name)
        if known is None:
            known = FieldLock(_next_free(used, 1))
            used.add(known.number)
            locked[draft.name] = known
        field_type = _refined(draft, known, spot, report)
        fields.append(
            Field(
                name=draft.name,
                json_name=draft.json_name,
                number=known.number,
                type=field_type,
                label=draft.label,
                oneof=draft.oneof,
                required=draft.required,
                deprecated=draft.deprecated,
                description=draft.description,
                location=draft.location,
            )
        )
    present = {f.name for f in fields}
    gone = {name: f.number for name, f in locked.items() if name not in present}
    oneofs = tuple(Oneof(name, tuple(f.name for f in fields if f.oneof == name)) for name in oneof_names)
    current = {o.name: o.field_names for o in oneofs}
    claimed = {member for members in current.values() for member in members}
    # Oneofs the document no longer has stay in the lock (for their names), minus the fields that now
    # belong to another oneof: a field listed in two oneofs would make the lock unreadable next time.
    stale = {
        name: kept
        for name, members in entry.oneofs.items()
        if name not in current and (kept := tuple(m for m in members if m not in claimed))
    }
    new_entry = MessageLock(
        fields=dict(sorted(locked.items())),
        oneofs=dict(sorted({**stale, **current}.items())),
        reserved_numbers=entry.reserved_numbers,
        reserved_names=entry.reserved_names,
    )
    return NumberedMessage(
        fields=tuple(fields),
        oneofs=oneofs,
        reserved_numbers=tuple(sorted(set(entry.reserved_numbers) | set(gone.values()))),
        reserved_names=tuple(sorted(set(entry.reserved_names) | set(gone))),
        lock=new_entry,
    )


def _refined(draft: DraftField, known: FieldLock, spot: str, report: Report) -> TypeRef | MapType:
    """Apply the lock's type and map-key refinements, refusing ones that change the JSON shape."""
    field_type = draft.type
    if known.type is not None:
        base = field_type.value if isinstance(field_type, MapType) else field_type
        if not isinstance(base, Scalar) or known.type not in REFINEMENTS.get(base, frozenset()):
            shown = base.value if isinstance(base, Scalar) else "a message or enum"
            report(
                Diagnostic(
                    Severity.ERROR,
                    spot + "/type",
                    f"the lock makes {draft.name!r} a {known.type.value}, but the document says {shown}",
                    "a refinement may only change the wire encoding: int64 -> uint64/sint64/fixed64/sfixed64, "
                    "int32 -> sint32/sfixed32, uint32 -> fixed32",
                )
            )
        elif isinstance(field_type, MapType):
            field_type = replace(field_type, value=known.type)
        else:
            field_type = known.type
    if known.map_key is not None:
        if not isinstance(field_type, MapType):
            report(
                Diagnostic(Severity.ERROR, spot + "/map_key", f"{draft.name!r} is not a map field", "remove map_key")
            )
        else:
            field_type = replace(field_type, key=known.map_key)
    return field_type


def number_enum(drafts: Sequence[DraftValue], entry: EnumLock) -> NumberedEnum:
    """Number enum values: the lock's numbers, else the first value 0 and the next above all used."""
    used = set(entry.values.values()) | set(entry.reserved_numbers)
    values = dict(entry.values)
    numbered: list[EnumValue] = []
    for draft in drafts:
        number = values.get(draft.name)
        if number is None:
            number = max(used) + 1 if used else 0
            used.add(number)
            values[draft.name] = number
        numbered.append(EnumValue(draft.name, number, draft.description))
    present = {v.name for v in numbered}
    gone = {name: number for name, number in values.items() if name not in present}
    return NumberedEnum(
        values=tuple(sorted(numbered, key=lambda v: v.number)),
        reserved_numbers=tuple(sorted(set(entry.reserved_numbers) | set(gone.values()))),
        reserved_names=tuple(sorted(set(entry.reserved_names) | set(gone))),
        lock=EnumLock(dict(sorted(values.items())), entry.reserved_numbers, entry.reserved_names),
    )
