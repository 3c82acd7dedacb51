"""Raw HTTP/1.1 Connect requests for the fault tests (no Connect code on the client side)."""

from __future__ import annotations

import http.client
import json
import struct
from dataclasses import dataclass
from typing import Any

__all__ = ["GET_RUN_STATUS", "STREAM_LOGS", "Answer", "connect", "end_of_stream", "messages", "send", "stream_body"]

GET_RUN_STATUS = "/depot.ci.v1.CIService/GetRunStatus"
STREAM_LOGS = "/depot.ci.v1.CIService/StreamJobAttemptLogs"


@dataclass(frozen=True)
class Answer:
    """An HTTP response: status, headers (lower-case names) and body."""

    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def connect(url: str, timeout_s: float = 10) -> http.client.HTTPConnection:
    """An HTTP/1.1 connection (kept alive between requests) to the server at `url`."""
    host, port = url.removeprefix("http://").split(":")
    return http.client.HTTPConnection(host, int(port), timeout=timeout_s)


def send(
    connection: http.client.HTTPConnection, path: str, payload: dict[str, Any], headers: dict[str, str] | None = None
) -> Answer:
    """POST `payload` as Connect JSON (enveloped for the stream `STREAM_LOGS`) on `connection`."""
    body = json.dumps(payload).encode()
    content_type = "application/json"
    if path == STREAM_LOGS:
        body, content_type = stream_body(payload), "application/connect+json"
    connection.request(
        "POST",
        path,
        body=body,
        headers={"Content-Type": content_type, "Connect-Protocol-Version": "1", **(headers or {})},
    )
    response = connection.getresponse()
    return Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())


def stream_body(payload: dict[str, Any]) -> bytes:
    """One Connect envelope holding `payload` as JSON."""
    data = json.dumps(payload).encode()
    return struct.pack(">BI", 0, len(data)) + data


def _frames(body: bytes) -> list[tuple[int, bytes]]:
    frames = []
    while body:
        flags, length = struct.unpack(">BI", body[:5])
        frames.append((flags, body[5 : 5 + length]))
        body = body[5 + length :]
    return frames


def messages(body: bytes) -> list[Any]:
    """The JSON messages of a Connect stream's body (end-of-stream frame excluded)."""
    return [json.loads(data) for flags, data in _frames(body) if not flags & 0x02]


def end_of_stream(body: bytes) -> Any:
    """The end-of-stream JSON of a Connect stream's body."""
    ends = [json.loads(data) for flags, data in _frames(body) if flags & 0x02]
    assert len(ends) == 1, f"expected one end-of-stream frame, got {len(ends)}"
    return ends[0]
