"""Stage 2: recover the API (packages, services, messages, enums) from a loaded OpenAPI document.

`to_model(document, lock)` reverses what protoc-gen-connect-openapi writes. It never modifies
the document or the lock it is given; it returns the model, the lock as it must now be saved
(old numbers kept, new ones added), and warnings about what it skipped. Any error stops it with
a CodegenError that lists every problem with its JSON pointer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .components import REF_PREFIX, ComponentIndex, ComponentKind, index_components, split_full_name
from .diagnostics import CodegenError, Diagnostic, Severity, escape_pointer, pointer
from .load import Document
from .lock import EnumLock, Lock, MessageLock
from .model import (
    WELL_KNOWN_TYPES,
    Api,
    Enum,
    EnumRef,
    FieldLabel,
    MapType,
    Message,
    MessageRef,
    Method,
    ProtoPackage,
    Service,
    StreamKind,
    TypeRef,
)
from .naming import is_proto_identifier, proto_file_path, snake_case
from .numbering import DraftField, DraftValue, number_enum, number_message
from .schema_types import FieldShape, InlineMessage, TypeRules

__all__ = ["ModelResult", "to_model"]

_CONNECT_PATH = re.compile(
    r"/(?P<package>(?:[A-Za-z_]\w*\.)*[a-z_]\w*)\.(?P<service>[A-Za-z_]\w*)/(?P<method>[A-Za-z_]\w*)\Z"
)
_OPERATION_ID = re.compile(
    r"(?P<package>(?:[A-Za-z_]\w*\.)*[a-z_]\w*)\.(?P<service>[A-Z]\w*)\.(?P<method>[A-Za-z_]\w*)\Z"
)
_STREAMING_MEDIA = ("application/connect+json", "application/connect+proto", "application/grpc")
_NAMEABLE_KEY = re.compile(r"[A-Za-z0-9_. -]+\Z")
_HTTP_VERBS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})
_ENUM_VALUE_NOTE = re.compile(r"^\s*[-*•]\s*`?(?P<name>[A-Za-z_][A-Za-z0-9_]*)`?\s*:\s*(?P<text>.+)$")


@dataclass(frozen=True, slots=True)
class ModelResult:
    """What `to_model` returns."""

    api: Api
    lock: Lock
    """The lock to save: everything the input lock had, plus the numbers handed out now."""
    warnings: tuple[Diagnostic, ...]


def to_model(document: Document, lock: Lock) -> ModelResult:
    """Build the model of `document`, numbering fields with `lock`. Raises CodegenError on errors."""
    builder = _Builder(document, lock)
    api, new_lock = builder.build()
    errors = [d for d in builder.diagnostics if d.severity is Severity.ERROR]
    if errors:
        raise CodegenError(builder.diagnostics)
    return ModelResult(api, new_lock, tuple(builder.diagnostics))


class _Builder:
    """Holds the state of one conversion; discarded afterwards."""

    def __init__(self, document: Document, lock: Lock) -> None:
        self.document = document
        self.lock = lock
        self.diagnostics: list[Diagnostic] = []
        self.index: ComponentIndex
        self.index, notes = index_components(document.schemas)
        self.diagnostics.extend(notes)
        self.rules = TypeRules(document.schemas, self.index, self.diagnostics.append)
        self.message_locks: dict[str, MessageLock] = dict(lock.messages)
        self.enum_locks: dict[str, EnumLock] = dict(lock.enums)

    def fail(self, location: str, message: str, hint: str = "") -> None:
        self.diagnostics.append(Diagnostic(Severity.ERROR, location, message, hint))

    # -- the whole API ---------------------------------------------------------------------

    def build(self) -> tuple[Api, Lock]:
        schemas = self.document.schemas
        messages: dict[str, Message] = {}
        enums: dict[str, Enum] = {}
        # Top-level types here; nested ones (`pkg.Outer.Inner`) are built by their parent message.
        for name in self.index.of_kind(ComponentKind.ENUM):
            if self._is_top_level(name):
                built = self._enum(name, schemas[name], pointer("components", "schemas", name))
                if built is not None:
                    enums[name] = built
        for name in self.index.of_kind(ComponentKind.MESSAGE):
            location = pointer("components", "schemas", name)
            if self._is_top_level(name) and self._check_type_name(name, location):
                messages[name] = self._message(name, schemas[name], location)
        services = self._services()
        packages = self._packages(messages, enums, services)
        info = self.document.data.get("info") or {}
        servers = self.document.data.get("servers") or []
        base_url = str(servers[0].get("url", "")) if servers and isinstance(servers[0], Mapping) else ""
        api = Api(
            title=str(info.get("title", "")),
            version=str(info.get("version", "")),
            description=str(info.get("description", "")).strip(),
            base_url=base_url.rstrip("/"),
            packages=packages,
            source=self.document.source,
        )
        new_lock = Lock(
            messages=dict(sorted(self.message_locks.items())),
            enums=dict(sorted(self.enum_locks.items())),
            methods=self.lock.methods,
            source=self.lock.source,
        )
        return api, new_lock

    def _is_top_level(self, full_name: str) -> bool:
        """True for `pkg.Type`; a nested `pkg.Outer.Inner` must have its parent among the messages."""
        path = split_full_name(full_name)[1]
        if len(path) <= 1:
            return True
        parent = full_name.rpartition(".")[0]
        if self.index.kinds.get(parent) is not ComponentKind.MESSAGE:
            self.fail(
                pointer("components", "schemas", full_name),
                f"{full_name!r} is nested in {parent!r}, which is not a message component",
                "add the parent message or move the type to the package level",
            )
        return False

    def _check_type_name(self, full_name: str, location: str) -> bool:
        package, path = split_full_name(full_name)
        if not package or not path:
            self.fail(
                location,
                f"component {full_name!r} is not a fully-qualified proto name",
                "name components `<package>.<Type>`, e.g. `acme.v1.Widget`",
            )
            return False
        if package == "google.protobuf":
            self.fail(
                location,
                f"{full_name!r} is not one of the well-known types protoc ships",
                "rename the component out of the google.protobuf package, or use a well-known type",
            )
            return False
        bad = [s for s in package.split(".") + list(path) if not is_proto_identifier(s)]
        if bad:
            self.fail(
                location,
                f"{bad[0]!r} in {full_name!r} is not a valid proto identifier",
                "use letters, digits and underscores, not starting with a digit",
            )
            return False
        return True

    # -- messages --------------------------------------------------------------------------

    def _message(self, full_name: str, schema: Any, location: str) -> Message:
        """Build one message with its fields numbered; nested components and inline objects nest."""
        drafts, oneof_names, inline = self._fields(full_name, schema, location)
        lock_location = f"{self.lock.source}#/messages/{escape_pointer(full_name)}"
        numbered = number_message(
            drafts, oneof_names, self.lock.message(full_name), lock_location, self.diagnostics.append
        )
        self.message_locks[full_name] = numbered.lock
        nested = [self._message(f"{full_name}.{i.name}", i.schema, i.location) for i in inline]
        for child in self.index.nested_in(full_name, ComponentKind.MESSAGE):
            child_location = pointer("components", "schemas", child)
            if self._check_type_name(child, child_location):
                nested.append(self._message(child, self.document.schemas[child], child_location))
        nested_enums = [
            built
            for child in self.index.nested_in(full_name, ComponentKind.ENUM)
            if (built := self._enum(child, self.document.schemas[child], pointer("components", "schemas", child)))
            is not None
        ]
        nested_names: dict[str, str] = {}
        nested_types: list[Message | Enum] = [*nested, *nested_enums]
        for nested_type in nested_types:
            if nested_type.name in nested_names:
                self.fail(
                    nested_type.location,
                    f"{full_name!r} gets two nested types named {nested_type.name!r}",
                    f"the other one comes from {nested_names[nested_type.name]}; an inline object property "
                    "becomes a nested message named after the property, so rename the property or the component",
                )
            nested_names.setdefault(nested_type.name, nested_type.location)
        _, path = split_full_name(full_name)
        return Message(
            full_name=full_name,
            name=path[-1] if path else full_name,
            fields=numbered.fields,
            oneofs=numbered.oneofs,
            reserved_numbers=numbered.reserved_numbers,
            reserved_names=numbered.reserved_names,
            nested_messages=tuple(nested),
            nested_enums=tuple(nested_enums),
            description=_text(schema.get("description") if isinstance(schema, Mapping) else None),
            location=location,
        )

    def _fields(
        self, full_name: str, schema: Any, location: str
    ) -> tuple[list[DraftField], list[str], list[InlineMessage]]:
        """Draft fields in declaration order: plain properties first, then each oneof group."""
        if not isinstance(schema, Mapping):
            self.fail(location, "a message schema must be an object", "describe the message with `type: object`")
            return [], [], []
        if "anyOf" in schema:
            self.fail(
                location + "/anyOf",
                "anyOf has no proto form",
                "write a proto oneof as oneOf of single-property objects",
            )
        # `required` constrains the whole object, so a key listed at the top or in any allOf member is
        # required wherever its property is declared (oneOf alternatives list their only key; not this).
        required = set(_names(schema.get("required")))
        for member in schema.get("allOf") or []:
            if isinstance(member, Mapping):
                required.update(_names(member.get("required")))
        property_sets: list[tuple[Mapping[str, Any], str]] = []
        groups: list[tuple[list[Any], str]] = []
        if isinstance(schema.get("properties"), Mapping):
            property_sets.append((schema["properties"], location + "/properties"))
        for index, member in enumerate(schema.get("allOf") or []):
            spot = f"{location}/allOf/{index}"
            if not isinstance(member, Mapping) or "$ref" in member:
                self.fail(
                    spot, "allOf members that are references (inheritance) have no proto form", "inline the properties"
                )
                continue
            if isinstance(member.get("properties"), Mapping):
                property_sets.append((member["properties"], spot + "/properties"))
            if isinstance(member.get("oneOf"), list):
                groups.append((member["oneOf"], spot + "/oneOf"))
        if isinstance(schema.get("oneOf"), list):
            groups.append((schema["oneOf"], location + "/oneOf"))

        drafts: list[DraftField] = []
        inline: list[InlineMessage] = []
        for properties, where in property_sets:
            for key, prop in properties.items():
                draft = self._draft(
                    full_name, key, prop, f"{where}/{escape_pointer(key)}", key in required, None, inline
                )
                if draft is not None:
                    drafts.append(draft)
        oneof_names: list[str] = []
        group_members = [self._oneof_members(full_name, alternatives, where, inline) for alternatives, where in groups]
        # A oneof shares the message's name space with every field, its own members included.
        taken = {d.name for d in drafts} | {m.name for members in group_members for m in members}
        for members in group_members:
            name = self._oneof_name(full_name, [m.name for m in members], taken | set(oneof_names))
            oneof_names.append(name)
            # Members the lock lists come in its order (it decides the numbers of new ones); others follow.
            order = self.lock.message(full_name).oneofs.get(name, ())
            members.sort(key=lambda m: order.index(m.name) if m.name in order else len(order))
            drafts.extend(
                DraftField(
                    m.name,
                    m.json_name,
                    m.type,
                    FieldLabel.SINGULAR,
                    name,
                    False,
                    m.deprecated,
                    m.description,
                    m.location,
                )
                for m in members
            )
        seen: dict[str, str] = {}
        for draft in drafts:
            for key in (draft.name, "json:" + draft.json_name):
                if key in seen:
                    self.fail(
                        draft.location,
                        f"two properties map to the same field name or JSON name {key.removeprefix('json:')!r}",
                        f"rename one of them (the other is {seen[key]})",
                    )
                seen[key] = draft.location
        return drafts, oneof_names, inline

    def _oneof_members(
        self, owner: str, alternatives: list[Any], where: str, inline: list[InlineMessage]
    ) -> list[DraftField]:
        members: list[DraftField] = []
        for index, alternative in enumerate(alternatives):
            spot = f"{where}/{index}"
            properties = alternative.get("properties") if isinstance(alternative, Mapping) else None
            if not isinstance(properties, Mapping) or len(properties) != 1:
                self.fail(
                    spot,
                    "a oneOf alternative must be an object with exactly one property",
                    "this is how a proto oneof is written; other oneOf forms have no proto equivalent",
                )
                continue
            ((key, prop),) = properties.items()
            draft = self._draft(owner, key, prop, f"{spot}/properties/{escape_pointer(key)}", False, None, inline)
            if draft is not None:
                if draft.label is not FieldLabel.SINGULAR:
                    self.fail(
                        draft.location,
                        "a oneof member cannot be repeated, a map or optional",
                        "wrap the list or map in a message and make that the oneof member",
                    )
                    continue
                members.append(draft)
        return members

    def _oneof_name(self, owner: str, members: list[str], taken: set[str]) -> str:
        """The lock's name for a oneof with these members, else `kind` (`kind_2`, ... for several)."""
        for name, locked in self.lock.message(owner).oneofs.items():
            if name not in taken and set(locked) & set(members):
                return name
        base = "kind"
        name = base
        counter = 1
        while name in taken:
            counter += 1
            name = f"{base}_{counter}"
        return name

    def _draft(
        self,
        owner: str,
        key: str,
        schema: Any,
        location: str,
        required: bool,
        oneof: str | None,
        inline: list[InlineMessage],
    ) -> DraftField | None:
        title = schema.get("title") if isinstance(schema, Mapping) else None
        has_title = isinstance(title, str) and bool(title)
        if not has_title and not _NAMEABLE_KEY.match(key):
            # snake_case keeps ASCII letters and digits only: `été` would silently become `t`.
            self.fail(
                location,
                f"property {key!r} has characters a proto field name cannot keep",
                "set `title` to the snake_case proto field name",
            )
            return None
        name = str(title) if has_title else snake_case(key)
        if not is_proto_identifier(name):
            self.fail(
                location + ("/title" if has_title else ""),
                f"field name {name!r} is not a valid proto identifier",
                "set `title` to the snake_case proto field name",
            )
            return None
        shape = self.rules.field_shape(schema, location, owner, name)
        if shape is None:
            return None
        field_type = self._materialise(shape, owner, inline)
        return DraftField(
            name=name,
            json_name=key,
            type=field_type,
            label=shape.label,
            oneof=oneof,
            required=required,
            deprecated=bool(schema.get("deprecated")),
            description=_text(schema.get("description")),
            location=location,
        )

    @staticmethod
    def _materialise(shape: FieldShape, owner: str, inline: list[InlineMessage]) -> TypeRef | MapType:
        """Turn an inline object into a reference to the nested message that will hold it."""
        if isinstance(shape.type, InlineMessage):
            inline.append(shape.type)
            return MessageRef(f"{owner}.{shape.type.name}")
        return shape.type

    # -- enums -----------------------------------------------------------------------------

    def _enum(self, full_name: str, schema: Mapping[str, Any], location: str) -> Enum | None:
        if not self._check_type_name(full_name, location):
            return None
        names = schema.get("enum") or []
        description = _text(schema.get("description"))
        notes = _enum_value_notes(description)
        drafts: list[DraftValue] = []
        entry = self.lock.enum(full_name)
        for index, value in enumerate(names):
            if not isinstance(value, str) or not is_proto_identifier(value):
                self.fail(
                    f"{location}/enum/{index}",
                    f"enum value {value!r} is not a valid proto identifier",
                    "protobuf JSON writes enum values by name; use the proto value names",
                )
                continue
            if any(draft.name == value for draft in drafts):
                self.fail(
                    f"{location}/enum/{index}",
                    f"enum value {value!r} is listed twice",
                    "remove the duplicate from `enum`",
                )
                continue
            if value in entry.reserved_names:
                self.fail(
                    f"{location}/enum/{index}",
                    f"enum value name {value!r} is reserved in the lock",
                    f"a value of that name was removed before; rename it, or delete the name from "
                    f"{self.lock.source}#/enums/{escape_pointer(full_name)}/reserved",
                )
                continue
            drafts.append(DraftValue(value, notes.get(value, "")))
        if not drafts:
            self.fail(location + "/enum", "an enum needs at least one value", "list the proto value names in `enum`")
            return None
        numbered = number_enum(drafts, entry)
        self.enum_locks[full_name] = numbered.lock
        if numbered.values[0].number != 0:
            self.fail(
                location + "/enum",
                "no value of this enum has number 0, which proto3 requires",
                f"assign 0 to a value in {self.lock.source}#/enums/{escape_pointer(full_name)}",
            )
        return Enum(
            full_name=full_name,
            name=split_full_name(full_name)[1][-1],
            values=numbered.values,
            reserved_numbers=numbered.reserved_numbers,
            reserved_names=numbered.reserved_names,
            description=description,
            location=location,
        )

    # -- services --------------------------------------------------------------------------

    def _services(self) -> dict[str, Service]:
        methods: dict[str, list[Method]] = {}
        descriptions = {
            str(tag.get("name")): _text(tag.get("description"))
            for tag in self.document.data.get("tags") or []
            if isinstance(tag, Mapping)
        }
        deferred: list[tuple[str, str, Mapping[str, Any], str]] = []
        for path, item in (self.document.data.get("paths") or {}).items():
            if not isinstance(item, Mapping):
                continue
            match = _CONNECT_PATH.match(path)
            for verb, operation in item.items():
                if verb not in _HTTP_VERBS or not isinstance(operation, Mapping):
                    continue
                location = pointer("paths", path, verb)
                if match is not None and verb == "post":
                    self._add_method(methods, match["package"], match["service"], match["method"], operation, location)
                elif match is not None and verb == "get" and isinstance(item.get("post"), Mapping):
                    # The Connect GET form of a side-effect-free method (request in the query string);
                    # the POST next to it already defines the method.
                    continue
                else:
                    deferred.append((path, verb, operation, location))
        for path, verb, operation, location in deferred:
            op_id = _OPERATION_ID.match(str(operation.get("operationId", "")))
            service = f"{op_id['package']}.{op_id['service']}" if op_id else ""
            if (
                op_id
                and not any(m.name == op_id["method"] for m in methods.get(service, []))
                and self._has_bodies(operation)
            ):
                self.diagnostics.append(
                    Diagnostic(
                        Severity.WARNING,
                        location,
                        f"{verb.upper()} {path!r} is not a Connect path; the method was recovered from its operationId",
                    )
                )
                self._add_method(methods, op_id["package"], op_id["service"], op_id["method"], operation, location)
            else:
                self.diagnostics.append(
                    Diagnostic(
                        Severity.WARNING,
                        location,
                        f"skipped {verb.upper()} {path!r}: not a Connect method "
                        "(`POST /<package>.<Service>/<Method>`), e.g. a REST binding or a Twirp route; "
                        "its messages are still converted",
                    )
                )
        return {
            name: Service(name, name.rpartition(".")[2], tuple(found), descriptions.get(name, ""))
            for name, found in methods.items()
        }

    def _has_bodies(self, operation: Mapping[str, Any]) -> bool:
        """True when the operation has a request body and a 200 response with content (a method can be built)."""
        request_body = self._resolved(operation.get("requestBody"))
        success = self._resolved((operation.get("responses") or {}).get("200"))
        return bool(request_body.get("content")) and bool(success.get("content"))

    def _resolved(self, node: Any) -> Mapping[str, Any]:
        """A request body or response object, following a `$ref` (load checked it points somewhere)."""
        if isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
            node = self.document.resolve(node["$ref"])[1]
        return node if isinstance(node, Mapping) else {}

    def _add_method(
        self,
        methods: dict[str, list[Method]],
        package: str,
        service: str,
        name: str,
        operation: Mapping[str, Any],
        location: str,
    ) -> None:
        full_service = f"{package}.{service}"
        if any(m.name == name for m in methods.get(full_service, [])):
            self.fail(location, f"method {full_service}/{name} is defined twice", "remove the duplicate path")
            return
        request_body = self._resolved(operation.get("requestBody"))
        success = self._resolved((operation.get("responses") or {}).get("200"))
        input_ref, input_streams = self._body(request_body.get("content"), location + "/requestBody/content", "request")
        output_ref, output_streams = self._body(success.get("content"), location + "/responses/200/content", "response")
        if input_ref is None or output_ref is None:
            return
        stream = StreamKind.SERVER if (input_streams or output_streams) else StreamKind.UNARY
        locked = self.lock.methods.get(f"{full_service}/{name}")
        if locked is not None and (locked is StreamKind.UNARY) != (stream is StreamKind.UNARY):
            self.fail(
                f"{self.lock.source}#/methods/{escape_pointer(f'{full_service}/{name}')}/streaming",
                f"the lock makes {full_service}/{name} {locked.value}, but the document's media types say "
                + ("it streams" if stream is StreamKind.SERVER else "it is unary"),
                "the lock may only say which side streams (server, client or bidi) of a method the document "
                "marks as streaming (application/connect+json, application/connect+proto, application/grpc*)",
            )
            return
        stream = locked or stream
        methods.setdefault(full_service, []).append(
            Method(
                name=name,
                input=input_ref,
                output=output_ref,
                stream=stream,
                summary=_text(operation.get("summary")),
                description=_text(operation.get("description")),
                deprecated=bool(operation.get("deprecated")),
                location=location,
            )
        )

    def _body(self, content: Any, location: str, what: str) -> tuple[MessageRef | None, bool]:
        if not isinstance(content, Mapping) or not content:
            self.fail(
                location, f"the operation has no {what} body", f"a Connect method has a {what} message; add its schema"
            )
            return None, False
        streams = any(media.startswith(_STREAMING_MEDIA) for media in content)
        refs = {
            str((media_type.get("schema") or {}).get("$ref", ""))
            for media_type in content.values()
            if isinstance(media_type, Mapping)
        }
        if len(refs) != 1:
            self.fail(
                location,
                f"the {what} media types do not share one schema $ref",
                "every media type of a Connect method carries the same message",
            )
            return None, streams
        ref = refs.pop()
        name = ref[len(REF_PREFIX) :] if ref.startswith(REF_PREFIX) else ""
        if self.index.kinds.get(name) not in (ComponentKind.MESSAGE, ComponentKind.WELL_KNOWN_MESSAGE):
            self.fail(
                location,
                f"the {what} schema {ref or '(none)'!r} is not a message component",
                "reference a message component with $ref",
            )
            return None, streams
        return MessageRef(name), streams

    # -- packages --------------------------------------------------------------------------

    def _packages(
        self, messages: dict[str, Message], enums: dict[str, Enum], services: dict[str, Service]
    ) -> tuple[ProtoPackage, ...]:
        top_messages = list(messages.values())
        top_enums = list(enums.values())
        names = sorted(
            {split_full_name(m.full_name)[0] for m in top_messages}
            | {split_full_name(e.full_name)[0] for e in top_enums}
            | {s.full_name.rpartition(".")[0] for s in services.values()}
        )
        packages = []
        for name in names:
            package_messages = tuple(m for m in top_messages if split_full_name(m.full_name)[0] == name)
            package_services = tuple(s for s in services.values() if s.full_name.rpartition(".")[0] == name)
            packages.append(
                ProtoPackage(
                    name=name,
                    services=package_services,
                    messages=package_messages,
                    enums=tuple(e for e in top_enums if split_full_name(e.full_name)[0] == name),
                    imports=_imports(name, package_messages, package_services),
                )
            )
        return tuple(packages)


def _imports(package: str, messages: tuple[Message, ...], services: tuple[Service, ...]) -> tuple[str, ...]:
    """The .proto files a package must import: well-known types and other packages it references."""
    referenced: set[str] = set()

    def visit(message: Message) -> None:
        for field in message.fields:
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


def _names(value: Any) -> list[str]:
    """The strings of a `required` list (anything else in it is the validator's business)."""
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _enum_value_notes(description: str) -> dict[str, str]:
    """Per-value comments written as a bullet list in the enum's description (`- NAME: text`)."""
    notes: dict[str, str] = {}
    for line in description.splitlines():
        match = _ENUM_VALUE_NOTE.match(line)
        if match:
            notes[match["name"]] = match["text"].strip()
    return notes
