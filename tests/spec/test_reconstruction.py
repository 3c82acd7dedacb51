"""The one place that relates spec/depot-ci.openapi.json to the reference it was reconstructed from.

Depot publishes the CI API only as a rendered reference (spec/reconstruct/); our spec began as a
reconstruction of the unpublished artifact. The spec is the source of truth and may be edited
(README: "When the spec changes"). This check holds three things together while the
reconstruction matters, and when it fails it says the spec has moved on and how to retire it:

1. the reconstruction (build_spec.py run on the reference copy) says what the reference says,
   read independently of the builder's tables: every printed field, type, `required` marker,
   description, enum value, method and stream;
2. the committed spec has not moved away from the reconstruction in a way that breaks binary
   clients of the service the reference documents (`python -m codegen diff`, category `wire`);
   adding fields, methods or enum values, and removing or renaming fields, are fine;
3. the lock numbers the reference's fields in the reference's order, from 1 (enum values from 0),
   except the messages whose numbers the live service fixes otherwise (test_wire_facts.py).
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from codegen.diff import Break, diff_apis, render
from codegen.lock import load_lock
from codegen.openapi import load_data
from codegen.pipeline import to_model

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "spec" / "depot-ci.openapi.json"
LOCK_PATH = ROOT / "spec" / "depot-ci.lock.json"
BUILDER_PATH = ROOT / "spec" / "reconstruct" / "build_spec.py"
REFERENCE_PATH = ROOT / "spec" / "reconstruct" / "depot-ci-api-reference.txt"

PACKAGE = "depot.ci.v1"
SERVICE = f"{PACKAGE}.CIService"
SCHEMA_REF = "#/components/schemas/"
STREAM_MEDIA_TYPES = frozenset({"application/connect+json", "application/connect+proto"})
# Messages whose numbers the live service fixes otherwise (checked in tests/depot_service/test_wire_facts.py).
NUMBERED_BY_THE_SERVICE = frozenset(
    f"{PACKAGE}.{name}"
    for name in (
        "RunResponse",
        "RunRequest",
        "DispatchWorkflowRequest",
        "ListWorkflowsRequest",
        "ListWorkflowsResponse",
        "ExportJobAttemptLogsResponse",
    )
)

RETIRE = """\
spec/depot-ci.openapi.json has moved on from the reference it was reconstructed from
(spec/reconstruct/depot-ci-api-reference.txt):

{problems}

The spec is the source of truth. If it is right (Depot changed the API, or published its artifact),
this check has done its job: retire it by deleting tests/spec/test_reconstruction.py (and
spec/reconstruct/, unless you still want the reconstruction). If instead the reference copy was
updated, update spec/reconstruct/build_spec.py to match it. Do not rebuild the spec from the
reference to make this pass: that would discard every edit made to the spec."""

# How each type notation of the reference appears in the spec (the contract with the .proto
# converter): "integer" alone is uint32, "integer | string" is int64, "| null" is proto3 optional.
NOTATION_SCHEMAS: Mapping[str, Mapping[str, Any]] = {
    "string": {"type": "string"},
    "string | null": {"type": ["string", "null"]},
    "string<byte>": {"type": "string", "format": "byte"},
    "boolean": {"type": "boolean"},
    "integer": {"type": "integer"},
    "integer | null": {"type": ["integer", "null"]},
    "integer<int32>": {"type": "integer", "format": "int32"},
    "integer | string": {"type": ["integer", "string"], "format": "int64"},
    "integer | string | null": {"type": ["integer", "string", "null"], "format": "int64"},
    "number": {"type": "number", "format": "double"},
    "number | null": {"type": ["number", "null"], "format": "double"},
    "object<string, string>": {"type": "object", "additionalProperties": {"type": "string", "title": "value"}},
}
_DOCUMENTATION_KEYS = frozenset({"title", "description"})


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    module_spec = importlib.util.spec_from_file_location("depot_ci_build_spec", BUILDER_PATH)
    assert module_spec is not None and module_spec.loader is not None
    module = importlib.util.module_from_spec(module_spec)
    # dataclasses look their module up in sys.modules while the module executes.
    sys.modules[module_spec.name] = module
    module_spec.loader.exec_module(module)
    return module


# ---- 1. the reconstruction says what the reference says ----------------------------------------


def _schemas(document: Mapping[str, Any]) -> Mapping[str, Any]:
    schemas: Mapping[str, Any] = document["components"]["schemas"]
    return schemas


def _properties(schema: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """A message's properties, including those of its oneOf alternatives."""
    properties = dict(schema.get("properties", {}))
    for alternative in schema.get("oneOf", []):
        properties.update(alternative["properties"])
    return properties


