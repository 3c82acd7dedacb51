"""Unary calls: GetRunStatus through our client and server, the official stubs' and raw HTTP.

Both servers (ours and one built from the official stubs) run under uvicorn in their own
subprocesses. From this process three kinds of client call each server, in binary protobuf and in
JSON: our `CIServiceClientSync`, the official `CIServiceClientSync`, and a raw pyqwest POST of a
pre-encoded (and, like the Connect clients' requests, gzip-compressed) body whose answer is read
but not decoded. All variants run interleaved, round by round.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from types import ModuleType
from typing import Any, Literal

import pyqwest
from connectrpc.compat import google_protobuf_binary_codec, google_protobuf_json_codec
from connectrpc.compression.gzip import GzipCompression
from depot_ci.v1 import CIServiceClientSync, GetRunStatusRequest, GetRunStatusResponse
from google.protobuf import json_format

from .payloads import run_status_response
from .report import Section, Table
from .servers import Server
from .timing import Measured, interleave, log, ratios, spread

__all__ = ["run"]

Encoding = Literal["proto", "json"]
_ENCODINGS: tuple[Encoding, ...] = ("proto", "json")
_PATH = "/depot.ci.v1.CIService/GetRunStatus"
_REQUEST = GetRunStatusRequest(run_id="run_01jd8q4yh7r3m2k9v0c5x6t8zw")


def _name(client: str, server: str, encoding: Encoding) -> str:
    return f"{client} → {server} ({encoding})"


def _calls_per_second(call: Callable[[], object], calls: int) -> Callable[[], float]:
    def run() -> float:
        started = time.perf_counter()
        for _ in range(calls):
            call()
        return calls / (time.perf_counter() - started)

    return run


def _raw_call(url: str, encoding: Encoding) -> Callable[[], object]:
    """A POST of the pre-encoded request with the headers a Connect client sends; the body is not decoded."""
    http = pyqwest.SyncClient()
    body = _REQUEST.SerializeToString() if encoding == "proto" else json_format.MessageToJson(_REQUEST).encode()
    content = GzipCompression().compress(body)
    headers = {
        "content-type": f"application/{encoding}",
        "connect-protocol-version": "1",
        "content-encoding": "gzip",
        "accept-encoding": "gzip",
        "user-agent": "bench-raw",
    }
    target = url + _PATH

    def call() -> bytes:
        response = http.post(target, headers=headers, content=content)
        if response.status != 200:
            raise RuntimeError(f"raw POST answered HTTP {response.status}: {response.content[:200]!r}")
        return response.content

    return call


def run(
    official_connect: ModuleType,
    ours: Server,
    official: Server,
    *,
    rounds: int,
    calls: int,
    warmup: int,
) -> Section:
    """Measure every (client, server, encoding) combination; return the report section."""
    expected = run_status_response(_pb2())
    closers: list[Callable[[], None]] = []
    variants: list[tuple[str, Callable[[], float]]] = []
    try:
        for encoding in _ENCODINGS:
            for server in (ours, official):
                our_client = CIServiceClientSync(server.url, encoding=encoding)
                codec = google_protobuf_binary_codec() if encoding == "proto" else google_protobuf_json_codec()
                their_client: Any = official_connect.CIServiceClientSync(server.url, codec=codec)
                closers += [our_client.close, their_client.close]

                def ours_call(client: CIServiceClientSync = our_client) -> GetRunStatusResponse:
                    return client.get_run_status(_REQUEST)

                def their_call(client: Any = their_client) -> GetRunStatusResponse:
                    response: GetRunStatusResponse = client.get_run_status(_REQUEST)
                    return response

                raw_call = _raw_call(server.url, encoding)
                for label, call in (("ours", ours_call), ("official", their_call), ("raw", raw_call)):
                    answer = call()
                    if label != "raw" and answer != expected:
                        raise RuntimeError(f"{label} client got an unexpected GetRunStatusResponse")
                    for _ in range(warmup):
                        call()
                    variants.append((_name(label, server.impl, encoding), _calls_per_second(call, calls)))
        log(f"unary: {len(variants)} variants x {rounds} rounds x {calls} calls")
        measured = interleave(variants, rounds, label="unary")
    finally:
        for close in closers:
            close()
    return _section(measured, rounds, calls, warmup, len(expected.SerializeToString()))


def _pb2() -> ModuleType:
    from depot_ci.v1 import ci_pb2

    return ci_pb2


def _section(measured: dict[str, Measured], rounds: int, calls: int, warmup: int, size: int) -> Section:
    rows: list[tuple[str, ...]] = []
    for encoding in _ENCODINGS:
        for server in ("ours", "official"):
            for client in ("ours", "official", "raw"):
                m = measured[_name(client, server, encoding)]
                rows.append(
                    (client, server, encoding, f"{m.median:,.0f}", spread(m.values, "{:,.0f}"), f"{1e6 / m.median:.0f}")
                )
    calls_table = Table(("client", "server", "encoding", "calls/s (median)", "range", "µs/call"), rows)

    def ratio(numerator: str, denominator: str) -> Measured:
        return ratios(measured[numerator], measured[denominator])

    ratio_rows: list[tuple[str, ...]] = []
    headlines: list[tuple[str, str]] = []
    for encoding in _ENCODINGS:
        pairs = (
            ("client: ours / official (both against our server)", ("ours", "ours"), ("official", "ours")),
            (
                "client: ours / official (both against the official server)",
                ("ours", "official"),
                ("official", "official"),
            ),
            ("server: ours / official (our client)", ("ours", "ours"), ("ours", "official")),
            ("server: ours / official (raw client)", ("raw", "ours"), ("raw", "official")),
            ("our layer: our client / raw POST (our server)", ("ours", "ours"), ("raw", "ours")),
            (
                "official layer: official client / raw POST (official server)",
                ("official", "official"),
                ("raw", "official"),
            ),
        )
        ours_ours = measured[_name("ours", "ours", encoding)]
        headlines.append((f"Unary {encoding}, our client → our server", f"{ours_ours.median:,.0f} calls/s"))
        for index, (label, (c1, s1), (c2, s2)) in enumerate(pairs):
            r = ratio(_name(c1, s1, encoding), _name(c2, s2, encoding))
            ratio_rows.append((label, encoding, f"{r.median:.3f}", spread(r.values, "{:.3f}")))
            if index in (0, 3, 4):
                headlines.append((f"Unary {encoding}, {label}", f"{r.median:.3f}"))
    ratio_table = Table(
        ("ratio of calls/s", "encoding", "median", "range"), ratio_rows, "Ratios (> 1: the first is faster)"
    )
    notes = []
    for encoding in _ENCODINGS:
        layer = ratio(_name("ours", "ours", encoding), _name("raw", "ours", encoding)).median
        ours_us = 1e6 / measured[_name("ours", "ours", encoding)].median
        raw_us = 1e6 / measured[_name("raw", "ours", encoding)].median
        official_layer = ratio(_name("official", "official", encoding), _name("raw", "official", encoding)).median
        notes.append(
            f"{encoding}: a call through our client costs {ours_us:.0f} µs against {raw_us:.0f} µs for the raw POST "
            f"(our client reaches {layer:.0%} of raw throughput, the official client {official_layer:.0%} of it "
            "against its server); the difference is client-side work in connectrpc, which both use: encoding "
            "and gzip-compressing the request, the Connect request context and response checks, decoding the "
            "response" + (" (json_format.Parse dominates)." if encoding == "json" else ".")
        )
    for encoding in _ENCODINGS:
        client_ratio = ratio(_name("ours", "ours", encoding), _name("official", "ours", encoding))
        server_ratio = ratio(_name("raw", "ours", encoding), _name("raw", "official", encoding))
        verdicts = [
            f"{what} {r.median:.3f} ({spread(r.values, '{:.3f}')}, "
            + ("range spans 1: no measurable difference" if r.low <= 1 <= r.high else "range excludes 1")
            + ")"
            for what, r in (("client", client_ratio), ("server", server_ratio))
        ]
        notes.append(f"{encoding}, ours / official stubs: " + "; ".join(verdicts) + ".")
    target = ratio(_name("ours", "ours", "json"), _name("official", "official", "json"))
    notes.append(
        f"JSON, our client and server / the official stubs' client and server: {target.median:.2f}× "
        f"({spread(target.values, '{:.2f}')}); issue 15's target is ≥ 2×: "
        + ("meets it." if target.median >= 2 else "MISSES it.")
    )
    headlines.append(("Unary json, ours/ours over official/official (target ≥ 2×)", f"{target.median:.2f}×"))
    method = (
        f"GetRunStatus answering a realistic `GetRunStatusResponse` (3 workflows x 10 jobs x 2 attempts, "
        f"{size:,} bytes in binary protobuf), called with the sync clients; each server is uvicorn with one "
        f"worker (h11, asyncio loop) in its own subprocess on 127.0.0.1, client and servers share the 2 cores. "
        f"{rounds} rounds x {calls} calls per variant after {warmup} warm-up calls; the 12 variants run "
        "interleaved. The official stubs are generated at benchmark time by `protoc-gen-connectrpc` "
        "(`protobuf=google`) from our `proto/`. Requests are gzip-compressed (the clients' default) and "
        "responses gzip-compressed by the server (the clients accept gzip); the raw POST sends the same "
        "pre-compressed body and headers, and pyqwest decompresses its answer."
    )
    return Section("Unary calls (GetRunStatus)", method, [calls_table, ratio_table], notes, headlines=headlines)
