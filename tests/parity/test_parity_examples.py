"""Parity of the spec's message components and the generated protobuf messages, on the spec's examples.

Every example goes JSON -> message (`json_format`) -> JSON, and JSON -> message -> binary -> message
-> JSON; both must give the example back in canonical protobuf JSON (support.canonical: 64-bit
integers as strings, defaults omitted, enum names). The structure is checked first: components and
messages correspond one to one, and every property is the field its `title` names, under the
field's JSON name.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from google.protobuf.descriptor import Descriptor

from .support import (
    binary_round_trip,
    canonical,
    descriptor,
    examples,
    json_round_trip,
    message_class,
    message_components,
    package,
    properties,
)

COMPONENTS = sorted(message_components())
EXAMPLES = [
    pytest.param(component, index, example, id=f"{component.removeprefix(package() + '.')}-{index}")
    for component in COMPONENTS
    for index, example in enumerate(examples(component))
]


def _all_messages(message: Descriptor) -> list[str]:
    return [message.full_name, *(name for nested in message.nested_types for name in _all_messages(nested))]


def test_components_and_messages_correspond_one_to_one() -> None:
    file = descriptor(COMPONENTS[0]).file
    messages = {name for message in file.message_types_by_name.values() for name in _all_messages(message)}
    assert set(COMPONENTS) == messages


def test_every_message_with_examples_is_covered() -> None:
    with_examples = {component for component in COMPONENTS if examples(component)}
    map_entries = {component for component in COMPONENTS if descriptor(component).GetOptions().map_entry}
    assert with_examples == set(COMPONENTS) - map_entries
    assert len(EXAMPLES) >= len(with_examples)


@pytest.mark.parametrize("component", COMPONENTS, ids=lambda name: name.removeprefix(package() + "."))
def test_properties_are_the_fields_under_their_json_names(component: str) -> None:
    message = descriptor(component)
    props = properties(message_components()[component])
    by_key = {key: message.fields_by_name.get(prop["title"]) for key, prop in props.items()}
    assert None not in by_key.values(), f"titles without a field: {[k for k, f in by_key.items() if f is None]}"
    assert {key: field.json_name for key, field in by_key.items() if field} == {key: key for key in by_key}
    assert sorted(field.name for field in by_key.values() if field) == sorted(message.fields_by_name)


@pytest.mark.parametrize(("component", "index", "example"), EXAMPLES)
def test_example_json_round_trip(component: str, index: int, example: dict[str, Any]) -> None:
    _, result = json_round_trip(json.dumps(example), message_class(component))
    assert result == canonical(example, descriptor(component))


@pytest.mark.parametrize(("component", "index", "example"), EXAMPLES)
def test_example_binary_round_trip(component: str, index: int, example: dict[str, Any]) -> None:
    message, _ = json_round_trip(json.dumps(example), message_class(component))
    decoded, result = binary_round_trip(message)
    assert decoded == message
    assert result == canonical(example, descriptor(component))


@pytest.mark.parametrize(("component", "index", "example"), EXAMPLES)
def test_example_values_are_written_as_protobuf_json_writes_them(
    component: str, index: int, example: dict[str, Any]
) -> None:
    # Examples may spell out defaults, but every value is in the proto type's JSON form: 64-bit
    # integers as strings, other integers as numbers, enums by name, bytes in padded base64.
    assert canonical(example, descriptor(component), omit_defaults=False) == example
