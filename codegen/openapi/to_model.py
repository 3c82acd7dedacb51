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
from ..naming import proto_file_path
from .components import ComponentKind, check_type_name, index_components, is_top_level, split_full_name
from .document import Document
from .enums import build_enum
from .messages import MessageBuilder
from .services import build_services
from .spec import read_spec

__all__ = ["to_draft"]


def to_draft(document: Document, reporter: Reporter) -> ApiDraft:
    """Build the unnumbered model of `document`, reporting every problem into `reporter`."""
    spec = read_spec(document)  # 1. collect
    index = index_components(spec.schemas, reporter)  # 2. classify
    # 3. messages and enums: top-level ones here; nested ones (`pkg.Outer.Inner`) are built by their parent.
    schemas = spec.schemas
    messages = MessageBuilder(schemas, index, reporter, lambda name, schema: build_enum(name, schema, reporter))
    enums: list[DraftEnum] = []
    for name in index.of_kind(ComponentKind.ENUM):
        if is_top_level(name, index, schemas[name].location, reporter):
            built = build_enum(name, schemas[name], reporter)
            if built is not None:
                enums.append(built)
    top_messages: list[DraftMessage] = []
    for name in index.of_kind(ComponentKind.MESSAGE):
        location = schemas[name].location
        if is_top_level(name, index, location, reporter) and check_type_name(name, location, reporter):
            top_messages.append(messages.message(name, schemas[name]))
    services = build_services(spec, index, reporter)  # 4. services
    return ApiDraft(  # 5. assemble
        title=spec.title,
        version=spec.version,
        description=spec.description,
        base_url=spec.base_url,
        packages=_packages(top_messages, enums, list(services.values())),
        source=spec.source,
        error_codes=spec.error_codes,
    )


def _packages(
    messages: list[DraftMessage], enums: list[DraftEnum], services: list[Service]
) -> tuple[DraftPackage, ...]:
    names = sorted(
        {split_full_name(m.full_name)[0] for m in messages}
        | {split_full_name(e.full_name)[0] for e in enums}
        | {s.full_name.rpartition(".")[0] for s in services}
    )
    packages = []
    for name in names:
        package_messages = tuple(m for m in messages if split_full_name(m.full_name)[0] == name)
        package_services = tuple(s for s in services if s.full_name.rpartition(".")[0] == name)
        packages.append(
            DraftPackage(
                name=name,
                services=package_services,
                messages=package_messages,
                enums=tuple(e for e in enums if split_full_name(e.full_name)[0] == name),
                imports=_imports(name, package_messages, package_services),
            )
        )
    return tuple(packages)


def _imports(package: str, messages: tuple[DraftMessage, ...], services: tuple[Service, ...]) -> tuple[str, ...]:
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
        other = split_full_name(name)[0]
        if other != package:
            files.add(proto_file_path(other))
    return tuple(sorted(files))
