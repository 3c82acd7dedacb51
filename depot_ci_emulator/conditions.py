"""`if:` conditions of jobs and steps, evaluated the way GitHub Actions evaluates status checks.

The emulator evaluates status-check functions (`success()`, `failure()`, `always()`,
`cancelled()`), `true`/`false`, `!`, `&&`, `||` and parentheses exactly. A condition that uses
anything else (contexts such as `github.ref == 'refs/heads/main'`) cannot be evaluated without a
real event; it is treated as true, still behind GitHub's implicit `success()` when it names no
status function, and the executor logs a line saying so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Status", "evaluate"]

_TOKEN = re.compile(r"\s*(\(|\)|!|&&|\|\||true\b|false\b|(?:success|failure|always|cancelled)\(\s*\))")
_STATUS_FUNCTION = re.compile(r"\b(success|failure|always|cancelled)\(\s*\)")


@dataclass(frozen=True)
class Status:
    """What the status-check functions answer at the point a condition is evaluated."""

    success: bool
    failure: bool
    cancelled: bool = False


def _strip(condition: str) -> str:
    text = condition.strip()
    if text.startswith("${{") and text.endswith("}}"):
        text = text[3:-2].strip()
    return text


def evaluate(condition: str, status: Status) -> tuple[bool, bool]:
    """Evaluate an `if:` condition.

    Args:
        condition: The condition as written (with or without `${{ }}`); empty means `success()`.
        status: What `success()`, `failure()` and `cancelled()` answer here.

    Returns:
        `(result, exact)`: whether the job or step runs, and False when part of the condition could
        not be evaluated by the emulator (see the module docstring).
    """
    text = _strip(condition)
    if not text:
        return status.success, True
    tokens = _tokens(text)
    if tokens is None:
        names = set(_STATUS_FUNCTION.findall(text))
        if "always" in names:
            return True, False
        if "failure" in names or "cancelled" in names:
            return (status.failure and "failure" in names) or (status.cancelled and "cancelled" in names), False
        return status.success, False
    value, rest = _or(tokens, status)
    if rest:
        return status.success, False
    if not _STATUS_FUNCTION.search(text):
        value = value and status.success
    return value, True


def _tokens(text: str) -> list[str] | None:
    tokens: list[str] = []
    position = 0
    while position < len(text):
        found = _TOKEN.match(text, position)
        if not found:
            return None if text[position:].strip() else tokens
        tokens.append(found[1].replace(" ", ""))
        position = found.end()
    return tokens


def _or(tokens: list[str], status: Status) -> tuple[bool, list[str]]:
    value, rest = _and(tokens, status)
    while rest[:1] == ["||"]:
        right, rest = _and(rest[1:], status)
        value = value or right
    return value, rest


def _and(tokens: list[str], status: Status) -> tuple[bool, list[str]]:
    value, rest = _not(tokens, status)
    while rest[:1] == ["&&"]:
        right, rest = _not(rest[1:], status)
        value = value and right
    return value, rest


def _not(tokens: list[str], status: Status) -> tuple[bool, list[str]]:
    if tokens[:1] == ["!"]:
        value, rest = _not(tokens[1:], status)
        return not value, rest
    return _atom(tokens, status)


def _atom(tokens: list[str], status: Status) -> tuple[bool, list[str]]:
    if not tokens:
        return False, ["<end>"]
    head, rest = tokens[0], tokens[1:]
    if head == "(":
        value, rest = _or(rest, status)
        if rest[:1] != [")"]:
            return False, ["<unbalanced>"]
        return value, rest[1:]
    answers = {
        "true": True,
        "false": False,
        "success()": status.success,
        "failure()": status.failure,
        "always()": True,
        "cancelled()": status.cancelled,
    }
    if head in answers:
        return answers[head], rest
    return False, ["<unexpected>", *tokens]
