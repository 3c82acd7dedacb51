"""Wire formats: RFC 3339 timestamps, opaque page tokens, and request-field checks.

Page tokens are opaque to clients: base64url of `v1.<seq>.<filters digest>`. A token only works with
the filters it was issued for, so a client that changes filters between pages gets a clear
`invalid_argument` instead of a silently wrong page.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from datetime import UTC, datetime

from .errors import invalid_argument

__all__ = ["check_repo", "check_sha", "decode_page_token", "encode_page_token", "page_size", "rfc3339", "shown"]

_REPO = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
_HEX = re.compile(r"^[0-9a-fA-F]+$")


def shown(value: str, limit: int = 120) -> str:
    """`repr(value)` for an error message, cut to about `limit` characters (requests can be huge)."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit]}... ({len(value)} characters)"


def rfc3339(ms: int | None) -> str:
    """Epoch milliseconds as RFC 3339 UTC with milliseconds (`2026-11-30T05:26:29.123Z`); None -> ""."""
    if ms is None:
        return ""
    moment = datetime.fromtimestamp(ms / 1000, tz=UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms % 1000:03d}Z"


def check_repo(value: str, field: str = "repo") -> str:
    """`value` if it is `owner/name`; raises `invalid_argument` naming `field` otherwise."""
    if not _REPO.match(value):
        raise invalid_argument(
            f'{field} must be a repository in owner/name format, e.g. "depot/cli" (got {shown(value)})'
        )
    return value


def check_sha(value: str, field: str, *, full: bool) -> str:
    """`value` lower-cased if it is hex of the right length (40, or 1-40 for a prefix).

    Raises:
        ConnectError: `invalid_argument` naming `field`.
    """
    if full and (len(value) != 40 or not _HEX.match(value)):
        raise invalid_argument(f"{field} must be a full 40-character hex commit SHA (got {shown(value)})")
    if not full and not (1 <= len(value) <= 40 and _HEX.match(value)):
        raise invalid_argument(f"{field} must be a commit SHA prefix of 1-40 hex characters (got {shown(value)})")
    return value.lower()


def page_size(value: int, default: int, maximum: int) -> int:
    """The page size to use: `default` for 0, at most `maximum`; negative is `invalid_argument`."""
    if value < 0:
        raise invalid_argument(
            f"pageSize must be between 0 and {maximum} (0 means the default, {default}); got {value}"
        )
    return default if value == 0 else min(value, maximum)


def _digest(filters: str) -> str:
    return hashlib.sha256(filters.encode()).hexdigest()[:16]


def encode_page_token(seq: int, filters: str) -> str:
    """A token for the page after the item with sequence number `seq`, bound to `filters`."""
    return base64.urlsafe_b64encode(f"v1.{seq}.{_digest(filters)}".encode()).decode().rstrip("=")


def decode_page_token(token: str, filters: str) -> int | None:
    """The sequence number a page token continues after; None for an empty token.

    Raises:
        ConnectError: `invalid_argument` if the token is malformed or was issued for other filters.
    """
    if not token:
        return None
    try:
        text = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        version, seq, digest = text.split(".")
        number = int(seq)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise invalid_argument(
            "pageToken is not a token this server issued: pass nextPageToken from a previous response, or omit it"
        ) from None
    if version != "v1" or digest != _digest(filters):
        raise invalid_argument("pageToken was issued for other filters: send the same filters as the first page")
    return number
