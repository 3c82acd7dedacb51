"""Package and type names, told apart by the document, never by letter case.

A component key is a full proto name (`acme.v1.Order.Line`), but where the package ends is not written
down: packages may have upper-case segments (`Acme.Billing`), types may be lower-case (`lookup`), and a
.proto without a `package` line gives keys such as `User`. The document says it in other ways, tried in
this order:

1. a key whose parent key is a component is nested in that component (`acme.v1.Order.Line`);
2. the packages the document names: Connect paths (`/acme.v1.OrderService/Get`), operationIds, and
   `info.title` (the generator writes the package there) when it is a dotted name;
3. a component's `title`, the type's short name, ends its key: what comes before it is the package;
4. otherwise everything before the last segment is the package ("" for a key without dots).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

__all__ = ["DOTTED_NAME", "split_names"]

DOTTED_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*\Z")


def split_names(
    keys: Iterable[str], titles: Mapping[str, str | None], packages: Iterable[str]
) -> dict[str, tuple[str, tuple[str, ...]]]:
    """{component key: (package, type path)} for `keys` (the components that become types).

    `titles` gives each key's `title` (or None); `packages` the package names the document states.
    """
    names = list(keys)
    present = set(names)
    known = sorted({p for p in packages if p}, key=len, reverse=True)
    result: dict[str, tuple[str, tuple[str, ...]]] = {}

    def split(key: str) -> tuple[str, tuple[str, ...]]:
        if key in result:
            return result[key]
        parent, _, last = key.rpartition(".")
        if parent in present:
            package, path = split(parent)
            found = (package, (*path, last))
        else:
            found = _package_split(key, titles.get(key), known)
        result[key] = found
        return found

    for key in names:
        split(key)
    return result


def _package_split(key: str, title: str | None, known: list[str]) -> tuple[str, tuple[str, ...]]:
    for package in known:
        if key.startswith(package + "."):
            return package, tuple(key[len(package) + 1 :].split("."))
    if title and DOTTED_NAME.match(title) and "." not in title and key.endswith("." + title):
        return key[: -len(title) - 1], (title,)
    package, _, last = key.rpartition(".")
    return package, (last,)
