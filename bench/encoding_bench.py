"""Encoding: binary protobuf and JSON, encode and decode, of the realistic GetRunStatusResponse.

Binary (`SerializeToString`, `FromString`) and three JSON codecs: our generated package's (per-message
generated functions), the same codec before those functions (`MessageToDict` + `json.dumps`,
`json_format.Parse`), and `json_format.MessageToJson` with its defaults and `Parse` (what
connectrpc.compat's JSON codec, used by the official stubs, does: indented JSON).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

from depot_ci.v1 import GetRunStatusResponse, ci_connect, ci_pb2
from google.protobuf import json_format
from google.protobuf.message import Message

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


def _previous_encode(message: Message) -> bytes:
    """The generated JSON codec's encode before its per-message functions: `MessageToDict` + `json.dumps`."""
    return json.dumps(json_format.MessageToDict(message), separators=(",", ":"), ensure_ascii=False).encode()


def _previous_decode(data: bytes) -> GetRunStatusResponse:
    """The generated JSON codec's decode before its per-message functions: `json_format.Parse`."""
    return json_format.Parse(data.decode(), GetRunStatusResponse(), ignore_unknown_fields=True)


_ENCODE_OURS = "JSON encode, generated functions (our codec)"
_ENCODE_PREVIOUS = "JSON encode, MessageToDict + json.dumps (our codec before)"
_ENCODE_JSON_FORMAT = "JSON encode, MessageToJson (official stubs)"
_DECODE_OURS = "JSON decode, generated functions (our codec)"
_DECODE_PREVIOUS = "JSON decode, json_format.Parse of compact JSON (our codec before)"
_DECODE_JSON_FORMAT = "JSON decode, json_format.Parse of MessageToJson's output (official stubs)"
_TARGETS = ((_DECODE_OURS, _DECODE_PREVIOUS, 5.0, "decode"), (_ENCODE_OURS, _ENCODE_PREVIOUS, 3.0, "encode"))
"""(ours, baseline, the minimum ratio issue 15 asks for, what)."""


def run(*, rounds: int, seconds_per_round: float) -> Section:
    """Messages per second of each operation, interleaved round by round."""
    message = run_status_response(ci_pb2)
    binary = message.SerializeToString()
    text = json_format.MessageToJson(message)
    codec = ci_connect._codec("json")
    compact = codec.encode(message)
    if compact != _previous_encode(message):
        raise RuntimeError("the generated JSON codec no longer writes what MessageToDict + json.dumps write")
    operations: dict[str, Callable[[], object]] = {
        "binary encode (SerializeToString)": message.SerializeToString,
        "binary decode (FromString)": lambda: GetRunStatusResponse.FromString(binary),
        _ENCODE_OURS: lambda: codec.encode(message),
        _ENCODE_PREVIOUS: lambda: _previous_encode(message),
        _ENCODE_JSON_FORMAT: lambda: json_format.MessageToJson(message),
        _DECODE_OURS: lambda: codec.decode(compact, GetRunStatusResponse),
        _DECODE_PREVIOUS: lambda: _previous_decode(compact),
        _DECODE_JSON_FORMAT: lambda: json_format.Parse(text, GetRunStatusResponse()),
    }
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
    method = (
        f"The GetRunStatusResponse of the unary benchmark: {len(binary):,} bytes in binary protobuf, "
        f"{len(compact):,} bytes as the compact JSON our generated codec writes (byte for byte what "
        "`MessageToDict` + `json.dumps` write: checked before timing), "
        f"{len(text.encode()):,} bytes as `MessageToJson` writes it by default (indented; what connectrpc.compat's "
        f"JSON codec, used by the official stubs, sends). Each operation runs a calibrated number of "
        f"times per round (about {seconds_per_round:.2f} s), {rounds} rounds interleaved; ratios are taken "
        "round by round, their median reported."
    )
    notes = []
    headlines = []
    for ours, baseline, target, what in _TARGETS:
        ratios = sorted(a / b for a, b in zip(measured[ours].values, measured[baseline].values, strict=True))
        median = ratios[len(ratios) // 2]
        verdict = "meets" if median >= target else "MISSES"
        notes.append(
            f"JSON {what}: the generated functions run at {median:.2f}× (rounds: {ratios[0]:.2f}–{ratios[-1]:.2f}) "
            f"the rate of our codec before them; issue 15's target is ≥ {target:g}×: {verdict} it."
        )
        headline = f"JSON {what} GetRunStatusResponse, generated / before (target ≥ {target:g}×)"
        headlines.append((headline, f"{median:.2f}×"))
    table = Table(("operation", "messages/s (median)", "range", "µs/message"), rows)
    headlines.insert(
        0,
        (
            "Encoding GetRunStatusResponse, msgs/s: " + " / ".join(measured),
            " / ".join(f"{m.median:,.0f}" for m in measured.values()),
        ),
    )
    return Section("Encoding (GetRunStatusResponse)", method, [table], notes, headlines=headlines)
