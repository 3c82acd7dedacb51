"""Fixed code of the generated clients: call options and configuration (see `helpers.py`).

Copied into generated connect modules by name, like `helpers.py`: `UseClientDefault` and
`RetryPolicy` (public, exported by the generated package), how a call's options fall back to the
client's, the base URL check and what `from_env` reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from os import environ
from random import random
from typing import Final

from connectrpc.code import Code


# == head: public names the generated clients' signatures use, so placed before the classes ==
class UseClientDefault(Enum):
    """The type of `USE_CLIENT_DEFAULT`: a call argument left to the client's setting."""

    USE_CLIENT_DEFAULT = "USE_CLIENT_DEFAULT"


USE_CLIENT_DEFAULT: Final = UseClientDefault.USE_CLIENT_DEFAULT
"""A call's `timeout_ms` or `retry` left at this takes the client's default; None means "none"."""


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How a call that is safe to repeat is tried again after a transient failure.

    Only methods without side effects (idempotency level `NO_SIDE_EFFECTS` or `IDEMPOTENT`) are
    retried, only on the codes in `codes` (`unavailable`, which is also what a connection failure
    raises), and never past the call's deadline. The pause before retry n is
    `min(max_backoff_ms, initial_backoff_ms * multiplier ** (n - 1))`, less a random share of at
    most `jitter` of it, so that many clients failing together do not retry together.

    Raises:
        ValueError: If a setting is out of range; the message names it.
    """

    max_attempts: int = 3
    """Attempts in all, the first included (1 disables retries)."""
    initial_backoff_ms: float = 250
    """Pause before the first retry, in milliseconds."""
    max_backoff_ms: float = 8_000
    """Longest pause between attempts, in milliseconds."""
    multiplier: float = 2.0
    """Growth of the pause from one retry to the next (at least 1)."""
    jitter: float = 0.25
    """The largest share of a pause taken off at random (0 to 1)."""
    codes: frozenset[Code] = frozenset({Code.UNAVAILABLE})
    """The codes that are retried."""

    def __post_init__(self) -> None:
        problems = [
            (self.max_attempts >= 1, f"max_attempts must be at least 1, not {self.max_attempts}"),
            (self.initial_backoff_ms >= 0, f"initial_backoff_ms must be at least 0, not {self.initial_backoff_ms}"),
            (
                self.max_backoff_ms >= self.initial_backoff_ms,
                f"max_backoff_ms ({self.max_backoff_ms}) must be at least initial_backoff_ms "
                f"({self.initial_backoff_ms})",
            ),
            (self.multiplier >= 1, f"multiplier must be at least 1, not {self.multiplier}"),
            (0 <= self.jitter <= 1, f"jitter must be between 0 and 1, not {self.jitter}"),
        ]
        for valid, problem in problems:
            if not valid:
                raise ValueError(problem)

    def backoff_ms(self, retry: int) -> float:
        """The pause in milliseconds before retry number `retry` (1 for the first retry)."""
        full = min(self.max_backoff_ms, self.initial_backoff_ms * self.multiplier ** (retry - 1))
        return full * (1 - self.jitter * random())


# == client: options and configuration ==
def _timeout(timeout_ms: int | None | UseClientDefault, default: int | None) -> int | None:
    """A call's timeout in ms: its own, or the client's `default`; None for none."""
    if isinstance(timeout_ms, UseClientDefault):
        return default
    if timeout_ms is not None and timeout_ms < 0:
        msg = f"timeout_ms must be at least 0 (or None for no timeout), not {timeout_ms}"
        raise ValueError(msg)
    return timeout_ms


def _policy(retry: RetryPolicy | None | UseClientDefault, default: RetryPolicy | None) -> RetryPolicy | None:
    """A call's retry policy: its own, or the client's `default`; None for none."""
    return default if isinstance(retry, UseClientDefault) else retry


def _base_url(base_url: str, source: str = "base_url") -> str:
    """`base_url` without a trailing slash; ValueError naming `source` unless it is an http(s) URL."""
    scheme, _, rest = base_url.partition("://")
    if scheme.lower() not in ("http", "https") or not rest.strip("/"):
        msg = f"{source} must start with the scheme http:// or https:// and name a host, not {base_url!r}"
        raise ValueError(msg)
    return base_url.rstrip("/")


def _header_value(value: str, source: str, what: str, scheme: str = "") -> str:
    """`value` without surrounding whitespace (and without `scheme`, if it starts with it), checked for a header.

    `source` names where it came from (`$VARIABLE` or `token`) in errors, `what` is what to put
    there; the value itself is never shown, as it may be a secret.

    Raises:
        ValueError: If nothing is left, or it holds a character an HTTP header cannot carry.
    """
    value = value.strip()
    rest = value[len(scheme) :]
    # `Bearer` must end at whitespace (`Bearerx` is a token), a scheme like `Token token=` need not.
    if (
        scheme
        and value[: len(scheme)].lower() == scheme.lower()
        and (rest[:1].isspace() or not scheme[-1].isalnum() or not rest)
    ):
        value = rest.strip()
    if not value:
        msg = f"{source} is empty (or only whitespace): set it to {what}"
        raise ValueError(msg)
    for position, character in enumerate(value):
        if not " " <= character <= "~":
            msg = (
                f"{source} holds a character an HTTP header cannot carry (code point {ord(character)} at "
                f"position {position}; only printable ASCII may be sent): set it to {what}"
            )
            raise ValueError(msg)
    return value


def _environment_settings(
    base_url: str | None,
    token: str | None,
    headers: Mapping[str, str] | None,
    *,
    default_url: str,
    url_variable: str,
    token_variable: str,
    token_header: str,
    token_format: str,
    header_variables: Mapping[str, str],
) -> tuple[str, dict[str, str]]:
    """The base URL and headers of `from_env`: explicit arguments first, then the environment.

    The token and header values lose surrounding whitespace (a variable set from a file often
    ends with a line break); a token that starts with the scheme `token_format` adds (`Bearer `)
    loses it, so that it is not sent twice.
    """
    url = base_url
    if url is None and url_variable and (url := environ.get(url_variable) or None) is not None:
        url = _base_url(url, f"${url_variable}")
    found: dict[str, str] = {}
    explicit = {name.lower() for name in headers or {}}
    scheme = token_format.partition("{token}")[0].strip()
    if token is not None:
        found[token_header] = token_format.format(token=_header_value(token, "token", "an API token", scheme))
    elif token_variable and token_header.lower() not in explicit:
        variable = environ.get(token_variable)
        if not variable:
            msg = f"${token_variable} is not set: set it to an API token, or pass token=..."
            raise ValueError(msg)
        found[token_header] = token_format.format(
            token=_header_value(variable, f"${token_variable}", "an API token, or pass token=...", scheme)
        )
    for header, variable_name in header_variables.items():
        if (value := environ.get(variable_name)) and header.lower() not in explicit:
            found[header] = _header_value(value, f"${variable_name}", f"the {header} header's value, or unset it")
    merged = {name: value for name, value in found.items() if name.lower() not in explicit}
    merged.update(headers or {})
    return url or default_url, merged
