"""The proto back end of the model: check what protoc would reject (`checks`), print .proto text
(`to_proto`, with protoc's name scoping in `scoping`) and compile it with protoc (`compile`)."""

from .checks import check_api
from .compile import compile_protos
from .to_proto import to_proto

__all__ = ["check_api", "compile_protos", "to_proto"]
