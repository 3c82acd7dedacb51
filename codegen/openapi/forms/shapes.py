"""What a property schema maps to: a field type (or an inline message to nest) and a label."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from ...diagnostics import Reporter
from ...model import FieldLabel, MapType, TypeRef
from ..components import ComponentIndex
from ..spec import Schema

__all__ = ["FieldShape", "InlineMessage", "Rules"]


@dataclass(frozen=True, slots=True)
class InlineMessage:
    """An inline object schema that becomes a message nested in the field's message."""

    name: str
    schema: Schema
    location: str


@dataclass(frozen=True, slots=True)
class FieldShape:
    """The type and label a property schema maps to."""

    type: TypeRef | MapType | InlineMessage
    label: FieldLabel
    map_entry: str | None = None
    """The `<Field>Entry` component a map field's key type was read from, if any."""


class Rules(Protocol):
    """What a form that contains other schemas needs from `schema_types.TypeRules`."""

    @property
    def schemas(self) -> Mapping[str, Schema]: ...

    @property
    def index(self) -> ComponentIndex: ...

    @property
    def reporter(self) -> Reporter: ...

    def field_shape(self, schema: Schema, owner: str, field_name: str) -> FieldShape | None: ...

    def value_type(self, schema: Schema, owner: str, field_name: str) -> TypeRef | InlineMessage | None: ...
