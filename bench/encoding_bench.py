"""Encoding: binary protobuf and JSON, encode and decode, of the realistic GetRunStatusResponse.

`json_format.MessageToJson` with its defaults (what connectrpc.compat's JSON codec, used by the
official stubs, sends: indented JSON) and `json_format.Parse`, against `SerializeToString` and
`FromString`; plus the JSON codec of our generated package (compact JSON), when it has one.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from connectrpc.codec import Codec
from depot_ci.v1 import GetRunStatusResponse, ci_connect, ci_pb2
from google.protobuf import json_format

from .payloads import run_status_response
from .report import Section, Table
from .timing import calibrate, interleave, log, spread

__all__ = ["run"]


def _rate(operation: Callable[[], object], count: int) -> Callable[[], float]:
    def run() -> float:
        started = time.perf_counter()
        for _ in range(count):
            operation()
        return count / (time.perf_counter() - started)

    return run


def _our_json_codec() -> Codec | None:
    """The JSON codec our generated clients and servers use (a private helper of the generated module)."""
    make = getattr(ci_connect, "_codec", None)
    if make is None:
        return None
    codec: Codec = make("json")
    return codec


def run(*, rounds: int, seconds_per_round: float) -> Section:
    """Messages per second of each operation, interleaved round by round."""
    message = run_status_response(ci_pb2)
    binary = message.SerializeToString()
    text = json_format.MessageToJson(message)
    operations: dict[str, Callable[[], object]] = {
        "binary encode (SerializeToString)": message.SerializeToString,
        "binary decode (FromString)": lambda: GetRunStatusResponse.FromString(binary),
        "JSON encode (MessageToJson)": lambda: json_format.MessageToJson(message),
        "JSON decode (Parse)": lambda: json_format.Parse(text, GetRunStatusResponse()),
    }
    ours = _our_json_codec()
    compact = b""
    if ours is not None:
        codec = ours
        compact = codec.encode(message)
        operations["JSON encode, our generated codec"] = lambda: codec.encode(message)
        operations["JSON decode, our generated codec"] = lambda: codec.decode(compact, GetRunStatusResponse)
    variants = []
    for name, operation in operations.items():

        def repeat(count: int, operation: Callable[[], object] = operation) -> None:
            for _ in range(count):
                operation()

        count = calibrate(repeat, seconds_per_round)
        variants.append((name, _rate(operation, count)))
    log(f"encoding: {len(variants)} operations x {rounds} rounds of ~{seconds_per_round:.2f} s")
    measured = interleave(variants, rounds, label="encoding")
    rows = [
        (name, f"{m.median:,.0f}", spread(m.values, "{:,.0f}"), f"{1e6 / m.median:.1f}") for name, m in measured.items()
    ]
    encode = measured["JSON encode (MessageToJson)"].median / measured["binary encode (SerializeToString)"].median
    decode = measured["JSON decode (Parse)"].median / measured["binary decode (FromString)"].median
    compact_note = (
        f", {len(compact):,} bytes as compact JSON from our generated codec (`MessageToDict` + `json.dumps`)"
        if compact
        else ""
    )
    method = (
        f"The GetRunStatusResponse of the unary benchmark: {len(binary):,} bytes in binary protobuf, "
        f"{len(text.encode()):,} bytes as `MessageToJson` writes it by default (indented; what connectrpc.compat's "
        f"JSON codec, used by the official stubs, sends){compact_note}. Each operation runs a calibrated number of "
        f"times per round (about {seconds_per_round:.2f} s), {rounds} rounds interleaved."
    )
    notes = [
        f"`MessageToJson` runs at {encode:.1%} of the binary encode rate, `Parse` at {decode:.1%} of the binary "
        "decode rate (upb backend for binary; json_format is pure Python)."
    ]
    if compact:
        ours_encode = (
            measured["JSON encode, our generated codec"].median / measured["JSON encode (MessageToJson)"].median
        )
        ours_decode = measured["JSON decode, our generated codec"].median / measured["JSON decode (Parse)"].median
        notes.append(
            f"Our generated JSON codec encodes at {ours_encode:.2f}× and decodes at {ours_decode:.2f}× the rate of "
            f"`MessageToJson`/`Parse`, and its output is {len(compact) / len(text.encode()):.0%} of the size."
        )
    table = Table(("operation", "messages/s (median)", "range", "µs/message"), rows)
    headlines = [
        (
            "Encoding GetRunStatusResponse, msgs/s: binary encode / decode, MessageToJson / Parse"
            + (", our JSON codec encode / decode" if compact else ""),
            " / ".join(f"{m.median:,.0f}" for m in measured.values()),
        )
    ]
    return Section("Encoding (GetRunStatusResponse)", method, [table], notes, headlines=headlines)
