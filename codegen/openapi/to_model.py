"""Stage 2: recover the API (packages, services, messages, enums) from a loaded OpenAPI document.

`to_draft(document, reporter)` reverses what protoc-gen-connect-openapi writes, in explicit phases:

1. collect: `spec.read_spec` mirrors the raw JSON as typed, frozen data (the document is never
   modified);
2. classify: `components.index_components` decides what each component schema stands for;
3. build messages and enums: `messages.MessageBuilder` and `enums.build_enum` (property schemas
   through `schema_types.TypeRules`);
4. build services: `services.build_services`;
5. assemble: group everything by proto package and work out each package's imports.

The result is an `ApiDraft`: the model without numbers. The lock stage numbers it
(`codegen.lock.number`). Problems go to the reporter, each with its JSON pointer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..diagnostics import Reporter
from ..model import (
    WELL_KNOWN_TYPES,
    ApiDraft,
    DraftEnum,
    DraftMessage,
    DraftPackage,
    EnumRef,
    MapType,
    MessageRef,
    Service,
)
from ..naming import lower_camel, proto_file_path
from .components import ComponentIndex, ComponentKind, check_type_name, index_components, is_top_level, orphans
from .document import Document
from .enums import build_enum
from .helpers import protocol_helpers
from .messages import MessageBuilder
from .paths import connect_route, route_from_operation_id
from .services import build_services
from .spec import Schema, Spec, read_spec
from .type_names import DOTTED_NAME
from .unread import report_unread_keywords

__all__ = ["to_draft"]


def to_draft(document: Document, reporter: Reporter) -> ApiDraft:
    """Build the unnumbered model of `document`, reporting every problem into `reporter`."""
    for note in document.notes:
        reporter.add(note)
    spec = read_spec(document)  # 1. collect
    # 2. classify: helpers by kind, packages as the document names them
    index = index_components(spec.schemas, protocol_helpers(document.data), _stated_packages(spec), reporter)
    # 3. messages and enums: top-level ones here; nested ones (`pkg.Outer.Inner`) are built by their parent.
    schemas = spec.schemas
    proto_names = _uses_proto_names(spec, index)
    if proto_names:
        reporter.warning(
            "#/components/schemas",
            "the property keys are proto field names (protoc-gen-connect-openapi's `with-proto-names`): the JSON "
            "names are protobuf's default lowerCamel names (protobuf JSON parsers accept both)",
            "custom json_name options are not in such a document; a lock cannot restore them either",
        )
    enum_of = lambda name, schema: build_enum(name, schema, index, reporter)  # noqa: E731
    messages = MessageBuilder(schemas, index, reporter, enum_of, proto_names=proto_names)
    enums: list[DraftEnum] = []
    for name in index.of_kind(ComponentKind.ENUM):
        if is_top_level(name, index, schemas[name].location, reporter):
            built = build_enum(name, schemas[name], index, reporter)
            if built is not None:
                enums.append(built)
    top_messages: list[DraftMessage] = []
    for name in index.of_kind(ComponentKind.MESSAGE):
        location = schemas[name].location
        if is_top_level(name, index, location, reporter) and check_type_name(name, location, index, reporter):
            top_messages.append(messages.message(name, schemas[name]))
    top_messages += _holders(orphans(index, reporter), index, schemas, messages, enum_of, reporter)
    converted = index.of_kind(ComponentKind.MESSAGE, ComponentKind.ENUM, ComponentKind.MAP_ENTRY)
    report_unread_keywords(document.schemas, converted, reporter)
    services, path_prefix = build_services(spec, index, reporter)  # 4. services
    return ApiDraft(  # 5. assemble
        title=spec.title,
        version=spec.version,
        description=spec.description,
        base_url=spec.base_url,
        packages=_packages(top_messages, enums, list(services.values()), index),
        source=spec.source,
        error_codes=spec.error_codes,
        path_prefix=path_prefix,
    )


def _holders(
    names: list[str],
    index: ComponentIndex,
    schemas: Mapping[str, Schema],
    messages: MessageBuilder,
    enum_of: Callable[[str, Schema], DraftEnum | None],
    reporter: Reporter,
) -> list[DraftMessage]:
    """Empty messages named like the missing parents of `names`, holding them (nested as their names say)."""
    tree: dict[str, list[str]] = {}
    for name in names:
        package, path = index.names[name]
        prefix = f"{package}." if package else ""
        for end in range(1, len(path)):
            parent = prefix + ".".join(path[:end])
            child = prefix + ".".join(path[: end + 1])
            if child not in tree.setdefault(parent, []):
                tree[parent].append(child)
        reporter.warning(
            schemas[name].location,
            f"the message {name.rpartition('.')[0]!r} that holds {name!r} is not in the document "
            "(written with `trim-unused-types`?): an empty message of that name holds it",
            "the type keeps its full name, so nothing changes on the wire",
        )

    def build(full_name: str) -> DraftMessage:
        nested: list[DraftMessage] = []
        nested_enums: list[DraftEnum] = []
        for child in tree.get(full_name, []):
            if child in tree:
                nested.append(build(child))
            elif index.kinds.get(child) is ComponentKind.ENUM:
                built = enum_of(child, schemas[child])
                nested_enums += [built] if built is not None else []
            elif check_type_name(child, schemas[child].location, index, reporter):
                nested.append(messages.message(child, schemas[child]))
        short = full_name.rpartition(".")[2]
        where = schemas[names[0]].location
        return DraftMessage(full_name, short, (), (), tuple(nested), tuple(nested_enums), "", where)

    children = {child for kids in tree.values() for child in kids}
    return [build(parent) for parent in tree if parent not in children]


def _stated_packages(spec: Spec) -> set[str]:
    """Package names the document states: in Connect paths, operationIds and `info.title`."""
    found = {spec.title} if DOTTED_NAME.match(spec.title) else set()
    for operation in spec.operations:
        route = connect_route(operation.path, operation.operation_id, operation.verb) or route_from_operation_id(
            operation.operation_id
        )
        if route is not None and route.package:
            found.add(route.package)
    return found


def _uses_proto_names(spec: Spec, index: ComponentIndex) -> bool:
    """True when every property whose proto name differs from its JSON name is keyed by the proto name."""
    telling = 0
    for name in index.of_kind(ComponentKind.MESSAGE):
        for key, title in _titled_properties(spec.schemas[name]):
            if lower_camel(title) == title:
                continue
            if key != title:
                return False
            telling += 1
    # One such property could just as well have a custom json_name; two or more are the option's pattern.
    return telling > 1


def _titled_properties(schema: Schema) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    sources = [schema, *(schema.all_of or ()), *(schema.one_of or ())]
    sources += [member for source in schema.all_of or () for member in source.one_of or ()]
    for source in sources:
        for key, prop in (source.properties or {}).items():
            if prop.title and DOTTED_NAME.match(prop.title) and "." not in prop.title:
                found.append((key, prop.title))
    return found


def _packages(
    messages: list[DraftMessage], enums: list[DraftEnum], services: list[Service], index: ComponentIndex
) -> tuple[DraftPackage, ...]:
    names = sorted(
        {index.package_of(m.full_name) for m in messages}
        | {index.package_of(e.full_name) for e in enums}
        | {s.full_name.rpartition(".")[0] for s in services}
    )
    packages = []
    for name in names:
        package_messages = tuple(m for m in messages if index.package_of(m.full_name) == name)
        package_services = tuple(s for s in services if s.full_name.rpartition(".")[0] == name)
        packages.append(
            DraftPackage(
                name=name,
                services=package_services,
                messages=package_messages,
                enums=tuple(e for e in enums if index.package_of(e.full_name) == name),
                imports=_imports(name, package_messages, package_services, index),
            )
        )
    return tuple(packages)


def _imports(
    package: str, messages: tuple[DraftMessage, ...], services: tuple[Service, ...], index: ComponentIndex
) -> tuple[str, ...]:
    """The .proto files a package must import: well-known types and other packages it references."""
    referenced: set[str] = set()

    def visit(message: DraftMessage) -> None:
        for field in (*message.fields, *(f for oneof in message.oneofs for f in oneof.fields)):
            types = [field.type.key, field.type.value] if isinstance(field.type, MapType) else [field.type]
            referenced.update(t.full_name for t in types if isinstance(t, (MessageRef, EnumRef)))
        for child in message.nested_messages:
            visit(child)

    for message in messages:
        visit(message)
    for service in services:
        for method in service.methods:
            referenced.update((method.input.full_name, method.output.full_name))
    files = set()
    for name in referenced:
        if name in WELL_KNOWN_TYPES:
            files.add(WELL_KNOWN_TYPES[name])
            continue
        other = index.package_of(name)
        if other != package:
            files.add(proto_file_path(other))
    return tuple(sorted(files))
