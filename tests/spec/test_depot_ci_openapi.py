"""Checks on spec/depot-ci.openapi.json, our reconstruction of Depot's unpublished CI API artifact.

The expectations here are written independently of spec/reconstruct/build_spec.py: the builder is
used only to tokenise the rendered reference (its printed fields are glued together and need the
known type names to split) and, in the last tests, to rebuild the spec.
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
from openapi_spec_validator import validate
from spec_schemas import format_checker, spec_registry, spec_validator

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "spec" / "depot-ci.openapi.json"
BUILDER_PATH = ROOT / "spec" / "reconstruct" / "build_spec.py"
REFERENCE_PATH = ROOT / "spec" / "reconstruct" / "depot-ci-api-reference.txt"

PACKAGE = "depot.ci.v1"
SERVICE = f"{PACKAGE}.CIService"
SCHEMA_REF = "#/components/schemas/"
HELPER_COMPONENTS = frozenset({"connect-protocol-version", "connect-timeout-header", "connect.error"})
MAP_ENTRY_COMPONENTS = frozenset({f"{PACKAGE}.DispatchWorkflowRequest.InputsEntry"})
STREAM_MEDIA_TYPES = frozenset({"application/connect+json", "application/connect+proto"})

METHODS = (
    "Run",
    "ListRuns",
    "GetRun",
    "GetRunStatus",
    "GetRunMetrics",
    "CancelRun",
    "ListWorkflows",
    "GetWorkflow",
    "DispatchWorkflow",
    "RerunWorkflow",
    "CancelWorkflow",
    "GetJob",
    "GetJobSummary",
    "GetJobMetrics",
    "RetryJob",
    "RetryFailedJobs",
    "CancelJob",
    "GetAttempt",
    "GetJobAttemptMetrics",
    "GetJobAttemptLogs",
    "StreamJobAttemptLogs",
    "ExportJobAttemptLogs",
    "ListArtifacts",
    "GetArtifactDownloadURL",
    "GetFailureDiagnosis",
)
STREAMING_METHODS = frozenset({"StreamJobAttemptLogs", "ExportJobAttemptLogs"})

# How each type notation of the reference must appear in the spec (the contract with the .proto
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
_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+")


# ---- fixtures and helpers --------------------------------------------------------------------


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
    return document


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    module_spec = importlib.util.spec_from_file_location("depot_ci_build_spec", BUILDER_PATH)
    assert module_spec is not None and module_spec.loader is not None
    module = importlib.util.module_from_spec(module_spec)
    # dataclasses look their module up in sys.modules while the module executes.
    sys.modules[module_spec.name] = module
    module_spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def reference(builder: ModuleType, spec: dict[str, Any]) -> Any:
    short_names = [name.removeprefix(f"{PACKAGE}.") for name in spec["components"]["schemas"]]
    return builder.parse_reference(REFERENCE_PATH.read_text(encoding="utf-8"), short_names)


def _schemas(spec: Mapping[str, Any]) -> Mapping[str, Any]:
    schemas: Mapping[str, Any] = spec["components"]["schemas"]
    return schemas


def _messages(spec: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    return {
        name: schema
        for name, schema in _schemas(spec).items()
        if schema.get("type") == "object" and name not in HELPER_COMPONENTS | MAP_ENTRY_COMPONENTS
    }


def _enums(spec: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    return {
        name: schema for name, schema in _schemas(spec).items() if "enum" in schema and name not in HELPER_COMPONENTS
    }


def _properties(schema: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """A message's properties, including those of its oneOf alternatives."""
    properties = dict(schema.get("properties", {}))
    for alternative in schema.get("oneOf", []):
        properties.update(alternative["properties"])
    return properties


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, Mapping):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


def _ref(short_name: str) -> str:
    return f"{SCHEMA_REF}{PACKAGE}.{short_name}"


def _lower_camel(snake: str) -> str:
    head, *tail = snake.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in tail)


def _enum_prefix(enum_name: str) -> str:
    return "_".join(word.upper() for word in _WORD.findall(enum_name)) + "_"


def _operations(spec: Mapping[str, Any]) -> Iterator[tuple[str, str, Mapping[str, Any]]]:
    for path, item in spec["paths"].items():
        for verb, op in item.items():
            yield path, verb, op


