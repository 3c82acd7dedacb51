"""The proto back end of the model: print .proto text (`to_proto`, with protoc's name scoping in
`scoping`) and compile it with protoc (`compile`)."""

from .compile import compile_protos
from .to_proto import to_proto

__all__ = ["compile_protos", "to_proto"]
