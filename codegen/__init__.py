"""codegen: a Connect-shaped OpenAPI 3.1 document -> .proto -> a typed Connect Python package.

One package per pipeline stage, each a set of pure functions over frozen data (`model.py`):

    codegen.openapi   load, validate and mirror the document; build the unnumbered model (ApiDraft)
    codegen.lock      the field-number lock file; number the draft (-> Api and the new lock)
    codegen.proto     print .proto text; compile it with protoc
    codegen.python    the Python package around the protobuf modules (Jinja2, `templates/`)

`codegen.pipeline` chains them; `python -m codegen` (`codegen.cli`) is the command line.
docs/architecture.md says where to change what.
"""
