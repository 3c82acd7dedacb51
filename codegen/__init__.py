"""codegen: a Connect-shaped OpenAPI 3.1 document -> .proto -> a typed Connect Python package.

The stages, each a pure function over frozen data:

    load(path) -> Document                      codegen.load
    to_model(document, lock) -> ModelResult     codegen.to_model
    to_proto(api) -> {path: text}               codegen.to_proto
    compile_protos(api, protos, layout) -> ...  codegen.compile
    render(api, layout) -> {path: text}         codegen.render

`codegen.pipeline` chains them; `python -m codegen` is the command line.
"""