# ---- 1. OpenAPI validity ---------------------------------------------------------------------


def test_spec_is_valid_openapi_31(spec: dict[str, Any]) -> None:
    assert spec["openapi"] == "3.1.0"
    validate(spec)


# ---- 2. operations ---------------------------------------------------------------------------


def test_one_post_operation_per_method(spec: dict[str, Any]) -> None:
    operations = list(_operations(spec))
    assert [path for path, _, _ in operations] == [f"/{SERVICE}/{method}" for method in METHODS]
    for path, verb, op in operations:
        method = path.rsplit("/", 1)[1]
        assert verb == "post"
        assert op["operationId"] == f"{SERVICE}.{method}"
        assert op["summary"] == method
        assert op["tags"] == [SERVICE]
        assert op["security"] == spec["security"]
        request = op["requestBody"]["content"]
        response = op["responses"]["200"]["content"]
        assert {media["schema"]["$ref"] for media in request.values()} == {_ref(f"{method}Request")}
        assert {media["schema"]["$ref"] for media in response.values()} == {_ref(f"{method}Response")}
        assert op["responses"]["default"]["content"]["application/json"]["schema"] == {
            "$ref": f"{SCHEMA_REF}connect.error"
        }


def test_exactly_the_two_server_streams_use_connect_media_types(spec: dict[str, Any]) -> None:
    streaming = set()
    for path, _, op in _operations(spec):
        request_types = set(op["requestBody"]["content"])
        response_types = set(op["responses"]["200"]["content"])
        assert request_types == response_types
        if request_types == STREAM_MEDIA_TYPES:
            streaming.add(path.rsplit("/", 1)[1])
        else:
            assert request_types == {"application/json"}, path
    assert streaming == STREAMING_METHODS


def test_bearer_security_names_the_org_header(spec: dict[str, Any]) -> None:
    schemes = spec["components"]["securitySchemes"]
    assert len(schemes) == 1
    ((name, scheme),) = schemes.items()
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    assert "Authorization: Bearer <token>" in scheme["description"]
    assert "x-depot-org" in scheme["description"]
    assert spec["security"] == [{name: []}]


# ---- 3. references -----------------------------------------------------------------------------


def test_every_ref_resolves_to_a_component(spec: dict[str, Any]) -> None:
    schemas = _schemas(spec)
    refs = set(_refs(spec))
    for ref in refs:
        assert ref.startswith(SCHEMA_REF), ref
        assert ref.removeprefix(SCHEMA_REF) in schemas, ref
    # Everything but the map entry (which protoc-gen-connect-openapi emits unreferenced) is used.
    unused = set(schemas) - {ref.removeprefix(SCHEMA_REF) for ref in refs} - MAP_ENTRY_COMPONENTS
    assert not unused


# ---- 4. examples are valid -------------------------------------------------------------------

FORMATS = format_checker(sixty_four_bit_limit=2**63, finite_doubles=False)


def test_every_example_validates_against_its_schema(spec: dict[str, Any]) -> None:
    registry = spec_registry(spec)
    checked = 0
    for name, schema in _schemas(spec).items():
        validator = spec_validator(registry, SCHEMA_REF + name, FORMATS)
        for index, example in enumerate(schema.get("examples", [])):
            errors = [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(example)]
            assert not errors, f"{name} example {index}: {errors}"
            checked += 1
    assert checked >= len(_messages(spec))


def test_examples_are_rejected_when_they_break_the_schema(spec: dict[str, Any]) -> None:
    """The validation above is not vacuous: refs, closed objects, oneOf and formats all bite."""
    registry = spec_registry(spec)

    def valid(name: str, instance: object) -> bool:
        return bool(spec_validator(registry, f"{SCHEMA_REF}{PACKAGE}.{name}", FORMATS).is_valid(instance))

    assert valid("LogLine", {"timestampMs": "1779127272000"})
    assert not valid("LogLine", {"timestampMs": "soon"})
    assert not valid("LogLine", {"unknownField": "x"})
    assert not valid("GetJobAttemptLogsResponse", {"lines": [{"stream": "stderr"}]})
    assert not valid("CIMetricsAvailability", {"code": "AVAILABLE"})
    assert not valid("ExportJobAttemptLogsResponse", {})
    assert not valid("ExportJobAttemptLogsResponse", {"chunk": "not base64!"})
    assert not valid("ExportJobAttemptLogsResponse", {"chunk": "AA==", "metadata": {}})
    assert not valid("ExportJobAttemptLogsResponse", {"chunk": "AA==", "extra": 1})


