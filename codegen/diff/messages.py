"""Messages and their fields: added, removed, renamed, renumbered, retyped, relabelled, and the
rules (required, validation) the generated servers and other tools apply to them."""

from __future__ import annotations

import json

from ..diagnostics import escape_pointer
from ..model import Field, FieldLabel, Message
from .changes import Break
from .context import Context, all_messages, pair_by_name
from .document import validation_rules
from .types import describe, label_breaks, range_note, type_breaks

__all__ = ["compare_messages"]


def compare_messages(ctx: Context) -> None:
    """Add the changes of every message and field of `ctx.old` -> `ctx.new` to `ctx`."""
    old, new = all_messages(ctx.old), all_messages(ctx.new)
    pairs, removed, added = pair_by_name(old, new, ctx.renames.messages)
    for old_name, new_name in pairs:
        if old_name != new_name:
            ctx.type_renames[old_name] = new_name
    requests = ctx.request_messages()
    for old_name, new_name in pairs:
        if old_name != new_name:
            ctx.add(
                "message-renamed",
                new_name,
                new[new_name].location,
                {Break.PYTHON},
                f"renamed from {old_name}; the wire and JSON carry no message names, but Python code "
                f"that names the class {old[old_name].name} must change.",
            )
        _compare_fields(ctx, old[old_name], new[new_name], new_name in requests)
    for name in removed:
        ctx.add(
            "message-removed",
            name,
            old[name].location,
            {Break.PYTHON},
            f"the class {old[name].name} is gone from the Python package; fields and methods that used it "
            "are reported on their own.",
        )
    for name in added:
        ctx.add("message-added", name, new[name].location, (), "a new message.")


def _compare_fields(ctx: Context, old: Message, new: Message, is_request: bool) -> None:
    old_fields = {f.name: f for f in old.fields}
    new_fields = {f.name: f for f in new.fields}
    field_renames = {name: previous for (owner, name), previous in ctx.renames.fields.items() if owner == new.full_name}
    pairs, removed, added = pair_by_name(old_fields, new_fields, field_renames)
    for old_name, new_name in pairs:
        _compare_field(ctx, old_fields[old_name], new_fields[new_name], new, is_request)
    lock_spot = f"{ctx.lock_name}#/messages/{escape_pointer(new.full_name)}/fields"
    old_positions = {f.name: index for index, f in enumerate(old.fields)}
    new_positions = {f.name: index for index, f in enumerate(new.fields)}
    twins: dict[str, str] = {}
    for gone in removed:
        for came in added:
            a, b = old_fields[gone], new_fields[came]
            if (
                came not in twins.values()
                and old_positions[gone] == new_positions[came]
                and a.label is b.label
                and ctx.same_field_type(a.type, b.type)
            ):
                twins[gone] = came
                break
    for name in removed:
        _removed(ctx, old_fields[name], old, new, twins.get(name), lock_spot)
    for name in added:
        field = new_fields[name]
        subject = f"{new.full_name}.{name}"
        breaks: set[Break] = set()
        detail = f"new {describe(field)} field {field.json_name!r}, number {field.number} (the lock hands it out); "
        if field.required and is_request:
            breaks = {Break.WIRE, Break.JSON}
            detail += "it is required, so new servers refuse old clients' requests (invalid_argument)."
        else:
            detail += "old clients and servers skip it, new ones read the default from old peers."
        previous = next((gone for gone, came in twins.items() if came == name), None)
        if previous is not None:
            detail += f" It takes the place of the removed {previous!r}: see that change if this is a rename."
        ctx.add("field-added", subject, field.location, breaks, detail)


def _removed(ctx: Context, field: Field, old: Message, new: Message, twin: str | None, lock_spot: str) -> None:
    breaks = {Break.PYTHON}
    reserved = []
    if field.number in new.reserved_numbers:
        reserved.append(f"number {field.number}")
    else:
        breaks |= {Break.WIRE}
    if field.name in new.reserved_names:
        reserved.append(f"name {field.name!r}")
    else:
        breaks |= {Break.JSON}
    lock = f"the lock reserves {' and '.join(reserved)}" if reserved else "the lock does not reserve it"
    detail = (
        f"{describe(field)} field {field.json_name!r} (number {field.number}) is gone: old clients read the "
        f"default and what they send is ignored; {lock}."
    )
    if twin is not None:
        detail += (
            f" The new field {twin!r} has the same type and position; if it is this field renamed, declare "
            f"it in the lock to keep number {field.number} on the wire: set {lock_spot}/{escape_pointer(twin)} "
            f'to {{"renamed_from": "{field.name}"}} and regenerate (the rename then breaks only JSON and Python).'
        )
    ctx.add("field-removed", f"{old.full_name}.{field.name}", field.location, breaks, detail)


