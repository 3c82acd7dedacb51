"""`on.workflow_dispatch.inputs`: their declared schema and the validation `DispatchWorkflow` applies.

The rules are the reference's: every value is a string; boolean inputs must be "true" or "false",
number inputs numeric, choice inputs one of the options; unknown inputs are rejected; a required
input must be supplied only when it has no default.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["INPUT_TYPES", "InputError", "InputSpec", "parse_inputs", "resolve_inputs"]

INPUT_TYPES = ("string", "boolean", "number", "choice", "environment")
"""The `type:` values a workflow_dispatch input may declare (string when absent)."""

_NUMBER = re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")


class InputError(ValueError):
    """Inputs or an input schema that break the rules; the message names each input and what to do."""


@dataclass(frozen=True)
class InputSpec:
    """One declared workflow_dispatch input."""

    name: str
    type: str
    required: bool
    default: str | None
    options: tuple[str, ...]
    description: str


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def parse_inputs(raw: Any, where: str) -> dict[str, InputSpec]:
    """The input schema of a workflow_dispatch trigger (`raw` is its `inputs:` value, or None).

    Raises:
        InputError: If an input declares an unknown type, a choice without options, or a default
            its own type rejects.
    """
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        msg = f"{where}: must be a mapping of input names to their settings"
        raise InputError(msg)
    specs: dict[str, InputSpec] = {}
    for name, settings in raw.items():
        at = f"{where}.{name}"
        settings = settings if settings is not None else {}
        if not isinstance(settings, Mapping):
            msg = f"{at}: must be a mapping (type, required, default, options, description)"
            raise InputError(msg)
        kind = str(settings.get("type", "string"))
        if kind not in INPUT_TYPES:
            msg = f"{at}.type: {kind!r} is not an input type ({', '.join(INPUT_TYPES)})"
            raise InputError(msg)
        options = settings.get("options") or []
        if not isinstance(options, list):
            msg = f"{at}.options: must be a list"
            raise InputError(msg)
        if kind == "choice" and not options:
            msg = f"{at}.options: a choice input needs a non-empty list of options"
            raise InputError(msg)
        default = settings.get("default")
        spec = InputSpec(
            name=str(name),
            type=kind,
            required=bool(settings.get("required", False)),
            default=None if default is None else _text(default),
            options=tuple(_text(o) for o in options),
            description=str(settings.get("description", "")),
        )
        if spec.default is not None:
            problem = _check(spec, spec.default)
            if problem:
                msg = f"{at}.default: {problem}"
                raise InputError(msg)
        specs[spec.name] = spec
    return specs


def _check(spec: InputSpec, value: str) -> str:
    if spec.type == "boolean" and value not in ("true", "false"):
        return f'a boolean input must be "true" or "false", not {value!r}'
    if spec.type == "number" and not _NUMBER.match(value):
        return f"a number input must be numeric, not {value!r}"
    if spec.type == "choice" and value not in spec.options:
        return f"{value!r} is not one of the options ({', '.join(spec.options)})"
    return ""


def resolve_inputs(specs: Mapping[str, InputSpec], given: Mapping[str, str], workflow: str) -> dict[str, str]:
    """Validate `given` against `specs` and return every input's value (defaults filled in).

    An optional input without default and not given is "" ("false" for a boolean).

    Raises:
        InputError: Naming every offending input (`inputs.NAME: ...`), joined with "; ".
    """
    problems: list[str] = []
    declared = ", ".join(specs) or "none"
    for name in given:
        if name not in specs:
            problems.append(f"inputs.{name}: unknown input; {workflow} declares: {declared}")
    values: dict[str, str] = {}
    for name, spec in specs.items():
        if name in given:
            problem = _check(spec, given[name])
            if problem:
                problems.append(f"inputs.{name}: {problem}")
            values[name] = given[name]
        elif spec.default is not None:
            values[name] = spec.default
        elif spec.required:
            problems.append(f"inputs.{name}: required by {workflow} and has no default: supply a value")
        else:
            values[name] = "false" if spec.type == "boolean" else ""
    if problems:
        raise InputError("; ".join(problems))
    return values
