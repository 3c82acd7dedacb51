"""Services and methods: added, removed, renamed; streaming, request and response types,
idempotency and deprecation."""

from __future__ import annotations

from ..model import Idempotency, Method, Service
from .changes import Break
from .context import Context, all_services, pair_by_name
from .document import has_get

__all__ = ["compare_services"]

_ALL = (Break.WIRE, Break.JSON, Break.PYTHON)


def compare_services(ctx: Context) -> None:
    """Add the changes of every service and method of `ctx.old` -> `ctx.new` to `ctx`."""
    old, new = all_services(ctx.old), all_services(ctx.new)
    pairs, removed, added = pair_by_name(old, new, {})
    # A service that disappears while one with the same methods appears was renamed.
    for name in list(added):
        twin = next((g for g in removed if _method_names(old[g]) == _method_names(new[name])), None)
        if twin is not None:
            removed.remove(twin)
            added.remove(name)
            pairs.append((twin, name))
            ctx.add(
                "service-renamed",
                name,
                _service_pointer(new[name]),
                _ALL,
                f"renamed from {twin}; Connect paths carry the service name, so old clients get `unimplemented` "
                "from new servers and the reverse, and Python code must use the new classes.",
            )
    for old_name, new_name in pairs:
        _compare_methods(ctx, old[old_name], new[new_name])
    for name in removed:
        ctx.add(
            "service-removed",
            name,
            _service_pointer(old[name]),
            _ALL,
            "old clients calling it get `unimplemented`; its classes are gone from the Python package.",
        )
    for name in added:
        ctx.add("service-added", name, _service_pointer(new[name]), (), "a new service; old clients do not call it.")


def _method_names(service: Service) -> set[str]:
    return {m.name for m in service.methods}


def _service_pointer(service: Service) -> str:
    return service.location or (service.methods[0].location if service.methods else "#/paths")


def _compare_methods(ctx: Context, old: Service, new: Service) -> None:
    old_methods = {m.name: m for m in old.methods}
    new_methods = {m.name: m for m in new.methods}
    pairs, removed, added = pair_by_name(old_methods, new_methods, {})
    for name in list(added):
        twin = next((g for g in removed if _same_signature(ctx, old_methods[g], new_methods[name])), None)
        if twin is not None:
            removed.remove(twin)
            added.remove(name)
            ctx.add(
                "method-renamed",
                f"{new.full_name}.{name}",
                new_methods[name].location,
                _ALL,
                f"looks like {twin} renamed (same request, response and streaming); the Connect path changes, "
                "so old clients get `unimplemented` from new servers and Python code must use the new name.",
            )
    for old_name, new_name in pairs:
        _compare_method(ctx, f"{new.full_name}.{new_name}", old_methods[old_name], new_methods[new_name])
    for name in removed:
        ctx.add(
            "method-removed",
            f"{old.full_name}.{name}",
            old_methods[name].location,
            _ALL,
            "old clients calling it get `unimplemented` from new servers; the Python client method is gone.",
        )
    for name in added:
        method = new_methods[name]
        ctx.add(
            "method-added",
            f"{new.full_name}.{name}",
            method.location,
            (),
            f"new {method.stream.value} method; old servers answer it with `unimplemented`.",
        )


def _same_signature(ctx: Context, old: Method, new: Method) -> bool:
    return old.stream is new.stream and ctx.same_type(old.input, new.input) and ctx.same_type(old.output, new.output)


def _idempotency(ctx: Context, method: Method, side: str) -> str:
    """The method's idempotency level: the lock's (in the model), else a Connect GET beside the POST."""
    if method.idempotency is not Idempotency.UNKNOWN:
        return str(method.idempotency.value)
    document = ctx.old_document if side == "old" else ctx.new_document
    return Idempotency.NO_SIDE_EFFECTS.value if has_get(document, method.location) else Idempotency.UNKNOWN.value


def _compare_method(ctx: Context, subject: str, old: Method, new: Method) -> None:
    where = new.location
    if old.stream is not new.stream:
        ctx.add(
            "method-streaming-changed",
            subject,
            where,
            _ALL,
            f"{old.stream.value} -> {new.stream.value}; clients and servers of the other version disagree on "
            "the framing, and the Python signatures change.",
        )
    for role, before, after in (("request", old.input, new.input), ("response", old.output, new.output)):
        if not ctx.same_type(before, after):
            ctx.add(
                f"method-{role}-changed",
                subject,
                where,
                _ALL,
                f"{role} message {before.full_name} -> {after.full_name}.",
            )
    old_level, new_level = _idempotency(ctx, old, "old"), _idempotency(ctx, new, "new")
    if old_level != new_level:
        ctx.add(
            "method-idempotency-changed",
            subject,
            where,
            (),
            f"idempotency {old_level} -> {new_level}; the generated clients retry only methods free of "
            "side effects or idempotent, so retries start or stop, and Connect may send reads as GET.",
        )
    if old.deprecated != new.deprecated:
        ctx.add(
            "method-deprecated" if new.deprecated else "method-undeprecated",
            subject,
            where,
            (),
            "marked deprecated." if new.deprecated else "no longer deprecated.",
        )
