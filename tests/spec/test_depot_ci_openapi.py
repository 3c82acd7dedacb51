"""Checks on spec/depot-ci.openapi.json: the rules every version of the spec follows.

The spec is the source of truth and may be edited (or replaced when Depot publishes its
artifact), so nothing here counts methods or lists the reference's fields: these tests check
the shape protoc-gen-connect-openapi gives its output and what the generated package and the
test suite need (valid examples that set every property). How the spec relates to the reference
it was reconstructed from is checked in one place: test_reconstruction.py.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import validate
from spec_schemas import format_checker, spec_registry, spec_validator

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "spec" / "depot-ci.openapi.json"

PACKAGE = "depot.ci.v1"
SERVICE = f"{PACKAGE}.CIService"
SCHEMA_REF = "#/components/schemas/"
HELPER_COMPONENTS = frozenset({"connect-protocol-version", "connect-timeout-header", "connect.error"})
STREAM_MEDIA_TYPES = frozenset({"application/connect+json", "application/connect+proto"})
_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+")


# ---- fixtures and helpers --------------------------------------------------------------------


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
    return document


def _schemas(spec: Mapping[str, Any]) -> Mapping[str, Any]:
    schemas: Mapping[str, Any] = spec["components"]["schemas"]
    return schemas


def _map_entries(spec: Mapping[str, Any]) -> set[str]:
    """The `<Message>.<Field>Entry` components protoc-gen-connect-openapi emits for map fields."""
    schemas = _schemas(spec)
    return {
        name
        for name, schema in schemas.items()
        if name.endswith("Entry")
        and name.rpartition(".")[0] in schemas
        and set(schema.get("properties", {})) == {"key", "value"}
    }


def _messages(spec: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    return {
        name: schema
        for name, schema in _schemas(spec).items()
        if schema.get("type") == "object" and name not in HELPER_COMPONENTS | _map_entries(spec)
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
    assert operations
    for path, verb, op in operations:
        assert re.fullmatch(rf"/{re.escape(SERVICE)}/[A-Z][A-Za-z0-9]*", path), path
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


def test_server_streams_use_connect_media_types_and_unary_methods_json(spec: dict[str, Any]) -> None:
    for path, _, op in _operations(spec):
        request_types = set(op["requestBody"]["content"])
        response_types = set(op["responses"]["200"]["content"])
        assert request_types == response_types, path
        assert request_types in (STREAM_MEDIA_TYPES, {"application/json"}), path


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
    # Everything but map entries (which protoc-gen-connect-openapi emits unreferenced) is used.
    unused = set(schemas) - {ref.removeprefix(SCHEMA_REF) for ref in refs} - _map_entries(spec)
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
        assert examples, f"#/components/schemas/{name} has no examples; add one that sets every property"
        if "oneOf" in schema:
            assert len(examples) == len(schema["oneOf"]), f"{name}: one example per oneof alternative"
        for property_name in _properties(schema):
            assert any(not _is_default(example.get(property_name)) for example in examples), (
                f"no example of {name} sets {property_name}: add a value other than the default to an example "
                f"at #/components/schemas/{name}/examples, so the parity and end-to-end tests exercise the field"
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
    assert enums
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
    assert spec["info"]["description"].strip()
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
    # Narrowed from the generator's `"type": "number"` to what Connect accepts: 1 to 10 ASCII digits.
    assert schemas["connect-timeout-header"] == {
        "type": "integer",
        "title": "Connect-Timeout-Ms",
        "minimum": 0,
        "maximum": 9999999999,
        "description": "Define the timeout, in ms",
    }
    # protoc-gen-connect-openapi emits the message protoc synthesises for each map field.
    for name in _map_entries(spec):
        parent, _, entry = name.rpartition(".")
        field = _lower_camel(re.sub(r"(?<!^)(?=[A-Z])", "_", entry.removesuffix("Entry")).lower())
        assert schemas[parent]["properties"][field]["type"] == "object", name
        assert schemas[name] == {
            "type": "object",
            "properties": {
                "key": {"type": "string", "title": "key"},
                "value": schemas[parent]["properties"][field]["additionalProperties"] | {"title": "value"},
            },
            "title": entry,
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
