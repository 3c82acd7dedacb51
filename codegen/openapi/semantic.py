"""openapi-spec-validator's semantic checks of an OpenAPI 3.1 document, each schema visited once.

The checks and their order are openapi-spec-validator 0.9's (`RootValidator` for 3.1: tags,
paths, components), with its lists of visited schemas made sets and its recursion an explicit
stack, so the walk is linear in the document. jsonschema-rs decides whether a schema is valid
against its dialect; only where it is not does the Python validator word the problem, so the
message is exactly openapi-spec-validator's.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator, Mapping
from typing import Any

from ..diagnostics import escape_pointer
from .oas import OAS31_DIALECT, Finding, pointer_of, rs_validators

__all__ = ["SemanticChecks"]

_OPERATIONS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_SUBSCHEMA_LISTS = ("allOf", "anyOf", "oneOf")


def _resolve(data: Mapping[str, Any], location: str, node: Any) -> tuple[str, Any]:
    """Follow `node`'s `$ref`s (as openapi-spec-validator's paths do) to (real pointer, value)."""
    seen: set[str] = set()
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str) and node["$ref"] not in seen:
        ref: str = node["$ref"]
        seen.add(ref)
        target: Any = data
        for token in ref[2:].split("/") if ref != "#" else ():
            token = token.replace("~1", "/").replace("~0", "~")
            if isinstance(target, Mapping) and token in target:
                target = target[token]
            elif isinstance(target, list) and token.isdigit() and int(token) < len(target):
                target = target[int(token)]
            else:
                return location, node  # load() reports dangling references before validating
        location, node = ref, target
    return location, node


def _patterns_compile(node: Any) -> bool:
    """False if a `pattern` or `patternProperties` key anywhere below is not a Python regex.

    A cheap over-approximation of the dialect's `format: regex` checks: a hit only sends the
    schema to the exact (slow) check, which decides.
    """
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, Mapping):
            for key, value in current.items():
                if key == "pattern" and isinstance(value, str) and not _compiles(value):
                    return False
                if key == "patternProperties" and isinstance(value, Mapping):
                    if not all(_compiles(name) for name in value if isinstance(name, str)):
                        return False
                stack.append(value)
        elif isinstance(current, list):
            stack.extend(current)
    return True


def _compiles(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


class SemanticChecks:
    """openapi-spec-validator's RootValidator for 3.1 (tags, paths, components), visited once each."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        self.meta_checked: set[int] = set()
        self.visited: set[int] = set()
        self.operation_ids: set[Any] = set()
        self.collected: dict[int, frozenset[str]] = {}
        dialect = data.get("jsonSchemaDialect", OAS31_DIALECT)
        self.default_dialect: str = dialect if isinstance(dialect, str) else OAS31_DIALECT
        self._document_path: Any = None

    def child(self, location: str, node: Any, key: str | int) -> tuple[str, Any]:
        value = node[key]
        return _resolve(self.data, f"{location}/{escape_pointer(str(key))}", value)

    def run(self) -> Iterator[Finding]:
        location, root = "#", self.data
        if isinstance(root.get("tags"), list):
            yield from self.tags(root["tags"])
        if "paths" in root:
            paths_at, paths = self.child(location, root, "paths")
            for url in paths:
                yield from self.path_item(url, *self.child(paths_at, paths, url))
        if "components" in root:
            components_at, components = self.child(location, root, "components")
            if "schemas" in components:
                schemas_at, schemas = self.child(components_at, components, "schemas")
                for name in schemas:
                    yield from self.schema(*self.child(schemas_at, schemas, name))

    def tags(self, tags: list[Any]) -> Iterator[Finding]:
        seen: set[Any] = set()
        for index, tag in enumerate(tags):
            name = tag.get("name") if isinstance(tag, Mapping) else None
            if name in seen:
                yield Finding(f"#/tags/{index}/name", f"Duplicate tag name '{name}'")
            seen.add(name)

    def path_item(self, url: str, location: str, item: Any) -> Iterator[Finding]:
        parameters: tuple[str, Any] | None = None
        if "parameters" in item:
            parameters = self.child(location, item, "parameters")
            yield from self.parameters(*parameters)
        try:
            in_url: set[str] | None = {field for _, field, _, _ in string.Formatter().parse(url) if field}
        except ValueError as exc:
            yield Finding(location, f"the path template {url!r} cannot be parsed: {exc}")
            in_url = None
        for name in item:
            if name in _OPERATIONS:
                yield from self.operation(url, name, *self.child(location, item, name), parameters, in_url)

    def parameters(self, location: str, parameters: Any) -> Iterator[Finding]:
        seen: set[tuple[Any, Any]] = set()
        for index in range(len(parameters)):
            at, parameter = self.child(location, parameters, index)
            if "schema" in parameter:
                yield from self.schema(*self.child(at, parameter, "schema"))
            key = (parameter["name"], parameter["in"])
            if key in seen:
                yield Finding(at, f"Duplicate parameter '{parameter['name']}'")
            seen.add(key)

    def operation(
        self,
        url: str,
        name: str,
        location: str,
        operation: Any,
        path_parameters: tuple[str, Any] | None,
        in_url: set[str] | None,
    ) -> Iterator[Finding]:
        if "operationId" in operation:
            operation_id = operation["operationId"]
            if operation_id is not None and operation_id in self.operation_ids:
                yield Finding(location, f"Operation ID '{operation_id}' for '{name}' in '{url}' is not unique")
            self.operation_ids.add(operation_id)
        if "responses" in operation:
            responses_at, responses = self.child(location, operation, "responses")
            for code in responses:
                response_at, response = self.child(responses_at, responses, code)
                if "content" in response:
                    content_at, content = self.child(response_at, response, "content")
                    for media_type in content:
                        media_at, media = self.child(content_at, content, media_type)
                        if "schema" in media:
                            yield from self.schema(*self.child(media_at, media, "schema"))
        names: list[Any] = []
        if "parameters" in operation:
            parameters = self.child(location, operation, "parameters")
            yield from self.parameters(*parameters)
            names += self.path_parameter_names(*parameters)
        if path_parameters is not None:
            names += self.path_parameter_names(*path_parameters)
        if in_url is None:
            return
        declared = set(names)
        for missing in sorted(in_url - declared) + sorted(declared - in_url):
            yield Finding(location, f"Path parameter '{missing}' for '{name}' operation in '{url}' was not resolved")

    def path_parameter_names(self, location: str, parameters: Any) -> list[Any]:
        found = []
        for index in range(len(parameters)):
            _, parameter = self.child(location, parameters, index)
            if parameter.get("in") == "path":
                found.append(parameter.get("name"))
        return found

    def schema(self, location: str, value: Any) -> Iterator[Finding]:
        """One schema reached from components, a media type or a parameter (a "root" schema)."""
        # openapi-spec-validator recurses; an explicit stack keeps deep documents off Python's
        # stack. Each entry is (location, value, require_properties, meta_checked), or a
        # finishing step for a schema whose subschemas were all visited.
        stack: list[tuple[str, Any, bool, bool] | tuple[str, Any, bool]] = [(location, value, True, False)]
        while stack:
            entry = stack.pop()
            if len(entry) == 3:
                yield from self.finish(*entry)
                continue
            at, node, require_properties, meta_checked = entry
            if not isinstance(node, Mapping | bool):
                yield Finding(at, f"{node!r} is not of type 'object', 'boolean'")
                continue
            if not meta_checked and id(node) not in self.meta_checked:
                self.meta_checked.add(id(node))
                error = self.meta_error(at, node)
                if error is not None:
                    yield error
                    continue
            if id(node) in self.visited:
                continue
            self.visited.add(id(node))
            if not isinstance(node, Mapping):
                continue
            children: list[tuple[str, Any, bool, bool]] = []
            for keyword in _SUBSCHEMA_LISTS:
                if isinstance(node.get(keyword), list):
                    list_at, items = self.child(at, node, keyword)
                    children += [(*self.child(list_at, items, i), False, True) for i in range(len(items))]
            for keyword in ("not", "items"):
                if keyword in node:
                    children.append((*self.child(at, node, keyword), False, True))
            if isinstance(node.get("properties"), Mapping):
                properties_at, properties = self.child(at, node, "properties")
                children += [(*self.child(properties_at, properties, key), False, True) for key in properties]
            stack.append((at, node, require_properties))
            stack.extend(reversed(children))

    def finish(self, location: str, node: Mapping[str, Any], require_properties: bool) -> Iterator[Finding]:
        """The checks openapi-spec-validator makes after a schema's subschemas: `required`, `default`."""
        if "allOf" in node and require_properties:
            declared = set(node.get("properties") or ())
            for item in node.get("allOf") or ():
                declared |= self.collect_properties(_resolve(self.data, "", item)[1])
            extra = [name for name in node.get("required") or () if name not in declared]
            if extra:
                yield Finding(location, f"Required list has not defined properties: {extra}")
        if "default" in node:
            default = node["default"]
            if default is not None or node.get("nullable", False) is not True:
                yield from self.default_errors(location, default)

    def collect_properties(self, node: Any) -> frozenset[str]:
        """Property names declared by `node` and its allOf/anyOf/oneOf/items/not, following `$ref`s."""
        if not isinstance(node, Mapping):
            return frozenset()
        known = self.collected.get(id(node))
        if known is not None:
            return known
        self.collected[id(node)] = frozenset()  # a cycle adds nothing new
        names = set(node.get("properties") or ()) if isinstance(node.get("properties"), Mapping) else set()
        below: list[Any] = []
        for keyword in _SUBSCHEMA_LISTS:
            if isinstance(node.get(keyword), list):
                below += node[keyword]
        below += [node[keyword] for keyword in ("items", "not") if keyword in node]
        for item in below:
            names |= self.collect_properties(_resolve(self.data, "", item)[1])
        self.collected[id(node)] = frozenset(names)
        return self.collected[id(node)]

    def meta_error(self, location: str, node: Mapping[str, Any] | bool) -> Finding | None:
        """The schema against its dialect: jsonschema-rs decides, the Python validator words it."""
        is_default_dialect = not (isinstance(node, Mapping) and "$schema" in node)
        if is_default_dialect and self.default_dialect == OAS31_DIALECT:
            if rs_validators()[1].is_valid(node) and _patterns_compile(node):
                return None
        return self.python_meta_error(location, node)

    def python_meta_error(self, location: str, node: Mapping[str, Any] | bool) -> Finding | None:
        import openapi_schema_validator  # noqa: F401  (registers the OAS dialects with jsonschema)
        from jsonschema.exceptions import SchemaError, ValidationError
        from jsonschema.validators import validator_for
        from openapi_schema_validator import oas31_format_checker

        dialect = node["$schema"] if isinstance(node, Mapping) and "$schema" in node else self.default_dialect
        if not isinstance(dialect, str):
            return Finding(location, f"Unknown JSON Schema dialect: {dialect!r}")
        # types-jsonschema leaves out that `default` may be None (what jsonschema returns for an unknown dialect).
        find_validator: Any = validator_for
        checker: Any = find_validator({"$schema": dialect}, default=None)
        if checker is None:
            return Finding(location, f"Unknown JSON Schema dialect: {dialect!r}")
        try:
            checker.check_schema(node, format_checker=oas31_format_checker)
        except (SchemaError, ValidationError) as error:
            return Finding(location + "".join("/" + escape_pointer(str(t)) for t in error.path), error.message)
        return None

    def default_errors(self, location: str, default: Any) -> Iterator[Finding]:
        """A `default` checked against its own schema, as openapi-spec-validator does (rare: lazy imports)."""
        from jsonschema_path import SchemaPath
        from openapi_schema_validator import OAS31Validator, oas31_format_checker

        if self._document_path is None:
            self._document_path = SchemaPath.from_dict(dict(self.data))
        path = self._document_path
        for token in location[2:].split("/") if location != "#" else ():
            path = path / token.replace("~1", "/").replace("~0", "~")
        with path.resolve() as resolved:
            validator = OAS31Validator(
                resolved.contents, _resolver=resolved.resolver, format_checker=oas31_format_checker
            )
            for error in validator.iter_errors(default):
                yield Finding(f"{location}/default" + pointer_of(error.path)[1:], error.message)