_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+")


def _enum_prefix(enum_name: str) -> str:
    return "_".join(word.upper() for word in _WORD.findall(enum_name)) + "_"


def _check_type(
    notation: str, prop: Mapping[str, Any], where: str, *, closed_required: bool = False, enum: bool = False
) -> Iterator[str]:
    """`closed_required`: a required field outside a oneof, whose schema also excludes what the API
    reads as missing: `""` for a string (`minLength: 1`), the UNSPECIFIED value of an enum (`not`)."""
    shape = {key: value for key, value in prop.items() if key not in _DOCUMENTATION_KEYS}
    element = notation.removesuffix("[]")
    item_shape: dict[str, Any] = dict(NOTATION_SCHEMAS.get(element) or {"$ref": f"{SCHEMA_REF}{PACKAGE}.{element}"})
    if closed_required and item_shape == {"type": "string"}:
        item_shape["minLength"] = 1
    if closed_required and enum:
        item_shape["not"] = {"const": _enum_prefix(element) + "UNSPECIFIED"}
    expected = {"type": "array", "items": item_shape} if notation.endswith("[]") else item_shape
    if shape != expected:
        yield f"{where}: the reference's type {notation!r} maps to {expected}, the spec has {shape}"


def _match_fields(
    entries: Sequence[Any], position: int, component: str, where: str, document: Mapping[str, Any], found: list[str]
) -> int:
    """Check entries[position:] against `component`'s properties, following expanded children;
    return the position after the component's last field (and that field's children)."""
    schema = _schemas(document)[component]
    properties = _properties(schema)
    required = set(schema.get("required", []))
    for alternative in schema.get("oneOf", []):
        required.update(alternative["required"])
    printed: list[str] = []
    for expected in properties:
        if position >= len(entries):
            found.append(f"{where}.{expected}: in the spec, not in the reference")
            return position
        entry = entries[position]
        position += 1
        printed.append(entry.name)
        here = f"{where}.{entry.name}"
        if "oneOf" in schema:
            # Alternatives are sorted by name in the spec; the reference prints declaration order.
            if entry.name not in properties or printed.count(entry.name) != 1:
                found.append(f"{here}: not an alternative of the oneof in the spec")
                continue
        elif entry.name != expected:
            found.append(f"{where}: the reference prints {entry.name!r} where the spec has {expected!r}")
            return position
        prop = properties[entry.name]
        closed = entry.required and "oneOf" not in schema and not entry.type.endswith("[]")
        is_enum = "enum" in _schemas(document).get(f"{PACKAGE}.{entry.type.removesuffix('[]')}", {})
        found.extend(_check_type(entry.type, prop, here, closed_required=closed, enum=is_enum))
        if entry.required != (entry.name in required):
            found.append(f"{here}: the `required` marker differs")
        if prop.get("description") != "\n\n".join(entry.description):
            found.append(f"{here}: the description differs")
        target = str(prop.get("$ref") or prop.get("items", {}).get("$ref") or "")
        if entry.enum_values and _schemas(document)[target.removeprefix(SCHEMA_REF)]["enum"] != list(entry.enum_values):
            found.append(f"{here}: the enum values differ")
        if entry.expanded:
            position = _match_fields(entries, position, target.removeprefix(SCHEMA_REF), here, document, found)
    return position


def _fidelity(reconstruction: Mapping[str, Any], reference: Any) -> list[str]:
    found: list[str] = []
    operations = {path.rsplit("/", 1)[1]: item["post"] for path, item in reconstruction["paths"].items()}
    streams = {name for name, op in operations.items() if set(op["requestBody"]["content"]) == STREAM_MEDIA_TYPES}
    listed = [(doc.name, doc.streaming) for doc in reference.methods]
    if listed != [(name, name in streams) for name in operations]:
        found.append(f"the reference lists the methods (name, streams) {listed}, the spec {list(operations)}")
    for doc in reference.methods:
        op = operations.get(doc.name)
        if op is None:
            continue
        if op.get("description") != "\n\n".join(doc.description):
            found.append(f"{doc.name}: the method description differs")
        for suffix, entries in (("Request", doc.params), ("Response", doc.returns)):
            end = _match_fields(
                entries, 0, f"{PACKAGE}.{doc.name}{suffix}", f"{doc.name}{suffix}", reconstruction, found
            )
            if end < len(entries):
                found.append(f"{doc.name}{suffix}: the reference prints more fields than the spec has")
    return found


