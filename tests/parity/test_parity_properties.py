"""Property-based parity of every message component and its protobuf message.

Two directions, each over every message component:
- JSON instances generated from the component's schema (support.SchemaStrategies, values within the
  proto types' ranges) round-trip JSON -> message -> JSON and through binary to their canonical form;
- messages built through the protobuf API (support.message_strategy) print JSON that validates against
  the component's schema (draft 2020-12, `$ref`s resolved in the spec, formats checked), and parse back.

Bounded and reproducible: a fixed number of examples per message, derandomized, no example database.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest
from google.protobuf import json_format
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .support import (
    POOL,
    SchemaStrategies,
    binary_round_trip,
    canonical,
    descriptor,
    json_round_trip,
    load_spec,
    message_class,
    message_components,
    message_strategy,
    package,
    schema_errors,
    schema_requirements,
)

COMPONENTS = sorted(message_components())
BOUNDED = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _short(component: str) -> str:
    return component.removeprefix(package() + ".")


@cache
def _instances(component: str) -> st.SearchStrategy[dict[str, Any]]:
    return SchemaStrategies(load_spec()["components"]["schemas"], POOL).component(component)


@pytest.mark.parametrize("component", COMPONENTS, ids=_short)
@BOUNDED
@given(data=st.data())
def test_schema_instances_round_trip_to_canonical_json(component: str, data: st.DataObject) -> None:
    instance = data.draw(_instances(component), label="instance")
    # The generator's own contract: what it draws is valid against the schema.
    assert schema_errors(component, instance) == []
    expected = canonical(instance, descriptor(component))

    message, result = json_round_trip(json.dumps(instance), message_class(component))
    assert result == expected

    decoded, result = binary_round_trip(message)
    assert decoded == message
    assert result == expected


@pytest.mark.parametrize("component", COMPONENTS, ids=_short)
@BOUNDED
@given(data=st.data())
def test_protobuf_messages_print_json_valid_against_the_schema(component: str, data: st.DataObject) -> None:
    message = data.draw(message_strategy(descriptor(component), schema_requirements), label="message")
    printed = json_format.MessageToJson(message)
    assert schema_errors(component, json.loads(printed)) == []

    assert json_format.Parse(printed, message_class(component)()) == message
    decoded, _ = binary_round_trip(message)
    assert decoded == message
