"""The Depot package's generated protobuf-JSON functions write and read exactly what json_format does.

Every message with generated functions is checked (`properties.check_message`); the example
counts keep the module to well under a minute on two shared cores.
"""

from __future__ import annotations

import pytest
from depot_ci.v1 import ci_connect
from google.protobuf.message import Message

from .properties import check_edges, check_message, codec_messages

EXAMPLES = 25


@pytest.mark.parametrize("message_class", codec_messages(ci_connect), ids=lambda cls: cls.DESCRIPTOR.name)
def test_depot_message_json(message_class: type[Message]) -> None:
    check_edges(ci_connect, message_class)
    check_message(ci_connect, message_class, EXAMPLES)


def test_every_message_of_a_method_has_functions() -> None:
    methods = [value for value in vars(ci_connect).values() if type(value).__name__ == "MethodInfo"]
    assert methods
    for method in methods:
        assert method.input in ci_connect._JSON_CODECS
        assert method.output in ci_connect._JSON_CODECS