# ---- 2. no wire-breaking departure; 3. the lock's numbers follow the reference ------------------


def _departures(reconstruction: Mapping[str, Any]) -> list[str]:
    old = load_data(reconstruction, "reconstruction")
    new = load_data(json.loads(SPEC_PATH.read_text(encoding="utf-8")), SPEC_PATH.name)
    before = to_model(old, load_lock(LOCK_PATH))
    after = to_model(new, before.lock)
    changes = diff_apis(before.api, after.api, old_document=old.data, new_document=new.data, lock_name=LOCK_PATH.name)
    breaking = [c for c in changes if Break.WIRE in c.breaks]
    if not breaking:
        return []
    report = render(breaking, "text", old="the reconstruction", new=SPEC_PATH.name)
    return ["changes that break binary clients of the service the reference documents:\n" + report]


def _lock_number(entries: Mapping[str, Any], name: str) -> int | None:
    for key, value in entries.items():
        renamed_from = value.get("renamed_from") if isinstance(value, Mapping) else None
        if key == name or renamed_from == name:
            return int(value["number"] if isinstance(value, Mapping) else value)
    return None


def _numbering(reconstruction: Mapping[str, Any]) -> list[str]:
    lock = json.loads(LOCK_PATH.read_text(encoding="utf-8"))
    found = []
    for name, schema in _schemas(reconstruction).items():
        if not name.startswith(f"{PACKAGE}.") or name in NUMBERED_BY_THE_SERVICE or name.endswith("Entry"):
            continue
        if "enum" in schema:
            entries = lock["enums"].get(name, {}).get("values", {})
            numbers = [_lock_number(entries, value) for value in schema["enum"]]
            if numbers != list(range(len(numbers))):
                found.append(f"{name}: the lock numbers its values {numbers}, not 0.. in the reference's order")
        elif schema.get("type") == "object":
            entries = lock["messages"].get(name, {}).get("fields", {})
            numbers = [_lock_number(entries, prop["title"]) for prop in _properties(schema).values()]
            if numbers != list(range(1, len(numbers) + 1)):
                found.append(f"{name}: the lock numbers its fields {numbers}, not 1.. in the reference's order")
    return found


def test_the_spec_has_not_moved_away_from_the_reference(builder: ModuleType) -> None:
    reconstruction = json.loads(builder.build(REFERENCE_PATH))
    short_names = [name.removeprefix(f"{PACKAGE}.") for name in _schemas(reconstruction)]
    reference = builder.parse_reference(REFERENCE_PATH.read_text(encoding="utf-8"), short_names)
    problems = _fidelity(reconstruction, reference) + _departures(reconstruction) + _numbering(reconstruction)
    assert not problems, RETIRE.format(problems="\n".join(f"- {p}" for p in problems))


# ---- the builder reports disagreements precisely -----------------------------------------------


def test_builder_names_the_method_and_field_of_a_type_mismatch(builder: ModuleType) -> None:
    text = REFERENCE_PATH.read_text(encoding="utf-8")
    broken = text.replace("memoryGbinteger<int32>", "memoryGbinteger", 1)
    assert broken != text
    with pytest.raises(builder.SpecMismatchError, match=r"GetJob returns\.runsOn\.memoryGb"):
        builder.build_document(broken)


def test_builder_rejects_disagreeing_repeated_descriptions(builder: ModuleType) -> None:
    text = REFERENCE_PATH.read_text(encoding="utf-8")
    original = "Runner labels specified on the job's runs-on."
    # Change the second expansion of JobDetailRunsOn (under GetAttempt) only.
    first = text.index(original)
    second = text.index(original, first + 1)
    broken = text[:second] + "Runner labels." + text[second + len(original) :]
    with pytest.raises(builder.SpecMismatchError, match=r"JobDetailRunsOn\.labels is described differently"):
        builder.build_document(broken)


def test_builder_never_replaces_an_edited_spec(
    builder: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edited = tmp_path / "spec.json"
    edited.write_text('{"edited": true}\n', encoding="utf-8")
    assert builder.main(["--output", str(edited)]) == 1
    assert edited.read_text(encoding="utf-8") == '{"edited": true}\n'
    assert "may hold edits" in capsys.readouterr().err
    assert builder.main(["--output", str(edited), "--force"]) == 0
    assert edited.read_text(encoding="utf-8") == builder.build(REFERENCE_PATH)
