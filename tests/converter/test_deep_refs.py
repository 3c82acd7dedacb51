"""A valid document whose messages form a long `$ref` chain converts (the validator recurses per link)."""

from __future__ import annotations

from typing import Any

from codegen.lock import Lock
from codegen.openapi import load_data
from codegen.pipeline import to_model

LINKS = 800  # Python's default recursion limit stopped the validator at about 500 links.


def _chain(links: int) -> dict[str, Any]:
    schemas: dict[str, Any] = {}
    for index in range(links):
        properties: dict[str, Any] = {"id": {"type": "string", "title": "id"}}
        if index + 1 < links:
            properties["next"] = {"$ref": f"#/components/schemas/chain.v1.Link{index + 1}", "title": "next"}
        schemas[f"chain.v1.Link{index}"] = {"type": "object", "properties": properties, "additionalProperties": False}
    body = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/chain.v1.Link0"}}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "chain.v1", "version": "v1"},
        "paths": {
            "/chain.v1.ChainService/Walk": {
                "post": {"requestBody": body, "responses": {"200": {"description": "ok", **body}}}
            }
        },
        "components": {"schemas": schemas},
    }


def test_a_long_reference_chain_is_validated_and_converted() -> None:
    result = to_model(load_data(_chain(LINKS), "chain.json"), Lock())
    (package,) = result.api.packages
    assert len(package.messages) == LINKS
    assert package.messages[-2].field("next").type.full_name == f"chain.v1.Link{LINKS - 1}"  # type: ignore[union-attr]
