"""Simulated artifacts: what `actions/upload-artifact` steps make, and the signed URLs serving them.

An `actions/upload-artifact` step (any version) with `with: {name, path}` creates one artifact of
its attempt; `name` defaults to `artifact` as in the real action, a missing `path` or a name the
attempt already uploaded fails the step with the action's message. Nothing is read from disk: the
content is deterministic simulated bytes, a function of (name, path) only, so the same step uploads
the same bytes on every attempt:

- size: `MIN_SIZE + int(sha256(name NUL path)[:8], 16) % SIZE_SPREAD` bytes (512 B to about 64 KiB);
- content: a three-line text header naming the artifact, then a filler of sha256-chained hex, cut to
  the size.

`GetArtifactDownloadURL` returns `<base>/artifacts/<artifact id>/<name>?expires=<ms>&signature=<hex>`
served by the emulator itself (`ArtifactDownloads`). The signature is HMAC-SHA256 over the artifact
id, name and expiry with a key drawn at start-up (so URLs do not outlive the process); the expiry
is `URL_TTL_MS` after issuance on the emulated clock. Before expiry a plain GET needs no token;
after it, or when any part of the URL was altered, the answer is 403.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, quote, unquote

from .clock import Clock
from .store import Store

__all__ = [
    "MIN_SIZE",
    "SIZE_SPREAD",
    "UPLOAD_ACTION",
    "URL_TTL_MS",
    "ArtifactDownloads",
    "UrlSigner",
    "content",
    "is_upload",
    "simulated_size",
]

UPLOAD_ACTION = "actions/upload-artifact"
URL_TTL_MS = 5 * 60 * 1000
"""Signed URLs expire 5 minutes after issuance (the reference's GetArtifactDownloadURL)."""
MIN_SIZE = 512
SIZE_SPREAD = 64 * 1024
PREFIX = "/artifacts/"


def is_upload(uses: str) -> bool:
    """True when a step's `uses:` is `actions/upload-artifact` (at any version)."""
    return uses.split("@", 1)[0].strip().lower() == UPLOAD_ACTION


def simulated_size(name: str, path: str) -> int:
    """The simulated artifact's size in bytes (see the module docstring)."""
    digest = hashlib.sha256(f"{name}\0{path}".encode()).hexdigest()
    return MIN_SIZE + int(digest[:8], 16) % SIZE_SPREAD


def content(name: str, path: str, size: int) -> bytes:
    """The simulated artifact's bytes: a header naming it, then sha256-chained filler, `size` bytes long."""
    out = bytearray(f"depot-ci-emulator simulated artifact\nname: {name}\npath: {path}\n".encode())
    block = hashlib.sha256(f"{name}\0{path}".encode()).digest()
    while len(out) < size:
        block = hashlib.sha256(block).digest()
        out += block.hex().encode() + b"\n"
    return bytes(out[:size])


@dataclass(frozen=True)
class UrlSigner:
    """Signs and checks artifact download URLs with HMAC-SHA256 (a random key unless one is given)."""

    key: bytes

    @classmethod
    def random(cls) -> UrlSigner:
        """A signer with a fresh 32-byte key."""
        return cls(secrets.token_bytes(32))

    def _mac(self, artifact_id: str, name: str, expires_ms: int) -> str:
        message = f"{artifact_id}\n{name}\n{expires_ms}".encode()
        return hmac.new(self.key, message, hashlib.sha256).hexdigest()

    def url(self, base: str, artifact_id: str, name: str, expires_ms: int) -> str:
        """The signed URL of an artifact, under `base` (scheme and authority, no trailing slash)."""
        signature = self._mac(artifact_id, name, expires_ms)
        return f"{base}{PREFIX}{artifact_id}/{quote(name, safe='')}?expires={expires_ms}&signature={signature}"

    def verify(self, path: str, query: str, now_ms: int) -> tuple[str, str] | str:
        """(artifact id, name) of a valid, unexpired URL; otherwise the reason it is refused."""
        artifact_id, _, name = path.removeprefix(PREFIX).partition("/")
        params = parse_qs(query, keep_blank_values=True)
        expires = params.get("expires", [""])
        signature = params.get("signature", [""])
        if len(expires) != 1 or len(signature) != 1 or not expires[0].isdigit():
            return "the URL is not a signed artifact URL: request a new one with GetArtifactDownloadURL"
        expected = self._mac(artifact_id, unquote(name), int(expires[0]))
        if not hmac.compare_digest(expected, signature[0]):
            return "the URL's signature does not match: request a new one with GetArtifactDownloadURL"
        if now_ms >= int(expires[0]):
            return "the URL has expired (URLs expire 5 minutes after issuance): request a new one"
        return artifact_id, unquote(name)


class ArtifactDownloads:
    """The ASGI application behind signed artifact URLs (GET or HEAD `/artifacts/...`).

    200 with the simulated bytes (`application/octet-stream`, a `Content-Disposition` filename);
    403 for an expired, altered or unsigned URL; 404 when the artifact no longer exists; 405 for
    other methods. Bodies of refusals are one line of text saying why.
    """

    def __init__(self, signer: UrlSigner, store: Store, clock: Clock) -> None:
        self._signer = signer
        self._store = store
        self._clock = clock

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        """Serve one HTTP request (scope type "http")."""
        method = scope.get("method", "GET")
        if method not in ("GET", "HEAD"):
            allow = [(b"content-type", b"text/plain; charset=utf-8"), (b"allow", b"GET, HEAD")]
            await _answer(send, 405, b"artifact URLs answer GET and HEAD only\n", False, allow)
            return
        raw_path = scope.get("raw_path") or scope["path"].encode()
        query = scope.get("query_string", b"").decode("latin-1")
        verdict = self._signer.verify(raw_path.decode("latin-1"), query, self._clock.now_ms())
        if isinstance(verdict, str):
            await _answer(send, 403, verdict.encode() + b"\n", method == "HEAD")
            return
        artifact = self._store.artifact(verdict[0])
        if artifact is None or artifact.name != verdict[1]:
            await _answer(send, 404, b"the artifact no longer exists\n", method == "HEAD")
            return
        body = content(artifact.name, artifact.path, artifact.size_bytes)
        filename = quote(artifact.name, safe="")
        headers = [
            (b"content-type", b"application/octet-stream"),
            (b"content-disposition", f"attachment; filename*=UTF-8''{filename}".encode()),
        ]
        await _answer(send, 200, body, method == "HEAD", headers)


async def _answer(
    send: Any, status: int, body: bytes, head: bool, headers: list[tuple[bytes, bytes]] | None = None
) -> None:
    all_headers = headers or [(b"content-type", b"text/plain; charset=utf-8")]
    all_headers = [*all_headers, (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": all_headers})
    await send({"type": "http.response.body", "body": b"" if head else body})
