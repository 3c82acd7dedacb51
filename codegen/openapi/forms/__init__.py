"""The property schema forms, one module per family; `schema_types.TypeRules` applies them in order.

- `composition`: wrappers around the real schema (`allOf: [$ref]`, the `oneOf` forms, `nullable`);
- `references`: `$ref` to a message or enum component (well-known types included);
- `scalars`: `type` + `format` -> a proto scalar (the 64-bit forms included);
- `collections`: arrays (`repeated`), `additionalProperties` (`map<K, V>`), inline objects.

A new form goes in the module of its family (or a new one listed here), with a row in the table
of `schema_types`.
"""