# ---- 5. examples cover every property ----------------------------------------------------------


def _is_default(value: object) -> bool:
    """True for the proto3 default of any field type (64-bit integers arrive as strings)."""
    if value is None or value is False or value == "" or value == "0":
        return True
    if isinstance(value, int | float) and not isinstance(value, bool) and value == 0:
        return True
    if isinstance(value, list | dict) and not value:
        return True
    return isinstance(value, str) and value.endswith("_UNSPECIFIED")


def test_examples_set_every_property_to_a_non_default_value(spec: dict[str, Any]) -> None:
    for name, schema in _messages(spec).items():
        examples = schema.get("examples")
        assert examples, f"{name} has no examples"
        if "oneOf" in schema:
            assert len(examples) == len(schema["oneOf"]), f"{name}: one example per oneof alternative"
        for property_name in _properties(schema):
            assert any(not _is_default(example.get(property_name)) for example in examples), (
                f"no example of {name} sets {property_name}"
            )


# ---- 6. documentation and shape ----------------------------------------------------------------


def test_every_message_is_documented_and_closed(spec: dict[str, Any]) -> None:
    messages = _messages(spec)
    assert messages
    for name, schema in messages.items():
        assert name.startswith(f"{PACKAGE}.")
        assert schema["title"] == name.removeprefix(f"{PACKAGE}.")
        assert schema["description"].strip(), name
        if "oneOf" in schema:
            assert "properties" not in schema and "additionalProperties" not in schema, name
            assert schema["unevaluatedProperties"] is False, name
            titles = [alternative["title"] for alternative in schema["oneOf"]]
            assert titles == sorted(titles), name
            for alternative in schema["oneOf"]:
                assert list(alternative["properties"]) == [alternative["title"]] == alternative["required"]
        else:
            assert schema["additionalProperties"] is False, name
            assert "required" not in schema or schema["required"], name
        for property_name, prop in _properties(schema).items():
            where = f"{name}.{property_name}"
            assert prop["description"].strip(), where
            # The title is the proto field name; protoc derives the JSON name from it.
            assert re.fullmatch(r"[a-z][a-z0-9_]*", prop["title"]), where
            assert _lower_camel(prop["title"]) == property_name, where


def test_every_enum_carries_its_prefix(spec: dict[str, Any]) -> None:
    enums = _enums(spec)
    assert len(enums) == 8
    for name, schema in enums.items():
        short_name = name.removeprefix(f"{PACKAGE}.")
        assert schema["type"] == "string"
        assert schema["title"] == short_name
        assert schema["description"].strip()
        prefix = _enum_prefix(short_name)
        assert all(value.startswith(prefix) for value in schema["enum"]), name
        assert schema["enum"][0] == prefix + "UNSPECIFIED"
        assert len(set(schema["enum"])) == len(schema["enum"])


def test_document_level_metadata(spec: dict[str, Any]) -> None:
    assert spec["info"]["title"] == PACKAGE
    assert spec["info"]["version"] == "v1"
    assert "four-level resource hierarchy" in spec["info"]["description"]
    assert spec["servers"] == [{"url": "https://api.depot.dev"}]
    assert [tag["name"] for tag in spec["tags"]] == [SERVICE]
    schemas = _schemas(spec)
    assert schemas["connect-protocol-version"] == {
        "type": "number",
        "title": "Connect-Protocol-Version",
        "enum": [1],
        "description": "Define the version of the Connect protocol",
        "const": 1,
    }
    assert schemas["connect-timeout-header"] == {
        "type": "number",
        "title": "Connect-Timeout-Ms",
        "description": "Define the timeout, in ms",
    }
    # protoc-gen-connect-openapi emits the message protoc synthesises for a map field.
    assert schemas[f"{PACKAGE}.DispatchWorkflowRequest.InputsEntry"] == {
        "type": "object",
        "properties": {"key": {"type": "string", "title": "key"}, "value": {"type": "string", "title": "value"}},
        "title": "InputsEntry",
        "additionalProperties": False,
    }
    for _, _, op in _operations(spec):
        assert op["parameters"] == [
            {
                "name": "Connect-Protocol-Version",
                "in": "header",
                "required": True,
                "schema": {"$ref": f"{SCHEMA_REF}connect-protocol-version"},
            },
            {"name": "Connect-Timeout-Ms", "in": "header", "schema": {"$ref": f"{SCHEMA_REF}connect-timeout-header"}},
        ]
    error = schemas["connect.error"]
    assert len(error["properties"]["code"]["enum"]) == 16
    for code in ("unauthenticated", "permission_denied", "invalid_argument", "not_found", "internal"):
        assert f"| `{code}` |" in error["description"]


