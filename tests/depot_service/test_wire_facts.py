"""The compiled proto is binary-compatible with the live Depot service (facts the artifact lacks).

Read from the generated descriptor, so the lock, the converter and protoc all have to agree.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from depot_ci.v1 import ci_pb2
from google.protobuf.descriptor import Descriptor, FieldDescriptor


def _message(name: str) -> Descriptor:
    return ci_pb2.DESCRIPTOR.message_types_by_name[name]


def _numbers(name: str) -> dict[str, int]:
    return {field.json_name: field.number for field in _message(name).fields}


def _keeps(name: str, expected: dict[str, int]) -> None:
    """Each field the live service numbers keeps its number: the field has it, or (renamed in the lock)
    its successor has it, or (removed from the spec) it stays reserved.

    A spec update may add fields; the lock never renumbers, so these numbers are facts of the service.
    """
    numbers = _numbers(name)
    by_number = {number: field_name for field_name, number in numbers.items()}
    reserved = _reserved_numbers(_block(_proto_text(), name))
    for field_name, number in expected.items():
        if field_name in numbers:
            assert numbers[field_name] == number, f"{name}.{field_name}"
        else:
            assert number in by_number or number in reserved, f"{name}: {number} is neither used nor reserved"


def _reserved_numbers(block: str) -> set[int]:
    numbers: set[int] = set()
    for listed in re.findall(r"reserved ([0-9][0-9, to]*);", block):
        for part in listed.split(","):
            low, _, high = part.strip().partition(" to ")
            numbers.update(range(int(low), int(high or low) + 1))
    return numbers


def test_run_response_numbers() -> None:
    _keeps("RunResponse", {"runId": 1, "orgId": 2})


def test_run_request_numbers_and_unpublished_fields() -> None:
    _keeps("RunRequest", {"repo": 1, "sha": 2, "workflow": 3, "workflowContent": 4, "job": 5})
    block = _block(_proto_text(), "RunRequest")
    assert "reserved 6, 7;" in block
    assert 'reserved "forge", "workspace_patch_cache_key";' in block


def test_dispatch_workflow_request_keeps_number_one_for_org_id() -> None:
    _keeps("DispatchWorkflowRequest", {"repo": 2, "workflow": 3, "ref": 4, "inputs": 5})
    block = _block(_proto_text(), "DispatchWorkflowRequest")
    assert "reserved 1;" in block and 'reserved "org_id";' in block


def test_list_workflows_numbers_skip_the_removed_page_token() -> None:
    _keeps("ListWorkflowsRequest", {"pageSize": 1, "name": 3, "repo": 4, "status": 5, "trigger": 6, "sha": 7, "pr": 8})
    _keeps("ListWorkflowsResponse", {"workflows": 1})
    for name, field_name in (("ListWorkflowsRequest", "page_token"), ("ListWorkflowsResponse", "next_page_token")):
        block = _block(_proto_text(), name)
        assert "reserved 2;" in block and f'reserved "{field_name}";' in block


def test_export_response_is_a_oneof_event() -> None:
    message = _message("ExportJobAttemptLogsResponse")
    (oneof,) = message.oneofs
    assert oneof.name == "event"
    assert [(f.name, f.number) for f in oneof.fields] == [("metadata", 1), ("chunk", 2)]


@pytest.mark.parametrize(
    ("message", "field", "kind", "optional"),
    [
        ("CIMetricSample", "memory_usage_bytes", FieldDescriptor.TYPE_UINT64, True),
        ("CIMetricsStats", "peak_memory_usage_bytes", FieldDescriptor.TYPE_UINT64, True),
        ("LogLine", "timestamp_ms", FieldDescriptor.TYPE_INT64, False),
        ("Artifact", "size_bytes", FieldDescriptor.TYPE_INT64, False),
    ],
)
def test_sixty_four_bit_fields(message: str, field: str, kind: int, optional: bool) -> None:
    descriptor = _message(message).fields_by_name[field]
    assert descriptor.type == kind
    assert descriptor.has_presence is optional


def test_enum_values_start_with_the_unspecified_zero_value() -> None:
    for enum in ci_pb2.DESCRIPTOR.enum_types_by_name.values():
        zero = enum.values_by_number[0]
        assert zero.name.endswith("_UNSPECIFIED"), enum.name


def _proto_text() -> str:
    return (Path(__file__).resolve().parents[2] / "proto" / "depot" / "ci" / "v1" / "ci.proto").read_text()


def _block(proto: str, message: str) -> str:
    start = proto.index(f"\nmessage {message} {{")
    return proto[start : proto.index("\n}", start)]