def _compare_field(ctx: Context, old: Field, new: Field, message: Message, is_request: bool) -> None:
    subject = f"{message.full_name}.{new.name}"
    where = new.location
    if old.name != new.name:
        breaks = {Break.PYTHON} | ({Break.JSON} if old.json_name != new.json_name else set())
        ctx.add(
            "field-renamed",
            subject,
            where,
            breaks,
            f"renamed from {old.name!r} (JSON {old.json_name!r} -> {new.json_name!r}); the lock keeps number "
            f"{new.number}, so binary clients and servers still agree; JSON peers of the other version drop "
            "the value, and Python code must use the new name.",
        )
    elif old.json_name != new.json_name:
        ctx.add(
            "field-json-name-changed",
            subject,
            where,
            {Break.JSON},
            f"JSON name {old.json_name!r} -> {new.json_name!r}; binary and Python are unaffected, JSON peers of "
            "the other version drop the value.",
        )
    if old.number != new.number:
        ctx.add(
            "field-renumbered",
            subject,
            where,
            {Break.WIRE},
            f"number {old.number} -> {new.number} (the lock was edited); binary peers of the other version "
            "no longer see the value.",
        )
    if not ctx.same_field_type(old.type, new.type) or (old.label is not new.label):
        breaks = set(type_breaks(old.type, new.type, ctx.same_type)) | set(label_breaks(old, new))
        kind = "field-retyped" if not ctx.same_field_type(old.type, new.type) else _label_kind(old, new)
        detail = f"{describe(old)} -> {describe(new)}; {_consequence(breaks)}{range_note(old.type, new.type)}"
        ctx.add(kind, subject, where, breaks, detail)
    if old.oneof != new.oneof:
        ctx.add(
            "field-oneof-changed",
            subject,
            where,
            {Break.WIRE, Break.JSON},
            f"oneof {old.oneof or '(none)'} -> {new.oneof or '(none)'}: setting another member now clears it "
            "(buf: FIELD_SAME_ONEOF).",
        )
    if old.required != new.required:
        if new.required and is_request:
            breaks, detail = {Break.WIRE, Break.JSON}, "new servers refuse old clients' requests that leave it empty."
        elif new.required:
            breaks, detail = set(), "the message is not part of a request, so nothing checks it."
        else:
            breaks, detail = set(), "new servers accept requests without it."
        kind = "field-made-required" if new.required else "field-no-longer-required"
        ctx.add(kind, subject, where, breaks, detail)
    old_rules = validation_rules(ctx.old_document, old.location)
    new_rules = validation_rules(ctx.new_document, new.location)
    if old_rules != new_rules:
        ctx.add(
            "field-validation-changed",
            subject,
            where,
            (),
            f"{_rules(old_rules)} -> {_rules(new_rules)}; the generated package does not enforce these "
            "keywords, but a server that does may refuse values old clients send.",
        )
    if old.deprecated != new.deprecated:
        ctx.add(
            "field-deprecated" if new.deprecated else "field-undeprecated",
            subject,
            where,
            (),
            "marked deprecated." if new.deprecated else "no longer deprecated.",
        )


def _label_kind(old: Field, new: Field) -> str:
    if new.is_map or old.is_map:
        return "field-map-changed"
    if FieldLabel.REPEATED in (old.label, new.label):
        return "field-repeated-changed"
    return "field-optional-changed"


def _consequence(breaks: set[Break]) -> str:
    if not breaks:
        return "both encodings read the old values and Python sees the same type."
    parts = []
    if Break.WIRE in breaks:
        parts.append("binary peers of the other version misread or drop the value")
    if Break.JSON in breaks:
        parts.append("JSON peers of the other version fail to parse or drop it")
    if Break.PYTHON in breaks:
        parts.append("Python code sees another type or shape")
    return "; ".join(parts) + "."


def _rules(rules: dict[str, object]) -> str:
    return json.dumps(rules, sort_keys=True) if rules else "{}"