# ---- 7. fidelity to the reference --------------------------------------------------------------


def _check_type(notation: str, prop: Mapping[str, Any], where: str) -> None:
    shape = {key: value for key, value in prop.items() if key not in _DOCUMENTATION_KEYS}
    element = notation.removesuffix("[]")
    if element in NOTATION_SCHEMAS:
        item_shape: Mapping[str, Any] = NOTATION_SCHEMAS[element]
    else:
        item_shape = {"$ref": _ref(element)}
    expected = {"type": "array", "items": item_shape} if notation.endswith("[]") else item_shape
    assert shape == expected, f"{where}: reference type {notation!r} maps to {expected}, spec has {shape}"


def _match_fields(entries: Sequence[Any], position: int, component: str, where: str, spec: Mapping[str, Any]) -> int:
    """Check entries[position:] against `component`'s properties, following expanded children.

    Returns the position after the component's last field (and that field's children).
    """
    schema = _schemas(spec)[component]
    properties = _properties(schema)
    required = set(schema.get("required", []))
    for alternative in schema.get("oneOf", []):
        required.update(alternative["required"])
    printed: list[str] = []
    for expected in properties:
        assert position < len(entries), f"{where}.{expected}: in the spec, not in the reference"
        entry = entries[position]
        position += 1
        printed.append(entry.name)
        here = f"{where}.{entry.name}"
        if "oneOf" in schema:
            # Alternatives are sorted by name in the spec; the reference prints declaration order.
            assert entry.name in properties and printed.count(entry.name) == 1, f"{here}: not an alternative"
        else:
            assert entry.name == expected, f"{where}: reference prints {entry.name!r} where the spec has {expected!r}"
        prop = properties[entry.name]
        _check_type(entry.type, prop, here)
        assert entry.required == (entry.name in required), f"{here}: required marker differs"
        assert prop["description"] == "\n\n".join(entry.description), f"{here}: description differs"
        target = prop.get("$ref") or prop.get("items", {}).get("$ref")
        if entry.enum_values:
            assert _schemas(spec)[target.removeprefix(SCHEMA_REF)]["enum"] == list(entry.enum_values), here
        if entry.expanded:
            position = _match_fields(entries, position, target.removeprefix(SCHEMA_REF), here, spec)
    return position


def test_reference_lists_the_same_methods(reference: Any) -> None:
    assert [(doc.name, doc.streaming) for doc in reference.methods] == [
        (method, method in STREAMING_METHODS) for method in METHODS
    ]


def test_every_printed_field_matches_the_spec(spec: dict[str, Any], reference: Any) -> None:
    for doc in reference.methods:
        for suffix, entries in (("Request", doc.params), ("Response", doc.returns)):
            end = _match_fields(entries, 0, f"{PACKAGE}.{doc.name}{suffix}", f"{doc.name}{suffix}", spec)
            assert end == len(entries), f"{doc.name}{suffix}: reference prints more fields than the spec has"


def test_method_descriptions_match_the_reference(spec: dict[str, Any], reference: Any) -> None:
    for doc in reference.methods:
        op = spec["paths"][f"/{SERVICE}/{doc.name}"]["post"]
        assert op["description"] == "\n\n".join(doc.description)


# ---- 8. the committed spec is the builder's output -------------------------------------------


def test_committed_spec_is_what_the_builder_writes(builder: ModuleType) -> None:
    assert builder.build(REFERENCE_PATH) == SPEC_PATH.read_text(encoding="utf-8"), (
        "spec/depot-ci.openapi.json differs from the builder's output; run spec/reconstruct/build_spec.py"
    )


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
